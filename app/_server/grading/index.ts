/**
 * Server-side grading: the browser's result is never trusted. Each submission is graded from
 * scratch in a fresh worker thread with a heap limit and a wall-clock deadline; a worker that
 * overruns is terminated and the submission reported as timed out, so hostile code costs the
 * server one thread for a few seconds at most.
 */
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { ExerciseReport } from "@/sandbox/grading";
import type { ExerciseSpec } from "@/sandbox/grading/spec";
import { readCatalogueEvent } from "../content/events";

export class GradingError extends Error {
  override name = "GradingError";
}

const BOOTSTRAP = join(/*turbopackIgnore: true*/ process.cwd(), "app", "_server", "grading", "bootstrap.mjs");

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
    const worker = new Worker(BOOTSTRAP, {
      workerData: { spec, files, catalogue: catalogueFor(spec), redactHidden },
      resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    });
    const deadline = setTimeout(() => {
      void worker.terminate();
      reject(new GradingError(`Grading took longer than ${Math.round(gradingDeadlineMs(spec) / 1000)} s and was stopped. Check for code that never finishes.`));
    }, gradingDeadlineMs(spec));
    worker.once("message", (message: { ok: true; report: ExerciseReport } | { ok: false; error: string }) => {
      clearTimeout(deadline);
      void worker.terminate();
      if (message.ok) resolve(message.report);
      else reject(new GradingError(message.error));
    });
    worker.once("error", (error) => {
      clearTimeout(deadline);
      reject(new GradingError(`The grader stopped: ${error.message}`));
    });
    worker.once("exit", (code) => {
      clearTimeout(deadline);
      reject(new GradingError(`The grader exited (code ${code}) before reporting; the submission may use too much memory.`));
    });
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
