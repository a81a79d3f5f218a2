/**
 * The interview question bank's data model: one zod schema per question type, the answer payload
 * each type accepts, and the DVA-C02 domain weights. Pure TypeScript (zod only): the same module
 * validates content on the server and answers in the browser.
 *
 * Question ids are stable kebab-case and never change once published (attempts and review cards
 * refer to them). `source` says where a question came from: `seed:003#12` for the cheat sheet's
 * numbered question 12, `seed:003#scenario-3` / `seed:004#…` for other seed material, or `original`.
 */
import { z } from "zod";
import { samePrediction } from "./normalise";
import { exerciseSpecSchema, functionSettingsSchema, sourceFilesSchema, stableId, catalogueEventSchema } from "@/sandbox/grading/spec";

/**
 * AWS Certified Developer – Associate (DVA-C02) content domains and their exam weights
 * (exam guide: Development with AWS Services 32%, Security 26%, Deployment 24%,
 * Troubleshooting and Optimization 18%). The one place these weights are defined.
 */
export const DVA_DOMAINS = {
  development: { title: "Development with AWS Services", weight: 0.32 },
  security: { title: "Security", weight: 0.26 },
  deployment: { title: "Deployment", weight: 0.24 },
  troubleshooting: { title: "Troubleshooting and Optimization", weight: 0.18 },
} as const;
export type DvaDomain = keyof typeof DVA_DOMAINS;
export const dvaDomainSchema = z.enum(["development", "security", "deployment", "troubleshooting"]);

export const QUESTION_TYPES = ["single", "multiple", "true-false", "ordering", "short", "predict", "code"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

const markdown = z.string().trim().min(1);

/** Fields every question has. */
const base = {
  id: stableId,
  /** A module id from content/course.yaml. */
  topic: stableId,
  /** "<module>/<lesson>" from content/course.yaml. */
  lesson: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'a lesson id "<module>/<lesson>"'),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  prompt: markdown,
  /** Why the right answer is right (and the usual wrong ones wrong). Markdown. */
  explanation: markdown,
  source: z.string().regex(/^(original|seed:\d{3}#[a-z0-9-]+)$/, 'either "original" or "seed:NNN#ref" (e.g. seed:003#12)'),
  dva: dvaDomainSchema,
  tags: z.array(z.string().regex(/^[a-z0-9-]+$/)).default([]),
  /** What the seed states differently or out of date; the explanation must teach the current fact. */
  outdatedInSeed: z.string().trim().min(1).optional(),
};

/** A choice: stable option id, its text, and why it is right or wrong. */
export const optionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    text: markdown,
    correct: z.boolean().default(false),
    explanation: markdown,
  })
  .strict();
export type Option = z.infer<typeof optionSchema>;

function uniqueIds(items: { id: string }[], ctx: z.RefinementCtx, path: string) {
  const seen = new Set<string>();
  items.forEach((it, i) => {
    if (seen.has(it.id)) ctx.addIssue({ code: "custom", path: [path, i, "id"], message: `duplicate ${path} id "${it.id}"` });
    seen.add(it.id);
  });
}

export const singleQuestionSchema = z
  .object({ ...base, type: z.literal("single"), options: z.array(optionSchema).min(2).max(8) })
  .strict()
  .superRefine((q, ctx) => {
    uniqueIds(q.options, ctx, "options");
    const n = q.options.filter((o) => o.correct).length;
    if (n !== 1) ctx.addIssue({ code: "custom", path: ["options"], message: `a single-choice question needs exactly one correct option (has ${n})` });
  });

export const multipleQuestionSchema = z
  .object({ ...base, type: z.literal("multiple"), options: z.array(optionSchema).min(3).max(10) })
  .strict()
  .superRefine((q, ctx) => {
    uniqueIds(q.options, ctx, "options");
    const n = q.options.filter((o) => o.correct).length;
    if (n < 1) ctx.addIssue({ code: "custom", path: ["options"], message: "a multiple-choice question needs at least one correct option" });
    if (n === q.options.length) ctx.addIssue({ code: "custom", path: ["options"], message: "a multiple-choice question needs at least one wrong option" });
  });

export const trueFalseQuestionSchema = z
  .object({
    ...base,
    type: z.literal("true-false"),
    answer: z.boolean(),
    /** Shown when the learner picks the wrong value: why that value is wrong. */
    wrongExplanation: markdown,
  })
  .strict();

export const orderingQuestionSchema = z
  .object({
    ...base,
    type: z.literal("ordering"),
    /** Items in the CORRECT order; the UI shuffles them. */
    items: z.array(z.object({ id: z.string().regex(/^[a-z0-9-]+$/), text: markdown }).strict()).min(3).max(10),
  })
  .strict()
  .superRefine((q, ctx) => uniqueIds(q.items, ctx, "items"));

