import type { ReactNode } from "react";
import { ProgressProvider } from "../_components/lesson/progress";
import { getSessionUser } from "../_server/auth";
import { db } from "../_server/db";
import { getProgress } from "../_server/progress";

export default async function LearnLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  const initial = user ? await getProgress(await db(), user.id) : null;
  return (
    <ProgressProvider initial={initial} signedIn={user !== null}>
      {children}
    </ProgressProvider>
  );
}
