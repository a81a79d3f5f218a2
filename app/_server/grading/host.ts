/**
 * The grading host: a child process of the server that owns the warm grader pool (pool.ts) and
 * grades what the server sends it over IPC. The pool lives here, not in the server's bundle,
 * because the Node pool forks its workers from sandbox/ sources (through tsx), which a Next build
 * cannot bundle; the server starts this file the same way (index.ts).
 */
import { referenceOutcomes } from "@/sandbox/grading";
import type { ExerciseSpec } from "@/sandbox/grading/spec";
import { readCatalogueEvent } from "../content/events";
import { createGrader, GradingError } from "./pool";

type Request =
  | { id: number; kind?: "grade"; spec: ExerciseSpec; files: Record<string, string>; redactHidden: boolean }
  /** The reference solution's outcomes for a browser's seed (trusted course content: run here, not in a pool worker). */
  | { id: number; kind: "references"; spec: ExerciseSpec; seed: number };

const send = process.send?.bind(process);
if (!send) throw new Error("app/_server/grading/host.ts must be started with an IPC channel (child_process.fork)");

const grader = createGrader();
grader.warmUp().catch((error: unknown) => console.warn("grading host: warm-up failed; workers start on first use.", error));

process.on("message", (request: Request) => {
  const work =
    request.kind === "references"
      ? referenceOutcomes(request.spec, { seed: request.seed, catalogue: readCatalogueEvent })
      : grader.grade(request.spec, request.files, { catalogue: readCatalogueEvent, redactHidden: request.redactHidden });
  work.then(
    (report) => send({ id: request.id, ok: true, report }),
    (error: Error) => send({ id: request.id, ok: false, error: error.message, stopped: error instanceof GradingError }),
  );
});
// The server going away closes the channel: stop the pool and leave.
process.on("disconnect", () => {
  void grader.dispose().finally(() => process.exit(0));
});
