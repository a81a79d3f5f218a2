/**
 * Lesson progress per user. A lesson is STARTED when opened and COMPLETED when the learner marks
 * it so; progress only moves forward (opening a completed lesson again does not undo it), which
 * also makes merging a browser's anonymous progress into an account safe to repeat.
 */
import { z } from "zod";
import type { Db } from "./db/client";

export type LessonStatus = "STARTED" | "COMPLETED";

export const progressEntrySchema = z.object({
  lessonId: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, "a lesson id looks like module/lesson"),
  status: z.enum(["STARTED", "COMPLETED"]),
});
export const progressMergeSchema = z.array(progressEntrySchema).max(500);

export type ProgressEntry = z.infer<typeof progressEntrySchema>;

export interface ProgressSnapshot {
  statuses: Record<string, LessonStatus>;
  /** The lesson visited most recently, for "continue where you left off". */
  lastVisited: string | null;
}

export async function getProgress(prisma: Db, userId: string): Promise<ProgressSnapshot> {
  const rows = await prisma.lessonProgress.findMany({
    where: { userId },
    select: { lessonId: true, status: true },
    orderBy: { updatedAt: "desc" },
  });
  return { statuses: Object.fromEntries(rows.map((r) => [r.lessonId, r.status])), lastVisited: rows[0]?.lessonId ?? null };
}

/** Records entries for known lessons (others are ignored and returned), never downgrading. */
export async function recordProgress(prisma: Db, userId: string, entries: ProgressEntry[], knownLessons: ReadonlySet<string>, now = new Date()) {
  const unknown = entries.filter((e) => !knownLessons.has(e.lessonId)).map((e) => e.lessonId);
  // One status per lesson: the furthest one given.
  const best = new Map<string, LessonStatus>();
  for (const e of entries) {
    if (!knownLessons.has(e.lessonId)) continue;
    if (best.get(e.lessonId) !== "COMPLETED") best.set(e.lessonId, e.status);
  }
  for (const [lessonId, status] of best) {
    const completed = status === "COMPLETED";
    // Create, or just touch (updatedAt says which lesson was visited last).
    await prisma.lessonProgress.upsert({
      where: { userId_lessonId: { userId, lessonId } },
      create: { userId, lessonId, status, completedAt: completed ? now : null, updatedAt: now },
      update: { updatedAt: now },
    });
    if (completed) {
      // Only a STARTED row moves on: a lesson keeps its first completion time.
      await prisma.lessonProgress.updateMany({ where: { userId, lessonId, status: "STARTED" }, data: { status: "COMPLETED", completedAt: now } });
    }
  }
  return { recorded: best.size, unknown };
}
