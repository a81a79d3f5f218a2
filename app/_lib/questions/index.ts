/**
 * The interview question bank's model and grading (browser- and server-safe; no React, Next or
 * Node imports). The bank itself is loaded by `app/_server/content/questions.ts`.
 */
export {
  answerSchema,
  DVA_DOMAINS,
  dvaDomainSchema,
  observeSchema,
  QUESTION_TYPES,
  questionSchema,
} from "./schema";
export type { Answer, DvaDomain, Observe, Option, Question, QuestionInput, QuestionOf, QuestionType } from "./schema";
export { gradeAnswer, gradeCodeAnswer, gradeFromReport, InvalidAnswerError, parseAnswer } from "./grade";
export type { ExerciseRunner, GradeResult } from "./grade";
export { containsPhrase, normaliseText, samePrediction } from "./normalise";
export { shuffled, toPublicQuestion } from "./public";
export type { PublicQuestion } from "./public";
