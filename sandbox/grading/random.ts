/**
 * Randomised test inputs: a case declares fields drawn from small seeded generators, and the drawn
 * values replace `{{field}}` placeholders in its event template and expectations. Each grading run
 * draws with a new seed (unless the case fixes one), so an answer hard-coded from one run's inputs
 * fails the next run. Pure data + a seeded PRNG: no runtime import.
 *
 * @example
 * ```yaml
 * random:
 *   count: 3                                   # draws per run, each in a fresh environment
 *   fields:
 *     n: { int: [1, 100] }
 *     name: { pick: [Ada, Grace, Linus] }
 *     word: { string: { length: [3, 8] } }
 *     # also: { number: [0, 9.99], decimals: 2 }, { uuid: true }, { const: value },
 *     #       { list: { length: [1, 5], of: <generator>, unique: true } }, { object: { key: <generator> } },
 *     #       { oneOf: [<generator>, ...] }, { json: <generator> } (a JSON string), { base64: <generator> }
 * event: { n: "{{n}}", greeting: "Hello, {{name}}!" }   # a whole "{{n}}" keeps the value's type
 * expect: { sameAsSolution: true }                       # or a declared expectation using {{...}}
 * ```
 */
import { z } from "zod";

/** `[min, max]` (inclusive) or one exact value. */
const intRange = z.union([
  z.number().int().min(0).max(1000),
  z
    .tuple([z.number().int().min(0).max(1000), z.number().int().min(0).max(1000)])
    .refine(([a, b]) => a <= b, "range must be [min, max] with min ≤ max"),
]);

const numberPair = (int: boolean) =>
  z
    .tuple([int ? z.number().int().safe() : z.number().finite(), int ? z.number().int().safe() : z.number().finite()])
    .refine(([a, b]) => a <= b, "range must be [min, max] with min ≤ max");

/** One generator, written as an object with exactly one kind. */
export type Generator =
  | { int: [number, number] }
  | { number: [number, number]; decimals?: number }
  | { pick: unknown[] }
  | { string: { length: number | [number, number]; alphabet?: string } }
  | { uuid: true }
  | { const: unknown }
  | { oneOf: Generator[] }
  | { json: Generator }
  | { base64: Generator }
  | { list: { length: number | [number, number]; of: Generator; unique?: boolean } }
  | { object: Record<string, Generator> };

export const generatorSchema: z.ZodType<Generator> = z.lazy(() =>
  z.union([
    z.object({ int: numberPair(true) }).strict(),
    z.object({ number: numberPair(false), decimals: z.number().int().min(0).max(6).optional() }).strict(),
    z.object({ pick: z.array(z.unknown()).min(2, "pick needs at least two values").max(500) }).strict(),
    z.object({ string: z.object({ length: intRange, alphabet: z.string().min(2).max(200).optional() }).strict() }).strict(),
    z.object({ uuid: z.literal(true) }).strict(),
    z.object({ const: z.unknown() }).strict(),
    z.object({ oneOf: z.array(generatorSchema).min(2).max(20) }).strict(),
    z.object({ json: generatorSchema }).strict(),
    z.object({ base64: generatorSchema }).strict(),
    z.object({ list: z.object({ length: intRange, of: generatorSchema, unique: z.boolean().optional() }).strict() }).strict(),
    z.object({ object: z.record(z.string().min(1), generatorSchema) }).strict(),
  ]),
);

const fieldName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "field names are identifiers (letters, digits, _)");

/** A case's `random` block. */
export const randomInputsSchema = z
  .object({
    /** Fix the seed (the same inputs every run); omit it so each run draws anew. */
    seed: z.number().int().min(0).max(0xffffffff).optional(),
    /** Draws per run; the case passes only if every draw passes. */
    count: z.number().int().min(1).max(10).default(3),
    fields: z.record(fieldName, generatorSchema).refine((f) => Object.keys(f).length > 0, "at least one field"),
  })
  .strict();
export type RandomInputs = z.infer<typeof randomInputsSchema>;
export type Inputs = Record<string, unknown>;

/** mulberry32: a tiny, well-mixed 32-bit PRNG; the same seed gives the same draws everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A fresh unpredictable seed for a grading run (Web Crypto exists in browsers, workers and Node ≥ 19). */
export function newSeed(): number {
  return globalThis.crypto.getRandomValues(new Uint32Array(1))[0]!;
}

