/**
 * The migration runner: idempotent, safe under concurrency (advisory lock), atomic per migration,
 * and compatible with Prisma's `_prisma_migrations` bookkeeping.
 */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checksum, migrate, MigrationError, readMigrations, type Migration } from "@/app/_server/db/migrate";
import { openSql, type SqlConnection } from "@/app/_server/db/sql";
import { databaseKinds, type TestDatabase } from "../helpers/databases";

const migration = (name: string, sql: string): Migration => ({ name, sql, checksum: checksum(sql) });

describe.each(databaseKinds)("migration runner on $name", (kind) => {
  let db: TestDatabase;
  let conn: SqlConnection;
  afterEach(async () => {
    await conn?.close();
    await db?.drop();
  });
  const open = async () => {
    db = await kind.create();
    conn = await openSql(db.target);
    return conn;
  };

  it("applies every migration once and records it as Prisma does", async () => {
    await open();
    const all = readMigrations();
    expect(all.length).toBeGreaterThan(0);
    const first = await migrate(conn, all);
    expect(first.applied).toEqual(all.map((m) => m.name));
    const rows = await conn.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number; id: string }>(
      `SELECT id, migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY started_at`,
    );
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual(all.map((m) => [m.name, m.checksum, 1]));
    expect(rows.every((r) => r.finished_at !== null && /^[0-9a-f-]{36}$/.test(r.id))).toBe(true);

    const second = await migrate(conn, all);
    expect(second).toEqual({ applied: [], alreadyApplied: all.map((m) => m.name), warnings: [] });
  });

  it("rolls a failing migration back completely and names it with the database's error", async () => {
    await open();
    const good = migration("20990101000000_good", `CREATE TABLE "Good" (id INT);`);
    const bad = migration("20990102000000_bad", `CREATE TABLE "Half" (id INT);\nINSERT INTO "Nope" VALUES (1);`);
    const error = await migrate(conn, [good, bad]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).message).toMatch(/^Migration 20990102000000_bad failed and was rolled back: .*"Nope"/);
    const tables = await conn.query<{ t: string }>(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema='public'`);
    expect(tables.map((r) => r.t)).toContain("Good");
    expect(tables.map((r) => r.t)).not.toContain("Half");
    const recorded = await conn.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations"`);
    expect(recorded.map((r) => r.migration_name)).toEqual([good.name]);
    // Fixed, it applies on the next run.
    const fixed = migration(bad.name, `CREATE TABLE "Half" (id INT);`);
    expect((await migrate(conn, [good, fixed])).applied).toEqual([bad.name]);
  });

  it("warns when an applied migration was edited or is missing locally", async () => {
    await open();
    const a = migration("20990101000000_a", `CREATE TABLE "A" (id INT);`);
    const b = migration("20990102000000_b", `CREATE TABLE "B" (id INT);`);
    await migrate(conn, [a, b]);
    const result = await migrate(conn, [migration(a.name, `CREATE TABLE "A" (id BIGINT);`)]);
    expect(result.warnings).toEqual([
      "20990102000000_b is applied in the database but missing from prisma/migrations",
      "20990101000000_a was modified after it was applied (checksum differs)",
    ]);
  });

  it("refuses to go on past a failed attempt recorded by `prisma migrate deploy`", async () => {
    await open();
    await migrate(conn, []);
    await conn.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ('00000000-0000-0000-0000-000000000000', 'x', '20990101000000_broken')`);
    await expect(migrate(conn, [])).rejects.toThrow(/20990101000000_broken failed.*prisma migrate resolve/);
  });
});

function runMigrateCli(databaseUrl: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/db-migrate.ts"], {
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "test" },
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) => resolve({ code, out }));
  });
}

describe("npm run db:migrate from two processes at once", () => {
  it("on an embedded database folder: both succeed, the migrations apply once", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "lambda-lab-")), "pglite");
    const [a, b] = await Promise.all([runMigrateCli(`pglite:${dir}`), runMigrateCli(`pglite:${dir}`)]);
    expect([a.code, b.code], a.out + b.out).toEqual([0, 0]);
    // The second waited for the folder's lock, then found nothing left to do.
    expect([a.out, b.out].filter((o) => o.includes("applied")).length).toBe(1);
    expect([a.out, b.out].filter((o) => o.includes("up to date")).length).toBe(1);
  }, 60_000);

  const pgKind = databaseKinds.find((k) => k.name === "postgres");
  it.runIf(pgKind)("on PostgreSQL: the advisory lock serialises them, the migrations apply once", async () => {
    const db = await pgKind!.create();
    try {
      const url = db.target.kind === "postgres" ? db.target.url : "";
      const [a, b] = await Promise.all([runMigrateCli(url), runMigrateCli(url)]);
      expect([a.code, b.code], a.out + b.out).toEqual([0, 0]);
      expect([a.out, b.out].filter((o) => o.includes("applied")).length).toBe(1);
      expect([a.out, b.out].filter((o) => o.includes("up to date")).length).toBe(1);
    } finally {
      await db.drop();
    }
  }, 60_000);

  it("exits 1 with a clear message for an unreachable server", async () => {
    const result = await runMigrateCli("postgresql://nobody@127.0.0.1:1/nothing");
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^error: Cannot connect to PostgreSQL at postgresql:\/\/nobody@127\.0\.0\.1:1\/nothing \(ECONNREFUSED/m);
    expect(result.out).not.toMatch(/\n\s+at /); // no stack trace
  }, 30_000);
});
