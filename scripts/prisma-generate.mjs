// `prisma generate` without the network: generation itself is WebAssembly, but the CLI insists on
// resolving its native schema engine first, which it would try to download. Pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file satisfies that check (DESIGN.md).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
process.exit(result.status ?? 1);
