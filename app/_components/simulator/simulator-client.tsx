"use client";

/**
 * <Simulator>: write a handler, pick or edit an event, run it on the simulated Lambda service in a
 * Web Worker, and read the response and the CloudWatch-style logs. Code never runs on page load;
 * edits are autosaved per lesson; "Share" puts code, event and settings in a link.
 */
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import type { BrowserSimulator } from "@/sandbox/hosts/browser";
import type { FunctionConfig, InvokeResult, LayerSource, LogEvent } from "@/sandbox/runtime/types";
import { CodeEditor } from "./code-editor";
import { loadCatalogueEvent, type CatalogueGroup } from "./events";
import { decodeShare, encodeShare, type SimulatorSnapshot } from "./share";

export interface SimulatorProps {
  /** Unique within the page: the autosave and share key. */
  id: string;
  title?: string;
  initialCode: string;
  language?: "javascript" | "typescript";
  /** A catalogue event id ("s3/put") or an event object. */
  event?: string | object;
  handler?: string;
  memory?: number;
  timeout?: number;
  env?: Record<string, string>;
  /**
   * Layers attached to the function, in order (extracted into /opt; a later layer's file replaces
   * an earlier one's). Shown read-only beside the editor; they are the lesson's, not the learner's.
   */
  layers?: LayerSource[];
  /** The event picker's options (from the server, so the manifest is not in the bundle). */
  catalogue: CatalogueGroup[];
}

const MEMORY_CHOICES = [128, 256, 512, 1024, 1769, 3008, 10240];

function fileName(code: string, language: "javascript" | "typescript"): string {
  if (language === "typescript") return "index.ts";
  return /^\s*export\s/m.test(code) ? "index.mjs" : "index.js";
}

function parseEnv(text: string): { env: Record<string, string>; error: string | null } {
  const env: Record<string, string> = {};
  for (const [i, raw] of text.split("\n").entries()) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const eq = line.indexOf("=");
    if (eq <= 0) return { env, error: `Line ${i + 1}: write KEY=value` };
    env[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return { env, error: null };
}

function jsonError(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    return `The event is not valid JSON: ${(error as Error).message}`;
  }
}

/** The attached layers' files as they appear under /opt, read-only. */
function LayerFiles({ layers }: { layers: LayerSource[] }) {
  return (
    <aside className="simulator-layers" aria-label="Attached layers (read-only)">
      {layers.map((layer, i) => (
        <section key={layer.name} data-testid={`layer-${layer.name}`}>
          <h4>
            Layer {i + 1}: {layer.name} <span className="muted">(read-only)</span>
          </h4>
          {Object.entries(layer.files).map(([path, text]) => (
            <figure key={path} className="layer-file">
              <figcaption>
                <code>/opt/{path.replace(/^\/?(opt\/)?/, "")}</code>
              </figcaption>
              <pre tabIndex={0}>
                <code>{text}</code>
              </pre>
            </figure>
          ))}
        </section>
      ))}
    </aside>
  );
}

