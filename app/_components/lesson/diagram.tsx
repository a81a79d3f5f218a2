/**
 * Architecture diagrams as accessible SVG, from a small declarative spec that lessons write:
 * boxes on a grid (col, row) and arrows between them. The title and a generated description
 * ("API Gateway → Lambda: invokes; …") make the picture available to screen readers too, and the
 * colours come from the theme, so dark mode just works.
 *
 * @example
 * <Diagram title="SQS worker" nodes={[
 *   { id: "q", label: "SQS queue", kind: "queue", col: 0, row: 0 },
 *   { id: "fn", label: "Worker", kind: "lambda", col: 1, row: 0 },
 * ]} edges={[{ from: "q", to: "fn", label: "polls" }]} />
 */
import { useId } from "react";

export type NodeKind = "client" | "service" | "lambda" | "queue" | "topic" | "stream" | "store" | "bus" | "note";

export interface DiagramNode {
  id: string;
  label: string;
  sublabel?: string;
  kind?: NodeKind;
  col: number;
  row: number;
}

export interface DiagramEdge {
  from: string;
  to: string;
  label?: string;
  dashed?: boolean;
}

const W = 150;
const H = 62;
const GAP_X = 70;
const GAP_Y = 40;
const PAD = 12;

// Only the function itself gets a glyph (λ); other kinds differ by shape and colour, which
// needs no emoji font on the reader's machine.
const ICON: Partial<Record<NodeKind, string>> = { lambda: "λ" };

function center(n: DiagramNode) {
  return { x: PAD + n.col * (W + GAP_X) + W / 2, y: PAD + n.row * (H + GAP_Y) + H / 2 };
}

/** Where the segment from a's centre towards b leaves a's box. */
function exit(a: DiagramNode, b: DiagramNode) {
  const ca = center(a);
  const cb = center(b);
  const dx = cb.x - ca.x;
  const dy = cb.y - ca.y;
  const scale = Math.min(dx === 0 ? Infinity : W / 2 / Math.abs(dx), dy === 0 ? Infinity : H / 2 / Math.abs(dy));
  return { x: ca.x + dx * scale, y: ca.y + dy * scale };
}

export function Diagram({ title, nodes, edges, caption }: { title: string; nodes: DiagramNode[]; edges: DiagramEdge[]; caption?: string }) {
  const id = useId();
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const e of edges) {
    if (!byId.has(e.from) || !byId.has(e.to)) throw new Error(`Diagram "${title}": edge ${e.from} → ${e.to} names an unknown node`);
  }
  const cols = Math.max(...nodes.map((n) => n.col)) + 1;
  const rows = Math.max(...nodes.map((n) => n.row)) + 1;
  const width = PAD * 2 + cols * W + (cols - 1) * GAP_X;
  const height = PAD * 2 + rows * H + (rows - 1) * GAP_Y;
  const description = edges
    .map((e) => `${byId.get(e.from)!.label} → ${byId.get(e.to)!.label}${e.label ? `: ${e.label}` : ""}`)
    .join("; ");
  return (
    <figure className="diagram-figure">
      <svg className="diagram" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`} style={{ maxWidth: `${width}px` }}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{description}</desc>
        <defs>
          <marker id={`${id}-arrow`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path className="arrowhead" d="M 0 0 L 10 5 L 0 10 z" />
          </marker>
        </defs>
        {edges.map((e, i) => {
          const a = byId.get(e.from)!;
          const b = byId.get(e.to)!;
          const p = exit(a, b);
          const q = exit(b, a);
          return (
            <g key={i}>
              <line className="edge" x1={p.x} y1={p.y} x2={q.x} y2={q.y} markerEnd={`url(#${id}-arrow)`} strokeDasharray={e.dashed ? "6 5" : undefined} />
              {e.label && (
                <text className="edge-label" x={(p.x + q.x) / 2} y={(p.y + q.y) / 2 - 6} textAnchor="middle">
                  {e.label}
                </text>
              )}
            </g>
          );
        })}
        {nodes.map((n) => {
          const kind = n.kind ?? "service";
          const x = PAD + n.col * (W + GAP_X);
          const y = PAD + n.row * (H + GAP_Y);
          return (
            <g key={n.id} className={`node node-${kind}`}>
              <rect x={x} y={y} width={W} height={H} rx={10} />
              <text x={x + W / 2} y={y + (n.sublabel ? 27 : 36)} textAnchor="middle" className="node-label">
                {ICON[kind] ? `${ICON[kind]} ` : ""}
                {n.label}
              </text>
              {n.sublabel && (
                <text x={x + W / 2} y={y + 46} textAnchor="middle" className="node-sublabel">
                  {n.sublabel}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  );
}
