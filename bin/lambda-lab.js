#!/usr/bin/env node
// The `lambda-lab` command (package.json "bin"). The CLI is TypeScript (sandbox/cli/main.ts);
// tsx's ESM loader is registered first so Node can import it without a build step.
import { register } from "tsx/esm/api";

// `lambda-lab events show x | head` closes the pipe early: stop quietly, as other CLIs do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

register();
const { main } = await import("../sandbox/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
