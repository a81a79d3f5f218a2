import { describe, expect, it } from "vitest";
import { pickMockQuestions, resumePoint, scoreMock, type PickableQuestion } from "./mock";

const bank: PickableQuestion[] = [];
for (const topic of ["a", "b", "c"]) for (let i = 0; i < 6; i++) bank.push({ id: `${topic}${i}`, topic, difficulty: (i % 3) + 1, type: i === 5 ? "code" : "single" });

describe("picking a mock interview", () => {
  it("spreads questions across topics, leaves out code, and is deterministic per seed", () => {
    const ids = pickMockQuestions(bank, { length: 6, minutes: 10, topics: [] }, "s1");
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    for (const t of ["a", "b", "c"]) expect(ids.filter((id) => id.startsWith(t))).toHaveLength(2);
    expect(ids.some((id) => id.endsWith("5"))).toBe(false);
    expect(pickMockQuestions(bank, { length: 6, minutes: 10, topics: [] }, "s1")).toEqual(ids);
  });
  it("keeps to the chosen topics and returns fewer when they run out", () => {
    const ids = pickMockQuestions(bank, { length: 20, minutes: 10, topics: ["b"] }, "s2");
    expect(ids).toHaveLength(5);
    expect(ids.every((id) => id.startsWith("b"))).toBe(true);
  });
  it("orders by difficulty", () => {
    const ids = pickMockQuestions(bank, { length: 9, minutes: 10, topics: [] }, "s3");
    const diff = ids.map((id) => bank.find((q) => q.id === id)!.difficulty);
    expect([...diff].sort()).toEqual(diff);
  });
});

describe("resuming a mock interview", () => {
  const base = { questionIds: ["q1", "q2", "q3"], answers: {} as Record<string, unknown>, endsAt: "2026-11-01T10:00:00.000Z", finishedAt: null };
  const now = new Date("2026-11-01T09:50:00.000Z");
  it("resumes at the first unanswered question with the time left", () => {
    expect(resumePoint({ ...base, answers: { q1: {} } }, now)).toEqual({ phase: "running", index: 1, remainingMs: 600_000 });
  });
  it("resumes at the question the learner was on when it is known", () => {
    expect(resumePoint({ ...base, answers: { q1: {} } }, now, 2)).toMatchObject({ phase: "running", index: 2 });
    expect(resumePoint({ ...base, answers: { q1: {} } }, now, 7)).toMatchObject({ phase: "running", index: 1 });
  });
  it("stays on the last question when all are answered", () => {
    expect(resumePoint({ ...base, answers: { q1: {}, q2: {}, q3: {} } }, now)).toMatchObject({ index: 2 });
  });
  it("says an interview past its time must be submitted, and a finished one shows results", () => {
    expect(resumePoint(base, new Date("2026-11-01T10:05:00.000Z"))).toEqual({ phase: "expired" });
    expect(resumePoint(base, new Date("2026-11-01T10:00:05.000Z"))).toMatchObject({ phase: "running", remainingMs: 0 });
    expect(resumePoint({ ...base, finishedAt: "2026-11-01T09:55:00.000Z" }, now)).toEqual({ phase: "results" });
  });
});

describe("scoring a mock interview", () => {
  it("scores by topic with partial credit, lists weak topics with their lessons, and the missed questions", () => {
    const s = scoreMock([
      { questionId: "a1", topic: "a", lesson: "a/x", answered: true, correct: true, score: 1 },
      { questionId: "a2", topic: "a", lesson: "a/y", answered: true, correct: false, score: 0.5 },
      { questionId: "b1", topic: "b", lesson: "b/x", answered: false, correct: false, score: 0 },
      { questionId: "c1", topic: "c", lesson: "c/x", answered: true, correct: true, score: 1 },
    ]);
    expect(s).toMatchObject({ questions: 4, answered: 3, correct: 2, score: 0.625, weakTopics: ["b"], missed: ["a2", "b1"] });
    expect(s.byTopic.map((t) => [t.topic, t.score])).toEqual([
      ["b", 0],
      ["a", 0.75],
      ["c", 1],
    ]);
    expect(s.byTopic.find((t) => t.topic === "a")!.lessons).toEqual(["a/y"]);
  });
  it("scores an empty interview as zero", () => {
    expect(scoreMock([])).toMatchObject({ questions: 0, score: 0, weakTopics: [] });
  });
});
