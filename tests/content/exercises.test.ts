/**
 * Randomised exercise inputs (issue 6: "tests use varied and randomised inputs so a hard-coded
 * answer fails"). Every exercise whose answer could be hard-coded has a randomised case; its
 * reference solution passes that case for 20 seeds; and an answer hard-coded from one seed's
 * reference output fails under other seeds. (lessons.test.ts runs every case of every exercise.)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadExercises } from "@/app/_server/content/exercises";
import { gradeExercise, referenceOutcomes, type ReferenceOutcome } from "@/sandbox/grading";
import type { ExerciseSpec } from "@/sandbox/grading/spec";

const exercises = loadExercises();

/**
 * Exercises whose correct answer does not depend on the event (the task is to write one fixed
 * value or to behave across invocations), so there is nothing to hard-code against.
 */
const NOT_RANDOMISABLE: Record<string, string> = {
  "write-filter-criteria": "the answer is one filter-criteria document, the same for every event",
  "least-privilege-policy": "the answer is one IAM policy document",
  "config-from-env": "reads the function's environment variables, which tests set per case, not the event",
  "reuse-db-connection": "the behaviour under test is reuse across warm invocations, whatever the event",
};

function catalogue(id: string): unknown {
  return JSON.parse(readFileSync(join("content", "events", `${id}.json`), "utf8"));
}

/** The spec with only its randomised cases (to run them for many seeds without the fixed ones). */
function randomOnly(spec: ExerciseSpec): ExerciseSpec {
  return { ...spec, tests: spec.tests.filter((t) => t.random) };
}

/** A handler that answers every event with one fixed outcome: the cheat this format must defeat. */
function hardCoded(spec: ExerciseSpec, outcome: ReferenceOutcome): Record<string, string> {
  const handler = spec.function.handler ?? "index.handler";
  const dot = handler.lastIndexOf(".");
  const [file, name] = [handler.slice(0, dot), handler.slice(dot + 1)];
  const e = outcome.payload as { errorType?: string; errorMessage?: string } | null;
  const body =
    outcome.status === "success"
      ? `return ${JSON.stringify(outcome.payload)};`
      : `const e = new Error(${JSON.stringify(e?.errorMessage ?? "")}); e.name = ${JSON.stringify(e?.errorType ?? "Error")}; throw e;`;
  return { [`${file}.mjs`]: `export const ${name} = async () => { ${body} };\n` };
}

describe("randomised exercise inputs", () => {
  it("names only exercises that exist as not randomisable", () => {
    for (const id of Object.keys(NOT_RANDOMISABLE)) expect(exercises.has(id), id).toBe(true);
  });

  const randomisable = [...exercises.values()].filter((e) => !(e.spec.id in NOT_RANDOMISABLE));
  it.each(randomisable.map((e) => [e.spec.id, e] as const))("%s has a randomised case that the solution passes for 20 seeds and a hard-coded answer fails", async (id, entry) => {
    const spec = randomOnly(entry.spec);
    expect(spec.tests.length, `${entry.path}: no randomised case (add one, or list the exercise in NOT_RANDOMISABLE with the reason)`).toBeGreaterThan(0);
    for (let seed = 1; seed <= 20; seed++) {
      const r = await gradeExercise(spec, spec.solution, { catalogue, seed });
      expect(r.cases.filter((c) => !c.passed).map((c) => `${c.id}: ${c.message}`), `${entry.path}, seed ${seed}`).toEqual([]);
    }
    // The reference outcome of seed 1's first draw, returned whatever the event.
    const probe: ExerciseSpec = { ...spec, tests: spec.tests.map((t) => ({ ...t, expect: t.expect && { ...t.expect, sameAsSolution: true }, invocations: t.invocations?.map((i) => ({ ...i, expect: { ...i.expect, sameAsSolution: true } })) })) };
    const refs = await referenceOutcomes(probe, { catalogue, seed: 1 });
    const cheat = hardCoded(spec, refs[`${spec.tests[0]!.id}/0`]![0]!);
    for (const seed of [2, 3, 4, 5, 6]) {
      const r = await gradeExercise(spec, cheat, { catalogue, seed });
      expect(r.cases.some((c) => !c.passed), `${entry.path}: an answer hard-coded from seed 1 passes every randomised case with seed ${seed}`).toBe(true);
    }
  });
});
