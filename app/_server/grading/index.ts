/**
 * Server-side grading: the browser's result is never trusted. Every submission is graded from
 * scratch on the server's grader (pool.ts): warm worker processes with hard time and memory
 * limits, one fresh execution environment per test case, so hostile code costs at most its own
 * worker, which is replaced.
 */
import type { ExerciseReport } from "@/sandbox/grading";
import type { ExerciseSpec } from "@/sandbox/grading/spec";
import { readCatalogueEvent } from "../content/events";
import { createGrader, GradingError, gradingDeadlineMs, type Grader } from "./pool";

export { createGrader, GradingError, gradingDeadlineMs, type Grader };

const holder = globalThis as typeof globalThis & { __lambdaLabGradingPool?: Grader };

/** The process-wide grader (kept on globalThis so dev reloads do not start another pool). */
export function serverGrader(): Grader {
  return (holder.__lambdaLabGradingPool ??= createGrader());
}

/** Grades `files` against `spec` on the server grader; GradingError when the run had to be stopped. */
export function gradeOnServer(spec: ExerciseSpec, files: Record<string, string>, { redactHidden = true } = {}): Promise<ExerciseReport> {
  return serverGrader().grade(spec, files, { catalogue: readCatalogueEvent, redactHidden });
}

/**
 * The same as gradeOnServer (kept for callers: lesson exercises, practice code questions); the
 * grader admits as many submissions at once as it has workers and queues the rest.
 */
export const gradeQueued = gradeOnServer;
