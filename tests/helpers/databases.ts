/** Vitest's side of the test databases: see migrated-db.ts for what they are. */
import { afterAll, beforeAll } from "vitest";
import { migratedDb, type DatabaseKind, type MigratedDb } from "./migrated-db";

export * from "./migrated-db";

/**
 * A fresh migrated database for the enclosing describe block: created before its tests, closed
 * and dropped after them. Returns a getter (the database exists only once beforeAll has run).
 */
export function useMigratedDb(kind: DatabaseKind): () => MigratedDb {
  let db: MigratedDb | undefined;
  beforeAll(async () => {
    db = await migratedDb(kind);
  });
  afterAll(async () => {
    await db?.close();
    await db?.drop();
  });
  return () => {
    if (!db) throw new Error("useMigratedDb: the database is created in beforeAll");
    return db;
  };
}
