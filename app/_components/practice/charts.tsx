/**
 * Small accessible SVG charts: each is an image with a title and a description for screen
 * readers, drawn in the theme's CSS variables (so it follows light and dark), with the same data
 * as a table under a disclosure. No charting library, nothing fetched.
 */
import { useId } from "react";

interface Datum {
  label: string;
  value: number | null;
}

interface ChartProps {
  title: string;
  description: string;
  data: Datum[];
  /** Column heading for the values in the data table. */
  valueLabel: string;
  format?: (v: number) => string;
  /** The axis maximum (default: the largest value). */
  max?: number;
  /** Show every n-th x label (long series). */
  labelEvery?: number;
}

const W = 640;
const H = 220;
const PAD = { top: 16, right: 12, bottom: 40, left: 44 };

function DataTable({ title, data, valueLabel, format }: Pick<ChartProps, "title" | "data" | "valueLabel" | "format">) {
  return (
    <details className="chart-table">
      <summary>Show the data as a table</summary>
      <table className="table">
        <caption className="sr-only">{title}</caption>
        <thead>
          <tr>
            <th scope="col">Label</th>
            <th scope="col">{valueLabel}</th>
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.label}>
              <th scope="row">{d.label}</th>
              <td>{d.value === null ? "—" : format ? format(d.value) : d.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function axis(max: number, format: (v: number) => string) {
  const ticks = [0, 0.5, 1].map((f) => ({ v: max * f, y: PAD.top + (1 - f) * (H - PAD.top - PAD.bottom) }));
  return ticks.map((t) => (
    <g key={t.v}>
      <line className="chart-grid" x1={PAD.left} x2={W - PAD.right} y1={t.y} y2={t.y} />
      <text className="chart-tick" x={PAD.left - 6} y={t.y + 4} textAnchor="end">
        {format(t.v)}
      </text>
    </g>
  ));
}

export function BarChart({ title, description, data, valueLabel, format = (v) => String(Math.round(v)), max, labelEvery = 1 }: ChartProps) {
  const id = useId();
  const top = Math.max(max ?? 0, ...data.map((d) => d.value ?? 0), 1);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = plotW / Math.max(1, data.length);
  const barW = Math.max(2, step * 0.7);
  return (
    <figure className="chart">
      <figcaption className="chart-title" id={`${id}-t`}>
        {title}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`} className="chart-svg">
        <desc id={`${id}-d`}>{description}</desc>
        {axis(top, format)}
        {data.map((d, i) => {
          const h = ((d.value ?? 0) / top) * plotH;
          const x = PAD.left + i * step + (step - barW) / 2;
          return (
            <g key={d.label}>
              <rect className="chart-bar" x={x} y={PAD.top + plotH - h} width={barW} height={h}>
                <title>{`${d.label}: ${d.value === null ? "no data" : format(d.value)}`}</title>
              </rect>
              {i % labelEvery === 0 && (
                <text className="chart-tick" x={x + barW / 2} y={H - PAD.bottom + 16} textAnchor="middle">
                  {d.label}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <DataTable title={title} data={data} valueLabel={valueLabel} format={format} />
    </figure>
  );
}

export function LineChart({ title, description, data, valueLabel, format = (v) => String(v), max, labelEvery = 1 }: ChartProps) {
  const id = useId();
  const top = Math.max(max ?? 0, ...data.map((d) => d.value ?? 0), 1e-9);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (data.length > 1 ? (i / (data.length - 1)) * plotW : plotW / 2);
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  // Gaps (weeks with no answers) break the line.
  const segments: string[] = [];
  let current = "";
  data.forEach((d, i) => {
    if (d.value === null) {
      if (current) segments.push(current);
      current = "";
      return;
    }
    current += `${current ? "L" : "M"}${x(i).toFixed(1)},${y(d.value).toFixed(1)}`;
  });
  if (current) segments.push(current);
  return (
    <figure className="chart">
      <figcaption className="chart-title" id={`${id}-t`}>
        {title}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`} className="chart-svg">
        <desc id={`${id}-d`}>{description}</desc>
        {axis(top, format)}
        {segments.map((d) => (
          <path key={d} className="chart-line" d={d} />
        ))}
        {data.map((d, i) => (
          <g key={d.label}>
            {d.value !== null && (
              <circle className="chart-dot" cx={x(i)} cy={y(d.value)} r={4}>
                <title>{`${d.label}: ${format(d.value)}`}</title>
              </circle>
            )}
            {i % labelEvery === 0 && (
              <text className="chart-tick" x={x(i)} y={H - PAD.bottom + 16} textAnchor="middle">
                {d.label}
              </text>
            )}
          </g>
        ))}
      </svg>
      <DataTable title={title} data={data} valueLabel={valueLabel} format={format} />
    </figure>
  );
}

/** A labelled horizontal meter (0..1) for coverage and readiness. */
export function Meter({ label, value, detail }: { label: string; value: number; detail?: string }) {
  const pct = Math.round(value * 100);
  return (
    <div className="meter">
      <div className="meter-head">
        <span>{label}</span>
        <span>
          {pct}%{detail ? <span className="muted"> · {detail}</span> : null}
        </span>
      </div>
      <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
        <span style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
