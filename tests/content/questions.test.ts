// The question bank as content: every file loads and validates, the bank covers the course and the
// cheat sheet, every question's reference answer grades as correct and a wrong one as incorrect,
// code questions' reference solutions pass on the simulator (and their stubs fail), and every
// "predict the output" answer is what the simulator really produces.
import { mkdtempSync, mkdirSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { gradeAnswer, gradeFromReport, samePrediction, QUESTION_TYPES, type Question, type QuestionOf } from "@/app/_lib/questions";
import { loadQuestionBank, QuestionContentError, type QuestionBank } from "@/app/_server/content/questions";
import { gradeExercise } from "@/sandbox/grading/grade";
import { runPrediction } from "@/sandbox/grading/observe";
import { getEvent } from "@/sandbox/events";
import { loadCatalogue } from "@/sandbox/events/node";

let bank: QuestionBank;
const catalogueData = loadCatalogue();
const catalogue = (id: string) => getEvent(catalogueData, id);

beforeAll(() => {
  bank = loadQuestionBank();
});

const ofType = <T extends Question["type"]>(t: T) => () => bank.questions.filter((q): q is QuestionOf<T> => q.type === t);

describe("the question bank", () => {
  it("loads every file and has at least 200 questions with unique ids", () => {
    expect(bank.questions.length).toBeGreaterThanOrEqual(200);
    expect(new Set(bank.questions.map((q) => q.id)).size).toBe(bank.questions.length);
  });

  it("has at least three questions for every lesson of the course", () => {
    const thin = bank.outline.lessons.filter((l) => bank.questions.filter((q) => q.lesson === l).length < 3);
    expect(thin).toEqual([]);
  });

  it("covers all 50 numbered questions of the cheat sheet (seed 003)", () => {
    const missing = Array.from({ length: 50 }, (_, i) => `seed:003#${i + 1}`).filter((s) => !bank.questions.some((q) => q.source === s));
    expect(missing).toEqual([]);
  });

  it("mixes every question type", () => {
    const counts = Object.fromEntries(QUESTION_TYPES.map((t) => [t, bank.questions.filter((q) => q.type === t).length]));
    for (const t of QUESTION_TYPES) expect(counts[t], t).toBeGreaterThanOrEqual(8);
    expect(counts.predict).toBeGreaterThanOrEqual(15);
  });

  it("explains what the seed got wrong wherever a question is marked outdatedInSeed", () => {
    for (const q of bank.questions.filter((x) => x.outdatedInSeed)) {
      expect(q.explanation, q.id).toMatch(/seed|cheat sheet|changed|since|no longer|used to|older|deprecated|now/i);
    }
  });
});

describe("grading each question's reference answer and a wrong one", () => {
  function referenceAnswer(q: Question): unknown {
    switch (q.type) {
      case "single":
        return { type: "single", selected: q.options.find((o) => o.correct)!.id };
      case "multiple":
        return { type: "multiple", selected: q.options.filter((o) => o.correct).map((o) => o.id) };
      case "true-false":
        return { type: "true-false", value: q.answer };
      case "ordering":
        return { type: "ordering", order: q.items.map((i) => i.id) };
      case "short":
        return { type: "short", text: q.keywords.length > 0 ? q.modelAnswer : q.accepted[0] };
      case "predict":
        return q.options ? { type: "predict", option: q.options.find((o) => samePrediction(q.observe, o.value, q.expected))!.id } : { type: "predict", text: q.expected };
      case "code":
        return undefined;
    }
  }
  function wrongAnswer(q: Question): unknown {
    switch (q.type) {
      case "single":
        return { type: "single", selected: q.options.find((o) => !o.correct)!.id };
      case "multiple":
        return { type: "multiple", selected: q.options.filter((o) => !o.correct).map((o) => o.id) };
      case "true-false":
        return { type: "true-false", value: !q.answer };
      case "ordering":
        return { type: "ordering", order: q.items.map((i) => i.id).reverse() };
      case "short":
        return { type: "short", text: "I am not sure, it depends" };
      case "predict":
        return q.options ? { type: "predict", option: q.options.find((o) => !samePrediction(q.observe, o.value, q.expected))!.id } : { type: "predict", text: "zzz-not-the-output" };
      case "code":
        return undefined;
    }
  }

  it("grades every reference answer (the model answer for keyword questions) as fully correct", () => {
    const bad = bank.questions
      .filter((q) => q.type !== "code")
      .map((q) => ({ id: q.id, r: gradeAnswer(q, referenceAnswer(q)) }))
      .filter(({ r }) => !r.correct || r.score !== 1)
      .map(({ id, r }) => `${id}: ${r.feedback}`);
    expect(bad).toEqual([]);
  });

  it("grades a wrong answer to every question as incorrect", () => {
    const bad = bank.questions.filter((q) => q.type !== "code" && gradeAnswer(q, wrongAnswer(q)).correct).map((q) => q.id);
    expect(bad).toEqual([]);
  });
});

describe("code questions on the simulator", () => {
  it("passes every case with each reference solution and fails some case with each stub", { timeout: 240_000 }, async () => {
    const problems: string[] = [];
    for (const q of ofType("code")()) {
      const ref = await gradeExercise(q.exercise, q.exercise.solution, { catalogue });
      if (!ref.allPassed) problems.push(`${q.id} solution: ${ref.cases.filter((c) => !c.passed).map((c) => `${c.id}: ${c.message}`).join("; ")}`);
      if (!gradeFromReport(ref).correct) problems.push(`${q.id}: a passing report does not grade as correct`);
      const stub = await gradeExercise(q.exercise, q.exercise.stub, { catalogue });
      if (stub.allPassed) problems.push(`${q.id} stub passes every case`);
    }
    expect(problems).toEqual([]);
  });
});

describe("predict-the-output questions on the simulator", () => {
  it("has an expected answer equal to what the simulator really returns or logs", { timeout: 120_000 }, async () => {
    const wrong: string[] = [];
    for (const q of ofType("predict")()) {
      const { observed: actual } = await runPrediction(q, { catalogue });
      if (!samePrediction(q.observe, actual, q.expected)) wrong.push(`${q.id}: expected ${JSON.stringify(q.expected)}, simulator gives ${JSON.stringify(actual)}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe("the loader", () => {
  function fixture(yaml: string): string {
    const dir = mkdtempSync(join(tmpdir(), "qbank-"));
    mkdirSync(join(dir, "questions"));
    copyFileSync(join(process.cwd(), "content", "course.yaml"), join(dir, "course.yaml"));
    writeFileSync(join(dir, "questions", "bad.yaml"), yaml);
    return dir;
  }
  const good = `  - id: q-one
    lesson: foundations/the-handler
    difficulty: 1
    type: true-false
    prompt: P
    answer: true
    wrongExplanation: W
    explanation: E
    source: original
    dva: development
`;

  it("loads a valid file and fills the topic from the lesson", () => {
    const b = loadQuestionBank(fixture(`questions:\n${good}`));
    expect(b.questions[0]).toMatchObject({ id: "q-one", topic: "foundations" });
  });

  it("names the file, the question id and the reason", () => {
    expect(() => loadQuestionBank(fixture(`questions:\n${good.replace("difficulty: 1", "difficulty: 7")}`))).toThrow(/content\/questions\/bad\.yaml: question "q-one": difficulty|bad\.yaml: question "q-one": difficulty/);
    expect(() => loadQuestionBank(fixture(`questions:\n${good.replace("foundations/the-handler", "foundations/nope")}`))).toThrow(/question "q-one": lesson "foundations\/nope" is not in content\/course.yaml/);
    expect(() => loadQuestionBank(fixture(`questions:\n${good}${good}`))).toThrow(/question "q-one": duplicate id/);
    expect(() => loadQuestionBank(fixture(`questions: [\n`))).toThrow(QuestionContentError);
  });
});
