/**
 * Grading on the server, the only place answers are graded: choice, ordering, short and predict
 * answers by the question bank's grader, code answers by the simulator in a worker thread
 * (gradeQueued). A tampered payload becomes a 422, an unknown question a 404.
 */
import "server-only";
import { gradeAnswer, gradeCodeAnswer, InvalidAnswerError, parseAnswer, type Answer, type GradeResult, type Question } from "@/app/_lib/questions";
import { findQuestion } from "../content/questions";
import { gradeQueued, GradingError } from "../grading";
import { HttpError } from "../http";

export function questionOr404(id: string): Question {
  const q = findQuestion(id);
  if (!q) throw new HttpError(404, `There is no question "${id.slice(0, 100)}".`);
  return q;
}

/** Validates an answer for a question (422 when tampered or mismatched). */
export function validAnswer(q: Question, payload: unknown): Answer {
  try {
    return parseAnswer(q, payload);
  } catch (error) {
    if (error instanceof InvalidAnswerError) throw new HttpError(422, error.message);
    throw error;
  }
}

/** Grades an answer; code answers run on the simulator (a GradingError becomes a 422 with its message). */
export async function gradeOnServer(q: Question, payload: unknown): Promise<GradeResult> {
  validAnswer(q, payload);
  if (q.type !== "code") return gradeAnswer(q, payload);
  try {
    return await gradeCodeAnswer(q, payload, (spec, files) => gradeQueued(spec, files));
  } catch (error) {
    if (error instanceof GradingError) throw new HttpError(422, error.message);
    throw error;
  }
}
