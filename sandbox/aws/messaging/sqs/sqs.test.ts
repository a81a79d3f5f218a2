// SQS queues and Lambda's SQS event source mapping through the real QuickJS runtime and the
// service layer (DG with-sqs, services-sqs-errorhandling, services-sqs-scaling; SQS DG
// sqs-dead-letter-queues, FIFO-queues).
import { describe, expect, it } from "vitest";
import { createLambdaService } from "../../../service/service";
import { fn, template } from "../../../service/testing";
import { SdkHub } from "../../sdk/hub";
import { messagingExtension } from "../index";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the report's extension section is JSON, read by shape
type Json = Record<string, any>;

async function run(resources: Record<string, unknown>, stimuli: unknown[], duration?: string) {
  const hub = new SdkHub();
  using s = await createLambdaService({ template: template(resources), extensions: [hub.extension, messagingExtension(hub)], logs: "none", traces: false });
  const report = await s.run({ stimuli }, duration ? { duration } : {});
  return { report, m: report.extensions?.messaging as Json, hub: report.extensions?.aws as Json };
}

const worker = (code: string, events: Json, props: Json = {}) => fn(code, { Timeout: 10, Events: events, ...props });

describe("SQS worker with a dead-letter queue", () => {
  it("deletes processed messages and moves a poison message to the DLQ after maxReceiveCount receives", async () => {
    const { report, m } = await run(
      {
        Dlq: { Type: "AWS::SQS::Queue" },
        Jobs: { Type: "AWS::SQS::Queue", Properties: { VisibilityTimeout: 30, RedrivePolicy: { deadLetterTargetArn: { "Fn::GetAtt": ["Dlq", "Arn"] }, maxReceiveCount: 3 } } },
        Worker: worker(
          `exports.handler = async (event) => {
             for (const r of event.Records) if (r.body === "poison") throw new Error("cannot parse " + r.messageId);
             return { ok: event.Records.length };
           };`,
          { Jobs: { Type: "SQS", Properties: { Queue: { "Fn::GetAtt": ["Jobs", "Arn"] }, BatchSize: 1 } } },
        ),
      },
      [{ sqs: { queue: "Jobs", messages: ["a", "poison", "b"] } }],
    );
    const jobs = m.resources.Jobs;
    expect(jobs).toMatchObject({ visible: 0, inFlight: 0, sent: 3, deleted: 2, movedToDlq: 1 });
    const dlq = m.resources.Dlq;
    expect(dlq.visible).toBe(1);
    expect(dlq.messages[0]).toMatchObject({ body: "poison", deadLetterQueueSourceArn: expect.stringMatching(/-Jobs$/) as unknown });
    // Three attempts of the poison message, 30 s apart (the visibility timeout), each with a higher ApproximateReceiveCount.
    const poison = report.invocations.filter((i) => i.status === "error");
    expect(poison).toHaveLength(3);
    expect(poison[1]!.start - poison[0]!.start).toBeGreaterThanOrEqual(30_000);
    expect(report.invocations.every((i) => i.trigger === "sqs:Jobs")).toBe(true);
    expect(m.edges).toEqual(expect.arrayContaining([{ from: "Jobs", to: "Worker", kind: "sqs:event-source-mapping" }, { from: "Jobs", to: "Dlq", kind: "sqs:redrive" }]));
  });

  it("the SQS event has the record shape of DG with-sqs with a growing ApproximateReceiveCount", async () => {
    const { report } = await run(
      {
        Jobs: { Type: "AWS::SQS::Queue", Properties: { VisibilityTimeout: 20 } },
        Worker: worker(`exports.handler = async (event) => { const r = event.Records[0]; if (r.attributes.ApproximateReceiveCount === "1") throw new Error("first"); return r; };`, {
          Jobs: { Type: "SQS", Properties: { Queue: { "Fn::GetAtt": ["Jobs", "Arn"] } } },
        }),
      },
      [{ sqs: { queue: "Jobs", messages: [{ body: { id: 7 }, attributes: { kind: "order" } }] } }],
    );
    const ok = report.invocations.find((i) => i.status === "success")!;
    const r = ok.response as Json;
    expect(r).toMatchObject({
      body: '{"id":7}',
      attributes: { ApproximateReceiveCount: "2", SenderId: expect.any(String) as unknown },
      messageAttributes: { kind: { stringValue: "order", dataType: "String", stringListValues: [], binaryListValues: [] } },
      md5OfBody: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown,
      eventSource: "aws:sqs",
      eventSourceARN: expect.stringMatching(/^arn:aws:sqs:us-east-1:\d{12}:.*Jobs$/) as unknown,
      awsRegion: "us-east-1",
    });
    expect(r.receiptHandle).toMatch(/^AQEB/);
    expect(ok.start).toBeGreaterThanOrEqual(20_000);
  });
});

