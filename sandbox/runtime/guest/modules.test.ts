// The guest sources are plain strings: compile every one in a bare QuickJS context so a syntax error
// in a rarely used module fails here, not in a learner's handler.
import { describe, expect, it } from "vitest";
import { loadEngine } from "../engine";
import { CORE_SOURCE } from "./core";
import { GUEST_MODULES } from "./modules";

describe("guest sources", () => {
  it.each(Object.keys(GUEST_MODULES))("the %s module compiles", async (name) => {
    const mod = await loadEngine();
    const rt = mod.newRuntime();
    const ctx = rt.newContext();
    try {
      const r = ctx.evalCode(`(function (exports, require, module, INTERNAL) {${GUEST_MODULES[name]}\n})`, `node:internal/${name}`);
      let error: unknown;
      if (r.error) {
        error = ctx.dump(r.error);
        r.error.dispose();
      } else r.value.dispose();
      expect(error).toBeUndefined();
    } finally {
      ctx.dispose();
      rt.dispose();
    }
  });

  it("the core compiles and contains no backtick (it lives in String.raw)", async () => {
    expect(CORE_SOURCE.includes("`")).toBe(false);
    for (const src of Object.values(GUEST_MODULES)) expect(src.includes("`")).toBe(false);
    const mod = await loadEngine();
    const rt = mod.newRuntime();
    const ctx = rt.newContext();
    const r = ctx.evalCode(CORE_SOURCE, "core.js");
    let error: unknown;
    if (r.error) {
      error = ctx.dump(r.error);
      r.error.dispose();
    } else r.value.dispose();
    ctx.dispose();
    rt.dispose();
    expect(error).toBeUndefined();
  });
});
