import { describe, expect, it } from "vitest";
import { ExerciseSpecError, gradeExercise, referenceOutcomes } from "./grade";
import { plannedInvocations } from "./plan";
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

describe("randomised cases", () => {
  const random: ExerciseSpecInput = {
    ...spec,
    tests: [
      {
        id: "any-name",
        name: "greets any name (declared expectation)",
        random: { count: 4, fields: { name: { string: { length: [3, 9] } } } },
        event: { name: "{{name}}" },
        expect: { responseMatches: { message: "Hello, {{name}}!" }, assert: "return result.payload.message.includes(inputs.name)" },
      },
      {
        id: "same-as-solution",
        name: "answers as the reference solution does",
        random: { fields: { name: { pick: ["Ada", "Grace", "Linus", "Barbara", "Edsger"] }, n: { int: [1, 1000] } } },
        event: { name: "{{name}}", n: "{{n}}" },
        expect: { sameAsSolution: true },
      },
    ],
  };
  const solution = parseExerciseSpec(spec).solution;

  it("passes the reference solution for every seed and records the seed in the report", async () => {
    for (const seed of [1, 2, 3]) {
      const r = await gradeExercise(random, solution, { seed });
      expect(r.cases.filter((c) => !c.passed)).toEqual([]);
      expect(r.seed).toBe(seed);
    }
    expect((await gradeExercise(random, solution)).seed).toEqual(expect.any(Number));
  });

  it("fails an answer hard-coded from one run's inputs on another run, naming the seed and inputs", async () => {
    const r1 = await gradeExercise(random, { "index.mjs": "export const handler = async (e) => { console.log(JSON.stringify(e)); return null; };" }, { seed: 11 });
    const name = /"name":"([a-z]+)"/.exec(r1.cases[0]!.message)![1]!;
    expect(r1.cases[0]!.message).toMatch(/^with inputs \{"name":"[a-z]+"\} \(run seed 11\): expected a response matching/);
    expect(r1.cases[0]!.inputs).toEqual({ name });
    const hardCoded = { "index.mjs": `export const handler = async () => ({ message: "Hello, ${name}!", calls: 1 });` };
    expect((await gradeExercise(random, hardCoded, { seed: 11 })).cases[0]!.passed).toBe(false); // draws 2–4 differ
    expect((await gradeExercise(random, hardCoded, { seed: 12 })).cases[0]!.passed).toBe(false);
  });

  it("compares with the reference solution's outcome: response, or error type and message", async () => {
    const wrong = await gradeExercise(random, { "index.mjs": "export const handler = async (e) => ({ message: `Hi, ${e.name}!`, calls: 1 });" }, { seed: 5 });
    expect(wrong.cases[1]!.message).toMatch(/expected response \{"message":"Hello, [A-Za-z]+!","calls":1\} \(the reference solution's answer\), got \{"message":"Hi/);
    const errs: ExerciseSpecInput = { ...random, tests: [{ id: "e", name: "fails as the solution fails", event: {}, expect: { sameAsSolution: true } }] };
    expect((await gradeExercise(errs, solution)).allPassed).toBe(true);
    const other = await gradeExercise(errs, { "index.mjs": "export const handler = async () => { throw new RangeError('nope'); };" });
    expect(other.cases[0]!.message).toBe("expected errorType TypeError (as the reference solution), got RangeError");
  });

  it("compares a JSON string body by meaning, not key order", async () => {
    const s: ExerciseSpecInput = {
      ...spec,
      solution: { "index.mjs": "export const handler = async (e) => ({ statusCode: 200, body: JSON.stringify({ a: e.n, b: 2 }) });" },
      tests: [{ id: "b", name: "same body", random: { fields: { n: { int: [1, 9] } } }, event: { n: "{{n}}" }, expect: { sameAsSolution: true } }],
    };
    const reordered = { "index.mjs": "export const handler = async (e) => ({ body: JSON.stringify({ b: 2, a: e.n }), statusCode: 200 });" };
    expect((await gradeExercise(s, reordered)).allPassed).toBe(true);
  });

  it("lets numbers differ by a declared tolerance", async () => {
    const s: ExerciseSpecInput = {
      ...spec,
      solution: { "index.mjs": "export const handler = async (e) => ({ gb: e.n * 0.1 * 3 });" },
      tests: [{ id: "t", name: "close enough", random: { fields: { n: { int: [1, 999] } } }, event: { n: "{{n}}" }, expect: { sameAsSolution: { tolerance: 1e-9 } } }],
    };
    const otherOrder = { "index.mjs": "export const handler = async (e) => ({ gb: (e.n * 3) * 0.1 + 1e-13 });" };
    expect((await gradeExercise(s, otherOrder)).allPassed).toBe(true);
    expect((await gradeExercise({ ...s, tests: [{ ...(s.tests[0] as object), expect: { sameAsSolution: true } } as ExerciseSpecInput["tests"][number]] }, otherOrder)).allPassed).toBe(false);
  });

  it("uses a fixed seed when the case gives one, and fills catalogue events and warm invocations", async () => {
    const catalogue = (id: string) => (id === "s3/put" ? { Records: [{ s3: { bucket: { name: "b" }, object: { key: "x" } } }] } : undefined);
    const s: ExerciseSpecInput = {
      ...spec,
      solution: { "index.mjs": "let n = 0; export const handler = async (e) => ({ key: e.Records?.[0].s3.object.key ?? e.k, calls: ++n });" },
      tests: [
        { id: "key", name: "reads a random key", random: { seed: 9, count: 2, fields: { k: { string: { length: 6 } } } }, fromCatalogue: { id: "s3/put", set: { "Records[0].s3.object.key": "up/{{k}}.jpg" } }, expect: { response: { key: "up/{{k}}.jpg", calls: 1 } } },
        { id: "warm", name: "counts warm calls", random: { fields: { k: { int: [1, 5] } } }, invocations: [{ event: { k: "{{k}}" }, expect: { sameAsSolution: true } }, { event: { k: "{{k}}" }, expect: { response: { key: "{{k}}", calls: 2 } } }] },
      ],
    };
    const r = await gradeExercise(s, parseExerciseSpec(s).solution, { catalogue });
    expect(r.cases.filter((c) => !c.passed)).toEqual([]);
    const fail = await gradeExercise(s, { "index.mjs": "export const handler = async () => null;" }, { catalogue, seed: 3 });
    expect(fail.cases[0]!.message).toMatch(/\(fixed seed 9\)/);
    expect(fail.cases[1]!.message).toMatch(/\(run seed 3\): invocation 1 of 2: expected response/);
  });

  it("grades without the solution from reference outcomes computed for the same seed (the browser's way)", async () => {
    const references = await referenceOutcomes(random, { seed: 77 });
    expect(Object.keys(references)).toEqual(["same-as-solution/0", "same-as-solution/1", "same-as-solution/2"]);
    const withoutSolution = { ...random, solution: parseExerciseSpec(spec).stub };
    expect((await gradeExercise(withoutSolution, solution, { seed: 77, references })).allPassed).toBe(true);
    const hardCoded = { "index.mjs": `export const handler = async () => (${JSON.stringify(references["same-as-solution/0"]![0]!.payload)});` };
    expect((await gradeExercise(withoutSolution, hardCoded, { seed: 77, references })).cases[1]!.passed).toBe(false);
    await expect(gradeExercise(withoutSolution, solution, { seed: 78, references: {} })).rejects.toThrow(/no reference outcome for "same-as-solution\/0"/);
  });

  it("redacts a hidden randomised case's inputs", async () => {
    const s: ExerciseSpecInput = { ...random, tests: [{ ...(random.tests[0] as object), hidden: true } as ExerciseSpecInput["tests"][number]] };
    const r = await gradeExercise(s, parseExerciseSpec(spec).stub, { redactHidden: true });
    expect(r.cases[0]).toEqual(expect.objectContaining({ message: "A hidden test failed." }));
    expect(r.cases[0]!.inputs).toBeUndefined();
  });

  it("counts planned invocations (draws and reference runs) for hosts' deadlines", () => {
    expect(plannedInvocations(parseExerciseSpec(random))).toBe(4 + 3 * 2);
    expect(plannedInvocations(parseExerciseSpec(spec))).toBe(5);
  });

  it("refuses a placeholder with no declared field", () => {
    expect(() => parseExerciseSpec({ ...spec, tests: [{ id: "x", name: "typo", random: { fields: { n: { int: [1, 2] } } }, event: { n: "{{m}}" }, expect: {} }] })).toThrow(
      /tests\.0\.random\.fields: "\{\{m\}\}" is used but no field "m" is declared/,
    );
  });
});

