/**
 * The browser's grading worker: runs an exercise's tests on the learner's code off the main
 * thread. The page terminates it if it overruns (see exercise-client.tsx), so a stuck handler can
 * never freeze the lesson.
 */
import { gradeExercise, type ReferenceOutcomes } from "@/sandbox/grading";
import type { ExerciseSpec } from "@/sandbox/grading/spec";

interface Job {
  spec: ExerciseSpec;
  files: Record<string, string>;
  catalogue: Record<string, unknown>;
  /** The run's seed and, for `sameAsSolution` cases, the server's reference outcomes for it. */
  seed: number;
  references?: ReferenceOutcomes;
}

self.onmessage = async (message: MessageEvent<Job>) => {
  const { spec, files, catalogue, seed, references } = message.data;
  try {
    const report = await gradeExercise(spec, files, { catalogue: (id) => catalogue[id], seed, references });
    self.postMessage({ ok: true, report });
  } catch (error) {
    self.postMessage({ ok: false, error: (error as Error).message });
  }
};
