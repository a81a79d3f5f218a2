/**
 * The grading queue: ExerciseSubmission rows with status QUEUED, graded off the request path by a
 * worker loop in the server process. A worker claims the oldest row with
 * `FOR UPDATE SKIP LOCKED`, so several loops (or several server processes on one PostgreSQL)
 * never grade a row twice and never wait on each other; a row left in GRADING by a crashed
 * process is claimed again once its lease has expired, a run the grader had to stop is queued
 * again once, and either is given up (FAILED) in the end.
 */
import type { Db } from "../db/client";
import { gradeOnServer, GradingError, gradingDeadlineMs, serverGrader } from "../grading";
import type { ExerciseSpec } from "@/sandbox/grading/spec";
import { itemSpec } from "./items";

export const DEFAULT_LEASE_MS = 120_000;
export const MAX_ATTEMPTS = 3;
/** Runs the grader may have to stop (time or memory) before the submission is marked FAILED. */
export const MAX_STOPPED_RUNS = 2;

interface Claimed {
  id: string;
  attempts: number;
  assignmentItemId: string | null;
  code: string;
}

/** Claims the oldest queued (or lease-expired) submission, or returns null when there is none. */
export async function claimNext(prisma: Db, leaseMs = DEFAULT_LEASE_MS): Promise<Claimed | null> {
  const leaseSeconds = leaseMs / 1000;
  // Timestamps are stored as UTC without a zone (Prisma's convention), hence `AT TIME ZONE 'UTC'`.
  const rows = await prisma.$queryRaw<Claimed[]>`
    UPDATE "ExerciseSubmission"
       SET "status" = 'GRADING', "lockedAt" = (now() AT TIME ZONE 'UTC'), "attempts" = "attempts" + 1
     WHERE "id" = (
       SELECT "id" FROM "ExerciseSubmission"
        WHERE "status" = 'QUEUED'
           OR ("status" = 'GRADING' AND "lockedAt" < (now() AT TIME ZONE 'UTC') - make_interval(secs => ${leaseSeconds}::float8))
        ORDER BY "submittedAt", "id"
        FOR UPDATE SKIP LOCKED
        LIMIT 1)
    RETURNING "id", "attempts", "assignmentItemId", "code"`;
  return rows[0] ?? null;
}

async function fail(prisma: Db, id: string, error: string) {
  await prisma.exerciseSubmission.updateMany({
    where: { id, status: "GRADING" },
    data: { status: "FAILED", error: error.slice(0, 2000), lockedAt: null, gradedAt: new Date(), score: 0, passed: 0 },
  });
}

/**
 * Specs of items being graded, by item id. Safe to keep: an item that has a submission can no
 * longer change (editing.ts refuses it), and a deleted item detaches its submissions
 * (assignmentItemId becomes null), so a cached spec is never stale for a queued row.
 */
const specs = new Map<string, ExerciseSpec | null>();

async function specOf(prisma: Db, itemId: string): Promise<ExerciseSpec | null> {
  if (specs.has(itemId)) return specs.get(itemId)!;
  const item = await prisma.assignmentItem.findUnique({ where: { id: itemId } });
  const spec = item ? itemSpec(item) : null;
  if (specs.size >= 1000) specs.clear();
  if (item) specs.set(itemId, spec);
  return spec;
}

export interface ProcessOptions {
  leaseMs?: number;
  /** Grades a spec (gradeOnServer by default; tests may count calls). */
  grade?: typeof gradeOnServer;
}

