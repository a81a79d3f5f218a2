/**
 * DynamoDB expressions: one tokenizer and recursive-descent parser for condition, filter and key
 * condition expressions, update expressions and projection expressions, and their evaluation on
 * items in attribute-value form (DeveloperGuide Expressions.OperatorsAndFunctions,
 * Expressions.UpdateExpressions, Expressions.ProjectionExpressions, Query.KeyConditionExpressions).
 *
 * Errors are ValidationExceptions worded as DynamoDB words them, prefixed with the expression's
 * kind: `Invalid UpdateExpression: Syntax error; token: "=", near: "SET ="`.
 */
import { type AV, type Item, addNumbers, clone, compareValues, equalValues, typeOf, ATTRIBUTE_TYPES } from "./attributes";
import { validation } from "./errors";
import { RESERVED_WORDS } from "./reserved";

export type ExpressionKind = "ConditionExpression" | "FilterExpression" | "KeyConditionExpression" | "UpdateExpression" | "ProjectionExpression";

export type Segment = string | number;
export interface PathNode {
  kind: "path";
  segments: Segment[];
  text: string;
}
export type Operand =
  | PathNode
  | { kind: "value"; name: string; value: AV }
  | { kind: "size"; path: PathNode }
  | { kind: "if_not_exists"; path: PathNode; value: Operand }
  | { kind: "list_append"; a: Operand; b: Operand }
  | { kind: "arith"; op: "+" | "-"; a: Operand; b: Operand };
export type Comparator = "=" | "<>" | "<" | "<=" | ">" | ">=";
export type Condition =
  | { kind: "cmp"; op: Comparator; a: Operand; b: Operand }
  | { kind: "between"; a: Operand; low: Operand; high: Operand }
  | { kind: "in"; a: Operand; list: Operand[] }
  | { kind: "fn"; name: "attribute_exists" | "attribute_not_exists" | "attribute_type" | "begins_with" | "contains"; args: Operand[] }
  | { kind: "and" | "or"; a: Condition; b: Condition }
  | { kind: "not"; a: Condition };

export interface UpdateActions {
  set: { path: PathNode; value: Operand }[];
  remove: PathNode[];
  add: { path: PathNode; value: Operand }[];
  delete: { path: PathNode; value: Operand }[];
}

/** ExpressionAttributeNames / Values of a request, and which of them the expressions used. */
export class ExpressionContext {
  readonly usedNames = new Set<string>();
  readonly usedValues = new Set<string>();
  constructor(
    readonly names: Record<string, string> = {},
    readonly values: Record<string, AV> = {},
  ) {}

  /** DynamoDB refuses names and values that no expression of the request uses. */
  checkAllUsed(): void {
    const unusedNames = Object.keys(this.names).filter((n) => !this.usedNames.has(n));
    if (unusedNames.length) throw validation(`Value provided in ExpressionAttributeNames unused in expressions: keys: {${unusedNames.join(", ")}}`);
    const unusedValues = Object.keys(this.values).filter((n) => !this.usedValues.has(n));
    if (unusedValues.length) throw validation(`Value provided in ExpressionAttributeValues unused in expressions: keys: {${unusedValues.join(", ")}}`);
  }
}

// ---- tokenizer ---------------------------------------------------------------------------------

interface Token {
  type: "name" | "alias" | "value" | "number" | "punct" | "eof";
  text: string;
}

function tokenize(src: string, kind: ExpressionKind): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const rest = src.slice(i);
    const m =
      /^(<=|>=|<>)/.exec(rest) ??
      /^[()[\],.=<>+-]/.exec(rest);
    if (m) {
      out.push({ type: "punct", text: m[0] });
      i += m[0].length;
      continue;
    }
    const word = /^([#:]?)([A-Za-z0-9_]+)/.exec(rest);
    if (word) {
      const [text, sigil] = word;
      out.push({ type: sigil === "#" ? "alias" : sigil === ":" ? "value" : /^\d+$/.test(text) ? "number" : "name", text });
      i += text.length;
      continue;
    }
    throw validation(`Invalid ${kind}: Syntax error; token: "${c}", near: "${src.slice(Math.max(0, i - 3), i + 3)}"`);
  }
  out.push({ type: "eof", text: "<EOF>" });
  return out;
}

