"use client";

/**
 * The exercise runner: edit the starting code, run the tests in the browser (a Web Worker the page
 * terminates if it overruns), reveal hints one at a time, and submit for the server to re-verify.
 */
import { useCallback, useEffect, useId, useState, type ReactNode } from "react";
import { revealSolution, submitExercise } from "@/app/learn/exercise-actions";
import type { CaseResult, ExerciseReport } from "@/sandbox/grading";
import { plannedInvocations } from "@/sandbox/grading/plan";
import type { ExerciseSpec } from "@/sandbox/grading/spec";
import { runWorkerOnce } from "@/app/_lib/worker-once";
import { CodeEditor } from "../simulator/code-editor";
import { loadCatalogueEvent } from "../simulator/events";
import { exerciseReferences } from "./reference-actions";

interface Props {
  spec: ExerciseSpec;
  instructions: ReactNode;
  hints: ReactNode[];
}

function catalogueIds(spec: ExerciseSpec): string[] {
  const ids = new Set<string>();
  for (const t of spec.tests) {
    if (t.fromCatalogue) ids.add(t.fromCatalogue.id);
    for (const i of t.invocations ?? []) if (i.fromCatalogue) ids.add(i.fromCatalogue.id);
  }
  return [...ids];
}

function deadlineMs(spec: ExerciseSpec): number {
  return 8_000 + plannedInvocations(spec) * ((spec.function.timeoutSeconds ?? 3) * 1000 + 500);
}

/**
 * Runs the tests in a fresh Web Worker; a worker past the deadline is terminated. Each run draws a
 * new seed for randomised cases; where a case compares with the reference solution (which the
 * page never gets), the server sends that solution's outcomes for this seed's inputs.
 */
async function gradeInBrowser(spec: ExerciseSpec, files: Record<string, string>): Promise<ExerciseReport> {
  const seed = crypto.getRandomValues(new Uint32Array(1))[0]!;
  const needsReferences = spec.tests.some((t) => (t.invocations ?? [t]).some((i) => i.expect?.sameAsSolution));
  const [catalogue, references] = await Promise.all([
    Promise.all(catalogueIds(spec).map(async (id) => [id, await loadCatalogueEvent(id)] as const)).then((entries) => Object.fromEntries(entries)),
    needsReferences
      ? exerciseReferences({ exerciseId: spec.id, seed }).then((r) => {
          if (!r.ok) throw new Error(r.error);
          return r.references;
        })
      : undefined,
  ]);
  const { report } = await runWorkerOnce<{ report: ExerciseReport }>(
    () => new Worker(new URL("./grader.worker.ts", import.meta.url), { type: "module" }),
    { spec, files, catalogue, seed, references },
    deadlineMs(spec),
    "The tests took too long and were stopped. Look for code that never finishes.",
  );
  return report;
}

function Results({ report, label, randomised }: { report: ExerciseReport; label: string; randomised: boolean }) {
  return (
    <div className="exercise-results">
      <p className={`alert ${report.allPassed ? "success" : "error"}`} role="status">
        {label}: {report.passed} of {report.total} tests pass{report.allPassed ? " — well done!" : "."}
      </p>
      <ul className="test-cases">
        {report.cases.map((c: CaseResult) => (
          <li key={c.id} className={c.passed ? "case-pass" : "case-fail"} data-testid={`case-${c.id}`}>
            <span aria-hidden="true">{c.passed ? "✓" : "✗"}</span> <span className="sr-only">{c.passed ? "Passed:" : "Failed:"}</span> {c.hidden ? "Hidden test" : c.name}
            {!c.passed && c.message && <div className="case-message">{c.message}</div>}
          </li>
        ))}
      </ul>
      {randomised && report.seed !== undefined && <p className="muted">Randomised tests drew new inputs for this run (seed {report.seed}).</p>}
    </div>
  );
}

