// Asynchronous invocation: DG invocation-async, invocation-async-error-handling (retries 1 and 2
// minutes apart; throttles back-off 1 s → 5 min for up to 6 h), invocation-async-retain-records
// (DLQ message attributes, destinations and the invocation record, reserved concurrency 0).
import { describe, expect, it } from "vitest";
import { createLambdaService, simulate } from "./service";
import { fakeFactory, fn, template } from "./testing";
import type { InvocationRecord } from "./types";

const failing = "exports.handler = async (e) => { throw new Error('boom: ' + e.id); };";
const ok = "exports.handler = async (e) => ({ doubled: e.n * 2 });";

function attempts(records: InvocationRecord[]): InvocationRecord[] {
  return records.filter((r) => r.status !== "throttled");
}

describe("asynchronous invocation", () => {
  it("returns 202 at once for Event and 204 for DryRun without running anything", async () => {
    using s = await createLambdaService({ template: template({ F: fn(ok) }) });
    const a = await s.invoke("F", { n: 1 }, { type: "Event" });
    expect(a.statusCode).toBe(202);
    expect(a.payload).toBeNull();
    // Queued, not yet run: the clock has not moved.
    expect(s.report().invocations).toHaveLength(0);
    const d = await s.invoke("F", { n: 1 }, { type: "DryRun" });
    expect(d.statusCode).toBe(204);
    await s.settle();
    expect(s.report().invocations).toHaveLength(1);
    expect(s.report().summary.dryRuns).toBe(1);
  });

  it("an async failure is retried twice, 1 and 2 minutes apart, then sent to the DLQ (DG invocation-async-error-handling)", async () => {
    const report = await simulate(
      template({ Dlq: { Type: "AWS::SQS::Queue" }, F: fn(failing, { DeadLetterQueue: { Type: "SQS", TargetArn: { "Fn::GetAtt": ["Dlq", "Arn"] } } }) }),
      { stimuli: [{ invoke: "F", type: "Event", payload: { id: 7 } }] },
    );
    const runs = attempts(report.invocations);
    expect(runs.map((r) => r.attempt)).toEqual([1, 2, 3]);
    expect(runs.every((r) => r.status === "error" && r.requestId === runs[0]?.requestId)).toBe(true);
    const [a, b, c] = runs as [InvocationRecord, InvocationRecord, InvocationRecord];
    expect(b.start - a.end).toBeCloseTo(60_000, 6);
    expect(c.start - b.end).toBeCloseTo(120_000, 6);
    const dlq = report.deadLetters.Dlq ?? [];
    expect(dlq).toHaveLength(1);
    // Only the original event, with RequestID, ErrorCode and ErrorMessage attributes.
    expect(JSON.parse(dlq[0]?.body ?? "")).toEqual({ id: 7 });
    expect(dlq[0]?.messageAttributes).toEqual({
      RequestID: { dataType: "String", stringValue: a.requestId },
      ErrorCode: { dataType: "Number", stringValue: "200" },
      ErrorMessage: { dataType: "String", stringValue: "boom: 7" },
    });
    expect(dlq[0]?.time).toBe(c.end);
    expect(report.summary.retries).toBe(2);
    // AsyncEventsReceived when queued (minute 0), AsyncEventsDropped when given up (minute 3).
    expect(report.metrics.F?.map((m) => [m.minute / 60_000, m.AsyncEventsReceived, m.AsyncEventsDropped])).toEqual([
      [0, 1, 0],
      [1, 0, 0],
      [3, 0, 1],
    ]);
  });

  it("MaximumRetryAttempts 0 sends the event to the DLQ after the first failure", async () => {
    const report = await simulate(
      template({ Dlq: { Type: "AWS::SNS::Topic" }, F: fn(failing, { DeadLetterQueue: { Type: "SNS", TargetArn: { Ref: "Dlq" } }, EventInvokeConfig: { MaximumRetryAttempts: 0 } }) }),
      { stimuli: [{ invoke: "F", type: "Event", payload: { id: 1 } }] },
    );
    expect(attempts(report.invocations)).toHaveLength(1);
    expect(report.deadLetters.Dlq).toHaveLength(1);
  });

  it("a timeout is a function error and is retried too", async () => {
    const report = await simulate(template({ F: fn("exports.handler = () => new Promise(() => { setTimeout(() => {}, 5000); });", { Timeout: 1, EventInvokeConfig: { MaximumRetryAttempts: 1 } }) }), {
      stimuli: [{ invoke: "F", type: "Event" }],
    });
    expect(attempts(report.invocations).map((r) => r.status)).toEqual(["timeout", "timeout"]);
  });

  it("sends Lambda's invocation record to the OnSuccess destination (condition Success, one attempt)", async () => {
    const report = await simulate(
      template({ Done: { Type: "AWS::SQS::Queue" }, F: fn(ok, { EventInvokeConfig: { DestinationConfig: { OnSuccess: { Type: "SQS", Destination: { "Fn::GetAtt": ["Done", "Arn"] } } } } }) }),
      { stimuli: [{ invoke: "F", type: "Event", payload: { n: 21 } }] },
    );
    expect(report.destinations).toHaveLength(1);
    const d = report.destinations[0];
    expect(d).toMatchObject({ target: "Done", kind: "sqs", source: "F", on: "OnSuccess", delivered: true });
    expect(d?.record).toEqual({
      version: "1.0",
      timestamp: expect.stringMatching(/^2026-01-01T00:00:00\.\d{3}Z$/) as unknown,
      requestContext: { requestId: report.invocations[0]?.requestId, functionArn: "arn:aws:lambda:us-east-1:123456789012:function:F:$LATEST", condition: "Success", approximateInvokeCount: 1 },
      requestPayload: { n: 21 },
      responseContext: { statusCode: 200, executedVersion: "$LATEST" },
      responsePayload: { doubled: 42 },
    });
    // The queue holds the record as a message body.
    const msgs = report.resources.targets.Done?.messages as { body: string }[];
    expect(JSON.parse(msgs[0]?.body ?? "")).toEqual(d?.record);
  });

  it("sends a RetriesExhausted record to an EventBridge OnFailure destination as a Lambda event", async () => {
    const report = await simulate(
      template({ Bus: { Type: "AWS::Events::EventBus", Properties: { Name: "errors" } }, F: fn(failing, { EventInvokeConfig: { MaximumRetryAttempts: 1, DestinationConfig: { OnFailure: { Type: "EventBridge", Destination: { "Fn::GetAtt": ["Bus", "Arn"] } } } } }) }),
      { stimuli: [{ invoke: "F", type: "Event", payload: { id: 3 } }] },
    );
    const d = report.destinations[0];
    expect(d?.record.requestContext).toMatchObject({ condition: "RetriesExhausted", approximateInvokeCount: 2 });
    expect(d?.record.responseContext).toEqual({ statusCode: 200, executedVersion: "$LATEST", functionError: "Unhandled" });
    expect(d?.record.responsePayload).toMatchObject({ errorType: "Error", errorMessage: "boom: 3" });
    const ev = report.resources.targets.Bus?.messages[0] as Record<string, unknown>;
    expect(ev).toMatchObject({ source: "lambda", "detail-type": "Lambda Function Invocation Result - Failure", detail: d?.record });
  });

  it("drops an event older than MaximumEventAgeInSeconds with condition EventAgeExceeded", async () => {
    // 60 s maximum age: the second attempt (1 minute after the first failure) is already too old.
    const report = await simulate(
      template({ Dlq: { Type: "AWS::SQS::Queue" }, F: fn(failing, { DeadLetterQueue: { Type: "SQS", TargetArn: { "Fn::GetAtt": ["Dlq", "Arn"] } }, EventInvokeConfig: { MaximumEventAgeInSeconds: 60, DestinationConfig: { OnFailure: { Type: "SQS", Destination: { "Fn::GetAtt": ["Dlq", "Arn"] } } } } }) }),
      { stimuli: [{ invoke: "F", type: "Event", payload: { id: 1 } }] },
    );
    expect(attempts(report.invocations)).toHaveLength(1);
    expect(report.destinations[0]?.record.requestContext.condition).toBe("EventAgeExceeded");
    expect(report.deadLetters.Dlq).toHaveLength(1);
  });

  it("a Lambda destination receives the record as an asynchronous event", async () => {
    const report = await simulate(
      template({ Audit: fn("exports.handler = async (e) => e.requestContext.condition;"), F: fn(ok, { EventInvokeConfig: { DestinationConfig: { OnSuccess: { Type: "Lambda", Destination: { "Fn::GetAtt": ["Audit", "Arn"] } } } } }) }),
      { stimuli: [{ invoke: "F", type: "Event", payload: { n: 1 } }] },
    );
    const audit = report.invocations.find((r) => r.function === "Audit");
    expect(audit).toMatchObject({ trigger: "destination:F", invocationType: "Event", status: "success", response: "Success" });
  });

  it("reserved concurrency 0 sends async events to the DLQ without retries (DG invocation-async-retain-records)", async () => {
    const report = await simulate(
      template({ Dlq: { Type: "AWS::SQS::Queue" }, F: fn(ok, { ReservedConcurrentExecutions: 0, DeadLetterQueue: { Type: "SQS", TargetArn: { "Fn::GetAtt": ["Dlq", "Arn"] } } }) }),
      { stimuli: [{ invoke: "F", type: "Event", payload: { n: 1 } }] },
    );
    expect(report.invocations.map((r) => r.status)).toEqual(["throttled"]);
    expect(report.deadLetters.Dlq?.[0]?.messageAttributes.ErrorCode.stringValue).toBe("429");
  });

  it("throttled async events go back to the queue and are retried with back-off from 1 s, doubling", async () => {
    const factory = fakeFactory(() => ({ durationMs: 30_000, initMs: 0 }));
    const report = await simulate(template({ F: fn(ok, { ReservedConcurrentExecutions: 1 }) }), { stimuli: [{ invoke: "F", type: "Event", count: 2 }] }, { environmentFactory: factory });
    const second = report.invocations.filter((r) => r.requestId !== report.invocations[0]?.requestId);
    const throttled = second.filter((r) => r.status === "throttled").map((r) => r.start);
    // 0, +1 s, +2 s, +4 s, +8 s: until the first event's 30 s run ends.
    expect(throttled).toEqual([0, 1000, 3000, 7000, 15_000]);
    expect(second.at(-1)).toMatchObject({ status: "success", start: 31_000, attempt: 1 });
    expect(second.every((r) => r.throttleReason === undefined || r.throttleReason === "ReservedFunctionConcurrentInvocationLimitExceeded")).toBe(true);
  });

  it("caps the throttle back-off at 5 minutes and gives up after the maximum event age", async () => {
    const factory = fakeFactory(() => ({ durationMs: 900_000, initMs: 0 }));
    const report = await simulate(
      template({ F: fn(ok, { Timeout: 900, ReservedConcurrentExecutions: 1, EventInvokeConfig: { MaximumEventAgeInSeconds: 3600, DestinationConfig: { OnFailure: { Type: "SQS" } } } }) }),
      { stimuli: [{ invoke: "F", type: "Event", count: 6 }] },
      { environmentFactory: factory },
    );
    const second = report.invocations.filter((r) => r.requestId === report.invocations[1]?.requestId);
    const times = second.filter((r) => r.status === "throttled").map((r) => r.start);
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? 0));
    expect(Math.max(...gaps)).toBe(300_000);
    expect(report.destinations.find((d) => d.record.requestContext.condition === "EventAgeExceeded")).toMatchObject({ target: "FEventInvokeConfigOnFailureQueue", delivered: true });
  });

  it("stops a destination loop (a function whose OnSuccess is itself) after 16 invocations in the chain (DG invocation-recursion)", async () => {
    const report = await simulate(template({ F: fn(ok, { EventInvokeConfig: { DestinationConfig: { OnSuccess: { Type: "Lambda", Destination: "arn:aws:lambda:us-east-1:123456789012:function:F" } } } }) }), {
      stimuli: [{ invoke: "F", type: "Event", payload: { n: 1 } }],
    });
    expect(report.invocations).toHaveLength(16);
    expect(report.summary.recursiveLoopsStopped).toBe(1);
    expect(report.metrics.F?.reduce((n, m) => n + m.RecursiveInvocationsDropped, 0)).toBe(1);
    expect(report.destinations.at(-1)).toMatchObject({ target: "F", delivered: false });
  });

  it("counts a DLQ that cannot be written to (outside the template) in DeadLetterErrors", async () => {
    const report = await simulate(template({ F: fn(failing, { DeadLetterQueue: { Type: "SQS", TargetArn: "arn:aws:sqs:us-east-1:123456789012:elsewhere" }, EventInvokeConfig: { MaximumRetryAttempts: 0 } }) }), {
      stimuli: [{ invoke: "F", type: "Event" }],
    });
    expect(report.metrics.F?.[0]?.DeadLetterErrors).toBe(1);
    expect(report.warnings.some((w) => w.property === "DeadLetterQueue.TargetArn")).toBe(true);
  });
});
