"use client";

/** The teacher's new-assignment form: settings, then items picked from the course or written as YAML/JSON. */
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createAssignmentAction } from "@/app/classes/actions";
import styles from "./classes.module.css";

type Item = { key: number; kind: "LESSON"; lessonId: string; points: number } | { key: number; kind: "EXERCISE"; exerciseId: string; points: number } | { key: number; kind: "CUSTOM_EXERCISE"; source: string; points: number };

export const CUSTOM_EXERCISE_TEMPLATE = `id: my-exercise
title: Greet the caller
instructions: Return \`{ message: "Hello, <name>!" }\` for \`event.name\`.
function: { handler: index.handler, timeoutSeconds: 1 }
stub:
  index.mjs: |
    export const handler = async (event) => {
      // your code
    };
solution:
  index.mjs: |
    export const handler = async (event) => ({ message: \`Hello, \${event.name}!\` });
tests:
  - id: greets-ada
    name: greets Ada by name
    points: 1
    event: { name: Ada }
    expect: { response: { message: "Hello, Ada!" } }
  - id: greets-someone-else
    name: greets another caller
    points: 2
    hidden: true
    event: { name: Grace }
    expect: { response: { message: "Hello, Grace!" } }
`;

interface Props {
  classId: string;
  lessons: Array<{ id: string; title: string }>;
  exercises: Array<{ id: string; title: string }>;
}

let nextKey = 1;

