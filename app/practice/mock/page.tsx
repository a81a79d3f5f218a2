import Link from "next/link";
import { MockSetup } from "@/app/_components/practice/mock";
import { getSessionUser } from "@/app/_server/auth";
import { db } from "@/app/_server/db";
import { practiceCatalog } from "@/app/_server/practice/catalog";
import { activeMock } from "@/app/_server/practice/mock";

export const metadata = { title: "Mock interview" };

export default async function MockPage() {
  const user = await getSessionUser();
  const prisma = user ? await db() : null;
  const active = user && prisma ? await activeMock(prisma, user.id, new Date()) : null;
  const recent =
    user && prisma
      ? await prisma.mockInterview.findMany({ where: { userId: user.id, finishedAt: { not: null } }, orderBy: { startedAt: "desc" }, take: 5, select: { id: true, startedAt: true, questionIds: true } })
      : [];
  return (
    <>
      <h1>Mock interview</h1>
      <p className="muted" style={{ maxWidth: "44rem" }}>
        A timed set of questions across topics. There is no feedback until you finish; then every answer is reviewed with its
        explanation. If you reload or close the tab, the interview resumes where you were — the clock keeps running.
      </p>
      {active && (
        <p className="alert success">
          You have an interview in progress. <Link href={`/practice/mock/${active.id}`}>Resume it</Link>
        </p>
      )}
      <MockSetup topics={practiceCatalog().topics} />
      {recent.length > 0 && (
        <section aria-labelledby="recent" style={{ marginTop: "2rem" }}>
          <h2 id="recent">Your recent interviews</h2>
          <ul>
            {recent.map((m) => (
              <li key={m.id}>
                <Link href={`/practice/mock/${m.id}`}>
                  {m.startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC — {m.questionIds.length} questions
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
