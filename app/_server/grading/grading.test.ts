import { describe, expect, it } from "vitest";
import { exerciseSpecSchema } from "@/sandbox/grading/spec";
import { gradeOnServer, gradeQueued, gradingDeadlineMs } from "./index";

const spec = exerciseSpecSchema.parse({
  id: "greet",
  instructions: "Greet by name.",
  function: { timeoutSeconds: 1 },
  stub: { "index.mjs": "export const handler = async () => ({});" },
  solution: { "index.mjs": "export const handler = async (e) => ({ message: `Hello, ${e.name}!` });" },
  tests: [
    { id: "greets-ada", name: "greets Ada", event: { name: "Ada" }, expect: { response: { message: "Hello, Ada!" } } },
    { id: "secret", name: "greets Bo", hidden: true, event: { name: "Bo" }, expect: { response: { message: "Hello, Bo!" } } },
    { id: "s3", name: "reads an S3 event", fromCatalogue: { id: "s3/put" }, expect: { status: "success" } },
  ],
});

describe("grading on the server", () => {
  it("grades a submission in a child process, from scratch", async () => {
    const report = await gradeOnServer(spec, spec.solution);
    expect(report).toMatchObject({ exerciseId: "greet", passed: 3, total: 3, allPassed: true });
  }, 60_000);

  it("reports failures per case and hides hidden cases' details", async () => {
    const report = await gradeOnServer(spec, spec.stub);
    expect(report.allPassed).toBe(false);
    const hidden = report.cases.find((c) => c.hidden)!;
    expect(hidden.passed).toBe(false);
    expect(JSON.stringify(hidden)).not.toContain("Bo");
  }, 60_000);

  it("contains an infinite loop as a timed-out case and stays usable", async () => {
    const report = await gradeQueued(spec, { "index.mjs": "export const handler = async () => { for (;;) {} };" });
    expect(report.passed).toBe(0);
    expect(report.cases[0]!.message).toMatch(/timed out|Timedout/i);
    expect((await gradeQueued(spec, spec.solution)).allPassed).toBe(true);
  }, 60_000);

  it("survives a submission that exhausts the grader's heap, and grades the next one", async () => {
    const bomb = { "index.mjs": "export const handler = async () => { const a = []; for (;;) a.push('x'.repeat(1e6)); };" };
    const report = await gradeQueued(spec, bomb).catch((e: Error) => e);
    expect(report instanceof Error ? report.message : (report as { passed: number }).passed).not.toBe(3);
    expect((await gradeQueued(spec, spec.solution)).allPassed).toBe(true);
  }, 60_000);

  it("bounds a run by every invocation's timeout plus a margin", () => {
    expect(gradingDeadlineMs(spec)).toBe(5_000 + 3 * 1_500);
  });
});
