"use client";

import Link from "next/link";
import { useProgress } from "./progress";

export interface MapLesson {
  id: string;
  href: string;
  title: string;
  minutes: number;
}
export interface MapModule {
  id: string;
  number: number;
  title: string;
  lessons: MapLesson[];
}

function Bar({ done, total, label }: { done: number; total: number; label: string }) {
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <div>
      <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <span style={{ width: `${percent}%` }} />
      </div>
      <p className="muted" style={{ margin: "0.3rem 0 0", fontSize: "0.9rem" }}>
        {done} of {total} lessons · {percent}%
      </p>
    </div>
  );
}

/** The course by module, with progress per module and overall, and where to continue. */
export function CourseMap({ modules }: { modules: MapModule[] }) {
  const { statuses, lastVisited } = useProgress();
  const lessons = modules.flatMap((m) => m.lessons);
  const isDone = (id: string) => statuses[id] === "COMPLETED";
  const done = lessons.filter((l) => isDone(l.id)).length;
  const remainingMinutes = lessons.filter((l) => !isDone(l.id)).reduce((sum, l) => sum + l.minutes, 0);
  // Continue: the lesson last opened if unfinished, else the first unfinished one after it.
  const lastIndex = lastVisited ? lessons.findIndex((l) => l.id === lastVisited) : -1;
  const next =
    (lastIndex >= 0 && !isDone(lessons[lastIndex]!.id) ? lessons[lastIndex] : undefined) ??
    lessons.slice(Math.max(lastIndex, 0)).find((l) => !isDone(l.id)) ??
    lessons.find((l) => !isDone(l.id));

  return (
    <div className="stack">
      <section className="card" aria-labelledby="overall">
        <h2 id="overall" style={{ fontSize: "1.15rem" }}>
          Your progress
        </h2>
        <Bar done={done} total={lessons.length} label="Overall course progress" />
        <p style={{ marginTop: "0.75rem" }}>
          {next ? (
            <>
              <Link className="button" href={next.href}>
                {done === 0 && lastIndex < 0 ? "Start" : "Continue"}: {next.title}
              </Link>{" "}
              <span className="muted">about {Math.round(remainingMinutes / 60) || "<1"} h left</span>
            </>
          ) : (
            <strong>You have completed every lesson. Well done!</strong>
          )}
        </p>
      </section>
      <div className="grid">
        {modules.map((m) => {
          const moduleDone = m.lessons.filter((l) => isDone(l.id)).length;
          return (
            <section key={m.id} className="card module-card" aria-labelledby={`module-${m.id}`}>
              <p className="muted" style={{ margin: 0, fontSize: "0.85rem" }}>
                Module {m.number} · {m.lessons.reduce((s, l) => s + l.minutes, 0)} min
              </p>
              <h2 id={`module-${m.id}`}>{m.title}</h2>
              <Bar done={moduleDone} total={m.lessons.length} label={`Progress in ${m.title}`} />
              <ol>
                {m.lessons.map((l) => (
                  <li key={l.id}>
                    <Link href={l.href}>{l.title}</Link>{" "}
                    {isDone(l.id) ? (
                      <span className="done-mark" aria-label="completed">
                        ✓
                      </span>
                    ) : (
                      <span className="muted" style={{ fontSize: "0.85rem" }}>
                        {l.minutes} min
                      </span>
                    )}
                  </li>
                ))}
              </ol>
            </section>
          );
        })}
      </div>
    </div>
  );
}
