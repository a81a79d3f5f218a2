/**
 * The exercise grader: runs a learner's files against an exercise's tests on the real runtime
 * (each case in a fresh execution environment; a case's `invocations` share one warm environment)
 * and reports every case as data. Hostile code is contained by the runtime's own limits (deadline
 * interrupt, memory and stack limits); assertion snippets run in a separate QuickJS runtime.
 */
import { newEnvironment } from "../runtime/environment";
import type { EnvironmentOptions, FunctionConfig, InvokeResult, SourceFiles } from "../runtime/types";
import { runAssertion, type AssertionOutcome } from "./assert";
import { describeMatcher, jsonClose, jsonEqual, jsonMatches, preview, textMatches } from "./match";
import { setEventPath } from "./paths";
import { caseSeed, drawInputs, newSeed, substitute, type Inputs } from "./random";
import { formatIssues, parseExerciseSpec, sourceFilesSchema, type CatalogueEventRef, type ExerciseSpec, type ExerciseSpecInput, type Expectation, type Invocation, type TestCase } from "./spec";

/** Looks up a catalogue event by id ("s3/put"); returns undefined (or throws) when unknown. */
export type EventCatalogue = (id: string) => unknown;

export interface GradeOptions {
  /** The event catalogue as data (sandbox/ does not read content/). Needed by `fromCatalogue` cases. */
  catalogue?: EventCatalogue;
  /** Replace hidden cases' names and messages with neutral text (what a learner may see). */
  redactHidden?: boolean;
  /** Clock for the environments; "virtual" (default) is deterministic and fast. */
  clock?: EnvironmentOptions["clock"];
  /**
   * Seed for randomised cases. Omit it (the server always does) and each run draws a new one, so
   * a report cannot be replayed and an answer hard-coded from one run's inputs fails the next.
   */
  seed?: number;
  /**
   * The reference solution's outcomes for this seed, computed elsewhere (see
   * {@link referenceOutcomes}): a browser, which never gets the solution, grades with these.
   * Without them, `sameAsSolution` runs `spec.solution` here.
   */
  references?: ReferenceOutcomes;
  /**
   * Makes each fresh environment (default: `newEnvironment` in this process). A server passes one
   * backed by a worker pool (sandbox/hosts/node) so guest code runs behind a hard stop.
   */
  newEnvironment?: (config: FunctionConfig, options: EnvironmentOptions) => Promise<GradingEnvironment>;
  /** Runs an `assert` snippet (default: `runAssertion` in this process); a server isolates it too. */
  runAssertion?: (body: string, scope: Record<string, unknown>) => Promise<AssertionOutcome>;
}

/** What the grader needs of an execution environment (a runtime environment or a pool session). */
export interface GradingEnvironment {
  invoke(event: unknown): Promise<InvokeResult>;
  dispose(): void | Promise<void>;
}

/** What the reference solution did at one step: what `sameAsSolution` compares. */
export interface ReferenceOutcome {
  status: InvokeResult["status"];
  payload: unknown;
}

/** Reference outcomes keyed `<case id>/<draw>` (draw 0 for a case without `random`), one per step. */
export type ReferenceOutcomes = Record<string, ReferenceOutcome[]>;

export interface CaseResult {
  id: string;
  name: string;
  passed: boolean;
  hidden: boolean;
  points: number;
  /** Points this case is worth. */
  maxPoints: number;
  /** Why it failed ("" when it passed). */
  message: string;
  /** Sum of the reported Duration of this case's invocations (ms). */
  durationMs: number;
  /** For a randomised case that failed: the drawn inputs it failed with. */
  inputs?: Inputs;
}

export interface ExerciseReport {
  exerciseId: string;
  /** Number of cases passed. */
  passed: number;
  total: number;
  /** Every case passed. */
  allPassed: boolean;
  points: number;
  maxPoints: number;
  /** points / maxPoints (0..1); cases worth 0 points count for `passed` only. */
  score: number;
  /** The seed randomised cases drew from in this run (absent in reports stored before randomised cases). */
  seed?: number;
  cases: CaseResult[];
}

/** Host misuse: the spec refers to something that is not there (a catalogue event, a bad path). */
export class ExerciseSpecError extends Error {
  constructor(
    readonly exerciseId: string,
    readonly caseId: string | undefined,
    message: string,
  ) {
    super(`exercise "${exerciseId}"${caseId ? `, case "${caseId}"` : ""}: ${message}`);
    this.name = "ExerciseSpecError";
  }
}