describe("partial batch responses (DG services-sqs-errorhandling)", () => {
  const code = `exports.handler = async (event) => ({
      batchItemFailures: event.Records.filter((r) => r.body.startsWith("bad")).map((r) => ({ itemIdentifier: r.messageId })),
    });`;
  it("only the reported messages come back; the rest are deleted", async () => {
    const { report, m } = await run(
      {
        Jobs: { Type: "AWS::SQS::Queue", Properties: { VisibilityTimeout: 30 } },
        Worker: worker(code, { Jobs: { Type: "SQS", Properties: { Queue: { "Fn::GetAtt": ["Jobs", "Arn"] }, BatchSize: 10, FunctionResponseTypes: ["ReportBatchItemFailures"] } } }),
      },
      [{ sqs: { queue: "Jobs", messages: ["ok1", "bad1", "ok2", "ok3"] } }],
      "70s",
    );
    expect(report.invocations.length).toBe(3); // the batch of 4, then bad1 alone at 30 s and 60 s
    expect(m.resources.Jobs).toMatchObject({ deleted: 3, visible: 0 });
    expect(m.eventSourceMappings["Worker.Jobs"]).toMatchObject({ batches: 3, succeeded: 3, failed: 3, partialBatchResponses: 3 });
  });

  it("an itemIdentifier that is not in the batch fails the whole batch", async () => {
    const { m } = await run(
      {
        Jobs: { Type: "AWS::SQS::Queue" },
        Worker: worker(`exports.handler = async () => ({ batchItemFailures: [{ itemIdentifier: "nope" }] });`, {
          Jobs: { Type: "SQS", Properties: { Queue: { "Fn::GetAtt": ["Jobs", "Arn"] }, FunctionResponseTypes: ["ReportBatchItemFailures"] } },
        }),
      },
      [{ sqs: { queue: "Jobs", messages: ["x", "y"] } }],
      "10s",
    );
    expect(m.eventSourceMappings["Worker.Jobs"]).toMatchObject({ failed: 2, succeeded: 0, invalidPartialResponses: 1 });
    expect(m.resources.Jobs).toMatchObject({ inFlight: 2, deleted: 0 });
  });

  it("without ReportBatchItemFailures a returned batchItemFailures is ignored (the batch succeeded)", async () => {
    const { m } = await run(
      { Jobs: { Type: "AWS::SQS::Queue" }, Worker: worker(code, { Jobs: { Type: "SQS", Properties: { Queue: { "Fn::GetAtt": ["Jobs", "Arn"] } } } }) },
      [{ sqs: { queue: "Jobs", messages: ["bad", "ok"] } }],
    );
    expect(m.resources.Jobs).toMatchObject({ deleted: 2 });
  });
});

describe("event filtering (DG with-sqs-filtering)", () => {
  it("messages that match no filter are deleted without invoking the function", async () => {
    const { report, m } = await run(
      {
        Jobs: { Type: "AWS::SQS::Queue" },
        Worker: worker(`exports.handler = async (e) => e.Records.map((r) => JSON.parse(r.body).kind);`, {
          Jobs: { Type: "SQS", Properties: { Queue: { "Fn::GetAtt": ["Jobs", "Arn"] }, FilterCriteria: { Filters: [{ Pattern: '{"body":{"kind":["order"]}}' }] } } },
        }),
      },
      [{ sqs: { queue: "Jobs", messages: [{ body: { kind: "order" } }, { body: { kind: "spam" } }, "not json"] } }],
    );
    expect(report.invocations).toHaveLength(1);
    expect(report.invocations[0]!.response).toEqual(["order"]);
    expect(m.resources.Jobs).toMatchObject({ deleted: 3, visible: 0 });
    expect(m.eventSourceMappings["Worker.Jobs"].filteredOut).toBe(2);
  });
});

