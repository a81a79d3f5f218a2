/**
 * Plain JavaScript values ⇄ DynamoDB attribute-value JSON (`{ "S": "x" }`, `{ "N": "42" }`, …), the
 * form DynamoDB Streams records carry in `Keys`, `NewImage` and `OldImage`. The mapping follows
 * `@aws-sdk/util-dynamodb`'s `marshall` / `unmarshall` so what a lesson shows matches what a learner
 * meets with the real SDK:
 *
 * | JavaScript                      | DynamoDB |
 * |---------------------------------|----------|
 * | string                          | `S`      |
 * | number, bigint                  | `N` (as a string) |
 * | boolean                         | `BOOL`   |
 * | null                            | `NULL: true` |
 * | Uint8Array                      | `B` (base64) |
 * | Set of strings / numbers / Uint8Array | `SS` / `NS` / `BS` |
 * | array                           | `L`      |
 * | plain object                    | `M`      |
 *
 * Object properties whose value is `undefined` are left out (the SDK's `removeUndefinedValues`).
 * Anything else (functions, NaN, Infinity, empty sets, class instances, mixed sets) is refused with a
 * `TypeError` naming the path of the bad value, since DynamoDB would refuse it too.
 */
import type { AttributeValue } from "aws-lambda";
import { base64ToBytes, bytesToBase64, utf8 } from "./encoding";

export type { AttributeValue };

/** A DynamoDB item (or key) in attribute-value JSON. */
export type DynamoDBItem = Record<string, AttributeValue>;

function describe(path: string): string {
  return path === "" ? "the value" : `"${path}"`;
}

function numberString(n: number | bigint, path: string): string {
  if (typeof n === "number" && !Number.isFinite(n)) {
    throw new TypeError(`Cannot marshall ${describe(path)}: ${n} is not a number DynamoDB can store`);
  }
  return String(n);
}

/**
 * One JavaScript value → one DynamoDB attribute value.
 *
 * @example
 * marshall({ id: "o-1", total: 42, tags: new Set(["new"]) })
 * // → { M: { id: { S: "o-1" }, total: { N: "42" }, tags: { SS: ["new"] } } }
 */
export function marshall(value: unknown, path = ""): AttributeValue {
  if (value === null) return { NULL: true };
  switch (typeof value) {
    case "string":
      return { S: value };
    case "number":
    case "bigint":
      return { N: numberString(value, path) };
    case "boolean":
      return { BOOL: value };
    case "object":
      break;
    default:
      throw new TypeError(`Cannot marshall ${describe(path)}: a ${typeof value} has no DynamoDB type`);
  }
  if (value instanceof Uint8Array) return { B: bytesToBase64(value) };
  if (Array.isArray(value)) return { L: value.map((v, i) => marshall(v, `${path}[${i}]`)) };
  if (value instanceof Set) return marshallSet(value, path);
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) {
    throw new TypeError(`Cannot marshall ${describe(path)}: only plain objects, arrays, sets and Uint8Array are supported`);
  }
  return { M: marshallItem(value as Record<string, unknown>, path) };
}

function marshallSet(set: Set<unknown>, path: string): AttributeValue {
  const values = [...set];
  if (values.length === 0) throw new TypeError(`Cannot marshall ${describe(path)}: DynamoDB does not store empty sets`);
  if (values.every((v) => typeof v === "string")) return { SS: values };
  if (values.every((v) => typeof v === "number" || typeof v === "bigint")) {
    return { NS: values.map((v) => numberString(v, path)) };
  }
  if (values.every((v) => v instanceof Uint8Array)) return { BS: values.map((v) => bytesToBase64(v)) };
  throw new TypeError(`Cannot marshall ${describe(path)}: a set must hold only strings, only numbers or only Uint8Arrays`);
}

/**
 * A plain object → a DynamoDB item (each property marshalled; `undefined` properties left out).
 *
 * @example
 * marshallItem({ pk: "USER#1", age: 30 }) // → { pk: { S: "USER#1" }, age: { N: "30" } }
 */
export function marshallItem(item: Record<string, unknown>, path = ""): DynamoDBItem {
  const out: DynamoDBItem = {};
  for (const [key, v] of Object.entries(item)) {
    if (v === undefined) continue;
    out[key] = marshall(v, path === "" ? key : `${path}.${key}`);
  }
  return out;
}

/**
 * One DynamoDB attribute value → a JavaScript value. Numbers become `number` (DynamoDB numbers
 * beyond 2^53 lose precision, as with the SDK's default); `B` becomes a `Uint8Array`.
 */
export function unmarshall(value: AttributeValue): unknown {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return Number(value.N);
  if (value.BOOL !== undefined) return value.BOOL;
  if (value.NULL !== undefined) return null;
  if (value.B !== undefined) return base64ToBytes(value.B);
  if (value.SS !== undefined) return new Set(value.SS);
  if (value.NS !== undefined) return new Set(value.NS.map(Number));
  if (value.BS !== undefined) return new Set(value.BS.map(base64ToBytes));
  if (value.L !== undefined) return value.L.map(unmarshall);
  if (value.M !== undefined) return unmarshallItem(value.M);
  throw new TypeError(`Not a DynamoDB attribute value: ${JSON.stringify(value)}`);
}

/** A DynamoDB item → a plain object. */
export function unmarshallItem(item: DynamoDBItem): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(item)) out[key] = unmarshall(v);
  return out;
}

/**
 * DynamoDB's size of a value (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html):
 * strings and binary by length, numbers ≈ 1 byte per 2 significant digits + 1, BOOL/NULL 1 byte,
 * lists and maps 3 bytes plus 1 per element plus their contents.
 */
export function attributeSize(v: AttributeValue): number {
  const numberSize = (n: string) => Math.ceil(n.replace(/^[+-]|\.|e.*$/gi, "").replace(/^0+/, "").length / 2) + 1;
  if (v.S !== undefined) return utf8(v.S).length;
  if (v.N !== undefined) return numberSize(v.N);
  if (v.B !== undefined) return base64ToBytes(v.B).length;
  if (v.BOOL !== undefined || v.NULL !== undefined) return 1;
  if (v.SS !== undefined) return v.SS.reduce((n, s) => n + utf8(s).length, 0);
  if (v.NS !== undefined) return v.NS.reduce((n, s) => n + numberSize(s), 0);
  if (v.BS !== undefined) return v.BS.reduce((n, s) => n + base64ToBytes(s).length, 0);
  if (v.L !== undefined) return 3 + v.L.reduce((n, e) => n + 1 + attributeSize(e), 0);
  if (v.M !== undefined) return 3 + Object.entries(v.M).reduce((n, [k, e]) => n + 1 + utf8(k).length + attributeSize(e), 0);
  return 0;
}

/** An item's size by the same rules (what the 400 KB item limit and stream records' SizeBytes count). */
export function itemSize(item: DynamoDBItem | undefined): number {
  if (!item) return 0;
  return Object.entries(item).reduce((n, [k, v]) => n + utf8(k).length + attributeSize(v), 0);
}
