"use client";

/**
 * A student's exercise item: edit the starting code, submit it to the grading queue, and watch the
 * submission go from "queued" to "graded" (polled). Only the server grades assignment work.
 */
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { submitItemAction } from "@/app/classes/actions";
import type { PublicExercise } from "@/app/_server/classes/items";
import type { StudentSubmission } from "@/app/_server/classes/assignments";
import { CodeEditor } from "../simulator/code-editor";
import styles from "./classes.module.css";
import { LocalTime } from "./local-time";

const STATUS_LABEL: Record<string, string> = { QUEUED: "Queued", GRADING: "Grading", GRADED: "Graded", FAILED: "Failed" };

export function SubmissionResult({ s }: { s: StudentSubmission }) {
  const done = s.status === "GRADED" || s.status === "FAILED";
  return (
    <div className="stack" data-testid={`submission-${s.id}`}>
      <p>
        <span className="badge" data-testid="submission-status">
          {STATUS_LABEL[s.status] ?? s.status}
        </span>{" "}
        <span className="muted">
          submitted <LocalTime value={s.submittedAt} />
        </span>
        {done && s.status === "GRADED" && (
          <>
            {" "}
            — <strong data-testid="submission-score">{Math.round(s.score * 100)}%</strong> ({s.passed} of {s.total} tests pass)
          </>
        )}
      </p>
      {s.error && <p className="alert error">{s.error}</p>}
      {s.status === "GRADED" && (
        <ul className="test-cases">
          {s.visible.map((c) => (
            <li key={c.id} className={c.passed ? "case-pass" : "case-fail"}>
              <span aria-hidden="true">{c.passed ? "✓" : "✗"}</span> <span className="sr-only">{c.passed ? "Passed:" : "Failed:"}</span> {c.name} ({c.points}/{c.maxPoints})
              {!c.passed && c.message && <div className="case-message">{c.message}</div>}
            </li>
          ))}
          {s.hidden.passed + s.hidden.failed > 0 && (
            <li data-testid="hidden-summary">
              Hidden tests: {s.hidden.passed} passed, {s.hidden.failed} failed
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

interface Props {
  itemId: string;
  exercise: PublicExercise;
  closed: boolean;
  submissions: StudentSubmission[];
  /** A teacher's preview: the editor works, nothing is submitted. */
  preview?: boolean;
}

export function ItemExercise({ itemId, exercise, closed, submissions, preview = false }: Props) {
  const router = useRouter();
  const storageKey = `lambda-lab:assignment-item:${itemId}`;
  const mainFile = Object.keys(exercise.stub)[0]!;
  const [code, setCode] = useState(exercise.stub[mainFile]!);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [latest, setLatest] = useState<StudentSubmission | null>(submissions[0] ?? null);

  useEffect(() => {
    const saved = localStorage.getItem(storageKey);
    if (saved !== null) setCode(saved); // eslint-disable-line react-hooks/set-state-in-effect -- autosave lives in the browser
  }, [storageKey]);

  // Poll while the latest submission waits for the grader.
  const waitingId = latest && (latest.status === "QUEUED" || latest.status === "GRADING") ? latest.id : null;
  useEffect(() => {
    if (!waitingId) return;
    let stopped = false;
    const timer = setInterval(() => {
      void fetch(`/api/classes/submissions/${waitingId}`, { cache: "no-store" })
        .then((r) => (r.ok ? (r.json() as Promise<StudentSubmission>) : null))
        .then((s) => {
          if (stopped || !s) return;
          setLatest(s);
          if (s.status === "GRADED" || s.status === "FAILED") router.refresh();
        })
        .catch(() => {});
    }, 1000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [waitingId, router]);

  const edit = (value: string) => {
    setCode(value);
    try {
      localStorage.setItem(storageKey, value);
    } catch {
      // storage unavailable: editing still works
    }
  };

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await submitItemAction({ itemId, submissionId: crypto.randomUUID(), files: { ...exercise.stub, [mainFile]: code } });
      if (result.ok) {
        setLatest({ id: result.value.id, status: result.value.status, score: 0, passed: 0, total: 0, submittedAt: new Date().toISOString(), gradedAt: null, error: null, code: "", visible: [], hidden: { passed: 0, failed: 0 } });
      } else setError(result.error);
    } catch {
      setError("The server could not be reached. Your code is saved in this browser; try again.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stack">
      {exercise.visibleTests.length > 0 && (
        <p className="muted">
          Tests: {exercise.visibleTests.map((t) => `${t.name} (${t.points} pt)`).join("; ")}
          {exercise.hiddenTests > 0 && ` — and ${exercise.hiddenTests} hidden test${exercise.hiddenTests === 1 ? "" : "s"}`}.
        </p>
      )}
      <CodeEditor value={code} onChange={edit} language={mainFile.endsWith(".ts") ? "typescript" : "javascript"} label={`Code for ${exercise.title ?? exercise.id}`} onRun={() => {}} height={240} />
      <div className={styles.actions}>
        {preview ? (
          <span className="muted">Preview: students submit their code for grading here.</span>
        ) : (
          <button type="button" className="button" onClick={() => void submit()} disabled={busy || closed || waitingId !== null}>
            {busy ? "Submitting…" : waitingId ? "Waiting for the grader…" : "Submit for grading"}
          </button>
        )}
        <button type="button" className="button secondary" onClick={() => edit(exercise.stub[mainFile]!)} disabled={busy}>
          Reset to starting code
        </button>
        {closed && <span className="muted">This assignment no longer accepts submissions.</span>}
      </div>
      <div aria-live="polite">
        {error && (
          <p className="alert error" role="alert">
            {error}
          </p>
        )}
        {latest && <SubmissionResult s={latest} />}
      </div>
    </div>
  );
}
