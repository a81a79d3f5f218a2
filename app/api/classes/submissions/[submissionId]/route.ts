/** GET a submission's status and results (for polling "queued" → "graded"). */
import { NextResponse } from "next/server";
import { getSessionUser } from "@/app/_server/auth";
import { submissionView } from "@/app/_server/classes/assignments";
import { db } from "@/app/_server/db";
import { route } from "@/app/_server/http";

export const GET = route(async (_request: Request, { params }: { params: Promise<{ submissionId: string }> }) => {
  const { submissionId } = await params;
  const view = await submissionView(await db(), await getSessionUser(), submissionId);
  return NextResponse.json(view, { headers: { "cache-control": "no-store" } });
});
