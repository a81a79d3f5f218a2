"use client";

/**
 * Picks questions from the interview bank for a question-set item: filter by module and by text
 * (prompt or id), tick questions, or paste ids; the picked list keeps its order.
 */
import { useId, useMemo, useState } from "react";
import type { BankEntry } from "@/app/_server/classes/question-sets";
import styles from "./classes.module.css";

const SHOWN = 40;

interface Props {
  bank: { modules: string[]; questions: BankEntry[] };
  picked: string[];
  onChange: (ids: string[]) => void;
}

export function QuestionPicker({ bank, picked, onChange }: Props) {
  const id = useId();
  const [module, setModule] = useState("");
  const [text, setText] = useState("");
  const [pasted, setPasted] = useState("");
  const [pasteError, setPasteError] = useState<string | null>(null);
  const byId = useMemo(() => new Map(bank.questions.map((q) => [q.id, q])), [bank]);
  const matches = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return bank.questions.filter((q) => (!module || q.topic === module) && (!needle || q.id.includes(needle) || q.prompt.toLowerCase().includes(needle)));
  }, [bank, module, text]);
  const toggle = (qid: string, on: boolean) => onChange(on ? [...picked, qid] : picked.filter((x) => x !== qid));

  const addPasted = () => {
    const ids = pasted.split(/[\s,]+/).filter(Boolean);
    const unknown = ids.filter((x) => !byId.has(x));
    setPasteError(unknown.length ? `Not in the bank: ${unknown.slice(0, 5).join(", ")}${unknown.length > 5 ? "…" : ""}` : null);
    onChange([...picked, ...ids.filter((x) => byId.has(x) && !picked.includes(x))]);
    if (!unknown.length) setPasted("");
  };

  return (
    <div className="stack">
      <div className={styles.row}>
        <div className="field">
          <label htmlFor={`${id}-module`}>Module</label>
          <select id={`${id}-module`} value={module} onChange={(e) => setModule(e.target.value)}>
            <option value="">Every module</option>
            {bank.modules.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-search`}>Search questions</label>
          <input id={`${id}-search`} type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="words of the prompt, or an id" />
        </div>
      </div>
      <fieldset>
        <legend>
          {matches.length} matching question{matches.length === 1 ? "" : "s"}
          {matches.length > SHOWN && ` (the first ${SHOWN} shown: narrow the search)`}
        </legend>
        <ul className={styles.pickList}>
          {matches.slice(0, SHOWN).map((q) => (
            <li key={q.id}>
              <label>
                <input type="checkbox" checked={picked.includes(q.id)} onChange={(e) => toggle(q.id, e.target.checked)} /> <code>{q.id}</code> <span className="muted">({q.type}, level {q.difficulty})</span> {q.prompt}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-paste`}>Or paste question ids (separated by spaces, commas or lines)</label>
        <textarea id={`${id}-paste`} rows={2} value={pasted} onChange={(e) => setPasted(e.target.value)} />
        <div>
          <button type="button" className="button secondary" onClick={addPasted} disabled={!pasted.trim()}>
            Add these ids
          </button>
        </div>
        {pasteError && (
          <p className="alert error" role="alert">
            {pasteError}
          </p>
        )}
      </div>
      <div>
        <p>
          <strong>Picked: {picked.length}</strong>
        </p>
        {picked.length > 0 && (
          <ol>
            {picked.map((qid) => (
              <li key={qid}>
                <code>{qid}</code> {byId.get(qid)?.prompt ?? "(not in the bank)"}{" "}
                <button type="button" className="button secondary" onClick={() => toggle(qid, false)} aria-label={`Remove ${qid}`}>
                  Remove
                </button>
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}
