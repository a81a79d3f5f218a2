/**
 * The real databases integration tests run against: an in-memory PGlite always, and a fresh
 * database on the PostgreSQL server named by TEST_DATABASE_URL when it is set (CI sets it).
 * No mocks: every test talks SQL to a real Postgres. Free of Vitest, so benchmarks use it too;
 * `useMigratedDb` (databases.ts) wraps it for a describe block.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDb, type OpenDb } from "@/app/_server/db/client";
import { migrate } from "@/app/_server/db/migrate";
import { openSql, type SqlConnection } from "@/app/_server/db/sql";
import type { DatabaseTarget } from "@/app/_server/db/target";

export interface TestDatabase {
  target: DatabaseTarget;
  /** Drops the database (PostgreSQL) when the test is done. */
  drop(): Promise<void>;
}

export interface DatabaseKind {
  name: "pglite" | "postgres";
  create(): Promise<TestDatabase>;
}

const pglite: DatabaseKind = {
  name: "pglite",
  async create() {
    return { target: { kind: "pglite", dataDir: null }, drop: async () => {} };
  },
};

/** Creates an empty database on the TEST_DATABASE_URL server, named uniquely for this test. */
function postgres(adminUrl: string): DatabaseKind {
  return {
    name: "postgres",
    async create() {
      const name = `lambdalab_test_${randomBytes(6).toString("hex")}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return {
        target: { kind: "postgres", url: url.toString(), display: url.toString() },
        async drop() {
          const client = new pg.Client({ connectionString: adminUrl });
          await client.connect();
          await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
          await client.end();
        },
      };
    },
  };
}

// TEST_DATABASE_URL is the one variable tests read directly: it configures the harness, not the app.
const testDatabaseUrl = process.env.TEST_DATABASE_URL;

/** Every database kind to run a suite against: use with `describe.each(databaseKinds)`. */
export const databaseKinds: DatabaseKind[] = testDatabaseUrl ? [pglite, postgres(testDatabaseUrl)] : [pglite];

export interface MigratedDb extends OpenDb {
  sql: SqlConnection;
  drop(): Promise<void>;
}

/**
 * A fresh, fully migrated database with a Prisma client. For PGlite the raw connection and the
 * client share one in-memory instance.
 */
export async function migratedDb(kind: DatabaseKind): Promise<MigratedDb> {
  const db = await kind.create();
  if (db.target.kind === "pglite") {
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    const { PrismaClient } = await import("@/prisma/generated/client");
    const { pgliteConnection } = await import("@/app/_server/db/sql");
    const instance = new PGlite();
    await instance.waitReady;
    const sql = pgliteConnection(instance, db.target, true);
    await migrate(sql);
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(instance) });
    return {
      prisma,
      sql,
      async close() {
        await prisma.$disconnect();
        await instance.close();
      },
      drop: () => db.drop(),
    };
  }
  const sql = await openSql(db.target);
  await migrate(sql);
  const open = await openDb(db.target);
  return {
    ...open,
    sql,
    async close() {
      await open.close();
      await sql.close();
    },
    drop: () => db.drop(),
  };
}
