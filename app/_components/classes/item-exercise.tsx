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
import { runWorkerOnce } from "@/app/_lib/worker-once";
import type { ExerciseReport } from "@/sandbox/grading";
import { CodeEditor } from "../simulator/code-editor";
import { loadCatalogueEvent } from "../simulator/events";
import styles from "./classes.module.css";
import { LocalTime } from "./local-time";

const STATUS_LABEL: Record<string, string> = { QUEUED: "Queued", GRADING: "Grading", GRADED: "Graded", FAILED: "Failed" };

/**
 * The visible tests, run in a fresh Web Worker with the lesson exercises' grader (killed if it
 * overruns): quick feedback only — the grade comes from the server, hidden tests included.
 */
async function runVisibleTests(exercise: PublicExercise, files: Record<string, string>): Promise<ExerciseReport> {
  const tests = exercise.browserTests;
  const ids = new Set<string>();
  for (const t of tests) {
    if (t.fromCatalogue) ids.add(t.fromCatalogue.id);
    for (const i of t.invocations ?? []) if (i.fromCatalogue) ids.add(i.fromCatalogue.id);
  }
  const catalogue = Object.fromEntries(await Promise.all([...ids].map(async (id) => [id, await loadCatalogueEvent(id)] as const)));
  // The format wants a solution; the browser never has it and no test here uses it.
  const spec = { id: exercise.id, instructions: exercise.instructions, function: exercise.function, stub: exercise.stub, solution: exercise.stub, hints: exercise.hints, tests };
  const invocations = tests.reduce((n, t) => n + (t.invocations?.length ?? 1) * (t.random?.count ?? 1), 0);
  const { report } = await runWorkerOnce<{ report: ExerciseReport }>(
    () => new Worker(new URL("../exercise/grader.worker.ts", import.meta.url), { type: "module" }),
    { spec, files, catalogue, seed: crypto.getRandomValues(new Uint32Array(1))[0]! },
    8_000 + invocations * ((exercise.function.timeoutSeconds ?? 3) * 1000 + 500),
    "The tests took too long and were stopped. Look for code that never finishes.",
  );
  return report;
}

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
  const [local, setLocal] = useState<{ running: boolean; report: ExerciseReport | null; error: string | null }>({ running: false, report: null, error: null });

  const runLocally = async () => {
    setLocal({ running: true, report: null, error: null });
    try {
      setLocal({ running: false, report: await runVisibleTests(exercise, { ...exercise.stub, [mainFile]: code }), error: null });
    } catch (error) {
      setLocal({ running: false, report: null, error: (error as Error).message });
    }
  };

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
        {exercise.browserTests.length > 0 && (
          <button type="button" className="button secondary" onClick={() => void runLocally()} disabled={local.running}>
            {local.running ? "Running the visible tests…" : "Run the visible tests in my browser"}
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
        {local.error && (
          <p className="alert error" role="alert">
            {local.error}
          </p>
        )}
        {local.report && (
          <div data-testid="browser-run">
            <p>
              In your browser: {local.report.passed} of {local.report.total} visible tests pass. Submit for the grade (hidden tests included).
            </p>
            <ul className="test-cases">
              {local.report.cases.map((c) => (
                <li key={c.id} className={c.passed ? "case-pass" : "case-fail"}>
                  <span aria-hidden="true">{c.passed ? "✓" : "✗"}</span> <span className="sr-only">{c.passed ? "Passed:" : "Failed:"}</span> {c.name}
                  {!c.passed && c.message && <div className="case-message">{c.message}</div>}
                </li>
              ))}
            </ul>
          </div>
        )}
        {latest && <SubmissionResult s={latest} />}
      </div>
    </div>
  );
}
