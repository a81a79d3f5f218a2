/** Route-handler helpers for practice: who is asking, and the review queue's query parameters. */
import "server-only";
import { z } from "zod";
import { DEFAULT_DAILY_LIMIT, startOfDay } from "@/app/practice/_lib/fsrs";
import { getSessionUser } from "../auth";
import { db } from "../db";
import type { Db } from "../db/client";
import { HttpError } from "../http";

export async function signedIn(): Promise<{ prisma: Db; userId: string } | null> {
  const user = await getSessionUser();
  return user ? { prisma: await db(), userId: user.id } : null;
}

export async function requireSignedIn(): Promise<{ prisma: Db; userId: string }> {
  const s = await signedIn();
  if (!s) throw new HttpError(401, "Sign in to do this.");
  return s;
}

const queueParams = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(DEFAULT_DAILY_LIMIT),
  since: z.iso.datetime().optional(),
});

/** `?limit=` (the daily limit) and `?since=` (the start of the learner's day, ISO; default UTC midnight). */
export function queueQuery(request: Request, now: Date): { dailyLimit: number; since: Date } {
  const url = new URL(request.url);
  const parsed = queueParams.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) throw new HttpError(400, "limit must be 1–500 and since an ISO time.");
  const since = parsed.data.since ? new Date(parsed.data.since) : startOfDay(now);
  if (now.getTime() - since.getTime() > 86_400_000 * 2 || since > now) throw new HttpError(400, "since must be the start of today.");
  return { dailyLimit: parsed.data.limit, since };
}
