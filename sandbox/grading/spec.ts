/**
 * The exercise format shared by code questions, lesson exercises and teachers' custom exercises
 * (Exercism-style, STYLE.md point 12): instructions, a starting stub, a reference solution, hints,
 * the function's settings, and tests with stable case ids and declarative expectations.
 *
 * Pure data + zod: no runtime import, so content validation (server) and editors (browser) can use
 * it without loading the engine.
 *
 * @example
 * ```yaml
 * id: greet-by-name
 * instructions: Return `{ message: "Hello, <name>!" }` for `event.name`.
 * function: { handler: index.handler, timeoutSeconds: 1 }
 * stub: { index.mjs: "export const handler = async (event) => {};" }
 * solution: { index.mjs: "export const handler = async (e) => ({ message: `Hello, ${e.name}!` });" }
 * hints: [Template literals build the string.]
 * tests:
 *   - id: greets-ada
 *     name: greets the caller by name
 *     event: { name: Ada }
 *     expect: { status: success, response: { message: "Hello, Ada!" } }
 *   - id: s3-key
 *     name: reads the object key from an S3 put event
 *     hidden: true
 *     fromCatalogue: { id: s3/put, set: { "Records[0].s3.object.key": "cat.jpg" } }
 *     expect: { responseMatches: { key: cat.jpg }, logsContain: ["cat.jpg"] }
 *   - id: greets-anyone
 *     name: greets any name (new names each run)
 *     random: { count: 3, fields: { name: { string: { length: [3, 9] } } } }
 *     event: { name: "{{name}}" }
 *     expect: { response: { message: "Hello, {{name}}!" } }   # or { sameAsSolution: true }
 *   - id: counts-warm
 *     name: keeps a counter across warm invocations
 *     invocations:
 *       - { event: {}, expect: { response: 1, coldStart: true } }
 *       - { event: {}, expect: { response: 2, coldStart: false } }
 * ```
 */
import { z } from "zod";
import { placeholders, randomInputsSchema } from "./random";

/** Kebab-case stable id (case ids, exercise ids, question ids). */
export const stableId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be kebab-case (a-z, 0-9, single dashes)")
  .max(80);

const MAX_FILE_BYTES = 256 * 1024;

/** Function files: path under /var/task → text. Paths are relative, without `..`. */
export const sourceFilesSchema = z
  .record(
    z
      .string()
      .min(1)
      .max(200)
      .refine((p) => !p.startsWith("/") && !p.split("/").includes(".."), "file paths are relative to /var/task, without '..'"),
    z.string().max(MAX_FILE_BYTES),
  )
  .refine((files) => Object.keys(files).length > 0, "at least one file")
  .refine((files) => Object.keys(files).length <= 50, "at most 50 files");

export const nodeRuntimeSchema = z.enum(["nodejs18.x", "nodejs20.x", "nodejs22.x", "nodejs24.x"]);

/** The function's settings (Lambda's defaults when omitted: index.handler, nodejs22.x, 128 MB, 3 s). */
export const functionSettingsSchema = z
  .object({
    handler: z.string().min(1).max(128).optional(),
    runtime: nodeRuntimeSchema.optional(),
    memoryMB: z.number().int().min(128).max(10240).optional(),
    timeoutSeconds: z.number().int().min(1).max(900).optional(),
    environment: z.record(z.string(), z.string()).optional(),
    functionName: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
    /** The version that runs: "$LATEST" (default) or a published version number. */
    version: z.string().regex(/^(\$LATEST|[1-9]\d*)$/, 'either "$LATEST" or a version number').optional(),
  })
  .strict();
export type FunctionSettings = z.infer<typeof functionSettingsSchema>;

/** A string matched as a substring, or `{ regex, flags? }`. */
export const textMatcherSchema = z.union([
  z.string(),
  z
    .object({ regex: z.string().min(1), flags: z.string().regex(/^[imsu]*$/).optional() })
    .strict()
    .refine((m) => {
      try {
        new RegExp(m.regex, m.flags);
        return true;
      } catch {
        return false;
      }
    }, "invalid regular expression"),
]);
export type TextMatcher = z.infer<typeof textMatcherSchema>;

/** Declarative expectations on one invocation. Every given field must hold. */
export const expectationSchema = z
  .object({
    status: z.enum(["success", "error", "timeout"]).optional(),
    /** Deep-equal to the response payload (JSON value). */
    response: z.unknown().optional(),
    /** Every key/value given here is present in the response (objects recursively, arrays element-wise). */
    responseMatches: z.unknown().optional(),
    /** The error payload's errorType equals this. */
    errorType: z.string().optional(),
    /** The error payload's errorMessage contains this string or matches this regex. */
    errorMessage: textMatcherSchema.optional(),
    /** Each matcher is found in the invocation's log lines (application and platform lines). */
    logsContain: z.array(textMatcherSchema).optional(),
    /** No log line matches any of these. */
    logsNotContain: z.array(textMatcherSchema).optional(),
    /** Reported Duration at most this many ms. */
    maxDurationMs: z.number().positive().optional(),
    /** Whether this invocation was a cold start. */
    coldStart: z.boolean().optional(),
    /**
     * A JavaScript function body run in its own QuickJS context (never on the host) with
     * `result` (this invocation), `results` (all so far), `event` and `assert(cond, message)`.
     * It passes unless it throws or returns `false`.
     */
    assert: z.string().min(1).max(4000).optional(),
    /**
     * The outcome equals the reference solution's on the same event (run in its own fresh
     * environment): the same status, and the same response (an HTTP-style string `body` holding
     * JSON is compared as JSON, so key order does not matter) or the same errorType and errorMessage.
     * `{ tolerance: 1e-9 }` lets numbers differ by that fraction (floating-point order of operations).
     */
    sameAsSolution: z.union([z.boolean(), z.object({ tolerance: z.number().positive().max(1) }).strict()]).optional(),
  })
  .strict();
