import { NextResponse } from "next/server";
import { toPublicQuestion } from "@/app/_lib/questions/public";
import { findQuestion } from "@/app/_server/content/questions";
import { HttpError, route } from "@/app/_server/http";

/** GET /api/practice/questions?ids=a,b → the questions as learners may see them (answers stripped); unknown ids are left out. */
export const GET = route(async (request) => {
  const ids = (new URL(request.url).searchParams.get("ids") ?? "").split(",").filter(Boolean);
  if (ids.length > 100) throw new HttpError(400, "At most 100 ids at a time.");
  const questions = ids.flatMap((id) => {
    const q = findQuestion(id);
    return q ? [toPublicQuestion(q, "review")] : [];
  });
  return NextResponse.json({ questions });
});
