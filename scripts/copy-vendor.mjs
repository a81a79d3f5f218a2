// Serves the browser's heavy assets from the site itself (no CDN at run time, DESIGN.md):
// Monaco's AMD build, and the @types/aws-lambda declarations the editor loads for autocompletion.
// Runs on `npm install`; the target folder, public/vendor, is git-ignored.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";

const require = createRequire(import.meta.url);
const out = join(process.cwd(), "public", "vendor");

/** A package's folder (its exports may hide package.json from require.resolve). */
function packageDir(name) {
  let dir = dirname(require.resolve(name));
  while (!existsSync(join(dir, "package.json")) || JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).name !== name) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`copy-vendor: cannot find the folder of ${name}`);
    dir = parent;
  }
  return dir;
}

const monacoDir = packageDir("monaco-editor");
const { version } = JSON.parse(readFileSync(join(monacoDir, "package.json"), "utf8"));
const monacoTarget = join(out, "monaco", "vs");
const copied = existsSync(join(out, "monaco", "version.json")) ? JSON.parse(readFileSync(join(out, "monaco", "version.json"), "utf8")).version : null;
if (copied !== version || !existsSync(join(monacoTarget, "loader.js"))) {
  rmSync(join(out, "monaco"), { recursive: true, force: true });
  mkdirSync(dirname(monacoTarget), { recursive: true });
  cpSync(join(monacoDir, "min", "vs"), monacoTarget, { recursive: true });
}

// The files Monaco's AMD loader fetches to show a JavaScript/TypeScript editor, in the order it
// asks for them, so a page with an editor can preload them all at once instead of discovering them
// one round trip at a time (loader → editor.main → its dependencies → theirs → the language's modes).
// Read by app/_components/simulator/monaco-preload.tsx; an optimisation only, so nothing fails when
// a name is not found.
const DEFINE = /define\(\s*"([^"]+)"\s*,\s*\[([^\]]*)\]/;
const vsFile = (id) => join(out, "monaco", `${id}.js`);
/** An AMD dependency as a module id ("../editor-X" from "vs/editor/editor.main" → "vs/editor-X"). */
function resolveId(from, dep) {
  const name = dep.split("!")[0];
  if (!name.startsWith(".")) return name;
  const parts = from.split("/").slice(0, -1);
  for (const part of name.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== ".") parts.push(part);
  }
  return parts.join("/");
}
function closure(roots) {
  const seen = new Set();
  const visit = (id) => {
    if (seen.has(id) || ["require", "exports", "module"].includes(id) || !existsSync(vsFile(id))) return;
    seen.add(id);
    const match = DEFINE.exec(readFileSync(vsFile(id), "utf8").slice(0, 4000));
    for (const dep of match ? match[2].split(",").map((d) => d.trim().replace(/^"|"$/g, "")) : []) if (dep) visit(resolveId(id, dep));
  };
  roots.forEach(visit);
  return [...seen];
}
/** Lazily loaded modules named in a file's source, e.g. `["../javascript-B_IYblwB"]` in a language's loader. */
function lazyModules(id, pattern) {
  if (!existsSync(vsFile(id))) return [];
  return [...readFileSync(vsFile(id), "utf8").matchAll(pattern)].map((m) => resolveId(id, m[1]));
}
const contributions = readdirSync(monacoTarget).filter((f) => f.startsWith("monaco.contribution-")).map((f) => `vs/${f.slice(0, -3)}`);
const modules = closure([
  "vs/editor/editor.main",
  ...lazyModules("vs/basic-languages/monaco.contribution", /\["(\.\.\/(?:javascript|typescript)-[\w-]+)"\]/g),
  ...contributions.flatMap((id) => lazyModules(id, /\["(\.\/tsMode-[\w-]+)"\]/g)),
]);
writeFileSync(
  join(out, "monaco", "preload.json"),
  JSON.stringify({ scripts: ["vs/loader.js", ...modules.map((id) => `${id}.js`)], styles: existsSync(join(monacoTarget, "editor", "editor.main.css")) ? ["vs/editor/editor.main.css"] : [] }, null, 1),
);

// All of @types/aws-lambda's .d.ts files plus a list of them, so the editor can add each as an
// extra library under node_modules/@types/aws-lambda (its relative imports then resolve).
const typesDir = join(dirname(require.resolve("@types/aws-lambda/package.json")));
const typesTarget = join(out, "types", "aws-lambda");
rmSync(typesTarget, { recursive: true, force: true });
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith(".d.ts")) files.push(relative(typesDir, path));
  }
};
walk(typesDir);
for (const file of files) {
  mkdirSync(dirname(join(typesTarget, file)), { recursive: true });
  cpSync(join(typesDir, file), join(typesTarget, file));
}
writeFileSync(join(typesTarget, "files.json"), JSON.stringify(files.sort()));
writeFileSync(join(out, "monaco", "version.json"), JSON.stringify({ version }));
console.log(`vendor: Monaco ${version} (${modules.length} modules to preload) and ${files.length} @types/aws-lambda files in public/vendor`);
