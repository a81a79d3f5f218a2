/**
 * A signed-out learner's practice, kept in this browser (localStorage) until they sign in, when it
 * is merged into the account (see practice-provider.tsx). Also the daily-limit setting and the
 * position in a running mock interview, which are per device for everyone.
 */
import { DEFAULT_DAILY_LIMIT } from "@/app/practice/_lib/due";
import type { CardState, RatingLogEntry } from "@/app/practice/_lib/fsrs";

export interface LocalAttempt {
  id: string;
  questionId: string;
  answer: unknown;
  correct: boolean;
  score: number;
  durationMs: number | null;
  mode: "BROWSE" | "DRILL" | "REVIEW" | "MOCK";
  at: string;
}

export type LocalRating = RatingLogEntry;

export interface LocalPractice {
  attempts: LocalAttempt[];
  cards: Record<string, CardState>;
  ratings: LocalRating[];
}

const KEY = "lambda-lab-practice";
const SETTINGS_KEY = "lambda-lab-practice-settings";
const MAX_ATTEMPTS = 2000;

function read<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key);
    return raw ? ({ ...fallback, ...(JSON.parse(raw) as object) }) : fallback;
  } catch {
    return fallback;
  }
}

function write(key: string, value: unknown) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // storage full or unavailable: practice still works for this visit
  }
}

export function readLocalPractice(): LocalPractice {
  return read<LocalPractice>(KEY, { attempts: [], cards: {}, ratings: [] });
}

export function writeLocalPractice(p: LocalPractice) {
  write(KEY, { ...p, attempts: p.attempts.slice(-MAX_ATTEMPTS), ratings: p.ratings.slice(-200) });
}

export function clearLocalPractice() {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing to clear
  }
}

export interface PracticeSettings {
  dailyLimit: number;
}

export function readSettings(): PracticeSettings {
  const s = read<PracticeSettings>(SETTINGS_KEY, { dailyLimit: DEFAULT_DAILY_LIMIT });
  return { dailyLimit: Number.isInteger(s.dailyLimit) && s.dailyLimit >= 1 && s.dailyLimit <= 500 ? s.dailyLimit : DEFAULT_DAILY_LIMIT };
}

export function writeSettings(s: PracticeSettings) {
  write(SETTINGS_KEY, s);
  window.dispatchEvent(new Event("lambda-lab-practice-changed"));
}

/** A signed-out learner's mock interview in progress (or finished, with its results). */
export interface LocalMock {
  id: string;
  config: { length: number; minutes: number; topics: string[] };
  questionIds: string[];
  questions: unknown[];
  answers: Record<string, unknown>;
  startedAt: string;
  endsAt: string;
  finishedAt: string | null;
  results?: unknown;
}

const MOCK_KEY = "lambda-lab-mock";

export function readLocalMock(): LocalMock | null {
  try {
    const raw = localStorage.getItem(MOCK_KEY);
    return raw ? (JSON.parse(raw) as LocalMock) : null;
  } catch {
    return null;
  }
}

export function writeLocalMock(m: LocalMock | null) {
  if (m) write(MOCK_KEY, m);
  else localStorage.removeItem(MOCK_KEY);
}

/** The question a learner was on in an interview (any interview id), so a reload returns to it. */
export function readMockPosition(id: string): number | undefined {
  const n = Number(storageGet(`lambda-lab-mock-pos:${id}`));
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

export function writeMockPosition(id: string, index: number) {
  try {
    localStorage.setItem(`lambda-lab-mock-pos:${id}`, String(index));
  } catch {
    // not essential
  }
}

function storageGet(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
