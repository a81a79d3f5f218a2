import { NextResponse } from "next/server";
import { z } from "zod";
import { readJson, route } from "@/app/_server/http";
import { gradeMock } from "@/app/_server/practice/mock";

const body = z
  .object({
    id: z.string().regex(/^local-[a-f0-9-]{36}$/),
    questionIds: z
      .array(z.string().min(1).max(100))
      .min(1)
      .max(40)
      .refine((ids) => new Set(ids).size === ids.length, "each question once"),
    answers: z.record(z.string().max(100), z.unknown()),
  })
  .strict();

/** POST /api/practice/mock/grade {id, questionIds, answers} → results of a signed-out learner's interview (nothing recorded). */
export const POST = route(async (request) => {
  const { id, questionIds, answers } = await readJson(request, body, 256 * 1024);
  return NextResponse.json(await gradeMock(questionIds, answers, id));
});
