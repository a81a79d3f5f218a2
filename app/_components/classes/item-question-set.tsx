"use client";

/**
 * A student's question-set item: the questions in /practice's question UI (QuestionBody, drafts),
 * answered together and graded on the server. The result shows the score against the pass mark
 * and each question's verdict; answers and explanations are not revealed (the set may be retried).
 */
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { PublicQuestion } from "@/app/_lib/questions/public";
import { submitQuestionSetAction } from "@/app/classes/actions";
import { emptyDraft, toAnswer, type Draft } from "../practice/draft";
import { QuestionBody, TYPE_LABEL } from "../practice/question";
import "../practice/practice.css";

interface Outcome {
  caseId: string;
  name: string;
  passed: boolean;
  points: number;
  message: string;
}

interface Props {
  itemId: string;
  passMark: number;
  questions: PublicQuestion[];
  closed: boolean;
  /** The latest graded attempt, if any. */
  latest: { score: number; submittedAt: string; outcomes: Outcome[] } | null;
  /** Teacher preview: nothing can be submitted. */
  preview?: boolean;
}

export function ItemQuestionSet({ itemId, passMark, questions, closed, latest, preview = false }: Props) {
  const router = useRouter();
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() => Object.fromEntries(questions.map((q) => [q.id, emptyDraft(q)])));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState(latest);
  const answered = questions.filter((q) => toAnswer(q, drafts[q.id]!) !== null && toAnswer(q, drafts[q.id]!) !== undefined);

  const submit = async () => {
    if (busy || preview) return;
    setBusy(true);
    setError(null);
    const answers = Object.fromEntries(answered.map((q) => [q.id, toAnswer(q, drafts[q.id]!)]));
    const r = await submitQuestionSetAction({ itemId, submissionId: crypto.randomUUID(), answers });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setResult({ score: r.value.score, submittedAt: new Date().toISOString(), outcomes: r.value.results });
    router.refresh();
  };

  const verdict = (id: string) => result?.outcomes.find((o) => o.caseId === id);
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="muted">
        {questions.length} question{questions.length === 1 ? "" : "s"}; pass at {passMark}%. Your answers are checked on the server; you see which ones are right, not the answers.
      </p>
      {questions.map((q, index) => {
        const v = verdict(q.id);
        return (
          <section key={q.id} className="practice-question card" aria-labelledby={`q-${itemId}-${q.id}`} data-testid={`set-question-${index}`}>
            <h3 id={`q-${itemId}-${q.id}`}>
              Question {index + 1} <span className="muted">({TYPE_LABEL[q.type]})</span>
            </h3>
            <QuestionBody question={q} draft={drafts[q.id]!} onChange={(d) => setDrafts((all) => ({ ...all, [q.id]: d }))} locked={busy || closed || preview} />
            {v && (
              <p className={v.passed ? "case-pass" : "case-fail"} data-testid="question-verdict">
                <span aria-hidden="true">{v.passed ? "✓ " : "✗ "}</span>
                {v.passed ? "Right in your last attempt" : `Last attempt: ${v.message || "not right"}`}
              </p>
            )}
          </section>
        );
      })}
      {!preview && (
        <div>
          <button type="submit" className="button" disabled={busy || closed || answered.length === 0}>
            {busy ? "Checking your answers…" : `Submit ${answered.length} of ${questions.length} answers`}
          </button>
        </div>
      )}
      <div aria-live="polite">
        {error && (
          <p className="alert error" role="alert">
            {error}
          </p>
        )}
        {result && (
          <p data-testid="set-result">
            <strong>{Math.round(result.score * 100)}%</strong> — {result.score * 100 >= passMark ? "passed" : `not yet: the pass mark is ${passMark}%`} ({result.outcomes.filter((o) => o.passed).length} of {result.outcomes.length} right).
          </p>
        )}
      </div>
    </form>
  );
}
