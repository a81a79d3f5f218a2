import { describe, expect, it } from "vitest";
import { applyRating, DEFAULT_DAILY_LIMIT, dueQueue, isDue, newCard, previewIntervals, rateCard, startOfDay, suggestRating, undoRating } from "./fsrs";

const t0 = new Date("2026-11-01T09:00:00.000Z");

describe("FSRS scheduling", () => {
  it("schedules a card rated Good later than one rated Hard, and Easy later than Good", () => {
    const card = newCard(t0);
    const hard = rateCard(card, 2, t0);
    const good = rateCard(card, 3, t0);
    const easy = rateCard(card, 4, t0);
    expect(new Date(good.due).getTime()).toBeGreaterThan(new Date(hard.due).getTime());
    expect(new Date(easy.due).getTime()).toBeGreaterThan(new Date(good.due).getTime());
  });

  it("keeps the ordering for a card already in review", () => {
    let card = newCard(t0);
    card = rateCard(card, 4, t0);
    const later = new Date(card.due);
    expect(isDue(card, later)).toBe(true);
    const hard = rateCard(card, 2, later);
    const good = rateCard(card, 3, later);
    expect(new Date(good.due).getTime()).toBeGreaterThan(new Date(hard.due).getTime());
    expect(good.reps).toBe(card.reps + 1);
  });

  it("counts a lapse when a review card is rated Again", () => {
    let card = rateCard(newCard(t0), 4, t0);
    card = rateCard(card, 1, new Date(card.due));
    expect(card.lapses).toBe(1);
    expect(card.state).toBe(3);
  });

  it("is deterministic, so a stored previous card restores exactly (undo)", () => {
    const card = rateCard(newCard(t0), 3, t0);
    const copy = JSON.parse(JSON.stringify(card)) as typeof card;
    const now = new Date(card.due);
    expect(rateCard(copy, 3, now)).toEqual(rateCard(card, 3, now));
  });

  it("previews each rating's next due time in order", () => {
    const p = previewIntervals(newCard(t0), t0);
    expect(p[1].getTime()).toBeLessThan(p[3].getTime());
    expect(p[3].getTime()).toBeLessThan(p[4].getTime());
  });
});

describe("derived ratings", () => {
  it("maps wrong to Again, partly right to Hard, quick to Easy, slow to Hard", () => {
    expect(suggestRating({ type: "single", correct: false, score: 0, durationMs: 1000 })).toBe(1);
    expect(suggestRating({ type: "multiple", correct: false, score: 0.5, durationMs: 1000 })).toBe(2);
    expect(suggestRating({ type: "single", correct: true, score: 1, durationMs: 5000 })).toBe(4);
    expect(suggestRating({ type: "single", correct: true, score: 1, durationMs: 40_000 })).toBe(3);
    expect(suggestRating({ type: "single", correct: true, score: 1, durationMs: 200_000 })).toBe(2);
    expect(suggestRating({ type: "code", correct: true, score: 1, durationMs: 200_000 })).toBe(3);
    expect(suggestRating({ type: "short", correct: true, score: 1, durationMs: null })).toBe(3);
  });
});

describe("the daily queue", () => {
  const cards = [
    { id: "a", due: "2026-11-01T08:00:00.000Z" },
    { id: "b", due: "2026-11-01T07:00:00.000Z" },
    { id: "c", due: "2026-11-02T08:00:00.000Z" },
  ];
  it("lists due cards earliest first", () => {
    expect(dueQueue(cards, t0, DEFAULT_DAILY_LIMIT, 0).map((c) => c.id)).toEqual(["b", "a"]);
  });
  it("stops at the daily limit, counting today's reviews", () => {
    expect(dueQueue(cards, t0, 3, 2).map((c) => c.id)).toEqual(["b"]);
    expect(dueQueue(cards, t0, 2, 5)).toEqual([]);
  });
  it("finds the start of the local day", () => {
    expect(startOfDay(new Date("2026-11-01T23:30:00.000Z"), 0).toISOString()).toBe("2026-11-01T00:00:00.000Z");
    // UTC+2 (offset -120): 01:30 local on the 2nd
    expect(startOfDay(new Date("2026-11-01T23:30:00.000Z"), -120).toISOString()).toBe("2026-11-01T22:00:00.000Z");
  });
});

describe("rating and undo in a browser's cards", () => {
  it("rates a due card, refuses one that is not due, and undo restores the previous card exactly", () => {
    const cards = { q1: newCard(t0), q2: rateCard(newCard(t0), 4, t0) };
    const rated = applyRating(cards, [], "q1", 3, t0)!;
    expect(rated.card.reps).toBe(1);
    expect(rated.log).toHaveLength(1);
    expect(cards.q1.reps).toBe(0); // inputs untouched
    expect(applyRating(rated.cards, rated.log, "q1", 3, t0)).toBeNull(); // not due any more
    expect(applyRating(rated.cards, rated.log, "q2", 3, t0)).toBeNull();
    expect(applyRating(rated.cards, rated.log, "missing", 3, t0)).toBeNull();
    const undone = undoRating(rated.cards, rated.log)!;
    expect(undone.questionId).toBe("q1");
    expect(undone.cards.q1).toEqual(cards.q1);
    expect(undone.log).toEqual([]);
    expect(undoRating(undone.cards, undone.log)).toBeNull();
    // Rated again after the undo, it schedules as the first time did.
    expect(applyRating(undone.cards, undone.log, "q1", 3, t0)!.card).toEqual(rated.card);
  });
});
