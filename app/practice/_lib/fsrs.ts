/**
 * Spaced repetition for the review queue: ts-fsrs behind a small, serialisable card shape shared by
 * the server (ReviewCard rows) and the browser (anonymous cards in localStorage). Pure: no I/O.
 *
 * Fuzz is off so the same history always gives the same schedule (tests and undo rely on it).
 */
import { createEmptyCard, fsrs, generatorParameters, Rating, type Card } from "ts-fsrs";
import { z } from "zod";
import { DEFAULT_DAILY_LIMIT, dueQueue, isDue } from "./due";

export { DEFAULT_DAILY_LIMIT, dueQueue, isDue };
import type { QuestionType } from "@/app/_lib/questions/schema";

export const RATINGS = [
  { value: 1, label: "Again" },
  { value: 2, label: "Hard" },
  { value: 3, label: "Good" },
  { value: 4, label: "Easy" },
] as const;
export type RatingValue = 1 | 2 | 3 | 4;
export const ratingSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

export const STATE_NAMES = ["New", "Learning", "Review", "Relearning"] as const;

/** A card as JSON: what ReviewLog.previous stores and what localStorage keeps. */
export const cardStateSchema = z
  .object({
    due: z.iso.datetime(),
    stability: z.number().min(0).max(1e6),
    difficulty: z.number().min(0).max(100),
    elapsedDays: z.number().int().min(0).max(1e6),
    scheduledDays: z.number().int().min(0).max(1e6),
    learningSteps: z.number().int().min(0).max(100),
    reps: z.number().int().min(0).max(1e6),
    lapses: z.number().int().min(0).max(1e6),
    state: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
    lastReview: z.iso.datetime().nullable(),
  })
  .strict();
export type CardState = z.infer<typeof cardStateSchema>;

const scheduler = fsrs(generatorParameters({ enable_fuzz: false }));

export function toFsrs(c: CardState): Card {
  return {
    due: new Date(c.due),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsedDays,
    scheduled_days: c.scheduledDays,
    learning_steps: c.learningSteps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    ...(c.lastReview ? { last_review: new Date(c.lastReview) } : {}),
  };
}

export function fromFsrs(c: Card): CardState {
  return {
    due: c.due.toISOString(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsed_days,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    lastReview: c.last_review ? c.last_review.toISOString() : null,
  };
}

/** A new card, due at once. */
export function newCard(now: Date): CardState {
  return fromFsrs(createEmptyCard(now));
}

/** The card after a rating at `now`. */
export function rateCard(card: CardState, rating: RatingValue, now: Date): CardState {
  return fromFsrs(scheduler.next(toFsrs(card), now, rating).card);
}

/** When each rating would next show the card (for the buttons' hints). */
export function previewIntervals(card: CardState, now: Date): Record<RatingValue, Date> {
  const p = scheduler.repeat(toFsrs(card), now);
  return { 1: p[Rating.Again].card.due, 2: p[Rating.Hard].card.due, 3: p[Rating.Good].card.due, 4: p[Rating.Easy].card.due };
}


/** Seconds within which a correct answer counts as quick (Easy) per type; four times that is slow (Hard). */
const QUICK_SECONDS: Record<QuestionType, number> = {
  "true-false": 8,
  single: 15,
  multiple: 25,
  ordering: 30,
  short: 40,
  predict: 45,
  code: 180,
};

/**
 * The rating derived from an auto-graded answer: wrong → Again (partly right → Hard), right and
 * quick → Easy, right within four times the quick time → Good, right but slow → Hard.
 */
export function suggestRating(input: { type: QuestionType; correct: boolean; score: number; durationMs: number | null }): RatingValue {
  if (!input.correct) return input.score >= 0.5 ? 2 : 1;
  if (input.durationMs === null) return 3;
  const quick = QUICK_SECONDS[input.type] * 1000;
  if (input.durationMs <= quick) return 4;
  if (input.durationMs <= quick * 4) return 3;
  return 2;
}

/** Start of the local day containing `now`, shifted by a time-zone offset (minutes, as Date#getTimezoneOffset). */
export function startOfDay(now: Date, tzOffsetMinutes = 0): Date {
  const local = now.getTime() - tzOffsetMinutes * 60_000;
  const day = Math.floor(local / 86_400_000) * 86_400_000;
  return new Date(day + tzOffsetMinutes * 60_000);
}

export const dailyLimitSchema = z.number().int().min(1).max(500);


/** One rating in a browser's history: the card before it, so it can be undone. */
export interface RatingLogEntry {
  questionId: string;
  rating: RatingValue;
  previous: CardState;
  at: string;
}

/**
 * Rates a card in a set of cards (a signed-out learner's): null when there is no such card or it is
 * not due; otherwise new cards and log (inputs are not changed).
 */
export function applyRating(
  cards: Readonly<Record<string, CardState>>,
  log: readonly RatingLogEntry[],
  questionId: string,
  rating: RatingValue,
  now: Date,
): { cards: Record<string, CardState>; log: RatingLogEntry[]; card: CardState } | null {
  const card = cards[questionId];
  if (!card || !isDue(card, now)) return null;
  const next = rateCard(card, rating, now);
  return { cards: { ...cards, [questionId]: next }, log: [...log, { questionId, rating, previous: card, at: now.toISOString() }], card: next };
}

/** Undoes the last rating: the card as it was before it, or null when there is nothing to undo. */
export function undoRating(
  cards: Readonly<Record<string, CardState>>,
  log: readonly RatingLogEntry[],
): { cards: Record<string, CardState>; log: RatingLogEntry[]; questionId: string; card: CardState } | null {
  const last = log[log.length - 1];
  if (!last) return null;
  return { cards: { ...cards, [last.questionId]: last.previous }, log: log.slice(0, -1), questionId: last.questionId, card: last.previous };
}