const CONDITION_FUNCTIONS = new Set(["attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains"]);
const FUNCTION_ARITY: Record<string, number> = { attribute_exists: 1, attribute_not_exists: 1, attribute_type: 2, begins_with: 2, contains: 2, size: 1, if_not_exists: 2, list_append: 2 };

// ---- parser ------------------------------------------------------------------------------------

class Parser {
  private pos = 0;
  private readonly tokens: Token[];
  constructor(
    private readonly src: string,
    private readonly kind: ExpressionKind,
    private readonly ctx: ExpressionContext,
  ) {
    if (src.trim() === "") throw validation(`Invalid ${kind}: The expression can not be empty;`);
    this.tokens = tokenize(src, kind);
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)]!;
  }
  private next(): Token {
    const t = this.peek();
    if (t.type !== "eof") this.pos++;
    return t;
  }
  private isWord(word: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.type === "name" && t.text.toUpperCase() === word;
  }
  private isPunct(p: string): boolean {
    const t = this.peek();
    return t.type === "punct" && t.text === p;
  }
  syntaxError(token = this.peek()): never {
    const prev = this.tokens[this.pos - 1];
    const near = [prev?.text, token.type === "eof" ? undefined : token.text].filter(Boolean).join(" ");
    throw validation(`Invalid ${this.kind}: Syntax error; token: "${token.text}", near: "${near}"`);
  }
  private fail(message: string): never {
    throw validation(`Invalid ${this.kind}: ${message}`);
  }
  private expectPunct(p: string): void {
    if (!this.isPunct(p)) this.syntaxError();
    this.next();
  }
  atEnd(): boolean {
    return this.peek().type === "eof";
  }
  expectEnd(): void {
    if (!this.atEnd()) this.syntaxError();
  }

  // path := element ( "." element | "[" n "]" )*
  path(): PathNode {
    const segments: Segment[] = [this.element()];
    for (;;) {
      if (this.isPunct(".")) {
        this.next();
        segments.push(this.element());
      } else if (this.isPunct("[")) {
        this.next();
        const n = this.next();
        if (n.type !== "number") this.syntaxError(n);
        segments.push(Number(n.text));
        this.expectPunct("]");
      } else break;
    }
    return { kind: "path", segments, text: segments.map((s, i) => (typeof s === "number" ? `[${s}]` : i ? `.${s}` : s)).join("") };
  }

  private element(): string {
    const t = this.next();
    if (t.type === "alias") {
      const name = this.ctx.names[t.text];
      if (name === undefined) this.fail(`An expression attribute name used in the document path is not defined; attribute name: ${t.text}`);
      this.ctx.usedNames.add(t.text);
      return name;
    }
    if (t.type === "name") {
      if (RESERVED_WORDS.has(t.text.toUpperCase())) this.fail(`Attribute name is a reserved keyword; reserved keyword: ${t.text}`);
      return t.text;
    }
    return this.syntaxError(t);
  }

  private valueRef(): Operand {
    const t = this.next();
    const value = this.ctx.values[t.text];
    if (value === undefined) this.fail(`An expression attribute value used in expression is not defined; attribute value: ${t.text}`);
    this.ctx.usedValues.add(t.text);
    return { kind: "value", name: t.text, value };
  }

  /** A function call's name and its parenthesised arguments (each parsed by `arg`). */
  private call<T>(arg: (i: number) => T): { name: string; args: T[] } {
    const name = this.next().text;
    const arity = FUNCTION_ARITY[name];
    if (arity === undefined) this.fail(`Invalid function name; function: ${name}`);
    this.expectPunct("(");
    const args: T[] = [];
    if (!this.isPunct(")")) {
      args.push(arg(0));
      while (this.isPunct(",")) {
        this.next();
        args.push(arg(args.length));
      }
    }
    this.expectPunct(")");
    if (args.length !== arity) this.fail(`Incorrect number of operands for operator or function; operator or function: ${name}, number of operands: ${args.length}`);
    return { name, args };
  }

  // operand := path | :value | size(path)            (conditions)
  operand(): Operand {
    const t = this.peek();
    if (t.type === "value") return this.valueRef();
    if (t.type === "name" && this.peek(1).text === "(") {
      if (t.text !== "size") {
        if (CONDITION_FUNCTIONS.has(t.text) || FUNCTION_ARITY[t.text] !== undefined) this.fail(`The function is not allowed to be used this way in an expression; function: ${t.text}`);
        this.fail(`Invalid function name; function: ${t.text}`);
      }
      const { args } = this.call(() => this.path());
      return { kind: "size", path: args[0]! };
    }
    if (t.type === "name" || t.type === "alias") return this.path();
    return this.syntaxError();
  }

  // condition := or
  condition(): Condition {
    let left = this.andCondition();
    while (this.isWord("OR")) {
      this.next();
      left = { kind: "or", a: left, b: this.andCondition() };
    }
    return left;
  }
  private andCondition(): Condition {
    let left = this.notCondition();
    while (this.isWord("AND")) {
      this.next();
      left = { kind: "and", a: left, b: this.notCondition() };
    }
    return left;
  }
  private notCondition(): Condition {
    if (this.isWord("NOT")) {
      this.next();
      return { kind: "not", a: this.notCondition() };
    }
    return this.primaryCondition();
  }
  private primaryCondition(): Condition {
    if (this.isPunct("(")) {
      this.next();
      const c = this.condition();
      this.expectPunct(")");
      return c;
    }
    const t = this.peek();
    if (t.type === "name" && this.peek(1).text === "(" && t.text !== "size") {
      if (!CONDITION_FUNCTIONS.has(t.text)) {
        if (FUNCTION_ARITY[t.text] !== undefined) this.fail(`The function is not allowed to be used this way in an expression; function: ${t.text}`);
        this.fail(`Invalid function name; function: ${t.text}`);
      }
      const { name, args } = this.call((i) => (i === 0 ? this.path() : this.operand()));
      if (name === "attribute_type") {
        const type = args[1];
        if (type?.kind !== "value" || type.value.S === undefined || !ATTRIBUTE_TYPES.includes(type.value.S as never)) {
          this.fail(`Invalid attribute type name found; type: ${type?.kind === "value" ? JSON.stringify(type.value.S ?? type.value) : "?"}, valid types: { ${ATTRIBUTE_TYPES.join(", ")} }`);
        }
      }
      return { kind: "fn", name: name as "contains", args };
    }
    const a = this.operand();
    const p = this.peek();
    if (p.type === "punct" && ["=", "<>", "<", "<=", ">", ">="].includes(p.text)) {
      this.next();
      return { kind: "cmp", op: p.text as Comparator, a, b: this.operand() };
    }
    if (this.isWord("BETWEEN")) {
      this.next();
      const low = this.operand();
      if (!this.isWord("AND")) this.syntaxError();
      this.next();
      const high = this.operand();
      if (low.kind === "value" && high.kind === "value") {
        const order = compareValues(low.value, high.value);
        if (order !== undefined && order > 0) {
          this.fail(`The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: ${avText(low.value)}, upper bound operand: AttributeValue: ${avText(high.value)}`);
        }
      }
      return { kind: "between", a, low, high };
    }
    if (this.isWord("IN")) {
      this.next();
      this.expectPunct("(");
      const list = [this.operand()];
      while (this.isPunct(",")) {
        this.next();
        list.push(this.operand());
      }
      this.expectPunct(")");
      if (list.length > 100) this.fail("The IN operator is provided with too many operands; number of operands: " + list.length);
      return { kind: "in", a, list };
    }
    return this.syntaxError();
  }

  // update := ( SET a, ... | REMOVE p, ... | ADD p v, ... | DELETE p v, ... )+
  update(): UpdateActions {
    const actions: UpdateActions = { set: [], remove: [], add: [], delete: [] };
    const seen = new Set<string>();
    while (!this.atEnd()) {
      const t = this.next();
      const section = t.type === "name" ? t.text.toUpperCase() : "";
      if (!["SET", "REMOVE", "ADD", "DELETE"].includes(section)) this.syntaxError(t);
      if (seen.has(section)) this.fail(`The "${section}" section can only be used once in an update expression;`);
      seen.add(section);
      do {
        if (section === "SET") {
          const path = this.path();
          this.expectPunct("=");
          actions.set.push({ path, value: this.setValue() });
        } else if (section === "REMOVE") actions.remove.push(this.path());
        else {
          const path = this.path();
          if (this.peek().type !== "value") this.syntaxError();
          const value = this.valueRef();
          actions[section === "ADD" ? "add" : "delete"].push({ path, value });
        }
      } while (this.isPunct(",") && this.next());
    }
    checkOverlaps([...actions.set.map((a) => a.path), ...actions.remove, ...actions.add.map((a) => a.path), ...actions.delete.map((a) => a.path)], this.kind);
    return actions;
  }

  // set-value := term ( ("+" | "-") term )?
  private setValue(): Operand {
    const a = this.setTerm();
    if (this.isPunct("+") || this.isPunct("-")) {
      const op = this.next().text as "+" | "-";
      return { kind: "arith", op, a, b: this.setTerm() };
    }
    return a;
  }
  private setTerm(): Operand {
    const t = this.peek();
    if (t.type === "value") return this.valueRef();
    if (t.type === "name" && this.peek(1).text === "(") {
      if (t.text !== "if_not_exists" && t.text !== "list_append") {
        if (FUNCTION_ARITY[t.text] !== undefined) this.fail(`The function is not allowed in an update expression; function: ${t.text}`);
        this.fail(`Invalid function name; function: ${t.text}`);
      }
      const fname = t.text;
      const { name, args } = this.call((i) => (fname === "if_not_exists" && i === 0 ? this.path() : this.setTerm()));
      if (name === "if_not_exists") return { kind: "if_not_exists", path: args[0] as PathNode, value: args[1]! };
      return { kind: "list_append", a: args[0]!, b: args[1]! };
    }
    if (t.type === "name" || t.type === "alias") return this.path();
    return this.syntaxError();
  }

  projection(): PathNode[] {
    const paths = [this.path()];
    while (this.isPunct(",")) {
      this.next();
      paths.push(this.path());
    }
    checkOverlaps(paths, this.kind);
    return paths;
  }
}

