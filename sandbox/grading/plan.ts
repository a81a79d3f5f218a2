/**
 * How many invocations one grading run may make, for a host's deadline (the browser worker's and
 * the server's). Type-only imports: a page can use it without loading zod or the engine.
 */
import type { ExerciseSpec } from "./spec";

/** Every step of every case, times the draws of a randomised case, doubled where the reference solution runs too. */
export function plannedInvocations(spec: ExerciseSpec): number {
  return spec.tests.reduce((n, t) => {
    const steps = t.invocations ?? [{ expect: t.expect ?? {} }];
    const perDraw = steps.length * (steps.some((x) => x.expect.sameAsSolution) ? 2 : 1);
    return n + perDraw * (t.random?.count ?? 1);
  }, 0);
}
