/**
 * The migration runner (`npm run db:migrate`). Prisma's migrate engine cannot be downloaded here,
 * so this applies prisma/migrations/<name>/migration.sql itself and records each one in Prisma's
 * own `_prisma_migrations` table (same columns, same sha256 checksums), so that on a machine that
 * can run it `prisma migrate status` agrees.
 *
 * - Concurrency: the whole run holds Prisma's advisory lock, so two runners (or a runner and
 *   `prisma migrate deploy`) never interleave; the second sees the first's work and does nothing.
 * - Atomicity: each migration and its bookkeeping row commit in one transaction; a failure rolls
 *   the migration back completely and throws MigrationError naming it, with the database's error.
 */
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { SqlConnection } from "./sql";

/** Prisma's migrate advisory lock key, shared so both tools exclude each other. */
const PRISMA_ADVISORY_LOCK = 72707369;

export const MIGRATIONS_DIR = resolve("prisma", "migrations");

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  override name = "MigrationError";
  constructor(
    readonly migration: string,
    readonly databaseError: string,
    options?: ErrorOptions,
  ) {
    super(`Migration ${migration} failed and was rolled back: ${databaseError}`, options);
  }
}

export function checksum(sql: string): string {
  return createHash("sha256").update(sql).digest("hex");
}

/** Migrations in the folder, oldest first (folder names start with a timestamp). */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: checksum(sql) };
    });
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
  warnings: string[];
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export async function migrate(conn: SqlConnection, migrations: Migration[] = readMigrations()): Promise<MigrateResult> {
  const result: MigrateResult = { applied: [], alreadyApplied: [], warnings: [] };
  await conn.query(`SELECT pg_advisory_lock(${PRISMA_ADVISORY_LOCK})`);
  try {
    await conn.exec(CREATE_TABLE);
    const rows = await conn.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
    );
    const done = new Map(rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => [r.migration_name, r]));
    const failed = rows.filter((r) => r.finished_at === null && r.rolled_back_at === null).map((r) => r.migration_name);
    if (failed.length > 0) {
      // Left by `prisma migrate deploy` (this runner never leaves one): Prisma refuses too (P3009).
      throw new MigrationError(failed[0]!, "a previous attempt is recorded as failed; resolve it with `prisma migrate resolve` first");
    }
    const local = new Set(migrations.map((m) => m.name));
    for (const name of done.keys()) {
      if (!local.has(name)) result.warnings.push(`${name} is applied in the database but missing from prisma/migrations`);
    }
    for (const migration of migrations) {
      const applied = done.get(migration.name);
      if (applied) {
        if (applied.checksum !== migration.checksum) {
          result.warnings.push(`${migration.name} was modified after it was applied (checksum differs)`);
        }
        result.alreadyApplied.push(migration.name);
        continue;
      }
      await applyOne(conn, migration);
      result.applied.push(migration.name);
    }
    return result;
  } finally {
    await conn.query(`SELECT pg_advisory_unlock(${PRISMA_ADVISORY_LOCK})`).catch(() => {});
  }
}

async function applyOne(conn: SqlConnection, migration: Migration): Promise<void> {
  await conn.exec("BEGIN");
  try {
    const id = randomUUID();
    await conn.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
      [id, migration.checksum, migration.name],
    );
    await conn.exec(migration.sql);
    await conn.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
    await conn.exec("COMMIT");
  } catch (error) {
    await conn.exec("ROLLBACK").catch(() => {});
    throw new MigrationError(migration.name, (error as Error).message, { cause: error });
  }
}
