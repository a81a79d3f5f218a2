import { describe, expect, it } from "vitest";
import { accuracyByWeek, answeredPerDay, cardsByState, certificationReadiness, streak, type AttemptSummary } from "./stats";

const now = new Date("2026-11-10T12:00:00.000Z");
const at = (d: string, questionId = "q1", correct = true, score = correct ? 1 : 0): AttemptSummary => ({ questionId, correct, score, at: d });

describe("practice statistics", () => {
  it("counts answers per day, zeros included", () => {
    const days = answeredPerDay([at("2026-11-10T01:00:00Z"), at("2026-11-10T02:00:00Z"), at("2026-11-08T10:00:00Z")], now, 0, 3);
    expect(days).toEqual([
      { day: "2026-11-08", count: 1 },
      { day: "2026-11-09", count: 0 },
      { day: "2026-11-10", count: 2 },
    ]);
  });
  it("uses the learner's time zone for days", () => {
    // 23:30 UTC on the 9th is the 10th at UTC+2.
    expect(answeredPerDay([at("2026-11-09T23:30:00Z")], now, -120, 2)).toEqual([
      { day: "2026-11-09", count: 0 },
      { day: "2026-11-10", count: 1 },
    ]);
  });
  it("counts a streak ending today or yesterday", () => {
    expect(streak([at("2026-11-10T01:00:00Z"), at("2026-11-09T01:00:00Z"), at("2026-11-07T01:00:00Z")], now, 0)).toBe(2);
    expect(streak([at("2026-11-09T01:00:00Z"), at("2026-11-08T01:00:00Z")], now, 0)).toBe(2);
    expect(streak([at("2026-11-07T01:00:00Z")], now, 0)).toBe(0);
  });
  it("computes weekly accuracy per topic", () => {
    const topicOf = new Map([
      ["q1", "a"],
      ["q2", "b"],
    ]);
    const weeks = accuracyByWeek([at("2026-11-10T01:00:00Z", "q1", true), at("2026-11-10T02:00:00Z", "q1", false), at("2026-11-10T03:00:00Z", "q2", false)], topicOf, "a", now, 0, 2);
    expect(weeks[1]).toMatchObject({ answered: 2, accuracy: 0.5 });
    expect(weeks[0]).toMatchObject({ answered: 0, accuracy: null });
  });
  it("counts cards by state", () => {
    expect(cardsByState([{ state: 0 }, { state: 2 }, { state: 2 }, { state: 3 }])).toEqual([1, 0, 2, 1]);
  });
});

describe("certification readiness", () => {
  it("weights domains as the exam guide does and counts unseen questions as not ready", () => {
    const bank = [
      { id: "d1", topic: "t", dva: "development" as const },
      { id: "d2", topic: "t", dva: "development" as const },
      { id: "s1", topic: "t", dva: "security" as const },
      { id: "p1", topic: "t", dva: "deployment" as const },
      { id: "x1", topic: "t", dva: "troubleshooting" as const },
    ];
    const r = certificationReadiness(bank, [at("2026-11-01T00:00:00Z", "d1", false), at("2026-11-02T00:00:00Z", "d1", true), at("2026-11-02T00:00:00Z", "s1", false, 0.5)]);
    const dev = r.domains.find((d) => d.domain === "development")!;
    expect(dev).toMatchObject({ questions: 2, seen: 1, coverage: 0.5, accuracy: 1, readiness: 0.5 });
    expect(r.domains.find((d) => d.domain === "security")).toMatchObject({ readiness: 0.5 });
    expect(r.overall).toBeCloseTo(0.32 * 0.5 + 0.26 * 0.5, 3);
    expect(r.coverage).toBeCloseTo(0.32 * 0.5 + 0.26 * 1, 3);
  });
});
