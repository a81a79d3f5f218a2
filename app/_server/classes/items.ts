/** What an assignment item asks for, and the exercise spec an exercise item is graded against. */
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { exerciseSpecSchema, formatIssues, type ExerciseSpec } from "@/sandbox/grading/spec";
import { course } from "../content/course";
import { exercises } from "../content/exercises";
import { HttpError } from "../http";

/** The largest custom exercise a teacher may paste (YAML or JSON text). */
export const MAX_CUSTOM_EXERCISE_BYTES = 64 * 1024;
/** Custom exercises run on the shared grader: a short function timeout keeps a burst cheap. */
export const MAX_CUSTOM_TIMEOUT_SECONDS = 5;

export interface ItemLike {
  kind: "LESSON" | "EXERCISE" | "QUESTION_SET" | "CUSTOM_EXERCISE";
  contentId: string | null;
  config: unknown;
}

const customConfig = z.object({ spec: z.unknown(), source: z.string() });

/** Parses and validates a custom exercise written as YAML or JSON; throws 422 naming what is wrong. */
export function parseCustomExercise(source: string): ExerciseSpec {
  if (Buffer.byteLength(source, "utf8") > MAX_CUSTOM_EXERCISE_BYTES) {
    throw new HttpError(413, `The custom exercise is larger than ${MAX_CUSTOM_EXERCISE_BYTES / 1024} KB.`);
  }
  let data: unknown;
  try {
    // YAML is a superset of JSON: one parser reads both.
    data = parseYaml(source, { maxAliasCount: 50 });
  } catch (error) {
    throw new HttpError(422, `The custom exercise is not valid YAML or JSON: ${(error as Error).message.split("\n")[0]}`);
  }
  const parsed = exerciseSpecSchema.safeParse(data);
  if (!parsed.success) throw new HttpError(422, `The custom exercise is not in the exercise format: ${formatIssues(parsed.error)}`);
  if ((parsed.data.function.timeoutSeconds ?? 3) > MAX_CUSTOM_TIMEOUT_SECONDS) {
    throw new HttpError(422, `function.timeoutSeconds: at most ${MAX_CUSTOM_TIMEOUT_SECONDS} s for a custom exercise.`);
  }
  return parsed.data;
}

/** The spec an exercise item is graded against; null for lessons and question sets. */
export function itemSpec(item: ItemLike): ExerciseSpec | null {
  if (item.kind === "EXERCISE") return (item.contentId && exercises().get(item.contentId)?.spec) || null;
  if (item.kind === "CUSTOM_EXERCISE") {
    const config = customConfig.safeParse(item.config);
    if (!config.success) return null;
    const spec = exerciseSpecSchema.safeParse(config.data.spec);
    return spec.success ? spec.data : null;
  }
  return null;
}

export function itemTitle(item: ItemLike): string {
  if (item.kind === "LESSON") return `Lesson: ${course().lessons.find((l) => l.id === item.contentId)?.title ?? item.contentId}`;
  if (item.kind === "EXERCISE") return `Exercise: ${exercises().get(item.contentId ?? "")?.spec.title ?? item.contentId}`;
  if (item.kind === "CUSTOM_EXERCISE") return `Exercise: ${itemSpec(item)?.title ?? "custom exercise"}`;
  const set = item.config as { questionIds?: unknown; passMark?: unknown } | null;
  const n = Array.isArray(set?.questionIds) ? set.questionIds.length : 0;
  return `Question set: ${n} question${n === 1 ? "" : "s"}, pass at ${typeof set?.passMark === "number" ? set.passMark : 100}%`;
}

/**
 * The exercise as a student may see it: instructions, starting code, the visible tests' names, and
 * the visible tests themselves so the browser can run them before submitting. Hidden tests, the
 * solution, and tests that compare with the solution's outcome stay on the server.
 */
export function publicExercise(spec: ExerciseSpec) {
  const usesSolution = (t: ExerciseSpec["tests"][number]) => (t.invocations ?? [{ expect: t.expect ?? {} }]).some((i) => i.expect.sameAsSolution);
  return {
    id: spec.id,
    title: spec.title ?? null,
    instructions: spec.instructions,
    stub: spec.stub,
    hints: spec.hints,
    function: spec.function,
    browserTests: spec.tests.filter((t) => !t.hidden && !usesSolution(t)),
    visibleTests: spec.tests.filter((t) => !t.hidden).map((t) => ({ id: t.id, name: t.name, points: t.points })),
    hiddenTests: spec.tests.filter((t) => t.hidden).length,
  };
}
export type PublicExercise = ReturnType<typeof publicExercise>;
