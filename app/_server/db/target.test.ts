import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DatabaseUrlError, DEFAULT_PGLITE_DIR, parseDatabaseUrl, redact } from "./target";

describe("DATABASE_URL", () => {
  it("defaults to the embedded database in .data/pglite", () => {
    expect(parseDatabaseUrl(undefined)).toEqual({ kind: "pglite", dataDir: DEFAULT_PGLITE_DIR });
    expect(DEFAULT_PGLITE_DIR).toBe(join(process.cwd(), ".data", "pglite"));
  });

  it("accepts pglite folders and memory", () => {
    expect(parseDatabaseUrl("pglite:memory")).toEqual({ kind: "pglite", dataDir: null });
    expect(parseDatabaseUrl("pglite:./tmp/db")).toEqual({ kind: "pglite", dataDir: join(process.cwd(), "tmp", "db") });
  });

  it("accepts postgres URLs and hides the password when describing them", () => {
    const target = parseDatabaseUrl("postgresql://app:s3cret@db.internal:5432/lambda");
    expect(target).toMatchObject({ kind: "postgres", display: "postgresql://app:***@db.internal:5432/lambda" });
    expect(parseDatabaseUrl("postgres://localhost/x").kind).toBe("postgres");
  });

  it.each([
    ["not a url", /not a valid URL/],
    ["mysql://root@localhost/db", /"mysql:", which Lambda Lab does not support/],
    ["postgresql://localhost", /names no database/],
    ["pglite:", /needs a folder/],
  ])("refuses %s with a clear message", (url, message) => {
    expect(() => parseDatabaseUrl(url)).toThrow(DatabaseUrlError);
    expect(() => parseDatabaseUrl(url)).toThrow(message);
  });

  it("never prints a password in an error", () => {
    expect(() => parseDatabaseUrl("postgresql://u:hunter2@host")).toThrow(/u:\*\*\*@host/);
    expect(redact("postgresql://u:p@h/d")).toBe("postgresql://u:***@h/d");
  });
});