/** A concept the answer must mention: any of its synonyms (normalised, whole words) counts. */
export const keywordSchema = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

export const shortQuestionSchema = z
  .object({
    ...base,
    type: z.literal("short"),
    /** Whole answers accepted as fully correct (after normalisation). */
    accepted: z.array(z.string().min(1)).default([]),
    /** Concepts that must all appear for full credit; each a word/phrase or a list of synonyms. */
    keywords: z.array(keywordSchema).default([]),
    /** Shown after answering. */
    modelAnswer: markdown,
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.accepted.length === 0 && q.keywords.length === 0) ctx.addIssue({ code: "custom", message: "a short-answer question needs accepted answers or keywords" });
  });

/** What a "predict the output" question asks about. */
export const observeSchema = z.enum([
  /** The last invocation's response payload (JSON, compared by value). */
  "response",
  /** Every application log message of all invocations (text after `time\trequestId\tLEVEL\t`), one per line. */
  "logs",
  /** The last invocation's errorType (Sandbox.Timedout for a timeout). */
  "errorType",
  /** The last invocation's status: success, error or timeout. */
  "status",
]);
export type Observe = z.infer<typeof observeSchema>;

export const predictEventSchema = z.union([
  z.object({ event: z.unknown() }).strict(),
  z.object({ fromCatalogue: catalogueEventSchema }).strict(),
]);

export const predictQuestionSchema = z
  .object({
    ...base,
    type: z.literal("predict"),
    function: functionSettingsSchema
      .extend({
        files: sourceFilesSchema,
        layers: z.array(z.object({ name: z.string().min(1), files: sourceFilesSchema }).strict()).max(5).optional(),
      })
      .strict(),
    /** Invoked in order in one environment (first cold, then warm). Default: one `{}` event. */
    invocations: z.array(predictEventSchema).min(1).max(10).default([{ event: {} }]),
    observe: observeSchema,
    /** The true output in its canonical text form (JSON text for `response`, lines for `logs`). */
    expected: z.string(),
    /** Choices: each a possible output with why it is (not) what happens. Without options, learners type. */
    options: z.array(z.object({ id: z.string().regex(/^[a-z0-9-]+$/), value: z.string(), explanation: markdown }).strict()).min(2).max(6).optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.options) {
      uniqueIds(q.options, ctx, "options");
      const right = q.options.filter((o) => samePrediction(q.observe, o.value, q.expected)).length;
      if (right !== 1) ctx.addIssue({ code: "custom", path: ["options"], message: `exactly one option must equal expected (${right} do)` });
    }
    if (q.observe === "response") {
      try {
        JSON.parse(q.expected);
      } catch {
        ctx.addIssue({ code: "custom", path: ["expected"], message: "for observe: response, expected must be JSON text" });
      }
    }
  });

export const codeQuestionSchema = z
  .object({ ...base, type: z.literal("code"), exercise: exerciseSpecSchema })
  .strict();

export const questionSchema = z.discriminatedUnion("type", [
  singleQuestionSchema,
  multipleQuestionSchema,
  trueFalseQuestionSchema,
  orderingQuestionSchema,
  shortQuestionSchema,
  predictQuestionSchema,
  codeQuestionSchema,
]);
export type Question = z.infer<typeof questionSchema>;
export type QuestionInput = z.input<typeof questionSchema>;
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;

// ---------------------------------------------------------------------------------------------
// Answers: what a learner submits, validated before grading (a tampered payload is rejected).

const optionId = z.string().min(1).max(40);
const MAX_TEXT = 4000;
/** A learner's code answer: generous for an exercise, small enough to reject abuse early. */
const MAX_CODE_CHARS = 256 * 1024;

export const answerSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("single"), selected: optionId }).strict(),
  z.object({ type: z.literal("multiple"), selected: z.array(optionId).max(10) }).strict(),
  z.object({ type: z.literal("true-false"), value: z.boolean() }).strict(),
  z.object({ type: z.literal("ordering"), order: z.array(optionId).max(10) }).strict(),
  z.object({ type: z.literal("short"), text: z.string().max(MAX_TEXT) }).strict(),
  z
    .object({ type: z.literal("predict"), option: optionId.optional(), text: z.string().max(MAX_TEXT).optional() })
    .strict()
    .refine((a) => (a.option === undefined) !== (a.text === undefined), "a predict answer has either option or text"),
  z
    .object({
      type: z.literal("code"),
      files: sourceFilesSchema.refine(
        (files) => Object.values(files).reduce((n, text) => n + text.length, 0) <= MAX_CODE_CHARS,
        `at most ${MAX_CODE_CHARS} characters of code in total`,
      ),
    })
    .strict(),
]);
export type Answer = z.infer<typeof answerSchema>;
