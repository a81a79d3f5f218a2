/**
 * The exercise grader: runs a learner's files against an exercise's tests on the real runtime
 * (each case in a fresh execution environment; a case's `invocations` share one warm environment)
 * and reports every case as data. Hostile code is contained by the runtime's own limits (deadline
 * interrupt, memory and stack limits); assertion snippets run in a separate QuickJS runtime.
 */
import { newEnvironment } from "../runtime/environment";
import type { EnvironmentOptions, ExecutionEnvironment, InvokeResult, SourceFiles } from "../runtime/types";
import { runAssertion } from "./assert";
import { describeMatcher, jsonEqual, jsonMatches, preview, textMatches } from "./match";
import { setEventPath } from "./paths";
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
}

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
async function check(x: Expectation, r: InvokeResult, event: unknown, results: InvokeResult[]): Promise<string> {
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
  if (x.assert !== undefined) {
    const all = [...results, r].map(summarise);
    const outcome = await runAssertion(x.assert, { result: summarise(r), results: all, event });
    if (!outcome.ok) return outcome.message;
  }
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

async function runCase(spec: ExerciseSpec, t: TestCase, files: SourceFiles, opts: GradeOptions): Promise<CaseResult> {
  const steps: Invocation[] = t.invocations ?? [{ event: t.event, fromCatalogue: t.fromCatalogue, expect: t.expect ?? {} }];
  // Resolve every event first: a bad reference is the spec's fault and throws before any code runs.
  const events = steps.map((s) => resolveEvent(spec, t, s, opts));
  const base = { id: t.id, name: t.name, hidden: t.hidden, maxPoints: t.points };
  let env: ExecutionEnvironment | undefined;
  let durationMs = 0;
  try {
    env = await newEnvironment({ ...spec.function, files }, { clock: opts.clock ?? "virtual" });
    const results: InvokeResult[] = [];
    for (let i = 0; i < steps.length; i++) {
      const r = await env.invoke(events[i]);
      durationMs += r.durationMs;
      const message = await check(steps[i]!.expect, r, events[i], results);
      results.push(r);
      if (message) {
        const where = steps.length > 1 ? `invocation ${i + 1} of ${steps.length}: ` : "";
        return { ...base, passed: false, points: 0, message: where + message, durationMs: Math.round(durationMs * 100) / 100 };
      }
    }
    return { ...base, passed: true, points: t.points, message: "", durationMs: Math.round(durationMs * 100) / 100 };
  } catch (e) {
    // The runtime returns guest failures as data; what throws here is a setting or request the
    // Lambda API itself would refuse (ConfigError, RequestTooLargeError): still this case's failure.
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return { ...base, passed: false, points: 0, message, durationMs };
  } finally {
    env?.dispose();
  }
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
  const cases: CaseResult[] = [];
  // Sequential on purpose: one engine, bounded memory, and deterministic reports.
  for (const t of s.tests) cases.push(await runCase(s, t, f, opts));
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
    cases: shown,
  };
}

function redact(c: CaseResult, index: number): CaseResult {
  return { ...c, name: `Hidden test ${index + 1}`, message: c.passed ? "" : "A hidden test failed." };
}
