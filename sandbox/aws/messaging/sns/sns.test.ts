// SNS topics through the real runtime: fan-out to functions and queues, filter policies, the SNS
// event and the SQS envelope (SNS DG sns-lambda-as-subscriber, sns-sqs-as-subscriber,
// sns-large-payload-raw-message-delivery, sns-message-filtering; API_Publish).
import { describe, expect, it } from "vitest";
import { createLambdaService } from "../../../service/service";
import { fn, template } from "../../../service/testing";
import { SdkHub } from "../../sdk/hub";
import { messagingExtension } from "../index";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the report's extension section is JSON, read by shape
type Json = Record<string, any>;

async function run(resources: Record<string, unknown>, stimuli: unknown[]) {
  const hub = new SdkHub();
  using s = await createLambdaService({ template: template(resources), extensions: [hub.extension, messagingExtension(hub)], logs: "none", traces: false });
  const report = await s.run({ stimuli });
  return { report, m: report.extensions?.messaging as Json };
}

const echo = `exports.handler = async (e) => e.Records[0].Sns;`;

describe("SNS fan-out", () => {
  it("one publish reaches two functions and a queue; a filter policy drops one subscriber", async () => {
    const { report, m } = await run(
      {
        Orders: { Type: "AWS::SNS::Topic" },
        Audit: { Type: "AWS::SQS::Queue" },
        AuditSub: { Type: "AWS::SNS::Subscription", Properties: { TopicArn: { Ref: "Orders" }, Protocol: "sqs", Endpoint: { "Fn::GetAtt": ["Audit", "Arn"] } } },
        Email: fn(echo, { Events: { O: { Type: "SNS", Properties: { Topic: { Ref: "Orders" } } } } }),
        Analytics: fn(echo, { Events: { O: { Type: "SNS", Properties: { Topic: { Ref: "Orders" } } } } }),
        BigOrders: fn(echo, { Events: { O: { Type: "SNS", Properties: { Topic: { Ref: "Orders" }, FilterPolicy: { total: [{ numeric: [">=", 100] }] } } } } }),
      },
      [{ sns: { topic: "Orders", message: { id: 1 }, subject: "Order placed", attributes: { total: 20 } } }],
    );
    expect(report.invocations.map((i) => i.function).sort()).toEqual(["Analytics", "Email"]);
    expect(report.invocations.every((i) => i.trigger === "sns:Orders" && i.invocationType === "Event")).toBe(true);
    const sns = report.invocations[0]!.response as Json;
    expect(sns).toMatchObject({ Type: "Notification", Message: '{"id":1}', Subject: "Order placed", MessageAttributes: { total: { Type: "Number", Value: "20" } }, TopicArn: expect.stringMatching(/^arn:aws:sns:us-east-1:\d{12}:.*Orders$/) as unknown });
    const topic = m.resources.Orders;
    expect(topic.published).toBe(1);
    expect(topic.subscriptions.find((s: Json) => s.endpoint === "BigOrders")).toMatchObject({ delivered: 0, filteredOut: 1 });
    // The queue holds the SNS envelope as its body.
    const body = JSON.parse(m.resources.Audit.messages[0].body);
    expect(body).toMatchObject({ Type: "Notification", Message: '{"id":1}', Subject: "Order placed", SigningCertURL: expect.any(String) as unknown, UnsubscribeURL: expect.any(String) as unknown });
    expect(m.edges).toEqual(expect.arrayContaining([{ from: "Orders", to: "Audit", kind: "sns:subscription" }, { from: "Orders", to: "Email", kind: "sns:subscription" }]));
  });

  it("raw message delivery puts the message itself in the queue, with the attributes as message attributes", async () => {
    const { m } = await run(
      {
        T: { Type: "AWS::SNS::Topic" },
        Q: { Type: "AWS::SQS::Queue" },
        S: { Type: "AWS::SNS::Subscription", Properties: { TopicArn: { Ref: "T" }, Protocol: "sqs", Endpoint: { "Fn::GetAtt": ["Q", "Arn"] }, RawMessageDelivery: true } },
      },
      [{ sns: { topic: "T", message: "plain text", attributes: { k: "v" } } }],
    );
    expect(m.resources.Q.messages[0].body).toBe("plain text");
  });

  it("MessageBody-scoped filter policies match the JSON body (SNS DG message-filtering-apply)", async () => {
    const { report } = await run(
      {
        T: { Type: "AWS::SNS::Topic" },
        Large: fn(echo, { Events: { O: { Type: "SNS", Properties: { Topic: { Ref: "T" }, FilterPolicyScope: "MessageBody", FilterPolicy: { order: { size: ["large"] } } } } } }),
      },
      [{ sns: { topic: "T", message: { order: { size: "small" } } } }, { sns: { topic: "T", message: { order: { size: "large" } } } }],
    );
    expect(report.invocations).toHaveLength(1);
  });

  it("SqsSubscription: SAM's queue between the topic and the function", async () => {
    const { report, m } = await run(
      { T: { Type: "AWS::SNS::Topic" }, W: fn(`exports.handler = async (e) => JSON.parse(e.Records[0].body).Message;`, { Events: { O: { Type: "SNS", Properties: { Topic: { Ref: "T" }, SqsSubscription: true } } } }) },
      [{ sns: { topic: "T", message: "via sqs" } }],
    );
    expect(report.invocations[0]).toMatchObject({ trigger: "sqs:WOQueue", response: "via sqs" });
    expect(m.resources.WOQueue.deleted).toBe(1);
  });
});

