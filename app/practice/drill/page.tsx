import { randomUUID } from "node:crypto";
import Link from "next/link";
import { toPublicQuestion } from "@/app/_lib/questions/public";
import { Drill } from "@/app/_components/practice/drill";
import { findQuestion, questionBank } from "@/app/_server/content/questions";
import { practiceCatalog } from "@/app/_server/practice/catalog";
import { seededShuffle } from "@/app/_lib/seeded";

export const metadata = { title: "Topic drills" };

const DRILL_LENGTH = 5;

export default async function DrillPage({ searchParams }: { searchParams: Promise<{ topic?: string; ids?: string; n?: string }> }) {
  const { topic, ids, n } = await searchParams;
  const { topics } = practiceCatalog();
  const seed = randomUUID();
  let questionIds: string[] | null = null;
  let title = "";
  if (typeof ids === "string" && ids) {
    questionIds = ids.split(",").slice(0, 40).filter((id) => findQuestion(id));
    title = "Retry drill";
  } else if (typeof topic === "string" && topics.some((t) => t.id === topic)) {
    const count = Math.min(20, Math.max(3, Number(n) || DRILL_LENGTH));
    const pool = questionBank().questions.filter((q) => q.topic === topic);
    questionIds = seededShuffle(pool, seed)
      .slice(0, count)
      .sort((a, b) => a.difficulty - b.difficulty)
      .map((q) => q.id);
    title = `Drill: ${topics.find((t) => t.id === topic)!.title}`;
  }
  if (!questionIds || questionIds.length === 0) {
    return (
      <>
        <h1>Topic drills</h1>
        <p className="muted">Pick a topic: {DRILL_LENGTH} questions from it, with feedback after each answer.</p>
        <ul className="topic-grid" style={{ listStyle: "none", padding: 0 }}>
          {topics.map((t) => (
            <li key={t.id} className="card">
              <h2 style={{ fontSize: "1rem", margin: "0 0 0.3rem" }}>
                {t.number}. {t.title}
              </h2>
              <p className="muted">{t.questions} questions</p>
              <Link className="button" href={`/practice/drill?topic=${t.id}`} aria-label={`Start a drill on ${t.title}`}>
                Start a drill
              </Link>
            </li>
          ))}
        </ul>
      </>
    );
  }
  return (
    <>
      <h1>{title}</h1>
      <Drill key={seed} questions={questionIds.map((id) => toPublicQuestion(findQuestion(id)!, seed))} topicTitles={Object.fromEntries(topics.map((t) => [t.id, t.title]))} again={topic ? `/practice/drill?topic=${topic}` : null} />
    </>
  );
}
