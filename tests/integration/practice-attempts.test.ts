import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpError } from "@/app/_server/http";
import { answerQuestion } from "@/app/_server/practice/answer";
import { finishMock, getMock, saveMockAnswer, startMock } from "@/app/_server/practice/mock";
import { mergeLocalPractice } from "@/app/_server/practice/merge";
import { newCard } from "@/app/practice/_lib/fsrs";
import { databaseKinds, migratedDb, type MigratedDb } from "../helpers/databases";

const now = new Date("2026-11-01T09:00:00.000Z");
const right = { type: "single", selected: "a" };
const wrong = { type: "single", selected: "b" };

async function rejects(p: Promise<unknown>, status: number) {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpError);
  expect((error as HttpError).status).toBe(status);
}

describe.each(databaseKinds)("practice attempts on $name", (kind) => {
  let db: MigratedDb;
  let userId: string;
  let otherId: string;
  beforeAll(async () => {
    db = await migratedDb(kind);
    userId = (await db.prisma.user.create({ data: { email: "practice@example.com" } })).id;
    otherId = (await db.prisma.user.create({ data: { email: "other@example.com" } })).id;
  });
  afterAll(async () => {
    await db?.close();
    await db?.drop();
  });

  it("grades on the server and records an attempt once, however often it is retried (also concurrently)", async () => {
    const input = { attemptId: "attempt-retry-0001", questionId: "what-is-lambda", answer: right, durationMs: 4000, mode: "DRILL" as const };
    const first = await answerQuestion(db.prisma, userId, input, now);
    expect(first).toMatchObject({ recorded: true, result: { correct: true, score: 1 }, suggestedRating: 4 });
    expect(first.reveal.options?.find((o) => o.id === "a")?.correct).toBe(true);
    const retries = await Promise.all([1, 2, 3, 4].map(() => answerQuestion(db.prisma, userId, input, now)));
    expect(retries.every((r) => !r.recorded && r.result.correct)).toBe(true);
    expect(await db.prisma.questionAttempt.count({ where: { userId, questionId: "what-is-lambda" } })).toBe(1);
    // The first attempt put the question in the review queue, once.
    expect(await db.prisma.reviewCard.count({ where: { userId, questionId: "what-is-lambda" } })).toBe(1);
  });

  it("records concurrent first deliveries of one attempt once", async () => {
    const input = { attemptId: "attempt-race-00001", questionId: "what-is-lambda", answer: wrong, durationMs: null, mode: "BROWSE" as const };
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => answerQuestion(db.prisma, userId, input, now)));
    expect(results.filter((r) => r.recorded)).toHaveLength(1);
    expect(await db.prisma.questionAttempt.count({ where: { id: "attempt-race-00001" } })).toBe(1);
  });

  it("refuses a tampered payload, an unknown question and a reused attempt id, recording nothing", async () => {
    const before = await db.prisma.questionAttempt.count();
    await rejects(answerQuestion(db.prisma, userId, { attemptId: "attempt-tamper-01", questionId: "what-is-lambda", answer: { type: "single", selected: "zzz" }, durationMs: null, mode: "BROWSE" }, now), 422);
    await rejects(answerQuestion(db.prisma, userId, { attemptId: "attempt-tamper-02", questionId: "what-is-lambda", answer: { type: "multiple", selected: ["a"] }, durationMs: null, mode: "BROWSE" }, now), 422);
    await rejects(answerQuestion(db.prisma, userId, { attemptId: "attempt-tamper-03", questionId: "what-is-lambda", answer: { type: "single", selected: "a", correct: true }, durationMs: null, mode: "BROWSE" }, now), 422);
    await rejects(answerQuestion(db.prisma, userId, { attemptId: "attempt-tamper-04", questionId: "no-such-question", answer: right, durationMs: null, mode: "BROWSE" }, now), 404);
    // Another user's attempt id, and this user's id for another question.
    await rejects(answerQuestion(db.prisma, otherId, { attemptId: "attempt-retry-0001", questionId: "what-is-lambda", answer: right, durationMs: null, mode: "BROWSE" }, now), 409);
    await rejects(answerQuestion(db.prisma, userId, { attemptId: "attempt-retry-0001", questionId: "shared-responsibility-lambda", answer: { type: "multiple", selected: ["code"] }, durationMs: null, mode: "BROWSE" }, now), 409);
    expect(await db.prisma.questionAttempt.count()).toBe(before);
    expect(await db.prisma.reviewCard.count({ where: { userId: otherId } })).toBe(0);
  });

  it("grades a signed-out answer without recording anything", async () => {
    const before = await db.prisma.questionAttempt.count();
    const r = await answerQuestion(null, null, { attemptId: "attempt-anon-0001", questionId: "what-is-lambda", answer: wrong, durationMs: null, mode: "BROWSE" }, now);
    expect(r).toMatchObject({ recorded: false, result: { correct: false } });
    expect(await db.prisma.questionAttempt.count()).toBe(before);
  });

  it("merges a browser's practice once, re-grading it and skipping what is invalid", async () => {
    const input = {
      attempts: [
        // The browser claims this wrong answer was right: the server grades it again.
        { id: "local-attempt-0001", questionId: "what-is-lambda", answer: wrong, durationMs: 1000, mode: "BROWSE" as const, at: "2026-10-30T10:00:00.000Z" },
        { id: "local-attempt-0002", questionId: "no-such-question", answer: right, durationMs: 1000, mode: "BROWSE" as const, at: "2026-10-30T10:00:00.000Z" },
        { id: "local-attempt-0003", questionId: "what-is-lambda", answer: { type: "single", selected: "nope" }, durationMs: 1000, mode: "BROWSE" as const, at: "2026-10-30T10:00:00.000Z" },
      ],
      cards: [{ questionId: "lambda-not-for-heavy-compute", card: newCard(now) }],
    };
    const m = await mergeLocalPractice(db.prisma, userId, input, now);
    expect(m).toEqual({ recorded: 1, skipped: 2 });
    expect(await mergeLocalPractice(db.prisma, userId, input, now)).toEqual({ recorded: 0, skipped: 2 });
    const row = await db.prisma.questionAttempt.findUniqueOrThrow({ where: { id: "local-attempt-0001" } });
    expect(row.correct).toBe(false);
    expect(await db.prisma.reviewCard.count({ where: { userId, questionId: "lambda-not-for-heavy-compute" } })).toBe(1);
  });

  it("saves mock interview answers without grading, resumes them, and records attempts once when finished", async () => {
    const mock = await startMock(db.prisma, userId, { length: 5, minutes: 10, topics: ["foundations"] }, now);
    expect(mock.questionIds).toHaveLength(5);
    const [q1, q2] = mock.questionIds as [string, string];
    await rejects(saveMockAnswer(db.prisma, userId, mock.id, "what-is-lambda-nope", right, now), 422);
    await rejects(saveMockAnswer(db.prisma, otherId, mock.id, q1, right, now), 404);
    await rejects(saveMockAnswer(db.prisma, userId, mock.id, q1, { type: "code", files: {} }, now), 422);
    // Two answers saved at once: neither overwrites the other.
    const { findQuestion } = await import("@/app/_server/content/questions");
    const { toPublicQuestion } = await import("@/app/_lib/questions");
    const answerFor = (id: string) => {
      const q = toPublicQuestion(findQuestion(id)!);
      if (q.type === "single") return { type: "single", selected: q.options[0]!.id };
      if (q.type === "multiple") return { type: "multiple", selected: [q.options[0]!.id] };
      if (q.type === "true-false") return { type: "true-false", value: true };
      if (q.type === "ordering") return { type: "ordering", order: q.items.map((i) => i.id) };
      if (q.type === "predict") return q.options ? { type: "predict", option: q.options[0]!.id } : { type: "predict", text: "null" };
      return { type: "short", text: "something" };
    };
    await Promise.all([saveMockAnswer(db.prisma, userId, mock.id, q1, answerFor(q1), now), saveMockAnswer(db.prisma, userId, mock.id, q2, answerFor(q2), now)]);
    const saved = await getMock(db.prisma, userId, mock.id);
    expect(Object.keys(saved.answers as object).sort()).toEqual([q1, q2].sort());
    expect(await db.prisma.questionAttempt.count({ where: { mockInterviewId: mock.id } })).toBe(0);

    const later = new Date(now.getTime() + 60_000);
    const [a, b] = await Promise.all([finishMock(db.prisma, userId, mock.id, later), finishMock(db.prisma, userId, mock.id, later)]);
    expect(a.score).toEqual(b.score);
    expect(a.score.questions).toBe(5);
    expect(a.score.answered).toBe(2);
    expect(await db.prisma.questionAttempt.count({ where: { mockInterviewId: mock.id } })).toBe(2);
    await rejects(saveMockAnswer(db.prisma, userId, mock.id, q1, answerFor(q1), later), 409);
  });

  it("refuses answers after the time is up", async () => {
    const mock = await startMock(db.prisma, userId, { length: 3, minutes: 1, topics: [] }, now);
    await rejects(saveMockAnswer(db.prisma, userId, mock.id, mock.questionIds[0]!, { type: "true-false", value: true }, new Date(now.getTime() + 5 * 60_000)), 409);
  });
});
