import { NextResponse } from "next/server";
import { toPublicQuestion } from "@/app/_lib/questions";
import { findQuestion } from "@/app/_server/content/questions";
import { route } from "@/app/_server/http";
import { reviewQueue } from "@/app/_server/practice/review";
import { queueQuery, requireSignedIn } from "@/app/_server/practice/session";

/** GET /api/practice/review?limit=&since= → today's queue: cards with their questions (answers stripped). */
export const GET = route(async (request) => {
  const s = await requireSignedIn();
  const now = new Date();
  const q = await reviewQueue(s.prisma, s.userId, { now, ...queueQuery(request, now) });
  const queue = q.queue.flatMap((card) => {
    const question = findQuestion(card.questionId);
    return question ? [{ card, question: toPublicQuestion(question, `review:${card.reps}`) }] : [];
  });
  return NextResponse.json({ queue, dueTotal: q.dueTotal, reviewedToday: q.reviewedToday }, { headers: { "cache-control": "no-store" } });
});
