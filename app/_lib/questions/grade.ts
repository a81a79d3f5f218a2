/**
 * Grading of every question type. Pure and synchronous except code questions, which need the
 * simulator and are graded by {@link gradeCodeAnswer} with an injected runner.
 *
 * Scores are 0..1; `correct` is the all-or-nothing verdict.
 * - single, true-false: 1 or 0.
 * - multiple: partial credit `max(0, (right picked − wrong picked) / number of right options)`;
 *   `correct` only when exactly the right set is picked. Picking everything therefore scores 0
 *   whenever there are as many wrong options as right ones.
 * - ordering: partial credit `LCS / n`, where LCS is the longest run of items already in the correct
 *   relative order (so n − LCS items must move); `correct` only for the exact order.
 * - short: 1 when the normalised text equals an accepted answer; otherwise the share of required
 *   keyword concepts present (each concept matched by any of its synonyms, as whole words);
 *   `correct` when the score is 1.
 * - predict: the chosen option's value (or the typed text) compared with the expected output the way
 *   the question's `observe` says (JSON by value, log lines line by line, error types ignoring case).
 * - code: the share of test points earned; `correct` when every case passes.
 */
import type { ExerciseReport } from "@/sandbox/grading/grade";
import type { SourceFiles } from "@/sandbox/runtime/types";
import { containsPhrase, normaliseText, samePrediction } from "./normalise";
import { answerSchema, type Answer, type Question, type QuestionOf } from "./schema";

export interface GradeResult {
  /** All-or-nothing verdict. */
  correct: boolean;
  /** Partial credit, 0..1. */
  score: number;
  /** Markdown feedback specific to this answer (the question's explanation is shown besides). */
  feedback: string;
  /** Short-answer questions: the model answer, shown after answering. */
  modelAnswer?: string;
  /** Short-answer questions: the concepts the answer missed (first synonym of each). */
  missing?: string[];
  /** Code questions: the grader's report. */
  report?: ExerciseReport;
}

/** A tampered or mismatched answer payload (a later route maps it to 400). */
export class InvalidAnswerError extends Error {
  constructor(
    readonly questionId: string,
    message: string,
  ) {
    super(`question "${questionId}": ${message}`);
    this.name = "InvalidAnswerError";
  }
}

/** Validate an answer payload for a question: the shape, the type, and every referenced id. */
export function parseAnswer(question: Question, payload: unknown): Answer {
  const r = answerSchema.safeParse(payload);
  if (!r.success) {
    throw new InvalidAnswerError(question.id, `invalid answer: ${r.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`);
  }
  const a = r.data;
  if (a.type !== question.type) throw new InvalidAnswerError(question.id, `answer of type "${a.type}" for a "${question.type}" question`);
  const known = (ids: string[], list: { id: string }[], what: string) => {
    const have = new Set(list.map((o) => o.id));
    for (const id of ids) if (!have.has(id)) throw new InvalidAnswerError(question.id, `unknown ${what} "${id}"`);
  };
  if (a.type === "single" && question.type === "single") known([a.selected], question.options, "option");
  if (a.type === "multiple" && question.type === "multiple") {
    known(a.selected, question.options, "option");
    if (new Set(a.selected).size !== a.selected.length) throw new InvalidAnswerError(question.id, "an option is selected twice");
  }
  if (a.type === "ordering" && question.type === "ordering") {
    known(a.order, question.items, "item");
    if (new Set(a.order).size !== a.order.length || a.order.length !== question.items.length) {
      throw new InvalidAnswerError(question.id, `order must list each of the ${question.items.length} items exactly once`);
    }
  }
  if (a.type === "predict" && question.type === "predict") {
    if (a.option !== undefined) {
      if (!question.options) throw new InvalidAnswerError(question.id, "this question takes a typed prediction, not an option");
      known([a.option], question.options, "option");
    } else if (question.options) throw new InvalidAnswerError(question.id, "this question takes one of its options");
  }
  return a;
}

/** Length of the longest increasing subsequence (patience sorting). */
function lis(xs: number[]): number {
  const tails: number[] = [];
  for (const x of xs) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = x;
  }
  return tails.length;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function gradeSingle(q: QuestionOf<"single">, selected: string): GradeResult {
  const o = q.options.find((x) => x.id === selected)!;
  return { correct: o.correct, score: o.correct ? 1 : 0, feedback: o.explanation };
}

function gradeMultiple(q: QuestionOf<"multiple">, selected: string[]): GradeResult {
  const picked = new Set(selected);
  const right = q.options.filter((o) => o.correct);
  const rightPicked = right.filter((o) => picked.has(o.id)).length;
  const wrongPicked = q.options.filter((o) => !o.correct && picked.has(o.id)).length;
  const correct = rightPicked === right.length && wrongPicked === 0;
  const score = round(Math.max(0, (rightPicked - wrongPicked) / right.length));
  const notes = q.options
    .filter((o) => picked.has(o.id) !== o.correct)
    .map((o) => `- ${o.correct ? "Missed" : "Not right"}: ${o.text} — ${o.explanation}`);
  return { correct, score, feedback: correct ? "All the right options, and only those." : notes.join("\n") };
}

