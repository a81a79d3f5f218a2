/** Sign-up and sign-in against a real database: normalisation, duplicates, hashing, rate limits. */
import { describe, expect, it } from "vitest";
import { registerUser, signInErrorMessage, verifyCredentials } from "@/app/_server/accounts";
import { SIGN_IN_LIMITS } from "@/app/_server/rate-limit";
import { databaseKinds, useMigratedDb } from "../helpers/databases";

describe.each(databaseKinds)("accounts on $name", (kind) => {
  const db = useMigratedDb(kind);

  it("registers a user with a normalised email and a scrypt hash", async () => {
    const result = await registerUser(db().prisma, { name: " Grace ", email: "  Grace@Example.COM ", password: "hopper-1906" });
    expect(result).toMatchObject({ ok: true, user: { email: "grace@example.com", name: "Grace", role: "LEARNER" } });
    const row = await db().prisma.user.findUniqueOrThrow({ where: { email: "grace@example.com" } });
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    expect(row.passwordHash).not.toContain("hopper-1906");
  });

  it("refuses a duplicate email clearly, whatever its case", async () => {
    const result = await registerUser(db().prisma, { name: "G", email: "GRACE@example.com", password: "another-pass" });
    expect(result).toEqual({ ok: false, fieldErrors: { email: "An account with this email already exists. Sign in instead." } });
  });

  it("refuses two simultaneous sign-ups with one email (the unique index decides)", async () => {
    const input = { name: "Twin", email: "twin@example.com", password: "twin-password" };
    const results = await Promise.all([registerUser(db().prisma, input), registerUser(db().prisma, input)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db().prisma.user.count({ where: { email: "twin@example.com" } })).toBe(1);
  });

  it.each([
    [{ name: "", email: "a@b.co", password: "12345678" }, "name"],
    [{ name: "A", email: "not-an-email", password: "12345678" }, "email"],
    [{ name: "A", email: "a@b.co", password: "short" }, "password"],
    [{ name: "A", email: "a@b.co", password: "x".repeat(201) }, "password"],
    [{ name: 42, email: ["a@b.co"], password: null }, "name"],
  ])("rejects bad input %j on field %s", async (input, field) => {
    const result = await registerUser(db().prisma, input);
    expect(result.ok).toBe(false);
    expect(Object.keys((result as { fieldErrors: object }).fieldErrors)).toContain(field);
  });

  it("signs in with the right password (email case-insensitive) and refuses a wrong one", async () => {
    expect(await verifyCredentials(db().prisma, { email: "GRACE@example.com", password: "hopper-1906", ip: "10.0.0.1" })).toMatchObject({
      ok: true,
      user: { email: "grace@example.com" },
    });
    expect(await verifyCredentials(db().prisma, { email: "grace@example.com", password: "nope", ip: "10.0.0.1" })).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials(db().prisma, { email: "nobody@example.com", password: "nope", ip: null })).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials(db().prisma, { email: { $ne: 1 }, password: "x", ip: null })).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks an account after repeated failures, says how long to wait, and unlocks after the window", async () => {
    await registerUser(db().prisma, { name: "Lin", email: "lin@example.com", password: "lin-password" });
    const t0 = new Date("2026-01-01T10:00:00Z");
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    for (let i = 0; i < SIGN_IN_LIMITS.account.max; i++) {
      // Each from another IP: the account limit, not the IP limit, must trigger.
      await verifyCredentials(db().prisma, { email: "lin@example.com", password: "wrong", ip: `10.1.0.${i}` }, at(i));
    }
    const locked = await verifyCredentials(db().prisma, { email: "lin@example.com", password: "lin-password", ip: "10.1.1.1" }, at(60));
    expect(locked).toEqual({ ok: false, reason: "rate-limited", retryAfterSeconds: 15 * 60 - 60 });
    expect(signInErrorMessage(locked as Extract<typeof locked, { ok: false }>)).toBe("Too many sign-in attempts. Try again in 840 s.");
    // The oldest failure leaves the window 15 minutes after it happened.
    const later = await verifyCredentials(db().prisma, { email: "lin@example.com", password: "lin-password", ip: "10.1.1.1" }, at(15 * 60 + 1));
    expect(later.ok).toBe(true);
    // Success clears the account's failures.
    expect(await db().prisma.authAttempt.count({ where: { key: "email:lin@example.com", success: false } })).toBe(0);
  });

  it("limits one IP trying many accounts", async () => {
    const t0 = new Date("2026-02-01T10:00:00Z");
    for (let i = 0; i < SIGN_IN_LIMITS.ip.max; i++) {
      await verifyCredentials(db().prisma, { email: `victim${i}@example.com`, password: "guess", ip: "203.0.113.9" }, new Date(t0.getTime() + i));
    }
    const result = await verifyCredentials(db().prisma, { email: "grace@example.com", password: "hopper-1906", ip: "203.0.113.9" }, new Date(t0.getTime() + 5000));
    expect(result).toMatchObject({ ok: false, reason: "rate-limited" });
    // Another IP is unaffected.
    expect((await verifyCredentials(db().prisma, { email: "grace@example.com", password: "hopper-1906", ip: "203.0.113.10" }, new Date(t0.getTime() + 5000))).ok).toBe(true);
  });
});