function resolveEvent(spec: ExerciseSpec, t: TestCase, inv: { event?: unknown; fromCatalogue?: CatalogueEventRef | undefined }, opts: GradeOptions): unknown {
  if (!inv.fromCatalogue) return inv.event === undefined ? {} : structuredClone(inv.event);
  const ref = inv.fromCatalogue;
  if (!opts.catalogue) throw new ExerciseSpecError(spec.id, t.id, `uses catalogue event "${ref.id}" but no catalogue was passed`);
  let base: unknown;
  try {
    base = opts.catalogue(ref.id);
  } catch (e) {
    throw new ExerciseSpecError(spec.id, t.id, `catalogue event "${ref.id}": ${e instanceof Error ? e.message : String(e)}`);
  }
  if (base === undefined) throw new ExerciseSpecError(spec.id, t.id, `unknown catalogue event "${ref.id}"`);
  const event = structuredClone(base);
  for (const [path, value] of Object.entries(ref.set ?? {})) {
    try {
      setEventPath(event, path, structuredClone(value));
    } catch (e) {
      throw new ExerciseSpecError(spec.id, t.id, e instanceof Error ? e.message : String(e));
    }
  }
  return event;
}

/** Check one invocation against its expectations; returns the first failure's message or "". */
async function check(x: Expectation, r: InvokeResult, event: unknown, results: InvokeResult[], reference: ReferenceOutcome | undefined, inputs: Inputs | undefined, opts: GradeOptions = {}): Promise<string> {
  const err = r.status === "success" ? undefined : (r.payload as { errorType?: unknown; errorMessage?: unknown } | null);
  const errText = err ? `${String(err.errorType)}: ${String(err.errorMessage)}` : "";
  if (x.status !== undefined && r.status !== x.status) {
    return `expected status ${x.status}, got ${r.status}${errText ? ` (${errText})` : ""}`;
  }
  if (x.response !== undefined) {
    if (r.status !== "success") return `expected response ${preview(x.response)}, but the invocation failed (${errText})`;
    if (!jsonEqual(x.response, r.payload)) return `expected response ${preview(x.response)}, got ${preview(r.payload)}`;
  }
  if (x.responseMatches !== undefined) {
    if (r.status !== "success") return `expected a response matching ${preview(x.responseMatches)}, but the invocation failed (${errText})`;
    if (!jsonMatches(x.responseMatches, r.payload)) return `expected a response matching ${preview(x.responseMatches)}, got ${preview(r.payload)}`;
  }
  if (x.errorType !== undefined) {
    if (!err) return `expected error ${x.errorType}, but the invocation succeeded with ${preview(r.payload)}`;
    if (err.errorType !== x.errorType) return `expected errorType ${x.errorType}, got ${String(err.errorType)}`;
  }
  if (x.errorMessage !== undefined) {
    if (!err) return `expected an error message ${describeMatcher(x.errorMessage)}, but the invocation succeeded`;
    if (!textMatches(x.errorMessage, String(err.errorMessage))) return `expected errorMessage ${describeMatcher(x.errorMessage)}, got ${preview(err.errorMessage)}`;
  }
  const lines = r.logs.map((l) => l.message);
  for (const m of x.logsContain ?? []) {
    if (!lines.some((l) => textMatches(m, l))) return `expected a log line containing ${describeMatcher(m)}`;
  }
  for (const m of x.logsNotContain ?? []) {
    const hit = lines.find((l) => textMatches(m, l));
    if (hit !== undefined) return `expected no log line containing ${describeMatcher(m)}, found ${preview(hit)}`;
  }
  if (x.maxDurationMs !== undefined && r.durationMs > x.maxDurationMs) {
    return `expected Duration at most ${x.maxDurationMs} ms, got ${r.durationMs} ms`;
  }
  if (x.coldStart !== undefined && r.coldStart !== x.coldStart) {
    return x.coldStart ? "expected a cold start" : "expected a warm start (the environment was re-initialised)";
  }
  if (x.sameAsSolution && reference) {
    const differs = differsFromSolution(r, reference, typeof x.sameAsSolution === "object" ? x.sameAsSolution.tolerance : 0);
    if (differs) return differs;
  }
  if (x.assert !== undefined) {
    const all = [...results, r].map(summarise);
    const outcome = await (opts.runAssertion ?? runAssertion)(x.assert, { result: summarise(r), results: all, event, inputs: inputs ?? {} });
    if (!outcome.ok) return outcome.message;
  }
  return "";
}

/** A string `body` that holds JSON, parsed (HTTP-style responses compare by meaning, not key order). */
function comparable(payload: unknown): unknown {
  if (!payload || typeof payload !== "object" || Array.isArray(payload)) return payload;
  const body = (payload as { body?: unknown }).body;
  if (typeof body !== "string") return payload;
  try {
    return { ...payload, body: JSON.parse(body) as unknown };
  } catch {
    return payload;
  }
}

