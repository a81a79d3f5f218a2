/**
 * Server-side access checks for pages and actions. Pages for teachers are refused on the server
 * (403 via forbidden()), never only hidden in the UI.
 */
import "server-only";
import { forbidden, redirect } from "next/navigation";
import type { Role } from "@/prisma/generated/enums";
import { getSessionUser, type SessionUser } from "./auth";

/** The signed-in user, or a redirect to the sign-in page that comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** The signed-in user if their role is one of `roles`; otherwise 403 (or sign in first). */
export async function requireRole(roles: readonly Role[], returnTo: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (!roles.includes(user.role)) forbidden();
  return user;
}

export const TEACHING_ROLES = ["TEACHER", "ADMIN"] as const satisfies readonly Role[];
