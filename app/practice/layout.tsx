import type { ReactNode } from "react";
import { PracticeNav } from "../_components/practice/practice-nav";
import { PracticeProvider } from "../_components/practice/practice-provider";
import { getSessionUser } from "../_server/auth";
import { db } from "../_server/db";
import { practiceHistory } from "../_server/practice/data";
import "../_components/practice/practice.css";

export default async function PracticeLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  const initial = user ? await practiceHistory(await db(), user.id) : null;
  return (
    <PracticeProvider initial={initial} signedIn={user !== null}>
      <div className="container page practice">
        <PracticeNav />
        {children}
      </div>
    </PracticeProvider>
  );
}
