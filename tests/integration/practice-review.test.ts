import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpError } from "@/app/_server/http";
import { ensureCards } from "@/app/_server/practice/attempts";
import { rateReviewCard, reviewQueue, undoLastRating } from "@/app/_server/practice/review";
import { databaseKinds, migratedDb, type MigratedDb } from "../helpers/databases";

const t0 = new Date("2026-11-01T09:00:00.000Z");

async function status(p: Promise<unknown>): Promise<number | "ok"> {
  return p.then(
    () => "ok" as const,
    (e: unknown) => {
      if (e instanceof HttpError) return e.status;
      throw e;
    },
  );
}

describe.each(databaseKinds)("review cards on $name", (kind) => {
  let db: MigratedDb;
  let userId: string;
  beforeAll(async () => {
    db = await migratedDb(kind);
    userId = (await db.prisma.user.create({ data: { email: "review@example.com" } })).id;
    await ensureCards(db.prisma, userId, ["what-is-lambda", "lambda-not-for-heavy-compute", "shared-responsibility-lambda"], t0);
  });
  afterAll(async () => {
    await db?.close();
    await db?.drop();
  });

  it("lists due cards under the daily limit", async () => {
    const q = await reviewQueue(db.prisma, userId, { now: t0, since: t0, dailyLimit: 2 });
    expect(q.dueTotal).toBe(3);
    expect(q.queue).toHaveLength(2);
  });

  it("applies concurrent ratings of one card exactly once: no lost update, no double log", async () => {
    const outcomes = await Promise.all([3, 3, 2, 4, 1, 3].map((r) => status(rateReviewCard(db.prisma, userId, "what-is-lambda", r as 1 | 2 | 3 | 4, t0))));
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(1);
    expect(outcomes.filter((o) => o !== "ok").every((o) => o === 409)).toBe(true);
    const card = await db.prisma.reviewCard.findUniqueOrThrow({ where: { userId_questionId: { userId, questionId: "what-is-lambda" } } });
    expect(card.reps).toBe(1);
    expect(await db.prisma.reviewLog.count({ where: { cardId: card.id } })).toBe(1);
    expect(card.due.getTime()).toBeGreaterThan(t0.getTime());
  });

  it("counts today's reviews against the daily limit", async () => {
    const q = await reviewQueue(db.prisma, userId, { now: t0, since: t0, dailyLimit: 2 });
    expect(q.reviewedToday).toBe(1);
    expect(q.queue).toHaveLength(1);
  });

  it("refuses a card that is not due (409) or does not exist (404), changing nothing", async () => {
    const logs = await db.prisma.reviewLog.count();
    expect(await status(rateReviewCard(db.prisma, userId, "what-is-lambda", 3, t0))).toBe(409);
    expect(await status(rateReviewCard(db.prisma, userId, "no-such-question", 3, t0))).toBe(404);
    expect(await db.prisma.reviewLog.count()).toBe(logs);
  });

  it("schedules Good later than Hard", async () => {
    const hard = await rateReviewCard(db.prisma, userId, "lambda-not-for-heavy-compute", 2, t0);
    const good = await rateReviewCard(db.prisma, userId, "shared-responsibility-lambda", 3, t0);
    expect(new Date(good.card.due).getTime()).toBeGreaterThan(new Date(hard.card.due).getTime());
  });

  it("undoes the last rating, restoring the card exactly, once", async () => {
    const before = await db.prisma.reviewCard.findUniqueOrThrow({ where: { userId_questionId: { userId, questionId: "shared-responsibility-lambda" } } });
    expect(before.reps).toBe(1);
    const undone = await undoLastRating(db.prisma, userId, t0);
    expect(undone.questionId).toBe("shared-responsibility-lambda");
    const after = await db.prisma.reviewCard.findUniqueOrThrow({ where: { id: before.id } });
    expect(after).toMatchObject({ reps: 0, state: 0, due: t0, lastReview: null });
    expect(await db.prisma.reviewLog.count({ where: { cardId: before.id } })).toBe(0);
    // Due again, so it can be rated again.
    expect(await status(rateReviewCard(db.prisma, userId, "shared-responsibility-lambda", 3, t0))).toBe("ok");
  });

  it("undoes concurrently only once", async () => {
    const outcomes = await Promise.all([1, 2].map(() => status(undoLastRating(db.prisma, userId, t0))));
    expect(outcomes.filter((o) => o === "ok").length).toBeGreaterThanOrEqual(1);
    // Each successful undo removed exactly one log; the cards' reps match their logs.
    for (const card of await db.prisma.reviewCard.findMany({ where: { userId }, include: { _count: { select: { logs: true } } } })) {
      expect(card.reps).toBe(card._count.logs);
    }
  });
});
