/**
 * The course covers the concept map of CONTENT.md (content/concepts.yaml says which lesson teaches
 * what), and every internal link in a lesson resolves.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { loadCourse } from "@/app/_server/content/course";

const course = loadCourse();
const lessonIds = new Set(course.lessons.map((l) => l.id));
const outline = parse(readFileSync("content/course.yaml", "utf8")) as { modules: Array<{ id: string; lessons: Array<{ id: string }> }> };
const concepts = parse(readFileSync("content/concepts.yaml", "utf8")) as Record<string, Record<string, string[]>>;

describe("the concept map", () => {
  it("has every module of the outline, each concept taught by a lesson of the outline", () => {
    expect(Object.keys(concepts)).toEqual(outline.modules.map((m) => m.id));
    const outlined = new Set(outline.modules.flatMap((m) => m.lessons.map((l) => `${m.id}/${l.id}`)));
    for (const [module, map] of Object.entries(concepts)) {
      for (const [concept, lessons] of Object.entries(map)) {
        expect(lessons.length, `${module}: "${concept}" has no lesson`).toBeGreaterThan(0);
        for (const l of lessons) expect(outlined.has(l), `${module}: "${concept}" → ${l} is not in content/course.yaml`).toBe(true);
      }
    }
  });

  it("points only at lessons that are written", () => {
    const unwritten = Object.values(concepts)
      .flatMap((map) => Object.values(map).flat())
      .filter((l) => !lessonIds.has(l));
    expect(unwritten).toEqual([]);
  });
});

describe.each(course.lessons.map((l) => [l.id, l] as const))("links in %s", (_id, lesson) => {
  it("resolve to lessons and headings that exist", () => {
    const source = readFileSync(join("content", "lessons", lesson.file), "utf8");
    const links = [...source.matchAll(/\]\((\/learn\/[^)\s]+)\)|href="(\/learn\/[^"]+)"/g)].map((m) => m[1] ?? m[2]!);
    for (const link of links) {
      const [path, anchor] = link.replace(/^\/learn\//, "").split("#") as [string, string | undefined];
      const target = course.lessons.find((l) => l.id === path.replace(/\/$/, ""));
      expect(target, `${lesson.file}: link ${link} names no lesson`).toBeDefined();
      if (anchor) expect(target!.headings.map((h) => h.anchor), `${lesson.file}: link ${link} names no heading`).toContain(anchor);
    }
  });
});
