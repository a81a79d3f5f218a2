// CloudWatch Logs subscription filters with a Lambda destination, through the real runtime
// (CloudWatch Logs UG SubscriptionFilters, https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/SubscriptionFilters.html;
// SAM sam-property-function-cloudwatchlogs): the subscriber gets { awslogs: { data } } and decodes
// it with the guest's zlib.
import { describe, expect, it } from "vitest";
import { createLambdaService } from "../../service/service";
import { fn, template } from "../../service/testing";
import { awsExtensions } from "../index";
import { LOG_DELIVERY_DELAY_MS } from "./subscriptions";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- report sections are JSON, read by shape
type Json = Record<string, any>;

const producer = `exports.handler = async (e) => { console.log("order " + e.id); if (e.fail) console.error("ERROR payment declined for " + e.id); return e.id; };`;
// Returns the decoded payload, so the report shows what arrived.
const decoder = `const zlib = require("zlib");
exports.handler = async (event) => JSON.parse(zlib.gunzipSync(Buffer.from(event.awslogs.data, "base64")).toString("utf8"));`;

async function run(resources: Record<string, unknown>, stimuli: unknown[], options: { logs?: "none" } = {}) {
  using s = await createLambdaService({ template: template(resources), extensions: awsExtensions(), logs: options.logs ?? "full", traces: false });
  const report = await s.run({ stimuli });
  return { report, l: report.extensions?.logs as Json };
}

const samEvent = (pattern: string) => ({ Events: { Errors: { Type: "CloudWatchLogs", Properties: { LogGroupName: "/aws/lambda/Producer", FilterPattern: pattern } } } });

describe("SAM CloudWatchLogs events", () => {
  it("matching lines of one stream written within the delivery delay arrive as one DATA_MESSAGE, asynchronously", async () => {
    const { report, l } = await run({ Producer: fn(producer, { FunctionName: "Producer" }), Alerts: fn(decoder, samEvent("ERROR")) }, [
      { at: "0s", invoke: "Producer", payload: { id: "o-1", fail: true } },
      { at: "0.5s", invoke: "Producer", payload: { id: "o-2" } },
      { at: "0.6s", invoke: "Producer", payload: { id: "o-3", fail: true } },
      { at: "5s", invoke: "Producer", payload: { id: "o-4", fail: true } },
    ]);
    const alerts = report.invocations.filter((i) => i.function === "Alerts");
    expect(alerts.map((i) => [i.trigger, i.invocationType])).toEqual([
      ["logs:AlertsErrors", "Event"],
      ["logs:AlertsErrors", "Event"],
    ]);
    // The first batch opened with o-1's error line and was delivered LOG_DELIVERY_DELAY_MS later.
    const firstError = report.invocations.find((i) => i.function === "Producer")!.start;
    expect(alerts[0]!.start).toBeGreaterThanOrEqual(firstError + LOG_DELIVERY_DELAY_MS);
    expect(alerts[0]!.start).toBeLessThan(5000);
    const data = alerts[0]!.response as Json;
    const stream = Object.keys(report.logGroups["/aws/lambda/Producer"]!)[0];
    expect(data).toMatchObject({ messageType: "DATA_MESSAGE", owner: "123456789012", logGroup: "/aws/lambda/Producer", logStream: stream, subscriptionFilters: ["AlertsErrors"] });
    expect(data.logEvents.map((e: Json) => e.message)).toEqual([expect.stringMatching(/\tERROR\tERROR payment declined for o-1/), expect.stringMatching(/\tERROR\tERROR payment declined for o-3/)]);
    expect(data.logEvents[0].id).toMatch(/^\d{56}$/);
    expect(data.logEvents[0].timestamp).toBeGreaterThanOrEqual(Date.parse(report.startTime));
    expect((alerts[1]!.response as Json).logEvents).toHaveLength(1);
    expect(l.subscriptionFilters["Alerts.Errors"]).toMatchObject({ name: "AlertsErrors", logGroup: "/aws/lambda/Producer", filterPattern: "ERROR", destination: "Alerts", matchedEvents: 3, batches: 2, forwardedEvents: 3 });
    expect(l.metrics["Alerts.Errors"].ForwardedLogEvents).toBe(3);
    expect(report.edges).toEqual(expect.arrayContaining([{ from: "Producer", to: "Alerts", kind: "logs:subscription" }]));
  });

  it("an empty pattern forwards every line (a cold start's INIT_START, START, the function's own, END, REPORT), even when the run keeps no logs", async () => {
    const { report } = await run({ Producer: fn(producer, { FunctionName: "Producer" }), All: fn(decoder, samEvent("")) }, [{ invoke: "Producer", payload: { id: "o-1" } }], { logs: "none" });
    const messages = (report.invocations.find((i) => i.function === "All")!.response as Json).logEvents.map((e: Json) => e.message as string);
    expect(messages[0]).toMatch(/^INIT_START Runtime Version: /);
    expect(messages[1]).toMatch(/^START RequestId: /);
    expect(messages.some((m: string) => m.includes("\tINFO\torder o-1"))).toBe(true);
    expect(messages.at(-1)).toMatch(/^REPORT RequestId: /);
  });

  it("a JSON pattern selects structured lines (LoggingConfig LogFormat: JSON)", async () => {
    const { report } = await run(
      { Producer: fn(producer, { FunctionName: "Producer", LoggingConfig: { LogFormat: "JSON" } }), Alerts: fn(decoder, samEvent('{ $.level = "ERROR" }')) },
      [{ invoke: "Producer", payload: { id: "o-9", fail: true } }],
    );
    const events = (report.invocations.find((i) => i.function === "Alerts")!.response as Json).logEvents;
    expect(events.map((e: Json) => JSON.parse(e.message as string))).toEqual([expect.objectContaining({ level: "ERROR", message: "ERROR payment declined for o-9" })]);
  });

  it("a pattern the simulator does not know is a template error", async () => {
    await expect(run({ Producer: fn(producer, { FunctionName: "Producer" }), Alerts: fn(decoder, samEvent("[ip, user]")) }, [])).rejects.toThrow(/space-delimited filter patterns .* not simulated/);
  });
});