describe("FIFO queues (SQS DG FIFO-queues; DG services-sqs-scaling)", () => {
  it("keep order within a group, and a failed message blocks its group until it is retried", async () => {
    const { report } = await run(
      {
        Jobs: { Type: "AWS::SQS::Queue", Properties: { FifoQueue: true, QueueName: "jobs.fifo", ContentBasedDeduplication: true, VisibilityTimeout: 15 } },
        Worker: worker(
          `let failed = false;
           exports.handler = async (e) => {
             const r = e.Records[0];
             if (r.body === "a2" && !failed) { failed = true; throw new Error("once"); }
             return r.attributes.MessageGroupId + ":" + r.body + ":" + r.attributes.SequenceNumber.length;
           };`,
          { Jobs: { Type: "SQS", Properties: { Queue: { "Fn::GetAtt": ["Jobs", "Arn"] }, BatchSize: 1 } } },
        ),
      },
      [{ sqs: { queue: "Jobs", messages: [{ body: "a1", groupId: "A" }, { body: "a2", groupId: "A" }, { body: "a3", groupId: "A" }, { body: "b1", groupId: "B" }] } }],
    );
    const ok = report.invocations.filter((i) => i.status === "success").map((i) => i.response as string);
    const order = ok.filter((x) => x.startsWith("A:"));
    expect(order).toEqual(["A:a1:20", "A:a2:20", "A:a3:20"]);
    const a3 = report.invocations.find((i) => i.response === "A:a3:20")!;
    expect(a3.start).toBeGreaterThanOrEqual(15_000); // waited for a2's visibility timeout
    const b1 = report.invocations.find((i) => i.response === "B:b1:20")!;
    expect(b1.start).toBeLessThan(1000); // group B was not blocked
  });

  it("drops a duplicate inside the 5-minute deduplication interval", async () => {
    const { m } = await run(
      {
        Jobs: { Type: "AWS::SQS::Queue", Properties: { FifoQueue: true, QueueName: "j.fifo", ContentBasedDeduplication: true } },
      },
      [{ sqs: { queue: "Jobs", messages: [{ body: "same", groupId: "g" }, { body: "same", groupId: "g" }] } }],
    );
    expect(m.resources.Jobs).toMatchObject({ sent: 1, duplicates: 1, visible: 1 });
  });
});

describe("scaling (DG services-sqs-scaling)", () => {
  it("MaximumConcurrency caps concurrent batches", async () => {
    const { report, m } = await run(
      {
        Jobs: { Type: "AWS::SQS::Queue" },
        Worker: worker(`exports.handler = async () => { await new Promise((r) => setTimeout(r, 500)); };`, {
          Jobs: { Type: "SQS", Properties: { Queue: { "Fn::GetAtt": ["Jobs", "Arn"] }, BatchSize: 1, ScalingConfig: { MaximumConcurrency: 2 } } },
        }),
      },
      [{ sqs: { queue: "Jobs", messages: ["1", "2", "3", "4", "5", "6"] } }],
    );
    expect(report.summary.maxConcurrency).toBe(2);
    expect(m.eventSourceMappings["Worker.Jobs"].maxConcurrentBatches).toBe(2);
    expect(m.resources.Jobs.deleted).toBe(6);
  });

  it("starts with five concurrent batches", async () => {
    const { report } = await run(
      {
        Jobs: { Type: "AWS::SQS::Queue" },
        Worker: worker(`exports.handler = async () => { await new Promise((r) => setTimeout(r, 500)); };`, { Jobs: { Type: "SQS", Properties: { Queue: { "Fn::GetAtt": ["Jobs", "Arn"] }, BatchSize: 1 } } }),
      },
      [{ sqs: { queue: "Jobs", messages: Array.from({ length: 20 }, (_, i) => String(i)) } }],
    );
    expect(report.summary.maxConcurrency).toBe(5);
  });
});

