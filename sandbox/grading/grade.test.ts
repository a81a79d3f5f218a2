import { describe, expect, it } from "vitest";
import { ExerciseSpecError, gradeExercise } from "./grade";
import { parseExerciseSpec, type ExerciseSpecInput } from "./spec";

const spec: ExerciseSpecInput = {
  id: "greet",
  instructions: "Return `{ message: 'Hello, <name>!' }`.",
  function: { timeoutSeconds: 1 },
  stub: { "index.mjs": "export const handler = async (event) => {\n  // TODO\n};\n" },
  solution: {
    "index.mjs": "let calls = 0;\nexport const handler = async (event) => {\n  calls++;\n  console.log('greeting', event.name);\n  if (!event.name) throw new TypeError('name is required');\n  return { message: `Hello, ${event.name}!`, calls };\n};\n",
  },
  hints: ["Template literals."],
  tests: [
    { id: "greets", name: "greets the caller by name", event: { name: "Ada" }, expect: { status: "success", responseMatches: { message: "Hello, Ada!" } } },
    { id: "logs", name: "logs the name it greets", event: { name: "Lin" }, expect: { logsContain: ["greeting Lin", { regex: "INFO\\tgreeting" }] } },
    { id: "rejects", name: "throws a TypeError without a name", hidden: true, points: 2, event: {}, expect: { status: "error", errorType: "TypeError", errorMessage: "required" } },
    {
      id: "warm",
      name: "counts calls across warm invocations",
      invocations: [
        { event: { name: "a" }, expect: { response: { message: "Hello, a!", calls: 1 }, coldStart: true } },
        { event: { name: "b" }, expect: { responseMatches: { calls: 2 }, coldStart: false, assert: "assert(results.length === 2); return result.payload.calls > results[0].payload.calls;" } },
      ],
    },
  ],
};

