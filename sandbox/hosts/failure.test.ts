/**
 * Results for invocations the host had to stop or lost, in Lambda's shapes (LAMBDA.md §1–2;
 * DG lambda-runtime-environment, "Failures during the invoke phase").
 */
import { describe, expect, it } from "vitest";
import { lostInvocationResult } from "./failure";

const base = { requestId: "11111111-2222-3333-4444-555555555555", startTime: Date.UTC(2026, 0, 15, 9, 30) };

describe("lost invocation results", () => {
  it("a hard stop reports Sandbox.Timedout with the configured timeout, Duration capped at it", () => {
    const r = lostInvocationResult({ ...base, config: { files: {}, timeoutSeconds: 5 }, coldStart: false, lost: { reason: "deadline", elapsedMs: 6012 } });
    expect(r).toMatchObject({
      status: "timeout",
      functionError: "Unhandled",
      durationMs: 5000,
      billedDurationMs: 5000,
      memorySizeMB: 128,
      environmentReset: true,
      payload: { errorType: "Sandbox.Timedout", errorMessage: `RequestId: ${base.requestId} Error: Task timed out after 5.00 seconds` },
    });
    expect(r.logs.map((l) => l.message)).toEqual([
      `START RequestId: ${base.requestId} Version: $LATEST`,
      `END RequestId: ${base.requestId}`,
      `REPORT RequestId: ${base.requestId}\tDuration: 5000.00 ms\tBilled Duration: 5000 ms\tMemory Size: 128 MB\tMax Memory Used: 128 MB\tStatus: timeout`,
    ]);
  });

  it("a cold start lost with its worker still shows INIT_START first", () => {
    const r = lostInvocationResult({ ...base, config: { files: {} }, coldStart: true, lost: { reason: "deadline", elapsedMs: 1 } });
    expect(r.logs[0]?.message).toMatch(/^INIT_START Runtime Version: nodejs:22\.v\d+\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:[0-9a-f]{64}$/);
    expect(r.coldStart).toBe(true);
  });

  it("a worker out of heap reports Runtime.OutOfMemory, Max Memory Used = Memory Size", () => {
    const r = lostInvocationResult({
      ...base,
      config: { files: {}, memoryMB: 512 },
      coldStart: false,
      lost: { reason: "crash", message: "heap", outOfMemory: true, elapsedMs: 10 },
    });
    expect(r.payload).toEqual({
      errorType: "Runtime.OutOfMemory",
      errorMessage: `RequestId: ${base.requestId} Error: Runtime exited with error: signal: killed`,
    });
    expect(r.maxMemoryUsedMB).toBe(512);
    expect(r.logs.at(-1)?.message).toMatch(/\tMax Memory Used: 512 MB\tStatus: error\tError Type: Runtime\.OutOfMemory$/);
  });

  it("a worker that exits reports Runtime.ExitError with the exit status; a crash without one, no reason", () => {
    const exited = lostInvocationResult({ ...base, config: { files: {} }, coldStart: false, lost: { reason: "exit", code: 3, elapsedMs: 2 } });
    expect(exited.payload).toEqual({ errorType: "Runtime.ExitError", errorMessage: `RequestId: ${base.requestId} Error: Runtime exited with error: exit status 3` });
    const crashed = lostInvocationResult({ ...base, config: { files: {} }, coldStart: false, lost: { reason: "crash", message: "x", outOfMemory: false, elapsedMs: 2 } });
    expect(crashed.payload).toEqual({ errorType: "Runtime.ExitError", errorMessage: `RequestId: ${base.requestId} Error: Runtime exited without providing a reason` });
  });

  it("writes JSON platform records when the function logs in JSON", () => {
    const r = lostInvocationResult({
      ...base,
      config: { files: {}, logFormat: "JSON", functionName: "orders" },
      coldStart: false,
      lost: { reason: "deadline", elapsedMs: 3100 },
    });
    const records = r.logs.map((l) => JSON.parse(l.message) as { type: string; record: Record<string, unknown> });
    expect(records.map((x) => x.type)).toEqual(["platform.start", "platform.report"]);
    expect(records[0]?.record).toEqual({ requestId: base.requestId, functionArn: "arn:aws:lambda:us-east-1:123456789012:function:orders", version: "$LATEST" });
    expect(records[1]?.record).toMatchObject({ requestId: base.requestId, status: "timeout", metrics: { durationMs: 3000, billedDurationMs: 3000 } });
  });
});
