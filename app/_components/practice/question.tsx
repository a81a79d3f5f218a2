"use client";

/**
 * One question, every type, accessible and keyboard-usable: native radios and checkboxes in a
 * fieldset, ordering by "move up/down" buttons with a live announcement, text areas for short
 * answers and typed predictions, and Monaco (with a textarea fallback) for code. With a `reveal`
 * (after grading), each option shows whether it was right and why.
 */
import { useId, useState } from "react";
import type { GradeResult } from "@/app/_lib/questions/grade";
import type { PublicQuestion } from "@/app/_lib/questions/public";
import type { Reveal } from "@/app/_server/practice/reveal";
import { CodeEditor } from "../simulator/code-editor";
import { CodeRun } from "./code-run";
import { Md } from "./markdown";
import { type Draft } from "./draft";
import { PredictRun } from "./predict-run";

const OBSERVE_TEXT = {
  response: "What does the last invocation return? (JSON)",
  logs: "What does the function log? (one message per line)",
  errorType: "What is the last invocation's errorType? ((none) if it succeeds)",
  status: "How does the last invocation end: success, error or timeout?",
} as const;

export const TYPE_LABEL: Record<PublicQuestion["type"], string> = {
  single: "Single choice",
  multiple: "Multiple choice",
  "true-false": "True or false",
  ordering: "Ordering",
  short: "Short answer",
  predict: "Predict the output",
  code: "Code",
};

function Verdict({ correct, chosen }: { correct: boolean; chosen: boolean }) {
  if (!correct && !chosen) return null;
  return (
    <span className={`option-verdict ${correct ? "is-right" : "is-wrong"}`}>
      <span aria-hidden="true">{correct ? "✓" : "✗"}</span> {correct ? (chosen ? "Your choice — right" : "Right answer") : "Your choice — not right"}
    </span>
  );
}

interface BodyProps {
  question: PublicQuestion;
  draft: Draft;
  onChange: (d: Draft) => void;
  locked: boolean;
  reveal?: Reveal | null;
  onSubmitShortcut?: () => void;
}

