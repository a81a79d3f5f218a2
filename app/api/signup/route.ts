import { NextResponse } from "next/server";
import { z } from "zod";
import { registerUser } from "@/app/_server/accounts";
import { acceptInvites } from "@/app/_server/classes/classes";
import { db } from "@/app/_server/db";
import { readJson, route } from "@/app/_server/http";

const body = z.object({ name: z.unknown(), email: z.unknown(), password: z.unknown() });

/** POST /api/signup {name, email, password} → 201 {user} | 409 duplicate | 422 field errors. */
export const POST = route(async (request) => {
  const input = await readJson(request, body, 4 * 1024);
  const prisma = await db();
  const result = await registerUser(prisma, input);
  if (result.ok) {
    // A new account whose email a teacher invited joins those classes at once (issue 8).
    await acceptInvites(prisma, result.user).catch((error: unknown) => console.warn("sign-up: class invites were not accepted", error));
    return NextResponse.json({ user: result.user }, { status: 201 });
  }
  const duplicate = result.fieldErrors.email?.startsWith("An account with this email already exists");
  return NextResponse.json({ error: "Please correct the highlighted fields.", fieldErrors: result.fieldErrors }, { status: duplicate ? 409 : 422 });
});
