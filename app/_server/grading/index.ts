/**
 * Server-side grading: the browser's result is never trusted. Each submission is graded from
 * scratch in a fresh child process with a heap limit and a wall-clock deadline; a process that
 * overruns is killed and the submission reported as timed out, so hostile code costs the server
 * one short-lived process at most (a process, not a thread: a V8 heap abort in a worker thread
 * would take the whole server down).
 */
import { fork } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { ExerciseReport } from "@/sandbox/grading";
import type { ExerciseSpec } from "@/sandbox/grading/spec";
import { readCatalogueEvent } from "../content/events";

export class GradingError extends Error {
  override name = "GradingError";
}

const CHILD = join(/*turbopackIgnore: true*/ process.cwd(), "app", "_server", "grading", "child.ts");
/** tsx's loader, so the child runs TypeScript (resolved from the project, not the bundle). */
const TSX = createRequire(join(/*turbopackIgnore: true*/ process.cwd(), "package.json")).resolve("tsx");
const HEAP_MB = 256;

/** The longest a grading run may take: every invocation's timeout, plus start-up and margin. */
export function gradingDeadlineMs(spec: ExerciseSpec): number {
  const timeout = (spec.function.timeoutSeconds ?? 3) * 1000;
  const invocations = spec.tests.reduce((n, t) => n + (t.invocations?.length ?? 1), 0);
  return 5_000 + invocations * (timeout + 500);
}

/** Catalogue events the spec's tests refer to, read from content/events for the worker. */
function catalogueFor(spec: ExerciseSpec): Record<string, unknown> {
  const ids = new Set<string>();
  for (const t of spec.tests) {
    if (t.fromCatalogue) ids.add(t.fromCatalogue.id);
    for (const i of t.invocations ?? []) if (i.fromCatalogue) ids.add(i.fromCatalogue.id);
  }
  return Object.fromEntries([...ids].map((id) => [id, readCatalogueEvent(id)]));
}

export function gradeOnServer(spec: ExerciseSpec, files: Record<string, string>, { redactHidden = true } = {}): Promise<ExerciseReport> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [], {
      execArgv: ["--import", TSX, `--max-old-space-size=${HEAP_MB}`],
      stdio: ["ignore", "ignore", "ignore", "ipc"],
      serialization: "advanced",
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      child.kill("SIGKILL");
      fn();
    };
    const deadline = setTimeout(
      () => settle(() => reject(new GradingError(`Grading took longer than ${Math.round(gradingDeadlineMs(spec) / 1000)} s and was stopped. Check for code that never finishes.`))),
      gradingDeadlineMs(spec),
    );
    child.once("message", (message: { ok: true; report: ExerciseReport } | { ok: false; error: string }) =>
      settle(() => (message.ok ? resolve(message.report) : reject(new GradingError(message.error)))),
    );
    child.once("error", (error) => settle(() => reject(new GradingError(`The grader stopped: ${error.message}`))));
    child.once("exit", (code, signal) =>
      settle(() => reject(new GradingError(`The grader ended (${signal ?? `exit ${code}`}) before reporting; the submission may use too much memory.`))),
    );
    child.send({ spec, files, catalogue: catalogueFor(spec), redactHidden });
  });
}

/** At most this many submissions are graded at once per server process; the rest wait their turn. */
const MAX_CONCURRENT = 2;
let running = 0;
const waiting: Array<() => void> = [];

/** gradeOnServer behind a small per-process semaphore, so a burst cannot starve the server. */
export async function gradeQueued(spec: ExerciseSpec, files: Record<string, string>, options?: { redactHidden?: boolean }): Promise<ExerciseReport> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await gradeOnServer(spec, files, options);
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}
