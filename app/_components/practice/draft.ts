/**
 * A learner's answer while it is being entered (one shape for every question type) and the answer
 * payload the API takes. Pure, so the round trip is tested against every question in the bank.
 */
import type { PublicQuestion } from "@/app/_lib/questions/public";

/** What the learner has entered so far, for every type (only the fields of the question's type are used). */
export interface Draft {
  selected: string[];
  value: boolean | null;
  order: string[];
  text: string;
  code: string;
}

export function emptyDraft(q: PublicQuestion): Draft {
  const code = q.type === "code" ? (Object.values(q.exercise.stub)[0] ?? "") : "";
  return { selected: [], value: null, order: q.type === "ordering" ? q.items.map((i) => i.id) : [], text: "", code };
}

/** The answer payload for the API, or null while incomplete. */
export function toAnswer(q: PublicQuestion, d: Draft): unknown {
  switch (q.type) {
    case "single":
      return d.selected[0] ? { type: "single", selected: d.selected[0] } : null;
    case "multiple":
      return d.selected.length ? { type: "multiple", selected: d.selected } : null;
    case "true-false":
      return d.value === null ? null : { type: "true-false", value: d.value };
    case "ordering":
      return { type: "ordering", order: d.order };
    case "short":
      return d.text.trim() ? { type: "short", text: d.text } : null;
    case "predict":
      if (q.options) return d.selected[0] ? { type: "predict", option: d.selected[0] } : null;
      return d.text.trim() ? { type: "predict", text: d.text } : null;
    case "code": {
      const main = Object.keys(q.exercise.stub)[0]!;
      return { type: "code", files: { ...q.exercise.stub, [main]: d.code } };
    }
  }
}

/** A stored answer payload back into a draft (resuming a mock interview, showing results). */
export function draftFrom(q: PublicQuestion, answer: unknown): Draft {
  const d = emptyDraft(q);
  const a = (answer ?? {}) as { selected?: string | string[]; value?: boolean; order?: string[]; text?: string; option?: string; files?: Record<string, string> };
  if (typeof a.selected === "string") d.selected = [a.selected];
  if (Array.isArray(a.selected)) d.selected = a.selected;
  if (typeof a.option === "string") d.selected = [a.option];
  if (typeof a.value === "boolean") d.value = a.value;
  if (Array.isArray(a.order)) d.order = a.order;
  if (typeof a.text === "string") d.text = a.text;
  if (a.files && q.type === "code") d.code = a.files[Object.keys(q.exercise.stub)[0]!] ?? d.code;
  return d;
}
