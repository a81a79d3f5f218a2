/**
 * Which database a DATABASE_URL names. One dialect (PostgreSQL), two ways to reach it:
 * - the embedded PGlite (default; data in a local folder, or in memory for tests);
 * - a PostgreSQL server (or any Postgres-compatible service) over the network.
 */
import { join, resolve } from "node:path";

export type DatabaseTarget =
  | { kind: "pglite"; dataDir: string | null /* null: in memory */ }
  | { kind: "postgres"; url: string; display: string };

/** The embedded database's folder when DATABASE_URL is unset. */
export const DEFAULT_PGLITE_DIR = join(process.cwd(), ".data", "pglite");

export class DatabaseUrlError extends Error {
  override name = "DatabaseUrlError";
}

/**
 * Parses DATABASE_URL. Accepted forms:
 *   (unset)                       embedded PGlite in .data/pglite
 *   pglite:<folder>               embedded PGlite in <folder>
 *   pglite:memory                 embedded PGlite in memory (tests)
 *   postgresql://user@host:5432/db  (or postgres://) a PostgreSQL server
 */
export function parseDatabaseUrl(url: string | undefined): DatabaseTarget {
  if (url === undefined || url.trim() === "") return { kind: "pglite", dataDir: DEFAULT_PGLITE_DIR };
  const value = url.trim();
  if (value.startsWith("pglite:")) {
    const rest = value.slice("pglite:".length).replace(/^\/\//, "");
    if (rest === "memory" || rest === "memory:") return { kind: "pglite", dataDir: null };
    if (rest === "") throw new DatabaseUrlError('DATABASE_URL "pglite:" needs a folder, e.g. pglite:.data/pglite');
    return { kind: "pglite", dataDir: resolve(rest) };
  }
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new DatabaseUrlError(
      `DATABASE_URL is not a valid URL (${redact(value)}). Expected postgresql://user:password@host:5432/database or pglite:<folder>.`,
    );
  }
  if (parsed.protocol !== "postgresql:" && parsed.protocol !== "postgres:") {
    throw new DatabaseUrlError(
      `DATABASE_URL uses "${parsed.protocol}", which Lambda Lab does not support: use postgresql://… or pglite:<folder>.`,
    );
  }
  if (parsed.hostname === "" && !parsed.searchParams.has("host")) {
    throw new DatabaseUrlError(`DATABASE_URL has no host (${redact(value)}).`);
  }
  if (parsed.pathname.replace(/^\//, "") === "") {
    throw new DatabaseUrlError(`DATABASE_URL names no database (${redact(value)}): add /<database> after the host.`);
  }
  return { kind: "postgres", url: value, display: redact(value) };
}

/** The URL with its password hidden, for messages and logs. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "postgres") return `PostgreSQL at ${target.display}`;
  return target.dataDir === null ? "embedded PGlite (in memory)" : `embedded PGlite in ${target.dataDir}`;
}
