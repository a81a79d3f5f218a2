import { NextResponse } from "next/server";
import { route } from "@/app/_server/http";
import { undoLastRating } from "@/app/_server/practice/review";
import { requireSignedIn } from "@/app/_server/practice/session";

/** POST /api/practice/review/undo → {questionId, card}: the last rating undone. 409 when there is none. */
export const POST = route(async () => {
  const s = await requireSignedIn();
  return NextResponse.json(await undoLastRating(s.prisma, s.userId, new Date()));
});
