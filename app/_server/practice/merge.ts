/**
 * Merging a browser's anonymous practice into the account at sign-in. Nothing the browser graded is
 * trusted: every attempt is graded again here (code attempts are left out: they would need the
 * simulator for each), unknown questions and invalid answers are skipped, and attempt ids make a
 * repeated merge record nothing twice. A local card is kept only where the account has none.
 */
import "server-only";
import { z } from "zod";
import { gradeAnswer, InvalidAnswerError, parseAnswer } from "@/app/_lib/questions";
import { cardStateSchema } from "@/app/practice/_lib/fsrs";
import { findQuestion } from "../content/questions";
import type { Db } from "../db/client";
import { attemptIdSchema, cardData, recordAttempt } from "./attempts";

export const mergeSchema = z
  .object({
    attempts: z
      .array(
        z
          .object({
            id: attemptIdSchema,
            questionId: z.string().max(100),
            answer: z.unknown(),
            durationMs: z.number().int().min(0).max(86_400_000).nullable(),
            mode: z.enum(["BROWSE", "DRILL", "REVIEW", "MOCK"]),
            at: z.iso.datetime(),
          })
          .strict(),
      )
      .max(2000),
    cards: z.array(z.object({ questionId: z.string().max(100), card: cardStateSchema }).strict()).max(1000),
  })
  .strict();
export type MergeInput = z.infer<typeof mergeSchema>;

export async function mergeLocalPractice(prisma: Db, userId: string, input: MergeInput, now: Date) {
  let recorded = 0;
  let skipped = 0;
  // Local cards first, so the attempts' "first sight" cards do not replace them.
  const cards = input.cards.filter((c) => findQuestion(c.questionId));
  if (cards.length) {
    await prisma.reviewCard.createMany({
      data: cards.map((c) => ({ userId, questionId: c.questionId, ...cardData(c.card), createdAt: now, updatedAt: now })),
      skipDuplicates: true,
    });
  }
  for (const a of input.attempts) {
    const question = findQuestion(a.questionId);
    if (!question || question.type === "code") {
      skipped += 1;
      continue;
    }
    try {
      const answer = parseAnswer(question, a.answer);
      const result = gradeAnswer(question, answer);
      const at = new Date(Math.min(new Date(a.at).getTime(), now.getTime()));
      const ok = await recordAttempt(prisma, { attemptId: a.id, userId, question, answer, result, durationMs: a.durationMs, mode: a.mode, at });
      if (ok) recorded += 1;
    } catch (error) {
      if (error instanceof InvalidAnswerError || (error as { status?: number }).status === 409) skipped += 1;
      else throw error;
    }
  }
  return { recorded, skipped };
}
