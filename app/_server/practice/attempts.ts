/**
 * Question attempts per signed-in user. The browser names each attempt with an id it generates
 * (crypto.randomUUID()), so a retried request records once: the row's primary key is that id and
 * the insert skips duplicates. Every first attempt at a question also puts it in the review queue
 * (a new FSRS card, due at once).
 */
import "server-only";
import { z } from "zod";
import type { Answer, GradeResult, Question } from "@/app/_lib/questions";
import { newCard, type CardState } from "@/app/practice/_lib/fsrs";
import type { PracticeMode } from "@/prisma/generated/enums";
import type { Db } from "../db/client";
import { HttpError } from "../http";

export const attemptIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "an attempt id of 8 to 64 letters, digits, - or _");

export interface RecordAttempt {
  attemptId: string;
  userId: string;
  question: Question;
  answer: Answer;
  result: Pick<GradeResult, "correct" | "score">;
  durationMs: number | null;
  mode: PracticeMode;
  mockInterviewId?: string | null;
  at: Date;
}

export function cardData(c: CardState) {
  return {
    due: new Date(c.due),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsedDays,
    scheduledDays: c.scheduledDays,
    learningSteps: c.learningSteps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    lastReview: c.lastReview ? new Date(c.lastReview) : null,
  };
}

/** Creates the question's review card for the user unless there is one. */
export async function ensureCards(prisma: Db, userId: string, questionIds: string[], now: Date) {
  if (questionIds.length === 0) return;
  await prisma.reviewCard.createMany({
    data: [...new Set(questionIds)].map((questionId) => ({ userId, questionId, ...cardData(newCard(now)), createdAt: now, updatedAt: now })),
    skipDuplicates: true,
  });
}

/**
 * Records an attempt once: `true` when this call recorded it, `false` when the id was already
 * recorded (a retry). An id already used for another user's or another question's attempt is a 409.
 */
export async function recordAttempt(prisma: Db, a: RecordAttempt): Promise<boolean> {
  const { count } = await prisma.questionAttempt.createMany({
    data: [
      {
        id: a.attemptId,
        userId: a.userId,
        questionId: a.question.id,
        answer: a.answer,
        correct: a.result.correct,
        score: a.result.score,
        durationMs: a.durationMs,
        mode: a.mode,
        mockInterviewId: a.mockInterviewId ?? null,
        createdAt: a.at,
      },
    ],
    skipDuplicates: true,
  });
  if (count === 0) {
    const existing = await prisma.questionAttempt.findUnique({ where: { id: a.attemptId }, select: { userId: true, questionId: true } });
    if (!existing || existing.userId !== a.userId || existing.questionId !== a.question.id) {
      throw new HttpError(409, "That attempt id is already used for a different attempt.");
    }
    return false;
  }
  await ensureCards(prisma, a.userId, [a.question.id], a.at);
  return true;
}

export async function findAttempt(prisma: Db, userId: string, attemptId: string) {
  const row = await prisma.questionAttempt.findUnique({ where: { id: attemptId } });
  return row && row.userId === userId ? row : null;
}