export type Expectation = z.infer<typeof expectationSchema>;

/** An event from the catalogue (`content/events`, e.g. "s3/put") with values set by path. */
export const catalogueEventSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'a catalogue id such as "s3/put"'),
    set: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type CatalogueEventRef = z.infer<typeof catalogueEventSchema>;

const eventFields = {
  /** Inline event (any JSON value). */
  event: z.unknown().optional(),
  fromCatalogue: catalogueEventSchema.optional(),
};

export const invocationSchema = z
  .object({ ...eventFields, expect: expectationSchema.default({}) })
  .strict()
  .refine((i) => !(i.event !== undefined && i.fromCatalogue !== undefined), "give either event or fromCatalogue, not both");
export type Invocation = z.infer<typeof invocationSchema>;

export const testCaseSchema = z
  .object({
    id: stableId,
    /** Reads as behaviour: "returns 400 when the body is missing". */
    name: z.string().min(3).max(200),
    points: z.number().int().min(0).max(100).default(1),
    hidden: z.boolean().default(false),
    ...eventFields,
    expect: expectationSchema.optional(),
    /** Several events in one warm environment, in order; each has its own expectations. */
    invocations: z.array(invocationSchema).min(1).max(20).optional(),
    /** Inputs drawn anew each run and substituted for `{{field}}` in the events and expectations (see random.ts). */
    random: randomInputsSchema.optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    const { id: _id, name: _name, random, ...template } = t;
    if (random) {
      const declared = new Set(Object.keys(random.fields));
      for (const used of placeholders(template)) {
        if (!declared.has(used)) ctx.addIssue({ code: "custom", path: ["random", "fields"], message: `"{{${used}}}" is used but no field "${used}" is declared` });
      }
    }
    if (t.invocations && (t.event !== undefined || t.fromCatalogue || t.expect)) {
      ctx.addIssue({ code: "custom", message: "a case with invocations takes its events and expectations from them" });
    }
    if (!t.invocations && !t.expect) ctx.addIssue({ code: "custom", message: "a case needs expect (or invocations)" });
    if (t.event !== undefined && t.fromCatalogue) ctx.addIssue({ code: "custom", message: "give either event or fromCatalogue, not both" });
  });
export type TestCase = z.infer<typeof testCaseSchema>;

export const exerciseSpecSchema = z
  .object({
    id: stableId,
    title: z.string().min(1).max(200).optional(),
    /** Markdown. */
    instructions: z.string().min(1),
    function: functionSettingsSchema.default({}),
    stub: sourceFilesSchema,
    solution: sourceFilesSchema,
    hints: z.array(z.string().min(1)).default([]),
    tests: z.array(testCaseSchema).min(1).max(50),
  })
  .strict()
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.tests.forEach((t, i) => {
      if (seen.has(t.id)) ctx.addIssue({ code: "custom", path: ["tests", i, "id"], message: `duplicate test id "${t.id}"` });
      seen.add(t.id);
    });
  });
/** A validated exercise (defaults applied). */
export type ExerciseSpec = z.infer<typeof exerciseSpecSchema>;
/** An exercise as written (before defaults). */
export type ExerciseSpecInput = z.input<typeof exerciseSpecSchema>;

/** One line per issue: `tests.1.id: duplicate test id "x"`. */
export function formatIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`).join("; ");
}

/** Thrown by {@link parseExerciseSpec} for a malformed exercise; the message names each path at fault. */
export class InvalidExerciseError extends Error {
  constructor(
    readonly exerciseId: string | undefined,
    readonly issues: string,
  ) {
    super(`invalid exercise${exerciseId ? ` "${exerciseId}"` : ""}: ${issues}`);
    this.name = "InvalidExerciseError";
  }
}

/** Validate an exercise (defaults applied); throws {@link InvalidExerciseError} naming the paths at fault. */
export function parseExerciseSpec(input: unknown): ExerciseSpec {
  const r = exerciseSpecSchema.safeParse(input);
  if (r.success) return r.data;
  const id = input && typeof input === "object" && typeof (input as { id?: unknown }).id === "string" ? (input as { id: string }).id : undefined;
  throw new InvalidExerciseError(id, formatIssues(r.error));
}
