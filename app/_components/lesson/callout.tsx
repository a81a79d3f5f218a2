import type { ReactNode } from "react";

const LABELS = { note: "Note", tip: "Tip", warning: "Watch out", changed: "What changed" } as const;

/**
 * An aside in a lesson. `changed` marks a fact that older material (including the course's
 * sources) states differently: say what it was and what it is now.
 */
export function Callout({ kind = "note", title, children }: { kind?: keyof typeof LABELS; title?: string; children: ReactNode }) {
  return (
    <aside className={`callout callout-${kind}`} aria-label={title ?? LABELS[kind]}>
      <p className="callout-title">{title ?? LABELS[kind]}</p>
      <div className="callout-body">{children}</div>
    </aside>
  );
}