function gradeOrdering(q: QuestionOf<"ordering">, order: string[]): GradeResult {
  const pos = new Map(q.items.map((it, i) => [it.id, i]));
  const positions = order.map((id) => pos.get(id)!);
  const keep = lis(positions);
  const correct = keep === q.items.length;
  return {
    correct,
    score: round(keep / q.items.length),
    feedback: correct ? "Right order." : `${q.items.length - keep} item(s) out of place. The order is: ${q.items.map((it) => it.text).join(" → ")}`,
  };
}

function gradeShort(q: QuestionOf<"short">, text: string): GradeResult {
  const t = normaliseText(text);
  if (t !== "" && q.accepted.some((a) => normaliseText(a) === t)) {
    return { correct: true, score: 1, feedback: "Correct.", modelAnswer: q.modelAnswer };
  }
  if (q.keywords.length === 0) return { correct: false, score: 0, feedback: "Not one of the accepted answers.", modelAnswer: q.modelAnswer };
  const groups = q.keywords.map((k) => (Array.isArray(k) ? k : [k]));
  const missing = groups.filter((g) => !g.some((syn) => containsPhrase(text, syn))).map((g) => g[0]!);
  const score = round((groups.length - missing.length) / groups.length);
  const correct = missing.length === 0;
  return {
    correct,
    score,
    feedback: correct ? "Covers every key point." : `Missing: ${missing.join(", ")}.`,
    modelAnswer: q.modelAnswer,
    missing,
  };
}

function gradePredict(q: QuestionOf<"predict">, a: Extract<Answer, { type: "predict" }>): GradeResult {
  if (a.option !== undefined) {
    const o = q.options!.find((x) => x.id === a.option)!;
    const correct = samePrediction(q.observe, o.value, q.expected);
    return { correct, score: correct ? 1 : 0, feedback: o.explanation };
  }
  const correct = samePrediction(q.observe, a.text ?? "", q.expected);
  return { correct, score: correct ? 1 : 0, feedback: correct ? "That is what the simulator produces." : `The simulator produces:\n\n\`\`\`\n${q.expected}\n\`\`\`` };
}

/**
 * Grade an answer payload (validated first: a tampered payload throws {@link InvalidAnswerError}).
 * Code questions throw too: they need the simulator, see {@link gradeCodeAnswer}.
 *
 * @example
 * gradeAnswer(question, { type: "multiple", selected: ["a", "c"] }); // { correct, score, feedback }
 */
export function gradeAnswer(question: Question, payload: unknown): GradeResult {
  const a = parseAnswer(question, payload);
  switch (a.type) {
    case "single":
      return gradeSingle(question as QuestionOf<"single">, a.selected);
    case "multiple":
      return gradeMultiple(question as QuestionOf<"multiple">, a.selected);
    case "true-false": {
      const q = question as QuestionOf<"true-false">;
      const correct = a.value === q.answer;
      return { correct, score: correct ? 1 : 0, feedback: correct ? `Yes: ${q.answer ? "true" : "false"}.` : q.wrongExplanation };
    }
    case "ordering":
      return gradeOrdering(question as QuestionOf<"ordering">, a.order);
    case "short":
      return gradeShort(question as QuestionOf<"short">, a.text);
    case "predict":
      return gradePredict(question as QuestionOf<"predict">, a);
    case "code":
      throw new InvalidAnswerError(question.id, "code questions are graded on the simulator: use gradeCodeAnswer");
  }
}

/** Turn an exercise report into a question grade. */
export function gradeFromReport(report: ExerciseReport): GradeResult {
  const failed = report.cases.filter((c) => !c.passed);
  return {
    correct: report.allPassed,
    score: round(report.score),
    feedback: report.allPassed
      ? `All ${report.total} tests pass.`
      : `${report.passed} of ${report.total} tests pass.\n\n${failed.map((c) => `- ${c.name}: ${c.message}`).join("\n")}`,
    report,
  };
}

/** Runs an exercise on the simulator, e.g. `(spec, files) => gradeExercise(spec, files, { catalogue, redactHidden: true })`. */
export type ExerciseRunner = (spec: QuestionOf<"code">["exercise"], files: SourceFiles) => Promise<ExerciseReport>;

/** Grade a code answer: validate the payload, run it with `run`, and score the report. */
export async function gradeCodeAnswer(question: Question, payload: unknown, run: ExerciseRunner): Promise<GradeResult> {
  const a = parseAnswer(question, payload);
  if (a.type !== "code" || question.type !== "code") throw new InvalidAnswerError(question.id, "not a code question");
  return gradeFromReport(await run(question.exercise, a.files));
}