function checkOverlaps(paths: PathNode[], kind: ExpressionKind): void {
  for (let i = 0; i < paths.length; i++) {
    for (let j = i + 1; j < paths.length; j++) {
      const a = paths[i]!.segments;
      const b = paths[j]!.segments;
      const n = Math.min(a.length, b.length);
      if (a.slice(0, n).every((s, k) => s === b[k])) {
        const fmt = (p: PathNode) => `[${p.segments.map(String).join(", ")}]`;
        throw validation(`Invalid ${kind}: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: ${fmt(paths[i]!)}, path two: ${fmt(paths[j]!)}`);
      }
    }
  }
}

function avText(v: AV): string {
  const t = typeOf(v);
  return `{${t}:${String((v as Record<string, unknown>)[t])}}`;
}

export function parseCondition(src: string, kind: "ConditionExpression" | "FilterExpression" | "KeyConditionExpression", ctx: ExpressionContext): Condition {
  const p = new Parser(src, kind, ctx);
  const c = p.condition();
  p.expectEnd();
  return c;
}

export function parseUpdate(src: string, ctx: ExpressionContext): UpdateActions {
  const p = new Parser(src, "UpdateExpression", ctx);
  return p.update();
}

export function parseProjection(src: string, ctx: ExpressionContext): PathNode[] {
  const p = new Parser(src, "ProjectionExpression", ctx);
  const paths = p.projection();
  p.expectEnd();
  return paths;
}

