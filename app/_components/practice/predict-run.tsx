"use client";

import { useState } from "react";
import type { PublicQuestion } from "@/app/_lib/questions/public";
import { loadCatalogueEvent } from "../simulator/events";

type Predict = Extract<PublicQuestion, { type: "predict" }>;
type Outcome = { ok: true; observed: string; logs: string[] } | { ok: false; error: string };

/** "Run it on the simulator": the question's handler and events, run in a Web Worker in this browser. */
export function PredictRun({ question }: { question: Predict }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const run = async () => {
    setBusy(true);
    setOutcome(null);
    const worker = new Worker(new URL("./predict.worker.ts", import.meta.url), { type: "module" });
    try {
      const ids = question.invocations.flatMap((i) => ("fromCatalogue" in i ? [i.fromCatalogue.id] : []));
      const catalogue = Object.fromEntries(await Promise.all(ids.map(async (id) => [id, await loadCatalogueEvent(id)] as const)));
      const result = await new Promise<Outcome>((resolve) => {
        const timer = setTimeout(() => resolve({ ok: false, error: "The run took too long and was stopped." }), 20_000);
        worker.onmessage = (e: MessageEvent<Outcome>) => {
          clearTimeout(timer);
          resolve(e.data);
        };
        worker.onerror = (e) => {
          clearTimeout(timer);
          e.preventDefault();
          resolve({ ok: false, error: e.message || "The simulator stopped." });
        };
        worker.postMessage({ setup: { function: question.function, invocations: question.invocations, observe: question.observe }, catalogue });
      });
      setOutcome(result);
    } catch (error) {
      setOutcome({ ok: false, error: (error as Error).message });
    } finally {
      worker.terminate();
      setBusy(false);
    }
  };

  return (
    <div className="predict-run">
      <button type="button" className="button secondary" onClick={() => void run()} disabled={busy}>
        {busy ? "Running on the simulator…" : "Run it on the simulator"}
      </button>
      <div aria-live="polite">
        {outcome?.ok && (
          <>
            <p className="practice-label">The simulator observed ({question.observe}):</p>
            <pre className="practice-pre">{outcome.observed}</pre>
            {outcome.logs.length > 0 && (
              <details>
                <summary>Full logs</summary>
                <pre className="practice-pre">{outcome.logs.join("\n")}</pre>
              </details>
            )}
          </>
        )}
        {outcome && !outcome.ok && (
          <p className="alert error" role="alert">
            {outcome.error}
          </p>
        )}
      </div>
    </div>
  );
}
