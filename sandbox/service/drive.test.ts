// The drive file (issue 4, "The stimuli format"): durations, repeats, payload limits (API Invoke:
// 6 MB synchronous, 1 MB asynchronous), clear errors naming the entry; extension stimulus kinds.
import { describe, expect, it } from "vitest";
import { MAX_ASYNC_REQUEST_BYTES, parseDrive } from "./drive";
import { parseDuration } from "./duration";
import { DriveError } from "./errors";
import { createLambdaService, simulate, type ServiceExtension } from "./service";
import { fn, template } from "./testing";

const ok = "exports.handler = async (e) => e;";

function driveError(source: string | object, options = {}): DriveError {
  try {
    parseDrive(source, options);
  } catch (error) {
    if (error instanceof DriveError) return error;
    throw error;
  }
  throw new Error("expected a DriveError");
}

describe("drive files", () => {
  it("reads durations as milliseconds or with a unit", () => {
    expect([0, 250, "500ms", "10s", "2m", "1h", "1.5s"].map(parseDuration)).toEqual([0, 250, 500, 10_000, 120_000, 3_600_000, 1500]);
    expect(parseDuration("soon")).toBeUndefined();
    expect(parseDuration(-5)).toBeUndefined();
  });

  it("parses the YAML form of issue 4", () => {
    const d = parseDrive(`
duration: 10m
account: { concurrency: 500 }
stimuli:
  - at: 0s
    invoke: OrderFunction
    type: Event
    payload: { orderId: 1 }
    count: 100
    every: 10ms
  - at: 5m
    update: { function: OrderFunction, code: "exports.handler = async () => 2;", publish: true }
  - at: 5m
    alias: { function: OrderFunction, name: live, version: "1", weights: { "2": 0.1 } }
`);
    expect(d.duration).toBe(600_000);
    expect(d.account).toEqual({ concurrency: 500 });
    expect(d.stimuli[0]).toEqual({ kind: "invoke", index: 0, at: 0, count: 100, every: 10, target: "OrderFunction", type: "Event", payload: { orderId: 1 } });
    expect(d.stimuli[1]).toMatchObject({ kind: "update", at: 300_000, function: "OrderFunction", publish: true });
    expect(d.stimuli[2]).toMatchObject({ kind: "alias", name: "live", version: "1", weights: { "2": 0.1 } });
  });

  it("spaces repeats by `every`, starting at `at`", async () => {
    const r = await simulate(template({ F: fn(ok) }), { stimuli: [{ at: "1s", invoke: "F", count: 3, every: "2s" }] });
    expect(r.invocations.map((x) => x.start)).toEqual([1000, 3000, 5000]);
  });

  it("stops at the duration, leaving later work unrun", async () => {
    const r = await simulate(template({ F: fn(ok) }), { duration: "5s", stimuli: [{ invoke: "F", count: 10, every: "1s" }] });
    expect(r.invocations).toHaveLength(6);
    expect(r.duration).toBe(5000);
  });

  it("reads payloadFile through the host's file reader", () => {
    const d = parseDrive({ stimuli: [{ invoke: "F", payloadFile: "events/order.json" }] }, { readFile: (p: string) => (p === "events/order.json" ? '{"orderId":7}' : "") });
    expect(d.stimuli[0]).toMatchObject({ payload: { orderId: 7 } });
    expect(driveError({ stimuli: [{ invoke: "F", payloadFile: "x.json" }] }, { readFile: () => "not json" }).path).toBe("stimuli[0].payloadFile");
  });

  it("refuses a payload over Lambda's limits: 6 MB sync, 1 MB async (RequestEntityTooLargeException)", () => {
    const big = "x".repeat(MAX_ASYNC_REQUEST_BYTES);
    expect(() => parseDrive({ stimuli: [{ invoke: "F", payload: big }] })).not.toThrow();
    const e = driveError({ stimuli: [{ invoke: "F", type: "Event", payload: big }] });
    expect(e.path).toBe("stimuli[0].payload");
    expect(e.message).toMatch(/over Lambda's 1 MB asynchronous limit \(1048576 bytes\): RequestEntityTooLargeException/);
    expect(driveError({ stimuli: [{ invoke: "F", payload: "x".repeat(6_291_457) }] }).message).toMatch(/6 MB synchronous/);
  });

  it("refuses the API's oversized payloads in invoke() too, with 413", async () => {
    using s = await createLambdaService({ template: template({ F: fn(ok) }) });
    await expect(s.invoke("F", "x".repeat(MAX_ASYNC_REQUEST_BYTES), { type: "Event" })).rejects.toMatchObject({ errorType: "RequestEntityTooLargeException", statusCode: 413 });
  });

  it("names the entry at fault for bad input", () => {
    const cases: [object | string, string, RegExp][] = [
      ["stimuli: [ { invoke: F", "", /malformed YAML/],
      [{ stimuli: [{ invoke: "F", count: 0 }] }, "stimuli[0].count", /whole number from 1/],
      [{ stimuli: [{ invoke: "F", count: -3 }] }, "stimuli[0].count", /whole number from 1/],
      [{ stimuli: [{ invoke: "F", at: "yesterday" }] }, "stimuli[0].at", /duration like/],
      [{ stimuli: [{ invoke: "F", type: "Async" }] }, "stimuli[0].type", /RequestResponse, Event or DryRun/],
      [{ stimuli: [{ invoke: "F", colour: "red" }] }, "stimuli[0].colour", /unknown key/],
      [{ stimuli: [{ call: "F" }] }, "stimuli[0]", /needs one of invoke, update, alias/],
      [{ stimuli: [{ invoke: "F", update: { function: "F" } }] }, "stimuli[0]", /more than one kind/],
      [{ duration: "30d", stimuli: [] }, "duration", /longer than the simulator's limit/],
      [{ account: { concurrency: 0 }, stimuli: [] }, "account.concurrency", /1 to 100,000/],
      [{ account: { concurrency: 1e9 }, stimuli: [] }, "account.concurrency", /1 to 100,000/],
      [{ stimuli: [{ alias: { function: "F", name: "42", version: "1" } }] }, "stimuli[0].alias.name", /not all digits/],
      [{ stimuli: [{ alias: { function: "F", name: "live", version: "1", weights: { "2": 1.5 } } }] }, "stimuli[0].alias.weights.2", /0\.0 to 1\.0/],
      [{ stimuli: [{ update: { function: "F", memorySize: 99_999 } }] }, "stimuli[0].update.memorySize", /128 to 10240/],
      [{ stuff: [] }, "stuff", /unknown key/],
    ];
    for (const [source, path, message] of cases) {
      const e = driveError(source);
      expect(e.path, JSON.stringify(source)).toBe(path);
      expect(e.message).toMatch(message);
    }
  });

  it("hands stimulus kinds it does not know to the extension that declares them", async () => {
    const seen: unknown[] = [];
    const ext: ServiceExtension = {
      name: "ping",
      stimulusKinds: ["ping"],
      async stimulus(_kind, spec, host) {
        seen.push([host.clock.now(), spec]);
        await host.invoke("F", spec, { trigger: "ping:test" });
      },
      report: () => ({ pings: seen.length }),
    };
    const r = await simulate(template({ F: fn(ok) }), { stimuli: [{ at: "1s", ping: { hello: 1 }, count: 2, every: "1s" }] }, { extensions: [ext] });
    expect(seen).toEqual([
      [1000, { hello: 1 }],
      [2000, { hello: 1 }],
    ]);
    expect(r.invocations.map((x) => [x.trigger, x.response])).toEqual([
      ["ping:test", { hello: 1 }],
      ["ping:test", { hello: 1 }],
    ]);
    expect(r.extensions).toEqual({ ping: { pings: 2 } });
  });

  it("lets an extension give Ref and GetAtt values for the resource types it simulates", async () => {
    const ext: ServiceExtension = {
      name: "ddb",
      resourceTypes: ["AWS::DynamoDB::Table"],
      attribute: (r, attr, n) => (attr === "StreamArn" ? `arn:aws:dynamodb:${n.region}:${n.accountId}:table/${String(r.properties.TableName)}/stream/2026-01-01T00:00:00.000` : undefined),
    };
    using s = await createLambdaService({
      template: template({ T: { Type: "AWS::DynamoDB::Table", Properties: { TableName: "Orders" } }, F: fn(ok, { Environment: { Variables: { STREAM: { "Fn::GetAtt": ["T", "StreamArn"] }, TABLE: { Ref: "T" } } } }) }),
      extensions: [ext],
    });
    expect(s.template.functions[0]?.environment).toEqual({ STREAM: "arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/2026-01-01T00:00:00.000", TABLE: "lambda-lab-T" });
  });

  it("does not report resource types or event types an extension simulates as not simulated", async () => {
    const ext: ServiceExtension = { name: "ddb", resourceTypes: ["AWS::DynamoDB::Table"], eventTypes: ["SQS"] };
    using s = await createLambdaService({
      template: template({ T: { Type: "AWS::DynamoDB::Table", Properties: { TableName: "Orders" } }, F: fn(ok, { Events: { Q: { Type: "SQS", Properties: { Queue: "arn:aws:sqs:us-east-1:123456789012:q" } } } }) }),
      extensions: [ext],
    });
    expect(s.template.warnings).toEqual([]);
    expect(s.template.other).toEqual([{ logicalId: "T", type: "AWS::DynamoDB::Table", properties: { TableName: "Orders" } }]);
    expect(s.template.functions[0]?.events).toEqual([{ name: "Q", type: "SQS", properties: { Queue: "arn:aws:sqs:us-east-1:123456789012:q" } }]);
  });
});

describe("extension host calls", () => {
  it("a handler can call the service through an extension's module (a nested synchronous invoke)", async () => {
    const ends: (number | undefined)[] = [];
    const ext: ServiceExtension = {
      name: "lambda-sdk",
      environmentOptions: (_fn, host) => ({
        builtinModules: { "@lab/lambda": "exports.invoke = (name, payload) => __host.call('lambda.invoke', { name, payload });" },
        hostCall: async (name, payload) => {
          const p = payload as { name: string; payload: unknown };
          const { response, record } = await host.invokeWithRecord(p.name, p.payload, { trigger: "sdk:Front" });
          ends.push(record?.end);
          return { name, status: response.statusCode, payload: response.payload };
        },
      }),
    };
    const r = await simulate(
      template({
        Front: fn("const lambda = require('@lab/lambda'); exports.handler = async (e) => lambda.invoke('Back', { x: e.x });"),
        Back: fn("exports.handler = async (e) => e.x * 10;"),
      }),
      { stimuli: [{ invoke: "Front", payload: { x: 4 } }] },
      { extensions: [ext] },
    );
    const front = r.invocations.find((x) => x.function === "Front");
    const back = r.invocations.find((x) => x.function === "Back");
    expect(front?.response).toEqual({ name: "lambda.invoke", status: 200, payload: 40 });
    expect(back).toMatchObject({ trigger: "sdk:Front", status: "success", coldStart: true });
    expect(r.summary.maxConcurrency).toBe(2);
    expect(ends).toEqual([back?.end]);
  });
});

describe("a drive given as data", () => {
  it("parses its duration text even when it has no stimuli (a quiet run of a schedule)", async () => {
    const { createLambdaService } = await import("./service");
    const { fn, template } = await import("./testing");
    using s = await createLambdaService({ template: template({ F: fn("exports.handler = async () => 1;") }) });
    const r = await s.run({ stimuli: [], duration: "16m" });
    expect(r.duration).toBe(16 * 60_000);
  });
});
