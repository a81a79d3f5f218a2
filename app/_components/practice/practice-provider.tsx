"use client";

/**
 * The learner's practice history in the browser. Signed in: starts from the server's rows (the
 * server records every answer and rating; this only mirrors them for the page). Signed out: kept in
 * localStorage, and merged into the account at the next sign-in (then cleared), as lesson
 * progress is.
 */
import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { applyRating, newCard, undoRating, type CardState, type RatingValue } from "@/app/practice/_lib/fsrs";
import { api } from "./api";
import { clearLocalPractice, readLocalPractice, readSettings, writeLocalPractice, writeSettings, type LocalAttempt, type LocalPractice, type PracticeSettings } from "./local-store";

export interface HistoryAttempt {
  questionId: string;
  correct: boolean;
  score: number;
  at: string;
  mode: string;
}
export type HistoryCard = CardState & { questionId: string };
export interface PracticeHistory {
  attempts: HistoryAttempt[];
  cards: HistoryCard[];
  ratings: string[];
}

interface PracticeApi {
  signedIn: boolean;
  /** False until the browser's own data has been read (signed out) — avoids flashing "nothing yet". */
  ready: boolean;
  history: PracticeHistory;
  settings: PracticeSettings;
  setDailyLimit: (n: number) => void;
  /** Mirrors an answered question (and keeps it locally when signed out). */
  addAttempt: (a: LocalAttempt) => void;
  /** Mirrors a card the server returned after a rating or undo. */
  putCard: (card: HistoryCard, rated: boolean | "undo") => void;
  /** Signed out: rates a local card (null when it is not due). */
  rateLocal: (questionId: string, rating: RatingValue, now: Date) => CardState | null;
  /** Signed out: undoes the last local rating (the restored card, or null). */
  undoLocal: () => HistoryCard | null;
}

const Context = createContext<PracticeApi | null>(null);
const EMPTY: PracticeHistory = { attempts: [], cards: [], ratings: [] };

function fromLocal(p: LocalPractice): PracticeHistory {
  return {
    attempts: p.attempts.map((a) => ({ questionId: a.questionId, correct: a.correct, score: a.score, at: a.at, mode: a.mode })),
    cards: Object.entries(p.cards).map(([questionId, c]) => ({ questionId, ...c })),
    ratings: p.ratings.map((r) => r.at),
  };
}

export function notifyPracticeChanged() {
  window.dispatchEvent(new Event("lambda-lab-practice-changed"));
}

export function PracticeProvider({ initial, signedIn, children }: { initial: PracticeHistory | null; signedIn: boolean; children: ReactNode }) {
  const router = useRouter();
  const [history, setHistory] = useState<PracticeHistory>(initial ?? EMPTY);
  const [ready, setReady] = useState(signedIn);
  const [settings, setSettings] = useState<PracticeSettings>({ dailyLimit: 20 });

  useEffect(() => {
    /* eslint-disable react-hooks/set-state-in-effect -- localStorage is only readable after hydration */
    setSettings(readSettings());
    const local = readLocalPractice();
    if (!signedIn) {
      setHistory(fromLocal(local));
      setReady(true);
      return;
    }
    /* eslint-enable react-hooks/set-state-in-effect */
    const cards = Object.entries(local.cards).map(([questionId, card]) => ({ questionId, card }));
    if (local.attempts.length === 0 && cards.length === 0) return;
    const attempts = local.attempts.map(({ id, questionId, answer, durationMs, mode, at }) => ({ id, questionId, answer, durationMs, mode, at }));
    void api("/api/practice/merge", { attempts, cards }).then((r) => {
      if (r.ok || r.status === 422) clearLocalPractice();
      if (r.ok) router.refresh();
    });
  }, [signedIn, router]);

  const setDailyLimit = useCallback((n: number) => {
    const next = { dailyLimit: n };
    setSettings(next);
    writeSettings(next);
  }, []);

  const addAttempt = useCallback(
    (a: LocalAttempt) => {
      const now = a.at;
      setHistory((h) => ({
        ...h,
        attempts: [...h.attempts, { questionId: a.questionId, correct: a.correct, score: a.score, at: a.at, mode: a.mode }],
        cards: h.cards.some((c) => c.questionId === a.questionId) ? h.cards : [...h.cards, { questionId: a.questionId, ...newCard(new Date(now)) }],
      }));
      if (!signedIn) {
        const local = readLocalPractice();
        local.attempts.push(a);
        local.cards[a.questionId] ??= newCard(new Date(now));
        writeLocalPractice(local);
      }
      notifyPracticeChanged();
    },
    [signedIn],
  );

  const putCard = useCallback((card: HistoryCard, rated: boolean | "undo") => {
    setHistory((h) => ({
      ...h,
      cards: [...h.cards.filter((c) => c.questionId !== card.questionId), card],
      ratings: rated === "undo" ? h.ratings.slice(0, -1) : rated ? [...h.ratings, new Date().toISOString()] : h.ratings,
    }));
    notifyPracticeChanged();
  }, []);

  const rateLocal = useCallback(
    (questionId: string, rating: RatingValue, now: Date) => {
      const local = readLocalPractice();
      const r = applyRating(local.cards, local.ratings, questionId, rating, now);
      if (!r) return null;
      writeLocalPractice({ ...local, cards: r.cards, ratings: r.log });
      putCard({ questionId, ...r.card }, true);
      return r.card;
    },
    [putCard],
  );

  const undoLocal = useCallback(() => {
    const local = readLocalPractice();
    const r = undoRating(local.cards, local.ratings);
    if (!r) return null;
    writeLocalPractice({ ...local, cards: r.cards, ratings: r.log });
    const restored = { questionId: r.questionId, ...r.card };
    putCard(restored, "undo");
    return restored;
  }, [putCard]);

  const value = useMemo<PracticeApi>(
    () => ({ signedIn, ready, history, settings, setDailyLimit, addAttempt, putCard, rateLocal, undoLocal }),
    [signedIn, ready, history, settings, setDailyLimit, addAttempt, putCard, rateLocal, undoLocal],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function usePractice(): PracticeApi {
  const v = useContext(Context);
  if (!v) throw new Error("usePractice() needs a <PracticeProvider> above it");
  return v;
}
