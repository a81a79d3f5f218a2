// DG lambda-runtime-environment (init/invoke/reset, suppressed init, /tmp persistence), DG nodejs-logging.
import { describe, expect, it } from "vitest";
import { newEnvironment } from "./environment";
import { appMessages, env, fn, lines, reportLine } from "./testing";

const counter = `
let n = 0;
console.log('module init');
exports.handler = async () => ({ n: ++n });
`;

describe("execution environment lifecycle", () => {
  it("runs init once and keeps module-level state across warm invokes", async () => {
    const e = await env(counter);
    const a = await e.invoke({});
    const b = await e.invoke({});
    expect(a.payload).toEqual({ n: 1 });
    expect(b.payload).toEqual({ n: 2 });
    expect(a.coldStart).toBe(true);
    expect(b.coldStart).toBe(false);
    expect(e.cold).toBe(false);
    e.dispose();
  });

  it("reports Init Duration only on a cold start, and INIT_START only then", async () => {
    const e = await env(counter);
    const a = await e.invoke({});
    const b = await e.invoke({});
    expect(lines(a)[0]).toMatch(/^INIT_START Runtime Version: nodejs:22/);
    expect(reportLine(a)).toMatch(/\tInit Duration: \d+\.\d\d ms\t$/);
    expect(a.initDurationMs).toBeGreaterThan(0);
    expect(lines(b).some((l) => l.startsWith("INIT_START"))).toBe(false);
    expect(reportLine(b)).not.toMatch(/Init Duration/);
    expect(b.initDurationMs).toBeUndefined();
    e.dispose();
  });

  it("frames an invocation with START, END and REPORT in that order", async () => {
    const e = await env(counter);
    const r = await e.invoke({}, { requestId: "11111111-2222-3333-4444-555555555555" });
    const ls = lines(r);
    const start = ls.findIndex((l) => l === "START RequestId: 11111111-2222-3333-4444-555555555555 Version: $LATEST");
    const end = ls.findIndex((l) => l === "END RequestId: 11111111-2222-3333-4444-555555555555");
    const report = ls.findIndex((l) => l.startsWith("REPORT RequestId: 11111111-2222-3333-4444-555555555555\tDuration: "));
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    expect(report).toBe(ls.length - 1);
    e.dispose();
  });

  it("logs module-level console output with the request id undefined (RIC LogPatch)", async () => {
    const e = await env(counter);
    const r = await e.invoke({});
    const initLine = lines(r).find((l) => l.endsWith("module init"));
    expect(initLine).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\tundefined\tINFO\tmodule init$/);
    e.dispose();
  });

  it("bills ceil(Duration + Init Duration) on the cold invoke and ceil(Duration) when warm", async () => {
    const e = await env(counter);
    const a = await e.invoke({});
    const b = await e.invoke({});
    expect(a.billedDurationMs).toBe(Math.ceil(Math.round((a.durationMs + (a.initDurationMs ?? 0)) * 100) / 100));
    expect(b.billedDurationMs).toBe(Math.ceil(b.durationMs));
    e.dispose();
  });

  it("keeps /tmp across warm invokes and across a reset, but loses globals on reset", async () => {
    const src = `
const fs = require('fs');
let hits = 0;
exports.handler = async (event) => {
  hits++;
  if (event.write) fs.writeFileSync('/tmp/state.txt', 'kept');
  if (event.hang) await new Promise(() => setInterval(() => {}, 1000));
  return { hits, tmp: fs.existsSync('/tmp/state.txt') ? fs.readFileSync('/tmp/state.txt', 'utf8') : null };
};`;
    const e = await env(src, { timeoutSeconds: 1 });
    expect((await e.invoke({ write: true })).payload).toEqual({ hits: 1, tmp: "kept" });
    expect((await e.invoke({})).payload).toEqual({ hits: 2, tmp: "kept" });
    const t = await e.invoke({ hang: true });
    expect(t.status).toBe("timeout");
    expect(t.environmentReset).toBe(true);
    const after = await e.invoke({});
    expect(after.payload).toEqual({ hits: 1, tmp: "kept" });
    expect(after.coldStart).toBe(false);
    e.dispose();
  });

  it("after a reset, runs a suppressed init inside the next invoke: no INIT_START, no Init Duration, time folded into Duration", async () => {
    const src = `console.log('init ran'); exports.handler = async (e) => { if (e.hang) while (true) {} return 'ok'; };`;
    const e = await env(src, { timeoutSeconds: 1 });
    await e.invoke({});
    const t = await e.invoke({ hang: true });
    expect(t.status).toBe("timeout");
    const next = await e.invoke({});
    expect(next.payload).toBe("ok");
    expect(lines(next).some((l) => l.startsWith("INIT_START"))).toBe(false);
    expect(appMessages(next)).toContain("init ran");
    expect(reportLine(next)).not.toMatch(/Init Duration/);
    expect(next.durationMs).toBeGreaterThan(100); // the runtime's own start-up is part of it
    e.dispose();
  });

  it("reproduces the init failure sequence: INIT_REPORT (init), retried INIT_REPORT (invoke), START, END, REPORT with the error", async () => {
    // LAMBDA.md §1 "Init failure sequence" (real nodejs log, 2025).
    const e = await env(`require('./missing');`);
    const r = await e.invoke({});
    const ls = lines(r);
    const idx = (re: RegExp) => ls.findIndex((l) => re.test(l));
    const uncaught1 = idx(/\tundefined\tERROR\tUncaught Exception \t\{"errorType":"Runtime.ImportModuleError"/);
    const initReport = idx(/^INIT_REPORT Init Duration: \d+\.\d\d ms\tPhase: init\tStatus: error\tError Type: Runtime.ImportModuleError$/);
    const invokeReport = idx(/^INIT_REPORT Init Duration: \d+\.\d\d ms\tPhase: invoke\tStatus: error\tError Type: Runtime.ImportModuleError$/);
    const start = idx(/^START RequestId: /);
    const report = idx(/^REPORT RequestId: .*\tStatus: error\tError Type: Runtime.ImportModuleError$/);
    expect(uncaught1).toBeGreaterThan(0);
    expect(initReport).toBeGreaterThan(uncaught1);
    expect(ls.filter((l) => l.includes("Uncaught Exception")).length).toBe(2);
    expect(invokeReport).toBeGreaterThan(initReport);
    expect(start).toBeGreaterThan(invokeReport);
    expect(report).toBe(ls.length - 1);
    expect(r.status).toBe("error");
    expect(r.functionError).toBe("Unhandled");
    expect(r.payload).toMatchObject({ errorType: "Runtime.ImportModuleError" });
    expect(reportLine(r)).not.toMatch(/Init Duration/);
    // The next invoke tries again (suppressed init) and fails the same way.
    const r2 = await e.invoke({});
    expect(lines(r2).filter((l) => l.startsWith("INIT_REPORT")).length).toBe(1);
    expect(r2.payload).toMatchObject({ errorType: "Runtime.ImportModuleError" });
    e.dispose();
  });

  it("limits init to 10 s: INIT_REPORT Status: timeout, then the retry is bounded by the function timeout", async () => {
    const e = await env(`while (true) {} exports.handler = async () => 1;`, { timeoutSeconds: 2, memoryMB: 10240 });
    const r = await e.invoke({});
    expect(lines(r).find((l) => l.startsWith("INIT_REPORT") && l.includes("Phase: init"))).toMatch(/^INIT_REPORT Init Duration: 101\d\d\.\d\d ms\tPhase: init\tStatus: timeout$/);
    expect(r.status).toBe("timeout");
    expect(r.payload).toMatchObject({ errorType: "Sandbox.Timedout" });
    expect(r.durationMs).toBe(2000);
    e.dispose();
  }, 60_000);

  it("init() pre-initialises a provisioned environment; its first invoke is warm", async () => {
    const e = await newEnvironment(fn(counter), { initializationType: "provisioned-concurrency" });
    const i = await e.init();
    expect(i.ok).toBe(true);
    expect(i.logs[0]?.message).toMatch(/^INIT_START/);
    const r = await e.invoke({});
    expect(r.coldStart).toBe(false);
    expect(reportLine(r)).not.toMatch(/Init Duration/);
    e.dispose();
  });

  it("refuses to be used after dispose and supports `using`", async () => {
    const e = await env(counter);
    e[Symbol.dispose]();
    await expect(e.invoke({})).rejects.toThrow(/disposed/);
  });

  it("refuses a second concurrent invoke: one environment handles one request at a time", async () => {
    const e = await env(counter);
    const first = e.invoke({});
    await expect(e.invoke({})).rejects.toThrow(/one at a time/);
    await first;
    e.dispose();
  });
});

describe("disposal", () => {
  it("disposing while an invoke waits for the host ends that invoke without throwing into the host", async () => {
    let release: (v: unknown) => void = () => {};
    const { newEnvironment: make } = await import("./environment");
    const e = await make(
      { files: { "index.js": "const kv = require('@lab/kv'); exports.handler = async () => kv.get();" } },
      { builtinModules: { "@lab/kv": "exports.get = () => __host.call('kv.get', {});" }, hostCall: () => new Promise((r) => (release = r)) },
    );
    const pending = e.invoke({});
    await new Promise((r) => setTimeout(r, 20));
    e.dispose();
    release(1);
    const r = await pending;
    expect(r.status).not.toBe("success");
  });
});
