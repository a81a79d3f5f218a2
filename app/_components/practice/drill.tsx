"use client";

/** A topic drill (one question at a time, feedback after each) and the single-question page. */
import Link from "next/link";
import { useRef, useState } from "react";
import type { PublicQuestion } from "@/app/_lib/questions/public";
import { AnswerPanel, type AnswerResponse } from "./answer-panel";
import { DIFFICULTY } from "./browse";
import { TYPE_LABEL } from "./question";

export function QuestionMeta({ question, topicTitle }: { question: PublicQuestion; topicTitle?: string }) {
  return (
    <p className="question-meta">
      {topicTitle && <span className="badge">{topicTitle}</span>}
      <span className="badge">{TYPE_LABEL[question.type]}</span>
      <span className="badge">{DIFFICULTY[question.difficulty]}</span>
    </p>
  );
}

export function QuestionPage({ question, topicTitle }: { question: PublicQuestion; topicTitle: string }) {
  return <AnswerPanel question={question} mode="BROWSE" heading={<QuestionMeta question={question} topicTitle={topicTitle} />} />;
}

export function Drill({ questions, topicTitles, again }: { questions: PublicQuestion[]; topicTitles: Record<string, string>; again: string | null }) {
  const [index, setIndex] = useState(0);
  const [results, setResults] = useState<Record<string, AnswerResponse>>({});
  const headingRef = useRef<HTMLHeadingElement>(null);
  const done = index >= questions.length;
  const q = questions[index];

  const next = () => {
    setIndex((i) => i + 1);
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  if (done) {
    const right = questions.filter((x) => results[x.id]?.result.correct).length;
    const missed = questions.filter((x) => !results[x.id]?.result.correct).map((x) => x.id);
    return (
      <section aria-labelledby="drill-done">
        <h2 id="drill-done" ref={headingRef} tabIndex={-1}>
          Drill complete: {right} of {questions.length} right
        </h2>
        <ul>
          {questions.map((x) => (
            <li key={x.id}>
              <span className={results[x.id]?.result.correct ? "status-right" : "status-wrong"}>{results[x.id]?.result.correct ? "✓" : "✗"}</span>{" "}
              <Link href={`/practice/questions/${x.id}`}>{x.prompt.split("\n")[0]!.replace(/[`*_]/g, "").slice(0, 120)}</Link>
            </li>
          ))}
        </ul>
        <div className="practice-actions">
          {missed.length > 0 && (
            <Link className="button" href={`/practice/drill?ids=${missed.join(",")}`}>
              Retry the {missed.length} I missed
            </Link>
          )}
          {again && (
            <Link className="button secondary" href={again}>
              Another drill on this topic
            </Link>
          )}
          <Link className="button secondary" href="/practice/review">
            Go to the review queue
          </Link>
        </div>
      </section>
    );
  }

  return (
    <>
      <h2 ref={headingRef} tabIndex={-1} className="practice-label" style={{ fontSize: "1rem" }}>
        Question {index + 1} of {questions.length}
      </h2>
      <AnswerPanel
        key={q!.id}
        question={q!}
        mode="DRILL"
        heading={<QuestionMeta question={q!} topicTitle={topicTitles[q!.topic]} />}
        onAnswered={(r) => setResults((s) => ({ ...s, [q!.id]: r }))}
      />
      {results[q!.id] && (
        <div className="practice-actions">
          <button type="button" className="button" onClick={next}>
            {index + 1 < questions.length ? "Next question" : "See how the drill went"}
          </button>
        </div>
      )}
    </>
  );
}
