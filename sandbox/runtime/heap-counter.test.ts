import { describe, expect, it } from "vitest";
import { loadEngine } from "./engine";
import { calibrateAllocationCounter, HeapMeter, walkedBytes } from "./heap-counter";

describe("reading a runtime's memory without walking its heap each time", () => {
  it("finds the live-allocation counter of the runtime struct in this engine build", async () => {
    const mod = await loadEngine();
    const count = calibrateAllocationCounter(mod);
    const rt = mod.newRuntime();
    const ctx = rt.newContext();
    try {
      const before = count(rt);
      expect(before).toBeGreaterThan(0);
      ctx.unwrapResult(ctx.evalCode("globalThis.keep = Array.from({ length: 500 }, (_, i) => ({ i }))")).dispose();
      expect(count(rt)! - before!).toBeGreaterThanOrEqual(500);
    } finally {
      ctx.dispose();
      rt.dispose();
    }
  });

  it("walks again once the heap changed, and reuses the last walk while it has not", async () => {
    const mod = await loadEngine();
    const rt = mod.newRuntime();
    const ctx = rt.newContext();
    try {
      const meter = new HeapMeter(mod.getWasmMemory(), calibrateAllocationCounter(mod));
      const first = meter.read(rt, ctx);
      expect(first).toBe(walkedBytes(rt, ctx));
      expect(meter.read(rt, ctx)).toBe(first); // nothing happened: no walk needed
      ctx.unwrapResult(ctx.evalCode("globalThis.keep = Array.from({ length: 5000 }, (_, i) => ({ i, s: 'item ' + i }))")).dispose();
      const after = meter.read(rt, ctx);
      expect(after).toBeGreaterThan(first + 100_000);
      expect(meter.read(rt, ctx, true)).toBe(walkedBytes(rt, ctx));
    } finally {
      ctx.dispose();
      rt.dispose();
    }
  });

  it("walks every time where no counter could be found", async () => {
    const mod = await loadEngine();
    const rt = mod.newRuntime();
    const ctx = rt.newContext();
    try {
      const meter = new HeapMeter(undefined, () => undefined);
      meter.read(rt, ctx);
      ctx.unwrapResult(ctx.evalCode("globalThis.keep = 'x'.repeat(200000) + '!'")).dispose();
      expect(meter.read(rt, ctx)).toBe(walkedBytes(rt, ctx));
    } finally {
      ctx.dispose();
      rt.dispose();
    }
  });
});
