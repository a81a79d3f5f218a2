/**
 * Lesson exercises: content/exercises/<module>/<exercise-id>.yaml in the exercise format of
 * sandbox/grading (the same one code questions and teachers' custom exercises use). Validated on
 * load; a bad file throws a ContentError naming it.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse as parseYaml } from "yaml";
import { exerciseSpecSchema, type ExerciseSpec } from "@/sandbox/grading/spec";
import { ContentError, CONTENT_DIR } from "./course";

export interface ExerciseEntry {
  spec: ExerciseSpec;
  moduleId: string;
  path: string;
}

export function loadExercises(contentDir = CONTENT_DIR): Map<string, ExerciseEntry> {
  const root = join(contentDir, "exercises");
  const exercises = new Map<string, ExerciseEntry>();
  if (!existsSync(/*turbopackIgnore: true*/ root)) return exercises;
  for (const moduleId of readdirSync(/*turbopackIgnore: true*/ root)) {
    const dir = join(root, moduleId);
    if (!/^[a-z0-9-]+$/.test(moduleId)) continue;
    for (const file of readdirSync(/*turbopackIgnore: true*/ dir).filter((f) => f.endsWith(".yaml"))) {
      const path = relative(process.cwd(), join(dir, file));
      let data: unknown;
      try {
        data = parseYaml(readFileSync(/*turbopackIgnore: true*/ join(dir, file), "utf8"));
      } catch (error) {
        throw new ContentError(path, `not valid YAML: ${(error as Error).message}`);
      }
      const parsed = exerciseSpecSchema.safeParse(data);
      if (!parsed.success) throw new ContentError(path, parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
      if (`${parsed.data.id}.yaml` !== file) throw new ContentError(path, `id "${parsed.data.id}" does not match the file name`);
      if (exercises.has(parsed.data.id)) throw new ContentError(path, `duplicate exercise id "${parsed.data.id}"`);
      exercises.set(parsed.data.id, { spec: parsed.data, moduleId, path });
    }
  }
  return exercises;
}

let cached: Map<string, ExerciseEntry> | undefined;
export function exercises(): Map<string, ExerciseEntry> {
  cached ??= loadExercises();
  return cached;
}
