"use client";

/**
 * The teacher's assignment form, for a new assignment or an edit: settings, then items picked from
 * the course, a question set picked from the bank, or a custom exercise written as YAML/JSON. In an
 * edit, items students have already submitted to are locked (only their points can change).
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createAssignmentAction, updateAssignmentAction } from "@/app/classes/actions";
import type { AssignmentForEdit } from "@/app/_server/classes/editing";
import type { BankEntry } from "@/app/_server/classes/question-sets";
import styles from "./classes.module.css";
import { QuestionPicker } from "./question-picker";

/** `id` and `locked` come with an edited assignment's existing items. */
type Common = { key: number; id?: string; locked?: boolean; points: number };
type Item =
  | (Common & { kind: "LESSON"; lessonId: string })
  | (Common & { kind: "EXERCISE"; exerciseId: string })
  | (Common & { kind: "CUSTOM_EXERCISE"; source: string })
  | (Common & { kind: "QUESTION_SET"; questionIds: string[]; passMark: number });

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
  bank: { modules: string[]; questions: BankEntry[] };
  /** An existing assignment to edit. */
  initial?: AssignmentForEdit;
}

let nextKey = 1;

/** An ISO instant as a `datetime-local` value in the browser's time zone. */
function localInput(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function AssignmentForm({ classId, lessons, exercises, bank, initial }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<string[] | null>(null);
  const [title, setTitle] = useState(initial?.title ?? "");
  const [instructions, setInstructions] = useState(initial?.instructions ?? "");
  const [opensAt, setOpensAt] = useState(localInput(initial?.opensAt ?? null));
  const [dueAt, setDueAt] = useState(localInput(initial?.dueAt ?? null));
  const [latePolicy, setLatePolicy] = useState<"ACCEPT_WITH_PENALTY" | "CLOSE">(initial?.latePolicy ?? "ACCEPT_WITH_PENALTY");
  const [latePenaltyPercent, setPenalty] = useState(initial?.latePenaltyPercent ?? 10);
  const [gradingPolicy, setGradingPolicy] = useState<"BEST" | "LAST_BEFORE_DUE">(initial?.gradingPolicy ?? "BEST");
  const [items, setItems] = useState<Item[]>(() => (initial?.items ?? []).map(({ title: _title, ...i }) => ({ ...i, key: nextKey++ })));
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  const update = (key: number, patch: Partial<Item>) => setItems((list) => list.map((i) => (i.key === key ? ({ ...i, ...patch } as Item) : i)));
  const iso = (local: string) => (local ? new Date(local).toISOString() : null);

  const submit = () =>
    startTransition(async () => {
      setError(null);
      setWarnings(null);
      const fields = {
        title,
        instructions,
        opensAt: iso(opensAt),
        dueAt: iso(dueAt),
        latePolicy,
        latePenaltyPercent,
        gradingPolicy,
        items: items.map(({ key: _key, locked: _locked, ...item }) => item),
      };
      const result = initial ? await updateAssignmentAction({ assignmentId: initial.id, ...fields }) : await createAssignmentAction({ classId, ...fields });
      if (!result.ok) setError(result.error);
      else if (result.value.warnings.length > 0) setWarnings(result.value.warnings);
      else router.push(`/classes/teaching/${classId}`);
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
          <label htmlFor="a-opens">Opens (optional, your time: {zone})</label>
          <input id="a-opens" type="datetime-local" value={opensAt} onChange={(e) => setOpensAt(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="a-due">Due (optional, your time: {zone})</label>
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
            {item.locked && <p className="muted">Students have submitted to this item: only its points can change.</p>}
            <div className={styles.row}>
              {item.kind === "LESSON" && (
                <div className="field">
                  <label htmlFor={`i-${item.key}-lesson`}>Lesson to complete</label>
                  <select id={`i-${item.key}-lesson`} value={item.lessonId} disabled={item.locked} onChange={(e) => update(item.key, { lessonId: e.target.value })}>
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
                  <select id={`i-${item.key}-exercise`} value={item.exerciseId} disabled={item.locked} onChange={(e) => update(item.key, { exerciseId: e.target.value })}>
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
                <button type="button" className="button secondary" disabled={item.locked} onClick={() => setItems((list) => list.filter((i) => i.key !== item.key))}>
                  Remove item {index + 1}
                </button>
              </div>
            </div>
            {item.kind === "CUSTOM_EXERCISE" && (
              <div className="field">
                <label htmlFor={`i-${item.key}-source`}>Custom exercise (YAML or JSON in the exercise format; tests with points, `hidden: true` for hidden tests)</label>
                <textarea id={`i-${item.key}-source`} value={item.source} readOnly={item.locked} onChange={(e) => update(item.key, { source: e.target.value })} rows={18} spellCheck={false} />
                <p className="muted">When you save, the solution is run against every test on the server (all must pass) and the starting code too (it should fail one).</p>
              </div>
            )}
            {item.kind === "QUESTION_SET" && (
              <div className="stack">
                <div className="field" style={{ maxWidth: "12rem" }}>
                  <label htmlFor={`i-${item.key}-pass`}>Pass mark (%)</label>
                  <input id={`i-${item.key}-pass`} type="number" min={0} max={100} value={item.passMark} disabled={item.locked} onChange={(e) => update(item.key, { passMark: Number(e.target.value) })} />
                </div>
                {item.locked ? (
                  <p>Questions: {item.questionIds.join(", ")}</p>
                ) : (
                  <QuestionPicker bank={bank} picked={item.questionIds} onChange={(questionIds) => update(item.key, { questionIds })} />
                )}
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
          <button type="button" className="button secondary" onClick={() => setItems((l) => [...l, { key: nextKey++, kind: "QUESTION_SET", questionIds: [], passMark: 70, points: 100 }])}>
            Add a question set
          </button>
          <button type="button" className="button secondary" onClick={() => setItems((l) => [...l, { key: nextKey++, kind: "CUSTOM_EXERCISE", source: CUSTOM_EXERCISE_TEMPLATE, points: 100 }])}>
            Add a custom exercise
          </button>
        </div>
      </fieldset>
      <div>
        <button className="button" disabled={pending}>
          {pending ? (items.some((i) => i.kind === "CUSTOM_EXERCISE") ? "Checking the exercises and saving…" : "Saving…") : initial ? "Save changes" : "Create assignment"}
        </button>
      </div>
      <div aria-live="polite">
        {error && (
          <p className="alert error" role="alert" style={{ whiteSpace: "pre-line" }}>
            {error}
          </p>
        )}
        {warnings && (
          <div className="alert" role="status">
            <p>Saved, with {warnings.length === 1 ? "a warning" : "warnings"}:</p>
            <ul>
              {warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
            <p>
              <Link href={`/classes/teaching/${classId}`}>Back to the class</Link>
            </p>
          </div>
        )}
      </div>
    </form>
  );
}
