/**
 * The review queue on the server: due cards under a daily limit, ratings applied with ts-fsrs, and
 * undo of the last rating from ReviewLog.previous.
 *
 * Concurrent ratings of one card cannot lose an update: a rating writes the card only if it is still
 * the card that was read (same `reps` and `updatedAt`, a compare-and-set), in one transaction with
 * its log row; a rating that loses the race re-reads the card and, since it is then no longer due,
 * is refused (409) instead of overwriting the winner.
 */
import "server-only";
import { cardStateSchema, dueQueue, isDue, rateCard, type CardState, type RatingValue } from "@/app/practice/_lib/fsrs";
import type { ReviewCard } from "@/prisma/generated/client";
import type { Db } from "../db/client";
import { HttpError } from "../http";
import { cardData } from "./attempts";

export function cardState(row: ReviewCard): CardState {
  return {
    due: row.due.toISOString(),
    stability: row.stability,
    difficulty: row.difficulty,
    elapsedDays: row.elapsedDays,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state as CardState["state"],
    lastReview: row.lastReview ? row.lastReview.toISOString() : null,
  };
}

export async function reviewedSince(prisma: Db, userId: string, since: Date): Promise<number> {
  return prisma.reviewLog.count({ where: { userId, reviewedAt: { gte: since } } });
}

export interface QueueSnapshot {
  /** Due cards to review now, under the daily limit, earliest first. */
  queue: (CardState & { questionId: string })[];
  /** Every due card, whatever the limit. */
  dueTotal: number;
  reviewedToday: number;
}

export async function reviewQueue(prisma: Db, userId: string, { now, since, dailyLimit }: { now: Date; since: Date; dailyLimit: number }): Promise<QueueSnapshot> {
  const [rows, reviewedToday] = await Promise.all([
    prisma.reviewCard.findMany({ where: { userId, due: { lte: now } }, orderBy: { due: "asc" } }),
    reviewedSince(prisma, userId, since),
  ]);
  const cards = rows.map((r) => ({ questionId: r.questionId, ...cardState(r) }));
  return { queue: dueQueue(cards, now, dailyLimit, reviewedToday), dueTotal: cards.length, reviewedToday };
}

const MAX_TRIES = 5;

/** Rates a due card; 404 when the user has no card for the question, 409 when it is not due. */
export async function rateReviewCard(prisma: Db, userId: string, questionId: string, rating: RatingValue, now: Date): Promise<{ card: CardState; logId: string }> {
  for (let i = 0; i < MAX_TRIES; i++) {
    const row = await prisma.reviewCard.findUnique({ where: { userId_questionId: { userId, questionId } } });
    if (!row) throw new HttpError(404, `There is no review card for "${questionId.slice(0, 100)}". Answer the question first.`);
    const before = cardState(row);
    if (!isDue(before, now)) throw new HttpError(409, `This card is not due until ${before.due}.`);
    const after = rateCard(before, rating, now);
    // updatedAt strictly increases, so a stale reader's compare-and-set fails even within one millisecond.
    const stamp = new Date(Math.max(now.getTime(), row.updatedAt.getTime() + 1));
    const logId = await prisma.$transaction(async (tx) => {
      const { count } = await tx.reviewCard.updateMany({
        where: { id: row.id, reps: row.reps, updatedAt: row.updatedAt },
        data: { ...cardData(after), updatedAt: stamp },
      });
      if (count !== 1) return null;
      const log = await tx.reviewLog.create({ data: { cardId: row.id, userId, rating, previous: before, reviewedAt: now } });
      return log.id;
    });
    if (logId) return { card: after, logId };
  }
  throw new HttpError(409, "This card was being rated elsewhere at the same moment. Reload and try again.");
}

/** Undoes the user's last rating: the card is restored as it was and the log row removed. */
export async function undoLastRating(prisma: Db, userId: string, now: Date): Promise<{ questionId: string; card: CardState }> {
  const log = await prisma.reviewLog.findFirst({ where: { userId }, orderBy: [{ reviewedAt: "desc" }, { id: "desc" }], include: { card: true } });
  if (!log) throw new HttpError(409, "There is no rating to undo.");
  const previous = cardStateSchema.safeParse(log.previous);
  if (!previous.success) throw new HttpError(409, "The last rating cannot be undone (its record is incomplete).");
  const restored = await prisma.$transaction(async (tx) => {
    const { count } = await tx.reviewLog.deleteMany({ where: { id: log.id } });
    if (count !== 1) return false;
    const stamp = new Date(Math.max(now.getTime(), log.card.updatedAt.getTime() + 1));
    await tx.reviewCard.update({ where: { id: log.cardId }, data: { ...cardData(previous.data), updatedAt: stamp } });
    return true;
  });
  if (!restored) throw new HttpError(409, "That rating was already undone.");
  return { questionId: log.card.questionId, card: previous.data };
}
