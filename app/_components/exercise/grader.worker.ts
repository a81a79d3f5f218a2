/**
 * The browser's grading worker: runs an exercise's tests on the learner's code off the main
 * thread. The page terminates it if it overruns (see exercise-client.tsx), so a stuck handler can
 * never freeze the lesson.
 */
import { gradeExercise } from "@/sandbox/grading";
import type { ExerciseSpec } from "@/sandbox/grading/spec";

interface Job {
  spec: ExerciseSpec;
  files: Record<string, string>;
  catalogue: Record<string, unknown>;
}

self.onmessage = async (message: MessageEvent<Job>) => {
  const { spec, files, catalogue } = message.data;
  try {
    const report = await gradeExercise(spec, files, { catalogue: (id) => catalogue[id] });
    self.postMessage({ ok: true, report });
  } catch (error) {
    self.postMessage({ ok: false, error: (error as Error).message });
  }
};