export function AssignmentForm({ classId, lessons, exercises }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [title, setTitle] = useState("");
  const [instructions, setInstructions] = useState("");
  const [opensAt, setOpensAt] = useState("");
  const [dueAt, setDueAt] = useState("");
  const [latePolicy, setLatePolicy] = useState<"ACCEPT_WITH_PENALTY" | "CLOSE">("ACCEPT_WITH_PENALTY");
  const [latePenaltyPercent, setPenalty] = useState(10);
  const [gradingPolicy, setGradingPolicy] = useState<"BEST" | "LAST_BEFORE_DUE">("BEST");
  const [items, setItems] = useState<Item[]>([]);

  const update = (key: number, patch: Partial<Item>) => setItems((list) => list.map((i) => (i.key === key ? ({ ...i, ...patch } as Item) : i)));
  const iso = (local: string) => (local ? new Date(local).toISOString() : null);

  const submit = () =>
    startTransition(async () => {
      setError(null);
      const result = await createAssignmentAction({
        classId,
        title,
        instructions,
        opensAt: iso(opensAt),
        dueAt: iso(dueAt),
        latePolicy,
        latePenaltyPercent,
        gradingPolicy,
        items: items.map(({ key: _key, ...item }) => item),
      });
      if (result.ok) router.push(`/classes/teaching/${classId}`);
      else setError(result.error);
    });

  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="field">
        <label htmlFor="a-title">Title</label>
        <input id="a-title" value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
      </div>
      <div className="field">
        <label htmlFor="a-instructions">Instructions (Markdown)</label>
        <textarea id="a-instructions" value={instructions} onChange={(e) => setInstructions(e.target.value)} maxLength={20000} />
      </div>
      <div className={styles.row}>
        <div className="field">
          <label htmlFor="a-opens">Opens (optional)</label>
          <input id="a-opens" type="datetime-local" value={opensAt} onChange={(e) => setOpensAt(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="a-due">Due (optional)</label>
          <input id="a-due" type="datetime-local" value={dueAt} onChange={(e) => setDueAt(e.target.value)} />
        </div>
      </div>
      <div className={styles.row}>
        <div className="field">
          <label htmlFor="a-late">After the due date</label>
          <select id="a-late" value={latePolicy} onChange={(e) => setLatePolicy(e.target.value as typeof latePolicy)}>
            <option value="ACCEPT_WITH_PENALTY">Accept late work with a penalty</option>
            <option value="CLOSE">Close: refuse submissions</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="a-penalty">Late penalty (%)</label>
          <input id="a-penalty" type="number" min={0} max={100} value={latePenaltyPercent} onChange={(e) => setPenalty(Number(e.target.value))} disabled={latePolicy === "CLOSE"} />
        </div>
        <div className="field">
          <label htmlFor="a-grading">Grade from</label>
          <select id="a-grading" value={gradingPolicy} onChange={(e) => setGradingPolicy(e.target.value as typeof gradingPolicy)}>
            <option value="BEST">The best submission</option>
            <option value="LAST_BEFORE_DUE">The last submission before the due date</option>
          </select>
        </div>
      </div>

      <fieldset className="stack">
        <legend>Items</legend>
        {items.length === 0 && <p className="muted">Add at least one item.</p>}
        {items.map((item, index) => (
          <div key={item.key} className={styles.item} data-testid={`item-${index}`}>
            <div className={styles.row}>
              {item.kind === "LESSON" && (
                <div className="field">
                  <label htmlFor={`i-${item.key}-lesson`}>Lesson to complete</label>
                  <select id={`i-${item.key}-lesson`} value={item.lessonId} onChange={(e) => update(item.key, { lessonId: e.target.value })}>
                    {lessons.map((l) => (
                      <option key={l.id} value={l.id}>
                        {l.title}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              {item.kind === "EXERCISE" && (
                <div className="field">
                  <label htmlFor={`i-${item.key}-exercise`}>Exercise to pass</label>
                  <select id={`i-${item.key}-exercise`} value={item.exerciseId} onChange={(e) => update(item.key, { exerciseId: e.target.value })}>
                    {exercises.map((x) => (
                      <option key={x.id} value={x.id}>
                        {x.title}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              <div className="field" style={{ flex: "0 1 8rem" }}>
                <label htmlFor={`i-${item.key}-points`}>Points</label>
                <input id={`i-${item.key}-points`} type="number" min={0} max={1000} value={item.points} onChange={(e) => update(item.key, { points: Number(e.target.value) })} />
              </div>
              <div style={{ flex: "0 0 auto" }}>
                <button type="button" className="button secondary" onClick={() => setItems((list) => list.filter((i) => i.key !== item.key))}>
                  Remove item {index + 1}
                </button>
              </div>
            </div>
            {item.kind === "CUSTOM_EXERCISE" && (
              <div className="field">
                <label htmlFor={`i-${item.key}-source`}>Custom exercise (YAML or JSON in the exercise format; tests with points, `hidden: true` for hidden tests)</label>
                <textarea id={`i-${item.key}-source`} value={item.source} onChange={(e) => update(item.key, { source: e.target.value })} rows={18} spellCheck={false} />
              </div>
            )}
          </div>
        ))}
        <div className={styles.actions}>
          <button type="button" className="button secondary" onClick={() => setItems((l) => [...l, { key: nextKey++, kind: "LESSON", lessonId: lessons[0]?.id ?? "", points: 10 }])} disabled={lessons.length === 0}>
            Add a lesson
          </button>
          <button type="button" className="button secondary" onClick={() => setItems((l) => [...l, { key: nextKey++, kind: "EXERCISE", exerciseId: exercises[0]?.id ?? "", points: 100 }])} disabled={exercises.length === 0}>
            Add a course exercise
          </button>
          <button type="button" className="button secondary" onClick={() => setItems((l) => [...l, { key: nextKey++, kind: "CUSTOM_EXERCISE", source: CUSTOM_EXERCISE_TEMPLATE, points: 100 }])}>
            Add a custom exercise
          </button>
        </div>
      </fieldset>
      <div>
        <button className="button" disabled={pending}>
          {pending ? "Saving…" : "Create assignment"}
        </button>
      </div>
      <div aria-live="polite">
        {error && (
          <p className="alert error" role="alert">
            {error}
          </p>
        )}
      </div>
    </form>
  );
}
