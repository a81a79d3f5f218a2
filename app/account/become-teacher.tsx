"use client";

import { useState, useTransition } from "react";
import { becomeTeacher, type ActionResult } from "./actions";

export function BecomeTeacher() {
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult | null>(null);
  return (
    <div className="stack">
      <button className="button secondary" type="button" disabled={pending} onClick={() => start(async () => setResult(await becomeTeacher()))}>
        {pending ? "Updating…" : "Make this a teacher account"}
      </button>
      {result && (
        <p className={`alert ${result.ok ? "success" : "error"}`} role="status">
          {result.message}
        </p>
      )}
    </div>
  );
}
