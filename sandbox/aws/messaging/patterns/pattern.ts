/**
 * One matcher for the three filtering languages that share a grammar: EventBridge event patterns
 * (EventBridge UG eb-event-patterns, eb-event-patterns-content-based-filtering /
 * eb-create-pattern-operators), Lambda event filtering (`FilterCriteria.Filters[].Pattern`, DG
 * invocation-eventfiltering) and SNS subscription filter policies (SNS DG sns-message-filtering).
 *
 * A pattern is compiled once (and validated: malformed patterns throw {@link PatternError} in the
 * words of the service that would refuse it), then matched against any number of events.
 */

export type Dialect = "eventbridge" | "lambda" | "sns";

/** A malformed pattern, worded as the service refuses it. */
export class PatternError extends Error {
  override name = "PatternError";
  /** The AWS error code the API returns for it. */
  readonly code: string;
  constructor(
    readonly dialect: Dialect,
    readonly reason: string,
  ) {
    super(dialectMessage(dialect, reason));
    this.code = dialect === "eventbridge" ? "InvalidEventPatternException" : dialect === "lambda" ? "InvalidParameterValueException" : "InvalidParameter";
  }
}

function dialectMessage(dialect: Dialect, reason: string): string {
  // EventBridge API PutRule / TestEventPattern: "Event pattern is not valid. Reason: …";
  // Lambda CreateEventSourceMapping: "Invalid filter pattern definition."; SNS Subscribe /
  // SetSubscriptionAttributes: "Invalid parameter: FilterPolicy: …".
  if (dialect === "eventbridge") return `Event pattern is not valid. Reason: ${reason}`;
  if (dialect === "lambda") return `Invalid filter pattern definition. ${reason}`;
  return `Invalid parameter: FilterPolicy: ${reason}`;
}

type Num = number;
type Matcher =
  | { kind: "exact"; value: string | number | boolean | null }
  | { kind: "prefix" | "suffix" | "equals-ignore-case"; value: string; ignoreCase: boolean }
  | { kind: "wildcard"; re: RegExp }
  | { kind: "anything-but"; values: (string | number)[]; ignoreCase?: boolean }
  | { kind: "anything-but-test"; test: (s: string) => boolean }
  | { kind: "numeric"; lower?: { value: Num; inclusive: boolean }; upper?: { value: Num; inclusive: boolean }; equals?: Num }
  | { kind: "exists"; value: boolean }
  | { kind: "cidr"; test: (ip: string) => boolean };

/** A compiled pattern node: field → nested node or leaf matchers, AND-ed, plus `$or` branches. */
export interface PatternNode {
  fields: [string, PatternNode | Matcher[]][];
  or: PatternNode[][];
}

export interface CompiledPattern {
  readonly dialect: Dialect;
  readonly root: PatternNode;
  /** The pattern as given (parsed JSON). */
  readonly source: Record<string, unknown>;
}

const OPERATORS = ["prefix", "suffix", "equals-ignore-case", "wildcard", "anything-but", "numeric", "exists", "cidr"];
/**
 * Operators outside a dialect: Lambda's filter rule syntax (DG invocation-eventfiltering) lists no
 * wildcard or cidr; SNS filter policies have no wildcard (SNS DG sns-subscription-filter-policies).
 */
const UNSUPPORTED: Record<Dialect, string[]> = { eventbridge: [], lambda: ["wildcard", "cidr"], sns: ["wildcard"] };

/**
 * Parse and validate a pattern (JSON text or an object).
 *
 * @example
 * const p = compilePattern('{"source":["com.example.orders"],"detail":{"total":[{"numeric":[">",100]}]}}');
 * matchPattern(p, { source: "com.example.orders", detail: { total: 120 } }); // true
 */
export function compilePattern(pattern: unknown, dialect: Dialect = "eventbridge"): CompiledPattern {
  let source = pattern;
  if (typeof pattern === "string") {
    try {
      source = JSON.parse(pattern);
    } catch (e) {
      throw new PatternError(dialect, `Filter is not valid JSON: ${(e as Error).message}`);
    }
  }
  if (!isObj(source)) throw new PatternError(dialect, "Filter is not an object");
  return { dialect, root: node(source, dialect, ""), source };
}

