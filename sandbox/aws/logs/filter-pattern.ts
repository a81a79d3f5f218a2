/**
 * CloudWatch Logs filter patterns, the subset subscription filters use most (CloudWatch Logs UG
 * FilterAndPatternSyntax, https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html):
 *
 * - `""` matches every event;
 * - terms in unstructured events: `ERROR Exception` (both), `"Task failed"` (a quoted phrase),
 *   `?ERROR ?WARN` (either), `ERROR -Exiting` (ERROR but not Exiting) — case-sensitive;
 * - JSON events (matching-terms-json-log-events): `{ $.level = "ERROR" }`, `!=`, `<`, `<=`, `>`,
 *   `>=` on numbers, `*` wildcards in string values, `IS TRUE` / `IS FALSE` / `IS NULL`,
 *   `NOT EXISTS`, `&&`, `||` and parentheses; selectors `$.a.b`, `$.list[0]`.
 *
 * Space-delimited patterns (`[ip, user, ...]`) and regular expressions (`%…%`) are refused with a
 * `FilterPatternError` naming them (not simulated).
 */

export class FilterPatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FilterPatternError";
  }
}

export type FilterPattern = (message: string) => boolean;

/** Compiles a filter pattern into a matcher of one log event's message. */
export function compileFilterPattern(pattern: string): FilterPattern {
  const p = pattern.trim();
  if (p === "") return () => true;
  if (p.startsWith("{")) return jsonPattern(p);
  if (p.startsWith("[")) throw new FilterPatternError(`space-delimited filter patterns ([field, …]) are not simulated: ${pattern}`);
  if (/%[^%]*%/.test(p)) throw new FilterPatternError(`regular-expression filter patterns (%…%) are not simulated: ${pattern}`);
  return termPattern(p);
}

// ---- terms --------------------------------------------------------------------------------------

function termPattern(p: string): FilterPattern {
  const terms: { kind: "all" | "any" | "not"; text: string }[] = [];
  let i = 0;
  while (i < p.length) {
    while (p[i] === " " || p[i] === "\t") i++;
    if (i >= p.length) break;
    let kind: "all" | "any" | "not" = "all";
    if (p[i] === "?") {
      kind = "any";
      i++;
    } else if (p[i] === "-" && i + 1 < p.length && p[i + 1] !== " ") {
      kind = "not";
      i++;
    }
    let text = "";
    if (p[i] === '"') {
      const end = p.indexOf('"', i + 1);
      if (end < 0) throw new FilterPatternError(`Invalid filter pattern: unterminated quote in ${p}`);
      text = p.slice(i + 1, end);
      i = end + 1;
    } else {
      while (i < p.length && p[i] !== " " && p[i] !== "\t") text += p[i++];
    }
    if (text === "") throw new FilterPatternError(`Invalid filter pattern: an empty term in ${p}`);
    terms.push({ kind, text });
  }
  const any = terms.filter((t) => t.kind === "any");
  if (any.length > 0 && any.length < terms.length) throw new FilterPatternError(`mixing ?term with other terms is not simulated: ${p} (use only ?terms, or only terms and -terms)`);
  if (any.length > 0) return (m) => any.some((t) => m.includes(t.text));
  return (m) => terms.every((t) => (t.kind === "not" ? !m.includes(t.text) : m.includes(t.text)));
}

// ---- JSON ---------------------------------------------------------------------------------------

type Node = { or: Node[] } | { and: Node[] } | { test: (event: unknown) => boolean };

