import { describe, expect, it } from "vitest";
import { effectiveDue, itemGrade, type GradePolicy } from "./grades";

const due = new Date("2026-03-01T12:00:00Z");
const before = (min: number, score: number, id = `b${min}`) => ({ id, submittedAt: new Date(due.getTime() - min * 60_000), score });
const after = (min: number, score: number, id = `a${min}`) => ({ id, submittedAt: new Date(due.getTime() + min * 60_000), score });
const policy = (p: Partial<GradePolicy>): GradePolicy => ({ dueAt: due, latePolicy: "ACCEPT_WITH_PENALTY", latePenaltyPercent: 20, gradingPolicy: "BEST", ...p });

describe("item grades", () => {
  it("has no grade before any submission", () => {
    expect(itemGrade([], policy({}))).toEqual({ score: null, late: false, submissionId: null });
  });

  it("takes the best submission, with the late penalty applied before comparing", () => {
    expect(itemGrade([before(30, 0.5), after(5, 1)], policy({}))).toEqual({ score: 0.8, late: true, submissionId: "a5" });
    expect(itemGrade([before(30, 0.9), after(5, 1)], policy({}))).toEqual({ score: 0.9, late: false, submissionId: "b30" });
  });

  it("takes the last submission before the due date, even when an earlier one scored more", () => {
    expect(itemGrade([before(30, 1), before(10, 0.25), after(5, 1)], policy({ gradingPolicy: "LAST_BEFORE_DUE" }))).toEqual({ score: 0.25, late: false, submissionId: "b10" });
  });

  it("falls back to the last late submission, penalised, when nothing came before the due date", () => {
    expect(itemGrade([after(5, 1), after(50, 0.5)], policy({ gradingPolicy: "LAST_BEFORE_DUE" }))).toEqual({ score: 0.4, late: true, submissionId: "a50" });
  });

  it("counts late work for nothing when the assignment closes at the due date", () => {
    expect(itemGrade([after(1, 1)], policy({ latePolicy: "CLOSE" })).score).toBe(0);
  });

  it("never penalises without a due date; an extension replaces the assignment's due date", () => {
    expect(itemGrade([after(99999, 1)], policy({ dueAt: null })).score).toBe(1);
    const extended = new Date(due.getTime() + 3_600_000);
    expect(effectiveDue(due, extended)).toBe(extended);
    expect(effectiveDue(due, null)).toBe(due);
    expect(itemGrade([after(30, 1)], policy({ dueAt: effectiveDue(due, extended) }))).toMatchObject({ score: 1, late: false });
  });
});
