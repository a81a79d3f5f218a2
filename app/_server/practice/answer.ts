/**
 * Answering one question outside a mock interview (browse, drill, review): graded on the server,
 * recorded once per attempt id for a signed-in learner, and answered with the feedback, the
 * explanation and the answer key.
 */
import "server-only";
import { z } from "zod";
import { gradeAnswer, type GradeResult } from "@/app/_lib/questions";
import { suggestRating, type RatingValue } from "@/app/practice/_lib/fsrs";
import type { Db } from "../db/client";
import { HttpError } from "../http";
import { attemptIdSchema, findAttempt, recordAttempt } from "./attempts";
import { gradeOnServer, questionOr404, validAnswer } from "./grade";
import { revealQuestion, type Reveal } from "./reveal";

export const answerRequestSchema = z
  .object({
    attemptId: attemptIdSchema,
    questionId: z.string().min(1).max(100),
    answer: z.unknown(),
    durationMs: z.number().int().min(0).max(86_400_000).nullable().default(null),
    mode: z.enum(["BROWSE", "DRILL", "REVIEW"]).default("BROWSE"),
  })
  .strict();
export type AnswerRequest = z.infer<typeof answerRequestSchema>;

export interface AnswerResponse {
  attemptId: string;
  /** Whether this request recorded the attempt (false: signed out, or a retry of a recorded one). */
  recorded: boolean;
  result: GradeResult;
  reveal: Reveal;
  /** The rating the review queue would derive from this answer. */
  suggestedRating: RatingValue;
}

export async function answerQuestion(prisma: Db | null, userId: string | null, input: AnswerRequest, now: Date): Promise<AnswerResponse> {
  const question = questionOr404(input.questionId);
  const answer = validAnswer(question, input.answer);
  const reply = (result: GradeResult, recorded: boolean, durationMs: number | null): AnswerResponse => ({
    attemptId: input.attemptId,
    recorded,
    result,
    reveal: revealQuestion(question),
    suggestedRating: suggestRating({ type: question.type, correct: result.correct, score: result.score, durationMs }),
  });
  if (prisma && userId) {
    const existing = await findAttempt(prisma, userId, input.attemptId);
    if (existing) {
      if (existing.questionId !== question.id) throw new HttpError(409, "That attempt id is already used for a different question.");
      // A retry: answer as before, from what was recorded (code is not run again).
      const result: GradeResult =
        question.type === "code"
          ? { correct: existing.correct, score: existing.score, feedback: existing.correct ? "All tests pass." : "Not all tests pass." }
          : gradeAnswer(question, existing.answer);
      return reply(result, false, existing.durationMs);
    }
  }
  const result = await gradeOnServer(question, answer);
  let recorded = false;
  if (prisma && userId) {
    recorded = await recordAttempt(prisma, { attemptId: input.attemptId, userId, question, answer, result, durationMs: input.durationMs, mode: input.mode, at: now });
  }
  return reply(result, recorded, input.durationMs);
}