function node(obj: Record<string, unknown>, d: Dialect, path: string): PatternNode {
  const out: PatternNode = { fields: [], or: [] };
  for (const [key, value] of Object.entries(obj)) {
    const at = path ? `${path}.${key}` : key;
    if (key === "$or") {
      if (!Array.isArray(value) || value.length < 2) throw new PatternError(d, `"$or" must be an array of at least 2 objects at ${at}`);
      out.or.push(value.map((v, i) => (isObj(v) ? node(v, d, path) : fail(d, `"$or" member ${i} must be an object at ${at}`))));
      continue;
    }
    if (isObj(value)) {
      out.fields.push([key, node(value, d, at)]);
      continue;
    }
    if (!Array.isArray(value)) throw new PatternError(d, `Match value must be an array or an object at ${at} (e.g. "${key}": ["value"])`);
    if (value.length === 0) throw new PatternError(d, `Empty arrays are not allowed at ${at}`);
    out.fields.push([key, value.map((v) => matcher(v, d, at))]);
  }
  return out;
}

function fail(d: Dialect, reason: string): never {
  throw new PatternError(d, reason);
}

function matcher(v: unknown, d: Dialect, at: string): Matcher {
  if (v === null || typeof v === "string" || typeof v === "boolean") return { kind: "exact", value: v };
  if (typeof v === "number") {
    if (!Number.isFinite(v)) fail(d, `Invalid number at ${at}`);
    return { kind: "exact", value: v };
  }
  if (!isObj(v)) return fail(d, `Match value must be String, number, true, false, or null at ${at}`);
  const keys = Object.keys(v);
  if (keys.length !== 1) fail(d, `A match object must have exactly one operator at ${at} (got ${keys.length === 0 ? "none" : keys.join(", ")})`);
  const op = keys[0] as string;
  const arg = v[op];
  if (!OPERATORS.includes(op)) fail(d, `Unrecognized match type ${op} at ${at}`);
  if (UNSUPPORTED[d].includes(op)) fail(d, `Unrecognized match type ${op} at ${at}`);
  switch (op) {
    case "prefix":
    case "suffix": {
      if (typeof arg === "string") return { kind: op, value: arg, ignoreCase: false };
      if (isObj(arg) && Object.keys(arg).length === 1 && typeof arg["equals-ignore-case"] === "string") return { kind: op, value: (arg["equals-ignore-case"]).toLowerCase(), ignoreCase: true };
      return fail(d, `Value of ${op} must be a string or an object with equals-ignore-case at ${at}`);
    }
    case "equals-ignore-case":
      if (typeof arg !== "string") fail(d, `Value of equals-ignore-case must be a string at ${at}`);
      return { kind: "equals-ignore-case", value: (arg).toLowerCase(), ignoreCase: true };
    case "wildcard":
      if (typeof arg !== "string") fail(d, `Value of wildcard must be a string at ${at}`);
      return { kind: "wildcard", re: wildcardRegExp(arg, d, at) };
    case "exists":
      if (typeof arg !== "boolean") fail(d, `exists match pattern must be either true or false at ${at}`);
      return { kind: "exists", value: arg };
    case "cidr":
      if (typeof arg !== "string") fail(d, `Value of cidr must be a string at ${at}`);
      return { kind: "cidr", test: cidrTest(arg, d, at) };
    case "numeric":
      return numericMatcher(arg, d, at);
    default:
      return anythingBut(arg, d, at);
  }
}

