"use client";

/** The question bank with filters: topic, difficulty, type, and the learner's own "not yet seen" and "got wrong". */
import Link from "next/link";
import { useMemo, useState } from "react";
import type { BankEntry, TopicInfo } from "@/app/_server/practice/catalog";
import { dueQueue } from "@/app/practice/_lib/fsrs";
import { latestByQuestion, streak } from "@/app/practice/_lib/stats";
import { localDayStart } from "./api";
import { usePractice } from "./practice-provider";
import { TYPE_LABEL } from "./question";

export const DIFFICULTY = { 1: "Easy", 2: "Medium", 3: "Hard" } as const;

export function useDue() {
  const { history, settings } = usePractice();
  const now = new Date();
  const since = localDayStart(now);
  const reviewedToday = history.ratings.filter((r) => r >= since).length;
  return { due: dueQueue(history.cards, now, settings.dailyLimit, reviewedToday).length, dueTotal: history.cards.filter((c) => c.due <= now.toISOString()).length, reviewedToday };
}

export function PracticeSummary() {
  const { history, ready } = usePractice();
  const { due } = useDue();
  const answered = history.attempts.length;
  const correct = history.attempts.filter((a) => a.correct).length;
  const seen = new Set(history.attempts.map((a) => a.questionId)).size;
  return (
    <div className="practice-stats" aria-busy={!ready}>
      <div className="stat">
        <span className="stat-value">{answered}</span>
        <span className="stat-label">answers ({seen} questions)</span>
      </div>
      <div className="stat">
        <span className="stat-value">{answered ? `${Math.round((correct / answered) * 100)}%` : "—"}</span>
        <span className="stat-label">correct</span>
      </div>
      <div className="stat">
        <span className="stat-value">{streak(history.attempts, new Date(), new Date().getTimezoneOffset())}</span>
        <span className="stat-label">day streak</span>
      </div>
      <div className="stat">
        <span className="stat-value" data-testid="due-today">
          {due}
        </span>
        <span className="stat-label">
          <Link href="/practice/review">due for review today</Link>
        </span>
      </div>
    </div>
  );
}

export function BankBrowser({ bank, topics }: { bank: BankEntry[]; topics: TopicInfo[] }) {
  const { history } = usePractice();
  const [topic, setTopic] = useState("");
  const [difficulty, setDifficulty] = useState("");
  const [type, setType] = useState("");
  const [unseen, setUnseen] = useState(false);
  const [wrong, setWrong] = useState(false);
  const latest = useMemo(() => latestByQuestion(history.attempts), [history.attempts]);
  const topicTitle = new Map(topics.map((t) => [t.id, t.title]));
  const shown = bank.filter((q) => {
    if (topic && q.topic !== topic) return false;
    if (difficulty && String(q.difficulty) !== difficulty) return false;
    if (type && q.type !== type) return false;
    const last = latest.get(q.id);
    if (unseen && last) return false;
    if (wrong && (!last || last.correct)) return false;
    return true;
  });
  const LIMIT = 60;
  const [showAll, setShowAll] = useState(false);
  return (
    <section aria-labelledby="bank-heading">
      <h2 id="bank-heading">Browse the question bank</h2>
      <form className="filters" aria-label="Filter questions" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="f-topic">Topic</label>
          <select id="f-topic" value={topic} onChange={(e) => setTopic(e.target.value)}>
            <option value="">All topics</option>
            {topics.map((t) => (
              <option key={t.id} value={t.id}>
                {t.number}. {t.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-diff">Difficulty</label>
          <select id="f-diff" value={difficulty} onChange={(e) => setDifficulty(e.target.value)}>
            <option value="">Any</option>
            {Object.entries(DIFFICULTY).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-type">Type</label>
          <select id="f-type" value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">Any</option>
            {Object.entries(TYPE_LABEL).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input type="checkbox" checked={unseen} onChange={(e) => setUnseen(e.target.checked)} /> Not yet seen
        </label>
        <label className="check">
          <input type="checkbox" checked={wrong} onChange={(e) => setWrong(e.target.checked)} /> Got wrong last time
        </label>
      </form>
      <p role="status" className="muted">
        {shown.length} of {bank.length} questions
        {shown.length > 0 && (
          <>
            {" · "}
            <Link href={`/practice/drill?ids=${shown.slice(0, 10).map((q) => q.id).join(",")}`}>Drill the first {Math.min(10, shown.length)}</Link>
          </>
        )}
      </p>
      <ul className="question-list">
        {(showAll ? shown : shown.slice(0, LIMIT)).map((q) => {
          const last = latest.get(q.id);
          return (
            <li key={q.id}>
              <Link href={`/practice/questions/${q.id}`}>{q.title}</Link>
              <span className="meta">
                <span>{topicTitle.get(q.topic)}</span>
                <span>{TYPE_LABEL[q.type]}</span>
                <span>{DIFFICULTY[q.difficulty]}</span>
                {last ? <span className={last.correct ? "status-right" : "status-wrong"}>{last.correct ? "✓ right last time" : "✗ wrong last time"}</span> : <span>not yet seen</span>}
              </span>
            </li>
          );
        })}
      </ul>
      {!showAll && shown.length > LIMIT && (
        <p>
          <button type="button" className="button secondary" onClick={() => setShowAll(true)}>
            Show all {shown.length}
          </button>
        </p>
      )}
    </section>
  );
}
