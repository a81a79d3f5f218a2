/**
 * What a learner may see of a question before answering: everything that gives the answer away is
 * removed (correct flags, explanations, accepted answers and keywords, expected outputs, reference
 * solutions, hidden tests), and ordering items are shuffled. Mock interviews send only this to the
 * browser until the end.
 */
import { seededShuffle } from "../seeded";
import type { Question } from "./schema";

interface PublicBase {
  id: string;
  topic: string;
  lesson: string;
  difficulty: 1 | 2 | 3;
  prompt: string;
  dva: Question["dva"];
  tags: string[];
}

export type PublicQuestion = PublicBase &
  (
    | { type: "single" | "multiple"; options: { id: string; text: string }[] }
    | { type: "true-false" }
    | { type: "ordering"; items: { id: string; text: string }[] }
    | { type: "short" }
    | {
        type: "predict";
        function: Extract<Question, { type: "predict" }>["function"];
        invocations: Extract<Question, { type: "predict" }>["invocations"];
        observe: Extract<Question, { type: "predict" }>["observe"];
        options?: { id: string; value: string }[];
      }
    | {
        type: "code";
        exercise: {
          id: string;
          title?: string;
          instructions: string;
          function: Extract<Question, { type: "code" }>["exercise"]["function"];
          stub: Record<string, string>;
          hints: string[];
          /** Visible tests in full; hidden ones are only counted. */
          tests: Extract<Question, { type: "code" }>["exercise"]["tests"];
          hiddenTests: number;
        };
      }
  );

/**
 * Shuffle deterministically by `seed` (e.g. the question id plus an attempt id); never returns the
 * original order for two or more items, so the stored (correct) order is not leaked.
 */
export function shuffled<T>(items: readonly T[], seed: string): T[] {
  const out = seededShuffle(items, seed);
  if (out.length > 1 && out.every((x, i) => x === items[i])) out.push(out.shift()!);
  return out;
}

/** The learner's view of a question (see the module comment). `seed` varies the ordering shuffle. */
export function toPublicQuestion(q: Question, seed = ""): PublicQuestion {
  const base: PublicBase = { id: q.id, topic: q.topic, lesson: q.lesson, difficulty: q.difficulty, prompt: q.prompt, dva: q.dva, tags: q.tags };
  switch (q.type) {
    case "single":
    case "multiple":
      return { ...base, type: q.type, options: q.options.map((o) => ({ id: o.id, text: o.text })) };
    case "true-false":
    case "short":
      return { ...base, type: q.type };
    case "ordering":
      return { ...base, type: "ordering", items: shuffled(q.items, `${q.id}:${seed}`).map((i) => ({ id: i.id, text: i.text })) };
    case "predict":
      return {
        ...base,
        type: "predict",
        function: q.function,
        invocations: q.invocations,
        observe: q.observe,
        ...(q.options ? { options: q.options.map((o) => ({ id: o.id, value: o.value })) } : {}),
      };
    case "code": {
      const e = q.exercise;
      return {
        ...base,
        type: "code",
        exercise: {
          id: e.id,
          ...(e.title ? { title: e.title } : {}),
          instructions: e.instructions,
          function: e.function,
          stub: e.stub,
          hints: e.hints,
          tests: e.tests.filter((t) => !t.hidden),
          hiddenTests: e.tests.filter((t) => t.hidden).length,
        },
      };
    }
  }
}
