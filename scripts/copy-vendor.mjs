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
console.log(`vendor: Monaco ${version} and ${files.length} @types/aws-lambda files in public/vendor`);
