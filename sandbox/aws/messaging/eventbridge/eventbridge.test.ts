// EventBridge through the real runtime: rules with patterns route events to targets, schedules
// fire on the virtual clock, PutEvents from a handler (EventBridge UG eb-rules, eb-create-rule-schedule,
// eb-transform-target-input; APIReference API_PutEvents).
import { describe, expect, it } from "vitest";
import { createLambdaService } from "../../../service/service";
import { fn, template } from "../../../service/testing";
import { SdkHub } from "../../sdk/hub";
import { messagingExtension } from "../index";
import { transformInput } from "./bus";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the report's extension section is JSON, read by shape
type Json = Record<string, any>;

async function run(resources: Record<string, unknown>, stimuli: unknown[], duration?: string) {
  const hub = new SdkHub();
  using s = await createLambdaService({ template: template(resources), extensions: [hub.extension, messagingExtension(hub)], logs: "none", traces: false });
  const report = await s.run({ stimuli }, duration ? { duration } : {});
  return { report, m: report.extensions?.messaging as Json };
}

const echo = `exports.handler = async (e) => e;`;

describe("EventBridge rules", () => {
  it("route each event to the rules whose pattern matches, with the EventBridge event shape", async () => {
    const { report, m } = await run(
      {
        Bus: { Type: "AWS::Events::EventBus", Properties: { Name: "orders" } },
        Created: fn(echo, { Events: { R: { Type: "EventBridgeRule", Properties: { EventBusName: { Ref: "Bus" }, Pattern: { source: ["app.orders"], "detail-type": ["OrderCreated"] } } } } }),
        Big: fn(echo, { Events: { R: { Type: "EventBridgeRule", Properties: { EventBusName: { Ref: "Bus" }, Pattern: { source: ["app.orders"], detail: { amount: [{ numeric: [">", 100] }] } } } } } }),
      },
      [
        { eventbridge: { bus: "orders", source: "app.orders", detailType: "OrderCreated", detail: { orderId: "ord_123", amount: 120.5 } } },
        { eventbridge: { bus: "orders", source: "app.orders", detailType: "OrderCreated", detail: { orderId: "ord_124", amount: 5 } } },
        { eventbridge: { bus: "orders", source: "app.payments", detailType: "PaymentFailed", detail: {} } },
      ],
    );
    expect(report.invocations.map((i) => i.function)).toEqual(["Created", "Big", "Created"]);
    expect(report.invocations[0]).toMatchObject({ trigger: "eventbridge:CreatedR", invocationType: "Event" });
    expect(report.invocations[0]!.response).toMatchObject({ version: "0", "detail-type": "OrderCreated", source: "app.orders", account: expect.stringMatching(/^\d{12}$/) as unknown, region: "us-east-1", resources: [], detail: { orderId: "ord_123" } });
    expect((report.invocations[0]!.response as Json).time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(m.resources.Bus).toMatchObject({ received: 3 });
    expect(m.resources["Created.R"]).toMatchObject({ matched: 2 });
  });

  it("AWS::Events::Rule with targets: a function (InputTransformer) and a queue (InputPath)", async () => {
    const { report, m } = await run(
      {
        Q: { Type: "AWS::SQS::Queue" },
        F: fn(echo),
        // A plain rule needs the function's resource-based policy to allow EventBridge (SAM events add it).
        FPermission: { Type: "AWS::Lambda::Permission", Properties: { FunctionName: { Ref: "F" }, Action: "lambda:InvokeFunction", Principal: "events.amazonaws.com", SourceArn: { "Fn::GetAtt": ["Rule", "Arn"] } } },
        Rule: {
          Type: "AWS::Events::Rule",
          Properties: {
            EventPattern: { source: [{ prefix: "app." }] },
            Targets: [
              { Id: "f", Arn: { "Fn::GetAtt": ["F", "Arn"] }, InputTransformer: { InputPathsMap: { id: "$.detail.id" }, InputTemplate: '{"order": <id>, "text": "Order <id> from <aws.events.rule-name>"}' } },
              { Id: "q", Arn: { "Fn::GetAtt": ["Q", "Arn"] }, InputPath: "$.detail" },
            ],
          },
        },
      },
      [{ eventbridge: { source: "app.shop", detailType: "X", detail: { id: "o-1" } } }],
    );
    expect(report.invocations[0]!.response).toEqual({ order: "o-1", text: "Order o-1 from Rule" });
    expect(m.resources.Q.messages[0].body).toBe('{"id":"o-1"}');
    expect(m.edges).toEqual(expect.arrayContaining([{ from: "Rule", to: "F", kind: "eventbridge:target" }, { from: "Rule", to: "Q", kind: "eventbridge:target" }]));
  });

  it("a disabled rule matches nothing", async () => {
    const { report } = await run({ F: fn(echo, { Events: { R: { Type: "EventBridgeRule", Properties: { State: "DISABLED", Pattern: { source: ["a"] } } } } }) }, [{ eventbridge: { source: "a", detailType: "x" } }]);
    expect(report.invocations).toHaveLength(0);
  });
});

describe("schedules (EventBridge UG eb-create-rule-schedule)", () => {
  it("rate(5 minutes) fires every 5 minutes with the Scheduled Event", async () => {
    const { report, m } = await run({ Nightly: fn(echo, { Events: { Tick: { Type: "Schedule", Properties: { Schedule: "rate(5 minutes)" } } } }) }, [], "16m");
    expect(report.invocations.map((i) => i.start)).toEqual([300_000, 600_000, 900_000]);
    expect(report.invocations[0]).toMatchObject({ trigger: "schedule:NightlyTick" });
    expect(report.invocations[0]!.response).toMatchObject({ source: "aws.events", "detail-type": "Scheduled Event", detail: {}, resources: [expect.stringContaining(":rule/NightlyTick") as unknown] });
    expect(m.resources["Nightly.Tick"].fired).toBe(3);
  });

  it("cron fires at its UTC times; ScheduleV2 (Scheduler) passes the Input as the event", async () => {
    const { report } = await run({ Job: fn(echo, { Events: { S: { Type: "ScheduleV2", Properties: { ScheduleExpression: "cron(30 0 * * ? *)", Input: '{"job":"nightly"}' } } } }) }, [], "2h");
    expect(report.invocations).toHaveLength(1);
    expect(report.invocations[0]!.start).toBe(30 * 60_000); // the run starts at 2026-01-01T00:00Z
    expect(report.invocations[0]!.response).toEqual({ job: "nightly" });
  });

  it("an invalid expression is refused as PutRule refuses it", async () => {
    const hub = new SdkHub();
    await expect(createLambdaService({ template: template({ F: fn(echo, { Events: { T: { Type: "Schedule", Properties: { Schedule: "cron(0 10 * * * *)" } } } }) }), extensions: [hub.extension, messagingExtension(hub)] })).rejects.toThrow(
      /F\.Events\.T\.Properties\.Schedule: Parameter ScheduleExpression is not valid/,
    );
  });

  it("a malformed pattern is refused as PutRule refuses it", async () => {
    const hub = new SdkHub();
    await expect(createLambdaService({ template: template({ F: fn(echo, { Events: { T: { Type: "EventBridgeRule", Properties: { Pattern: { source: "a" } } } } }) }), extensions: [hub.extension, messagingExtension(hub)] })).rejects.toThrow(
      /Event pattern is not valid\. Reason: Match value must be an array/,
    );
  });
});

describe("PutEvents from a handler (EventBridge APIReference API_PutEvents)", () => {
  it("routes good entries and reports bad ones in FailedEntryCount", async () => {
    const code = `
      const { EventBridgeClient, PutEventsCommand } = require("@aws-sdk/client-eventbridge");
      const eb = new EventBridgeClient({});
      exports.handler = async () => eb.send(new PutEventsCommand({ Entries: [
        { Source: "app.orders", DetailType: "OrderCreated", Detail: JSON.stringify({ id: 1 }) },
        { Source: "app.orders", Detail: "{}" },
        { Source: "app.orders", DetailType: "X", Detail: "not json" },
      ] }));`;
    const { report } = await run(
      {
        P: fn(code, { Policies: [{ EventBridgePutEventsPolicy: { EventBusName: "default" } }] }),
        C: fn(echo, { Events: { R: { Type: "EventBridgeRule", Properties: { Pattern: { source: ["app.orders"] } } } } }),
      },
      [{ invoke: "P" }],
    );
    const out = report.invocations.find((i) => i.function === "P")!.response as Json;
    expect(out.FailedEntryCount).toBe(2);
    expect(out.Entries[0].EventId).toEqual(expect.any(String));
    expect(out.Entries[1]).toEqual({ ErrorCode: "InvalidArgument", ErrorMessage: "Parameter DetailType is not valid. Reason: DetailType is a required argument." });
    expect(out.Entries[2]).toEqual({ ErrorCode: "MalformedDetail", ErrorMessage: "Detail is malformed." });
    expect(report.invocations.filter((i) => i.function === "C")).toHaveLength(1);
  });
});

describe("input transformation (EventBridge UG eb-transform-target-input)", () => {
  const event = { version: "0", id: "1", "detail-type": "d", source: "s", account: "1", time: "t", region: "r", resources: [], detail: { n: 5, s: "x" } } as never;
  it("Input is constant; InputPath selects; values go in as JSON outside quotes and as text inside", () => {
    expect(transformInput({ input: '{"a":1}' }, { name: "R", arn: "arn" }, event)).toEqual({ a: 1 });
    expect(transformInput({ inputPath: "$.detail.n" }, { name: "R", arn: "arn" }, event)).toBe(5);
    expect(transformInput({ inputTransformer: { InputPathsMap: { n: "$.detail.n", s: "$.detail.s" }, InputTemplate: '{"n": <n>, "s": <s>, "t": "n=<n> s=<s>"}' } }, { name: "R", arn: "arn" }, event)).toEqual({ n: 5, s: "x", t: "n=5 s=x" });
  });
});

describe("Ref and Fn::GetAtt of rules (CloudFormation AWS::Events::Rule return values)", () => {
  // The ARN names a custom bus given by name (a bus given by !Ref is not resolved at that point: known gap).
  it("Ref is the rule name and Arn names its bus", async () => {
    const { report } = await run(
      {
        Bus: { Type: "AWS::Events::EventBus", Properties: { Name: "orders" } },
        Rule: { Type: "AWS::Events::Rule", Properties: { Name: "big-orders", EventBusName: "orders", EventPattern: { source: ["a"] } } },
        F: fn(`exports.handler = async () => [process.env.NAME, process.env.ARN];`, { Environment: { Variables: { NAME: { Ref: "Rule" }, ARN: { "Fn::GetAtt": ["Rule", "Arn"] } } } }),
      },
      [{ invoke: "F" }],
    );
    expect(report.invocations[0]!.response).toEqual(["big-orders", "arn:aws:events:us-east-1:123456789012:rule/orders/big-orders"]);
  });
});

describe("Lambda destinations on a bus (DG invocation-async-retain-records)", () => {
  it("the invocation record event is routed by the bus's rules", async () => {
    const { report } = await run(
      {
        Bus: { Type: "AWS::Events::EventBus", Properties: { Name: "results" } },
        Job: fn(`exports.handler = async () => ({ done: true });`, { EventInvokeConfig: { DestinationConfig: { OnSuccess: { Type: "EventBridge", Destination: { "Fn::GetAtt": ["Bus", "Arn"] } } } } }),
        Audit: fn(`exports.handler = async (e) => [e.source, e["detail-type"], e.detail.responsePayload];`, {
          Events: { R: { Type: "EventBridgeRule", Properties: { EventBusName: { Ref: "Bus" }, Pattern: { source: ["lambda"], "detail-type": [{ prefix: "Lambda Function Invocation Result" }] } } } },
        }),
      },
      [{ invoke: "Job", type: "Event" }],
    );
    expect(report.invocations.find((i) => i.function === "Audit")!.response).toEqual(["lambda", "Lambda Function Invocation Result - Success", { done: true }]);
  });
});
