"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "../_server/authz";
import { db } from "../_server/db";
import { env } from "../_server/env";

export type ActionResult = { ok: true; message: string } | { ok: false; message: string };

/** A learner turns their account into a teacher account, when the site allows it (TEACHER_SIGNUP=open). */
export async function becomeTeacher(): Promise<ActionResult> {
  const user = await requireUser("/account");
  if (user.role !== "LEARNER") return { ok: true, message: "Your account can already teach." };
  if (env().TEACHER_SIGNUP !== "open") {
    return { ok: false, message: "On this site, teacher accounts are granted by an administrator." };
  }
  await (await db()).user.update({ where: { id: user.id }, data: { role: "TEACHER" } });
  revalidatePath("/", "layout");
  return { ok: true, message: "Your account is now a teacher account." };
}
