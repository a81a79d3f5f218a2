import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from "quickjs-emscripten";
import { afterEach, describe, expect, it } from "vitest";
import { loadEngine } from "./engine";
import { FfiCalls, guestCalls, HandleCalls, type GuestCalls } from "./guest-calls";

const GUEST = `({
  num: function (a, b) { return a + b; },
  bool: function (x) { return x === 'yes'; },
  none: function () { },
  echo: function (s) { return s; },
  len: function (s) { return s.length; },
  thrower: function (m) { throw new TypeError(m); },
  later: function (v) { Promise.resolve(v).then(function (x) { globalThis.seen = x; }); },
  seen: function () { return String(globalThis.seen); },
})`;

/** Runtimes, contexts, handles and lanes made by a test, freed after it. */
let open: { rt: QuickJSRuntime; ctx: QuickJSContext; handles: QuickJSHandle[]; lanes: GuestCalls[] }[] = [];

async function setup() {
  const mod = await loadEngine();
  const rt = mod.newRuntime();
  const ctx = rt.newContext();
  const fns = ctx.unwrapResult(ctx.evalCode(GUEST));
  const entry = { rt, ctx, handles: [fns], lanes: [] as GuestCalls[] };
  open.push(entry);
  const fn = (k: string) => {
    const h = ctx.getProp(fns, k);
    entry.handles.push(h);
    return h;
  };
  const lane = (calls: GuestCalls) => {
    entry.lanes.push(calls);
    return calls;
  };
  return { rt, ctx, fn, lane };
}

afterEach(() => {
  for (const o of open) {
    for (const l of o.lanes) l.dispose();
    for (const h of o.handles) h.dispose();
    o.ctx.dispose();
    o.rt.dispose();
  }
  open = [];
});

describe("guestCalls", () => {
  it("uses the FFI lane with the installed quickjs-emscripten", async () => {
    const { rt, ctx, lane } = await setup();
    expect(lane(guestCalls(rt, ctx))).toBeInstanceOf(FfiCalls);
  });

  for (const kind of ["ffi", "handles"] as const) {
    describe(kind, () => {
      const make = (rt: QuickJSRuntime, ctx: QuickJSContext) => (kind === "ffi" ? guestCalls(rt, ctx) : new HandleCalls(rt, ctx));

      it("passes numbers, strings and undefined in; reads numbers, booleans (0/1) and undefined out", async () => {
        const { rt, ctx, fn, lane } = await setup();
        const calls = lane(make(rt, ctx));
        expect(calls.callNumber(fn("num"), 20, 22).value).toBe(42);
        expect(calls.callNumber(fn("num"), 0.5, undefined).value).toBeUndefined(); // NaN → undefined
        expect(calls.callNumber(fn("bool"), "yes").value).toBe(1);
        expect(calls.callNumber(fn("bool"), "no").value).toBe(0);
        expect(calls.callNumber(fn("none")).value).toBeUndefined();
      });

      it("round-trips non-ASCII strings, and strings larger than the reused buffer", async () => {
        const { rt, ctx, fn, lane } = await setup();
        const calls = lane(make(rt, ctx));
        const text = "héllo — ☃ 𝄞 " + JSON.stringify({ a: "\u2028", b: "\\u0000" });
        expect(calls.callString(fn("echo"), text).value).toBe(text);
        for (const n of [2046, 2047, 2048, 2049]) expect(calls.callString(fn("echo"), "a".repeat(n)).value).toBe("a".repeat(n)); // around the reused buffer's size
        const big = "ü".repeat(200_000); // 400,000 UTF-8 bytes
        expect(calls.callNumber(fn("len"), big).value).toBe(200_000);
        expect(calls.callString(fn("echo"), big).value).toBe(big);
      });

      it("returns a thrown guest error as a handle the context can read", async () => {
        const { rt, ctx, fn, lane } = await setup();
        const calls = lane(make(rt, ctx));
        const r = calls.callNumber(fn("thrower"), "bad input");
        expect(r.error).toBeDefined();
        const err = r.error as QuickJSHandle;
        expect(ctx.getString(ctx.getProp(err, "message"))).toBe("bad input");
        err.dispose();
        // The lane still works after an exception.
        expect(calls.callNumber(fn("num"), 1, 2).value).toBe(3);
      });

      it("runs pending promise jobs and counts them", async () => {
        const { rt, ctx, fn, lane } = await setup();
        const calls = lane(make(rt, ctx));
        expect(calls.runJobs(256).count).toBe(0);
        calls.callNumber(fn("later"), "value");
        expect(rt.hasPendingJob()).toBe(true);
        const r = calls.runJobs(256);
        expect(r.count).toBeGreaterThan(0);
        expect(rt.hasPendingJob()).toBe(false);
        expect(calls.callString(fn("seen")).value).toBe("value");
      });

      it("ends a job round that the interrupt handler stops (QuickJS turns it into a rejection)", async () => {
        const { rt, ctx, lane } = await setup();
        const calls = lane(make(rt, ctx));
        ctx.unwrapResult(ctx.evalCode("globalThis.p = Promise.resolve().then(function () { for (;;) {} })")).dispose();
        let ticks = 0;
        rt.setInterruptHandler(() => ++ticks > 3);
        const r = calls.runJobs(256);
        expect(r.error).toBeUndefined();
        expect(r.count).toBe(1);
        expect(ticks).toBeGreaterThan(3);
        rt.removeInterruptHandler();
        const state = ctx.unwrapResult(ctx.evalCode("var s = 'pending'; p.then(null, function (e) { s = e.message; }); s")).consume((h) => ctx.getString(h));
        expect(state).toBe("pending");
        calls.runJobs(256);
        expect(ctx.unwrapResult(ctx.evalCode("s")).consume((h) => ctx.getString(h))).toBe("interrupted");
      });
    });
  }
});