describe("Publish from a handler (SNS APIReference API_Publish)", () => {
  it("returns a MessageId, fans out, and refuses bad input in SNS's words", async () => {
    const code = `
      const { SNSClient, PublishCommand, PublishBatchCommand } = require("@aws-sdk/client-sns");
      const sns = new SNSClient({});
      exports.handler = async () => {
        const out = await sns.send(new PublishCommand({ TopicArn: process.env.T, Message: "hi", MessageAttributes: { n: { DataType: "Number", StringValue: "5" } } }));
        const batch = await sns.send(new PublishBatchCommand({ TopicArn: process.env.T, PublishBatchRequestEntries: [{ Id: "1", Message: "a" }, { Id: "2", Message: "" }] }));
        const errs = [];
        for (const input of [{ TopicArn: process.env.T + "x", Message: "m" }, { TopicArn: process.env.T }]) {
          try { await sns.send(new PublishCommand(input)); } catch (e) { errs.push([e.name, e.message, e.$metadata.httpStatusCode]); }
        }
        return { id: typeof out.MessageId, batch, errs };
      };`;
    const { report, m } = await run(
      {
        T: { Type: "AWS::SNS::Topic" },
        P: fn(code, { Environment: { Variables: { T: { Ref: "T" } } }, Policies: [{ SNSPublishMessagePolicy: { TopicName: { "Fn::GetAtt": ["T", "TopicName"] } } }] }),
        Sub: fn(echo, { Events: { O: { Type: "SNS", Properties: { Topic: { Ref: "T" } } } } }),
      },
      [{ invoke: "P" }],
    );
    const r = report.invocations.find((i) => i.function === "P")!.response as Json;
    // The policy template allows topic T only: publishing elsewhere is an IAM denial first.
    expect(r.id).toBe("string");
    expect(r.batch.Successful).toHaveLength(1);
    expect(r.batch.Failed[0]).toMatchObject({ Id: "2", Code: "InvalidParameter", Message: "Invalid parameter: Empty message" });
    expect(r.errs).toEqual([
      ["AuthorizationErrorException", expect.stringContaining("is not authorized to perform: sns:Publish on resource: arn:aws:sns:us-east-1:123456789012:lambda-lab-Tx") as unknown, 403],
      ["InvalidParameterException", "Invalid parameter: Empty message", 400],
    ]);
    expect(m.resources.T.published).toBe(2);
    expect(report.invocations.filter((i) => i.function === "Sub")).toHaveLength(2);
  });
});

describe("bad SNS input", () => {
  it("a malformed filter policy is refused with SNS's message", async () => {
    const hub = new SdkHub();
    await expect(
      createLambdaService({
        template: template({ T: { Type: "AWS::SNS::Topic" }, F: fn(echo, { Events: { O: { Type: "SNS", Properties: { Topic: { Ref: "T" }, FilterPolicy: { a: [{ prefixx: "x" }] } } } } }) }),
        extensions: [hub.extension, messagingExtension(hub)],
      }),
    ).rejects.toThrow(/Invalid parameter: FilterPolicy: Unrecognized match type prefixx/);
  });
  it("a stimulus naming a missing topic", async () => {
    await expect(run({ T: { Type: "AWS::SNS::Topic" } }, [{ sns: { topic: "Nope", message: "x" } }])).rejects.toThrow(/stimuli\[0\]\.sns\.topic: no topic "Nope"/);
  });
});

describe("recursive loop detection (DG invocation-recursion)", () => {
  it("a subscriber that publishes back to its topic is stopped after 16 invocations", async () => {
    const { report, m } = await run(
      {
        T: { Type: "AWS::SNS::Topic" },
        Echo: fn(
          `const { SNSClient, PublishCommand } = require("@aws-sdk/client-sns");
           const sns = new SNSClient({});
           exports.handler = async (e) => { await sns.send(new PublishCommand({ TopicArn: process.env.T, Message: e.Records[0].Sns.Message })); };`,
          { Environment: { Variables: { T: { Ref: "T" } } }, Policies: [{ Statement: [{ Effect: "Allow", Action: "sns:Publish", Resource: "*" }] }], Events: { O: { Type: "SNS", Properties: { Topic: { Ref: "T" } } } } },
        ),
      },
      [{ sns: { topic: "T", message: "again" } }],
    );
    expect(report.invocations).toHaveLength(16);
    expect(m.metrics.RecursiveInvocationsDropped).toEqual({ Echo: 1 });
  });
});

describe("a topic that is a Lambda dead-letter queue (the service's TargetResource)", () => {
  it("fans out what Lambda delivers there, with the DLQ message attributes", async () => {
    const { report, m } = await run(
      {
        Failures: { Type: "AWS::SNS::Topic" },
        Flaky: fn(`exports.handler = async () => { throw new Error("boom"); };`, { DeadLetterQueue: { Type: "SNS", TargetArn: { Ref: "Failures" } }, EventInvokeConfig: { MaximumRetryAttempts: 0 } }),
        Pager: fn(`exports.handler = async (e) => [e.Records[0].Sns.Message, e.Records[0].Sns.MessageAttributes.ErrorMessage.Value];`, { Events: { F: { Type: "SNS", Properties: { Topic: { Ref: "Failures" } } } } }),
      },
      [{ invoke: "Flaky", type: "Event", payload: { id: 1 } }],
    );
    expect(report.invocations.find((i) => i.function === "Pager")!.response).toEqual(['{"id":1}', "boom"]);
    expect(m.resources.Failures.published).toBe(1);
    expect(m.edges).toEqual(expect.arrayContaining([{ from: "Flaky", to: "Failures", kind: "lambda:dead-letter-queue" }]));
  });
});
