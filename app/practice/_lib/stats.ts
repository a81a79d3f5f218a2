/**
 * Practice statistics and certification readiness, computed from attempts and cards. Pure and run in
 * the browser, so days follow the learner's own time zone.
 */
import { DVA_DOMAINS, type DvaDomain } from "@/app/_lib/questions/schema";
import { startOfDay } from "./fsrs";

export interface AttemptSummary {
  questionId: string;
  correct: boolean;
  score: number;
  /** ISO time. */
  at: string;
}

export interface QuestionMeta {
  id: string;
  topic: string;
  dva: DvaDomain;
}

const DAY = 86_400_000;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** A day key (YYYY-MM-DD) in the learner's time zone. */
export function dayKey(at: Date, tzOffsetMinutes: number): string {
  return new Date(startOfDay(at, tzOffsetMinutes).getTime() - tzOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** Questions answered per day over the last `days` days (oldest first, zeros included). */
export function answeredPerDay(attempts: readonly AttemptSummary[], now: Date, tzOffsetMinutes: number, days = 30): { day: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const a of attempts) {
    const k = dayKey(new Date(a.at), tzOffsetMinutes);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const out: { day: string; count: number }[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const k = dayKey(new Date(now.getTime() - i * DAY), tzOffsetMinutes);
    out.push({ day: k, count: counts.get(k) ?? 0 });
  }
  return out;
}

/** Consecutive days with at least one answer, ending today (or yesterday, if nothing yet today). */
export function streak(attempts: readonly AttemptSummary[], now: Date, tzOffsetMinutes: number): number {
  const days = new Set(attempts.map((a) => dayKey(new Date(a.at), tzOffsetMinutes)));
  let n = 0;
  let t = now.getTime();
  if (!days.has(dayKey(now, tzOffsetMinutes))) t -= DAY;
  while (days.has(dayKey(new Date(t), tzOffsetMinutes))) {
    n += 1;
    t -= DAY;
  }
  return n;
}

/** Accuracy (share of correct answers) per week, for one topic or all (`topic` null), oldest first. */
export function accuracyByWeek(
  attempts: readonly AttemptSummary[],
  topicOf: ReadonlyMap<string, string>,
  topic: string | null,
  now: Date,
  tzOffsetMinutes: number,
  weeks = 8,
): { week: string; answered: number; accuracy: number | null }[] {
  const start = startOfDay(new Date(now.getTime() - (weeks * 7 - 1) * DAY), tzOffsetMinutes).getTime();
  const buckets = Array.from({ length: weeks }, (_, i) => ({ week: dayKey(new Date(start + i * 7 * DAY), tzOffsetMinutes), answered: 0, correct: 0 }));
  for (const a of attempts) {
    if (topic && topicOf.get(a.questionId) !== topic) continue;
    const i = Math.floor((new Date(a.at).getTime() - start) / (7 * DAY));
    const b = buckets[i];
    if (i < 0 || !b) continue;
    b.answered += 1;
    b.correct += a.correct ? 1 : 0;
  }
  return buckets.map((b) => ({ week: b.week, answered: b.answered, accuracy: b.answered ? round3(b.correct / b.answered) : null }));
}

/** Accuracy per topic over all attempts. */
export function accuracyByTopic(attempts: readonly AttemptSummary[], topicOf: ReadonlyMap<string, string>): Map<string, { answered: number; correct: number }> {
  const out = new Map<string, { answered: number; correct: number }>();
  for (const a of attempts) {
    const t = topicOf.get(a.questionId);
    if (!t) continue;
    const s = out.get(t) ?? { answered: 0, correct: 0 };
    s.answered += 1;
    s.correct += a.correct ? 1 : 0;
    out.set(t, s);
  }
  return out;
}

/** The latest attempt per question. */
export function latestByQuestion(attempts: readonly AttemptSummary[]): Map<string, AttemptSummary> {
  const out = new Map<string, AttemptSummary>();
  for (const a of attempts) {
    const prev = out.get(a.questionId);
    if (!prev || prev.at <= a.at) out.set(a.questionId, a);
  }
  return out;
}

export interface DomainReadiness {
  domain: DvaDomain;
  title: string;
  weight: number;
  questions: number;
  seen: number;
  /** Share of the domain's questions answered at least once, 0..1. */
  coverage: number;
  /** Mean latest score over the questions seen (null when none), 0..1. */
  accuracy: number | null;
  /** Mean latest score over all the domain's questions (unseen count 0), 0..1. */
  readiness: number;
}

/**
 * Coverage and readiness per DVA-C02 domain, and overall readiness weighted by the exam guide's
 * domain weights (so Development at 32% counts almost twice Troubleshooting at 18%).
 */
export function certificationReadiness(bank: readonly QuestionMeta[], attempts: readonly AttemptSummary[]): { domains: DomainReadiness[]; overall: number; coverage: number } {
  const latest = latestByQuestion(attempts);
  const domains = (Object.keys(DVA_DOMAINS) as DvaDomain[]).map((domain) => {
    const qs = bank.filter((q) => q.dva === domain);
    const seenScores = qs.flatMap((q) => {
      const a = latest.get(q.id);
      return a ? [a.score] : [];
    });
    const sum = seenScores.reduce((s, x) => s + x, 0);
    return {
      domain,
      title: DVA_DOMAINS[domain].title,
      weight: DVA_DOMAINS[domain].weight,
      questions: qs.length,
      seen: seenScores.length,
      coverage: qs.length ? round3(seenScores.length / qs.length) : 0,
      accuracy: seenScores.length ? round3(sum / seenScores.length) : null,
      readiness: qs.length ? round3(sum / qs.length) : 0,
    };
  });
  return {
    domains,
    overall: round3(domains.reduce((s, d) => s + d.weight * d.readiness, 0)),
    coverage: round3(domains.reduce((s, d) => s + d.weight * d.coverage, 0)),
  };
}

/** Cards per FSRS state (New, Learning, Review, Relearning). */
export function cardsByState(cards: readonly { state: number }[]): [number, number, number, number] {
  const out: [number, number, number, number] = [0, 0, 0, 0];
  for (const c of cards) if (c.state >= 0 && c.state <= 3) out[c.state as 0 | 1 | 2 | 3] += 1;
  return out;
}
