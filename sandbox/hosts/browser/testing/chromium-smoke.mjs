#!/usr/bin/env node
// A manual real-browser check of the browser host (not part of the Vitest suite; the app's
// Playwright suite covers the page): bundles a tiny page and `simulator.worker.ts` with esbuild,
// serves them with the QuickJS wasm, and drives Chromium (/usr/bin/chromium or CHROMIUM_PATH):
// cold then warm invoke, a handler stuck in a native call (`Array(2 ** 32 - 1).indexOf(1)`) that
// only the hard stop (Worker.terminate) can end, and a cold start on a new worker after it.
//
//   node sandbox/hosts/browser/testing/chromium-smoke.mjs
//
// Prints the results as JSON and exits 1 if any check fails.
import fs from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../../../..");
const require = createRequire(path.join(root, "package.json"));
const esbuild = createRequire(require.resolve("tsx/package.json"))("esbuild");
const { chromium } = require("playwright-core");

const out = fs.mkdtempSync(path.join(os.tmpdir(), "lambda-lab-chromium-"));
const page = path.join(out, "page.ts");
fs.writeFileSync(
  page,
  `import { createBrowserSimulator, fromBrowserWorker } from ${JSON.stringify(path.join(root, "sandbox/hosts/browser/index.ts"))};
window.runChecks = async () => {
  const sim = createBrowserSimulator({
    createWorker: () => fromBrowserWorker(new Worker("/simulator.worker.js", { type: "module" })),
    hardStop: { marginMs: 500, initAllowanceMs: 1000 },
  });
  const logs = [];
  sim.onLog((e) => logs.push(e.message));
  sim.configure({ timeoutSeconds: 1, files: { "index.mjs": "let n = 0; export const handler = async (e) => e.stuck ? Array(2 ** 32 - 1).indexOf(1) : { n: ++n, hello: e.name };" } });
  const a = await sim.invoke({ name: "Ada" });
  const b = await sim.invoke({ name: "Bo" });
  const t = performance.now();
  const c = await sim.invoke({ stuck: true });
  const stuckMs = performance.now() - t;
  const d = await sim.invoke({ name: "Cy" });
  sim.dispose();
  return { a: [a.payload, a.coldStart], b: [b.payload, b.coldStart], stuck: [c.status, c.payload, Math.round(stuckMs)], after: [d.payload, d.coldStart], workers: sim.state.workersStarted, lastLog: logs.at(-1) };
};`,
);
await esbuild.build({
  entryPoints: { page, "simulator.worker": path.join(root, "sandbox/hosts/browser/simulator.worker.ts") },
  bundle: true,
  platform: "browser",
  format: "esm",
  splitting: true,
  outdir: out,
  logLevel: "warning",
});
// The engine's variant loads its wasm with new URL("emscripten-module.wasm", import.meta.url).
fs.copyFileSync(require.resolve("@jitl/quickjs-wasmfile-release-sync/wasm"), path.join(out, "emscripten-module.wasm"));

const server = http.createServer((req, res) => {
  const url = (req.url ?? "/").split("?")[0];
  if (url === "/") {
    res.setHeader("content-type", "text/html");
    res.end('<!doctype html><script type="module" src="/page.js"></script>');
    return;
  }
  const file = path.join(out, path.normalize(url));
  if (!file.startsWith(out) || !fs.existsSync(file)) {
    res.statusCode = 404;
    res.end();
    return;
  }
  res.setHeader("content-type", url.endsWith(".wasm") ? "application/wasm" : "text/javascript");
  res.end(fs.readFileSync(file));
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const address = server.address();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
let failed = false;
try {
  const tab = await browser.newPage();
  tab.on("pageerror", (e) => console.error("pageerror:", e.message));
  await tab.goto(`http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`);
  await tab.waitForFunction(() => typeof window.runChecks === "function");
  const r = await tab.evaluate(() => window.runChecks());
  console.log(JSON.stringify(r, null, 2));
  const checks = {
    "cold start": r.a[1] === true && r.a[0].n === 1,
    "warm start": r.b[1] === false && r.b[0].n === 2,
    "hard stop: Sandbox.Timedout": r.stuck[0] === "timeout" && r.stuck[1].errorType === "Sandbox.Timedout",
    "hard stop in time": r.stuck[2] < 15_000,
    "new worker, cold": r.after[1] === true && r.after[0].n === 1 && r.workers === 2,
  };
  for (const [name, ok] of Object.entries(checks)) {
    console.log(`${ok ? "ok  " : "FAIL"} ${name}`);
    if (!ok) failed = true;
  }
} finally {
  await browser.close();
  server.close();
  fs.rmSync(out, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
