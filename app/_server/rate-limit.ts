/**
 * Sign-in rate limiting, per account and per IP, kept in the database (AuthAttempt) so the limit
 * holds across several app instances. A key is locked once it has `max` failures inside the
 * window; it unlocks when the oldest of those leaves the window. A successful sign-in clears the
 * account's failures (not the IP's).
 */
import type { Db } from "./db/client";

export interface Limit {
  max: number;
  windowMs: number;
}

export const SIGN_IN_LIMITS = {
  account: { max: 5, windowMs: 15 * 60_000 },
  ip: { max: 20, windowMs: 15 * 60_000 },
} satisfies Record<string, Limit>;

export type LimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Keys for one sign-in: the account always, the IP when known. */
export function signInKeys(email: string, ip: string | null): Array<{ key: string; limit: Limit }> {
  const keys = [{ key: `email:${email}`, limit: SIGN_IN_LIMITS.account }];
  if (ip) keys.push({ key: `ip:${ip}`, limit: SIGN_IN_LIMITS.ip });
  return keys;
}

export async function checkLimits(prisma: Db, keys: Array<{ key: string; limit: Limit }>, now = new Date()): Promise<LimitDecision> {
  let wait = 0;
  for (const { key, limit } of keys) {
    const recent = await prisma.authAttempt.findMany({
      where: { key, success: false, createdAt: { gt: new Date(now.getTime() - limit.windowMs) } },
      orderBy: { createdAt: "desc" },
      take: limit.max,
      select: { createdAt: true },
    });
    if (recent.length >= limit.max) {
      const oldest = recent[recent.length - 1]!.createdAt.getTime();
      wait = Math.max(wait, oldest + limit.windowMs - now.getTime());
    }
  }
  return wait > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) } : { allowed: true };
}

export async function recordAttempt(
  prisma: Db,
  keys: Array<{ key: string; limit: Limit }>,
  success: boolean,
  now = new Date(),
): Promise<void> {
  await prisma.authAttempt.createMany({ data: keys.map(({ key }) => ({ key, success, createdAt: now })) });
  if (success) {
    const accountKey = keys[0]!.key;
    await prisma.authAttempt.deleteMany({ where: { key: accountKey, success: false } });
  }
  // Keep the table small: nothing older than a day matters to any limit.
  await prisma.authAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 24 * 3_600_000) } } });
}
