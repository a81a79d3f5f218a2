/**
 * A grading worker thread: grades one submission with sandbox/grading and posts the report.
 * It runs in its own thread with its own heap limit, so the server can terminate it when the
 * learner's code gets stuck somewhere QuickJS's interrupt cannot reach.
 */
import { parentPort, workerData } from "node:worker_threads";
import { gradeExercise } from "../../../sandbox/grading";
import type { ExerciseSpec } from "../../../sandbox/grading/spec";

interface Job {
  spec: ExerciseSpec;
  files: Record<string, string>;
  catalogue: Record<string, unknown>;
  redactHidden: boolean;
}

const job = workerData as Job;
try {
  const report = await gradeExercise(job.spec, job.files, {
    catalogue: (id) => job.catalogue[id],
    redactHidden: job.redactHidden,
  });
  parentPort!.postMessage({ ok: true, report });
} catch (error) {
  parentPort!.postMessage({ ok: false, error: `${(error as Error).name}: ${(error as Error).message}` });
}
