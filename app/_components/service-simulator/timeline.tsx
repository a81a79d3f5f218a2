/**
 * The run as a picture: one row per execution environment (grouped by function), a bar per
 * invocation from its start to its end in virtual time, coloured by outcome, and throttles as
 * marks on their function's row. Screen readers get a summary and the table below it.
 */
import type { InvocationRecord } from "@/sandbox/service/types";

const ROW = 22;
const LEFT = 190;
const WIDTH = 720;
const MAX_BARS = 400;

export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export function Timeline({ invocations, duration }: { invocations: InvocationRecord[]; duration: number }) {
  const shown = invocations.slice(0, MAX_BARS);
  const end = Math.max(duration, ...shown.map((i) => i.end), 1);
  const rows: string[] = [];
  const envNumbers = new Map<string, number>();
  const envsPerFunction = new Map<string, number>();
  const rowOf = (inv: InvocationRecord) => {
    let key: string;
    if (inv.status === "throttled") key = `${inv.function} throttled`;
    else {
      const envKey = `${inv.function}/${inv.environmentId ?? "?"}`;
      if (!envNumbers.has(envKey)) {
        const n = (envsPerFunction.get(inv.function) ?? 0) + 1;
        envsPerFunction.set(inv.function, n);
        envNumbers.set(envKey, n);
      }
      key = `${inv.function} env ${envNumbers.get(envKey)}`;
    }
    if (!rows.includes(key)) rows.push(key);
    return rows.indexOf(key);
  };
  const bars = shown.map((inv) => ({ inv, row: rowOf(inv) }));
  const height = rows.length * ROW + 30;
  const x = (t: number) => LEFT + (t / end) * WIDTH;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * end);
  const counts = { success: 0, error: 0, timeout: 0, throttled: 0 };
  for (const i of invocations) counts[i.status] += 1;
  return (
    <figure className="timeline">
      <svg viewBox={`0 0 ${LEFT + WIDTH + 20} ${height}`} role="img" aria-labelledby="timeline-title timeline-desc">
        <title id="timeline-title">Invocations over time</title>
        <desc id="timeline-desc">
          {`${invocations.length} invocations over ${formatMs(end)} on ${rows.length} rows: ${counts.success} succeeded, ${counts.error} failed, ${counts.timeout} timed out, ${counts.throttled} throttled.`}
        </desc>
        {rows.map((label, r) => (
          <g key={label}>
            <text x={LEFT - 8} y={r * ROW + 15} textAnchor="end" className="tl-label">
              {label.length > 24 ? `${label.slice(0, 23)}…` : label}
            </text>
            <line x1={LEFT} x2={LEFT + WIDTH} y1={r * ROW + ROW} y2={r * ROW + ROW} className="tl-grid" />
          </g>
        ))}
        {bars.map(({ inv, row }) =>
          inv.status === "throttled" ? (
            <rect key={`${inv.requestId}-${inv.attempt}`} x={x(inv.start) - 1.5} y={row * ROW + 4} width={3} height={ROW - 8} className="tl-throttled">
              <title>{`throttled at ${formatMs(inv.start)}: ${inv.throttleReason ?? ""}`}</title>
            </rect>
          ) : (
            <g key={`${inv.requestId}-${inv.attempt}`}>
              {inv.initDuration !== undefined && (
                <rect x={x(inv.start)} y={row * ROW + 4} width={Math.max(1, x(inv.start + inv.initDuration) - x(inv.start))} height={ROW - 8} className="tl-init" />
              )}
              <rect
                x={x(inv.start + (inv.initDuration ?? 0))}
                y={row * ROW + 4}
                width={Math.max(2, x(inv.end) - x(inv.start + (inv.initDuration ?? 0)))}
                height={ROW - 8}
                className={`tl-${inv.status}${inv.attempt > 1 ? " tl-retry" : ""}`}
              >
                <title>{`${inv.function} ${inv.status}${inv.attempt > 1 ? ` (attempt ${inv.attempt})` : ""}${inv.coldStart ? ", cold start" : ""}: ${formatMs(inv.start)} → ${formatMs(inv.end)}`}</title>
              </rect>
            </g>
          ),
        )}
        {ticks.map((t) => (
          <text key={t} x={x(t)} y={height - 6} textAnchor="middle" className="tl-tick">
            {formatMs(t)}
          </text>
        ))}
      </svg>
      <figcaption>
        <span className="legend tl-success">success</span> <span className="legend tl-error">error</span> <span className="legend tl-timeout">timeout</span>{" "}
        <span className="legend tl-throttled">throttled</span> <span className="legend tl-init">init (cold start)</span>
        {invocations.length > MAX_BARS && ` · showing the first ${MAX_BARS} of ${invocations.length}`}
      </figcaption>
    </figure>
  );
}
