/**
 * `npm run db:migrate`: applies pending SQL migrations to the database DATABASE_URL names
 * (the embedded PGlite by default). Exit 0 when up to date, 1 with the failing migration's name
 * and the database's error otherwise.
 */
import "./load-env";
import { env } from "@/app/_server/env";
import { migrate, readMigrations } from "@/app/_server/db/migrate";
import { openSql } from "@/app/_server/db/sql";
import { describeTarget, parseDatabaseUrl } from "@/app/_server/db/target";
import { fail } from "./cli-errors";

export async function runMigrations(): Promise<void> {
  const target = parseDatabaseUrl(env().DATABASE_URL);
  const conn = await openSql(target);
  try {
    const result = await migrate(conn, readMigrations());
    for (const warning of result.warnings) console.warn(`warning: ${warning}`);
    const summary = result.applied.length
      ? `applied ${result.applied.length} migration(s): ${result.applied.join(", ")}`
      : `up to date (${result.alreadyApplied.length} migration(s))`;
    console.log(`db:migrate: ${describeTarget(target)}: ${summary}`);
  } finally {
    await conn.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runMigrations().catch(fail);
}
