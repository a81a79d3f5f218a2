// Node.js timers semantics (nodejs.org/api/timers.html) on the simulator's clock; DG lambda-runtime-environment (frozen timers resume).
import { describe, expect, it } from "vitest";
import { appMessages, env, invokeOnce } from "./testing";

describe("timers and the virtual clock", () => {
  it("a handler waiting 2 s returns at once in real time but reports ~2,000 ms", async () => {
    const t0 = performance.now();
    const r = await invokeOnce("exports.handler = async () => { const a = Date.now(); await new Promise((r) => setTimeout(r, 2000)); return Date.now() - a; };");
    expect(performance.now() - t0).toBeLessThan(1500);
    expect(r.payload).toBeGreaterThanOrEqual(2000);
    expect(r.durationMs).toBeGreaterThanOrEqual(2000);
    expect(r.durationMs).toBeLessThan(2050);
  });

  it("real mode really waits", async () => {
    const t0 = performance.now();
    const r = await invokeOnce("exports.handler = async () => { await new Promise((r) => setTimeout(r, 150)); return 1; };", {}, {}, { clock: "real" });
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
    expect(r.durationMs).toBeGreaterThanOrEqual(140);
  });

  it("real mode enforces the timeout on wall time", async () => {
    const t0 = performance.now();
    const r = await invokeOnce("exports.handler = async () => { for (;;) {} };", {}, { timeoutSeconds: 1 }, { clock: "real" });
    const wall = performance.now() - t0;
    expect(r.status).toBe("timeout");
    expect(r.durationMs).toBe(1000);
    expect(wall).toBeGreaterThanOrEqual(990);
  });

  it("orders timers by due time, then creation; setImmediate after due timers; nextTick before promises", async () => {
    const r = await invokeOnce(`exports.handler = (e, c, cb) => {
      const out = [];
      setTimeout(() => out.push('t20'), 20);
      setTimeout(() => out.push('t10'), 10);
      setTimeout(() => out.push('t10b'), 10);
      setImmediate(() => out.push('immediate'));
      Promise.resolve().then(() => out.push('promise'));
      process.nextTick(() => out.push('tick'));
      queueMicrotask(() => out.push('microtask'));
      setTimeout(() => cb(null, out), 30);
    };`);
    expect(r.payload).toEqual(["tick", "promise", "microtask", "immediate", "t10", "t10b", "t20"]);
  });

  it("setInterval repeats until cleared; clearTimeout cancels", async () => {
    const r = await invokeOnce(`exports.handler = async () => { let n = 0; const c = setTimeout(() => { n += 100; }, 5);
      clearTimeout(c);
      await new Promise((res) => { const i = setInterval(() => { if (++n === 3) { clearInterval(i); res(); } }, 100); });
      return n; };`);
    expect(r.payload).toBe(3);
    expect(r.durationMs).toBeGreaterThanOrEqual(300);
  });

  it("unref'd timers do not keep a callback handler's event loop alive", async () => {
    const r = await invokeOnce("exports.handler = (e, c, cb) => { setTimeout(() => console.log('never'), 1000).unref(); cb(null, 'ok'); };");
    expect(r.payload).toBe("ok");
    expect(appMessages(r)).not.toContain("never");
  });

  it("leftover timers are frozen and resume on the next invoke, logging with the old request id", async () => {
    const e = await env("exports.handler = async (ev) => { if (ev.arm) setTimeout(() => console.log('leftover'), 1000); return 'ok'; };");
    const a = await e.invoke({ arm: true }, { requestId: "aaaaaaaa-0000-4000-8000-000000000000", startTime: 1_000_000 });
    expect(appMessages(a)).not.toContain("leftover");
    const b = await e.invoke({}, { requestId: "bbbbbbbb-0000-4000-8000-000000000000", startTime: 1_010_000 });
    const line = b.logs.find((l) => l.message.endsWith("leftover"));
    expect(line?.message).toContain("\taaaaaaaa-0000-4000-8000-000000000000\tINFO\tleftover");
    e.dispose();
  });

  it("uses the invoke's virtual startTime for Date and log timestamps", async () => {
    const start = Date.UTC(2030, 0, 1, 12, 0, 0);
    const r = await invokeOnce("exports.handler = async () => { console.log('x'); return new Date().toISOString(); };", {}, {}, {}, { startTime: start });
    expect(r.payload).toMatch(/^2030-01-01T12:00:00\./);
    expect(r.logs.find((l) => l.kind === "app")?.message).toMatch(/^2030-01-01T12:00:00\.\d{3}Z\t/);
  });
});

describe("deterministic duration", () => {
  it("reports the same Duration for the same code and event in fresh environments", async () => {
    const src = "exports.handler = async (e) => { let s = 0; for (let i = 0; i < e.n; i++) s += i % 7; return s; };";
    const a = await invokeOnce(src, { n: 300_000 });
    const b = await invokeOnce(src, { n: 300_000 });
    expect(a.durationMs).toBe(b.durationMs);
    expect(a.initDurationMs).toBe(b.initDurationMs);
  });

  it("reports CPU-bound work as slower at 128 MB than at 1,769 MB (CPU proportional to memory)", async () => {
    const src = "exports.handler = async () => { let s = 0; for (let i = 0; i < 2e6; i++) s += i; return s; };";
    const small = await invokeOnce(src, {}, { memoryMB: 128, timeoutSeconds: 60 });
    const big = await invokeOnce(src, {}, { memoryMB: 1769, timeoutSeconds: 60 });
    expect(small.durationMs / big.durationMs).toBeGreaterThan(8);
  });
});
