"use client";

import { useEffect } from "react";
import { useProgress } from "./progress";

/** Marks the lesson as started when it is opened (and remembers it as the last one visited). */
export function LessonVisit({ lessonId }: { lessonId: string }) {
  const { visit } = useProgress();
  useEffect(() => visit(lessonId), [lessonId, visit]);
  return null;
}

export function CompleteButton({ lessonId }: { lessonId: string }) {
  const { statuses, complete, reset, signedIn } = useProgress();
  const done = statuses[lessonId] === "COMPLETED";
  return (
    <div className="stack" style={{ marginTop: "2rem" }}>
      <div className="simulator-actions">
        <button type="button" className={done ? "button secondary" : "button"} onClick={() => complete(lessonId)} aria-pressed={done} disabled={done}>
          {done ? "✓ Completed" : "Mark as complete"}
        </button>
        {done && (
          <button type="button" className="button secondary" onClick={() => reset(lessonId)}>
            Reset this lesson
          </button>
        )}
      </div>
      {!signedIn && <p className="muted">Progress is kept in this browser. Sign in to keep it in your account.</p>}
    </div>
  );
}
