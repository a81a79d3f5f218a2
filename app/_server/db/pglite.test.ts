import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { closePglite, DatabaseBusyError, openPglite } from "./pglite";

describe("the embedded database folder", () => {
  it("is created when missing (PGlite does not create parent folders)", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "ll-")), "nested", "pglite");
    const db = await openPglite(dir);
    expect((await db.query<{ n: number }>("SELECT 1 AS n")).rows).toEqual([{ n: 1 }]);
    await closePglite(db);
  }, 30_000);

  it("is held by one opener at a time: a second waits, then reports who holds it", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "ll-")), "pglite");
    const first = await openPglite(dir);
    // Simulate another live process holding the lock by rewriting it with our parent's pid.
    const { writeFileSync } = await import("node:fs");
    writeFileSync(`${dir}.lock`, String(process.ppid));
    const error = await openPglite(dir, { waitMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseBusyError);
    expect((error as Error).message).toMatch(new RegExp(`in use by process ${process.ppid}`));
    writeFileSync(`${dir}.lock`, String(process.pid));
    await closePglite(first);
    // Released: opens again.
    await closePglite(await openPglite(dir, { waitMs: 300 }));
  }, 30_000);

  it("takes over a lock left by a process that no longer exists", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "ll-")), "pglite");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(`${dir}.lock`, "2147483646");
    await closePglite(await openPglite(dir, { waitMs: 300 }));
  }, 30_000);
});
