/**
 * DynamoDB's typed attribute values (`{ S }`, `{ N }`, `{ B }`, `{ BOOL }`, `{ NULL }`, `{ M }`,
 * `{ L }`, `{ SS }`, `{ NS }`, `{ BS }`): validation of what a caller sends, comparison and
 * equality as DynamoDB evaluates them, number arithmetic, and item size (the 400 KB limit).
 */
import type { AttributeValue } from "../../../events/dynamodb";
import { base64ToBytes, utf8 } from "../../../events/encoding";
import { validation } from "./errors";

export type AV = AttributeValue;
export type Item = Record<string, AV>;
export type AttributeType = "S" | "N" | "B" | "BOOL" | "NULL" | "M" | "L" | "SS" | "NS" | "BS";

export const ATTRIBUTE_TYPES: readonly AttributeType[] = ["S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS"];

/** Maximum item size, attribute names included (DeveloperGuide ServiceQuotas "Item size"). */
export const MAX_ITEM_BYTES = 400 * 1024;

export function typeOf(v: AV): AttributeType {
  for (const t of ATTRIBUTE_TYPES) if ((v as Record<string, unknown>)[t] !== undefined) return t;
  throw validation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Checks one attribute value the way DynamoDB's front end does: exactly one type, numbers that
 * parse, non-empty sets without duplicates (DeveloperGuide HowItWorks.NamingRulesDataTypes).
 */
export function validateValue(v: unknown, where = "AttributeValue"): AV {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw validation(`Supplied AttributeValue is empty, must contain exactly one of the supported datatypes`);
  const keys = Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined);
  if (keys.length !== 1 || !ATTRIBUTE_TYPES.includes(keys[0] as AttributeType)) {
    throw validation(keys.length > 1 ? "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes" : "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
  }
  const t = keys[0] as AttributeType;
  const x = (v as Record<string, unknown>)[t];
  const num = (n: unknown) => {
    if (typeof n !== "string" || !NUMBER.test(n.trim())) throw validation(`A value provided cannot be converted into a number`);
  };
  switch (t) {
    case "S":
    case "B":
      if (typeof x !== "string") throw validation(`${where}: ${t} must be a string`);
      break;
    case "N":
      num(x);
      break;
    case "BOOL":
    case "NULL":
      if (typeof x !== "boolean") throw validation(`${where}: ${t} must be a boolean`);
      if (t === "NULL" && x !== true) throw validation("One or more parameter values were invalid: Null attribute value types must have the value of true");
      break;
    case "SS":
    case "NS":
    case "BS": {
      if (!Array.isArray(x) || x.some((e) => typeof e !== "string")) throw validation(`${where}: ${t} must be a list of strings`);
      if (x.length === 0) throw validation("One or more parameter values were invalid: An string set  may not be empty");
      if (t === "NS") x.forEach(num);
      const keysOf = t === "NS" ? x.map((e: string) => String(Number(e))) : x;
      if (new Set(keysOf).size !== x.length) throw validation(`One or more parameter values were invalid: Input collection ${JSON.stringify(x)} contains duplicates.`);
      break;
    }
    case "L":
      if (!Array.isArray(x)) throw validation(`${where}: L must be a list`);
      x.forEach((e) => validateValue(e, where));
      break;
    case "M":
      if (typeof x !== "object" || x === null || Array.isArray(x)) throw validation(`${where}: M must be a map`);
      Object.values(x).forEach((e) => validateValue(e, where));
      break;
  }
  return v as AV;
}

export function validateItem(item: unknown, what = "Item"): Item {
  if (typeof item !== "object" || item === null || Array.isArray(item)) throw validation(`1 validation error detected: Value null at '${what.toLowerCase()}' failed to satisfy constraint: Member must not be null`);
  for (const [k, v] of Object.entries(item)) {
    if (k === "") throw validation("One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty string value.");
    validateValue(v, k);
  }
  return item as Item;
}

// ---- numbers -----------------------------------------------------------------------------------

/** Numeric comparison of two DynamoDB number strings (exact for integers of any size). */
export function compareNumbers(a: string, b: string): number {
  const ia = /^[+-]?\d+$/.test(a.trim());
  const ib = /^[+-]?\d+$/.test(b.trim());
  if (ia && ib) {
    const x = BigInt(a.trim());
    const y = BigInt(b.trim());
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** DynamoDB returns numbers normalised: no leading zeros, no trailing fraction zeros ("1.50" → "1.5"). */
export function normaliseNumber(n: string): string {
  const s = n.trim();
  if (/^[+-]?\d+$/.test(s)) return BigInt(s).toString();
  const x = Number(s);
  return Number.isInteger(x) && Math.abs(x) < Number.MAX_SAFE_INTEGER ? String(x) : String(x);
}

export function addNumbers(a: string, b: string, sign: 1 | -1 = 1): string {
  if (/^[+-]?\d+$/.test(a.trim()) && /^[+-]?\d+$/.test(b.trim())) {
    return (BigInt(a.trim()) + BigInt(sign) * BigInt(b.trim())).toString();
  }
  // Decimal arithmetic through doubles: DynamoDB keeps 38 digits; the simulator keeps about 15.
  const r = Number(a) + sign * Number(b);
  return String(Number(r.toPrecision(15)));
}

// ---- comparison and equality ------------------------------------------------------------------

const SURROGATE = /[\uD800-\uDFFF]/;

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return a.length - b.length;
}

/**
 * Order of two values of the same scalar type (S by UTF-8 bytes, N numerically, B by bytes), or
 * undefined when they cannot be ordered: DynamoDB's `<`, `>`, `BETWEEN` are false then.
 */
export function compareValues(a: AV, b: AV): number | undefined {
  if (a.S !== undefined && b.S !== undefined) {
    // UTF-16 order equals UTF-8 byte order unless a surrogate pair is involved: the fast path.
    if (!SURROGATE.test(a.S) && !SURROGATE.test(b.S)) return a.S < b.S ? -1 : a.S > b.S ? 1 : 0;
    return compareBytes(utf8(a.S), utf8(b.S));
  }
  if (a.N !== undefined && b.N !== undefined) return compareNumbers(a.N, b.N);
  if (a.B !== undefined && b.B !== undefined) return compareBytes(base64ToBytes(a.B), base64ToBytes(b.B));
  return undefined;
}

export function equalValues(a: AV, b: AV): boolean {
  const ta = typeOf(a);
  if (ta !== typeOf(b)) return false;
  switch (ta) {
    case "S":
    case "B":
    case "BOOL":
    case "NULL":
      return (a as Record<string, unknown>)[ta] === (b as Record<string, unknown>)[ta];
    case "N":
      return compareNumbers(a.N!, b.N!) === 0;
    case "SS":
    case "BS":
      return sameSet(a[ta]!, b[ta]!, (x) => x);
    case "NS":
      return sameSet(a.NS!, b.NS!, (x) => normaliseNumber(x));
    case "L":
      return a.L!.length === b.L!.length && a.L!.every((x, i) => equalValues(x, b.L![i]!));
    case "M": {
      const ka = Object.keys(a.M!);
      return ka.length === Object.keys(b.M!).length && ka.every((k) => b.M![k] !== undefined && equalValues(a.M![k]!, b.M![k]));
    }
  }
}

function sameSet(a: string[], b: string[], key: (s: string) => string): boolean {
  const sa = new Set(a.map(key));
  return sa.size === new Set(b.map(key)).size && b.every((x) => sa.has(key(x)));
}

// ---- size --------------------------------------------------------------------------------------

/** Item size by DynamoDB's rules (DeveloperGuide CapacityUnitCalculations): the events package's. */
export { attributeSize as valueSize, itemSize } from "../../../events/dynamodb";

export function clone<T>(v: T): T {
  return structuredClone(v);
}
