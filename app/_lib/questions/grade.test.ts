import { describe, expect, it } from "vitest";
import { gradeAnswer, gradeCodeAnswer, gradeFromReport, InvalidAnswerError } from "./grade";
import { normaliseText, samePrediction } from "./normalise";
import { DVA_DOMAINS, questionSchema, type Question } from "./schema";

const common = { topic: "foundations", lesson: "foundations/the-handler", difficulty: 1, prompt: "P?", explanation: "Because.", source: "original", dva: "development" } as const;
const q = (extra: Record<string, unknown>): Question => questionSchema.parse({ ...common, ...extra });

const single = q({
  id: "s",
  type: "single",
  options: [
    { id: "a", text: "A", correct: true, explanation: "A is right" },
    { id: "b", text: "B", explanation: "B is wrong because…" },
  ],
});
const multiple = q({
  id: "m",
  type: "multiple",
  options: [
    { id: "a", text: "A", correct: true, explanation: "x" },
    { id: "b", text: "B", correct: true, explanation: "x" },
    { id: "c", text: "C", explanation: "x" },
    { id: "d", text: "D", explanation: "x" },
  ],
});
const ordering = q({ id: "o", type: "ordering", items: ["a", "b", "c", "d"].map((id) => ({ id, text: id.toUpperCase() })) });
const short = q({
  id: "sh",
  type: "short",
  accepted: ["15 minutes", "900 seconds"],
  keywords: [["provisioned concurrency", "provisioned"], ["snapstart", "init", "initialisation"]],
  modelAnswer: "Model.",
});
const predictChoice = q({
  id: "p",
  type: "predict",
  function: { files: { "index.mjs": "export const handler = async () => ({ a: 1 });" } },
  observe: "response",
  expected: '{"a":1}',
  options: [
    { id: "x", value: '{ "a": 1 }', explanation: "right" },
    { id: "y", value: "null", explanation: "wrong" },
  ],
});
const predictText = q({ id: "pt", type: "predict", function: { files: { "index.js": "" } }, observe: "logs", expected: "one\ntwo" });

