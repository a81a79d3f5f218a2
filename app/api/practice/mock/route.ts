import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { readJson, route } from "@/app/_server/http";
import { newMockQuestions, publicQuestions, startMock } from "@/app/_server/practice/mock";
import { signedIn } from "@/app/_server/practice/session";
import { mockConfigSchema } from "@/app/practice/_lib/mock";

/**
 * POST /api/practice/mock {length, minutes, topics} → 201 a new interview. Signed in: a
 * MockInterview row ({id}); signed out: {id: "local-…"}, kept by the browser.
 */
export const POST = route(async (request) => {
  const config = await readJson(request, mockConfigSchema, 4 * 1024);
  const s = await signedIn();
  const now = new Date();
  if (s) {
    const row = await startMock(s.prisma, s.userId, config, now);
    return NextResponse.json({ id: row.id, local: false, config, questionIds: row.questionIds, startedAt: row.startedAt, endsAt: row.endsAt, questions: publicQuestions(row.questionIds, row.id) }, { status: 201 });
  }
  const id = `local-${randomUUID()}`;
  const questionIds = newMockQuestions(config, id);
  const endsAt = new Date(now.getTime() + config.minutes * 60_000);
  return NextResponse.json({ id, local: true, config, questionIds, startedAt: now, endsAt, questions: publicQuestions(questionIds, id) }, { status: 201 });
});
