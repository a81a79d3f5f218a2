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

  it("walks less often (down to one reading in 64) while periodic walks find the heap unchanged", async () => {
    const mod = await loadEngine();
    const rt = mod.newRuntime();
    const ctx = rt.newContext();
    try {
      const meter = new HeapMeter(mod.getWasmMemory(), calibrateAllocationCounter(mod));
      for (let i = 0; i < 300; i++) meter.read(rt, ctx);
      // Walks at readings 1 and 17 (the first walk's own property names changed the heap), then the
      // interval doubles: 33, 65, then every 64th: 129, 193, 257.
      expect(meter.walks).toBe(7);
      expect(meter.read(rt, ctx)).toBe(walkedBytes(rt, ctx));
    } finally {
      ctx.dispose();
      rt.dispose();
    }
  });

  it("keeps walking every 16th reading while blocks are replaced by others of another size (same count)", async () => {
    const mod = await loadEngine();
    const rt = mod.newRuntime();
    const ctx = rt.newContext();
    try {
      const meter = new HeapMeter(mod.getWasmMemory(), calibrateAllocationCounter(mod));
      const count = calibrateAllocationCounter(mod);
      ctx.unwrapResult(ctx.evalCode("globalThis.swap = function (n) { globalThis.kept = { s: 'x'.repeat(n) }; }")).dispose();
      const swap = ctx.getProp(ctx.global, "swap");
      meter.read(rt, ctx); // the first walk (its first run also interns the usage object's names)
      const before = count(rt)!;
      for (let i = 1; i <= 160; i++) {
        const n = ctx.newNumber(1000 * i); // a larger block each time, so every walk finds a change
        ctx.unwrapResult(ctx.callFunction(swap, ctx.undefined, n)).dispose();
        n.dispose();
        meter.read(rt, ctx);
      }
      swap.dispose();
      expect(Math.abs(count(rt)! - before)).toBeLessThan(64); // the count alone cannot see these changes
      expect(meter.walks).toBe(1 + 160 / 16);
      expect(meter.read(rt, ctx)).toBe(walkedBytes(rt, ctx)); // reading 161: no walk, and nothing new since reading 160
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
