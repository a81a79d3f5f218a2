"use server";

import { getSessionUser } from "../_server/auth";
import { course } from "../_server/content/course";
import { db } from "../_server/db";
import { progressMergeSchema, recordProgress } from "../_server/progress";

export type SaveResult = { ok: true } | { ok: false; error: string };

/**
 * Saves lesson progress for the signed-in user: one entry for a visit or a completion, or a
 * browser's whole anonymous progress when it merges into the account on sign-in.
 */
export async function saveLessonProgress(entries: unknown): Promise<SaveResult> {
  const user = await getSessionUser();
  if (!user) return { ok: false, error: "Sign in to save progress to your account." };
  const parsed = progressMergeSchema.safeParse(entries);
  if (!parsed.success) return { ok: false, error: "That progress data is not valid." };
  await recordProgress(await db(), user.id, parsed.data, new Set(course().lessons.map((l) => l.id)));
  return { ok: true };
}

/** Forgets the signed-in user's progress on one lesson (as if never opened). */
export async function resetLessonProgress(lessonId: unknown): Promise<SaveResult> {
  const user = await getSessionUser();
  if (!user) return { ok: false, error: "Sign in to change your account's progress." };
  if (typeof lessonId !== "string" || !course().lessons.some((l) => l.id === lessonId)) return { ok: false, error: "There is no such lesson." };
  await (await db()).lessonProgress.deleteMany({ where: { userId: user.id, lessonId } });
  return { ok: true };
}
