/**
 * A lesson page's weight and the editor's readiness, in a real headless Chromium against the
 * production build (run `npm run build` first):
 * - first-load JavaScript: the gzipped bytes of every script the page loads before anyone
 *   scrolls to an editor (Monaco, served from /vendor, loads only near an editor, so it is
 *   counted separately);
 * - time to an interactive editor: from navigation start to a Monaco editor ready for typing
 *   after the simulator is scrolled into view.
 * Prints numbers; asserts nothing. Target (issue 6): ≤ 200 KB first-load JS; editor ≤ 1.5 s.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Response } from "@playwright/test";
import { summarize } from "./stats";

const PORT = Number(process.env.BENCH_PORT ?? 3390);
const RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 7);
const LESSON = process.env.BENCH_LESSON ?? "/learn/foundations/what-is-lambda";
const BASE = `http://localhost:${PORT}`;

async function waitFor(url: string, ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer ${url}`);
}

export async function run(): Promise<void> {
  if (!existsSync(join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) {
    console.log("lesson-page: no production build (.next/BUILD_ID); run `npm run build` first. Skipped.");
    return;
  }
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT)], {
    env: { ...process.env, NODE_ENV: "production", AUTH_SECRET: "bench-secret-bench-secret-bench-secret!", DATABASE_URL: `pglite:${join(mkdtempSync(join(tmpdir(), "ll-bench-")), "db")}` },
    stdio: "ignore",
  });
  const executablePath = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].find((p): p is string => !!p && existsSync(p));
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
  try {
    await waitFor(`${BASE}${LESSON}`, 60_000);
    const firstLoadKb: number[] = [];
    const monacoKb: number[] = [];
    const editorMs: number[] = [];
    // Where the time to the editor goes (ms from navigation start, the page's own clock).
    const phases: Record<"domContentLoaded" | "load" | "networkIdle" | "monacoRequested" | "monacoLoaded" | "editorVisible", number[]> = {
      domContentLoaded: [],
      load: [],
      networkIdle: [],
      monacoRequested: [],
      monacoLoaded: [],
      editorVisible: [],
    };
    let heaviest: string[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const scripts: Response[] = [];
      page.on("response", (r) => {
        if (r.request().resourceType() === "script") scripts.push(r);
      });
      const started = Date.now();
      await page.goto(`${BASE}${LESSON}`, { waitUntil: "networkidle" });
      const initial = [...scripts];
      const sizeKb = async (list: Response[]) => {
        let bytes = 0;
        for (const r of list) bytes += (await r.request().sizes()).responseBodySize; // as transferred (gzip)
        return bytes / 1024;
      };
      firstLoadKb.push(await sizeKb(initial.filter((r) => !r.url().includes("/vendor/"))));
      phases.networkIdle.push(await page.evaluate(() => performance.now()));
      if (i === 0) {
        const sized = await Promise.all(initial.filter((r) => !r.url().includes("/vendor/")).map(async (r) => [new URL(r.url()).pathname, (await r.request().sizes()).responseBodySize / 1024] as const));
        heaviest = sized.sort((a, b) => b[1] - a[1]).slice(0, 12).map(([path, kb]) => `${kb.toFixed(1)} KB ${path}`);
      }
      // Time to an interactive editor, counted from navigation start (the scroll is instant).
      const sim = page.locator(".simulator").first();
      await sim.scrollIntoViewIfNeeded();
      await sim.locator(".monaco-editor .view-lines").first().waitFor({ state: "visible", timeout: 30_000 });
      editorMs.push(Date.now() - started);
      const t = await page.evaluate(() => {
        const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        const monaco = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter((r) => r.name.includes("/vendor/monaco/"));
        return {
          domContentLoaded: nav.domContentLoadedEventEnd,
          load: nav.loadEventEnd,
          monacoRequested: Math.min(...monaco.map((r) => r.startTime)),
          monacoLoaded: Math.max(...monaco.filter((r) => /editor\.main/.test(r.name)).map((r) => r.responseEnd)),
          editorVisible: performance.now(),
        };
      });
      for (const k of ["domContentLoaded", "load", "monacoRequested", "monacoLoaded", "editorVisible"] as const) phases[k].push(t[k]);
      await page.waitForLoadState("networkidle");
      monacoKb.push(await sizeKb(scripts.filter((r) => r.url().includes("/vendor/monaco/"))));
      await context.close();
    }
    const row = (name: string, unit: string, values: number[], target: string) => {
      const s = summarize(values);
      console.log(`| ${name} | ${unit} | ${s.median.toFixed(1)} | ${s.p95.toFixed(1)} | ${target} |`);
    };
    console.log(`Lesson page ${LESSON}, ${RUNS} cold page loads (new browser context each), production build\n`);
    console.log("| Metric | Unit | p50 | p95 | Target |\n|---|---|---|---|---|");
    row("First-load JavaScript (gzipped, without the editor)", "KB", firstLoadKb, "≤ 200 KB");
    row("Navigation to an interactive editor", "ms", editorMs, "≤ 1,500 ms");
    row("Monaco, loaded near the editor (gzipped, from /vendor)", "KB", monacoKb, "–");
    console.log(`\nWhere the time to the editor goes (p50 of ms since navigation start, page clock): ${Object.entries(phases)
      .map(([k, v]) => `${k} ${summarize(v).median.toFixed(0)}`)
      .join(", ")}`);
    console.log(`\nLargest first-load scripts (run 1, gzipped):\n${heaviest.map((l) => `- ${l}`).join("\n")}`);
  } finally {
    await browser.close();
    server.kill();
  }
}
