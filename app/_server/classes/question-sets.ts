/**
 * Question-set items: questions picked from the interview bank (content/questions) with a pass mark.
 * Students answer them in /practice's question UI; the answers are graded here on the server with
 * the bank's grader (code questions on the server grader) and stored as one graded submission, so
 * the gradebook treats them like an exercise's submissions. The item passes at the pass mark.
 */
import { z } from "zod";
import { gradeAnswer, gradeCodeAnswer, InvalidAnswerError, parseAnswer, toPublicQuestion, type GradeResult, type PublicQuestion, type Question } from "@/app/_lib/questions";
import { findQuestion, questionBank } from "../content/questions";
import type { Db } from "../db/client";
import { HttpError } from "../http";
import { gradeOnServer, GradingError } from "../grading";
import { joinedClass, needTeacher, needUser, type Actor } from "./access";
import { parseInput } from "./classes";
import { effectiveDue, isLate } from "./grades";

export const MAX_QUESTIONS_PER_SET = 50;

const configSchema = z.object({ questionIds: z.array(z.string()).min(1), passMark: z.number().int().min(0).max(100) });
export type QuestionSetConfig = z.infer<typeof configSchema>;

/** Validates a teacher's pick (every id in the bank, no repeats); throws 422 naming the problem. */
export function questionSetConfig(questionIds: string[], passMark: number, where: string): QuestionSetConfig {
  const ids = [...new Set(questionIds.map((id) => id.trim()).filter(Boolean))];
  if (ids.length === 0) throw new HttpError(422, `${where}: pick at least one question.`);
  if (ids.length > MAX_QUESTIONS_PER_SET) throw new HttpError(422, `${where}: at most ${MAX_QUESTIONS_PER_SET} questions in a set.`);
  const unknown = ids.filter((id) => !findQuestion(id));
  if (unknown.length > 0) throw new HttpError(422, `${where}: there is no question ${unknown.map((id) => `"${id.slice(0, 100)}"`).join(", ")} in the bank.`);
  if (!Number.isInteger(passMark) || passMark < 0 || passMark > 100) throw new HttpError(422, `${where}: the pass mark is a whole percentage from 0 to 100.`);
  return { questionIds: ids, passMark };
}

/** The item's config, or null when it is not a (valid) question set. */
export function questionSetOf(item: { kind: string; config: unknown }): QuestionSetConfig | null {
  if (item.kind !== "QUESTION_SET") return null;
  const parsed = configSchema.safeParse(item.config);
  return parsed.success ? parsed.data : null;
}

/** The questions as a student sees them (no answers), options shuffled per student and item. */
export function publicQuestionSet(config: QuestionSetConfig, seed: string): { passMark: number; questions: PublicQuestion[] } {
  return {
    passMark: config.passMark,
    questions: config.questionIds.flatMap((id) => {
      const q = findQuestion(id);
      return q ? [toPublicQuestion(q, `${seed}:${id}`)] : [];
    }),
  };
}

/** Grades one answer as /practice does (code answers on the server grader); 422 for a tampered payload. */
async function gradeOne(q: Question, payload: unknown): Promise<GradeResult> {
  try {
    parseAnswer(q, payload);
    if (q.type !== "code") return gradeAnswer(q, payload);
    return await gradeCodeAnswer(q, payload, (spec, files) => gradeOnServer(spec, files));
  } catch (error) {
    if (error instanceof InvalidAnswerError || error instanceof GradingError) throw new HttpError(422, error.message);
    throw error;
  }
}

export interface BankEntry {
  id: string;
  topic: string;
  lesson: string;
  type: string;
  difficulty: number;
  prompt: string;
}

/** The bank, summarised for a teacher's picker (prompts shortened): teachers only. */
export function questionBankForTeachers(actor: Actor | null): { modules: string[]; questions: BankEntry[] } {
  needTeacher(actor);
  const bank = questionBank();
  return {
    modules: bank.outline.modules,
    questions: bank.questions.map((q) => ({ id: q.id, topic: q.topic, lesson: q.lesson, type: q.type, difficulty: q.difficulty, prompt: q.prompt.replace(/\s+/g, " ").slice(0, 160) })),
  };
}