describe("SQS SDK operations (SQS APIReference)", () => {
  it("SendMessage, ReceiveMessage, DeleteMessage and GetQueueAttributes from a handler", async () => {
    const code = `
      const { SQSClient, SendMessageCommand, SendMessageBatchCommand, ReceiveMessageCommand, DeleteMessageCommand, GetQueueAttributesCommand } = require("@aws-sdk/client-sqs");
      const sqs = new SQSClient({});
      const QueueUrl = process.env.QUEUE_URL;
      exports.handler = async () => {
        const sent = await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: "hello", MessageAttributes: { k: { DataType: "String", StringValue: "v" } } }));
        const batch = await sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: [{ Id: "a", MessageBody: "x" }, { Id: "b", MessageBody: "" }] }));
        const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, MessageAttributeNames: ["All"], MessageSystemAttributeNames: ["ApproximateReceiveCount"] }));
        await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: got.Messages[0].ReceiptHandle }));
        const attrs = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ["ApproximateNumberOfMessagesNotVisible", "QueueArn"] }));
        let missing;
        try { await sqs.send(new SendMessageCommand({ QueueUrl: QueueUrl + "-nope", MessageBody: "x" })); } catch (e) { missing = { name: e.name, message: e.message, status: e.$metadata.httpStatusCode }; }
        let badHandle;
        try { await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: "junk" })); } catch (e) { badHandle = e.name; }
        return { sent, batch, first: got.Messages[0], count: got.Messages.length, attrs: attrs.Attributes, missing, badHandle };
      };`;
    const hub = new SdkHub();
    using s = await createLambdaService({
      template: template({
        Jobs: { Type: "AWS::SQS::Queue" },
        F: fn(code, { Environment: { Variables: { QUEUE_URL: { Ref: "Jobs" } } }, Policies: [{ SQSSendMessagePolicy: { QueueName: { "Fn::GetAtt": ["Jobs", "QueueName"] } } }, { SQSPollerPolicy: { QueueName: { "Fn::GetAtt": ["Jobs", "QueueName"] } } }, { Statement: [{ Effect: "Allow", Action: "sqs:*", Resource: "*" }] }] }),
      }),
      extensions: [hub.extension, messagingExtension(hub)],
    });
    const r = (await s.invoke("F", {})).payload as Json;
    expect(r.sent).toEqual({ MessageId: expect.any(String) as unknown, MD5OfMessageBody: "5d41402abc4b2a76b9719d911017c592", MD5OfMessageAttributes: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown });
    expect(r.batch.Successful).toHaveLength(1);
    expect(r.batch.Failed[0]).toMatchObject({ Id: "b", SenderFault: true, Code: "InvalidParameterValue" });
    expect(r.count).toBe(2);
    expect(r.first).toMatchObject({ Body: "hello", Attributes: { ApproximateReceiveCount: "1" }, MessageAttributes: { k: { DataType: "String", StringValue: "v" } } });
    expect(r.attrs).toEqual({ ApproximateNumberOfMessagesNotVisible: "1", QueueArn: expect.stringMatching(/-Jobs$/) as unknown });
    expect(r.missing).toEqual({ name: "QueueDoesNotExist", message: "The specified queue does not exist.", status: 400 });
    expect(r.badHandle).toBe("ReceiptHandleIsInvalid");
  });

  it("a message a function sends is picked up by the queue's event source mapping", async () => {
    const { report, m } = await run(
      {
        Jobs: { Type: "AWS::SQS::Queue" },
        Producer: fn(
          `const { SQSClient, SendMessageCommand } = require("@aws-sdk/client-sqs");
           const c = new SQSClient({});
           exports.handler = async (e) => c.send(new SendMessageCommand({ QueueUrl: process.env.Q, MessageBody: JSON.stringify(e) }));`,
          { Environment: { Variables: { Q: { Ref: "Jobs" } } }, Policies: [{ SQSSendMessagePolicy: { QueueName: { "Fn::GetAtt": ["Jobs", "QueueName"] } } }] },
        ),
        Worker: worker(`exports.handler = async (e) => JSON.parse(e.Records[0].body);`, { Jobs: { Type: "SQS", Properties: { Queue: { "Fn::GetAtt": ["Jobs", "Arn"] } } } }),
      },
      [{ invoke: "Producer", payload: { order: 1 } }],
    );
    expect(report.invocations.map((i) => i.function)).toEqual(["Producer", "Worker"]);
    expect(report.invocations[1]!.response).toEqual({ order: 1 });
    expect(m.resources.Jobs.sent).toBe(1);
  });
});

