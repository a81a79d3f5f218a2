"use client";

/**
 * A review session: today's due cards (under the daily limit), each question answered and graded
 * on the server, then rated Again/Hard/Good/Easy — the rating derived from correctness and time is
 * suggested — and scheduled with FSRS. The last rating can be undone.
 */
import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import type { PublicQuestion } from "@/app/_lib/questions/public";
import { dailyLimitSchema, dueQueue, previewIntervals, RATINGS, type CardState, type RatingValue } from "@/app/practice/_lib/fsrs";
import { AnswerPanel, type AnswerResponse } from "./answer-panel";
import { api, localDayStart } from "./api";
import { QuestionMeta } from "./drill";
import { readLocalPractice } from "./local-store";
import { usePractice, type HistoryCard } from "./practice-provider";

interface Item {
  card: HistoryCard;
  question: PublicQuestion;
}

function humanInterval(from: Date, to: Date): string {
  const mins = Math.max(1, Math.round((to.getTime() - from.getTime()) / 60_000));
  if (mins < 60) return `${mins} min`;
  const hours = Math.round(mins / 60);
  if (hours < 24) return `${hours} h`;
  const days = Math.round(hours / 24);
  return days < 60 ? `${days} d` : `${Math.round(days / 30)} mo`;
}

export function DailyLimit() {
  const { settings, setDailyLimit } = usePractice();
  const [text, setText] = useState(String(settings.dailyLimit));
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => setText(String(settings.dailyLimit)), [settings.dailyLimit]); // eslint-disable-line react-hooks/set-state-in-effect -- follow the stored setting
  return (
    <form
      className="filters"
      onSubmit={(e) => {
        e.preventDefault();
        const n = dailyLimitSchema.safeParse(Number(text));
        if (!n.success) return setMessage("Enter a whole number from 1 to 500.");
        setDailyLimit(n.data);
        setMessage(`Daily limit set to ${n.data} reviews.`);
      }}
    >
      <div className="field">
        <label htmlFor="daily-limit">Reviews per day (this device)</label>
        <input id="daily-limit" type="number" min={1} max={500} value={text} onChange={(e) => setText(e.target.value)} className="practice-textarea" style={{ width: "8rem" }} />
      </div>
      <button type="submit" className="button secondary">
        Save limit
      </button>
      <span role="status">{message}</span>
    </form>
  );
}

