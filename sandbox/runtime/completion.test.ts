// RIC Runtime.js + CallbackContext.js (completion rules 1–9 of LAMBDA.md §2); DG nodejs-handler ("callback-based handlers").
import { describe, expect, it } from "vitest";
import { appMessages, env, invokeOnce, lines } from "./testing";

describe("completion rules", () => {
  it("1. an async handler completes when its promise resolves, without waiting for pending timers", async () => {
    const r = await invokeOnce("exports.handler = async () => { setTimeout(() => console.log('later'), 1000); return 'now'; };");
    expect(r.payload).toBe("now");
    expect(appMessages(r)).not.toContain("later");
    expect(r.durationMs).toBeLessThan(100);
  });

  it("1. a returned non-native thenable is followed through its own then", async () => {
    const r = await invokeOnce("exports.handler = () => ({ then(resolve) { setTimeout(() => resolve('from thenable'), 10); } });");
    expect(r.payload).toBe("from thenable");
  });

  it("1. a returned thenable that rejects is an error", async () => {
    const r = await invokeOnce("exports.handler = () => Promise.reject(new TypeError('bad input'));");
    expect(r.status).toBe("error");
    expect(r.payload).toMatchObject({ errorType: "TypeError", errorMessage: "bad input" });
  });

  it("2. a callback handler waits for the event loop to drain before responding (callbackWaitsForEmptyEventLoop = true)", async () => {
    const r = await invokeOnce("exports.handler = (e, ctx, cb) => { setTimeout(() => console.log('timer ran'), 500); cb(null, 'done'); };");
    expect(r.payload).toBe("done");
    expect(appMessages(r)).toContain("timer ran");
    expect(r.durationMs).toBeGreaterThanOrEqual(500);
  });

  it("2. a callback handler with callbackWaitsForEmptyEventLoop=false responds before pending timers", async () => {
    const e = await env("exports.handler = (e, ctx, cb) => { ctx.callbackWaitsForEmptyEventLoop = false; setTimeout(() => console.log('frozen timer ran'), 500); cb(null, 'fast'); };");
    const r = await e.invoke({});
    expect(r.payload).toBe("fast");
    expect(appMessages(r)).not.toContain("frozen timer ran");
    expect(r.durationMs).toBeLessThan(100);
    // The frozen timer resumes when the environment is thawed by the next invoke (LAMBDA.md §4).
    const next = await e.invoke({}, { startTime: Date.now() + 60_000 });
    expect(appMessages(next)).toContain("frozen timer ran");
    e.dispose();
  });

  it("2. pending timers can push a callback handler into a timeout", async () => {
    const r = await invokeOnce("exports.handler = (e, ctx, cb) => { setInterval(() => {}, 100); cb(null, 'never sent'); };", {}, { timeoutSeconds: 1 });
    expect(r.status).toBe("timeout");
  });

  it("3. the first of callback / succeed / fail / promise wins; later calls are ignored", async () => {
    const r = await invokeOnce("exports.handler = (e, ctx, cb) => { ctx.callbackWaitsForEmptyEventLoop = false; cb(null, 'first'); cb(null, 'second'); ctx.succeed('third'); ctx.fail(new Error('x')); };");
    expect(r.payload).toBe("first");
  });

  it("4. an async handler that also calls the callback later: the promise's value wins", async () => {
    const r = await invokeOnce("exports.handler = async (e, ctx, cb) => { setTimeout(() => cb(null, 'from callback'), 10); return 'from promise'; };");
    expect(r.payload).toBe("from promise");
  });

  it("4. a synchronous throw in a callback handler is treated as callback(err)", async () => {
    const r = await invokeOnce("exports.handler = (e, ctx, cb) => { throw new RangeError('sync'); };");
    expect(r.payload).toMatchObject({ errorType: "RangeError", errorMessage: "sync" });
    expect(lines(r).some((l) => /\tERROR\tInvoke Error \t\{"errorType":"RangeError","errorMessage":"sync","stack":\["RangeError: sync",/.test(l))).toBe(true);
  });

  it("5. a non-async handler that neither calls back nor returns a promise succeeds with null when the loop drains", async () => {
    const r = await invokeOnce("exports.handler = (e, ctx, cb) => { setTimeout(() => console.log('tick'), 200); };");
    expect(r.status).toBe("success");
    expect(r.payload).toBeNull();
    expect(appMessages(r)).toContain("tick");
  });

  it("6. an async handler whose promise never settles fails with Runtime.NodeJsExit when the loop drains", async () => {
    const r = await invokeOnce("exports.handler = async () => new Promise(() => {});");
    expect(r.status).toBe("error");
    expect(r.payload).toMatchObject({ errorType: "Runtime.NodeJsExit" });
    expect((r.payload as { errorMessage: string }).errorMessage).toMatch(/Promise that was never settled/);
  });

  it("7. context.succeed / fail / done finish immediately, even with pending timers", async () => {
    const ok = await invokeOnce("exports.handler = (e, ctx) => { setTimeout(() => {}, 5000); ctx.succeed({ ok: 1 }); };");
    expect(ok.payload).toEqual({ ok: 1 });
    expect(ok.durationMs).toBeLessThan(100);
    const failed = await invokeOnce("exports.handler = (e, ctx) => { ctx.fail(new Error('nope')); };");
    expect(failed.payload).toMatchObject({ errorType: "Error", errorMessage: "nope" });
    const handled = await invokeOnce("exports.handler = (e, ctx) => { ctx.fail(); };");
    expect(handled.payload).toMatchObject({ errorType: "string", errorMessage: "handled" });
    const done = await invokeOnce("exports.handler = (e, ctx) => { ctx.done(null, 5); };");
    expect(done.payload).toBe(5);
  });

  it("9. nodejs24.x does not wait for the event loop and has no callbackWaitsForEmptyEventLoop or succeed/fail/done", async () => {
    const r = await invokeOnce(
      "exports.handler = (e, ctx) => { setTimeout(() => console.log('late'), 500); return { has: 'callbackWaitsForEmptyEventLoop' in ctx || 'succeed' in ctx }; };",
      {},
      { runtime: "nodejs24.x" },
    );
    expect(r.payload).toEqual({ has: false });
    expect(appMessages(r)).not.toContain("late");
  });

  it("returning undefined responds with null", async () => {
    const r = await invokeOnce("exports.handler = async () => undefined;");
    expect(r.payload).toBeNull();
  });
});
