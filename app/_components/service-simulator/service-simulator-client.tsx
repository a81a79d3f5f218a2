"use client";

/**
 * <ServiceSimulator>: a whole architecture — a SAM template and a drive file of stimuli — run on
 * the simulated Lambda service in a Web Worker, and its report drawn: summary, timeline, dead
 * letters, destinations, per-minute metrics and cost. Nothing runs until the learner presses Run.
 */
import { useId, useState } from "react";
import type { RunReport } from "@/sandbox/service/types";
import { runWorkerOnce } from "@/app/_lib/worker-once";
import { formatMs, Timeline } from "./timeline";

const HARD_STOP_MS = 60_000;

async function runInWorker(template: string, drive: string): Promise<RunReport> {
  const { report } = await runWorkerOnce<{ report: RunReport }>(
    () => new Worker(new URL("./service.worker.ts", import.meta.url), { type: "module" }),
    { template, drive },
    HARD_STOP_MS,
    "The run took longer than a minute and was stopped.",
  );
  return report;
}

function usd(value: number): string {
  return value < 0.01 ? `$${value.toFixed(6)}` : `$${value.toFixed(2)}`;
}

export function ServiceSimulatorClient({ id, title, template: initialTemplate, drive: initialDrive }: { id: string; title?: string; template: string; drive: string }) {
  const domId = useId();
  const [template, setTemplate] = useState(initialTemplate);
  const [drive, setDrive] = useState(initialDrive);
  const [report, setReport] = useState<RunReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      setReport(await runInWorker(template, drive));
    } catch (e) {
      setError((e as Error).message);
      setReport(null);
    } finally {
      setRunning(false);
    }
  };

  const s = report?.summary;
  const deadLetters = report ? Object.entries(report.deadLetters).flatMap(([queue, messages]) => messages.map((m) => ({ queue, ...m }))) : [];
  return (
    <section className="simulator service-simulator" aria-labelledby={`${domId}-title`} data-testid={`service-simulator-${id}`}>
      <header className="simulator-head">
        <h3 id={`${domId}-title`}>{title ?? "Run the architecture"}</h3>
      </header>
      <div className="service-editors">
        <div className="field">
          <label htmlFor={`${domId}-template`}>SAM template</label>
          <textarea id={`${domId}-template`} className="code-fallback" spellCheck={false} rows={14} value={template} onChange={(e) => setTemplate(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${domId}-drive`}>Stimuli (drive file)</label>
          <textarea id={`${domId}-drive`} className="code-fallback" spellCheck={false} rows={14} value={drive} onChange={(e) => setDrive(e.target.value)} />
        </div>
      </div>
      <div className="simulator-actions">
        <button type="button" className="button" onClick={() => void run()} disabled={running}>
          {running ? "Simulating…" : "Run"}
        </button>
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            setTemplate(initialTemplate);
            setDrive(initialDrive);
            setReport(null);
          }}
          disabled={running}
        >
          Reset
        </button>
      </div>
      <div aria-live="polite">
        {running && <p role="status">Simulating in virtual time…</p>}
        {error && (
          <p className="alert error" role="alert">
            {error}
          </p>
        )}
      </div>
      {report && s && (
        <div className="service-report" data-testid="service-report">
          {report.warnings.length > 0 && (
            <ul className="alert" aria-label="Template warnings">
              {report.warnings.map((w, i) => (
                <li key={i}>{`${w.resource ?? ""}${w.property ? `.${w.property}` : ""}: ${w.message}`}</li>
              ))}
            </ul>
          )}
          <dl className="stat-grid">
            {(
              [
                ["Invocations", s.invocations],
                ["Cold starts", s.coldStarts],
                ["Errors", s.errors],
                ["Timeouts", s.timeouts],
                ["Retries", s.retries],
                ["Throttles", s.throttles],
                ["Dead letters", s.deadLetters],
                ["Destinations", s.destinations],
                ["Peak concurrency", s.maxConcurrency],
                ["Cost", usd(report.cost.totalUsd)],
              ] as const
            ).map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd data-testid={`stat-${label.toLowerCase().replace(/ /g, "-")}`}>{value}</dd>
              </div>
            ))}
          </dl>
          <Timeline invocations={report.invocations} duration={report.duration} />
          <details>
            <summary>Invocations ({report.invocations.length})</summary>
            <div className="table-scroll">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">At</th>
                    <th scope="col">Function</th>
                    <th scope="col">Trigger</th>
                    <th scope="col">Attempt</th>
                    <th scope="col">Outcome</th>
                    <th scope="col">Duration</th>
                    <th scope="col">Start</th>
                  </tr>
                </thead>
                <tbody>
                  {report.invocations.slice(0, 200).map((inv) => (
                    <tr key={`${inv.requestId}-${inv.attempt}-${inv.start}`}>
                      <td>{formatMs(inv.start)}</td>
                      <td>
                        {inv.function}:{inv.version}
                      </td>
                      <td>{inv.trigger}</td>
                      <td>{inv.attempt}</td>
                      <td>{inv.status === "throttled" ? `throttled (${inv.throttleReason ?? ""})` : inv.errorType ? `${inv.status}: ${inv.errorType}` : inv.status}</td>
                      <td>{inv.status === "throttled" ? "—" : `${inv.duration.toFixed(2)} ms`}</td>
                      <td>{inv.status === "throttled" ? "—" : inv.coldStart ? "cold" : "warm"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
          {deadLetters.length > 0 && (
            <details open>
              <summary>Dead-letter queue messages ({deadLetters.length})</summary>
              <ul className="log-lines">
                {deadLetters.map((m) => (
                  <li key={m.messageId}>
                    {`${m.queue} at ${formatMs(m.time)}: ErrorCode ${m.messageAttributes.ErrorCode.stringValue}, ErrorMessage "${m.messageAttributes.ErrorMessage.stringValue}", body ${m.body}`}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {report.destinations.length > 0 && (
            <details>
              <summary>Destination deliveries ({report.destinations.length})</summary>
              <ul className="log-lines">
                {report.destinations.map((d, i) => (
                  <li key={i}>{`${d.on} → ${d.target} (${d.kind}) at ${formatMs(d.time)}: ${JSON.stringify(d.record.requestContext)}`}</li>
                ))}
              </ul>
            </details>
          )}
          <details>
            <summary>Cost breakdown</summary>
            <table className="table">
              <tbody>
                <tr>
                  <th scope="row">Requests</th>
                  <td>
                    {report.cost.requests.count} · {usd(report.cost.requests.usd)}
                  </td>
                </tr>
                {report.cost.compute.map((c) => (
                  <tr key={c.architecture}>
                    <th scope="row">Compute ({c.architecture})</th>
                    <td>
                      {c.gbSeconds.toFixed(4)} GB-s · {usd(c.usd)}
                    </td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">Provisioned concurrency</th>
                  <td>{usd(report.cost.provisioned.usd)}</td>
                </tr>
                <tr>
                  <th scope="row">Total{report.cost.freeTierApplied ? " (after the free tier)" : ""}</th>
                  <td>{usd(report.cost.totalUsd)}</td>
                </tr>
              </tbody>
            </table>
          </details>
        </div>
      )}
    </section>
  );
}