describe("a queue that is a Lambda dead-letter queue (the service's TargetResource)", () => {
  it("holds what Lambda delivers there, and its own event source mapping processes it", async () => {
    const { report, m } = await run(
      {
        Failed: { Type: "AWS::SQS::Queue" },
        Flaky: fn(`exports.handler = async () => { throw new Error("boom"); };`, { DeadLetterQueue: { Type: "SQS", TargetArn: { "Fn::GetAtt": ["Failed", "Arn"] } }, EventInvokeConfig: { MaximumRetryAttempts: 0 } }),
        Inspector: worker(`exports.handler = async (e) => e.Records[0].messageAttributes.ErrorMessage.stringValue;`, { F: { Type: "SQS", Properties: { Queue: { "Fn::GetAtt": ["Failed", "Arn"] } } } }),
      },
      [{ invoke: "Flaky", type: "Event", payload: { id: 1 } }],
    );
    expect(m.resources.Failed).toMatchObject({ deliveredByLambda: 1, deleted: 1 });
    expect(m.edges).toEqual(expect.arrayContaining([{ from: "Flaky", to: "Failed", kind: "lambda:dead-letter-queue" }, { from: "Failed", to: "Inspector", kind: "sqs:event-source-mapping" }]));
    expect(report.invocations.find((i) => i.function === "Inspector")!.response).toBe("boom");
  });
});

describe("bad templates are refused in AWS's words", () => {
  const attempt = async (resources: Record<string, unknown>) => {
    const hub = new SdkHub();
    await createLambdaService({ template: template(resources), extensions: [hub.extension, messagingExtension(hub)] });
  };
  it("a visibility timeout shorter than the function timeout", async () => {
    await expect(attempt({ Q: { Type: "AWS::SQS::Queue", Properties: { VisibilityTimeout: 5 } }, W: worker("exports.handler=async()=>1", { E: { Type: "SQS", Properties: { Queue: { "Fn::GetAtt": ["Q", "Arn"] } } } }) })).rejects.toThrow(
      /Queue visibility timeout: 5 seconds is less than Function timeout: 10 seconds/,
    );
  });
  it("BatchSize over 10 without a batching window", async () => {
    await expect(attempt({ Q: { Type: "AWS::SQS::Queue" }, W: worker("exports.handler=async()=>1", { E: { Type: "SQS", Properties: { Queue: { "Fn::GetAtt": ["Q", "Arn"] }, BatchSize: 100 } } }) })).rejects.toThrow(/Maximum batch window in seconds must be greater than 0/);
  });
  it("MaximumConcurrency below 2, a malformed filter, a bad maxReceiveCount, a FIFO name without .fifo", async () => {
    await expect(attempt({ Q: { Type: "AWS::SQS::Queue" }, W: worker("exports.handler=async()=>1", { E: { Type: "SQS", Properties: { Queue: { "Fn::GetAtt": ["Q", "Arn"] }, ScalingConfig: { MaximumConcurrency: 1 } } } }) })).rejects.toThrow(/MaximumConcurrency must be from 2 to 1000/);
    await expect(attempt({ Q: { Type: "AWS::SQS::Queue" }, W: worker("exports.handler=async()=>1", { E: { Type: "SQS", Properties: { Queue: { "Fn::GetAtt": ["Q", "Arn"] }, FilterCriteria: { Filters: [{ Pattern: '{"body": "x"}' }] } } } }) })).rejects.toThrow(/Invalid filter pattern definition/);
    await expect(attempt({ D: { Type: "AWS::SQS::Queue" }, Q: { Type: "AWS::SQS::Queue", Properties: { RedrivePolicy: { deadLetterTargetArn: { "Fn::GetAtt": ["D", "Arn"] }, maxReceiveCount: 0 } } } })).rejects.toThrow(/maxReceiveCount/);
    await expect(attempt({ Q: { Type: "AWS::SQS::Queue", Properties: { FifoQueue: true, QueueName: "plain" } } })).rejects.toThrow(/must end with .fifo suffix/);
  });
});

describe("recursive loop detection (DG invocation-recursion)", () => {
  it("a worker that sends each message back to its own queue is stopped after 16 invocations; the message goes to the DLQ", async () => {
    const { report, m } = await run(
      {
        Dlq: { Type: "AWS::SQS::Queue" },
        Loop: { Type: "AWS::SQS::Queue", Properties: { RedrivePolicy: { deadLetterTargetArn: { "Fn::GetAtt": ["Dlq", "Arn"] }, maxReceiveCount: 5 } } },
        Worker: worker(
          `const { SQSClient, SendMessageCommand } = require("@aws-sdk/client-sqs");
           const sqs = new SQSClient({});
           exports.handler = async (e) => { await sqs.send(new SendMessageCommand({ QueueUrl: process.env.Q, MessageBody: e.Records[0].body })); };`,
          { Loop: { Type: "SQS", Properties: { Queue: { "Fn::GetAtt": ["Loop", "Arn"] } } } },
          { Environment: { Variables: { Q: { Ref: "Loop" } } }, Policies: [{ Statement: [{ Effect: "Allow", Action: "sqs:SendMessage", Resource: "*" }] }] },
        ),
      },
      [{ sqs: { queue: "Loop", messages: ["again"] } }],
    );
    // The stimulus's message starts the chain (depth 1); the 16th invocation's message is not delivered.
    expect(report.invocations).toHaveLength(16);
    expect(m.recursiveLoops).toEqual([expect.objectContaining({ function: "Worker", source: "Loop", depth: 17 })]);
    expect(m.metrics.RecursiveInvocationsDropped).toEqual({ Worker: 1 });
    expect(m.resources.Dlq.visible).toBe(1);
  });
});

