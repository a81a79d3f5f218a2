/**
 * <MonacoPreload />: on a page with an editor, asks the browser (in the HTML's head) for every file
 * Monaco needs, so they download alongside the page's own scripts. Without it, Monaco's AMD loader
 * discovers them one round trip at a time only once the editor is wanted (loader → editor.main →
 * its dependencies → theirs → the JavaScript/TypeScript modes): ~1 s on a lesson page.
 * The list is written by scripts/copy-vendor.mjs next to the files it names; when it is missing
 * (vendor not copied), nothing is preloaded and the editor loads as before.
 *
 * It also starts Monaco's evaluation from the HTML itself (EARLY_START), as soon as its files are
 * in: started from the editor's module, it waited for hydration to begin, ~0.4 s after the files
 * had arrived (bench/lesson-page.bench.ts). Monaco's AMD loader defines a global `define`, which is
 * safe here: none of the site's chunks look for `define.amd` (checked in the build output).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { preload } from "react-dom";

interface Manifest {
  scripts: string[];
  styles: string[];
}

let manifest: Manifest | null | undefined;

function readManifest(): Manifest | null {
  if (manifest === undefined) {
    try {
      manifest = JSON.parse(readFileSync(join(/*turbopackIgnore: true*/ process.cwd(), "public", "vendor", "monaco", "preload.json"), "utf8")) as Manifest;
    } catch {
      manifest = null;
    }
  }
  return manifest;
}

/**
 * window.__lambdaLabMonaco: a promise of the evaluated Monaco, made once per page however many
 * editors it has; code-editor.tsx hands it to @monaco-editor/react (`loader.config({ monaco })`).
 */
const EARLY_START = `window.__lambdaLabMonaco = window.__lambdaLabMonaco || new Promise(function (resolve, reject) {
  var s = document.createElement("script");
  s.src = "/vendor/monaco/vs/loader.js";
  s.onload = function () {
    performance.mark("monaco:load-start");
    window.require.config({ paths: { vs: "/vendor/monaco/vs" } });
    window.require(["vs/editor/editor.main"], function () { performance.mark("monaco:loaded"); resolve(window.monaco); }, reject);
  };
  s.onerror = reject;
  document.head.appendChild(s);
});`;

export function MonacoPreload() {
  const files = readManifest();
  if (!files) return null;
  // React dedupes repeated calls. Scripts at the browser's default priority: at low priority they
  // queued behind the page's own requests and arrived ~1 s after `load` (2 cores, load average 10).
  for (const file of files.scripts) preload(`/vendor/monaco/${file}`, { as: "script" });
  for (const file of files.styles) preload(`/vendor/monaco/${file}`, { as: "style", fetchPriority: "low" });
  return <script dangerouslySetInnerHTML={{ __html: EARLY_START }} />;
}
