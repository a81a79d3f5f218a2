import { NextResponse } from "next/server";
import { route } from "@/app/_server/http";
import { finishMock } from "@/app/_server/practice/mock";
import { requireSignedIn } from "@/app/_server/practice/session";

/** POST /api/practice/mock/:id/finish → the graded results (idempotent: a second call records nothing). */
export const POST = route(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const s = await requireSignedIn();
  const { id } = await params;
  return NextResponse.json(await finishMock(s.prisma, s.userId, id, new Date()));
});
