import { afterAll, describe, expect, it } from "vitest";
import { exerciseSpecSchema } from "@/sandbox/grading/spec";
import { gradeQueued, gradingDeadlineMs, serverGrader } from "./index";
import { createGrader } from "./pool";

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

afterAll(() => serverGrader().dispose());

describe("grading on the server's warm pool", () => {
  it("grades a submission in a grading worker process, from scratch", async () => {
    const report = await gradeQueued(spec, spec.solution);
    expect(report).toMatchObject({ exerciseId: "greet", passed: 3, total: 3, allPassed: true });
  }, 60_000);

  it("reports failures per case and hides hidden cases' details", async () => {
    const report = await gradeQueued(spec, spec.stub);
    expect(report.allPassed).toBe(false);
    const hidden = report.cases.find((c) => c.hidden)!;
    expect(hidden.passed).toBe(false);
    expect(JSON.stringify(hidden)).not.toContain("Bo");
  }, 60_000);

  it("gives every submission a fresh environment: nothing one leaves in the worker is seen by the next", async () => {
    const leak = { "index.mjs": "globalThis.leaked = (globalThis.leaked ?? 0) + 1; export const handler = async (e) => ({ message: `Hello, ${e.name}!`, leaked: globalThis.leaked });" };
    const seen = spec.tests[0]!;
    const one = exerciseSpecSchema.parse({ ...spec, tests: [{ ...seen, expect: { responseMatches: { leaked: 1 } } }] });
    for (let i = 0; i < 3; i++) expect((await gradeQueued(one, leak)).allPassed).toBe(true);
  }, 60_000);

  it("contains an infinite loop as a timed-out case and stays usable", async () => {
    const report = await gradeQueued(spec, { "index.mjs": "export const handler = async () => { for (;;) {} };" });
    expect(report.passed).toBe(0);
    expect(report.cases[0]!.message).toMatch(/timed out|Timedout/i);
    expect((await gradeQueued(spec, spec.solution)).allPassed).toBe(true);
  }, 60_000);

  it("survives a submission that exhausts its memory, and grades the next one", async () => {
    const bomb = { "index.mjs": "export const handler = async () => { const a = []; for (;;) a.push('x'.repeat(1e6)); };" };
    const report = await gradeQueued(spec, bomb).catch((e: Error) => e);
    expect(report instanceof Error ? report.message : report.passed).not.toBe(3);
    expect((await gradeQueued(spec, spec.solution)).allPassed).toBe(true);
  }, 60_000);

  it("a submission that crashes its worker process fails alone: the submission graded beside it passes, and the worker is replaced", async () => {
    // A 16 MB V8 heap per worker and a 5.9 MB response: copying it out of QuickJS aborts the
    // worker process (V8's fatal out-of-memory), as a crash would.
    const grader = createGrader({ size: 2, resourceLimits: { maxOldGenerationSizeMb: 16 } });
    try {
      const one = exerciseSpecSchema.parse({ ...spec, function: { timeoutSeconds: 3, memoryMB: 1024 }, tests: [spec.tests[0]] });
      const crash = { "index.mjs": "export const handler = async () => 'x'.repeat(5.9 * 1024 * 1024);" };
      const [crashed, beside] = await Promise.all([grader.grade(one, crash), grader.grade(one, one.solution)]);
      expect(crashed.allPassed).toBe(false);
      expect(crashed.cases[0]!.message).toMatch(/Runtime\.(OutOfMemory|ExitError)/);
      expect(beside.allPassed).toBe(true);
      expect(grader.stats().workersLost).toBeGreaterThanOrEqual(1);
      expect((await grader.grade(one, one.solution)).allPassed).toBe(true);
    } finally {
      await grader.dispose();
    }
  }, 60_000);

  it("runs a teacher's assertion snippet in a worker: a native call QuickJS cannot interrupt never blocks the server", async () => {
    const hostile = exerciseSpecSchema.parse({ ...spec, tests: [{ ...spec.tests[0]!, expect: { assert: "const a = Array(2 ** 32 - 1); return a.lastIndexOf(2) === -1;" } }] });
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 50);
    const started = Date.now();
    try {
      const report = await gradeQueued(hostile, spec.solution);
      expect(report.cases[0]).toMatchObject({ passed: false, message: expect.stringMatching(/did not finish/) });
    } finally {
      clearInterval(ticker);
    }
    const elapsed = Date.now() - started;
    expect(ticks).toBeGreaterThan(elapsed / 50 / 3); // the event loop kept turning
    expect((await gradeQueued(exerciseSpecSchema.parse({ ...spec, tests: [{ ...spec.tests[0]!, expect: { assert: "assert(result.payload.message === 'Hello, Ada!')" } }] }), spec.solution)).allPassed).toBe(true);
  }, 60_000);

  it("bounds a run by every invocation's timeout plus a margin", () => {
    expect(gradingDeadlineMs(spec)).toBe(5_000 + 3 * 1_500);
  });
});