function jsonPattern(p: string): FilterPattern {
  if (!p.endsWith("}")) throw new FilterPatternError(`Invalid filter pattern: a JSON pattern ends with }: ${p}`);
  const tokens = tokenize(p.slice(1, -1), p);
  let pos = 0;
  const peek = () => tokens[pos];
  const take = () => tokens[pos++];
  const fail = (why: string): never => {
    throw new FilterPatternError(`Invalid filter pattern: ${why} in ${p}`);
  };
  const orExpr = (): Node => {
    const parts = [andExpr()];
    while (peek() === "||") {
      take();
      parts.push(andExpr());
    }
    return parts.length === 1 ? (parts[0] as Node) : { or: parts };
  };
  const andExpr = (): Node => {
    const parts = [unary()];
    while (peek() === "&&") {
      take();
      parts.push(unary());
    }
    return parts.length === 1 ? (parts[0] as Node) : { and: parts };
  };
  const unary = (): Node => {
    if (peek() === "(") {
      take();
      const n = orExpr();
      if (take() !== ")") fail("a missing )");
      return n;
    }
    return comparison();
  };
  const comparison = (): Node => {
    const sel = take();
    if (sel === undefined || !sel.startsWith("$")) return fail(`a selector ($.field) expected, got ${sel ?? "the end"}`);
    const path = selectorPath(sel, fail);
    const op = take();
    if (op === "IS") {
      const what = take();
      if (what === "TRUE") return { test: (e) => get(e, path) === true };
      if (what === "FALSE") return { test: (e) => get(e, path) === false };
      if (what === "NULL") return { test: (e) => get(e, path) === null };
      return fail(`IS TRUE, IS FALSE or IS NULL expected after ${sel}`);
    }
    if (op === "NOT") {
      if (take() !== "EXISTS") fail(`NOT EXISTS expected after ${sel}`);
      return { test: (e) => get(e, path) === undefined };
    }
    if (op === undefined || !["=", "!=", "<", "<=", ">", ">="].includes(op)) return fail(`an operator (=, !=, <, <=, >, >=, IS, NOT EXISTS) expected after ${sel}`);
    const raw = take();
    if (raw === undefined) return fail(`a value expected after ${sel} ${op}`);
    return { test: compare(path, op, raw, fail) };
  };
  const root = orExpr();
  if (pos < tokens.length) fail(`unexpected ${tokens[pos]}`);
  const run = (n: Node, e: unknown): boolean => ("or" in n ? n.or.some((x) => run(x, e)) : "and" in n ? n.and.every((x) => run(x, e)) : n.test(e));
  return (message) => {
    let event: unknown;
    try {
      event = JSON.parse(message);
    } catch {
      return false; // a JSON pattern matches JSON events only
    }
    return typeof event === "object" && event !== null && run(root, event);
  };
}

function tokenize(body: string, p: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < body.length) {
    const c = body[i] as string;
    if (c === " " || c === "\t" || c === "\n") {
      i++;
    } else if (c === "(" || c === ")") {
      out.push(c);
      i++;
    } else if (body.startsWith("&&", i) || body.startsWith("||", i) || body.startsWith("!=", i) || body.startsWith("<=", i) || body.startsWith(">=", i)) {
      out.push(body.slice(i, i + 2));
      i += 2;
    } else if (c === "=" || c === "<" || c === ">") {
      out.push(c);
      i++;
    } else if (c === '"') {
      let j = i + 1;
      while (j < body.length && body[j] !== '"') j += body[j] === "\\" ? 2 : 1;
      if (j >= body.length) throw new FilterPatternError(`Invalid filter pattern: unterminated quote in ${p}`);
      out.push(body.slice(i, j + 1));
      i = j + 1;
    } else if (c === "%") {
      throw new FilterPatternError(`regular-expression values (%…%) are not simulated: ${p}`);
    } else {
      let j = i;
      while (j < body.length && !" \t\n()=<>!&|".includes(body[j] as string)) j++;
      if (j === i) throw new FilterPatternError(`Invalid filter pattern: unexpected ${c} in ${p}`);
      out.push(body.slice(i, j));
      i = j;
    }
  }
  return out;
}

function selectorPath(sel: string, fail: (why: string) => never): (string | number)[] {
  const path: (string | number)[] = [];
  const re = /\.([A-Za-z0-9_@-]+)|\[(\d+)\]/y;
  re.lastIndex = 1;
  while (re.lastIndex < sel.length) {
    const m = re.exec(sel);
    if (!m) return fail(`the selector ${sel} is not simulated ($.a.b and $.list[0] are)`);
    path.push(m[1] !== undefined ? m[1] : Number(m[2]));
  }
  return path;
}

function get(event: unknown, path: readonly (string | number)[]): unknown {
  let v = event;
  for (const k of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

function compare(path: (string | number)[], op: string, raw: string, fail: (why: string) => never): (e: unknown) => boolean {
  const quoted = raw.startsWith('"');
  const text = quoted ? (JSON.parse(raw) as string) : raw;
  const num = !quoted && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(raw) ? Number(raw) : undefined;
  if (op !== "=" && op !== "!=") {
    if (num === undefined) return fail(`${op} compares numbers (got ${raw})`);
    return (e) => {
      const v = get(e, path);
      if (typeof v !== "number") return false;
      return op === "<" ? v < num : op === "<=" ? v <= num : op === ">" ? v > num : v >= num;
    };
  }
  const wildcard = text.includes("*") ? new RegExp(`^${text.split("*").map(escapeRe).join(".*")}$`) : undefined;
  const equals = (v: unknown): boolean => {
    if (num !== undefined && typeof v === "number") return v === num;
    if (typeof v === "string") return wildcard ? wildcard.test(v) : v === text;
    if (typeof v === "boolean" || v === null) return !quoted && String(v) === text;
    return false;
  };
  return op === "=" ? (e) => equals(get(e, path)) : (e) => get(e, path) !== undefined && !equals(get(e, path));
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
