/** A signed-in learner's practice history, as the browser's statistics and filters take it. */
import "server-only";
import type { CardState } from "@/app/practice/_lib/fsrs";
import type { Db } from "../db/client";
import { cardState } from "./review";

export interface PracticeHistory {
  attempts: { questionId: string; correct: boolean; score: number; at: string; mode: string }[];
  cards: (CardState & { questionId: string })[];
  /** ISO times of review ratings (for "reviewed today" in the learner's time zone). */
  ratings: string[];
}

export async function practiceHistory(prisma: Db, userId: string, maxAttempts = 5000): Promise<PracticeHistory> {
  const [attempts, cards, logs] = await Promise.all([
    prisma.questionAttempt.findMany({
      where: { userId },
      orderBy: { createdAt: "desc" },
      take: maxAttempts,
      select: { questionId: true, correct: true, score: true, createdAt: true, mode: true },
    }),
    prisma.reviewCard.findMany({ where: { userId } }),
    prisma.reviewLog.findMany({ where: { userId, reviewedAt: { gte: new Date(Date.now() - 2 * 86_400_000) } }, select: { reviewedAt: true } }),
  ]);
  return {
    attempts: attempts.reverse().map((a) => ({ questionId: a.questionId, correct: a.correct, score: a.score, at: a.createdAt.toISOString(), mode: a.mode })),
    cards: cards.map((c) => ({ questionId: c.questionId, ...cardState(c) })),
    ratings: logs.map((l) => l.reviewedAt.toISOString()),
  };
}
