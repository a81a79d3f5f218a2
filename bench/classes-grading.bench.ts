/**
 * Classrooms grading queue (issue 8, "Checks"): submissions go through the real path — submitItem
 * stores a QUEUED row, grading loops claim rows (`FOR UPDATE SKIP LOCKED`) and grade them on the
 * server's warm grader pool (worker processes) — on PGlite, and on PostgreSQL when
 * TEST_DATABASE_URL is set.
 *
 * 1. Burst: 500 submissions arriving at once. Time to grade all; per submission p50/p95 of the
 *    queue wait (submitted → claimed by a loop) and of the grading (claimed → report; with more
 *    loops than grader workers this includes waiting for a free worker); server RSS.
 * 2. Steady: 50 submissions/s for 10 s; p95 of the latency (submitted → graded).
 * Counts are checked in the output ("none lost"), never asserted as timings.
 *
 * Run: `npm run bench -- classes-grading` (BENCH_BURST=500, BENCH_RATE=50, BENCH_SECONDS=10).
 */
import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { availableParallelism, cpus, loadavg } from "node:os";
import type { ExerciseReport } from "../sandbox/grading";
import type { ExerciseSpec } from "../sandbox/grading/spec";
import { createAssignment, submitItem } from "../app/_server/classes/assignments";
import { createClass } from "../app/_server/classes/classes";
import { processNext } from "../app/_server/classes/queue";
import { gradeOnServer, serverGrader } from "../app/_server/grading";
import { databaseKinds, migratedDb, type MigratedDb } from "../tests/helpers/migrated-db";
import { DOUBLE_IT_EXERCISE as EXERCISE } from "../tests/helpers/double-it";
import { fmt, summarize } from "./stats";

