import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// A real Chromium: Debian's (CHROMIUM_PATH or /usr/bin/chromium) where present, else Playwright's own.
const chromiumPath = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].find((p): p is string => !!p && existsSync(p));
const port = Number(process.env.E2E_PORT ?? 3210);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: `test-results/e2e-${port}`, // per port: parallel runs must not delete each other's artifacts
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  timeout: 60_000,
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      ...(chromiumPath ? { executablePath: chromiumPath } : {}),
      // As root on a closed network: no sandbox, no background connections (DESIGN.md).
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"] }, testIgnore: /responsive\.spec\.ts/ },
    { name: "phone", use: { ...devices["Pixel 7"] }, testMatch: /responsive\.spec\.ts/ },
  ],
  webServer: {
    // The same path a user takes (`npm start`), on a throwaway embedded database.
    command: `rm -rf .data/e2e-pglite-${port} && node --import tsx scripts/start.ts`,
    url: `http://localhost:${port}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    // One database per port, so parallel runs (E2E_PORT) never share an embedded database.
    env: { PORT: String(port), DATABASE_URL: `pglite:.data/e2e-pglite-${port}` },
    stdout: "pipe",
  },
});
