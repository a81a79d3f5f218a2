/**
 * What a learner sees after answering: the explanation, every option's explanation and which are
 * right, the right order, the model answer or the real output. Built on the server from the full
 * question; never sent before the answer is graded.
 */
import { samePrediction } from "@/app/_lib/questions/normalise";
import type { Question } from "@/app/_lib/questions/schema";

export interface Reveal {
  explanation: string;
  lesson: string;
  outdatedInSeed?: string;
  /** single, multiple and predict-with-options: each option, whether right, and why. */
  options?: { id: string; correct: boolean; explanation: string }[];
  /** true-false: the right value and why the other is wrong. */
  trueFalse?: { answer: boolean; wrongExplanation: string };
  /** ordering: the right order. */
  order?: { id: string; text: string }[];
  /** short: the model answer. */
  modelAnswer?: string;
  /** predict: what the simulator really produces. */
  expected?: string;
}

export function revealQuestion(q: Question): Reveal {
  const base: Reveal = { explanation: q.explanation, lesson: q.lesson, ...(q.outdatedInSeed ? { outdatedInSeed: q.outdatedInSeed } : {}) };
  switch (q.type) {
    case "single":
    case "multiple":
      return { ...base, options: q.options.map((o) => ({ id: o.id, correct: o.correct, explanation: o.explanation })) };
    case "true-false":
      return { ...base, trueFalse: { answer: q.answer, wrongExplanation: q.wrongExplanation } };
    case "ordering":
      return { ...base, order: q.items.map((i) => ({ id: i.id, text: i.text })) };
    case "short":
      return { ...base, modelAnswer: q.modelAnswer };
    case "predict":
      return {
        ...base,
        expected: q.expected,
        ...(q.options ? { options: q.options.map((o) => ({ id: o.id, correct: samePrediction(q.observe, o.value, q.expected), explanation: o.explanation })) } : {}),
      };
    case "code":
      return base;
  }
}