// ---- document paths ----------------------------------------------------------------------------

export function getPath(item: Item | undefined, segments: Segment[]): AV | undefined {
  if (!item) return undefined;
  let cur: AV | undefined = item[segments[0] as string];
  for (const s of segments.slice(1)) {
    if (cur === undefined) return undefined;
    cur = typeof s === "number" ? cur.L?.[s] : cur.M?.[s];
  }
  return cur;
}

const invalidPath = () => validation("The document path provided in the update expression is invalid for update");

/** Set a value at a path; the parent must exist (a list index past the end appends, as DynamoDB does). */
export function setPath(item: Item, segments: Segment[], value: AV): void {
  if (segments.length === 1) {
    item[segments[0] as string] = value;
    return;
  }
  const parent = getPath(item, segments.slice(0, -1));
  const last = segments[segments.length - 1]!;
  if (typeof last === "number") {
    if (!parent?.L) throw invalidPath();
    if (last >= parent.L.length) parent.L.push(value);
    else parent.L[last] = value;
  } else {
    if (!parent?.M) throw invalidPath();
    parent.M[last] = value;
  }
}

export function removePath(item: Item, segments: Segment[]): void {
  if (segments.length === 1) {
    delete item[segments[0] as string];
    return;
  }
  const parent = getPath(item, segments.slice(0, -1));
  const last = segments[segments.length - 1]!;
  if (typeof last === "number") {
    if (parent?.L && last < parent.L.length) parent.L.splice(last, 1);
  } else if (parent?.M) delete parent.M[last];
}

