/**
 * A teacher's custom exercise is run on the server grader when it is saved: its reference solution
 * must pass every test (else students could never pass: refused, each failing test named), and its
 * starting code should fail at least one (else students pass without writing anything: a warning).
 */
import type { ExerciseReport } from "@/sandbox/grading";
import type { ExerciseSpec } from "@/sandbox/grading/spec";
import { gradeOnServer, GradingError } from "../grading";
import { HttpError } from "../http";

type Grade = (spec: ExerciseSpec, files: Record<string, string>, options?: { redactHidden?: boolean }) => Promise<ExerciseReport>;

function failures(report: ExerciseReport): string {
  return report.cases
    .filter((c) => !c.passed)
    .map((c) => `- test "${c.name}"${c.hidden ? " (hidden)" : ""}: ${c.message}`)
    .join("\n");
}

/**
 * Runs the solution and the starting code; throws 422 when the solution fails a test or cannot be
 * graded, returns warnings (possibly none) otherwise. `where` prefixes messages ("items.2").
 */
export async function checkCustomExercise(spec: ExerciseSpec, where: string, grade: Grade = gradeOnServer): Promise<string[]> {
  let solution: ExerciseReport;
  try {
    solution = await grade(spec, spec.solution, { redactHidden: false });
  } catch (error) {
    if (error instanceof GradingError) throw new HttpError(422, `${where}: the reference solution could not be graded: ${error.message}`);
    throw new HttpError(422, `${where}: the exercise cannot be graded: ${(error as Error).message}`);
  }
  if (!solution.allPassed) {
    throw new HttpError(422, `${where}: the reference solution fails ${solution.total - solution.passed} of ${solution.total} tests, so no student could pass:\n${failures(solution)}`);
  }
  const warnings: string[] = [];
  try {
    const stub = await grade(spec, spec.stub, { redactHidden: false });
    if (stub.allPassed) warnings.push(`${where}: the starting code already passes every test; students would pass without changing it.`);
  } catch (error) {
    if (!(error instanceof GradingError)) throw error;
    // A starting code that never finishes fails its tests: nothing to warn about.
  }
  return warnings;
}
