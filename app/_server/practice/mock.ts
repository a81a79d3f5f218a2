/**
 * Mock interviews on the server. Signed-in learners' interviews are MockInterview rows: answers
 * are saved as they are given (validated, not graded, no feedback) so a reload or a closed tab
 * resumes; finishing grades everything once and records the attempts. Anonymous interviews live in
 * the browser and are graded statelessly by {@link gradeMock}.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { toPublicQuestion, type Answer, type GradeResult, type PublicQuestion } from "@/app/_lib/questions";
import { MOCK_GRACE_MS, pickMockQuestions, scoreMock, type MockConfig, type MockScore } from "@/app/practice/_lib/mock";
import type { MockInterview } from "@/prisma/generated/client";
import { questionBank } from "../content/questions";
import type { Db } from "../db/client";
import { HttpError } from "../http";
import { ensureCards } from "./attempts";
import { gradeOnServer, questionOr404, validAnswer } from "./grade";
import { revealQuestion, type Reveal } from "./reveal";

export function newMockQuestions(config: MockConfig, seed: string): string[] {
  const bank = questionBank().questions.map((q) => ({ id: q.id, topic: q.topic, difficulty: q.difficulty, type: q.type }));
  const ids = pickMockQuestions(bank, config, seed);
  if (ids.length === 0) throw new HttpError(422, "No questions match those topics.");
  return ids;
}

export function publicQuestions(ids: string[], seed: string): PublicQuestion[] {
  return ids.map((id) => toPublicQuestion(questionOr404(id), seed));
}

export async function startMock(prisma: Db, userId: string, config: MockConfig, now: Date): Promise<MockInterview> {
  const questionIds = newMockQuestions(config, randomUUID());
  return prisma.mockInterview.create({
    data: { userId, config, questionIds, answers: {}, startedAt: now, endsAt: new Date(now.getTime() + config.minutes * 60_000) },
  });
}

/** The user's interview; another user's id is a 404 (its existence is not revealed). */
export async function getMock(prisma: Db, userId: string, id: string): Promise<MockInterview> {
  const row = await prisma.mockInterview.findUnique({ where: { id } });
  if (!row || row.userId !== userId) throw new HttpError(404, "There is no such mock interview.");
  return row;
}

/** The user's latest interview that is neither finished nor past its time, for "resume". */
export async function activeMock(prisma: Db, userId: string, now: Date): Promise<MockInterview | null> {
  return prisma.mockInterview.findFirst({
    where: { userId, finishedAt: null, endsAt: { gt: new Date(now.getTime() - MOCK_GRACE_MS) } },
    orderBy: { startedAt: "desc" },
  });
}

/**
 * Saves (or replaces) one answer. Validated against the question, never graded here. The JSON
 * merge happens in one UPDATE so answers saved at the same time cannot overwrite each other.
 */
export async function saveMockAnswer(prisma: Db, userId: string, id: string, questionId: string, payload: unknown, now: Date): Promise<void> {
  const row = await getMock(prisma, userId, id);
  if (!row.questionIds.includes(questionId)) throw new HttpError(422, `Question "${questionId.slice(0, 100)}" is not part of this interview.`);
  if (row.finishedAt) throw new HttpError(409, "This interview is already finished.");
  if (now.getTime() > row.endsAt.getTime() + MOCK_GRACE_MS) throw new HttpError(409, "Time is up for this interview: submit it to see your results.");
  const answer = validAnswer(questionOr404(questionId), payload);
  const patch = JSON.stringify({ [questionId]: answer });
  const updated = await prisma.$executeRaw`UPDATE "MockInterview" SET "answers" = "answers" || ${patch}::jsonb WHERE "id" = ${id} AND "userId" = ${userId} AND "finishedAt" IS NULL`;
  if (updated !== 1) throw new HttpError(409, "This interview is already finished.");
}

export interface MockResultItem {
  question: PublicQuestion;
  answer: Answer | null;
  result: GradeResult | null;
  reveal: Reveal;
}

export interface MockResults {
  items: MockResultItem[];
  score: MockScore;
}

const answersSchema = z.record(z.string(), z.unknown());

/** Grades an interview's answers (unanswered questions score 0); a tampered answer is a 422. */
export async function gradeMock(questionIds: string[], answers: unknown, seed: string): Promise<MockResults> {
  const given = answersSchema.parse(answers ?? {});
  const items: MockResultItem[] = [];
  for (const id of questionIds) {
    const q = questionOr404(id);
    // Interviews never include code (each would take the simulator seconds): refuse, not run, them.
    if (q.type === "code") throw new HttpError(422, `Question "${id}" is a code question; mock interviews have none.`);
    const payload = given[id];
    const result = payload === undefined ? null : await gradeOnServer(q, payload);
    items.push({ question: toPublicQuestion(q, seed), answer: payload === undefined ? null : validAnswer(q, payload), result, reveal: revealQuestion(q) });
  }
  const score = scoreMock(
    items.map((it) => ({
      questionId: it.question.id,
      topic: it.question.topic,
      lesson: it.question.lesson,
      answered: it.result !== null,
      correct: it.result?.correct ?? false,
      score: it.result?.score ?? 0,
    })),
  );
  return { items, score };
}

/**
 * Finishes an interview (idempotent): grades every answer, records one attempt per answered
 * question (ids derived from the interview, so a second call records nothing), and stamps finishedAt.
 */
export async function finishMock(prisma: Db, userId: string, id: string, now: Date): Promise<MockResults> {
  const row = await getMock(prisma, userId, id);
  const results = await gradeMock(row.questionIds, row.answers, row.id);
  if (!row.finishedAt) {
    const answered = results.items.filter((it) => it.result && it.answer);
    const perQuestion = row.questionIds.length ? (Math.min(now.getTime(), row.endsAt.getTime()) - row.startedAt.getTime()) / row.questionIds.length : 0;
    await prisma.$transaction(async (tx) => {
      const { count } = await tx.mockInterview.updateMany({ where: { id, userId, finishedAt: null }, data: { finishedAt: now } });
      if (count !== 1) return;
      await tx.questionAttempt.createMany({
        data: answered.map((it) => ({
          id: `mock_${row.id}_${it.question.id}`.slice(0, 190),
          userId,
          questionId: it.question.id,
          answer: it.answer!,
          correct: it.result!.correct,
          score: it.result!.score,
          durationMs: Math.max(0, Math.round(perQuestion)),
          mode: "MOCK" as const,
          mockInterviewId: row.id,
          createdAt: now,
        })),
        skipDuplicates: true,
      });
    });
    await ensureCards(
      prisma,
      userId,
      answered.map((it) => it.question.id),
      now,
    );
  }
  return results;
}
