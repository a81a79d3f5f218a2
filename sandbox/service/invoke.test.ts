// The Invoke API as a caller sees it (API Invoke; LAMBDA.md §5): 200 with X-Amz-Function-Error and
// X-Amz-Executed-Version, X-Amz-Log-Result with LogType Tail (base64 of the last 4 KB of the log).
import { describe, expect, it } from "vitest";
import { ServiceStateError } from "./errors";
import { createLambdaService } from "./service";
import { fn, template } from "./testing";

const code = `
exports.handler = async (e) => {
  console.log("got", JSON.stringify(e));
  if (e.fail) throw new RangeError("out of range");
  if (e.hang) await new Promise((r) => setTimeout(r, 10_000));
  return { ok: true };
};`;

describe("the Invoke API", () => {
  it("a function error is HTTP 200 with FunctionError Unhandled and Lambda's error payload", async () => {
    using s = await createLambdaService({ template: template({ F: fn(code) }) });
    const ok = await s.invoke("F", {});
    expect(ok).toMatchObject({ statusCode: 200, payload: { ok: true }, executedVersion: "$LATEST" });
    expect(ok.functionError).toBeUndefined();
    const bad = await s.invoke("F", { fail: true });
    expect(bad).toMatchObject({ statusCode: 200, functionError: "Unhandled", payload: { errorType: "RangeError", errorMessage: "out of range" } });
  });

  it("a timeout is a function error with Sandbox.Timedout after the configured timeout", async () => {
    using s = await createLambdaService({ template: template({ F: fn(code, { Timeout: 2 }) }) });
    const r = await s.invoke("F", { hang: true });
    expect(r.functionError).toBe("Unhandled");
    expect(r.payload).toMatchObject({ errorType: "Sandbox.Timedout", errorMessage: expect.stringMatching(/Task timed out after 2\.00 seconds$/) as unknown });
    expect(s.report().invocations[0]).toMatchObject({ status: "timeout", duration: 2000 });
  });

  it("returns the tail of the log, base64, with logType Tail", async () => {
    using s = await createLambdaService({ template: template({ F: fn(code) }) });
    const r = await s.invoke("F", { a: 1 }, { logType: "Tail" });
    const text = new TextDecoder().decode(Uint8Array.from(atob(r.logResult ?? ""), (c) => c.charCodeAt(0)));
    expect(text).toMatch(/INFO\tgot {"a":1}/);
    expect(text).toMatch(/REPORT RequestId: /);
    expect((await s.invoke("F", {})).logResult).toBeUndefined();
  });

  it("a synchronous invoke moves the virtual clock to its response", async () => {
    using s = await createLambdaService({ template: template({ F: fn(code) }) });
    await s.invoke("F");
    const first = s.report().invocations[0];
    expect(s.clock.now()).toBeCloseTo(first?.end ?? -1, 6);
    await s.invoke("F");
    expect(s.report().invocations[1]).toMatchObject({ coldStart: false, start: first?.end });
  });

  it("refuses use after dispose", async () => {
    const s = await createLambdaService({ template: template({ F: fn(code) }) });
    s.dispose();
    await expect(s.invoke("F")).rejects.toThrow(ServiceStateError);
  });
});
