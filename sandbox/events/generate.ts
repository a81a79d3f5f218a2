/**
 * Writes the sample-event catalogue from its one definition, `sandbox/events/catalogue.ts`:
 * `content/events/<service>/<name>.json` for every entry and `content/events/index.json`, and
 * deletes event files no entry produces. Run after changing a builder or the catalogue:
 *
 *     npx tsx sandbox/events/generate.ts            # write
 *     npx tsx sandbox/events/generate.ts --check    # exit 1 if the files are out of date
 *
 * The content test (`tests/content/events.test.ts`) makes the same comparison, so CI fails on a
 * hand-edited or stale file. Node-only; nothing imports it.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildCatalogueEvents, buildManifest } from "./catalogue";

/** File path (relative to the catalogue folder) → file text, for the whole catalogue. */
export function renderCatalogue(): Map<string, string> {
  const manifest = buildManifest();
  const events = buildCatalogueEvents();
  const files = new Map<string, string>();
  files.set("index.json", `${JSON.stringify(manifest, null, 2)}\n`);
  for (const entry of manifest.events) files.set(entry.file, `${JSON.stringify(events[entry.id], null, 2)}\n`);
  return files;
}

function listJson(dir: string, base = dir): string[] {
  let out: string[] = [];
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, d.name);
    if (d.isDirectory()) out = out.concat(listJson(p, base));
    else if (d.name.endsWith(".json")) out.push(relative(base, p).split("\\").join("/"));
  }
  return out;
}

function main(argv: string[]): number {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../content/events");
  const check = argv.includes("--check");
  const files = renderCatalogue();
  mkdirSync(root, { recursive: true });
  const existing = listJson(root);
  const stale = existing.filter((f) => !files.has(f));
  // Compared as JSON, like the content test, so reformatting a file (e.g. by Prettier) is not a change.
  const changed = [...files].filter(([f, text]) => {
    try {
      return JSON.stringify(JSON.parse(readFileSync(join(root, f), "utf8"))) !== JSON.stringify(JSON.parse(text));
    } catch {
      return true;
    }
  });
  if (check) {
    for (const f of stale) console.error(`stale: content/events/${f}`);
    for (const [f] of changed) console.error(`out of date: content/events/${f}`);
    if (stale.length || changed.length) console.error("Run: npx tsx sandbox/events/generate.ts");
    return stale.length || changed.length ? 1 : 0;
  }
  for (const f of stale) rmSync(join(root, f));
  for (const [f, text] of changed) {
    mkdirSync(dirname(join(root, f)), { recursive: true });
    writeFileSync(join(root, f), text);
  }
  console.log(`content/events: ${files.size - 1} events; ${changed.length} written, ${stale.length} removed`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
