"use client";

/**
 * "Run the visible tests in my browser" for a code question: the question's visible tests, run on
 * the simulator in a Web Worker (the lesson exercises' grader), for quick feedback before the
 * answer is checked — and graded, hidden tests included — on the server.
 */
import { useState } from "react";
import type { PublicQuestion } from "@/app/_lib/questions/public";
import type { ExerciseReport } from "@/sandbox/grading";
import { loadCatalogueEvent } from "../simulator/events";

type Code = Extract<PublicQuestion, { type: "code" }>;

export function CodeRun({ question, files }: { question: Code; files: Record<string, string> }) {
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ExerciseReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const e = question.exercise;
  if (e.tests.length === 0) return null;

  const run = async () => {
    setBusy(true);
    setError(null);
    setReport(null);
    const worker = new Worker(new URL("../exercise/grader.worker.ts", import.meta.url), { type: "module" });
    try {
      const ids = new Set<string>();
      for (const t of e.tests) {
        if (t.fromCatalogue) ids.add(t.fromCatalogue.id);
        for (const i of t.invocations ?? []) if (i.fromCatalogue) ids.add(i.fromCatalogue.id);
      }
      const catalogue = Object.fromEntries(await Promise.all([...ids].map(async (id) => [id, await loadCatalogueEvent(id)] as const)));
      // The exercise format wants a solution; the browser never has it, and the runner does not use it.
      const spec = { id: e.id, instructions: e.instructions, function: e.function, stub: e.stub, solution: e.stub, hints: e.hints, tests: e.tests };
      const result = await new Promise<{ ok: true; report: ExerciseReport } | { ok: false; error: string }>((resolve) => {
        const timer = setTimeout(() => resolve({ ok: false, error: "The tests took too long and were stopped. Look for code that never finishes." }), 30_000);
        worker.onmessage = (m: MessageEvent<{ ok: true; report: ExerciseReport } | { ok: false; error: string }>) => {
          clearTimeout(timer);
          resolve(m.data);
        };
        worker.onerror = (ev) => {
          clearTimeout(timer);
          ev.preventDefault();
          resolve({ ok: false, error: ev.message || "The test runner stopped." });
        };
        worker.postMessage({ spec, files, catalogue });
      });
      if (result.ok) setReport(result.report);
      else setError(result.error);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      worker.terminate();
      setBusy(false);
    }
  };

  return (
    <div className="code-run">
      <button type="button" className="button secondary" onClick={() => void run()} disabled={busy}>
        {busy ? "Running the tests in your browser…" : "Run the visible tests in my browser"}
      </button>
      <div aria-live="polite">
        {report && (
          <>
            <p className="practice-label">
              In your browser: {report.passed} of {report.total} visible tests pass{question.exercise.hiddenTests ? " (hidden tests run when you check the answer)" : ""}.
            </p>
            <ul className="test-cases">
              {report.cases.map((c) => (
                <li key={c.id} className={c.passed ? "case-pass" : "case-fail"}>
                  <span aria-hidden="true">{c.passed ? "✓" : "✗"}</span> <span className="sr-only">{c.passed ? "Passed:" : "Failed:"}</span> {c.name}
                  {!c.passed && c.message && <div className="case-message">{c.message}</div>}
                </li>
              ))}
            </ul>
          </>
        )}
        {error && (
          <p className="alert error" role="alert">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