// ---- evaluation --------------------------------------------------------------------------------

function operandValue(op: Operand, item: Item | undefined): AV | undefined {
  switch (op.kind) {
    case "path":
      return getPath(item, op.segments);
    case "value":
      return op.value;
    case "size": {
      const v = getPath(item, op.path.segments);
      if (!v) return undefined;
      const n = v.S !== undefined ? new TextEncoder().encode(v.S).length : v.B !== undefined ? atob(v.B).length : (v.SS ?? v.NS ?? v.BS ?? v.L)?.length ?? (v.M ? Object.keys(v.M).length : undefined);
      return n === undefined ? undefined : { N: String(n) };
    }
    default:
      throw new Error(`operand ${op.kind} outside an update expression`);
  }
}

export function evaluateCondition(c: Condition, item: Item | undefined): boolean {
  switch (c.kind) {
    case "and":
      return evaluateCondition(c.a, item) && evaluateCondition(c.b, item);
    case "or":
      return evaluateCondition(c.a, item) || evaluateCondition(c.b, item);
    case "not":
      return !evaluateCondition(c.a, item);
    case "cmp": {
      const a = operandValue(c.a, item);
      const b = operandValue(c.b, item);
      if (c.op === "<>") return !(a && b && equalValues(a, b));
      if (!a || !b) return false;
      if (c.op === "=") return equalValues(a, b);
      const order = compareValues(a, b);
      if (order === undefined) return false;
      return c.op === "<" ? order < 0 : c.op === "<=" ? order <= 0 : c.op === ">" ? order > 0 : order >= 0;
    }
    case "between": {
      const a = operandValue(c.a, item);
      const lo = operandValue(c.low, item);
      const hi = operandValue(c.high, item);
      if (!a || !lo || !hi) return false;
      const x = compareValues(a, lo);
      const y = compareValues(a, hi);
      return x !== undefined && y !== undefined && x >= 0 && y <= 0;
    }
    case "in": {
      const a = operandValue(c.a, item);
      return !!a && c.list.some((o) => {
        const v = operandValue(o, item);
        return !!v && equalValues(a, v);
      });
    }
    case "fn": {
      const path = c.args[0] as PathNode;
      const v = getPath(item, path.segments);
      const arg = c.args[1] ? operandValue(c.args[1], item) : undefined;
      switch (c.name) {
        case "attribute_exists":
          return v !== undefined;
        case "attribute_not_exists":
          return v === undefined;
        case "attribute_type":
          return v !== undefined && typeOf(v) === arg?.S;
        case "begins_with":
          if (!v || !arg) return false;
          if (v.S !== undefined && arg.S !== undefined) return v.S.startsWith(arg.S);
          if (v.B !== undefined && arg.B !== undefined) return atob(v.B).startsWith(atob(arg.B));
          return false;
        case "contains": {
          if (!v || !arg) return false;
          if (v.S !== undefined) return arg.S !== undefined && v.S.includes(arg.S);
          if (v.SS) return arg.S !== undefined && v.SS.includes(arg.S);
          if (v.NS) return arg.N !== undefined && v.NS.some((n) => equalValues({ N: n }, arg));
          if (v.BS) return arg.B !== undefined && v.BS.includes(arg.B);
          if (v.L) return v.L.some((e) => equalValues(e, arg));
          return false;
        }
      }
    }
  }
}

// ---- updates -----------------------------------------------------------------------------------

const missingOperand = () => validation("The provided expression refers to an attribute that does not exist in the item");
const wrongType = () => validation("An operand in the update expression has an incorrect data type");

function updateValue(op: Operand, old: Item): AV {
  switch (op.kind) {
    case "path": {
      const v = getPath(old, op.segments);
      if (!v) throw missingOperand();
      return v;
    }
    case "value":
      return op.value;
    case "if_not_exists":
      return getPath(old, op.path.segments) ?? updateValue(op.value, old);
    case "list_append": {
      const a = updateValue(op.a, old);
      const b = updateValue(op.b, old);
      if (!a.L || !b.L) throw wrongType();
      return { L: [...a.L, ...b.L] };
    }
    case "arith": {
      const a = updateValue(op.a, old);
      const b = updateValue(op.b, old);
      if (a.N === undefined || b.N === undefined) throw wrongType();
      return { N: addNumbers(a.N, b.N, op.op === "+" ? 1 : -1) };
    }
    case "size":
      throw wrongType();
  }
}