describe("batching and delays (DG services-sqs-parameters; SQS DG sqs-delay-queues)", () => {
  it("a batching window waits for a full batch or the window's end", async () => {
    const { report } = await run(
      {
        Jobs: { Type: "AWS::SQS::Queue" },
        Worker: worker(`exports.handler = async (e) => e.Records.length;`, { Jobs: { Type: "SQS", Properties: { Queue: { "Fn::GetAtt": ["Jobs", "Arn"] }, BatchSize: 3, MaximumBatchingWindowInSeconds: 5 } } }),
      },
      [
        { sqs: { queue: "Jobs", messages: ["a"] } },
        { at: "1s", sqs: { queue: "Jobs", messages: ["b"] } },
        { at: "2s", sqs: { queue: "Jobs", messages: ["c", "d"] } },
      ],
    );
    // a, b, c fill the batch at 2 s; d waits for its window (2 s + 5 s).
    expect(report.invocations.map((i) => [i.start, i.response])).toEqual([
      [2000, 3],
      [7000, 1],
    ]);
  });

  it("DelaySeconds keeps a message invisible, and AWS::Lambda::EventSourceMapping works like the SAM event", async () => {
    const { report, m } = await run(
      {
        Jobs: { Type: "AWS::SQS::Queue", Properties: { DelaySeconds: 10 } },
        Worker: fn(`exports.handler = async (e) => e.Records[0].body;`),
        Mapping: { Type: "AWS::Lambda::EventSourceMapping", Properties: { EventSourceArn: { "Fn::GetAtt": ["Jobs", "Arn"] }, FunctionName: { Ref: "Worker" }, BatchSize: 1 } },
      },
      [{ sqs: { queue: "Jobs", messages: ["late", { body: "later", delaySeconds: 20 }] } }],
    );
    expect(report.invocations.map((i) => [i.start, i.response])).toEqual([
      [10_000, "late"],
      [20_000, "later"],
    ]);
    expect(m.eventSourceMappings.Mapping).toMatchObject({ batchSize: 1, succeeded: 2 });
  });

  it("a disabled mapping leaves the messages in the queue", async () => {
    const { report, m } = await run(
      { Jobs: { Type: "AWS::SQS::Queue" }, Worker: worker(`exports.handler = async () => 1;`, { Jobs: { Type: "SQS", Properties: { Queue: { "Fn::GetAtt": ["Jobs", "Arn"] }, Enabled: false } } }) },
      [{ sqs: { queue: "Jobs", messages: ["x"] } }],
    );
    expect(report.invocations).toHaveLength(0);
    expect(m.resources.Jobs.visible).toBe(1);
  });
});

describe("sqs stimuli refuse bad input with the path", () => {
  it.each([
    [{ queue: "Nope", messages: ["x"] }, /stimuli\[0\]\.sqs\.queue: no queue "Nope"/],
    [{ queue: "Fifo", messages: ["x"] }, /stimuli\[0\]\.sqs\.messages\[0\]\.groupId: Fifo is a FIFO queue/],
    [{ queue: "Jobs", messages: [] }, /stimuli\[0\]\.sqs\.messages: must be a non-empty list/],
    [{ queue: "Jobs", messages: [{ body: "x", attributes: { a: true } }] }, /stimuli\[0\]\.sqs\.messages\[0\]\.attributes\.a/],
  ])("%j", async (spec, re) => {
    await expect(run({ Jobs: { Type: "AWS::SQS::Queue" }, Fifo: { Type: "AWS::SQS::Queue", Properties: { FifoQueue: true, QueueName: "f.fifo", ContentBasedDeduplication: true } } }, [{ sqs: spec }])).rejects.toThrow(re);
  });
});

