/**
 * Every lesson is valid and everything in it runs: frontmatter and outline, MDX that compiles,
 * components used as documented (content/lessons/README.md), bank questions that exist, diagrams
 * whose edges name their nodes, <Simulator> examples that behave as the lesson says on the real
 * runtime, and exercises whose reference solution passes and whose stub does not.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compile } from "@mdx-js/mdx";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { loadCourse } from "@/app/_server/content/course";
import { loadExercises } from "@/app/_server/content/exercises";
import { loadQuestionBank } from "@/app/_server/content/questions";
import { gradeExercise } from "@/sandbox/grading";
import { newEnvironment } from "@/sandbox/runtime/environment";
import type { LayerSource } from "@/sandbox/runtime/types";
import { simulate } from "@/sandbox/service";

const course = loadCourse();
const bank = loadQuestionBank();
const exercises = loadExercises();
const ALLOWED = new Set(["Callout", "Diagram", "Simulator", "ServiceSimulator", "Exercise", "Quiz"]);

interface JsxNode {
  type: string;
  name: string | null;
  attributes: Array<{ type: string; name: string; value: unknown }>;
  children: Array<{ type: string; lang?: string | null; value?: string }>;
  position?: { start: { line: number } };
}

function parse(source: string) {
  return unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkMdx).parse(source);
}

/** A JSX attribute's value: a string, or a JS expression evaluated (lesson content is trusted). */
function attr(node: JsxNode, name: string): unknown {
  const a = node.attributes.find((x) => x.name === name);
  if (!a) return undefined;
  if (typeof a.value === "string") return a.value;
  const expr = (a.value as { value: string }).value;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- lesson files are the repo's own trusted content
  return new Function(`return (${expr});`)() as unknown;
}

function components(source: string): JsxNode[] {
  const found: JsxNode[] = [];
  visit(parse(source), (node) => {
    if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") found.push(node as unknown as JsxNode);
  });
  return found;
}

function catalogue(id: string): unknown {
  return JSON.parse(readFileSync(join("content", "events", `${id}.json`), "utf8"));
}

describe("the course", () => {
  it("has lessons, each in the outline, with unique ids", () => {
    expect(course.lessons.length).toBeGreaterThan(0);
    expect(new Set(course.lessons.map((l) => l.id)).size).toBe(course.lessons.length);
  });
});

describe.each(course.lessons.map((l) => [l.id, l] as const))("lesson %s", (_id, lesson) => {
  const path = join("content", "lessons", lesson.file);
  const source = readFileSync(path, "utf8");
  const nodes = components(source);

  it("compiles as MDX", async () => {
    await expect(compile(source, { remarkPlugins: [remarkFrontmatter, remarkGfm] })).resolves.toBeDefined();
  });

  it("uses only the documented components", () => {
    const unknown = nodes.filter((n) => n.name && /^[A-Z]/.test(n.name) && !ALLOWED.has(n.name)).map((n) => `${n.name} (line ${n.position?.start.line})`);
    expect(unknown, path).toEqual([]);
  });

  it("links at least three bank questions that exist, about this lesson or its module", () => {
    const missing = lesson.questions.filter((q) => !bank.byId.has(q));
    expect(missing, `${path}: unknown question ids`).toEqual([]);
  });

  it("asks only questions that exist in the bank", () => {
    const asked = nodes.filter((n) => n.name === "Quiz").flatMap((n) => attr(n, "ids") as string[]);
    expect(asked.filter((id) => !bank.byId.has(id)), path).toEqual([]);
  });

  it("has diagrams whose edges name their nodes", () => {
    for (const d of nodes.filter((n) => n.name === "Diagram")) {
      const ids = new Set((attr(d, "nodes") as Array<{ id: string }>).map((n) => n.id));
      for (const e of attr(d, "edges") as Array<{ from: string; to: string }>) {
        expect(ids.has(e.from) && ids.has(e.to), `${path}:${d.position?.start.line}: edge ${e.from} → ${e.to}`).toBe(true);
      }
    }
  });

  const simulators = nodes.filter((n) => n.name === "Simulator");
  it.each(simulators.map((s) => [String(attr(s, "id")), s] as const))("simulator %s runs as the lesson says", async (simId, sim) => {
    const code = sim.children.find((c) => c.type === "code");
    expect(code?.value, `${path}: <Simulator id="${simId}"> needs a fenced code block`).toBeTruthy();
    expect(simulators.filter((s) => attr(s, "id") === simId), `${path}: duplicate simulator id ${simId}`).toHaveLength(1);
    const event = attr(sim, "event");
    const typescript = code!.lang === "ts" || code!.lang === "typescript" || attr(sim, "language") === "typescript";
    const file = typescript ? "index.ts" : /^\s*export\s/m.test(code!.value!) ? "index.mjs" : "index.js";
    using env = await newEnvironment({
      files: { [file]: code!.value! },
      handler: (attr(sim, "handler") as string | undefined) ?? "index.handler",
      memoryMB: (attr(sim, "memory") as number | undefined) ?? 128,
      timeoutSeconds: (attr(sim, "timeout") as number | undefined) ?? 3,
      environment: (attr(sim, "env") as Record<string, string> | undefined) ?? {},
      layers: attr(sim, "layers") as LayerSource[] | undefined,
    });
    const result = await env.invoke(typeof event === "string" ? catalogue(event) : (event ?? {}));
    const expected = (attr(sim, "expect") as string | undefined) ?? "success";
    expect(result.status, `${path}: <Simulator id="${simId}"> ${JSON.stringify(result.payload)}`).toBe(expected);
  });

  const services = nodes.filter((n) => n.name === "ServiceSimulator");
  it.each(services.map((s) => [String(attr(s, "id")), s] as const))("service simulator %s runs its template and drive file", async (simId, sim) => {
    const [template, drive] = sim.children.filter((c) => c.type === "code").map((c) => c.value!);
    expect(template && drive, `${path}: <ServiceSimulator id="${simId}"> needs two yaml blocks`).toBeTruthy();
    const report = await simulate(template!, drive!);
    expect(report.invocations.length, `${path}: ${simId} ran nothing`).toBeGreaterThan(0);
    expect(report.warnings, `${path}: ${simId} template warnings`).toEqual([]);
  });

  const exerciseRefs = nodes.filter((n) => n.name === "Exercise").map((n) => String(attr(n, "id")));
  it.each(exerciseRefs)("exercise %s: the solution passes every test and the stub does not", async (exerciseId) => {
    const entry = exercises.get(exerciseId);
    expect(entry, `${path}: <Exercise id="${exerciseId}"> has no content/exercises file`).toBeDefined();
    const solved = await gradeExercise(entry!.spec, entry!.spec.solution, { catalogue });
    expect(solved.cases.filter((c) => !c.passed).map((c) => `${c.id}: ${c.message}`), entry!.path).toEqual([]);
    const stub = await gradeExercise(entry!.spec, entry!.spec.stub, { catalogue });
    expect(stub.passed, `${entry!.path}: the stub passes every test`).toBeLessThan(stub.total);
  });
});