function setOf(t: string, list: string[]): AV {
  return { [t]: list } as unknown as AV;
}

/**
 * Applies an update expression: every operand reads the item as it was before the update, then
 * the actions apply in order SET, REMOVE, ADD, DELETE (DeveloperGuide Expressions.UpdateExpressions).
 */
export function applyUpdate(actions: UpdateActions, old: Item): Item {
  const item = clone(old);
  const sets = actions.set.map((a) => ({ path: a.path, value: clone(updateValue(a.value, old)) }));
  for (const s of sets) setPath(item, s.path.segments, s.value);
  // Remove list elements from the highest index down so indexes refer to the original list.
  const removes = [...actions.remove].sort((a, b) => Number(b.segments.at(-1) ?? 0) - Number(a.segments.at(-1) ?? 0));
  for (const r of removes) removePath(item, r.segments);
  for (const a of actions.add) {
    if (a.path.segments.length > 1 && typeof a.path.segments.at(-1) === "number") throw invalidPath();
    const v = (a.value as { value: AV }).value;
    const cur = getPath(item, a.path.segments);
    const t = typeOf(v);
    if (t !== "N" && t !== "SS" && t !== "NS" && t !== "BS") throw validation(`Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: ${t === "M" ? "MAP" : t === "L" ? "LIST" : t === "S" ? "STRING" : t === "B" ? "BINARY" : t === "BOOL" ? "BOOLEAN" : t}, typeSet: ALL_NUMBERS, ALL_SETS`);
    if (!cur) setPath(item, a.path.segments, clone(v));
    else if (t === "N") {
      if (cur.N === undefined) throw wrongType();
      setPath(item, a.path.segments, { N: addNumbers(cur.N, v.N!) });
    } else {
      const list = cur[t as "SS"];
      if (!list) throw wrongType();
      const merged = [...list];
      for (const e of v[t as "SS"]!) if (!merged.some((m) => equalValues(setOf(t, [m]), setOf(t, [e])))) merged.push(e);
      setPath(item, a.path.segments, setOf(t, merged));
    }
  }
  for (const d of actions.delete) {
    const v = (d.value as { value: AV }).value;
    const t = typeOf(v);
    if (t !== "SS" && t !== "NS" && t !== "BS") throw validation(`Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: ${t}`);
    const cur = getPath(item, d.path.segments);
    if (!cur) continue;
    const list = cur[t];
    if (!list) throw wrongType();
    const left = list.filter((e) => !v[t]!.some((x) => equalValues(setOf(t, [x]), setOf(t, [e]))));
    // An empty set cannot be stored: deleting its last element removes the attribute.
    if (left.length) setPath(item, d.path.segments, setOf(t, left));
    else removePath(item, d.path.segments);
  }
  return item;
}

/** The top-level attribute names an update touches (ReturnValues UPDATED_OLD / UPDATED_NEW). */
export function updatedNames(actions: UpdateActions): string[] {
  const all = [...actions.set.map((a) => a.path), ...actions.remove, ...actions.add.map((a) => a.path), ...actions.delete.map((a) => a.path)];
  return [...new Set(all.map((p) => p.segments[0] as string))];
}

// ---- projection --------------------------------------------------------------------------------

/** The item reduced to the projected paths (nested maps kept, list elements in index order). */
export function project(item: Item, paths: PathNode[]): Item {
  const out: Item = {};
  for (const p of paths) {
    const v = getPath(item, p.segments);
    if (v === undefined) continue;
    let target: Record<string, AV> | AV[] = out;
    for (let i = 0; i < p.segments.length; i++) {
      const s = p.segments[i]!;
      const last = i === p.segments.length - 1;
      const nextSeg = p.segments[i + 1];
      const container: AV = last ? clone(v) : typeof nextSeg === "number" ? { L: [] } : { M: {} };
      if (Array.isArray(target)) {
        target.push(container);
      } else {
        const existing: AV | undefined = target[s as string];
        if (!last && existing) {
          target = (existing.L ?? existing.M)!;
          continue;
        }
        target[s as string] = container;
      }
      if (!last) target = (container.L ?? container.M)!;
    }
  }
  return out;
}