/** Claims and grades one submission; returns its id, or null when the queue is empty. */
export async function processNext(prisma: Db, { leaseMs = DEFAULT_LEASE_MS, grade = gradeOnServer }: ProcessOptions = {}): Promise<string | null> {
  const job = await claimNext(prisma, leaseMs);
  if (!job) return null;
  if (job.attempts > MAX_ATTEMPTS) {
    await fail(prisma, job.id, `Grading was interrupted ${MAX_ATTEMPTS} times; the submission was not graded. Submit again.`);
    return job.id;
  }
  const spec = job.assignmentItemId ? await specOf(prisma, job.assignmentItemId) : null;
  if (!spec) {
    await fail(prisma, job.id, "The exercise this submission is for no longer exists.");
    return job.id;
  }
  // A long exercise may legitimately grade for longer than the lease: extend it (lockedAt moved
  // forward) so no other worker takes the row while this one is still within its deadline.
  const extra = gradingDeadlineMs(spec) + 10_000 - leaseMs;
  if (extra > 0) await prisma.exerciseSubmission.updateMany({ where: { id: job.id, status: "GRADING" }, data: { lockedAt: new Date(Date.now() + extra) } });
  let files: Record<string, string>;
  try {
    files = JSON.parse(job.code) as Record<string, string>;
  } catch {
    await fail(prisma, job.id, "The submitted code could not be read.");
    return job.id;
  }
  try {
    // Full results are stored (the teacher sees hidden tests); students' views redact them.
    const report = await grade(spec, files, { redactHidden: false });
    await prisma.exerciseSubmission.updateMany({
      where: { id: job.id, status: "GRADING" },
      data: {
        status: "GRADED",
        results: report.cases.map((c) => ({ caseId: c.id, name: c.name, passed: c.passed, hidden: c.hidden, points: c.points, maxPoints: c.maxPoints, message: c.message.slice(0, 2000) })),
        passed: report.passed,
        total: report.total,
        score: report.score,
        verifiedBy: "SERVER",
        lockedAt: null,
        error: null,
        gradedAt: new Date(),
      },
    });
  } catch (error) {
    if (!(error instanceof GradingError)) throw error; // the database or the host: the lease retries it
    // The grader thread was stopped (wall clock or heap). Hostile code does that every time, but so
    // can a server too loaded to finish in time: try again (at the head of the queue, by its
    // submission time) once more before giving up; hostile code so costs two deadlines, not more.
    if (job.attempts < MAX_STOPPED_RUNS) {
      await prisma.exerciseSubmission.updateMany({ where: { id: job.id, status: "GRADING" }, data: { status: "QUEUED", lockedAt: null, error: error.message.slice(0, 2000) } });
    } else {
      await fail(prisma, job.id, error.message);
    }
  }
  return job.id;
}

interface WorkerState {
  started: boolean;
  sleepers: Array<() => void>;
}
const holder = globalThis as typeof globalThis & { __lambdaLabGrader?: WorkerState };

/** Wakes idle grading loops at once (after a submission) instead of at their next poll. */
export function wakeGradingWorker(): void {
  const state = holder.__lambdaLabGrader;
  if (!state) return;
  for (const wake of state.sleepers.splice(0)) wake();
}

function sleep(ms: number, state: WorkerState): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    timer.unref?.();
    function done() {
      clearTimeout(timer);
      const i = state.sleepers.indexOf(done);
      if (i >= 0) state.sleepers.splice(i, 1);
      resolve();
    }
    state.sleepers.push(done);
  });
}

/**
 * Starts the grading loops of this process once (idempotent): `concurrency` loops (two per worker
 * of the server's grader by default, so one loop's database work overlaps another's grading), each
 * grading one submission at a time, polling every `idleMs` when the queue is empty. The grader's
 * workers are started at once, not on first use.
 */
export function startGradingWorker(getDb: () => Promise<Db>, { concurrency = 2 * serverGrader().size, idleMs = 2_000 } = {}): void {
  const state = (holder.__lambdaLabGrader ??= { started: false, sleepers: [] });
  if (state.started) return;
  state.started = true;
  serverGrader()
    .warmUp()
    .catch((error: unknown) => console.warn("The grading workers did not warm up; they start on first use.", error));
  for (let lane = 0; lane < concurrency; lane++) {
    void (async () => {
      for (;;) {
        try {
          const prisma = await getDb();
          while ((await processNext(prisma)) !== null) {
            // keep going while there is work
          }
          await sleep(idleMs, state);
        } catch (error) {
          console.error("grading worker:", error);
          await sleep(idleMs * 5, state);
        }
      }
    })();
  }
}