/** How `r` differs from the reference solution's result on the same event, or "" when it does not. */
function differsFromSolution(r: InvokeResult, ref: ReferenceOutcome, tolerance: number): string {
  const errorOf = (x: ReferenceOutcome) => x.payload as { errorType?: unknown; errorMessage?: unknown } | null;
  if (r.status !== ref.status) {
    const e = errorOf(r);
    const got = r.status === "success" ? preview(r.payload) : `${String(e?.errorType)}: ${String(e?.errorMessage)}`;
    const want = ref.status === "success" ? `response ${preview(ref.payload)}` : `${ref.status} ${String(errorOf(ref)?.errorType)}`;
    return `expected ${want} (the reference solution's outcome), got ${r.status} ${got}`;
  }
  if (r.status === "success") {
    if (!jsonClose(comparable(ref.payload ?? null), comparable(r.payload ?? null), tolerance)) return `expected response ${preview(ref.payload)} (the reference solution's answer), got ${preview(r.payload)}`;
    return "";
  }
  const [a, b] = [errorOf(ref), errorOf(r)];
  if (a?.errorType !== b?.errorType) return `expected errorType ${String(a?.errorType)} (as the reference solution), got ${String(b?.errorType)}`;
  if (a?.errorMessage !== b?.errorMessage) return `expected errorMessage ${preview(a?.errorMessage)} (as the reference solution), got ${preview(b?.errorMessage)}`;
  return "";
}

/** The JSON view of an invocation given to assertion snippets. */
function summarise(r: InvokeResult) {
  return {
    status: r.status,
    payload: r.payload ?? null,
    coldStart: r.coldStart,
    durationMs: r.durationMs,
    billedDurationMs: r.billedDurationMs,
    maxMemoryUsedMB: r.maxMemoryUsedMB,
    logs: r.logs.map((l) => l.message),
  };
}

type Outcome = { passed: boolean; message: string; durationMs: number };

/** Run one concrete (already substituted) list of steps in one environment. */
async function runSteps(spec: ExerciseSpec, t: TestCase, draw: Draw, files: SourceFiles, opts: GradeOptions): Promise<Outcome> {
  const { steps, inputs } = draw;
  // Resolve every event first: a bad reference is the spec's fault and throws before any code runs.
  const events = steps.map((s) => resolveEvent(spec, t, s, opts));
  let reference: ReferenceOutcome[] | undefined;
  if (steps.some((s) => s.expect.sameAsSolution)) {
    const key = `${t.id}/${draw.index}`;
    reference = opts.references ? opts.references[key] : await runAll(spec, spec.solution, events, opts);
    if (!reference) throw new ExerciseSpecError(spec.id, t.id, `no reference outcome for "${key}" among the references passed`);
  }
  let env: GradingEnvironment | undefined;
  let durationMs = 0;
  try {
    env = await (opts.newEnvironment ?? newEnvironment)({ ...spec.function, files }, { clock: opts.clock ?? "virtual" });
    const results: InvokeResult[] = [];
    for (let i = 0; i < steps.length; i++) {
      const r = await env.invoke(events[i]);
      durationMs += r.durationMs;
      const message = await check(steps[i]!.expect, r, events[i], results, reference?.[i], inputs, opts);
      results.push(r);
      if (message) {
        const where = steps.length > 1 ? `invocation ${i + 1} of ${steps.length}: ` : "";
        return { passed: false, message: where + message, durationMs };
      }
    }
    return { passed: true, message: "", durationMs };
  } catch (e) {
    // The runtime returns guest failures as data; what throws here is a setting or request the
    // Lambda API itself would refuse (ConfigError, RequestTooLargeError): still this case's failure.
    return { passed: false, message: e instanceof Error ? `${e.name}: ${e.message}` : String(e), durationMs };
  } finally {
    await env?.dispose();
  }
}

