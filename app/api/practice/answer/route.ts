import { NextResponse } from "next/server";
import { readJson, route } from "@/app/_server/http";
import { answerQuestion, answerRequestSchema } from "@/app/_server/practice/answer";
import { signedIn } from "@/app/_server/practice/session";

/**
 * POST /api/practice/answer {attemptId, questionId, answer, durationMs, mode} → 200 {result, reveal, …}.
 * Graded here; recorded once per attemptId for a signed-in learner. 404 unknown question, 422 tampered answer.
 */
export const POST = route(async (request) => {
  const input = await readJson(request, answerRequestSchema, 300 * 1024);
  const s = await signedIn();
  return NextResponse.json(await answerQuestion(s?.prisma ?? null, s?.userId ?? null, input, new Date()));
});
