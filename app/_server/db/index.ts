/**
 * The application's database handle (STYLE.md point 2): `await db()` anywhere on the server.
 * One client per process, kept on globalThis so development hot reloads reuse it. A failed first
 * connection is not cached: the next call tries again.
 */
import "server-only";
import { env } from "../env";
import { openDb, type Db } from "./client";
import { parseDatabaseUrl } from "./target";

const holder = globalThis as typeof globalThis & { __lambdaLabDb?: Promise<Db> };

export function db(): Promise<Db> {
  if (!holder.__lambdaLabDb) {
    const opening = openDb(parseDatabaseUrl(env().DATABASE_URL)).then((open) => open.prisma);
    holder.__lambdaLabDb = opening;
    opening.catch(() => {
      if (holder.__lambdaLabDb === opening) holder.__lambdaLabDb = undefined;
    });
  }
  return holder.__lambdaLabDb;
}

export type { Db } from "./client";
