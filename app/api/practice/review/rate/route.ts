import { NextResponse } from "next/server";
import { z } from "zod";
import { readJson, route } from "@/app/_server/http";
import { rateReviewCard } from "@/app/_server/practice/review";
import { requireSignedIn } from "@/app/_server/practice/session";
import { ratingSchema } from "@/app/practice/_lib/fsrs";

const body = z.object({ questionId: z.string().min(1).max(100), rating: ratingSchema }).strict();

/** POST /api/practice/review/rate {questionId, rating 1–4} → {card}. 404 no card, 409 not due. */
export const POST = route(async (request) => {
  const s = await requireSignedIn();
  const { questionId, rating } = await readJson(request, body, 1024);
  return NextResponse.json(await rateReviewCard(s.prisma, s.userId, questionId, rating, new Date()));
});