describe("throttles (DG services-sqs-scaling: use MaximumConcurrency rather than reserved concurrency)", () => {
  it("batches throttled by reserved concurrency stay in flight, come back after the visibility timeout, and count receives", async () => {
    const { report, m } = await run(
      {
        Jobs: { Type: "AWS::SQS::Queue", Properties: { VisibilityTimeout: 20 } },
        Worker: worker(`exports.handler = async () => { await new Promise((r) => setTimeout(r, 200)); };`, { Jobs: { Type: "SQS", Properties: { Queue: { "Fn::GetAtt": ["Jobs", "Arn"] }, BatchSize: 1 } } }, { ReservedConcurrentExecutions: 1 }),
      },
      [{ sqs: { queue: "Jobs", messages: ["1", "2", "3"] } }],
    );
    expect(report.summary.throttles).toBeGreaterThan(0);
    expect(m.resources.Jobs.deleted).toBe(3);
    expect(m.eventSourceMappings["Worker.Jobs"].throttledBatches).toBeGreaterThan(0);
    const ok = report.invocations.filter((i) => i.status === "success");
    expect(ok.some((i) => i.start >= 20_000)).toBe(true); // a throttled message waited for its visibility timeout
  });
});

describe("SQS calls with wrong shapes are refused in SQS's words (SQS APIReference CommonErrors, API_SendMessage, API_ReceiveMessage)", () => {
  it("names the parameter and the reason", async () => {
    const code = `
      const { SQSClient, SendMessageCommand, SendMessageBatchCommand, ReceiveMessageCommand, ChangeMessageVisibilityCommand, GetQueueAttributesCommand } = require("@aws-sdk/client-sqs");
      const sqs = new SQSClient({});
      exports.handler = async () => {
      const QueueUrl = process.env.Q, FifoUrl = process.env.F;
      const tries = [
        new SendMessageCommand({ MessageBody: "x" }),
        new SendMessageCommand({ QueueUrl }),
        new SendMessageCommand({ QueueUrl, MessageBody: "x", DelaySeconds: 901 }),
        new SendMessageCommand({ QueueUrl, MessageBody: "x", MessageAttributes: { n: { DataType: "Number", StringValue: "abc" } } }),
        new SendMessageCommand({ QueueUrl: FifoUrl, MessageBody: "x" }),
        new SendMessageCommand({ QueueUrl: FifoUrl, MessageBody: "x", MessageGroupId: "g" }),
        new SendMessageBatchCommand({ QueueUrl, Entries: [] }),
        new SendMessageBatchCommand({ QueueUrl, Entries: [{ Id: "a", MessageBody: "1" }, { Id: "a", MessageBody: "2" }] }),
        new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 11 }),
        new ChangeMessageVisibilityCommand({ QueueUrl, ReceiptHandle: "AQEBnope", VisibilityTimeout: 5 }),
        new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ["Depth"] }),
      ];
      const out = [];
      for (const c of tries) { try { await sqs.send(c); out.push("ok"); } catch (e) { out.push(e.name + ": " + e.message); } }
      return out;
      };`;
    const hub = new SdkHub();
    using s = await createLambdaService({
      template: template({
        Jobs: { Type: "AWS::SQS::Queue" },
        Fifo: { Type: "AWS::SQS::Queue", Properties: { FifoQueue: true, QueueName: "f.fifo" } },
        F: fn(code, {
          Environment: { Variables: { Q: { Ref: "Jobs" }, F: { Ref: "Fifo" } } },
          Policies: [{ Statement: [{ Effect: "Allow", Action: "sqs:*", Resource: "*" }] }],
        }),
      }),
      extensions: [hub.extension, messagingExtension(hub)],
    });
    const r = await s.invoke("F", {});
    expect(r.payload).toEqual([
      "MissingParameter: The request must contain the parameter QueueUrl.",
      "MissingParameter: The request must contain the parameter MessageBody.",
      "InvalidParameterValue: Value 901 for parameter DelaySeconds is invalid. Reason: Must be >= 0 and <= 900.",
      "InvalidParameterValue: Can't cast the value of message (user) attribute 'n' to a number.",
      "MissingParameter: The request must contain the parameter MessageGroupId.",
      "InvalidParameterValue: The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly",
      "EmptyBatchRequest: There should be at least one SendMessageBatchRequestEntry in the request.",
      "BatchEntryIdsNotDistinct: Id a repeated.",
      "InvalidParameterValue: Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.",
      'ReceiptHandleIsInvalid: The input receipt handle "AQEBnope" is not a valid receipt handle.',
      "InvalidAttributeName: Unknown Attribute Depth.",
    ]);
  });
});

