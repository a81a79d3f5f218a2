"use server";

import { z } from "zod";
import type { ExerciseReport } from "@/sandbox/grading";
import { getSessionUser } from "../_server/auth";
import { exercises } from "../_server/content/exercises";
import { db } from "../_server/db";
import { gradeQueued, GradingError } from "../_server/grading";
import { recordSubmission } from "../_server/submissions";

const submission = z.object({
  submissionId: z.uuid(),
  exerciseId: z.string().min(1).max(100),
  files: z.record(z.string().min(1).max(200), z.string().max(256 * 1024)).refine((f) => Object.keys(f).length >= 1 && Object.keys(f).length <= 50, "1 to 50 files"),
});

export type SubmitResult = { ok: true; report: ExerciseReport; saved: boolean } | { ok: false; error: string };

/** Re-runs an exercise's tests on the server (never trusting the browser) and records the result. */
export async function submitExercise(input: unknown): Promise<SubmitResult> {
  const parsed = submission.safeParse(input);
  if (!parsed.success) return { ok: false, error: "That submission is not valid." };
  const entry = exercises().get(parsed.data.exerciseId);
  if (!entry) return { ok: false, error: "There is no such exercise." };
  let report: ExerciseReport;
  try {
    report = await gradeQueued(entry.spec, parsed.data.files);
  } catch (error) {
    if (error instanceof GradingError) return { ok: false, error: error.message };
    throw error;
  }
  const user = await getSessionUser();
  if (user) await recordSubmission(await db(), { submissionId: parsed.data.submissionId, userId: user.id, exerciseId: entry.spec.id, files: parsed.data.files, report });
  return { ok: true, report, saved: user !== null };
}

const reveal = z.object({ exerciseId: z.string().min(1).max(100), attempts: z.number().int().min(0) });

/** The reference solution, once the learner has genuinely tried (two test runs or a submission). */
export async function revealSolution(input: unknown): Promise<{ ok: true; files: Record<string, string> } | { ok: false; error: string }> {
  const parsed = reveal.safeParse(input);
  if (!parsed.success) return { ok: false, error: "That request is not valid." };
  const entry = exercises().get(parsed.data.exerciseId);
  if (!entry) return { ok: false, error: "There is no such exercise." };
  if (parsed.data.attempts < 2) return { ok: false, error: "Run the tests at least twice before looking at the solution." };
  return { ok: true, files: entry.spec.solution };
}