describe("gradeAnswer", () => {
  it("grades single choice with the chosen option's explanation", () => {
    expect(gradeAnswer(single, { type: "single", selected: "a" })).toEqual({ correct: true, score: 1, feedback: "A is right" });
    expect(gradeAnswer(single, { type: "single", selected: "b" })).toMatchObject({ correct: false, score: 0, feedback: "B is wrong because…" });
  });

  it("grades multiple choice all-or-nothing and with partial credit (right − wrong) / right", () => {
    expect(gradeAnswer(multiple, { type: "multiple", selected: ["b", "a"] })).toMatchObject({ correct: true, score: 1 });
    expect(gradeAnswer(multiple, { type: "multiple", selected: ["a"] })).toMatchObject({ correct: false, score: 0.5 });
    expect(gradeAnswer(multiple, { type: "multiple", selected: ["a", "b", "c"] })).toMatchObject({ correct: false, score: 0.5 });
    expect(gradeAnswer(multiple, { type: "multiple", selected: ["a", "b", "c", "d"] })).toMatchObject({ correct: false, score: 0 });
    expect(gradeAnswer(multiple, { type: "multiple", selected: ["c"] })).toMatchObject({ correct: false, score: 0 });
  });

  it("grades true/false with the explanation of the wrong value", () => {
    const tf = q({ id: "tf", type: "true-false", answer: false, wrongExplanation: "It is false because…" });
    expect(gradeAnswer(tf, { type: "true-false", value: false }).correct).toBe(true);
    expect(gradeAnswer(tf, { type: "true-false", value: true })).toMatchObject({ correct: false, feedback: "It is false because…" });
  });

  it("gives ordering partial credit by the longest run in the right relative order", () => {
    expect(gradeAnswer(ordering, { type: "ordering", order: ["a", "b", "c", "d"] })).toMatchObject({ correct: true, score: 1 });
    expect(gradeAnswer(ordering, { type: "ordering", order: ["b", "a", "c", "d"] })).toMatchObject({ correct: false, score: 0.75 });
    expect(gradeAnswer(ordering, { type: "ordering", order: ["d", "c", "b", "a"] })).toMatchObject({ correct: false, score: 0.25 });
  });

  it("accepts normalised short answers and scores keywords with synonyms", () => {
    expect(gradeAnswer(short, { type: "short", text: "  15 Minutes. " })).toMatchObject({ correct: true, score: 1, modelAnswer: "Model." });
    expect(gradeAnswer(short, { type: "short", text: "Use Provisioned Concurrency, or shrink the init code" })).toMatchObject({ correct: true, score: 1 });
    expect(gradeAnswer(short, { type: "short", text: "provisioned" })).toMatchObject({ correct: false, score: 0.5, missing: ["snapstart"] });
    expect(gradeAnswer(short, { type: "short", text: "unprovisioned" })).toMatchObject({ correct: false, score: 0 });
  });

  it("grades predictions by value: JSON ignoring spacing, log lines line by line", () => {
    expect(gradeAnswer(predictChoice, { type: "predict", option: "x" }).correct).toBe(true);
    expect(gradeAnswer(predictChoice, { type: "predict", option: "y" })).toMatchObject({ correct: false, feedback: "wrong" });
    expect(gradeAnswer(predictText, { type: "predict", text: " one \n\ntwo\n" }).correct).toBe(true);
    expect(gradeAnswer(predictText, { type: "predict", text: "two\none" }).correct).toBe(false);
  });

  it("rejects tampered payloads with a clear error", () => {
    expect(() => gradeAnswer(single, { type: "single", selected: "zzz" })).toThrow(/question "s": unknown option "zzz"/);
    expect(() => gradeAnswer(single, { type: "multiple", selected: ["a"] })).toThrow(/answer of type "multiple" for a "single" question/);
    expect(() => gradeAnswer(single, { type: "single", selected: "a", score: 1 })).toThrow(InvalidAnswerError);
    expect(() => gradeAnswer(multiple, { type: "multiple", selected: ["a", "a"] })).toThrow(/selected twice/);
    expect(() => gradeAnswer(ordering, { type: "ordering", order: ["a", "b", "c"] })).toThrow(/each of the 4 items exactly once/);
    expect(() => gradeAnswer(predictChoice, { type: "predict", text: '{"a":1}' })).toThrow(/one of its options/);
    expect(() => gradeAnswer(predictText, { type: "predict", option: "x" })).toThrow(/typed prediction/);
    expect(() => gradeAnswer(short, { type: "short", text: "x".repeat(5000) })).toThrow(/invalid answer/);
    expect(() => gradeAnswer(short, null)).toThrow(/invalid answer/);
  });

  it("sends code answers to the simulator runner and scores its report", async () => {
    const code = q({
      id: "c",
      type: "code",
      exercise: {
        id: "c",
        instructions: "Return 1.",
        stub: { "index.mjs": "export const handler = async () => 0;" },
        solution: { "index.mjs": "export const handler = async () => 1;" },
        tests: [{ id: "one", name: "returns 1", expect: { response: 1 } }],
      },
    });
    expect(() => gradeAnswer(code, { type: "code", files: { "index.mjs": "" } })).toThrow(/gradeCodeAnswer/);
    await expect(gradeCodeAnswer(code, { type: "code", files: { "a.js": "x".repeat(200_000), "b.js": "y".repeat(100_000) } }, () => Promise.reject(new Error("not run")))).rejects.toThrow(/characters of code in total/);
    const report = { exerciseId: "c", passed: 0, total: 1, allPassed: false, points: 0, maxPoints: 1, score: 0, cases: [{ id: "one", name: "returns 1", passed: false, hidden: false, points: 0, maxPoints: 1, message: "expected response 1, got 0", durationMs: 1 }] };
    const r = await gradeCodeAnswer(code, { type: "code", files: { "index.mjs": "x" } }, () => Promise.resolve(report));
    expect(r).toMatchObject({ correct: false, score: 0, feedback: expect.stringContaining("returns 1: expected response 1, got 0") as unknown });
    expect(gradeFromReport({ ...report, passed: 1, allPassed: true, points: 1, score: 1 }).correct).toBe(true);
  });
});

describe("question schema", () => {
  it("requires exactly one correct single-choice option and an explanation on each", () => {
    expect(() => q({ id: "x", type: "single", options: [{ id: "a", text: "A", explanation: "e" }, { id: "b", text: "B", explanation: "e" }] })).toThrow(/exactly one correct/);
    expect(() => q({ id: "x", type: "single", options: [{ id: "a", text: "A", correct: true }, { id: "b", text: "B", explanation: "e" }] })).toThrow();
  });
  it("requires exactly one predict option equal to the expected output", () => {
    expect(() => q({ ...predictChoice, id: "x", options: [{ id: "a", value: "1", explanation: "e" }, { id: "b", value: "2", explanation: "e" }] })).toThrow(/exactly one option must equal expected/);
  });
  it("weights the DVA-C02 domains to 100%", () => {
    expect(Object.values(DVA_DOMAINS).reduce((a, d) => a + d.weight, 0)).toBeCloseTo(1);
  });
});

describe("normalisation", () => {
  it("ignores case, punctuation and thousands separators", () => {
    expect(normaliseText("  10,240 MB of /tmp!  ")).toBe("10240 mb of tmp");
    expect(samePrediction("errorType", " sandbox.timedout", "Sandbox.Timedout")).toBe(true);
    expect(samePrediction("response", "hi", '"hi"')).toBe(true);
  });
});
