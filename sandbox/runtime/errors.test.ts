// RIC Errors.js (toRapidResponse, toFormatted, NodeJsExit message, DEL escaping), RIC RAPIDClient ("Unable to stringify response body"), DG nodejs-exceptions, DG lambda-runtime-environment, LAMBDA.md §2.
import { describe, expect, it } from "vitest";
import { RequestTooLargeError } from "./config";
import { env, invokeOnce, lines, reportLine } from "./testing";

describe("function errors", () => {
  it("reports an unhandled exception as errorType from .name, errorMessage and a trace of stack lines", async () => {
    const r = await invokeOnce("exports.handler = async () => { throw new Error('boom'); };");
    expect(r.status).toBe("error");
    expect(r.functionError).toBe("Unhandled");
    const p = r.payload as { errorType: string; errorMessage: string; trace: string[] };
    expect(p.errorType).toBe("Error");
    expect(p.errorMessage).toBe("boom");
    expect(p.trace[0]).toBe("Error: boom");
    expect(p.trace[1]).toMatch(/^ {4}at .*\/var\/task\/index\.js:1:\d+/);
    expect(reportLine(r)).toMatch(/\tStatus: error\tError Type: Error$/);
  });

  it("supports Error.captureStackTrace in custom errors, as V8 does", async () => {
    const r = await invokeOnce("class HttpError extends Error { constructor(m) { super(m); this.name = 'HttpError'; Error.captureStackTrace(this, HttpError); } } exports.handler = async () => { throw new HttpError('teapot'); };");
    expect(r.payload).toMatchObject({ errorType: "HttpError", errorMessage: "teapot" });
    expect((r.payload as { trace: string[] }).trace[0]).toBe("HttpError: teapot");
  });

  it("escapes DEL characters as %7F in the error response, as RIC does", async () => {
    const r = await invokeOnce("exports.handler = async () => { throw new Error('a\\x7Fb'); };");
    expect(r.payload).toMatchObject({ errorType: "Error", errorMessage: "a%7Fb" });
  });

  it("a subclass without its own name reports errorType Error (RIC uses .name)", async () => {
    const r = await invokeOnce("class MyErr extends Error {}; exports.handler = async () => { throw new MyErr('x'); };");
    expect(r.payload).toMatchObject({ errorType: "Error", errorMessage: "x" });
  });

  it.each([
    ["a string", "'oops'", { errorType: "string", errorMessage: "oops", trace: [] }],
    ["a number", "42", { errorType: "number", errorMessage: "42", trace: [] }],
    ["an object", "({ a: 1 })", { errorType: "object", errorMessage: "[object Object]", trace: [] }],
  ])("a thrown non-Error value (%s) reports errorType = typeof and trace []", async (_n, value, expected) => {
    const r = await invokeOnce(`exports.handler = async () => { throw ${value}; };`);
    expect(r.payload).toEqual(expected);
  });

  it("callback(err) reports the error and logs Invoke Error with the error's enumerable properties and code", async () => {
    const r = await invokeOnce("exports.handler = (e, c, cb) => { const err = new Error('denied'); err.code = 'E_DENIED'; err.status = 403; cb(err); };");
    expect(r.payload).toMatchObject({ errorType: "Error", errorMessage: "denied" });
    const line = lines(r).find((l) => l.includes("Invoke Error"))!;
    const json = JSON.parse(line.split("Invoke Error \t")[1]!);
    expect(json).toMatchObject({ errorType: "Error", errorMessage: "denied", code: "E_DENIED", status: 403 });
    expect(json.stack[0]).toBe("Error: denied");
  });

  it("an exception in a timer callback is an Uncaught Exception that fails the invoke and resets the environment", async () => {
    const e = await env("let n = 0; exports.handler = (ev, c, cb) => { n++; if (ev.bad) setTimeout(() => { throw new Error('in timer'); }, 10); else cb(null, n); };");
    const r = await e.invoke({ bad: true });
    expect(r.payload).toMatchObject({ errorType: "Error", errorMessage: "in timer" });
    expect(lines(r).some((l) => l.includes("\tERROR\tUncaught Exception \t{\"errorType\":\"Error\",\"errorMessage\":\"in timer\""))).toBe(true);
    expect(r.environmentReset).toBe(true);
    expect((await e.invoke({})).payload).toBe(1);
    e.dispose();
  });

  it("times out with Sandbox.Timedout, Task timed out after N.NN seconds, Duration capped at the timeout", async () => {
    const r = await invokeOnce("exports.handler = async () => new Promise((r) => setTimeout(r, 5000));", {}, { timeoutSeconds: 2 });
    expect(r.status).toBe("timeout");
    expect(r.payload).toEqual({ errorType: "Sandbox.Timedout", errorMessage: `RequestId: ${r.requestId} Error: Task timed out after 2.00 seconds` });
    expect(r.durationMs).toBe(2000);
    expect(reportLine(r)).toMatch(/\tDuration: 2000\.00 ms\tBilled Duration: \d+ ms\t.*\tStatus: timeout$/);
    expect(r.environmentReset).toBe(true);
  });

  it("times out a CPU-bound loop through the interrupt handler", async () => {
    const r = await invokeOnce("exports.handler = async () => { for (;;) {} };", {}, { timeoutSeconds: 1 });
    expect(r.status).toBe("timeout");
    expect(r.durationMs).toBe(1000);
  });

  it("runs out of memory with Runtime.OutOfMemory and Max Memory Used = Memory Size", async () => {
    const r = await invokeOnce("exports.handler = async () => { const a = []; for (;;) a.push(new ArrayBuffer(8 * 1024 * 1024)); };", {}, { timeoutSeconds: 30 });
    expect(r.payload).toMatchObject({ errorType: "Runtime.OutOfMemory", errorMessage: `RequestId: ${r.requestId} Error: Runtime exited with error: signal: killed` });
    expect(r.maxMemoryUsedMB).toBe(128);
    expect(reportLine(r)).toMatch(/Max Memory Used: 128 MB\t(Init Duration: [\d.]+ ms\t)?Status: error\tError Type: Runtime.OutOfMemory$/);
    expect(r.environmentReset).toBe(true);
  });

  it("process.exit ends the invoke with Runtime.ExitError", async () => {
    const r = await invokeOnce("exports.handler = async () => { process.exit(2); };");
    expect(r.payload).toMatchObject({ errorType: "Runtime.ExitError", errorMessage: `RequestId: ${r.requestId} Error: Runtime exited with error: exit status 2` });
    expect(r.environmentReset).toBe(true);
  });

  it("fails a response that cannot be stringified with 'Unable to stringify response body'", async () => {
    const r = await invokeOnce("exports.handler = async () => { const o = {}; o.self = o; return o; };");
    expect(r.payload).toMatchObject({ errorType: "Error", errorMessage: "Unable to stringify response body" });
    const big = await invokeOnce("exports.handler = async () => ({ n: 10n });");
    expect(big.payload).toMatchObject({ errorMessage: "Unable to stringify response body" });
  });

  it("fails a response over 6 MB with Function.ResponseSizeTooLarge", async () => {
    const r = await invokeOnce("exports.handler = async () => 'x'.repeat(6 * 1024 * 1024 + 200);", {}, { memoryMB: 512 });
    expect(r.payload).toEqual({
      errorType: "Function.ResponseSizeTooLarge",
      errorMessage: "Response payload size (6291658 bytes) exceeded maximum allowed payload size (6291556 bytes).",
    });
  });

  it("returns responses and error payloads of any size up to the limit intact (the large ones cross alone)", async () => {
    const e = await env("exports.handler = async (ev) => { if (ev.fail) throw new Error('é'.repeat(ev.n)); return { s: 'ü€'.repeat(ev.n) }; };", { memoryMB: 512 });
    // Around 64K characters of JSON (where the body starts crossing alone), and far above.
    for (const n of [1, 32_000, 33_000, 1_000_000]) {
      const ok = await e.invoke({ n });
      expect(ok.status).toBe("success");
      expect(ok.payload).toEqual({ s: "ü€".repeat(n) });
    }
    for (const n of [1, 32_000, 33_000, 100_000]) {
      // (Up to 256K characters: longer messages are cut, see errorJson in guest/core.ts.)
      const failed = await e.invoke({ n, fail: true });
      expect(failed.status).toBe("error");
      expect((failed.payload as { errorMessage: string }).errorMessage).toBe("é".repeat(n));
    }
    e.dispose();
  });

  it("measures a non-ASCII response in UTF-8 bytes", async () => {
    const r = await invokeOnce("exports.handler = async () => '\u00e9'.repeat(3200000);", {}, { memoryMB: 512 });
    expect(r.payload).toEqual({
      errorType: "Function.ResponseSizeTooLarge",
      errorMessage: "Response payload size (6400002 bytes) exceeded maximum allowed payload size (6291556 bytes).",
    });
  });

  it("refuses a request payload over 6 MB before running anything (413 RequestEntityTooLargeException)", async () => {
    const e = await env("exports.handler = async () => 1;");
    const attempt = e.invoke({ data: "x".repeat(6_291_456) });
    await expect(attempt).rejects.toThrow(RequestTooLargeError);
    await expect(attempt).rejects.toMatchObject({ errorType: "RequestEntityTooLargeException", statusCode: 413, message: "Request must be smaller than 6291456 bytes for the InvokeFunction operation" });
    expect((await e.invoke({ ok: 1 })).status).toBe("success");
    e.dispose();
  });
});
