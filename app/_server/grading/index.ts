/**
 * Server-side grading: the browser's result is never trusted. Every submission is graded from
 * scratch on the server's grader — a warm pool of worker processes with hard time and memory
 * limits and one fresh execution environment per test case (pool.ts) — which runs in a grading
 * host process (host.ts) started here on first use and restarted if it ever stops. Hostile code
 * costs at most its own pool worker, which is replaced; the host and the server are not touched.
 */
import { fork, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { ExerciseReport, ReferenceOutcomes } from "@/sandbox/grading";
import type { ExerciseSpec } from "@/sandbox/grading/spec";
import { GradingError, gradingDeadlineMs } from "./errors";

export { GradingError, gradingDeadlineMs };

// Resolved at run time from the project (turbopackIgnore): the host runs from the sources through tsx.
const HOST = join(/*turbopackIgnore: true*/ process.cwd(), "app", "_server", "grading", "host.ts");
const TSX = createRequire(join(/*turbopackIgnore: true*/ process.cwd(), "package.json")).resolve("tsx");

type Reply = { id: number; ok: true; report: unknown } | { id: number; ok: false; error: string; stopped: boolean };

export interface ServerGrader {
  /** Grading worker processes in the host (GRADING_WORKERS, default 2): submissions graded at once. */
  readonly size: number;
  grade(spec: ExerciseSpec, files: Record<string, string>, options?: { redactHidden?: boolean }): Promise<ExerciseReport>;
  /** The reference solution's outcomes for `seed` (the browser's `sameAsSolution` cases). */
  references(spec: ExerciseSpec, seed: number): Promise<ReferenceOutcomes>;
  /** Start the host (and its workers) now rather than on the first grade. */
  warmUp(): Promise<void>;
  dispose(): Promise<void>;
}

function createServerGrader(): ServerGrader {
  const size = Math.max(1, Number(process.env.GRADING_WORKERS) || 2);
  let child: ChildProcess | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve(r: unknown): void; reject(e: Error): void }>();

  function host(): ChildProcess {
    if (child?.connected) return child;
    const started = fork(HOST, [], { execArgv: ["--import", TSX], serialization: "advanced", stdio: ["ignore", "inherit", "inherit", "ipc"], env: { ...process.env, GRADING_WORKERS: String(size) } });
    started.on("message", (reply: Reply) => {
      const waiter = pending.get(reply.id);
      if (!waiter) return;
      pending.delete(reply.id);
      if (reply.ok) waiter.resolve(reply.report);
      else waiter.reject(reply.stopped ? new GradingError(reply.error) : new Error(reply.error));
    });
    started.once("exit", () => {
      if (child === started) child = undefined;
      // Requests in flight are lost with the host: the queue's lease retries them.
      for (const [id, waiter] of pending) {
        pending.delete(id);
        waiter.reject(new Error("The grading host stopped before answering."));
      }
    });
    child = started;
    return started;
  }

  function request<T>(spec: ExerciseSpec, message: Record<string, unknown>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const id = nextId++;
      // A safety net above the host's own budget (a run waits for a free worker first).
      const timer = setTimeout(() => {
        if (pending.delete(id)) reject(new GradingError(`Grading took longer than ${Math.round(gradingDeadlineMs(spec) / 1000)} s and was stopped. Check for code that never finishes.`));
      }, 4 * gradingDeadlineMs(spec) + 30_000);
      timer.unref?.();
      pending.set(id, {
        resolve: (r) => (clearTimeout(timer), resolve(r as T)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      host().send({ id, spec, ...message });
    });
  }

  return {
    size,
    grade(spec, files, { redactHidden = true } = {}) {
      return request<ExerciseReport>(spec, { files, redactHidden });
    },
    references(spec, seed) {
      return request<ReferenceOutcomes>(spec, { kind: "references", seed });
    },
    async warmUp() {
      host();
    },
    async dispose() {
      const c = child;
      child = undefined;
      if (c?.connected) c.disconnect();
    },
  };
}

const holder = globalThis as typeof globalThis & { __lambdaLabServerGrader?: ServerGrader };

/** The process-wide grader (kept on globalThis so dev reloads do not start another host). */
export function serverGrader(): ServerGrader {
  return (holder.__lambdaLabServerGrader ??= createServerGrader());
}

/** Grades `files` against `spec` on the server grader; GradingError when the run had to be stopped. */
export function gradeOnServer(spec: ExerciseSpec, files: Record<string, string>, { redactHidden = true } = {}): Promise<ExerciseReport> {
  return serverGrader().grade(spec, files, { redactHidden });
}

/** The same as gradeOnServer (kept for callers: lesson exercises, practice code questions). */
export const gradeQueued = gradeOnServer;
