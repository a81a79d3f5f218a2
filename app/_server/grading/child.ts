/**
 * A grading child process: grades one submission with sandbox/grading and sends the report back.
 * A process (not a thread) so that even a V8 heap abort caused by hostile code ends this process
 * only, never the server; the server kills it when it overruns.
 */
import { gradeExercise } from "../../../sandbox/grading";
import type { ExerciseSpec } from "../../../sandbox/grading/spec";

interface Job {
  spec: ExerciseSpec;
  files: Record<string, string>;
  catalogue: Record<string, unknown>;
  redactHidden: boolean;
}

process.once("message", (job: Job) => {
  gradeExercise(job.spec, job.files, { catalogue: (id) => job.catalogue[id], redactHidden: job.redactHidden }).then(
    (report) => process.send!({ ok: true, report }, () => process.exit(0)),
    (error: Error) => process.send!({ ok: false, error: `${error.name}: ${error.message}` }, () => process.exit(0)),
  );
});
