#!/usr/bin/env node
// Runs the benchmark scripts: `npm run bench` (all of bench/*.bench.ts) or
// `npm run bench -- sandbox` (only those whose name contains "sandbox").
// Benchmarks print numbers; they never assert timings. Run with --expose-gc (the npm script does)
// so memory figures are taken after a full collection.
import { readdir } from "node:fs/promises";
import { register } from "tsx/esm/api";

register();
const filters = process.argv.slice(2);
const here = new URL("./", import.meta.url);
const files = (await readdir(here))
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.error(`No bench/*.bench.ts matches ${filters.join(", ")}`);
  process.exitCode = 2;
}
for (const file of files) {
  console.log(`\n## ${file}\n`);
  const mod = await import(new URL(file, here).href);
  if (typeof mod.run === "function") await mod.run();
}
