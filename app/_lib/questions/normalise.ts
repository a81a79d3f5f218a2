/**
 * Text normalisation and output comparison shared by the schema (content checks) and the grader.
 */
import { jsonEqual } from "@/sandbox/grading/match";
import type { Observe } from "./schema";

/**
 * Lower-case, strip accents, drop thousands separators ("10,240" → "10240"), turn every other
 * punctuation mark into a space (keeping `.` `/` `_` `$` inside words, as in `/tmp`, `index.handler`,
 * `$LATEST`), and collapse whitespace.
 */
export function normaliseText(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/(\d),(?=\d{3}\b)/g, "$1")
    .replace(/[^a-z0-9./_$\s-]+/g, " ")
    .replace(/(^|\s)[./-]+|[./-]+(?=\s|$)/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether `phrase` occurs in `text` as whole words (both normalised). */
export function containsPhrase(text: string, phrase: string): boolean {
  const p = normaliseText(phrase);
  return p.length > 0 && ` ${normaliseText(text)} `.includes(` ${p} `);
}

/** Parse a learner's response prediction: JSON when it parses, else the text as a string. */
function parseResponse(text: string): unknown {
  const t = text.trim();
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return t;
  }
}

function logLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

/** Whether a predicted output (as text) equals the expected one, compared the way `observe` says. */
export function samePrediction(observe: Observe, predicted: string, expected: string): boolean {
  switch (observe) {
    case "response":
      return jsonEqual(parseResponse(predicted), parseResponse(expected));
    case "logs": {
      const a = logLines(predicted);
      const b = logLines(expected);
      return a.length === b.length && a.every((l, i) => l === b[i]);
    }
    case "errorType":
    case "status":
      return predicted.trim().toLowerCase() === expected.trim().toLowerCase();
  }
}
