/**
 * The server's grader: a warm pool of grading worker processes (sandbox/hosts/node,
 * `isolation: "process"`) instead of a process started per submission.
 *
 * - Warm processes, fresh environments: every test case (and every assertion snippet) runs in a
 *   new execution environment created for it in a leased worker and disposed after it, so nothing
 *   a submission leaves behind is seen by the next one; only the loaded engine is reused.
 * - Hard limits: each invoke has the pool's wall-clock hard stop (the worker is killed past it), the
 *   worker's V8 heap is capped (`resourceLimits`) and QuickJS's memory per environment by the
 *   function's memory size; a whole submission also has a budget (`gradingDeadlineMs`).
 * - A worker that crashes or is killed is replaced on the next lease; it only ever served the one
 *   submission that leased it, so no other submission is affected.
 * - Assertion snippets (teachers may write them) run in a separate one-worker pool, never in the
 *   server process: a native call QuickJS cannot interrupt would otherwise block the server.
 */
import { gradeExercise, type AssertionOutcome, type ExerciseReport } from "@/sandbox/grading";
import type { GradingEnvironment } from "@/sandbox/grading/grade";
import type { ExerciseSpec } from "@/sandbox/grading/spec";
import { createNodePool, type NodePool, type NodePoolOptions } from "@/sandbox/hosts/node";

import { GradingError, gradingDeadlineMs } from "./errors";

export { GradingError, gradingDeadlineMs };

export interface GraderOptions {
  /** Grading worker processes (default: GRADING_WORKERS or 2), also the submissions graded at once. */
  size?: number;
  /** V8 limits of each worker process (default: the pool's 256 MB old generation). */
  resourceLimits?: NodePoolOptions["resourceLimits"];
  hardStop?: NodePoolOptions["hardStop"];
  /** Sessions (test cases) a worker serves before it is replaced (default 5,000). */
  maxSessionsPerWorker?: number;
}

export interface GradeRequest {
  catalogue?: (id: string) => unknown;
  redactHidden?: boolean;
  /** Overrides `gradingDeadlineMs(spec)` (tests). */
  budgetMs?: number;
}

export interface Grader extends AsyncDisposable {
  readonly size: number;
  grade(spec: ExerciseSpec, files: Record<string, string>, request?: GradeRequest): Promise<ExerciseReport>;
  /** Start every worker and load the engine now (server start), so no grade pays for it. */
  warmUp(): Promise<void>;
  stats(): { workersStarted: number; workersLost: number; running: number; waiting: number };
  dispose(): Promise<void>;
}

/** The source of a Lambda function that evaluates an assertion snippet like `runAssertion` does. */
function assertionFunction(body: string, names: string[]): string {
  return [
    '"use strict";',
    'function assert(cond, message) { if (!cond) throw new Error(message === undefined ? "assertion failed" : String(message)); }',
    "export const handler = async (__d) => {",
    `  const __r = (function (${[...names, "assert"].join(", ")}) {`,
    body,
    `\n  })(${[...names.map((n) => `__d[${JSON.stringify(n)}]`), "assert"].join(", ")});`,
    '  return __r === false ? "returned false" : "ok";',
    "};",
  ].join("\n");
}

export function createGrader(options: GraderOptions = {}): Grader {
  const size = Math.max(1, options.size ?? (Number(process.env.GRADING_WORKERS) || 2));
  // Every environment is fresh and disposed after its test, so a worker has little to leak; 200
  // sessions per worker (the pool's default) recycled each worker every 100 two-test submissions,
  // ~1.5 s of CPU each time (measured in bench/classes-grading), a fifth of all grading work at a deadline.
  const pool: NodePool = createNodePool({ size, isolation: "process", resourceLimits: options.resourceLimits, hardStop: options.hardStop, maxSessionsPerWorker: options.maxSessionsPerWorker ?? 5_000 });
  // Snippets are tiny: one worker, 1 s timeout (hard stop ~3 s), 128 MB.
  const assertions: NodePool = createNodePool({ size: 1, isolation: "process", resourceLimits: { maxOldGenerationSizeMb: 128 }, hardStop: { marginMs: 1_000, initAllowanceMs: 0 } });
  // At most `size` submissions grade at once, so a grade never waits for a worker inside its budget.
  let running = 0;
  const waiting: Array<() => void> = [];

  async function runAssertionIsolated(body: string, scope: Record<string, unknown>): Promise<AssertionOutcome> {
    const names = Object.keys(scope).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== "assert");
    try {
      const [r] = await assertions.run({ timeoutSeconds: 1, memoryMB: 128, files: { "index.mjs": assertionFunction(body, names) } }, [Object.fromEntries(names.map((n) => [n, scope[n] ?? null]))]);
      if (r?.status === "success") return r.payload === "ok" ? { ok: true } : { ok: false, message: "assertion returned false" };
      const e = (r?.payload ?? {}) as { errorType?: string; errorMessage?: string };
      if (r?.status === "timeout" || e.errorType === "Sandbox.Timedout") return { ok: false, message: "assertion did not finish within 1 s" };
      return { ok: false, message: `assertion failed: ${e.errorType && e.errorType !== "Error" ? `${e.errorType}: ` : ""}${e.errorMessage ?? "unknown error"}` };
    } catch (error) {
      return { ok: false, message: `assertion could not run: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  async function grade(spec: ExerciseSpec, files: Record<string, string>, request: GradeRequest = {}): Promise<ExerciseReport> {
    if (running >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    const budget = request.budgetMs ?? gradingDeadlineMs(spec);
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), budget);
    try {
      const newEnvironment = async (config: Parameters<typeof pool.newSession>[0], environment: object): Promise<GradingEnvironment> => {
        if (abort.signal.aborted) throw new GradingError("budget spent");
        const session = await pool.newSession(config, { environment });
        return { invoke: (event) => session.invoke(event, { signal: abort.signal }), dispose: () => session.dispose() };
      };
      const report = await gradeExercise(spec, files, { catalogue: request.catalogue, redactHidden: request.redactHidden, newEnvironment, runAssertion: runAssertionIsolated });
      if (abort.signal.aborted) {
        throw new GradingError(`Grading took longer than ${Math.round(budget / 1000)} s and was stopped. Check for code that never finishes.`);
      }
      return report;
    } finally {
      clearTimeout(timer);
      running -= 1;
      waiting.shift()?.();
    }
  }

  return {
    size,
    grade,
    warmUp: async () => {
      await Promise.all([pool.warmUp(), assertions.warmUp()]);
    },
    stats: () => {
      const s = pool.stats();
      return { workersStarted: s.workersStarted, workersLost: s.workersLost, running, waiting: waiting.length };
    },
    dispose: async () => {
      await Promise.all([pool.dispose(), assertions.dispose()]);
    },
    [Symbol.asyncDispose]: async () => {
      await Promise.all([pool.dispose(), assertions.dispose()]);
    },
  };
}
