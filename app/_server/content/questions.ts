/**
 * The interview question bank: every YAML file under content/questions, validated with the schema
 * in app/_lib/questions and checked against the course outline (content/course.yaml). A bad file
 * throws a {@link QuestionContentError} naming the file, the question id and the reason, so a broken
 * question fails the tests and the build, not a learner.
 *
 * File format: `{ questions: [...] }`. A question's `topic` may be omitted: it is the module of its
 * `lesson` ("<module>/<lesson>"); when given, it must be that module.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { questionSchema, type Question } from "@/app/_lib/questions/schema";

export class QuestionContentError extends Error {
  override name = "QuestionContentError";
  constructor(
    readonly path: string,
    readonly questionId: string | undefined,
    reason: string,
  ) {
    super(`${path}${questionId ? `: question "${questionId}"` : ""}: ${reason}`);
  }
}

export interface QuestionBank {
  questions: Question[];
  byId: ReadonlyMap<string, Question>;
  /** Question id → file it came from (relative to the working directory). */
  fileOf: ReadonlyMap<string, string>;
  /** Module ids and lesson ids ("<module>/<lesson>") of the outline, in course order. */
  outline: { modules: string[]; lessons: string[] };
}

const outlineSchema = z.object({
  modules: z.array(z.object({ id: z.string(), lessons: z.array(z.object({ id: z.string() })) })).min(1),
});

const fileSchema = z.object({ questions: z.array(z.unknown()).min(1) }).strict();

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...yamlFiles(p));
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

function issues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`).join("; ");
}

function readOutline(coursePath: string): QuestionBank["outline"] {
  const rel = relative(process.cwd(), coursePath);
  let data: unknown;
  try {
    data = parseYaml(readFileSync(coursePath, "utf8"));
  } catch (e) {
    throw new QuestionContentError(rel, undefined, (e as Error).message);
  }
  const r = outlineSchema.safeParse(data);
  if (!r.success) throw new QuestionContentError(rel, undefined, issues(r.error));
  return {
    modules: r.data.modules.map((m) => m.id),
    lessons: r.data.modules.flatMap((m) => m.lessons.map((l) => `${m.id}/${l.id}`)),
  };
}

/** Read and validate the whole bank. Throws {@link QuestionContentError} on the first problem. */
export function loadQuestionBank(contentDir = join(process.cwd(), "content")): QuestionBank {
  const outline = readOutline(join(contentDir, "course.yaml"));
  const lessons = new Set(outline.lessons);
  const questions: Question[] = [];
  const byId = new Map<string, Question>();
  const fileOf = new Map<string, string>();
  for (const path of yamlFiles(join(contentDir, "questions"))) {
    const rel = relative(process.cwd(), path);
    let doc: unknown;
    try {
      doc = parseYaml(readFileSync(path, "utf8"), { maxAliasCount: 0 });
    } catch (e) {
      throw new QuestionContentError(rel, undefined, `not valid YAML: ${(e as Error).message}`);
    }
    const file = fileSchema.safeParse(doc);
    if (!file.success) throw new QuestionContentError(rel, undefined, issues(file.error));
    file.data.questions.forEach((raw, index) => {
      const rawId = raw && typeof raw === "object" && typeof (raw as { id?: unknown }).id === "string" ? (raw as { id: string }).id : `#${index + 1}`;
      const withTopic =
        raw && typeof raw === "object" && !("topic" in raw) && typeof (raw as { lesson?: unknown }).lesson === "string"
          ? { ...raw, topic: (raw as { lesson: string }).lesson.split("/")[0] }
          : raw;
      const r = questionSchema.safeParse(withTopic);
      if (!r.success) throw new QuestionContentError(rel, rawId, issues(r.error));
      const q = r.data;
      if (byId.has(q.id)) throw new QuestionContentError(rel, q.id, `duplicate id (also in ${fileOf.get(q.id)})`);
      if (!outline.modules.includes(q.topic)) throw new QuestionContentError(rel, q.id, `topic "${q.topic}" is not a module of content/course.yaml`);
      if (!lessons.has(q.lesson)) throw new QuestionContentError(rel, q.id, `lesson "${q.lesson}" is not in content/course.yaml`);
      if (!q.lesson.startsWith(`${q.topic}/`)) throw new QuestionContentError(rel, q.id, `lesson "${q.lesson}" is not in topic "${q.topic}"`);
      if (q.outdatedInSeed && !q.source.startsWith("seed:")) throw new QuestionContentError(rel, q.id, "outdatedInSeed needs a seed source");
      byId.set(q.id, q);
      fileOf.set(q.id, rel);
      questions.push(q);
    });
  }
  return { questions, byId, fileOf, outline };
}

const cache = new Map<string, QuestionBank>();

/** The bank, loaded once per process and content directory. */
export function questionBank(contentDir = join(process.cwd(), "content")): QuestionBank {
  let bank = cache.get(contentDir);
  if (!bank) {
    bank = loadQuestionBank(contentDir);
    cache.set(contentDir, bank);
  }
  return bank;
}

export function findQuestion(id: string): Question | undefined {
  return questionBank().byId.get(id);
}
