import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { toPublicQuestion } from "@/app/_lib/questions/public";
import { QuestionPage } from "@/app/_components/practice/drill";
import { findQuestion, questionBank } from "@/app/_server/content/questions";
import { practiceCatalog } from "@/app/_server/practice/catalog";

type Params = { id: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { id } = await params;
  const entry = practiceCatalog().bank.find((q) => q.id === id);
  return entry ? { title: `Question: ${entry.title.slice(0, 60)}` } : {};
}

export default async function PracticeQuestionPage({ params }: { params: Promise<Params> }) {
  const { id } = await params;
  const q = findQuestion(id);
  if (!q) notFound();
  const all = questionBank().questions;
  const index = all.findIndex((x) => x.id === id);
  const next = all[index + 1];
  const topic = practiceCatalog().topics.find((t) => t.id === q.topic);
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/practice">Question bank</Link> › {topic?.title ?? q.topic}
      </nav>
      <h1>Practice question</h1>
      <QuestionPage question={toPublicQuestion(q, "bank")} topicTitle={topic?.title ?? q.topic} />
      <p>{next ? <Link href={`/practice/questions/${next.id}`}>Next question in the bank →</Link> : <Link href="/practice">Back to the bank</Link>}</p>
    </>
  );
}
