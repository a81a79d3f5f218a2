import { NextResponse } from "next/server";
import { readJson, route } from "@/app/_server/http";
import { mergeLocalPractice, mergeSchema } from "@/app/_server/practice/merge";
import { requireSignedIn } from "@/app/_server/practice/session";

/** POST /api/practice/merge {attempts, cards} → {recorded, skipped}: a browser's anonymous practice, re-graded here. */
export const POST = route(async (request) => {
  const s = await requireSignedIn();
  const input = await readJson(request, mergeSchema, 2 * 1024 * 1024);
  return NextResponse.json(await mergeLocalPractice(s.prisma, s.userId, input, new Date()));
});
