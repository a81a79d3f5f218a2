import Link from "next/link";
import type { ReactNode } from "react";

/** An honest placeholder for a section that is not built yet: what it will be, and that it is not here. */
export function ComingSoon({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="container page">
      <span className="badge">Coming soon</span>
      <h1>{title}</h1>
      <div className="stack">{children}</div>
      <p className="muted" style={{ marginTop: "2rem" }}>
        This section is not built yet. <Link href="/">Back to the home page</Link>.
      </p>
    </div>
  );
}