function anythingBut(arg: unknown, d: Dialect, at: string): Matcher {
  if (typeof arg === "string" || typeof arg === "number") return { kind: "anything-but", values: [arg] };
  if (Array.isArray(arg)) {
    if (arg.length === 0) fail(d, `Empty arrays are not allowed at ${at}`);
    const allStrings = arg.every((x) => typeof x === "string");
    const allNumbers = arg.every((x) => typeof x === "number");
    // "Inside anything but list, start|null|boolean is not supported" — strings only or numbers only.
    if (!allStrings && !allNumbers) fail(d, `Inside anything-but list, only all strings or all numbers are supported at ${at}`);
    return { kind: "anything-but", values: arg };
  }
  if (isObj(arg) && Object.keys(arg).length === 1) {
    const [k, x] = Object.entries(arg)[0] as [string, unknown];
    if ((k === "prefix" || k === "suffix") && typeof x === "string") {
      if (x === "") fail(d, `Null prefix/suffix not allowed at ${at}`);
      return { kind: "anything-but-test", test: (s) => !(k === "prefix" ? s.startsWith(x) : s.endsWith(x)) };
    }
    if (k === "equals-ignore-case" && (typeof x === "string" || (Array.isArray(x) && x.length > 0 && x.every((y) => typeof y === "string")))) {
      return { kind: "anything-but", values: (typeof x === "string" ? [x] : (x)).map((s) => s.toLowerCase()), ignoreCase: true };
    }
    if (k === "wildcard" && d === "eventbridge" && (typeof x === "string" || (Array.isArray(x) && x.every((y) => typeof y === "string")))) {
      const res = (typeof x === "string" ? [x] : (x)).map((w) => wildcardRegExp(w, d, at));
      return { kind: "anything-but-test", test: (s) => !res.some((re) => re.test(s)) };
    }
  }
  return fail(d, `Value of anything-but must be an array or single string/number value, or an object with prefix, suffix${d === "eventbridge" ? ", wildcard" : ""} or equals-ignore-case at ${at}`);
}

function numericMatcher(arg: unknown, d: Dialect, at: string): Matcher {
  if (!Array.isArray(arg) || arg.length === 0 || arg.length % 2 !== 0) return fail(d, `Value of numeric must be an array of operator, number pairs at ${at}`);
  const m: Extract<Matcher, { kind: "numeric" }> = { kind: "numeric" };
  for (let i = 0; i < arg.length; i += 2) {
    const op = arg[i];
    const n = arg[i + 1];
    if (typeof n !== "number" || !Number.isFinite(n)) fail(d, `Value of ${String(op)} must be numeric at ${at}`);
    const value = n;
    if (op === "=") {
      if (arg.length !== 2) fail(d, `"=" cannot be combined with other numeric operators at ${at}`);
      m.equals = value;
    } else if (op === ">" || op === ">=") {
      if (m.lower || m.upper) fail(d, `Bad numeric range: the lower bound (> or >=) comes first, once, at ${at}`);
      m.lower = { value, inclusive: op === ">=" };
    } else if (op === "<" || op === "<=") {
      if (m.upper) fail(d, `Bad numeric range: only one upper bound (< or <=) at ${at}`);
      m.upper = { value, inclusive: op === "<=" };
    } else fail(d, `Unrecognized numeric range operator: ${JSON.stringify(op)} at ${at}`);
  }
  if (m.lower && m.upper && m.lower.value >= m.upper.value) fail(d, `Bad numeric range: ${m.lower.value} must be less than ${m.upper.value} at ${at}`);
  return m;
}

