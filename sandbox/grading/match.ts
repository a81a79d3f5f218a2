/** Value comparisons used by expectations: JSON deep equality and subset matching. */
import type { TextMatcher } from "./spec";

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Deep equality of JSON values (key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isPlainObject(a)) {
    if (!isPlainObject(b)) return false;
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonEqual(a[k], b[k]));
  }
  return typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b);
}

/** Deep equality of JSON values where numbers may differ by `tolerance` relative to the larger (at least 1). */
export function jsonClose(a: unknown, b: unknown, tolerance: number): boolean {
  if (typeof a === "number" && typeof b === "number") return a === b || Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonClose(x, b[i], tolerance));
  if (isPlainObject(a)) {
    if (!isPlainObject(b)) return false;
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonClose(a[k], b[k], tolerance));
  }
  return jsonEqual(a, b);
}

/**
 * `expected` is contained in `actual`: objects need every expected key (recursively), arrays the
 * same length with each element matching, anything else must be equal.
 */
export function jsonMatches(expected: unknown, actual: unknown): boolean {
  if (isPlainObject(expected)) {
    return isPlainObject(actual) && Object.keys(expected).every((k) => Object.prototype.hasOwnProperty.call(actual, k) && jsonMatches(expected[k], actual[k]));
  }
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((x, i) => jsonMatches(x, actual[i]));
  }
  return jsonEqual(expected, actual);
}

export function textMatches(m: TextMatcher, text: string): boolean {
  return typeof m === "string" ? text.includes(m) : new RegExp(m.regex, m.flags).test(text);
}

export function describeMatcher(m: TextMatcher): string {
  return typeof m === "string" ? JSON.stringify(m) : `/${m.regex}/${m.flags ?? ""}`;
}

/** Short JSON for messages. */
export function preview(v: unknown, max = 160): string {
  let s: string;
  try {
    s = v === undefined ? "undefined" : JSON.stringify(v);
  } catch {
    s = String(v);
  }
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
