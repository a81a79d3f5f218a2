/**
 * The grading queue on a real database: a burst is graded in submission order with none lost,
 * concurrent workers never grade a row twice, a stuck row is retried after its lease, and hostile
 * submissions are contained while later ones still grade.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExerciseReport } from "@/sandbox/grading";
import type { ExerciseSpec } from "@/sandbox/grading/spec";
import { createAssignment, submitItem } from "@/app/_server/classes/assignments";
import { createClass, joinClass } from "@/app/_server/classes/classes";
import { claimNext, MAX_ATTEMPTS, MAX_STOPPED_RUNS, processNext } from "@/app/_server/classes/queue";
import { databaseKinds, migratedDb, type MigratedDb } from "../helpers/databases";
import { DOUBLE_IT_EXERCISE as EXERCISE } from "../helpers/double-it";

const SOLUTION = { "index.mjs": "export const handler = async (event) => event.n * 2;" };

function fakeReport(spec: ExerciseSpec): ExerciseReport {
  return { exerciseId: spec.id, passed: 1, total: 1, allPassed: true, points: 1, maxPoints: 1, score: 1, seed: 0, cases: [] };
}

describe.each(databaseKinds)("the grading queue on $name", (kind) => {
  let db: MigratedDb;
  let itemId: string;
  let students: string[];

  beforeAll(async () => {
    db = await migratedDb(kind);
    const teacher = await db.prisma.user.create({ data: { email: "t@example.com", role: "TEACHER" } });
    const classroom = await createClass(db.prisma, teacher, { name: "Queue class" });
    const assignment = await createAssignment(db.prisma, teacher, { classId: classroom.id, title: "Burst", items: [{ kind: "CUSTOM_EXERCISE", source: EXERCISE, points: 10 }] });
    itemId = assignment.items[0]!.id;
    students = [];
    for (let i = 0; i < 5; i++) {
      const s = await db.prisma.user.create({ data: { email: `s${i}@example.com` } });
      await joinClass(db.prisma, s, { code: classroom.joinCode });
      students.push(s.id);
    }
  });
  afterAll(async () => {
    await db?.close();
    await db?.drop();
  });

  /** Rows straight into the queue, one millisecond apart, in a shuffled insertion order. */
  async function enqueue(n: number, code = SOLUTION): Promise<string[]> {
    const base = Date.now() - 60_000;
    const ids = Array.from({ length: n }, (_, i) => ({ id: randomUUID(), at: new Date(base + i) }));
    const shuffled = [...ids].sort(() => Math.random() - 0.5);
    await db.prisma.exerciseSubmission.createMany({
      data: shuffled.map(({ id, at }, i) => ({ id, userId: students[i % students.length]!, assignmentItemId: itemId, exerciseId: itemId, code: JSON.stringify(code), submittedAt: at })),
    });
    return ids.map((x) => x.id);
  }

  it("grades a burst in submission order, none lost", async () => {
    const ids = await enqueue(60);
    const order: string[] = [];
    for (;;) {
      const id = await processNext(db.prisma, { grade: async (spec) => fakeReport(spec) });
      if (!id) break;
      order.push(id);
    }
    expect(order).toEqual(ids);
    const rows = await db.prisma.exerciseSubmission.findMany({ where: { id: { in: ids } } });
    expect(rows.every((r) => r.status === "GRADED" && r.score === 1 && r.verifiedBy === "SERVER" && r.lockedAt === null)).toBe(true);
  });

  it("never lets two concurrent workers grade the same row", async () => {
    const ids = await enqueue(80);
    const graded = new Map<string, number>();
    const worker = async () => {
      for (;;) {
        const id = await processNext(db.prisma, {
          grade: async (spec) => {
            await new Promise((r) => setTimeout(r, Math.random() * 5));
            return fakeReport(spec);
          },
        });
        if (!id) return;
        graded.set(id, (graded.get(id) ?? 0) + 1);
      }
    };
    await Promise.all([worker(), worker(), worker(), worker(), worker(), worker()]);
    expect([...graded.keys()].sort()).toEqual([...ids].sort());
    expect([...graded.values()].every((n) => n === 1)).toBe(true);
    const attempts = await db.prisma.exerciseSubmission.findMany({ where: { id: { in: ids } }, select: { attempts: true, status: true } });
    expect(attempts.every((a) => a.attempts === 1 && a.status === "GRADED")).toBe(true);
  });

  it("claims a GRADING row again only after its lease expires, and gives up after the last attempt", async () => {
    const [stuck] = await enqueue(1);
    await db.prisma.exerciseSubmission.update({ where: { id: stuck }, data: { status: "GRADING", lockedAt: new Date(), attempts: 1 } });
    expect(await claimNext(db.prisma, 60_000)).toBeNull(); // a live lease is left alone
    await db.prisma.exerciseSubmission.update({ where: { id: stuck }, data: { lockedAt: new Date(Date.now() - 120_000) } });
    expect(await processNext(db.prisma, { leaseMs: 60_000, grade: async (spec) => fakeReport(spec) })).toBe(stuck);
    expect((await db.prisma.exerciseSubmission.findUniqueOrThrow({ where: { id: stuck } })).status).toBe("GRADED");

    const [doomed] = await enqueue(1);
    await db.prisma.exerciseSubmission.update({ where: { id: doomed }, data: { status: "GRADING", lockedAt: new Date(Date.now() - 120_000), attempts: MAX_ATTEMPTS } });
    expect(await processNext(db.prisma, { leaseMs: 60_000, grade: () => Promise.reject(new Error("must not grade")) })).toBe(doomed);
    const row = await db.prisma.exerciseSubmission.findUniqueOrThrow({ where: { id: doomed } });
    expect(row.status).toBe("FAILED");
    expect(row.error).toMatch(/interrupted/);
  });

  it("extends the lease of a submission whose exercise may grade for longer than the lease", async () => {
    const [id] = await enqueue(1);
    let lockedAt: Date | null = null;
    await processNext(db.prisma, {
      leaseMs: 1_000, // shorter than this exercise's grading deadline
      grade: async (spec) => {
        lockedAt = (await db.prisma.exerciseSubmission.findUniqueOrThrow({ where: { id } })).lockedAt;
        expect(await claimNext(db.prisma, 1_000)).toBeNull(); // nobody else takes it meanwhile
        return fakeReport(spec);
      },
    });
    expect(lockedAt!.getTime()).toBeGreaterThan(Date.now());
  });

  it("grades real code in a worker: failing then passing, per-test results and hidden tests stored", async () => {
    const student = { id: students[0]!, email: "s0@example.com", role: "LEARNER" as const };
    const failing = await submitItem(db.prisma, student, { itemId, submissionId: randomUUID(), files: { "index.mjs": "export const handler = async (e) => e.n + 2;" } });
    const passing = await submitItem(db.prisma, student, { itemId, submissionId: randomUUID(), files: SOLUTION });
    expect(failing.status).toBe("QUEUED");
    while (await processNext(db.prisma)) {
      // drain
    }
    const a = await db.prisma.exerciseSubmission.findUniqueOrThrow({ where: { id: failing.id } });
    const b = await db.prisma.exerciseSubmission.findUniqueOrThrow({ where: { id: passing.id } });
    // n + 2 passes "doubles two" (2 + 2 = 4) but not the hidden case: 1 of 4 points.
    expect(a).toMatchObject({ status: "GRADED", passed: 1, total: 2, score: 0.25 });
    expect(b).toMatchObject({ status: "GRADED", passed: 2, total: 2, score: 1 });
    expect(a.results).toEqual([
      expect.objectContaining({ caseId: "doubles-two", passed: true, hidden: false, points: 1 }),
      expect.objectContaining({ caseId: "doubles-secret", passed: false, hidden: true, points: 0, maxPoints: 3 }),
    ]);
  }, 120_000);

  it("contains an infinite loop and a memory bomb; the submission after them still grades", async () => {
    const hostile = [
      { "index.mjs": "export const handler = async () => { for (;;) {} };" },
      { "index.mjs": "export const handler = async () => { const a = []; for (;;) a.push(new Array(1e6).fill(7)); };" },
      { "index.mjs": "while (true) {} export const handler = async () => 0;" },
    ];
    const ids: string[] = [];
    for (const [i, files] of hostile.entries()) ids.push((await submitItem(db.prisma, { id: students[i + 1]!, email: `s${i + 1}@example.com`, role: "LEARNER" }, { itemId, submissionId: randomUUID(), files })).id);
    const good = await submitItem(db.prisma, { id: students[4]!, email: "s4@example.com", role: "LEARNER" }, { itemId, submissionId: randomUUID(), files: SOLUTION });
    const started = Date.now();
    while (await processNext(db.prisma)) {
      // drain
    }
    const elapsed = Date.now() - started;
    const rows = await db.prisma.exerciseSubmission.findMany({ where: { id: { in: ids } } });
    for (const r of rows) {
      expect(["GRADED", "FAILED"]).toContain(r.status);
      expect(r.score).toBe(0);
      // A run the grader had to stop is tried once more, never more.
      expect(r.attempts).toBeLessThanOrEqual(r.status === "FAILED" ? MAX_STOPPED_RUNS : 1);
    }
    const after = await db.prisma.exerciseSubmission.findUniqueOrThrow({ where: { id: good.id } });
    expect({ status: after.status, score: after.score, error: after.error }).toEqual({ status: "GRADED", score: 1, error: null });
    console.info(`hostile trio + 1 good submission graded in ${elapsed} ms:`, rows.map((r) => `${r.status} after ${r.attempts} attempt(s)${r.error ? `: ${r.error}` : ""}`));
  }, 180_000);
});
