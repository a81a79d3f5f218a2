import { describe, expect, it } from "vitest";
import type { Cell } from "./assignments";
import { cellMatches, STATUS_FILTERS, type StatusFilter } from "./filters";

const cell = (patch: Partial<Cell>): Cell => ({ status: "not-started", score: null, points: null, maxPoints: 10, late: false, attempts: 0, due: null, ...patch });
const matching = (c: Cell) => STATUS_FILTERS.filter((f: StatusFilter) => cellMatches(c, f));

describe("gradebook status filter", () => {
  it("an untouched item is only 'not started'", () => {
    expect(matching(cell({}))).toEqual(["not-started"]);
  });
  it("a failed try is submitted and stuck; a later pass is submitted and passed, not stuck", () => {
    expect(matching(cell({ status: "graded", attempts: 1, score: 0.5 }))).toEqual(["submitted", "stuck"]);
    expect(matching(cell({ status: "passed", attempts: 2, score: 1 }))).toEqual(["submitted", "passed"]);
  });
  it("a lesson completed late is submitted, passed and late", () => {
    expect(matching(cell({ status: "completed", late: true, score: 0.9 }))).toEqual(["submitted", "passed", "late"]);
  });
  it("a submission waiting for the grader counts as submitted and stuck until it passes", () => {
    expect(matching(cell({ status: "pending", attempts: 1 }))).toEqual(["submitted", "stuck"]);
  });
});
