/**
 * The course as data: content/course.yaml (modules and lessons in order, stable ids) joined with
 * the lesson files content/lessons/<NN>-<module>/<NN>-<lesson>.mdx and their frontmatter.
 * Everything is validated when loaded; a bad file throws a ContentError naming its path and the
 * reason, so a broken lesson fails the build and the tests, not a learner.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import GithubSlugger from "github-slugger";
import { parse as parseYaml } from "yaml";
import { z } from "zod";

export class ContentError extends Error {
  override name = "ContentError";
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be kebab-case");

const outlineSchema = z.object({
  modules: z
    .array(
      z.object({
        id: slug,
        title: z.string().min(1),
        lessons: z.array(z.object({ id: slug, title: z.string().min(1) })).min(1),
      }),
    )
    .min(1),
});

export const lessonFrontmatterSchema = z
  .object({
    id: slug,
    title: z.string().min(3),
    summary: z.string().min(20).max(300),
    objectives: z.array(z.string().min(5)).min(2).max(8),
    minutes: z.number().int().min(3).max(90),
    /** Ids of bank questions about this lesson (at least three). */
    questions: z.array(z.string().min(1)).min(3),
  })
  .strict();

export interface LessonHeading {
  depth: 2 | 3;
  text: string;
  anchor: string;
}

export interface Lesson {
  /** Stable id, "<module>/<lesson>": what progress rows and questions refer to. */
  id: string;
  moduleId: string;
  slug: string;
  title: string;
  summary: string;
  objectives: string[];
  minutes: number;
  questions: string[];
  headings: LessonHeading[];
  /** Path relative to content/lessons, for the MDX import. */
  file: string;
  /** Plain text of the lesson body, for search. */
  text: string;
}

export interface CourseModule {
  id: string;
  number: number;
  title: string;
  lessons: Lesson[];
}

export interface Course {
  modules: CourseModule[];
  lessons: Lesson[];
}

export const CONTENT_DIR = join(/*turbopackIgnore: true*/ process.cwd(), "content");


function splitFrontmatter(source: string, path: string): { data: unknown; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) throw new ContentError(path, "missing frontmatter (a --- block at the top)");
  try {
    return { data: parseYaml(match[1]!), body: source.slice(match[0].length) };
  } catch (error) {
    throw new ContentError(path, `frontmatter is not valid YAML: ${(error as Error).message}`);
  }
}

/** Headings (## and ###) outside code fences, for the table of contents. */
export function extractHeadings(body: string): LessonHeading[] {
  const headings: LessonHeading[] = [];
  const slugger = new GithubSlugger(); // the anchors rehype-slug gives the rendered headings
  let fenced = false;
  for (const line of body.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const m = !fenced && /^(##|###)\s+(.+?)\s*$/.exec(line);
    if (m) {
      const text = m[2]!.replace(/`/g, "").replace(/\*\*/g, "");
      headings.push({ depth: m[1]!.length as 2 | 3, text, anchor: slugger.slug(text) });
    }
  }
  return headings;
}

/** Searchable text: prose and headings without JSX tags, imports or code. */
export function plainText(body: string): string {
  return body
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/^(import|export)\s.*$/gm, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/[#*_`>|[\]()]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function numbered(name: string): { order: number; slug: string } | null {
  const m = /^(\d{2})-([a-z0-9-]+?)(\.mdx)?$/.exec(name);
  return m ? { order: Number(m[1]), slug: m[2]! } : null;
}

export function loadCourse(contentDir = CONTENT_DIR): Course {
  const outlinePath = join(contentDir, "course.yaml");
  const rel = (p: string) => relative(process.cwd(), p);
  let outline: z.infer<typeof outlineSchema>;
  try {
    outline = outlineSchema.parse(parseYaml(readFileSync(/*turbopackIgnore: true*/ outlinePath, "utf8")));
  } catch (error) {
    throw new ContentError(rel(outlinePath), error instanceof z.ZodError ? z.prettifyError(error) : (error as Error).message);
  }
  const lessonsDir = join(contentDir, "lessons");
  const modules: CourseModule[] = [];
  const seen = new Set<string>();
  outline.modules.forEach((mod, moduleIndex) => {
    const dirName = `${String(moduleIndex + 1).padStart(2, "0")}-${mod.id}`;
    const dir = join(lessonsDir, dirName);
    const files = existsSync(/*turbopackIgnore: true*/ dir) ? readdirSync(/*turbopackIgnore: true*/ dir).filter((f) => f.endsWith(".mdx")) : [];
    for (const f of files) {
      const n = numbered(f);
      if (!n) throw new ContentError(rel(join(dir, f)), "lesson files are named <NN>-<lesson-id>.mdx");
      if (!mod.lessons.some((l) => l.id === n.slug)) {
        throw new ContentError(rel(join(dir, f)), `lesson "${n.slug}" is not in content/course.yaml under module "${mod.id}"`);
      }
    }
    const lessons: Lesson[] = [];
    mod.lessons.forEach((entry, lessonIndex) => {
      const fileName = `${String(lessonIndex + 1).padStart(2, "0")}-${entry.id}.mdx`;
      const path = join(dir, fileName);
      if (!existsSync(/*turbopackIgnore: true*/ path)) return; // outlined, not written yet: absent from the course map
      const { data, body } = splitFrontmatter(readFileSync(/*turbopackIgnore: true*/ path, "utf8"), rel(path));
      const parsed = lessonFrontmatterSchema.safeParse(data);
      if (!parsed.success) throw new ContentError(rel(path), z.prettifyError(parsed.error));
      const fm = parsed.data;
      if (fm.id !== entry.id) throw new ContentError(rel(path), `frontmatter id "${fm.id}" does not match the file name ("${entry.id}")`);
      const id = `${mod.id}/${entry.id}`;
      if (seen.has(id)) throw new ContentError(rel(path), `duplicate lesson id ${id}`);
      seen.add(id);
      lessons.push({
        id,
        moduleId: mod.id,
        slug: entry.id,
        title: fm.title,
        summary: fm.summary,
        objectives: fm.objectives,
        minutes: fm.minutes,
        questions: fm.questions,
        headings: extractHeadings(body),
        file: `${dirName}/${fileName}`,
        text: plainText(body),
      });
    });
    modules.push({ id: mod.id, number: moduleIndex + 1, title: mod.title, lessons });
  });
  return { modules, lessons: modules.flatMap((m) => m.lessons) };
}

let cached: Course | undefined;

/** The course, loaded once per process (content is read at build time and on first request). */
export function course(): Course {
  cached ??= loadCourse();
  return cached;
}

export function findLesson(moduleId: string, lessonSlug: string): Lesson | undefined {
  return course().lessons.find((l) => l.moduleId === moduleId && l.slug === lessonSlug);
}