/** The question's prompt and answer inputs. */
export function QuestionBody({ question: q, draft, onChange, locked, reveal, onSubmitShortcut }: BodyProps) {
  const id = useId();
  const [announce, setAnnounce] = useState("");
  const optionReveal = (optionId: string) => reveal?.options?.find((o) => o.id === optionId);

  const choiceList = (options: { id: string; label: React.ReactNode }[], multiple: boolean) => (
    <fieldset className="choices" disabled={locked}>
      <legend className="practice-label">{multiple ? "Choose all that apply" : "Choose one"}</legend>
      {options.map((o) => {
        const chosen = draft.selected.includes(o.id);
        const r = optionReveal(o.id);
        return (
          <div key={o.id} className={`choice${r ? (r.correct ? " choice-right" : chosen ? " choice-wrong" : "") : ""}`}>
            <label>
              <input
                type={multiple ? "checkbox" : "radio"}
                name={`${id}-choice`}
                value={o.id}
                checked={chosen}
                onChange={(e) => {
                  const selected = multiple ? (e.target.checked ? [...draft.selected, o.id] : draft.selected.filter((x) => x !== o.id)) : [o.id];
                  onChange({ ...draft, selected });
                }}
              />
              <span className="choice-text">{o.label}</span>
            </label>
            {r && (
              <div className="choice-explanation">
                <Verdict correct={r.correct} chosen={chosen} />
                <Md>{r.explanation}</Md>
              </div>
            )}
          </div>
        );
      })}
    </fieldset>
  );

  const move = (index: number, delta: -1 | 1) => {
    const order = [...draft.order];
    const to = index + delta;
    if (to < 0 || to >= order.length) return;
    [order[index], order[to]] = [order[to]!, order[index]!];
    onChange({ ...draft, order });
    const item = q.type === "ordering" ? q.items.find((i) => i.id === order[to]) : undefined;
    setAnnounce(`${item ? plain(item.text) : "Item"} moved to position ${to + 1} of ${order.length}.`);
    // Keep focus on the same control of the moved item.
    requestAnimationFrame(() => document.getElementById(`${id}-${order[to]}-${delta < 0 ? "up" : "down"}`)?.focus());
  };

  return (
    <div className="question-body">
      <div className="question-prompt">
        <Md>{q.prompt}</Md>
      </div>
      {(q.type === "single" || q.type === "multiple") && choiceList(q.options.map((o) => ({ id: o.id, label: <Md inline>{o.text}</Md> })), q.type === "multiple")}
      {q.type === "true-false" && (
        <fieldset className="choices" disabled={locked}>
          <legend className="practice-label">True or false?</legend>
          {[true, false].map((v) => {
            const chosen = draft.value === v;
            const right = reveal?.trueFalse ? reveal.trueFalse.answer === v : null;
            return (
              <div key={String(v)} className={`choice${right === true ? " choice-right" : right === false && chosen ? " choice-wrong" : ""}`}>
                <label>
                  <input type="radio" name={`${id}-tf`} checked={chosen} onChange={() => onChange({ ...draft, value: v })} />
                  <span className="choice-text">{v ? "True" : "False"}</span>
                </label>
                {right !== null && <Verdict correct={right} chosen={chosen} />}
              </div>
            );
          })}
        </fieldset>
      )}
      {q.type === "ordering" && (
        <div>
          <p className="practice-label" id={`${id}-order`}>
            Put these in order (first at the top). Use the buttons to move an item.
          </p>
          <ol className="ordering" aria-labelledby={`${id}-order`}>
            {draft.order.map((itemId, i) => {
              const item = q.items.find((x) => x.id === itemId)!;
              const rightPos = reveal?.order?.findIndex((o) => o.id === itemId);
              return (
                <li key={itemId} className={rightPos !== undefined ? (rightPos === i ? "choice-right" : "choice-wrong") : undefined}>
                  <span className="ordering-text">
                    <Md inline>{item.text}</Md>
                    {rightPos !== undefined && rightPos !== i && <span className="muted"> (belongs at position {rightPos + 1})</span>}
                  </span>
                  {!locked && (
                    <span className="ordering-buttons">
                      <button type="button" id={`${id}-${itemId}-up`} className="icon-button" onClick={() => move(i, -1)} disabled={i === 0} aria-label={`Move “${plain(item.text)}” up`}>
                        <span aria-hidden="true">↑</span>
                      </button>
                      <button
                        type="button"
                        id={`${id}-${itemId}-down`}
                        className="icon-button"
                        onClick={() => move(i, 1)}
                        disabled={i === draft.order.length - 1}
                        aria-label={`Move “${plain(item.text)}” down`}
                      >
                        <span aria-hidden="true">↓</span>
                      </button>
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
          <p className="sr-only" aria-live="polite">
            {announce}
          </p>
        </div>
      )}
      {q.type === "short" && (
        <div className="field">
          <label htmlFor={`${id}-text`}>Your answer</label>
          <textarea
            id={`${id}-text`}
            className="practice-textarea"
            rows={4}
            value={draft.text}
            readOnly={locked}
            maxLength={4000}
            onChange={(e) => onChange({ ...draft, text: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) onSubmitShortcut?.();
            }}
          />
        </div>
      )}
      {q.type === "predict" && (
        <div className="predict">
          {Object.entries(q.function.files).map(([name, text]) => (
            <figure key={name} className="predict-file">
              <figcaption className="practice-label">{name}</figcaption>
              <pre className="practice-pre" tabIndex={0} aria-label={`${name}, read-only`}>
                <code>{text}</code>
              </pre>
            </figure>
          ))}
          <figure className="predict-file">
            <figcaption className="practice-label">{q.invocations.length > 1 ? `Invoked ${q.invocations.length} times in one environment, with:` : "Invoked once with:"}</figcaption>
            <pre className="practice-pre" tabIndex={0} aria-label="Events, read-only">
              <code>{q.invocations.map((inv) => ("event" in inv ? JSON.stringify(inv.event, null, 2) : `sample event ${inv.fromCatalogue.id}${inv.fromCatalogue.set ? ` with ${JSON.stringify(inv.fromCatalogue.set)}` : ""}`)).join("\n---\n")}</code>
            </pre>
          </figure>
          {q.options ? (
            choiceList(q.options.map((o) => ({ id: o.id, label: <code className="predict-value">{o.value}</code> })), false)
          ) : (
            <div className="field">
              <label htmlFor={`${id}-predict`}>{OBSERVE_TEXT[q.observe]}</label>
              <textarea id={`${id}-predict`} className="practice-textarea mono" rows={3} value={draft.text} readOnly={locked} onChange={(e) => onChange({ ...draft, text: e.target.value })} />
            </div>
          )}
          {q.options && <p className="muted">{OBSERVE_TEXT[q.observe]}</p>}
        </div>
      )}
      {q.type === "code" && (
        <div className="code-question">
          <Md>{q.exercise.instructions}</Md>
          {q.exercise.tests.length > 0 && (
            <details>
              <summary>Tests ({q.exercise.tests.length} shown{q.exercise.hiddenTests ? `, ${q.exercise.hiddenTests} hidden` : ""})</summary>
              <ul>
                {q.exercise.tests.map((t) => (
                  <li key={t.id}>{t.name}</li>
                ))}
              </ul>
            </details>
          )}
          <CodeEditor
            value={draft.code}
            onChange={(code) => !locked && onChange({ ...draft, code })}
            language={Object.keys(q.exercise.stub)[0]!.endsWith(".ts") ? "typescript" : "javascript"}
            label={`Code for the question ${q.id}`}
            onRun={() => onSubmitShortcut?.()}
            height={240}
          />
          {!locked && <CodeRun question={q} files={{ ...q.exercise.stub, [Object.keys(q.exercise.stub)[0]!]: draft.code }} />}
        </div>
      )}
    </div>
  );
}

function plain(markdown: string): string {
  return markdown.replace(/[`*_]/g, "");
}

/** The graded outcome: verdict, feedback, model answer or real output, explanation and lesson link. */
export function Feedback({ question: q, result, reveal }: { question: PublicQuestion; result: GradeResult | null; reveal: Reveal }) {
  const verdict = !result ? "Not answered" : result.correct ? "Correct" : result.score > 0 ? `Partly right (${Math.round(result.score * 100)}%)` : "Not right";
  return (
    <div className={`feedback ${result?.correct ? "feedback-right" : "feedback-wrong"}`}>
      <p className="feedback-verdict">
        <span aria-hidden="true">{result?.correct ? "✓ " : "✗ "}</span>
        {verdict}
      </p>
      {result && result.feedback && q.type !== "single" && !(q.type === "predict" && q.options) && (
        <div className="feedback-text">
          <Md>{result.feedback}</Md>
        </div>
      )}
      {reveal.trueFalse && result && !result.correct && (
        <div className="feedback-text">
          <Md>{reveal.trueFalse.wrongExplanation}</Md>
        </div>
      )}
      {reveal.modelAnswer && (
        <div className="feedback-text">
          <p className="practice-label">Model answer</p>
          <Md>{reveal.modelAnswer}</Md>
        </div>
      )}
      {reveal.expected !== undefined && (
        <div className="feedback-text">
          <p className="practice-label">What the simulator produces</p>
          <pre className="practice-pre">{reveal.expected}</pre>
        </div>
      )}
      {result?.report && (
        <ul className="test-cases">
          {result.report.cases.map((c) => (
            <li key={c.id} className={c.passed ? "case-pass" : "case-fail"}>
              <span aria-hidden="true">{c.passed ? "✓" : "✗"}</span> <span className="sr-only">{c.passed ? "Passed:" : "Failed:"}</span> {c.hidden ? "Hidden test" : c.name}
              {!c.passed && c.message && <div className="case-message">{c.message}</div>}
            </li>
          ))}
        </ul>
      )}
      <div className="feedback-explanation">
        <p className="practice-label">Explanation</p>
        <Md>{reveal.explanation}</Md>
        {reveal.outdatedInSeed && (
          <p className="muted">
            <strong>What changed:</strong> {reveal.outdatedInSeed}
          </p>
        )}
        <p>
          <a href={`/learn/${reveal.lesson}`}>Read the lesson</a>
        </p>
      </div>
      {q.type === "predict" && <PredictRun question={q} />}
    </div>
  );
}
