/**
 * `npm start` (and `npm run dev` with --dev): everything a fresh machine needs, in order —
 * configuration, a free port, a build when the sources changed, migrations, demo data — then the
 * Next.js server. No environment variable is required: the embedded database lives in .data/, and
 * outside a configured deployment an auth secret is generated there once.
 */
import "./load-env";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { localAuthSecret } from "@/app/_server/local-secret";
import { parseDatabaseUrl } from "@/app/_server/db/target";
import { parseEnv } from "@/app/_server/env";
import { fail } from "./cli-errors";
import { runMigrations } from "./db-migrate";
import { runSeed } from "./db-seed";

class StartError extends Error {
  override name = "StartError";
}

const dev = process.argv.includes("--dev");
const nextBin = join("node_modules", "next", "dist", "bin", "next");

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
      .once("error", () => resolve(false))
      .once("listening", () => server.close(() => resolve(true)))
      .listen(port);
  });
}

/** Newest modification time under the paths that feed the build. */
function newestSource(paths: string[]): number {
  let newest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== "node_modules" && !entry.startsWith(".")) visit(join(path, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

function buildIsStale(): boolean {
  const buildId = join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const sources = ["app", "content", "sandbox", "prisma/schema.prisma", "next.config.mjs", "mdx-components.tsx", "instrumentation.ts", "package-lock.json", "public"];
  return newestSource(sources) > statSync(buildId).mtimeMs;
}

function run(args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env });
  if (result.status !== 0) throw new StartError(`\`${args.slice(1).join(" ")}\` failed (exit ${result.status}).`);
}

async function main(): Promise<void> {
  const nodeEnv = dev ? "development" : "production";
  // A configured AUTH_SECRET wins; otherwise this machine's generated one (kept in .data/).
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: nodeEnv, AUTH_SECRET: process.env.AUTH_SECRET || localAuthSecret() };
  const config = parseEnv(childEnv);
  childEnv.NEXTAUTH_URL = config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`;
  parseDatabaseUrl(config.DATABASE_URL); // a malformed URL fails now, not after a build

  if (!(await portFree(config.PORT))) {
    throw new StartError(`Port ${config.PORT} is already in use. Stop the program using it, or choose another port: PORT=${config.PORT + 1} npm ${dev ? "run dev" : "start"}`);
  }
  if (!existsSync(join("prisma", "generated", "client.ts"))) run([join("scripts", "prisma-generate.mjs")], childEnv);
  if (!dev && buildIsStale()) {
    console.log("Building the site (first start, or the sources changed)…");
    run([nextBin, "build"], childEnv);
  }
  await runMigrations();
  await runSeed();

  const args = dev ? [nextBin, "dev", "-p", String(config.PORT)] : [nextBin, "start", "-p", String(config.PORT)];
  console.log(`Lambda Lab: http://localhost:${config.PORT}  (demo teacher: teacher@example.com / lambda-lab-teacher)`);
  const server = spawn(process.execPath, args, { stdio: "inherit", env: childEnv });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

main().catch(fail);
