/**
 * Runs a test case's JavaScript assertion snippet in a fresh QuickJS runtime of its own, never on
 * the host: the snippet sees JSON copies of the data only, has no host functions, and runs under a
 * memory limit, a stack limit and a wall-clock interrupt.
 */
import { loadEngine } from "../runtime/engine";

export const ASSERT_MEMORY_BYTES = 16 * 1024 * 1024;
export const ASSERT_STACK_BYTES = 256 * 1024;
export const ASSERT_DEADLINE_MS = 250;

export type AssertionOutcome = { ok: true } | { ok: false; message: string };

/**
 * Evaluate `body` as a function body with the given variables in scope plus `assert(cond, msg)`.
 * Passes unless it throws or returns `false`. Guest failures (syntax errors, throws, runaway loops)
 * are returned as data.
 *
 * @example
 * await runAssertion("assert(result.payload.items.length === 3, 'three items')", { result });
 */
export async function runAssertion(body: string, scope: Record<string, unknown>): Promise<AssertionOutcome> {
  const engine = await loadEngine();
  const rt = engine.newRuntime();
  try {
    rt.setMemoryLimit(ASSERT_MEMORY_BYTES);
    rt.setMaxStackSize(ASSERT_STACK_BYTES);
    const deadline = Date.now() + ASSERT_DEADLINE_MS;
    let interrupted = false;
    rt.setInterruptHandler(() => {
      if (Date.now() > deadline) interrupted = true;
      return interrupted;
    });
    const ctx = rt.newContext();
    try {
      const names = Object.keys(scope).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== "assert");
      const data = JSON.stringify(Object.fromEntries(names.map((n) => [n, scope[n] ?? null])));
      const code = [
        '"use strict";',
        "(function () {",
        `const __d = JSON.parse(${JSON.stringify(data)});`,
        'function assert(cond, message) { if (!cond) throw new Error(message === undefined ? "assertion failed" : String(message)); }',
        `const __r = (function (${[...names, "assert"].join(", ")}) {`,
        body,
        `\n})(${[...names.map((n) => `__d[${JSON.stringify(n)}]`), "assert"].join(", ")});`,
        'return __r === false ? "returned false" : "ok";',
        "})()",
      ].join("\n");
      const res = ctx.evalCode(code, "assertion.js");
      if (res.error) {
        const err: unknown = ctx.dump(res.error);
        res.error.dispose();
        if (interrupted) return { ok: false, message: `assertion did not finish within ${ASSERT_DEADLINE_MS} ms` };
        const e = err as { name?: unknown; message?: unknown } | null;
        const message =
          e && typeof e === "object" && typeof e.message === "string"
            ? (e.name && e.name !== "Error" ? `${String(e.name)}: ` : "") + e.message
            : String(err);
        return { ok: false, message: `assertion failed: ${message}` };
      }
      const value: unknown = ctx.dump(res.value);
      res.value.dispose();
      return value === "ok" ? { ok: true } : { ok: false, message: "assertion returned false" };
    } finally {
      ctx.dispose();
    }
  } catch (e) {
    // Out of memory inside QuickJS can surface as a host-side error; it is still the snippet's failure.
    return { ok: false, message: `assertion could not run: ${e instanceof Error ? e.message : String(e)}` };
  } finally {
    try {
      rt.dispose();
    } catch {
      /* a runtime that hit its memory limit may refuse a clean dispose; nothing to recover */
    }
  }
}
