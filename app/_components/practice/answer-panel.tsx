"use client";

/**
 * A question answered with immediate feedback (browse, drills, review): the answer goes to the
 * server, which grades it and (signed in) records it once under the attempt id made here.
 */
import { useEffect, useRef, useState } from "react";
import type { GradeResult } from "@/app/_lib/questions/grade";
import type { PublicQuestion } from "@/app/_lib/questions/public";
import type { Reveal } from "@/app/_server/practice/reveal";
import type { RatingValue } from "@/app/practice/_lib/fsrs";
import { api, newAttemptId } from "./api";
import { usePractice } from "./practice-provider";
import { emptyDraft, toAnswer, type Draft } from "./draft";
import { Feedback, QuestionBody } from "./question";

export interface AnswerResponse {
  attemptId: string;
  recorded: boolean;
  result: GradeResult;
  reveal: Reveal;
  suggestedRating: RatingValue;
}

interface Props {
  question: PublicQuestion;
  mode: "BROWSE" | "DRILL" | "REVIEW";
  onAnswered?: (r: AnswerResponse) => void;
  /** Heading level and text shown above the question. */
  heading: React.ReactNode;
}

export function AnswerPanel({ question, mode, onAnswered, heading }: Props) {
  const practice = usePractice();
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(question));
  const [response, setResponse] = useState<AnswerResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const started = useRef(0);
  const attemptId = useRef("");
  useEffect(() => {
    started.current = Date.now();
    attemptId.current = newAttemptId();
  }, []);
  const answer = toAnswer(question, draft);

  const submit = async () => {
    if (!answer || busy || response) return;
    setBusy(true);
    setError(null);
    const durationMs = Math.min(Date.now() - started.current, 86_400_000);
    const r = await api<AnswerResponse>("/api/practice/answer", { attemptId: attemptId.current, questionId: question.id, answer, durationMs, mode });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setResponse(r.data);
    practice.addAttempt({ id: attemptId.current, questionId: question.id, answer, correct: r.data.result.correct, score: r.data.result.score, durationMs, mode, at: new Date().toISOString() });
    onAnswered?.(r.data);
  };

  return (
    <section className="practice-question card" aria-label={`Question ${question.id}`} data-testid={`question-${question.id}`}>
      {heading}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <QuestionBody question={question} draft={draft} onChange={setDraft} locked={response !== null || busy} reveal={response?.reveal} onSubmitShortcut={() => void submit()} />
        {!response && (
          <div className="practice-actions">
            <button type="submit" className="button" disabled={!answer || busy}>
              {busy ? (question.type === "code" ? "Running the tests on the server…" : "Checking…") : "Check answer"}
            </button>
            {!answer && <span className="muted">{question.type === "code" ? "" : "Answer to check."}</span>}
          </div>
        )}
      </form>
      <div aria-live="polite">
        {error && (
          <p className="alert error" role="alert">
            {error}
          </p>
        )}
        {response && <Feedback question={question} result={response.result} reveal={response.reveal} />}
      </div>
    </section>
  );
}
