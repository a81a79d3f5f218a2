import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Unit tests sit beside the code they pin down; cross-cutting suites live in tests/.
// End-to-end tests (tests/e2e) belong to Playwright, not Vitest.
export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // server-only throws outside React Server Components; tests import server modules directly.
      "server-only": fileURLToPath(new URL("./tests/helpers/server-only.ts", import.meta.url)),
    },
  },
  test: {
    include: [
      "sandbox/**/*.test.ts",
      "app/**/*.test.{ts,tsx}",
      "prisma/**/*.test.ts",
      "scripts/**/*.test.ts",
      "tests/{unit,integration,security,content}/**/*.test.{ts,tsx}",
    ],
    exclude: ["node_modules/**", ".next/**", ".next-*/**", "tests/e2e/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
