// The run report: metrics (DG monitoring-metrics-types), traces (DG services-xray: Initialization,
// Invocation, Overhead), cost (https://aws.amazon.com/lambda/pricing/), determinism.
import { describe, expect, it } from "vitest";
import { computeCost } from "./cost";
import { durationStats } from "./metrics";
import { PRICES } from "./pricing";
import { simulate, type ServiceExtension } from "./service";
import { fakeFactory, fn, template } from "./testing";
import type { InvocationRecord } from "./types";

const ok = "exports.handler = async (e) => { if (e.fail) throw new TypeError('bad'); return 'ok'; };";

describe("the run report", () => {
  it("lists every invocation with the fields of issue 4", async () => {
    const r = await simulate(template({ F: fn(ok) }), { stimuli: [{ invoke: "F", payload: { a: 1 } }] });
    const i = r.invocations[0];
    expect(i).toMatchObject({ function: "F", version: "$LATEST", trigger: "invoke", invocationType: "RequestResponse", attempt: 1, stimulus: 0, start: 0, coldStart: true, status: "success", response: "ok", memorySizeMB: 128, architecture: "x86_64" });
    expect(i?.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(i?.end).toBeCloseTo((i?.initDuration ?? 0) + (i?.duration ?? 0), 6);
    expect(i?.billedDuration).toBe(Math.ceil((i?.duration ?? 0) + (i?.initDuration ?? 0)));
    expect(i?.environmentId).toBe("F:$LATEST:1");
    expect(i?.logs?.[0]).toMatch(/^INIT_START/);
    expect(i?.logs?.at(-1)).toMatch(/^REPORT RequestId: /);
  });

  it("records errors with their type and message", async () => {
    const r = await simulate(template({ F: fn(ok) }), { stimuli: [{ invoke: "F", payload: { fail: true } }] });
    expect(r.invocations[0]).toMatchObject({ status: "error", errorType: "TypeError", errorMessage: "bad" });
    expect(r.summary.errors).toBe(1);
  });

  it("aggregates metrics per function per minute", async () => {
    const factory = fakeFactory((e) => ({ durationMs: (e as { d: number }).d, status: (e as { d: number }).d > 50 ? "error" : "success" }));
    const r = await simulate(template({ F: fn(ok) }), {
      stimuli: [
        { invoke: "F", payload: { d: 10 } },
        { at: "10s", invoke: "F", payload: { d: 20 } },
        { at: "20s", invoke: "F", payload: { d: 90 } },
        { at: "70s", invoke: "F", payload: { d: 30 } },
      ],
    }, { environmentFactory: factory });
    const [m0, m1] = r.metrics.F ?? [];
    expect(m0).toMatchObject({ minute: 0, Invocations: 3, Errors: 1, Throttles: 0, ConcurrentExecutions: 1, ColdStarts: 1 });
    expect(m0?.Duration).toEqual({ avg: 40, p50: 20, p99: 90, max: 90 });
    expect(m1).toMatchObject({ minute: 60_000, Invocations: 1 });
  });

  it("can aggregate metrics per second for a chart (metricsPeriod)", async () => {
    const factory = fakeFactory(() => ({ durationMs: 10 }));
    const r = await simulate(template({ F: fn(ok) }), { stimuli: [{ invoke: "F", count: 30, every: "100ms" }] }, { environmentFactory: factory, metricsPeriod: "1s" });
    expect(r.metrics.F?.map((m) => [m.minute, m.period, m.Invocations])).toEqual([
      [0, 1000, 10],
      [1000, 1000, 10],
      [2000, 1000, 10],
    ]);
  });

  it("computes p50 and p99 by nearest rank", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(durationStats(values)).toEqual({ avg: 50.5, p50: 50, p99: 99, max: 100 });
    expect(durationStats([])).toBeNull();
  });

  it("traces a cold invocation as Initialization, Invocation and Overhead; a warm one without Initialization", async () => {
    const r = await simulate(template({ F: fn(ok) }), { stimuli: [{ invoke: "F", count: 2, every: "1s" }] });
    const [cold, warm] = r.traces;
    expect(cold?.segments.map((s) => s.name)).toEqual(["Initialization", "Invocation", "Overhead"]);
    expect(warm?.segments.map((s) => s.name)).toEqual(["Invocation", "Overhead"]);
    const rec = r.invocations[0] as InvocationRecord;
    expect(cold?.segments[0]).toEqual({ name: "Initialization", start: 0, end: rec.initDuration });
    expect(cold?.segments.at(-1)?.end).toBeCloseTo(rec.end, 6);
  });

  it("bills requests and GB-seconds by architecture from the price table", async () => {
    const factory = fakeFactory(() => ({ durationMs: 1000, initMs: 0 }));
    const r = await simulate(template({ X: fn(ok, { MemorySize: 1024 }), A: fn(ok, { MemorySize: 1024, Architectures: ["arm64"] }) }), { stimuli: [{ invoke: "X", count: 10 }, { invoke: "A", count: 10 }] }, { environmentFactory: factory });
    const c = r.cost;
    expect(c.requests).toEqual({ count: 20, usd: 20 * 0.0000002 });
    expect(c.compute).toEqual([
      { architecture: "x86_64", requests: 10, gbSeconds: 10, usd: 0.00016667 },
      { architecture: "arm64", requests: 10, gbSeconds: 10, usd: 0.00013333 },
    ]);
    expect(c.totalUsd).toBeCloseTo(0.000004 + 0.00016667 + 0.00013333, 8);
    expect(c.prices.source).toBe("https://aws.amazon.com/lambda/pricing/");
    expect(c.freeTierApplied).toBe(false);
  });

  it("applies the free tier when asked to", async () => {
    const factory = fakeFactory(() => ({ durationMs: 1000, initMs: 0 }));
    const r = await simulate(template({ X: fn(ok, { MemorySize: 1024 }) }), { stimuli: [{ invoke: "X", count: 10 }] }, { environmentFactory: factory, freeTier: true });
    expect(r.cost.freeTierApplied).toBe(true);
    expect(r.cost.totalUsd).toBe(0);
    expect(r.cost.freeTier.requests).toBe(10);
  });

  it("bills provisioned concurrency from enablement, in 5-minute increments, plus its duration rate", () => {
    const rec = { status: "success", billedDuration: 1000, memorySizeMB: 1024, architecture: "x86_64", provisioned: true, function: "F" } as InvocationRecord;
    const c = computeCost({ invocations: [rec], provisioned: [{ memoryMB: 1024, architecture: "x86_64", count: 2, from: 0, to: 60_000 }], ephemeralByFunction: {}, freeTier: true });
    expect(c.provisioned.gbSecondsConfigured).toBe(600); // 2 × 1 GB × 300 s (rounded up to 5 minutes)
    expect(c.provisioned.gbSecondsDuration).toBe(1);
    expect(c.provisioned.usd).toBeCloseTo(600 * PRICES.provisionedPerGbSecond.x86_64 + PRICES.provisionedDurationPerGbSecond.x86_64, 8);
    // The free tier does not cover provisioned concurrency.
    expect(c.totalUsd).toBeCloseTo(c.provisioned.usd, 8);
  });

  it("gives the same report for the same template, drive file and seed", async () => {
    const drive = { stimuli: [{ invoke: "F", count: 5, every: "100ms" }, { invoke: "F", type: "Event", payload: { fail: true } }] };
    const a = await simulate(template({ F: fn(ok) }), drive);
    const b = await simulate(template({ F: fn(ok) }), drive);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it("gives the same JSON-format logs for the same seed: log streams are seeded, not random", async () => {
    const json = fn("exports.handler = async (e, ctx) => { console.log('stream', ctx.logStreamName); return process.env.AWS_LAMBDA_LOG_STREAM_NAME; };", { LoggingConfig: { LogFormat: "JSON" } });
    const drive = { stimuli: [{ invoke: "F", count: 2 }] };
    const a = await simulate(template({ F: json }), drive, { seed: 7 });
    const b = await simulate(template({ F: json }), drive, { seed: 7 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    // The function sees the stream its lines are grouped under in the report.
    const streams = Object.keys(a.logGroups["/aws/lambda/F"] ?? {});
    expect(streams).toContain(a.invocations[0]?.response);
    const c = await simulate(template({ F: json }), drive, { seed: 8 });
    expect(c.invocations[0]?.response).not.toBe(a.invocations[0]?.response);
  });

  it("draws the flow to DLQs and destinations, and lifts extensions' resources, HTTP exchanges and edges to the top", async () => {
    const t = template({
      F: fn(ok, { DeadLetterQueue: { Type: "SQS", TargetArn: { "Fn::GetAtt": ["Dlq", "Arn"] } }, EventInvokeConfig: { DestinationConfig: { OnSuccess: { Type: "SQS", Destination: { "Fn::GetAtt": ["Done", "Arn"] } } } } }),
      Dlq: { Type: "AWS::SQS::Queue" },
      Done: { Type: "AWS::SQS::Queue" },
    });
    const fake: ServiceExtension = {
      name: "fake",
      report: () => ({ resources: { Table: { items: 2 } }, http: [{ stimulus: 1, method: "GET", path: "/b", statusCode: 200, headers: {}, body: "" }, { stimulus: 0, method: "GET", path: "/a", statusCode: 404, headers: {}, body: "" }], edges: [{ from: "Api", to: "F", kind: "http" }, { from: "Api", to: "F", kind: "http" }] }),
    };
    const r = await simulate(t, { stimuli: [] }, { extensions: [fake] });
    expect(r.edges).toEqual([
      { from: "F", to: "Dlq", kind: "dlq" },
      { from: "F", to: "Done", kind: "destination:onSuccess" },
      { from: "Api", to: "F", kind: "http" },
    ]);
    expect(r.resources.Table).toEqual({ items: 2 });
    expect(r.resources.functions.F).toBeDefined();
    expect(r.http?.map((h) => h.path)).toEqual(["/a", "/b"]);
  });

  it("adds what extensions warn about to the report's warnings, and the loops they stopped to the summary", async () => {
    const fake: ServiceExtension = { name: "fake", report: () => ({ warnings: [{ resource: "Jobs", message: "not simulated" }], recursiveLoops: [{ at: 1 }, { at: 2 }] }) };
    const r = await simulate(template({ F: fn(ok) }), { stimuli: [] }, { extensions: [fake] });
    expect(r.warnings).toContainEqual({ resource: "Jobs", message: "not simulated" });
    expect(r.summary.recursiveLoopsStopped).toBe(2); // loops the event sources stopped count too
  });

  it("keeps no log lines, or only the last N, when asked (load runs)", async () => {
    const none = await simulate(template({ F: fn(ok) }), { stimuli: [{ invoke: "F" }] }, { logs: "none", traces: false });
    expect(none.invocations[0]?.logs).toBeUndefined();
    expect(none.traces).toEqual([]);
    const last = await simulate(template({ F: fn(ok) }), { stimuli: [{ invoke: "F" }] }, { logs: 1 });
    expect(last.invocations[0]?.logs).toEqual([expect.stringMatching(/^REPORT/)]);
  });

  it("groups log lines by log group and one log stream per environment, as CloudWatch Logs does", async () => {
    const r = await simulate(template({ F: fn(ok, { FunctionName: "orders" }) }), { stimuli: [{ invoke: "F", count: 2 }, { at: "1s", invoke: "F" }] });
    const group = r.logGroups["/aws/lambda/orders"] ?? {};
    const streams = Object.keys(group);
    expect(streams).toHaveLength(2);
    for (const s of streams) expect(s).toMatch(/^2026\/01\/01\/\[\$LATEST\][0-9a-f]{32}$/);
    // The environment that served two requests holds both invocations' lines, in order.
    const lines = Object.values(group).map((l) => l.filter((x) => x.startsWith("START")).length).sort();
    expect(lines).toEqual([1, 2]);
  });

  it("stops a run at maxInvocations and says so, keeping what ran", async () => {
    const factory = fakeFactory(() => ({ durationMs: 1 }));
    const r = await simulate(template({ F: fn(ok) }), { stimuli: [{ invoke: "F", count: 100, every: "10ms" }] }, { environmentFactory: factory, maxInvocations: 10 });
    expect(r.invocations).toHaveLength(10);
    expect(r.truncated).toMatch(/after 10 invocation attempts \(maxInvocations\)/);
  });

  it("states the final state of each function and target", async () => {
    const r = await simulate(template({ F: fn(ok, { AutoPublishAlias: "live" }), Q: { Type: "AWS::SQS::Queue" } }), { stimuli: [{ invoke: "F:live" }] });
    expect(r.resources.functions.F).toMatchObject({
      logicalId: "F",
      versions: [{ version: "$LATEST" }, { version: "1" }],
      aliases: [{ name: "live", version: "1", weights: {} }],
      warmEnvironments: [{ version: "1", count: 1, provisioned: 0 }],
      queuedAsyncEvents: 0,
    });
    expect(r.resources.targets.Q).toMatchObject({ type: "AWS::SQS::Queue", messages: [] });
  });
});
