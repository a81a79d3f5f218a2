"use client";

/** The certification view (DVA-C02 readiness by domain) and the statistics page, from the learner's history. */
import Link from "next/link";
import { useMemo, useState } from "react";
import type { BankEntry, TopicInfo } from "@/app/_server/practice/catalog";
import { STATE_NAMES } from "@/app/practice/_lib/fsrs";
import { accuracyByTopic, accuracyByWeek, answeredPerDay, cardsByState, certificationReadiness, streak } from "@/app/practice/_lib/stats";
import { BarChart, LineChart, Meter } from "./charts";
import { usePractice } from "./practice-provider";

const pct = (v: number) => `${Math.round(v * 100)}%`;

export function Certification({ bank }: { bank: BankEntry[] }) {
  const { history, ready } = usePractice();
  const r = useMemo(() => certificationReadiness(bank, history.attempts), [bank, history.attempts]);
  return (
    <div aria-busy={!ready}>
      <div className="practice-stats">
        <div className="stat">
          <span className="stat-value" data-testid="readiness">
            {pct(r.overall)}
          </span>
          <span className="stat-label">weighted readiness</span>
        </div>
        <div className="stat">
          <span className="stat-value">{pct(r.coverage)}</span>
          <span className="stat-label">weighted coverage</span>
        </div>
      </div>
      <table className="table">
        <caption className="practice-label" style={{ textAlign: "left" }}>
          DVA-C02 domains, weighted as the exam guide weights them
        </caption>
        <thead>
          <tr>
            <th scope="col">Domain</th>
            <th scope="col">Exam weight</th>
            <th scope="col">Questions seen</th>
            <th scope="col">Accuracy on seen</th>
            <th scope="col">Readiness</th>
          </tr>
        </thead>
        <tbody>
          {r.domains.map((d) => (
            <tr key={d.domain}>
              <th scope="row">{d.title}</th>
              <td>{pct(d.weight)}</td>
              <td>
                {d.seen} of {d.questions}
              </td>
              <td>{d.accuracy === null ? "—" : pct(d.accuracy)}</td>
              <td>{pct(d.readiness)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.domains.map((d) => (
        <div key={d.domain} className="card" style={{ margin: "1rem 0" }}>
          <h2 style={{ fontSize: "1.05rem" }}>
            {d.title} <span className="muted">({pct(d.weight)} of the exam)</span>
          </h2>
          <Meter label={`${d.title}: coverage`} value={d.coverage} detail={`${d.seen} of ${d.questions} questions answered`} />
          <Meter label={`${d.title}: readiness`} value={d.readiness} detail="latest score per question, unseen count as 0" />
          <Link href={`/practice/drill?ids=${bank.filter((q) => q.dva === d.domain && q.type !== "code").map((q) => q.id).filter((id) => !history.attempts.some((a) => a.questionId === id)).slice(0, 10).join(",")}`}>
            Drill 10 unseen {d.title.toLowerCase()} questions
          </Link>
        </div>
      ))}
      <p className="muted">
        Readiness is the mean of your latest score on each question in a domain; the overall figure weights the domains 32 / 26 / 24 /
        18 % as the DVA-C02 exam guide does. It measures this bank, not the exam itself.
      </p>
    </div>
  );
}

export function Statistics({ bank, topics }: { bank: BankEntry[]; topics: TopicInfo[] }) {
  const { history, ready } = usePractice();
  const [topic, setTopic] = useState("");
  const now = useMemo(() => new Date(), []);
  const tz = now.getTimezoneOffset();
  const topicOf = useMemo(() => new Map(bank.map((q) => [q.id, q.topic])), [bank]);
  const weeks = accuracyByWeek(history.attempts, topicOf, topic || null, now, tz, 8);
  const days = answeredPerDay(history.attempts, now, tz, 30);
  const states = cardsByState(history.cards);
  const byTopic = accuracyByTopic(history.attempts, topicOf);
  const topicTitle = topics.find((t) => t.id === topic)?.title ?? "all topics";
  return (
    <div aria-busy={!ready}>
      <div className="practice-stats">
        <div className="stat">
          <span className="stat-value">{history.attempts.length}</span>
          <span className="stat-label">answers in total</span>
        </div>
        <div className="stat">
          <span className="stat-value" data-testid="streak">
            {streak(history.attempts, now, tz)}
          </span>
          <span className="stat-label">day streak</span>
        </div>
        <div className="stat">
          <span className="stat-value">{history.cards.length}</span>
          <span className="stat-label">review cards</span>
        </div>
      </div>
      <div className="filters">
        <div className="field">
          <label htmlFor="stats-topic">Accuracy for</label>
          <select id="stats-topic" value={topic} onChange={(e) => setTopic(e.target.value)}>
            <option value="">All topics</option>
            {topics.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
        </div>
      </div>
      <LineChart
        title={`Accuracy by week: ${topicTitle}`}
        description={`Share of correct answers per week over the last 8 weeks for ${topicTitle}. ${weeks.filter((w) => w.accuracy !== null).map((w) => `Week of ${w.week}: ${pct(w.accuracy!)} of ${w.answered}`).join("; ") || "No answers yet."}`}
        data={weeks.map((w) => ({ label: w.week.slice(5), value: w.accuracy }))}
        valueLabel="Accuracy"
        format={pct}
        max={1}
      />
      <BarChart
        title="Accuracy by topic (all time)"
        description={`Share of correct answers per topic. ${[...byTopic].map(([t, s]) => `${topics.find((x) => x.id === t)?.title ?? t}: ${pct(s.correct / s.answered)} of ${s.answered}`).join("; ") || "No answers yet."}`}
        data={topics.map((t) => {
          const s = byTopic.get(t.id);
          return { label: String(t.number), value: s ? s.correct / s.answered : null };
        })}
        valueLabel="Accuracy"
        format={pct}
        max={1}
      />
      <p className="muted" style={{ marginTop: "-1rem" }}>
        Topics by module number: {topics.map((t) => `${t.number}. ${t.title}`).join(" · ")}
      </p>
      <BarChart
        title="Questions answered per day (last 30 days)"
        description={`${days.reduce((s, d) => s + d.count, 0)} answers in the last 30 days; ${days.filter((d) => d.count > 0).length} active days. Today: ${days[days.length - 1]!.count}.`}
        data={days.map((d) => ({ label: d.day.slice(5), value: d.count }))}
        valueLabel="Answers"
        labelEvery={5}
      />
      <BarChart
        title="Review cards by state"
        description={STATE_NAMES.map((n, i) => `${n}: ${states[i]}`).join(", ")}
        data={STATE_NAMES.map((n, i) => ({ label: n, value: states[i]! }))}
        valueLabel="Cards"
      />
    </div>
  );
}