describe("AWS::Logs::SubscriptionFilter", () => {
  const filter = { Type: "AWS::Logs::SubscriptionFilter", Properties: { LogGroupName: { Ref: "ProducerLogs" }, FilterPattern: "?ERROR ?WARN", DestinationArn: { "Fn::GetAtt": ["Alerts", "Arn"] } } };
  const base = {
    Producer: fn(producer, { FunctionName: "Producer" }),
    ProducerLogs: { Type: "AWS::Logs::LogGroup", Properties: { LogGroupName: "/aws/lambda/Producer", RetentionInDays: 7 } },
    Alerts: fn(decoder),
    Filter: filter,
  };
  const permission = { Type: "AWS::Lambda::Permission", Properties: { FunctionName: { Ref: "Alerts" }, Action: "lambda:InvokeFunction", Principal: "logs.amazonaws.com", SourceArn: { "Fn::GetAtt": ["ProducerLogs", "Arn"] } } };

  it("needs a permission for logs.amazonaws.com, or PutSubscriptionFilter fails", async () => {
    await expect(run(base, [])).rejects.toThrow(/Could not execute the lambda function\. Make sure you have given CloudWatch Logs permission to execute your function\./);
  });

  it("with the permission, matching lines reach the destination under the filter's name", async () => {
    const { report, l } = await run({ ...base, Filter: { ...filter, Properties: { ...filter.Properties, FilterName: "errors-and-warnings" } }, P: permission }, [{ invoke: "Producer", payload: { id: "o-1", fail: true } }]);
    const data = report.invocations.find((i) => i.function === "Alerts")!.response as Json;
    expect(data.subscriptionFilters).toEqual(["errors-and-warnings"]);
    expect(data.logEvents).toHaveLength(1);
    expect(l.subscriptionFilters.Filter).toMatchObject({ name: "errors-and-warnings", batches: 1 });
  });

  it("a log group has at most two subscription filters", async () => {
    await expect(run({ ...base, P: permission, F2: filter, F3: filter }, [])).rejects.toThrow(/Resource limit exceeded/);
  });
});

describe("a function subscribed to its own log group", () => {
  it("warns, loops (every delivery logs again), and the simulator drops the batch after 16 self-caused ones in a row", async () => {
    const { report, l } = await run({ Loop: fn(`exports.handler = async () => "ok";`, { FunctionName: "Loop", Events: { Self: { Type: "CloudWatchLogs", Properties: { LogGroupName: "/aws/lambda/Loop", FilterPattern: "" } } } }) }, [{ invoke: "Loop", payload: {} }]);
    expect(report.warnings).toEqual([expect.objectContaining({ resource: "Loop", message: expect.stringContaining("subscribed to its own log group") as unknown })]);
    expect(report.invocations.filter((i) => i.trigger === "logs:LoopSelf")).toHaveLength(17);
    expect(l.subscriptionFilters["Loop.Self"]).toMatchObject({ batches: 17, loopBatchesDropped: 1 });
  });
});