describe("gradeExercise", () => {
  it("passes every case with the reference solution", async () => {
    const r = await gradeExercise(spec, parseExerciseSpec(spec).solution);
    expect(r.cases.filter((c) => !c.passed)).toEqual([]);
    expect(r).toMatchObject({ passed: 4, total: 4, allPassed: true, points: 5, maxPoints: 5, score: 1 });
  });

  it("fails the stub with messages that say what was expected", async () => {
    const r = await gradeExercise(spec, parseExerciseSpec(spec).stub);
    expect(r.allPassed).toBe(false);
    expect(r.score).toBe(0);
    expect(r.cases[0]!.message).toMatch(/expected a response matching \{"message":"Hello, Ada!"\}, got null/);
    expect(r.cases[2]!.message).toMatch(/expected status error, got success/);
    expect(r.cases[3]!.message).toMatch(/^invocation 1 of 2: /);
  });

  it("gives partial points by case", async () => {
    const r = await gradeExercise(spec, { "index.mjs": "export const handler = async (e) => { if (!e.name) throw new TypeError('name is required'); return { message: 'Hello, ' + e.name + '!' }; };" });
    expect(r.cases.map((c) => c.passed)).toEqual([true, false, true, false]);
    expect(r.points).toBe(3);
    expect(r.score).toBeCloseTo(3 / 5);
  });

  it("reports an infinite loop as a timeout failure of that case", async () => {
    const r = await gradeExercise(spec, { "index.mjs": "export const handler = async () => { for (;;) {} };" });
    expect(r.cases[0]).toMatchObject({ passed: false, message: expect.stringMatching(/expected status success, got timeout \(Sandbox\.Timedout: .*Task timed out after 1\.00 seconds\)/) as unknown });
    expect(r.cases[0]!.durationMs).toBeGreaterThanOrEqual(1000);
  });

  it("reports a syntax error as failures, not a throw", async () => {
    const r = await gradeExercise(spec, { "index.mjs": "export const handler = async () => {" });
    expect(r.passed).toBe(0);
    expect(r.cases[0]!.message).toMatch(/Runtime\.UserCodeSyntaxError/);
  });

  it("hides the details of hidden cases when asked", async () => {
    const stub = parseExerciseSpec(spec).stub;
    const shown = await gradeExercise(spec, stub, { redactHidden: true });
    expect(shown.cases[2]).toMatchObject({ id: "rejects", hidden: true, passed: false, name: "Hidden test 3", message: "A hidden test failed." });
    const full = await gradeExercise(spec, stub);
    expect(full.cases[2]!.name).toBe("throws a TypeError without a name");
    expect(full.cases[2]!.message).not.toBe("A hidden test failed.");
  });

  it("checks a timeout expectation, durations and absent log lines", async () => {
    const s: ExerciseSpecInput = {
      ...spec,
      tests: [
        { id: "t", name: "times out after one second", expect: { status: "timeout", errorType: "Sandbox.Timedout", errorMessage: { regex: "after 1\\.00 seconds$" } } },
        { id: "quiet", name: "does not log at ERROR", expect: { logsNotContain: ["\tERROR\t"], maxDurationMs: 500 } },
      ],
    };
    const r = await gradeExercise(s, { "index.mjs": "export const handler = () => new Promise(() => { setTimeout(() => {}, 10_000); });" });
    expect(r.cases[0]).toMatchObject({ passed: true });
    expect(r.cases[1]).toMatchObject({ passed: false, message: expect.stringMatching(/expected Duration at most 500 ms|expected status/) as unknown });
  });

  it("builds events from the catalogue passed in, with values set by path", async () => {
    const catalogue = (id: string) => (id === "s3/put" ? { Records: [{ s3: { bucket: { name: "b" }, object: { key: "x" } } }] } : undefined);
    const s: ExerciseSpecInput = {
      ...spec,
      tests: [{ id: "key", name: "returns the object key", fromCatalogue: { id: "s3/put", set: { "Records[0].s3.object.key": "cat.jpg" } }, expect: { response: "b/cat.jpg" } }],
    };
    const files = { "index.mjs": "export const handler = async (e) => e.Records[0].s3.bucket.name + '/' + e.Records[0].s3.object.key;" };
    expect((await gradeExercise(s, files, { catalogue })).allPassed).toBe(true);
    await expect(gradeExercise(s, files)).rejects.toThrow(ExerciseSpecError);
    const bad = { ...s, tests: [{ id: "key", name: "unknown event", fromCatalogue: { id: "s3/nope" }, expect: {} }] };
    await expect(gradeExercise(bad, files, { catalogue })).rejects.toThrow(/case "key": unknown catalogue event "s3\/nope"/);
    const badPath = { ...s, tests: [{ id: "key", name: "bad path", fromCatalogue: { id: "s3/put", set: { "Records[3].s3": 1 } }, expect: {} }] };
    await expect(gradeExercise(badPath, files, { catalogue })).rejects.toThrow(/index 3 out of range/);
  });

  it("contains hostile assertion-free code: memory bombs and process.exit are case failures", async () => {
    const s: ExerciseSpecInput = { ...spec, tests: [{ id: "a", name: "returns ok", expect: { response: "ok" } }] };
    const bomb = await gradeExercise(s, { "index.mjs": "export const handler = async () => { const a = []; for (;;) a.push('x'.repeat(1e5)); };" });
    expect(bomb.cases[0]!.passed).toBe(false);
    const exit = await gradeExercise(s, { "index.js": "exports.handler = async () => { process.exit(1); };" });
    expect(exit.cases[0]!.message).toMatch(/Runtime\.ExitError|got error/);
  });

  it("runs assertion snippets in their own QuickJS runtime and reports their failures", async () => {
    const mk = (assert: string): ExerciseSpecInput => ({ ...spec, tests: [{ id: "a", name: "asserts", event: { name: "x" }, expect: { assert } }] });
    const sol = parseExerciseSpec(spec).solution;
    expect((await gradeExercise(mk("return result.payload.message === 'Hello, x!'"), sol)).allPassed).toBe(true);
    expect((await gradeExercise(mk("return false"), sol)).cases[0]!.message).toBe("assertion returned false");
    expect((await gradeExercise(mk("assert(event.name === 'y', 'name is y')"), sol)).cases[0]!.message).toBe("assertion failed: name is y");
    expect((await gradeExercise(mk("for (;;) {}"), sol)).cases[0]!.message).toMatch(/did not finish/);
    expect((await gradeExercise(mk("return typeof process + typeof require + typeof fetch === 'undefinedundefinedundefined'"), sol)).allPassed).toBe(true);
    expect((await gradeExercise(mk("return ("), sol)).cases[0]!.message).toMatch(/SyntaxError/);
  });
});

describe("exercise spec schema", () => {
  it("rejects duplicate case ids, non-kebab ids and cases with both event and catalogue", () => {
    expect(() => parseExerciseSpec({ ...spec, tests: [spec.tests[0], spec.tests[0]] })).toThrow(/duplicate test id "greets"/);
    expect(() => parseExerciseSpec({ ...spec, id: "Bad Id" })).toThrow(/kebab-case/);
    expect(() => parseExerciseSpec({ ...spec, tests: [{ id: "x", name: "both", event: {}, fromCatalogue: { id: "s3/put" }, expect: {} }] })).toThrow(/either event or fromCatalogue/);
    expect(() => parseExerciseSpec({ ...spec, stub: { "../etc/passwd": "" } })).toThrow(/invalid exercise "greet": stub/);
  });
});
