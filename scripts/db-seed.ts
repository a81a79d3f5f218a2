/** `npm run db:seed`: the demo teacher, student and class (idempotent). */
import "./load-env";
import { openDb } from "@/app/_server/db/client";
import { describeTarget, parseDatabaseUrl } from "@/app/_server/db/target";
import { env } from "@/app/_server/env";
import { seed } from "@/prisma/seed";
import { fail } from "./cli-errors";

export async function runSeed(): Promise<void> {
  const target = parseDatabaseUrl(env().DATABASE_URL);
  const db = await openDb(target);
  try {
    const { created } = await seed(db.prisma);
    console.log(`db:seed: ${describeTarget(target)}: ${created.length ? `created ${created.join(", ")}` : "demo data already present"}`);
  } finally {
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runSeed().catch(fail);
}
