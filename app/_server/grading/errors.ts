/** What the server grader reports besides a report: a run it had to stop, and its time budget. */
import { plannedInvocations } from "@/sandbox/grading/plan";
import type { ExerciseSpec } from "@/sandbox/grading/spec";

export class GradingError extends Error {
  override name = "GradingError";
}

/** The longest a grading run may take: every planned invocation's timeout, plus start-up and margin. */
export function gradingDeadlineMs(spec: ExerciseSpec): number {
  const timeout = (spec.function.timeoutSeconds ?? 3) * 1000;
  return 5_000 + plannedInvocations(spec) * (timeout + 500);
}
