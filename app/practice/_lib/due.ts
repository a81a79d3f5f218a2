/**
 * What is due for review: plain date arithmetic, no scheduler and no zod, so the header's badge
 * can count due cards on every page without shipping the practice schemas (fsrs.ts re-exports it).
 */

export const DEFAULT_DAILY_LIMIT = 20;

export function isDue(card: { due: string | Date }, now: Date): boolean {
  return new Date(card.due).getTime() <= now.getTime();
}

/** The due cards to review now: earliest first, at most what the daily limit leaves today. */
export function dueQueue<C extends { due: string }>(cards: C[], now: Date, dailyLimit: number, reviewedToday: number): C[] {
  const left = Math.max(0, dailyLimit - reviewedToday);
  return cards
    .filter((c) => isDue(c, now))
    .sort((a, b) => a.due.localeCompare(b.due))
    .slice(0, left);
}
