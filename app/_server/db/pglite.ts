/**
 * Opening the embedded database. PGlite is in-process and single-writer: one process may hold a
 * data folder at a time, so the folder is guarded by a lock file (pid inside) that a second
 * process waits on, then reports clearly instead of corrupting the data.
 */
import { PGlite } from "@electric-sql/pglite";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export class DatabaseBusyError extends Error {
  override name = "DatabaseBusyError";
}

const held = new Map<string, () => void>();

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function tryLock(lockFile: string): number | null {
  try {
    writeFileSync(lockFile, String(process.pid), { flag: "wx" });
    return null;
  } catch {
    const owner = Number(readFileSync(lockFile, "utf8"));
    if (!Number.isInteger(owner) || owner <= 0 || !pidAlive(owner)) {
      rmSync(lockFile, { force: true }); // stale: its process is gone
      return tryLock(lockFile);
    }
    return owner;
  }
}

async function lockFolder(dataDir: string, waitMs: number): Promise<() => void> {
  const lockFile = `${dataDir}.lock`;
  mkdirSync(dirname(lockFile), { recursive: true });
  const deadline = Date.now() + waitMs;
  for (;;) {
    const owner = tryLock(lockFile);
    if (owner === null || owner === process.pid) break;
    if (Date.now() >= deadline) {
      throw new DatabaseBusyError(
        `The embedded database in ${dataDir} is in use by process ${owner} (is the site already running?). ` +
          "Stop that process, or set DATABASE_URL to a PostgreSQL server to share one database between processes.",
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const release = () => {
    try {
      if (Number(readFileSync(lockFile, "utf8")) === process.pid) rmSync(lockFile, { force: true });
    } catch {
      // already gone
    }
  };
  process.once("exit", release);
  return release;
}

/** Opens PGlite in `dataDir` (created if missing), or in memory when `dataDir` is null. */
export async function openPglite(dataDir: string | null, { waitMs = 15_000 } = {}): Promise<PGlite> {
  if (dataDir === null) {
    const db = new PGlite();
    await db.waitReady;
    return db;
  }
  const release = await lockFolder(dataDir, waitMs);
  try {
    mkdirSync(dataDir, { recursive: true }); // PGlite does not create missing parents
    const db = new PGlite(dataDir);
    await db.waitReady;
    held.set(dataDir, release);
    return db;
  } catch (error) {
    release();
    throw error;
  }
}

/** Closes a PGlite opened by openPglite and releases its folder. */
export async function closePglite(db: PGlite): Promise<void> {
  const dataDir = db.dataDir;
  await db.close();
  if (dataDir) {
    held.get(dataDir)?.();
    held.delete(dataDir);
  }
}