describe("dead-letter queue retention (SQS DG setting-up-dead-letter-queue-retention)", () => {
  it("a standard queue's message keeps its enqueue time in the DLQ: it expires on the original clock", async () => {
    const { m } = await run(
      {
        Dlq: { Type: "AWS::SQS::Queue", Properties: { MessageRetentionPeriod: 120 } },
        Jobs: { Type: "AWS::SQS::Queue", Properties: { VisibilityTimeout: 30, RedrivePolicy: { deadLetterTargetArn: { "Fn::GetAtt": ["Dlq", "Arn"] }, maxReceiveCount: 2 } } },
        Worker: worker(`exports.handler = async () => { throw new Error("no"); };`, { Jobs: { Type: "SQS", Properties: { Queue: { "Fn::GetAtt": ["Jobs", "Arn"] } } } }),
      },
      [{ sqs: { queue: "Jobs", messages: ["x"] } }],
      "5m",
    );
    // Received at 0 s and 30 s, moved at 60 s; the DLQ's 120 s retention counts from the send at 0 s.
    expect(m.resources.Jobs.movedToDlq).toBe(1);
    expect(m.resources.Dlq).toMatchObject({ redrivenIn: 1, expired: 1, visible: 0 });
  });
});

describe("event sources outside the template", () => {
  it("an SQS event on a queue ARN of another stack is a warning, a non-ARN is an error", async () => {
    const { m } = await run({ W: worker("exports.handler = async () => 1;", { E: { Type: "SQS", Properties: { Queue: "arn:aws:sqs:us-east-1:123456789012:elsewhere" } } }) }, []);
    expect(m.warnings).toEqual([{ resource: "W", property: "Events.E", message: "arn:aws:sqs:us-east-1:123456789012:elsewhere is not a queue of this template: this event source is not simulated" }]);
    await expect(run({ W: worker("exports.handler = async () => 1;", { E: { Type: "SQS", Properties: { Queue: "Jobs" } } }) }, [])).rejects.toThrow(/W\.Events\.E\.Properties\.Queue: "Jobs" is not a queue of this template/);
  });
});

describe("receipt handles (SQS DG sqs-visibility-timeout, API_DeleteMessage)", () => {
  it("deleting with the handle of an earlier receive succeeds but does not delete; the latest handle does", async () => {
    const code = `
      const { SQSClient, SendMessageCommand, ReceiveMessageCommand, DeleteMessageCommand, GetQueueAttributesCommand } = require("@aws-sdk/client-sqs");
      const sqs = new SQSClient({});
      const QueueUrl = process.env.Q;
      const count = async () => (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"] }))).Attributes;
      exports.handler = async () => {
        await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: "m" }));
        const first = (await sqs.send(new ReceiveMessageCommand({ QueueUrl, VisibilityTimeout: 0 }))).Messages[0];
        const second = (await sqs.send(new ReceiveMessageCommand({ QueueUrl, VisibilityTimeout: 30, MessageSystemAttributeNames: ["ApproximateReceiveCount"] }))).Messages[0];
        await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: first.ReceiptHandle }));
        const afterOld = await count();
        await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: second.ReceiptHandle }));
        const afterNew = await count();
        await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: second.ReceiptHandle })); // already gone: succeeds
        return { differ: first.ReceiptHandle !== second.ReceiptHandle, receives: second.Attributes.ApproximateReceiveCount, afterOld, afterNew };
      };`;
    const hub = new SdkHub();
    using s = await createLambdaService({
      template: template({ Jobs: { Type: "AWS::SQS::Queue" }, F: fn(code, { Environment: { Variables: { Q: { Ref: "Jobs" } } }, Policies: [{ Statement: [{ Effect: "Allow", Action: "sqs:*", Resource: "*" }] }] }) }),
      extensions: [hub.extension, messagingExtension(hub)],
    });
    expect((await s.invoke("F", {})).payload).toEqual({
      differ: true,
      receives: "2",
      afterOld: { ApproximateNumberOfMessages: "0", ApproximateNumberOfMessagesNotVisible: "1" },
      afterNew: { ApproximateNumberOfMessages: "0", ApproximateNumberOfMessagesNotVisible: "0" },
    });
  });
});
