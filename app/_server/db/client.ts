/**
 * The Prisma client: one per process, on the adapter DATABASE_URL selects
 * (pglite-prisma-adapter for the embedded database, @prisma/adapter-pg for a server).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/prisma/generated/client";
import { closePglite, openPglite } from "./pglite";
import { unreachable } from "./sql";
import type { DatabaseTarget } from "./target";

export type Db = PrismaClient;

export interface OpenDb {
  prisma: PrismaClient;
  close(): Promise<void>;
}

/** Opens a new client and proves the database answers; throws a clear error when it does not. */
export async function openDb(target: DatabaseTarget): Promise<OpenDb> {
  if (target.kind === "pglite") {
    let pglite;
    try {
      pglite = await openPglite(target.dataDir);
    } catch (error) {
      if ((error as Error).name === "DatabaseBusyError") throw error;
      throw unreachable(target, error);
    }
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    return {
      prisma,
      async close() {
        await prisma.$disconnect();
        await closePglite(pglite);
      },
    };
  }
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: target.url, connectionTimeoutMillis: 10_000 }),
  });
  try {
    await prisma.$queryRaw`SELECT 1`;
  } catch (error) {
    await prisma.$disconnect().catch(() => {});
    throw unreachable(target, error);
  }
  return { prisma, close: () => prisma.$disconnect() };
}