const BURST = Number(process.env.BENCH_BURST ?? 500);
const RATE = Number(process.env.BENCH_RATE ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const LANES = Number(process.env.BENCH_LANES ?? 2 * serverGrader().size);

/**
 * RSS (MB) of this process and of all its descendants (the grading host and its worker
 * processes), read from /proc without blocking: a `ps` per sample (execFileSync) stalled this
 * process's event loop — the server's, here — for ~15 % of a run.
 */
async function rss(): Promise<{ server: number; workers: number }> {
  const server = process.memoryUsage().rss / 2 ** 20;
  const parents = new Map<number, number>();
  const pages = new Map<number, number>();
  try {
    for (const entry of await readdir("/proc")) {
      const pid = Number(entry);
      if (!Number.isInteger(pid)) continue;
      try {
        // "pid (comm) state ppid …"; comm may hold spaces, so split after its closing parenthesis.
        const stat = await readFile(`/proc/${pid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        parents.set(pid, Number(fields[1]));
        pages.set(pid, Number(fields[21])); // rss, in pages
      } catch {
        // the process ended meanwhile
      }
    }
  } catch {
    return { server, workers: 0 }; // no /proc (not Linux): server only
  }
  const isDescendant = (pid: number): boolean => {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) if (p === process.pid) return true;
    return false;
  };
  let workerPages = 0;
  for (const [pid, n] of pages) if (isDescendant(pid)) workerPages += n;
  return { server, workers: (workerPages * 4096) / 2 ** 20 };
}

interface Timing {
  /** performance.now() when submitItem was called, and the wall clock then. */
  submitted: number;
  submittedWall: number;
  /** When the grader started on it and returned its report. */
  started?: number;
  finished?: number;
  /** Latency to the stored grade (gradedAt is written with this process's clock). */
  latency?: number;
}

async function scenario(db: MigratedDb, label: string, count: number, spacingMs: number) {
  const prisma = db.prisma;
  const teacher = await prisma.user.create({ data: { email: `t-${randomUUID()}@example.com`, role: "TEACHER" } });
  const classroom = await createClass(prisma, teacher, { name: label });
  const assignment = await createAssignment(prisma, teacher, { classId: classroom.id, title: label, items: [{ kind: "CUSTOM_EXERCISE", source: EXERCISE, points: 10 }] });
  const itemId = assignment.items[0]!.id;
  // One student per submission (a student may have only a few waiting), enrolled in bulk.
  const students = Array.from({ length: count }, (_, i) => ({ id: randomUUID(), email: `${label}-${i}@example.com`, role: "LEARNER" as const }));
  await prisma.user.createMany({ data: students.map((s) => ({ id: s.id, email: s.email })) });
  await prisma.enrollment.createMany({ data: students.map((s) => ({ userId: s.id, classroomId: classroom.id })) });

  // Each submission's code carries its number, so the grader wrapper knows which one it grades.
  const timings = new Map<number, Timing>();
  const grade = async (spec: ExerciseSpec, files: Record<string, string>, options?: { redactHidden?: boolean }): Promise<ExerciseReport> => {
    const n = Number(/\/\/ #(\d+)/.exec(files["index.mjs"] ?? "")?.[1]);
    const t = timings.get(n);
    if (t) t.started = performance.now();
    const report = await gradeOnServer(spec, files, options);
    if (t) t.finished = performance.now();
    return report;
  };

  let arrivalsDone = false;
  // As startGradingWorker: two loops per grader worker, idle until a submission wakes them (a
  // 5 ms poll here once cost ~800 claim queries a second between arrivals).
  const sleepers: Array<() => void> = [];
  const wake = () => {
    for (const w of sleepers.splice(0)) w();
  };
  const lanes = Array.from({ length: LANES }, async () => {
    for (;;) {
      const id = await processNext(prisma, { grade });
      if (id === null) {
        if (arrivalsDone) return;
        await new Promise<void>((resolve) => {
          sleepers.push(resolve);
          setTimeout(resolve, 2_000);
        });
      }
    }
  });

  let peak = await rss();
  let sampling = false;
  const sampler = setInterval(() => {
    if (sampling) return;
    sampling = true;
    void rss().then((now) => {
      peak = { server: Math.max(peak.server, now.server), workers: Math.max(peak.workers, now.workers) };
      sampling = false;
    });
  }, 250);

  const ids = new Map<string, number>();
  const started = performance.now();
  const submits: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    if (spacingMs > 0) {
      const due = started + i * spacingMs;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    timings.set(i, { submitted: performance.now(), submittedWall: Date.now() });
    submits.push(
      submitItem(prisma, students[i]!, { itemId, submissionId: randomUUID(), files: { "index.mjs": `// #${i}\nexport const handler = async (event) => event.n * 2;` } }).then((r) => {
        ids.set(r.id, i);
        wake(); // as submitItemAction's wakeGradingWorker()
      }),
    );
  }
  await Promise.all(submits);
  const stored = performance.now() - started;
  arrivalsDone = true;
  wake();
  await Promise.all(lanes);
  const total = performance.now() - started;
  clearInterval(sampler);

  const rows = await prisma.exerciseSubmission.findMany({ where: { assignmentItemId: itemId }, select: { id: true, status: true, score: true, gradedAt: true } });
  for (const r of rows) {
    const t = timings.get(ids.get(r.id) ?? -1);
    if (t && r.gradedAt) t.latency = r.gradedAt.getTime() - t.submittedWall;
  }
  const list = [...timings.values()];
  const wait = summarize(list.filter((t) => t.started).map((t) => t.started! - t.submitted));
  const grading = summarize(list.filter((t) => t.started && t.finished).map((t) => t.finished! - t.started!));
  const latency = summarize(list.filter((t) => t.latency !== undefined).map((t) => t.latency!));
  const graded = rows.filter((r) => r.status === "GRADED");
  const perfect = graded.filter((r) => r.score === 1).length;
  return { count, stored, rows: rows.length, graded: graded.length, perfect, total, wait, grading, latency, peak };
}

export async function run(): Promise<void> {
  const grader = serverGrader();
  console.log(`machine: ${cpus()[0]?.model ?? "?"} × ${availableParallelism()}, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}; grader workers: ${grader.size}, grading loops: ${LANES}`);
  const warm = performance.now();
  await grader.warmUp();
  console.log(`grading host started in ${fmt(performance.now() - warm, 0)} ms (its ${grader.size} workers warm up in the background)\n`);

  // The test suite's databases: in-memory PGlite, and PostgreSQL when TEST_DATABASE_URL is set.
  for (const kind of databaseKinds) {
    const d = await migratedDb(kind);
    const name = kind.name === "pglite" ? "PGlite (in memory)" : "PostgreSQL";
    try {
      for (const [label, count, spacing] of [
        ["burst", BURST, 0],
        ["steady", RATE * SECONDS, 1000 / RATE],
      ] as const) {
        const r = await scenario(d, `${label}-${randomUUID().slice(0, 8)}`, count, spacing);
        console.log(`### ${name}: ${label === "burst" ? `${count} submissions at once` : `${RATE} submissions/s for ${SECONDS} s (${count})`}\n`);
        console.log(`| measure | value |\n|---|---|`);
        console.log(`| submitted / stored / graded / all tests passed | ${r.count} / ${r.rows} / ${r.graded} / ${r.perfect} ${r.rows === r.count && r.graded === r.count ? "(none lost)" : "(LOST OR FAILED SUBMISSIONS)"} |`);
        console.log(`| all submissions stored (submitItem) after | ${fmt(r.stored / 1000, 1)} s |`);
        console.log(`| time to grade all | ${fmt(r.total / 1000, 1)} s (${fmt(r.count / (r.total / 1000), 1)} submissions/s) |`);
        console.log(`| queue wait p50 / p95 | ${fmt(r.wait.median, 0)} / ${fmt(r.wait.p95, 0)} ms |`);
        console.log(`| grading p50 / p95 | ${fmt(r.grading.median, 0)} / ${fmt(r.grading.p95, 0)} ms |`);
        console.log(`| latency (submitted → graded) p50 / p95 | ${fmt(r.latency.median, 0)} / ${fmt(r.latency.p95, 0)} ms |`);
        console.log(`| peak RSS: server / grading workers | ${fmt(r.peak.server, 0)} MB / ${fmt(r.peak.workers, 0)} MB |\n`);
      }
    } finally {
      await d.close();
      await d.drop();
    }
  }
  await grader.dispose();
}
