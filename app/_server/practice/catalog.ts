/** The question bank as the practice pages list it: no answers, just what filters and links need. */
import "server-only";
import type { DvaDomain, QuestionType } from "@/app/_lib/questions/schema";
import { course } from "../content/course";
import { questionBank } from "../content/questions";

export interface BankEntry {
  id: string;
  topic: string;
  lesson: string;
  difficulty: 1 | 2 | 3;
  type: QuestionType;
  dva: DvaDomain;
  /** The prompt's first line as plain text, shortened. */
  title: string;
}

export interface TopicInfo {
  id: string;
  number: number;
  title: string;
  questions: number;
}

export interface PracticeCatalog {
  bank: BankEntry[];
  topics: TopicInfo[];
  /** Lesson id → title (for "study these lessons"). */
  lessonTitles: Record<string, string>;
}

function plainTitle(prompt: string): string {
  const line = prompt.split("\n").find((l) => l.trim()) ?? prompt;
  const text = line.replace(/[`*_>#]/g, "").replace(/\[([^\]]+)\]\([^)]+\)/g, "$1").trim();
  return text.length > 150 ? `${text.slice(0, 147)}…` : text;
}

let cached: PracticeCatalog | undefined;

export function practiceCatalog(): PracticeCatalog {
  if (cached) return cached;
  const questions = questionBank().questions;
  const c = course();
  const bank = questions.map((q) => ({ id: q.id, topic: q.topic, lesson: q.lesson, difficulty: q.difficulty, type: q.type, dva: q.dva, title: plainTitle(q.prompt) }));
  const topics = c.modules.map((m) => ({ id: m.id, number: m.number, title: m.title, questions: bank.filter((q) => q.topic === m.id).length })).filter((t) => t.questions > 0);
  const lessonTitles = Object.fromEntries(c.lessons.map((l) => [l.id, l.title]));
  cached = { bank, topics, lessonTitles };
  return cached;
}