export function ExerciseClient({ spec, instructions, hints }: Props) {
  const storageKey = `lambda-lab:exercise:${spec.id}`;
  const domId = useId();
  const mainFile = Object.keys(spec.stub)[0]!;
  const randomised = spec.tests.some((t) => t.random);
  const language = mainFile.endsWith(".ts") ? "typescript" : "javascript";
  const [code, setCode] = useState(spec.stub[mainFile]!);
  const [shownHints, setShownHints] = useState(0);
  const [report, setReport] = useState<ExerciseReport | null>(null);
  const [serverReport, setServerReport] = useState<{ report: ExerciseReport; saved: boolean } | null>(null);
  const [busy, setBusy] = useState<"testing" | "submitting" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempts, setAttempts] = useState(0);
  const [solution, setSolution] = useState<string | null>(null);

  useEffect(() => {
    const saved = localStorage.getItem(storageKey);
    if (saved !== null) setCode(saved); // eslint-disable-line react-hooks/set-state-in-effect -- autosave lives in the browser
  }, [storageKey]);

  const edit = (value: string) => {
    setCode(value);
    try {
      localStorage.setItem(storageKey, value);
    } catch {
      // storage unavailable: editing still works
    }
  };

  const files = useCallback(() => ({ ...spec.stub, [mainFile]: code }), [spec.stub, mainFile, code]);

  const runTests = useCallback(async () => {
    setBusy("testing");
    setError(null);
    try {
      setReport(await gradeInBrowser(spec, files()));
      setAttempts((n) => n + 1);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  }, [spec, files]);

  const submit = async () => {
    setBusy("submitting");
    setError(null);
    try {
      setAttempts((n) => n + 2); // a submission counts as a genuine attempt
      const result = await submitExercise({ submissionId: crypto.randomUUID(), exerciseId: spec.id, files: files() });
      if (result.ok) setServerReport({ report: result.report, saved: result.saved });
      else setError(result.error);
    } catch {
      setError("The server could not be reached. Your code is saved in this browser; try again.");
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="exercise" aria-labelledby={`${domId}-title`} data-testid={`exercise-${spec.id}`}>
      <p className="exercise-kicker">Exercise</p>
      <h3 id={`${domId}-title`}>{spec.title ?? "Your turn"}</h3>
      <div className="exercise-instructions">{instructions}</div>
      <CodeEditor value={code} onChange={edit} language={language} label={`Code for the exercise ${spec.title ?? spec.id}`} onRun={() => void runTests()} height={260} />
      <div className="simulator-actions">
        <button type="button" className="button" onClick={() => void runTests()} disabled={busy !== null}>
          {busy === "testing" ? "Running tests…" : "Run tests"}
        </button>
        <button type="button" className="button secondary" onClick={() => void submit()} disabled={busy !== null}>
          {busy === "submitting" ? "Checking on the server…" : "Submit"}
        </button>
        {shownHints < hints.length && (
          <button type="button" className="button secondary" onClick={() => setShownHints((n) => n + 1)}>
            Show a hint ({shownHints + 1} of {hints.length})
          </button>
        )}
        {attempts >= 2 && solution === null && (
          <button
            type="button"
            className="button secondary"
            onClick={() =>
              void revealSolution({ exerciseId: spec.id, attempts }).then((r) =>
                r.ok ? setSolution(r.files[mainFile] ?? Object.values(r.files)[0] ?? "") : setError(r.error),
              )
            }
          >
            Show solution
          </button>
        )}
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            edit(spec.stub[mainFile]!);
            setReport(null);
            setServerReport(null);
          }}
          disabled={busy !== null}
        >
          Reset to starting code
        </button>
      </div>
      {shownHints > 0 && (
        <ol className="hints" aria-label="Hints">
          {hints.slice(0, shownHints).map((h, i) => (
            <li key={i}>{h}</li>
          ))}
        </ol>
      )}
      {solution !== null && (
        <details className="solution" open>
          <summary>Reference solution</summary>
          <pre>
            <code>{solution}</code>
          </pre>
        </details>
      )}
      <div aria-live="polite">
        {busy && <p role="status">{busy === "testing" ? "Running the tests in your browser…" : "The server is re-running the tests…"}</p>}
        {error && (
          <p className="alert error" role="alert">
            {error}
          </p>
        )}
        {report && !busy && <Results report={report} label="In your browser" randomised={randomised} />}
        {serverReport && !busy && (
          <>
            <Results report={serverReport.report} label="Verified on the server" randomised={randomised} />
            {!serverReport.saved && <p className="muted">Sign in to keep a record of your submissions.</p>}
          </>
        )}
      </div>
    </section>
  );
}
