/**
 * The grading host: a child process of the server that owns the warm grader pool (pool.ts) and
 * grades what the server sends it over IPC. The pool lives here, not in the server's bundle,
 * because the Node pool forks its workers from sandbox/ sources (through tsx), which a Next build
 * cannot bundle; the server starts this file the same way (index.ts).
 */
import type { ExerciseSpec } from "@/sandbox/grading/spec";
import { readCatalogueEvent } from "../content/events";
import { createGrader, GradingError } from "./pool";

interface Request {
  id: number;
  spec: ExerciseSpec;
  files: Record<string, string>;
  redactHidden: boolean;
}

const send = process.send?.bind(process);
if (!send) throw new Error("app/_server/grading/host.ts must be started with an IPC channel (child_process.fork)");

const grader = createGrader();
grader.warmUp().catch((error: unknown) => console.warn("grading host: warm-up failed; workers start on first use.", error));

process.on("message", (request: Request) => {
  grader.grade(request.spec, request.files, { catalogue: readCatalogueEvent, redactHidden: request.redactHidden }).then(
    (report) => send({ id: request.id, ok: true, report }),
    (error: Error) => send({ id: request.id, ok: false, error: error.message, stopped: error instanceof GradingError }),
  );
});
// The server going away closes the channel: stop the pool and leave.
process.on("disconnect", () => {
  void grader.dispose().finally(() => process.exit(0));
});
