import { NextResponse } from "next/server";
import { route } from "@/app/_server/http";
import { reviewQueue } from "@/app/_server/practice/review";
import { queueQuery, signedIn } from "@/app/_server/practice/session";

/** GET /api/practice/due?limit=&since= → {signedIn, due, dueTotal, reviewedToday} (signed out: {signedIn: false}). */
export const GET = route(async (request) => {
  const s = await signedIn();
  if (!s) return NextResponse.json({ signedIn: false }, { headers: { "cache-control": "no-store" } });
  const now = new Date();
  const q = await reviewQueue(s.prisma, s.userId, { now, ...queueQuery(request, now) });
  return NextResponse.json({ signedIn: true, due: q.queue.length, dueTotal: q.dueTotal, reviewedToday: q.reviewedToday }, { headers: { "cache-control": "no-store" } });
});