/** The reference solution's results for the same events, in a fresh environment of its own. */
async function runAll(spec: ExerciseSpec, files: SourceFiles, events: unknown[], opts: GradeOptions): Promise<InvokeResult[]> {
  const env = await (opts.newEnvironment ?? newEnvironment)({ ...spec.function, files }, { clock: opts.clock ?? "virtual" });
  try {
    const out: InvokeResult[] = [];
    for (const e of events) out.push(await env.invoke(e));
    return out;
  } finally {
    await env.dispose();
  }
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/** One concrete run of a case: its steps with the drawn inputs filled in. */
interface Draw {
  index: number;
  steps: Invocation[];
  inputs?: Inputs;
}

/** A case's runs for this seed: one as written, or one per draw of a randomised case. */
function drawsOf(spec: ExerciseSpec, t: TestCase, runSeed: number): Draw[] {
  const steps: Invocation[] = t.invocations ?? [{ event: t.event, fromCatalogue: t.fromCatalogue, expect: t.expect ?? {} }];
  if (!t.random) return [{ index: 0, steps }];
  let draws: Inputs[];
  try {
    draws = drawInputs(t.random, t.random.seed ?? caseSeed(runSeed, t.id));
  } catch (e) {
    throw new ExerciseSpecError(spec.id, t.id, e instanceof Error ? e.message : String(e));
  }
  // The assertion snippet is code: it reads `inputs` instead of being rewritten.
  return draws.map((inputs, index) => ({
    index,
    inputs,
    steps: steps.map(({ expect: { assert, ...x }, ...ev }) => ({ ...substitute(ev, inputs), expect: { ...substitute(x, inputs), ...(assert ? { assert } : {}) } })),
  }));
}

async function runCase(spec: ExerciseSpec, t: TestCase, files: SourceFiles, opts: GradeOptions, runSeed: number): Promise<CaseResult> {
  const base = { id: t.id, name: t.name, hidden: t.hidden, maxPoints: t.points };
  let durationMs = 0;
  for (const draw of drawsOf(spec, t, runSeed)) {
    const o = await runSteps(spec, t, draw, files, opts);
    durationMs += o.durationMs;
    if (!o.passed) {
      if (!draw.inputs) return { ...base, passed: false, points: 0, message: o.message, durationMs: round(durationMs) };
      const from = t.random?.seed === undefined ? `run seed ${runSeed}` : `fixed seed ${t.random.seed}`;
      return { ...base, passed: false, points: 0, message: `with inputs ${preview(draw.inputs, 240)} (${from}): ${o.message}`, durationMs: round(durationMs), inputs: draw.inputs };
    }
  }
  return { ...base, passed: true, points: t.points, message: "", durationMs: round(durationMs) };
}

/**
 * The reference solution's outcomes for every `sameAsSolution` step under `seed`, for a grader that
 * does not hold the solution (the browser): a server computes them for the browser's seed, and the
 * browser grades with `{ seed, references }`. They reveal answers for that seed's inputs only.
 */
export async function referenceOutcomes(spec: ExerciseSpec | ExerciseSpecInput, opts: GradeOptions & { seed: number }): Promise<ReferenceOutcomes> {
  const s = parseExerciseSpec(spec);
  const out: ReferenceOutcomes = {};
  for (const t of s.tests) {
    for (const draw of drawsOf(s, t, opts.seed)) {
      if (!draw.steps.some((x) => x.expect.sameAsSolution)) continue;
      const results = await runAll(s, s.solution, draw.steps.map((x) => resolveEvent(s, t, x, opts)), opts);
      out[`${t.id}/${draw.index}`] = results.map((r) => ({ status: r.status, payload: r.payload ?? null }));
    }
  }
  return out;
}

/**
 * Grade `files` (path → source) against an exercise's tests.
 *
 * Guest failures (syntax errors, throws, timeouts, out of memory) are case failures in the report.
 * Throws {@link ExerciseSpecError} when the spec itself is unusable (unknown catalogue event, bad
 * `set` path, malformed files) and InvalidExerciseError when `spec` is malformed.
 *
 * @example
 * const report = await gradeExercise(spec, { "index.mjs": learnerCode }, { catalogue: (id) => getEvent(cat, id) });
 * report.allPassed; report.score; report.cases[0].message;
 */
export async function gradeExercise(spec: ExerciseSpec | ExerciseSpecInput, files: SourceFiles, opts: GradeOptions = {}): Promise<ExerciseReport> {
  const s = parseExerciseSpec(spec);
  const parsedFiles = sourceFilesSchema.safeParse(files);
  if (!parsedFiles.success) throw new ExerciseSpecError(s.id, undefined, `invalid files: ${formatIssues(parsedFiles.error)}`);
  const f = parsedFiles.data;
  const seed = opts.seed ?? newSeed();
  const cases: CaseResult[] = [];
  // Sequential on purpose: one engine, bounded memory, and deterministic reports.
  for (const t of s.tests) cases.push(await runCase(s, t, f, opts, seed));
  const shown = opts.redactHidden ? cases.map((c, i) => (c.hidden ? redact(c, i) : c)) : cases;
  const points = cases.reduce((a, c) => a + c.points, 0);
  const maxPoints = cases.reduce((a, c) => a + c.maxPoints, 0);
  const passed = cases.filter((c) => c.passed).length;
  return {
    exerciseId: s.id,
    passed,
    total: cases.length,
    allPassed: passed === cases.length,
    points,
    maxPoints,
    score: maxPoints > 0 ? points / maxPoints : passed === cases.length ? 1 : 0,
    seed,
    cases: shown,
  };
}

function redact(c: CaseResult, index: number): CaseResult {
  const { inputs: _inputs, ...rest } = c;
  return { ...rest, name: `Hidden test ${index + 1}`, message: c.passed ? "" : "A hidden test failed." };
}
