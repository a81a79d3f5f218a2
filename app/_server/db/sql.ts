/**
 * A minimal raw-SQL connection over either database, for the migration runner and tests.
 * The application itself talks through Prisma (./client.ts).
 */
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { closePglite, openPglite } from "./pglite";
import { describeTarget, type DatabaseTarget } from "./target";

export interface SqlConnection {
  readonly target: DatabaseTarget;
  /** One statement with $1… parameters. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Several statements, no parameters (a migration file). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export class DatabaseUnreachableError extends Error {
  override name = "DatabaseUnreachableError";
}

/** Turns a driver's connection failure into a message that says what to check. */
export function unreachable(target: DatabaseTarget, error: unknown): DatabaseUnreachableError {
  const err = error as NodeJS.ErrnoException;
  const reason = err.code ? `${err.code}: ${err.message}` : String(err.message ?? err);
  const hint =
    target.kind === "postgres"
      ? "Is the server running and reachable, and are the user, password and database right? Unset DATABASE_URL to use the embedded database instead."
      : "Check that the folder is writable and not used by another process.";
  return new DatabaseUnreachableError(`Cannot connect to ${describeTarget(target)} (${reason}). ${hint}`, { cause: error });
}

export function pgliteConnection(db: PGlite, target: DatabaseTarget, owned: boolean): SqlConnection {
  return {
    target,
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await db.query<Row>(sql, params)).rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
    async close() {
      if (owned) await closePglite(db);
    },
  };
}

/** Opens a dedicated connection (one session: advisory locks hold across its statements). */
export async function openSql(target: DatabaseTarget): Promise<SqlConnection> {
  if (target.kind === "pglite") {
    let db: PGlite;
    try {
      db = await openPglite(target.dataDir);
    } catch (error) {
      if ((error as Error).name === "DatabaseBusyError") throw error;
      throw unreachable(target, error);
    }
    return pgliteConnection(db, target, true);
  }
  const client = new pg.Client({ connectionString: target.url, connectionTimeoutMillis: 10_000 });
  client.on("error", () => {}); // a dropped connection surfaces on the next query instead
  try {
    await client.connect();
  } catch (error) {
    throw unreachable(target, error);
  }
  return {
    target,
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as Row[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
    async close() {
      await client.end();
    },
  };
}
