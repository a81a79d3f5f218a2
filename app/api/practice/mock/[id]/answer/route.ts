import { NextResponse } from "next/server";
import { z } from "zod";
import { readJson, route } from "@/app/_server/http";
import { saveMockAnswer } from "@/app/_server/practice/mock";
import { requireSignedIn } from "@/app/_server/practice/session";

const body = z.object({ questionId: z.string().min(1).max(100), answer: z.unknown() }).strict();

/** POST /api/practice/mock/:id/answer {questionId, answer} → 204. Saved, not graded. 409 finished or out of time. */
export const POST = route(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const s = await requireSignedIn();
  const { id } = await params;
  const { questionId, answer } = await readJson(request, body, 64 * 1024);
  await saveMockAnswer(s.prisma, s.userId, id, questionId, answer, new Date());
  return new NextResponse(null, { status: 204 });
});
