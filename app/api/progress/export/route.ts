import { NextResponse } from "next/server";
import { getSessionUser } from "@/app/_server/auth";
import { db } from "@/app/_server/db";
import { jsonError, route } from "@/app/_server/http";

export const dynamic = "force-dynamic";

/** GET /api/progress/export: everything the signed-in learner has done, as a JSON download. */
export const GET = route(async () => {
  const user = await getSessionUser();
  if (!user) return jsonError(401, "Sign in to export your progress.");
  const prisma = await db();
  const [lessons, submissions, attempts, reviewCards] = await Promise.all([
    prisma.lessonProgress.findMany({ where: { userId: user.id }, select: { lessonId: true, status: true, completedAt: true, updatedAt: true }, orderBy: { lessonId: "asc" } }),
    prisma.exerciseSubmission.findMany({ where: { userId: user.id }, select: { id: true, exerciseId: true, passed: true, total: true, score: true, verifiedBy: true, submittedAt: true, results: true, code: true }, orderBy: { submittedAt: "asc" } }),
    prisma.questionAttempt.findMany({ where: { userId: user.id }, select: { questionId: true, correct: true, score: true, mode: true, createdAt: true }, orderBy: { createdAt: "asc" } }),
    prisma.reviewCard.findMany({ where: { userId: user.id }, select: { questionId: true, due: true, state: true, reps: true, lapses: true }, orderBy: { questionId: "asc" } }),
  ]);
  const body = { exportedAt: new Date().toISOString(), user: { email: user.email, name: user.name }, lessons, submissions, attempts, reviewCards };
  return new NextResponse(JSON.stringify(body, null, 2), {
    headers: { "content-type": "application/json; charset=utf-8", "content-disposition": 'attachment; filename="lambda-lab-progress.json"' },
  });
});
