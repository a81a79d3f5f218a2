/**
 * Mock interviews, the pure part: the configuration, which questions an interview asks, where an
 * interrupted one resumes, and how it is scored. Shared by the server (MockInterview rows) and the
 * browser (anonymous interviews in localStorage).
 */
import { z } from "zod";
import { seededShuffle } from "@/app/_lib/seeded";

export const MOCK_LENGTHS = [5, 10, 15, 20, 30] as const;
export const MOCK_MINUTES = [5, 10, 15, 20, 30, 45, 60] as const;
/** A little slack after the deadline for an answer already on its way. */
export const MOCK_GRACE_MS = 15_000;

export const mockConfigSchema = z
  .object({
    length: z.number().int().min(3).max(40),
    minutes: z.number().int().min(1).max(120),
    /** Module ids; empty means every topic. */
    topics: z.array(z.string().regex(/^[a-z0-9-]+$/)).max(20).default([]),
  })
  .strict();
export type MockConfig = z.infer<typeof mockConfigSchema>;

/** A question as the picker sees it. */
export interface PickableQuestion {
  id: string;
  topic: string;
  difficulty: number;
  type: string;
}

/**
 * The interview's questions: spread evenly across the chosen topics (round-robin over shuffled
 * per-topic lists), code questions left out (they need minutes on the simulator each), then ordered
 * by difficulty so the interview warms up. Fewer when the topics hold fewer questions.
 */
export function pickMockQuestions(bank: readonly PickableQuestion[], config: MockConfig, seed: string): string[] {
  const topics = config.topics.length > 0 ? new Set(config.topics) : null;
  const eligible = bank.filter((q) => q.type !== "code" && (!topics || topics.has(q.topic)));
  const byTopic = new Map<string, PickableQuestion[]>();
  for (const q of seededShuffle(eligible, seed)) {
    const list = byTopic.get(q.topic) ?? [];
    list.push(q);
    byTopic.set(q.topic, list);
  }
  const lists = seededShuffle([...byTopic.keys()].sort(), `${seed}:topics`).map((t) => byTopic.get(t)!);
  const picked: PickableQuestion[] = [];
  for (let round = 0; picked.length < config.length && lists.some((l) => l.length > round); round++) {
    for (const list of lists) {
      if (picked.length >= config.length) break;
      const q = list[round];
      if (q) picked.push(q);
    }
  }
  return picked.sort((a, b) => a.difficulty - b.difficulty).map((q) => q.id);
}

export interface MockProgress {
  questionIds: string[];
  answers: Record<string, unknown>;
  endsAt: string;
  finishedAt: string | null;
}

export type MockPhase = { phase: "results" } | { phase: "expired" } | { phase: "running"; index: number; remainingMs: number };

/**
 * Where an interview stands at `now`: finished → results; past its time (plus grace) → it must be
 * submitted as it is; otherwise running, resumed at `lastIndex` if given, else at the first
 * unanswered question (or the last one when all are answered).
 */
export function resumePoint(mock: MockProgress, now: Date, lastIndex?: number): MockPhase {
  if (mock.finishedAt) return { phase: "results" };
  const remainingMs = new Date(mock.endsAt).getTime() - now.getTime();
  if (remainingMs + MOCK_GRACE_MS <= 0) return { phase: "expired" };
  const n = mock.questionIds.length;
  if (lastIndex !== undefined && Number.isInteger(lastIndex) && lastIndex >= 0 && lastIndex < n) {
    return { phase: "running", index: lastIndex, remainingMs: Math.max(0, remainingMs) };
  }
  const firstOpen = mock.questionIds.findIndex((id) => !(id in mock.answers));
  return { phase: "running", index: firstOpen === -1 ? Math.max(0, n - 1) : firstOpen, remainingMs: Math.max(0, remainingMs) };
}

export interface ScoredItem {
  questionId: string;
  topic: string;
  lesson: string;
  answered: boolean;
  correct: boolean;
  score: number;
}

export interface TopicScore {
  topic: string;
  questions: number;
  correct: number;
  /** Mean partial-credit score, 0..1. */
  score: number;
  /** Lessons of the questions missed in this topic, in first-missed order. */
  lessons: string[];
}

export interface MockScore {
  questions: number;
  answered: number;
  correct: number;
  /** Mean partial-credit score over all questions (unanswered count 0), 0..1. */
  score: number;
  byTopic: TopicScore[];
  /** Topics scoring under the threshold: where to study next. */
  weakTopics: string[];
  missed: string[];
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Scores graded items; a topic is weak when its mean score is under `weakBelow`. */
export function scoreMock(items: readonly ScoredItem[], weakBelow = 0.7): MockScore {
  const topics = new Map<string, TopicScore>();
  for (const it of items) {
    const t = topics.get(it.topic) ?? { topic: it.topic, questions: 0, correct: 0, score: 0, lessons: [] };
    t.questions += 1;
    t.correct += it.correct ? 1 : 0;
    t.score += it.answered ? it.score : 0;
    if (!it.correct && !t.lessons.includes(it.lesson)) t.lessons.push(it.lesson);
    topics.set(it.topic, t);
  }
  const byTopic = [...topics.values()].map((t) => ({ ...t, score: round3(t.score / t.questions) })).sort((a, b) => a.score - b.score || a.topic.localeCompare(b.topic));
  const total = items.reduce((s, it) => s + (it.answered ? it.score : 0), 0);
  return {
    questions: items.length,
    answered: items.filter((i) => i.answered).length,
    correct: items.filter((i) => i.correct).length,
    score: items.length ? round3(total / items.length) : 0,
    byTopic,
    weakTopics: byTopic.filter((t) => t.score < weakBelow).map((t) => t.topic),
    missed: items.filter((i) => !i.correct).map((i) => i.questionId),
  };
}