const submitInput = z.object({
  itemId: z.string().min(1).max(64),
  submissionId: z.uuid(),
  /** questionId → the answer payload /practice sends; unanswered questions are left out. */
  answers: z.record(z.string().max(200), z.unknown()),
});

export interface QuestionOutcome {
  caseId: string;
  name: string;
  passed: boolean;
  hidden: false;
  points: number;
  maxPoints: 1;
  message: string;
}

/**
 * Grades a student's answers to a question-set item and stores them as one graded submission.
 * Same refusals as an exercise submission: not in the class 403/404, not open or closed 409.
 */
export async function submitQuestionSet(prisma: Db, actor: Actor | null, input: unknown) {
  const user = needUser(actor);
  const size = JSON.stringify(input ?? null).length;
  if (size > 512 * 1024) throw new HttpError(413, "Your answers are larger than 512 KB.");
  const { itemId, submissionId, answers } = parseInput(submitInput, input);
  const item = await prisma.assignmentItem.findUnique({ where: { id: itemId }, include: { assignment: { include: { classroom: true, extensions: { where: { userId: user.id } } } } } });
  if (!item) throw new HttpError(404, "There is no such assignment item.");
  const { assignment } = item;
  await joinedClass(prisma, actor, assignment.classroomId);
  const config = questionSetOf(item);
  if (!config) throw new HttpError(422, "This item is not a question set.");
  const existing = await prisma.exerciseSubmission.findUnique({ where: { id: submissionId } });
  if (existing) {
    if (existing.userId !== user.id || existing.assignmentItemId !== itemId) throw new HttpError(409, "That submission id is already used.");
    return { id: existing.id, status: existing.status, score: existing.score, passed: existing.score * 100 >= config.passMark, results: existing.results as unknown as QuestionOutcome[] };
  }
  const now = new Date();
  if (assignment.classroom.archivedAt) throw new HttpError(409, "This class is archived; it no longer accepts submissions.");
  if (assignment.opensAt && assignment.opensAt > now) throw new HttpError(409, "This assignment is not open yet.");
  const due = effectiveDue(assignment.dueAt, assignment.extensions[0]?.dueAt);
  if (assignment.latePolicy === "CLOSE" && isLate(now, due)) throw new HttpError(409, "The due date has passed; this assignment no longer accepts submissions.");
  const extra = Object.keys(answers).filter((id) => !config.questionIds.includes(id));
  if (extra.length > 0) throw new HttpError(422, `"${extra[0]!.slice(0, 100)}" is not a question of this set.`);

  const results: QuestionOutcome[] = [];
  for (const [index, id] of config.questionIds.entries()) {
    const q = findQuestion(id);
    const name = `Question ${index + 1}`;
    if (!q) {
      results.push({ caseId: id, name, passed: false, hidden: false, points: 0, maxPoints: 1, message: "This question is no longer in the bank." });
      continue;
    }
    if (!(id in answers)) {
      results.push({ caseId: id, name, passed: false, hidden: false, points: 0, maxPoints: 1, message: "Not answered." });
      continue;
    }
    const graded = await gradeOne(q, answers[id]);
    // The bank's feedback often gives the answer away (the right order, the real output): an
    // assignment may be retried, so only the verdict is stored and shown.
    const message = graded.correct ? "" : graded.score > 0 ? `Partly right (${Math.round(graded.score * 100)}%).` : "Not right.";
    results.push({ caseId: id, name, passed: graded.correct, hidden: false, points: Math.round(graded.score * 100) / 100, maxPoints: 1, message });
  }
  const score = results.reduce((n, r) => n + r.points, 0) / results.length;
  const row = await prisma.exerciseSubmission.create({
    data: {
      id: submissionId,
      userId: user.id,
      assignmentItemId: item.id,
      exerciseId: item.id,
      code: JSON.stringify(answers),
      results: results.map((r) => ({ ...r })),
      passed: results.filter((r) => r.passed).length,
      total: results.length,
      score,
      verifiedBy: "SERVER",
      status: "GRADED",
      attempts: 1,
      submittedAt: now,
      gradedAt: new Date(),
    },
  });
  return { id: row.id, status: row.status, score, passed: score * 100 >= config.passMark, results };
}