export function SimulatorClient(props: SimulatorProps) {
  const language = props.language ?? "javascript";
  const pathname = usePathname();
  const storageKey = `lambda-lab:sim:${pathname}:${props.id}`;
  const domId = useId();
  const initialEventId = typeof props.event === "string" ? props.event : "";

  const defaults = useMemo<SimulatorSnapshot>(
    () => ({
      code: props.initialCode,
      eventId: initialEventId,
      eventText: typeof props.event === "object" ? JSON.stringify(props.event, null, 2) : "{}",
      memory: props.memory ?? 128,
      timeout: props.timeout ?? 3,
      envText: Object.entries(props.env ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join("\n"),
    }),
    [props.initialCode, props.event, props.memory, props.timeout, props.env, initialEventId],
  );
  const [snap, setSnap] = useState<SimulatorSnapshot>(defaults);
  const [restored, setRestored] = useState<"saved" | "shared" | null>(null);
  const [result, setResult] = useState<InvokeResult | null>(null);
  const [logs, setLogs] = useState<LogEvent[]>([]);
  const [running, setRunning] = useState(false);
  const [warm, setWarm] = useState(false);
  const [hostError, setHostError] = useState<string | null>(null);
  const [shareUrl, setShareUrl] = useState<string | null>(null);
  // The catalogue event being fetched: Run waits for it, so a run never sends the previous event.
  const [loadingEvent, setLoadingEvent] = useState<string | null>(null);
  // Counts event choices (picks and JSON edits): a fetched event applies only if it is the latest.
  const pickRef = useRef(0);
  const simRef = useRef<BrowserSimulator | null>(null);
  const configuredRef = useRef<string | null>(null);

  // Restore: a shared link for this simulator wins, then this browser's autosave. Never runs code.
  useEffect(() => {
    const shared = decodeShare(window.location.hash, props.id);
    if (shared) {
      setSnap(shared); // eslint-disable-line react-hooks/set-state-in-effect -- reading the URL and storage needs the browser
      setRestored("shared");
      return;
    }
    try {
      const saved = JSON.parse(localStorage.getItem(storageKey) ?? "null") as SimulatorSnapshot | null;
      if (saved && typeof saved.code === "string") {
        setSnap({ ...defaults, ...saved });
        setRestored("saved");
        return;
      }
    } catch {
      // unreadable autosave: keep the lesson's code
    }
    if (initialEventId) {
      const pick = pickRef.current;
      setLoadingEvent(initialEventId);
      void loadCatalogueEvent(initialEventId).then(
        (event) => {
          if (pick !== pickRef.current) return; // the learner picked or typed another event meanwhile
          setSnap((s) => ({ ...s, eventText: JSON.stringify(event, null, 2) }));
          setLoadingEvent(null);
        },
        () => pick === pickRef.current && setLoadingEvent(null),
      );
    }
  }, [defaults, initialEventId, props.id, storageKey]);

  const update = useCallback(
    (patch: Partial<SimulatorSnapshot>) => {
      setSnap((s) => {
        const next = { ...s, ...patch };
        try {
          localStorage.setItem(storageKey, JSON.stringify(next));
        } catch {
          // storage full or blocked: editing still works
        }
        return next;
      });
      setShareUrl(null);
    },
    [storageKey],
  );

  useEffect(() => () => simRef.current?.dispose(), []);

  const envParse = parseEnv(snap.envText);
  const eventProblem = jsonError(snap.eventText);

  const run = useCallback(async () => {
    if (running || loadingEvent) return;
    const problem = jsonError(snap.eventText) ?? parseEnv(snap.envText).error;
    if (problem) return;
    setRunning(true);
    setHostError(null);
    setLogs([]);
    try {
      if (!simRef.current) {
        const { createBrowserSimulator } = await import("@/sandbox/hosts/browser");
        simRef.current = createBrowserSimulator();
        simRef.current.onLog((event) => setLogs((l) => [...l, event]));
      }
      const config: FunctionConfig = {
        functionName: "lesson-function",
        handler: props.handler ?? "index.handler",
        memoryMB: snap.memory,
        timeoutSeconds: snap.timeout,
        environment: parseEnv(snap.envText).env,
        files: { [fileName(snap.code, language)]: snap.code },
        layers: props.layers,
      };
      const key = JSON.stringify(config);
      if (configuredRef.current !== key) {
        simRef.current.configure(config); // new code or settings: a new environment, a cold start
        configuredRef.current = key;
      }
      const outcome = await simRef.current.invoke(JSON.parse(snap.eventText));
      setResult(outcome);
      setLogs(outcome.logs);
      setWarm(!outcome.environmentReset);
    } catch (error) {
      setHostError((error as Error).message);
      configuredRef.current = null;
    } finally {
      setRunning(false);
    }
  }, [running, loadingEvent, snap, props.handler, props.layers, language]);

  const forceCold = async () => {
    await simRef.current?.reset();
    setWarm(false);
  };

  const resetCode = () => {
    update({ ...defaults });
    localStorage.removeItem(storageKey);
    setRestored(null);
    if (initialEventId) void pickEvent(initialEventId);
  };

  const pickEvent = async (id: string) => {
    const pick = ++pickRef.current;
    setLoadingEvent(id || null);
    update({ eventId: id });
    if (!id) return;
    try {
      const event = await loadCatalogueEvent(id);
      if (pick === pickRef.current) update({ eventText: JSON.stringify(event, null, 2) });
    } catch (error) {
      if (pick === pickRef.current) setHostError((error as Error).message);
    } finally {
      if (pick === pickRef.current) setLoadingEvent(null);
    }
  };

  const editEvent = (eventText: string) => {
    pickRef.current++;
    setLoadingEvent(null);
    update({ eventText, eventId: "" });
  };

  const share = async () => {
    const url = `${window.location.origin}${pathname}${encodeShare(props.id, snap)}`;
    setShareUrl(url);
    await navigator.clipboard?.writeText(url).catch(() => {});
  };

  const status = result ? (result.status === "success" ? "Succeeded" : result.status === "timeout" ? "Timed out" : "Failed") : null;

  return (
    <section className="simulator" aria-labelledby={`${domId}-title`} data-testid={`simulator-${props.id}`}>
      <header className="simulator-head">
        <h3 id={`${domId}-title`}>{props.title ?? "Try it"}</h3>
        {restored && (
          <span className="muted" role="status">
            {restored === "shared" ? "Opened from a shared link" : "Your saved edits"}
          </span>
        )}
      </header>
      {props.layers?.length ? (
        <div className="simulator-with-layers">
          <CodeEditor value={snap.code} onChange={(code) => update({ code })} language={language} label="Handler code" onRun={() => void run()} />
          <LayerFiles layers={props.layers} />
        </div>
      ) : (
        <CodeEditor value={snap.code} onChange={(code) => update({ code })} language={language} label="Handler code" onRun={() => void run()} />
      )}
      <div className="simulator-controls">
        <div className="field">
          <label htmlFor={`${domId}-event`}>Event</label>
          <select id={`${domId}-event`} value={snap.eventId} onChange={(e) => void pickEvent(e.target.value)}>
            <option value="">Custom event</option>
            {props.catalogue.map((group) => (
              <optgroup key={group.id} label={group.title}>
                {group.events.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.title}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${domId}-memory`}>Memory (MB)</label>
          <select id={`${domId}-memory`} value={snap.memory} onChange={(e) => update({ memory: Number(e.target.value) })}>
            {[...new Set([...MEMORY_CHOICES, snap.memory])].sort((a, b) => a - b).map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${domId}-timeout`}>Timeout (s)</label>
          <input id={`${domId}-timeout`} type="number" min={1} max={900} value={snap.timeout} onChange={(e) => update({ timeout: Math.min(900, Math.max(1, Number(e.target.value) || 1)) })} />
        </div>
      </div>
      <details className="simulator-details">
        <summary>Event JSON and environment variables</summary>
        <div className="field">
          <label htmlFor={`${domId}-json`}>Event JSON</label>
          <textarea
            id={`${domId}-json`}
            className="code-fallback"
            spellCheck={false}
            value={snap.eventText}
            rows={10}
            aria-invalid={eventProblem ? true : undefined}
            aria-describedby={eventProblem ? `${domId}-json-error` : undefined}
            onChange={(e) => editEvent(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${domId}-env`}>Environment variables (KEY=value, one per line)</label>
          <textarea id={`${domId}-env`} className="code-fallback" spellCheck={false} rows={3} value={snap.envText} aria-invalid={envParse.error ? true : undefined} onChange={(e) => update({ envText: e.target.value })} />
          {envParse.error && <p className="field-error">{envParse.error}</p>}
        </div>
      </details>
      {eventProblem && (
        <p id={`${domId}-json-error`} className="field-error" role="alert">
          {eventProblem}
        </p>
      )}
      <div className="simulator-actions">
        <button type="button" className="button" onClick={() => void run()} disabled={running || loadingEvent !== null || !!eventProblem || !!envParse.error} aria-keyshortcuts="Control+Enter Meta+Enter">
          {running ? "Running…" : "Run"} <kbd>Ctrl+Enter</kbd>
        </button>
        <button type="button" className="button secondary" onClick={() => void forceCold()} disabled={running}>
          Force cold start
        </button>
        <button type="button" className="button secondary" onClick={resetCode} disabled={running}>
          Reset code
        </button>
        <button type="button" className="button secondary" onClick={() => void share()}>
          Share
        </button>
      </div>
      {shareUrl && (
        <p className="muted" role="status">
          Link copied: <input readOnly value={shareUrl} aria-label="Share link" onFocus={(e) => e.target.select()} style={{ width: "100%" }} />
        </p>
      )}
      <div className="simulator-output" aria-live="polite">
        {running && <p role="status">Running in the simulated Lambda service…</p>}
        {hostError && (
          <p className="alert error" role="alert">
            The simulator stopped: {hostError}
          </p>
        )}
        {result && !running && (
          <>
            <p className="simulator-status">
              <span className={`badge status-${result.status}`}>{status}</span>{" "}
              <span className="badge">{result.coldStart ? "Cold start" : "Warm start"}</span>{" "}
              <span className="muted">
                {result.durationMs.toFixed(2)} ms · billed {result.billedDurationMs} ms · {result.maxMemoryUsedMB} of {result.memorySizeMB} MB
                {result.initDurationMs !== undefined && ` · init ${result.initDurationMs.toFixed(2)} ms`}
              </span>
              {warm && <span className="muted"> · the environment stays warm</span>}
            </p>
            <h4>Response</h4>
            <pre className="simulator-response" data-testid="simulator-response">{JSON.stringify(result.payload, null, 2) ?? "null"}</pre>
          </>
        )}
        {logs.length > 0 && (
          <>
            <h4>Logs</h4>
            <ol className="log-lines" data-testid="simulator-logs">
              {logs.map((line, i) => (
                <li key={i} className={`log-${line.kind}${/^(START|END|REPORT|INIT_START|INIT_REPORT)\b/.test(line.message) ? " log-frame" : ""}`}>
                  {line.message}
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
    </section>
  );
}
