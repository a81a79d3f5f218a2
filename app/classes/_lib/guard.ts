/** Pages call the same checked functions as actions; an HttpError becomes sign-in, 403 or 404 here. */
import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { getSessionUser } from "@/app/_server/auth";
import type { Actor } from "@/app/_server/classes/access";
import { db, type Db } from "@/app/_server/db";
import { HttpError } from "@/app/_server/http";

export async function guarded<T>(returnTo: string, fn: (prisma: Db, actor: Actor | null) => Promise<T>): Promise<T> {
  const actor = await getSessionUser();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  try {
    return await fn(await db(), actor);
  } catch (error) {
    if (error instanceof HttpError) {
      if (error.status === 401) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
      if (error.status === 404) notFound();
      if (error.status === 403) forbidden();
    }
    throw error;
  }
}

export { formatDate } from "./format";