function wildcardRegExp(w: string, d: Dialect, at: string): RegExp {
  let re = "";
  for (let i = 0; i < w.length; i++) {
    const c = w[i] as string;
    if (c === "\\") {
      const next = w[i + 1];
      if (next !== "*" && next !== "\\") fail(d, `Invalid escape sequence at pos ${i} in wildcard ${JSON.stringify(w)} at ${at}`);
      re += escapeRe(next);
      i++;
    } else if (c === "*") {
      if (w[i + 1] === "*") fail(d, `Consecutive wildcard characters at pos ${i + 1} in ${JSON.stringify(w)} at ${at}`);
      re += "[\\s\\S]*";
    } else re += escapeRe(c);
  }
  return new RegExp(`^${re}$`);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

// ---- CIDR (IPv4 and IPv6) ---------------------------------------------------------------------

function cidrTest(cidr: string, d: Dialect, at: string): (ip: string) => boolean {
  const slash = cidr.indexOf("/");
  const addr = slash < 0 ? cidr : cidr.slice(0, slash);
  const bits = parseIp(addr);
  const total = bits ? bits.length : 0;
  const len = slash < 0 ? total : Number(cidr.slice(slash + 1));
  if (!bits || !Number.isInteger(len) || len < 0 || len > total) return fail(d, `Nonstandard IP address: ${cidr} at ${at}`);
  const prefix = bits.slice(0, len);
  return (ip) => {
    const b = parseIp(ip);
    return !!b && b.length === total && b.startsWith(prefix);
  };
}

/** The address as a string of bits (32 for IPv4, 128 for IPv6), or undefined. */
function parseIp(ip: string): string | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) {
    const parts = ip.split(".").map(Number);
    if (parts.some((p) => p > 255)) return undefined;
    return parts.map((p) => p.toString(2).padStart(8, "0")).join("");
  }
  if (!ip.includes(":") || !/^[0-9a-fA-F:]+$/.test(ip)) return undefined;
  const halves = ip.split("::");
  if (halves.length > 2) return undefined;
  const head = halves[0] ? (halves[0]).split(":") : [];
  const tail = halves.length === 2 && halves[1] ? (halves[1]).split(":") : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  if (groups.some((g) => g.length === 0 || g.length > 4)) return undefined;
  return groups.map((g) => parseInt(g, 16).toString(2).padStart(16, "0")).join("");
}

// ---- matching ---------------------------------------------------------------------------------

/** Does `event` match the compiled pattern? */
export function matchPattern(p: CompiledPattern, event: unknown): boolean {
  return matchNode(p.root, event);
}

function matchNode(n: PatternNode, value: unknown): boolean {
  const obj = isObj(value) ? value : undefined;
  for (const [key, sub] of n.fields) {
    const v = obj?.[key];
    if (Array.isArray(sub)) {
      if (!matchLeaf(sub, v)) return false;
    } else if (Array.isArray(v) && v.some(isObj)) {
      // An array of objects: the nested pattern matches if one element matches.
      if (!v.some((x) => matchNode(sub, x))) return false;
    } else if (!matchNode(sub, v)) return false;
  }
  for (const branches of n.or) if (!branches.some((b) => matchNode(b, value))) return false;
  return true;
}

function matchLeaf(matchers: Matcher[], v: unknown): boolean {
  // An array in the event matches if any of its values matches; an empty one is as if absent.
  const values = Array.isArray(v) ? v : v === undefined ? [] : [v];
  for (const m of matchers) {
    if (m.kind === "exists") {
      const present = values.some((x) => !isObj(x));
      if (present === m.value) return true;
      continue;
    }
    for (const x of values) if (matchOne(m, x)) return true;
  }
  return false;
}

function matchOne(m: Matcher, x: unknown): boolean {
  switch (m.kind) {
    case "exact":
      return typeof m.value === "number" && typeof x === "number" ? m.value === x : m.value === x;
    case "prefix":
      return typeof x === "string" && (m.ignoreCase ? x.toLowerCase() : x).startsWith(m.value);
    case "suffix":
      return typeof x === "string" && (m.ignoreCase ? x.toLowerCase() : x).endsWith(m.value);
    case "equals-ignore-case":
      return typeof x === "string" && x.toLowerCase() === m.value;
    case "wildcard":
      return typeof x === "string" && m.re.test(x);
    case "anything-but":
      if (typeof x === "string") return !m.values.includes(m.ignoreCase ? x.toLowerCase() : x);
      if (typeof x === "number") return !m.values.includes(x);
      return false;
    case "anything-but-test":
      return typeof x === "string" && m.test(x);
    case "numeric": {
      if (typeof x !== "number") return false;
      if (m.equals !== undefined) return x === m.equals;
      if (m.lower && (m.lower.inclusive ? x < m.lower.value : x <= m.lower.value)) return false;
      if (m.upper && (m.upper.inclusive ? x > m.upper.value : x >= m.upper.value)) return false;
      return true;
    }
    case "cidr":
      return typeof x === "string" && m.test(x);
    case "exists":
      return false;
  }
}

export function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