export function ReviewSession({ topicTitles }: { topicTitles: Record<string, string> }) {
  const practice = usePractice();
  const { signedIn, ready, settings } = practice;
  const [queue, setQueue] = useState<Item[] | null>(null);
  const [answered, setAnswered] = useState<AnswerResponse | null>(null);
  const [known, setKnown] = useState<Record<string, PublicQuestion>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [canUndo, setCanUndo] = useState(false);
  const [reviewed, setReviewed] = useState(0);
  const [status, setStatus] = useState("");

  const load = useCallback(async () => {
    setError(null);
    const since = localDayStart();
    if (signedIn) {
      const r = await api<{ queue: { card: HistoryCard; question: PublicQuestion }[] }>(`/api/practice/review?limit=${settings.dailyLimit}&since=${encodeURIComponent(since)}`);
      if (!r.ok) return setError(r.error);
      setQueue(r.data.queue);
      setKnown((k) => ({ ...k, ...Object.fromEntries(r.data.queue.map((i) => [i.question.id, i.question])) }));
      return;
    }
    // Signed out, this browser's store is the source of truth (read now, not from a render's snapshot).
    const local = readLocalPractice();
    const now = new Date();
    const all = Object.entries(local.cards).map(([questionId, c]) => ({ questionId, ...c }));
    const cards = dueQueue(all, now, settings.dailyLimit, local.ratings.filter((x) => x.at >= since).length);
    if (cards.length === 0) return setQueue([]);
    const r = await api<{ questions: PublicQuestion[] }>(`/api/practice/questions?ids=${cards.map((c) => c.questionId).join(",")}`);
    if (!r.ok) return setError(r.error);
    const byId = new Map(r.data.questions.map((q) => [q.id, q]));
    setKnown((k) => ({ ...k, ...Object.fromEntries(byId) }));
    setQueue(cards.flatMap((card) => (byId.has(card.questionId) ? [{ card, question: byId.get(card.questionId)! }] : [])));
  }, [signedIn, settings.dailyLimit]);

  useEffect(() => {
    if (ready) void load(); // eslint-disable-line react-hooks/set-state-in-effect -- fetch the queue once the history is known
  }, [ready, load]);

  const current = queue?.[0];

  const rate = async (rating: RatingValue) => {
    if (!current || busy) return;
    setBusy(true);
    setError(null);
    const now = new Date();
    if (signedIn) {
      const r = await api<{ card: CardState }>("/api/practice/review/rate", { questionId: current.card.questionId, rating }, { retries: 0 });
      setBusy(false);
      if (!r.ok) {
        setError(r.error);
        if (r.status === 409) setQueue((q) => q?.slice(1) ?? null);
        return;
      }
      practice.putCard({ questionId: current.card.questionId, ...r.data.card }, true);
    } else {
      setBusy(false);
      if (!practice.rateLocal(current.card.questionId, rating, now)) {
        setError("This card is not due.");
        setQueue((q) => q?.slice(1) ?? null);
        return;
      }
    }
    setStatus(`Rated ${RATINGS[rating - 1]!.label}.`);
    setCanUndo(true);
    setReviewed((n) => n + 1);
    setAnswered(null);
    setQueue((q) => q?.slice(1) ?? null);
  };

  const undo = async () => {
    setBusy(true);
    setError(null);
    let questionId: string | null = null;
    let card: CardState | null = null;
    if (signedIn) {
      const r = await api<{ questionId: string; card: CardState }>("/api/practice/review/undo", {}, { retries: 0 });
      if (!r.ok) setError(r.error);
      else {
        questionId = r.data.questionId;
        card = r.data.card;
        practice.putCard({ questionId, ...card }, "undo");
      }
    } else {
      const restored = practice.undoLocal();
      if (restored) {
        questionId = restored.questionId;
        card = restored;
      } else setError("There is no rating to undo.");
    }
    setBusy(false);
    setCanUndo(false);
    const question = questionId ? known[questionId] : undefined;
    if (questionId && question && card) {
      const restored: Item = { card: { questionId, ...card }, question };
      setQueue((q) => [restored, ...(q ?? []).filter((i) => i.card.questionId !== questionId)]);
      setAnswered(null);
      setReviewed((n) => Math.max(0, n - 1));
      setStatus("Last rating undone: the card is back in the queue.");
    }
  };

  if (queue === null) return <p role="status">{error ?? "Loading your review queue…"}</p>;

  const preview = current && answered ? previewIntervals(current.card, new Date()) : null;
  return (
    <div className="review">
      <p role="status" className="muted">
        {queue.length} card{queue.length === 1 ? "" : "s"} left today · {reviewed} reviewed this session
      </p>
      <p className="sr-only" aria-live="polite">
        {status}
      </p>
      {canUndo && (
        <p>
          <button type="button" className="button secondary" onClick={() => void undo()} disabled={busy}>
            Undo last rating
          </button>
        </p>
      )}
      {error && (
        <p className="alert error" role="alert">
          {error}
        </p>
      )}
      {!current && (
        <div className="card">
          <h2 style={{ fontSize: "1.1rem" }}>{reviewed > 0 ? "Done for now" : "Nothing due"}</h2>
          <p>
            {reviewed > 0 ? "You have reviewed every card due today within your daily limit." : "Answer questions in the bank, a drill or a mock interview: each one you answer joins this queue."}{" "}
            <Link href="/practice/drill">Start a topic drill</Link>.
          </p>
        </div>
      )}
      {current && (
        <>
          <AnswerPanel
            key={`${current.card.questionId}:${current.card.reps}:${reviewed}`}
            question={current.question}
            mode="REVIEW"
            heading={<QuestionMeta question={current.question} topicTitle={topicTitles[current.question.topic]} />}
            onAnswered={setAnswered}
          />
          {answered && preview && (
            <section aria-labelledby="rate-heading">
              <h2 id="rate-heading" className="practice-label" style={{ fontSize: "1rem" }}>
                How well did you know it? (suggested: {RATINGS[answered.suggestedRating - 1]!.label})
              </h2>
              <div className="rating-buttons" role="group" aria-labelledby="rate-heading">
                {RATINGS.map((r) => (
                  <button
                    key={r.value}
                    type="button"
                    className={`button${r.value === answered.suggestedRating ? " suggested" : " secondary"}`}
                    onClick={() => void rate(r.value)}
                    disabled={busy}
                    aria-label={`${r.label}${r.value === answered.suggestedRating ? " (suggested)" : ""}: next review in ${humanInterval(new Date(), preview[r.value])}`}
                  >
                    {r.label}
                    <span className="hint">{humanInterval(new Date(), preview[r.value])}</span>
                  </button>
                ))}
              </div>
            </section>
          )}
        </>
      )}
    </div>
  );
}