/** The seed a case draws from: the run's seed mixed with the case id, so cases differ within a run. */
export function caseSeed(runSeed: number, caseId: string): number {
  let h = 0x811c9dc5 ^ runSeed;
  for (let i = 0; i < caseId.length; i++) h = Math.imul(h ^ caseId.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const LOWER = "abcdefghijklmnopqrstuvwxyz";

/** Base64 of the UTF-8 bytes of `text` (as Kinesis record data arrives). */
function base64(text: string): string {
  let binary = "";
  for (const b of new TextEncoder().encode(text)) binary += String.fromCharCode(b);
  return btoa(binary);
}

function between(rnd: () => number, min: number, max: number): number {
  return min + Math.floor(rnd() * (max - min + 1));
}

function lengthOf(rnd: () => number, l: number | [number, number]): number {
  return typeof l === "number" ? l : between(rnd, l[0], l[1]);
}

/** Draw one value. Throws (the spec's fault) when a unique list cannot be filled. */
export function draw(g: Generator, rnd: () => number): unknown {
  if ("int" in g) return between(rnd, g.int[0], g.int[1]);
  if ("number" in g) {
    const f = 10 ** (g.decimals ?? 2);
    return Math.round((g.number[0] + rnd() * (g.number[1] - g.number[0])) * f) / f;
  }
  if ("pick" in g) return structuredClone(g.pick[Math.floor(rnd() * g.pick.length)]);
  if ("string" in g) {
    const alphabet = [...(g.string.alphabet ?? LOWER)];
    return Array.from({ length: lengthOf(rnd, g.string.length) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join("");
  }
  if ("uuid" in g) {
    const hex = Array.from({ length: 32 }, () => Math.floor(rnd() * 16).toString(16));
    hex[12] = "4";
    hex[16] = "89ab"[Math.floor(rnd() * 4)]!;
    const s = hex.join("");
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }
  if ("const" in g) return structuredClone(g.const);
  if ("oneOf" in g) return draw(g.oneOf[Math.floor(rnd() * g.oneOf.length)]!, rnd);
  if ("json" in g) return JSON.stringify(draw(g.json, rnd));
  if ("base64" in g) {
    const v = draw(g.base64, rnd);
    return base64(typeof v === "string" ? v : JSON.stringify(v));
  }
  if ("list" in g) {
    const n = lengthOf(rnd, g.list.length);
    const out: unknown[] = [];
    const seen = new Set<string>();
    for (let tries = 0; out.length < n; tries++) {
      if (tries > n * 50) throw new Error(`a unique list of ${n} could not be drawn (too few distinct values)`);
      const v = draw(g.list.of, rnd);
      const key = JSON.stringify(v);
      if (g.list.unique && seen.has(key)) continue;
      seen.add(key);
      out.push(v);
    }
    return out;
  }
  return Object.fromEntries(Object.entries(g.object).map(([k, sub]) => [k, draw(sub, rnd)]));
}

/** `count` sets of inputs for one case (fields drawn in the order they are declared). */
export function drawInputs(r: RandomInputs, seed: number): Inputs[] {
  const rnd = seededRandom(seed);
  return Array.from({ length: r.count }, () => Object.fromEntries(Object.entries(r.fields).map(([k, g]) => [k, draw(g, rnd)])));
}

/** `{{name}}` or `{{name|json}}` (the value as a JSON string, e.g. an SQS message body). */
const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)(\|json)?\s*\}\}/g;
const WHOLE = /^\{\{\s*([A-Za-z_][A-Za-z0-9_]*)(\|json)?\s*\}\}$/;

/** Every placeholder name used anywhere inside `value` (strings only; object keys are left alone). */
export function placeholders(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === "string") for (const m of value.matchAll(PLACEHOLDER)) out.add(m[1]!);
  else if (Array.isArray(value)) value.forEach((v) => placeholders(v, out));
  else if (value && typeof value === "object") Object.values(value).forEach((v) => placeholders(v, out));
  return out;
}

/**
 * A deep copy of `value` with placeholders filled in. A string that is exactly one placeholder
 * becomes the drawn value itself (a number stays a number); inside longer text, values are
 * interpolated (objects as JSON).
 */
export function substitute<T>(value: T, inputs: Inputs): T {
  const text = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") {
      const whole = WHOLE.exec(v);
      if (whole && whole[1]! in inputs) return whole[2] ? JSON.stringify(inputs[whole[1]!]) : structuredClone(inputs[whole[1]!]);
      return v.replace(PLACEHOLDER, (m, name: string, json?: string) => (name in inputs ? (json ? JSON.stringify(inputs[name]) : text(inputs[name])) : m));
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}
