import { describe, expect, it } from "vitest";
import { shuffled, toPublicQuestion } from "./public";
import { questionSchema } from "./schema";

const common = { topic: "foundations", lesson: "foundations/the-handler", difficulty: 2, prompt: "P?", explanation: "Secret why.", source: "original", dva: "development" } as const;

describe("toPublicQuestion", () => {
  it("drops correct flags and explanations from choice questions", () => {
    const q = questionSchema.parse({
      ...common,
      id: "s",
      type: "single",
      options: [
        { id: "a", text: "A", correct: true, explanation: "because" },
        { id: "b", text: "B", explanation: "no" },
      ],
    });
    const p = toPublicQuestion(q);
    expect(p).toEqual({ id: "s", topic: "foundations", lesson: "foundations/the-handler", difficulty: 2, prompt: "P?", dva: "development", tags: [], type: "single", options: [{ id: "a", text: "A" }, { id: "b", text: "B" }] });
    expect(JSON.stringify(p)).not.toMatch(/because|Secret|correct/);
  });

  it("hides accepted answers, keywords, expected outputs, solutions and hidden tests", () => {
    const short = questionSchema.parse({ ...common, id: "sh", type: "short", accepted: ["magic words"], keywords: ["kw"], modelAnswer: "model" });
    expect(JSON.stringify(toPublicQuestion(short))).not.toMatch(/magic|kw|model/);
    const predict = questionSchema.parse({ ...common, id: "p", type: "predict", function: { files: { "index.js": "x" } }, observe: "response", expected: '"s3cr3t"' });
    expect(JSON.stringify(toPublicQuestion(predict))).not.toMatch(/s3cr3t/);
    const code = questionSchema.parse({
      ...common,
      id: "c",
      type: "code",
      exercise: {
        id: "c",
        instructions: "Do it.",
        stub: { "index.mjs": "stub" },
        solution: { "index.mjs": "SOLUTION" },
        tests: [
          { id: "v", name: "visible case", expect: { response: 1 } },
          { id: "h", name: "hidden case", hidden: true, expect: { response: 2 } },
        ],
      },
    });
    const p = toPublicQuestion(code);
    expect(JSON.stringify(p)).not.toMatch(/SOLUTION|hidden case/);
    expect(p).toMatchObject({ exercise: { hiddenTests: 1, tests: [{ id: "v" }], stub: { "index.mjs": "stub" } } });
  });

  it("shuffles ordering items deterministically and never in the stored order", () => {
    const q = questionSchema.parse({ ...common, id: "o", type: "ordering", items: ["a", "b", "c"].map((id) => ({ id, text: id })) });
    const a = toPublicQuestion(q, "attempt-1");
    expect(a).toEqual(toPublicQuestion(q, "attempt-1"));
    if (a.type !== "ordering") throw new Error("type");
    expect(a.items.map((i) => i.id).sort()).toEqual(["a", "b", "c"]);
    for (const seed of ["", "x", "y", "z", "1", "2"]) expect(shuffled(["a", "b"], seed)).toEqual(["b", "a"]);
  });
});
