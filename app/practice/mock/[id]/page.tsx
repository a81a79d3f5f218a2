import { notFound } from "next/navigation";
import { MockResultsView, ServerMock } from "@/app/_components/practice/mock";
import { requireUser } from "@/app/_server/authz";
import { db } from "@/app/_server/db";
import { HttpError } from "@/app/_server/http";
import { practiceCatalog } from "@/app/_server/practice/catalog";
import { getMock, gradeMock, publicQuestions } from "@/app/_server/practice/mock";
import { resumePoint } from "../../_lib/mock";

export const metadata = { title: "Mock interview" };

export default async function MockInterviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/practice/mock/${id}`);
  const prisma = await db();
  const row = await getMock(prisma, user.id, id).catch((e: unknown) => {
    if (e instanceof HttpError && e.status === 404) notFound();
    throw e;
  });
  const { topics, lessonTitles } = practiceCatalog();
  const topicTitles = Object.fromEntries(topics.map((t) => [t.id, t.title]));
  const phase = resumePoint({ questionIds: row.questionIds, answers: row.answers as Record<string, unknown>, endsAt: row.endsAt.toISOString(), finishedAt: row.finishedAt?.toISOString() ?? null }, new Date());
  if (phase.phase === "results") {
    const results = await gradeMock(row.questionIds, row.answers, row.id);
    return (
      <>
        <h1>Mock interview results</h1>
        <MockResultsView results={results} topicTitles={topicTitles} lessonTitles={lessonTitles} />
      </>
    );
  }
  return (
    <>
      <h1>Mock interview</h1>
      <ServerMock id={row.id} questions={publicQuestions(row.questionIds, row.id)} answers={row.answers as Record<string, unknown>} endsAt={row.endsAt.toISOString()} topicTitles={topicTitles} />
    </>
  );
}
