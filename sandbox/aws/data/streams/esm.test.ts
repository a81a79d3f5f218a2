// The stream event source mapping (DG with-ddb, with-kinesis, kinesis-on-failure-destination,
// services-ddb-batchfailurereporting) on the real runtime: records in order per shard, a failing
// batch blocks its shard and is retried, bisected, then sent to the on-failure destination.
import { describe, expect, it } from "vitest";
import { createLambdaService } from "../../../service/service";
import { fn, template } from "../../../service/testing";
import { SdkHub } from "../../sdk/hub";
import { dataExtension } from "../index";

const table = (stream = "NEW_AND_OLD_IMAGES") => ({
  Type: "AWS::DynamoDB::Table",
  Properties: {
    TableName: "Orders",
    KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }],
    AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }],
    StreamSpecification: { StreamViewType: stream },
  },
});

async function run(resources: Record<string, unknown>, drive: unknown) {
  const hub = new SdkHub();
  using s = await createLambdaService({ template: template(resources), extensions: [hub.extension, dataExtension(hub)] });
  const report = await s.run(drive as object);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the report's extension section is JSON, read by shape
  return { report, data: report.extensions?.data as Record<string, any> };
}

describe("DynamoDB Streams → Lambda", () => {
  it("every write is a stream record (INSERT, MODIFY, REMOVE) with the images of the StreamViewType, in order", async () => {
    const { report } = await run(
      {
        Orders: table(),
        Consumer: fn(`exports.handler = async (e) => e.Records.map((r) => [r.eventName, r.dynamodb.Keys.pk.S, r.dynamodb.NewImage?.status?.S ?? null, r.dynamodb.OldImage?.status?.S ?? null]);`, {
          Events: { S: { Type: "DynamoDB", Properties: { Stream: { "Fn::GetAtt": ["Orders", "StreamArn"] }, StartingPosition: "TRIM_HORIZON", BatchSize: 10 } } },
        }),
      },
      {
        stimuli: [
          { at: 0, dynamodb: { table: "Orders", put: { pk: "o1", status: "new" } } },
          { at: 1000, dynamodb: { table: "Orders", update: { key: { pk: "o1" }, set: { status: "paid" } } } },
          { at: 2000, dynamodb: { table: "Orders", delete: { key: { pk: "o1" } } } },
        ],
      },
    );
    const responses = report.invocations.filter((i) => i.trigger === "dynamodb:Orders").flatMap((i) => i.response as unknown[]);
    expect(responses).toEqual([
      ["INSERT", "o1", "new", null],
      ["MODIFY", "o1", "paid", "new"],
      ["REMOVE", "o1", null, "paid"],
    ]);
  });

  it("a failing batch blocks the shard and is retried MaximumRetryAttempts times, then its batch info goes to the on-failure destination", async () => {
    const { report, data } = await run(
      {
        Orders: table("KEYS_ONLY"),
        Failed: { Type: "AWS::SQS::Queue" },
        Consumer: fn(`exports.handler = async (e) => { if (e.Records.some((r) => r.dynamodb.Keys.pk.S === "bad")) throw new Error("poison"); return "ok"; };`, {
          Events: {
            S: {
              Type: "DynamoDB",
              Properties: { Stream: { "Fn::GetAtt": ["Orders", "StreamArn"] }, StartingPosition: "TRIM_HORIZON", BatchSize: 1, MaximumRetryAttempts: 2, DestinationConfig: { OnFailure: { Destination: { "Fn::GetAtt": ["Failed", "Arn"] } } } },
            },
          },
        }),
      },
      { stimuli: [{ dynamodb: { table: "Orders", put: { pk: "bad" } } }, { dynamodb: { table: "Orders", put: { pk: "good" } } }] },
    );
    const attempts = report.invocations.filter((i) => i.trigger === "dynamodb:Orders");
    // 1 try + 2 retries of the poison record, then the next record (it waited behind it).
    expect(attempts.map((i) => i.status)).toEqual(["error", "error", "error", "success"]);
    const failed = report.resources.targets?.Failed as { messages: { body: string }[] } | undefined;
    const body = JSON.parse((failed?.messages[0] as { body: string }).body);
    expect(body.requestContext.condition).toBe("RetryAttemptsExhausted");
    expect(body.DDBStreamBatchInfo).toMatchObject({ batchSize: 1, shardId: expect.any(String), streamArn: expect.stringContaining("table/Orders/stream/") });
    expect(data.eventSourceMappings.ConsumerS.recordsSentToOnFailure).toBe(1);
  });

  it("BisectBatchOnFunctionError halves the failing batch until the poison record is alone (splits are not retries)", async () => {
    const { report } = await run(
      {
        Orders: table("KEYS_ONLY"),
        Consumer: fn(`exports.handler = async (e) => { if (e.Records.some((r) => r.dynamodb.Keys.pk.S === "p3")) throw new Error("poison"); return e.Records.length; };`, {
          Events: { S: { Type: "DynamoDB", Properties: { Stream: { "Fn::GetAtt": ["Orders", "StreamArn"] }, StartingPosition: "TRIM_HORIZON", BatchSize: 4, MaximumBatchingWindowInSeconds: 1, BisectBatchOnFunctionError: true, MaximumRetryAttempts: 0 } } },
        }),
      },
      { stimuli: ["p1", "p2", "p3", "p4"].map((pk) => ({ dynamodb: { table: "Orders", put: { pk } } })) },
    );
    const sizes = report.invocations.filter((i) => i.trigger === "dynamodb:Orders").map((i) => [i.status, i.response ?? null]);
    // [p1..p4] fails → [p1,p2] ok, [p3,p4] fails → [p3] fails (dropped: 0 retries) → [p4] ok.
    expect(sizes.map((s) => s[0])).toEqual(["error", "success", "error", "error", "success"]);
  });
});

describe("Kinesis → Lambda", () => {
  const stream = { Type: "AWS::Kinesis::Stream", Properties: { ShardCount: 2 } };
  it("records of one partition key stay in order on their shard; IteratorAge is reported per mapping", async () => {
    const { report, data } = await run(
      {
        Clicks: stream,
        Reader: fn(`exports.handler = async (e) => e.Records.map((r) => JSON.parse(Buffer.from(r.kinesis.data, "base64").toString()).n);`, {
          Events: { K: { Type: "Kinesis", Properties: { Stream: { "Fn::GetAtt": ["Clicks", "Arn"] }, StartingPosition: "LATEST", BatchSize: 2 } } },
        }),
      },
      { stimuli: [{ kinesis: { stream: "Clicks", records: [1, 2, 3, 4, 5].map((n) => ({ partitionKey: "user-1", data: { n } })) } }] },
    );
    const seen = report.invocations.filter((i) => i.trigger === "kinesis:Clicks").flatMap((i) => i.response as number[]);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(data.metrics.ReaderK.maxIteratorAgeMs).toBeGreaterThan(0);
    expect(data.resources.Clicks.shards).toHaveLength(2);
  });

  it("a partial batch response checkpoints at the failed sequence number and retries from there", async () => {
    const { report } = await run(
      {
        Clicks: { Type: "AWS::Kinesis::Stream", Properties: { ShardCount: 1 } },
        Reader: fn(
          `let failedOnce = false;
          exports.handler = async (e) => {
            const bad = e.Records.find((r) => JSON.parse(Buffer.from(r.kinesis.data, "base64").toString()).n === 2);
            if (bad && !failedOnce) { failedOnce = true; return { batchItemFailures: [{ itemIdentifier: bad.kinesis.sequenceNumber }] }; }
            return { batchItemFailures: [], got: e.Records.length };
          };`,
          { Events: { K: { Type: "Kinesis", Properties: { Stream: { "Fn::GetAtt": ["Clicks", "Arn"] }, StartingPosition: "TRIM_HORIZON", BatchSize: 3, FunctionResponseTypes: ["ReportBatchItemFailures"] } } } },
        ),
      },
      { stimuli: [{ kinesis: { stream: "Clicks", records: [1, 2, 3].map((n) => ({ partitionKey: "k", data: { n } })) } }] },
    );
    const got = report.invocations.filter((i) => i.trigger === "kinesis:Clicks").map((i) => (i.response as { got?: number }).got ?? "partial");
    expect(got).toEqual(["partial", 2]);
  });
});

describe("stream mapping limits", () => {
  it("ParallelizationFactor runs one batch per partition-key lane at once, each key still in order", async () => {
    const { md5Hex } = await import("../../../events/encoding");
    const lane = (k: string) => parseInt(md5Hex(k).slice(0, 8), 16) % 2;
    const keys = "abcdefghij".split("");
    const a = keys.find((k) => lane(k) === 0)!;
    const b = keys.find((k) => lane(k) === 1)!;
    const { report } = await run(
      {
        Clicks: { Type: "AWS::Kinesis::Stream", Properties: { ShardCount: 1 } },
        Reader: fn(`exports.handler = async (e) => { await new Promise((r) => setTimeout(r, 200)); return e.Records.map((r) => r.kinesis.partitionKey + JSON.parse(Buffer.from(r.kinesis.data, "base64").toString())); };`, {
          Events: { K: { Type: "Kinesis", Properties: { Stream: { "Fn::GetAtt": ["Clicks", "Arn"] }, StartingPosition: "TRIM_HORIZON", BatchSize: 1, ParallelizationFactor: 2 } } },
        }),
      },
      { stimuli: [{ kinesis: { stream: "Clicks", records: [1, 2, 3].flatMap((n) => [{ partitionKey: a, data: n }, { partitionKey: b, data: n }]) } }] },
    );
    expect(report.summary.maxConcurrency).toBe(2);
    const seen = report.invocations.flatMap((i) => i.response as string[]);
    expect(seen.filter((x) => x.startsWith(a))).toEqual([`${a}1`, `${a}2`, `${a}3`]);
    expect(seen.filter((x) => x.startsWith(b))).toEqual([`${b}1`, `${b}2`, `${b}3`]);
  });

  it("a record older than MaximumRecordAgeInSeconds is given up with condition RecordAgeExceeded", async () => {
    const { report, data } = await run(
      {
        Clicks: { Type: "AWS::Kinesis::Stream", Properties: { ShardCount: 1 } },
        Reader: fn(`exports.handler = async () => { throw new Error("down"); };`, {
          Events: { K: { Type: "Kinesis", Properties: { Stream: { "Fn::GetAtt": ["Clicks", "Arn"] }, StartingPosition: "TRIM_HORIZON", MaximumRecordAgeInSeconds: 60 } } },
        }),
      },
      { stimuli: [{ kinesis: { stream: "Clicks", records: [{ partitionKey: "k", data: 1 }] } }] },
    );
    const attempts = report.invocations.filter((i) => i.trigger === "kinesis:Clicks");
    expect(attempts.at(-1)!.start).toBeGreaterThan(60_000 - 40_000);
    expect(data.streamFailures).toHaveLength(1);
    expect(data.streamFailures[0].requestContext.condition).toBe("RecordAgeExceeded");
    expect(data.streamFailures[0].KinesisBatchInfo.batchSize).toBe(1);
  });

  it("MaximumRecordAgeInSeconds below 60 is refused as the API refuses it", async () => {
    const hub = new SdkHub();
    await expect(
      createLambdaService({
        template: template({ Clicks: { Type: "AWS::Kinesis::Stream" }, R: fn("exports.handler = async () => 1;", { Events: { K: { Type: "Kinesis", Properties: { Stream: { "Fn::GetAtt": ["Clicks", "Arn"] }, StartingPosition: "LATEST", MaximumRecordAgeInSeconds: 10 } } } }) }),
        extensions: [hub.extension, dataExtension(hub)],
      }),
    ).rejects.toThrow("MaximumRecordAgeInSeconds must be -1 (infinite) or from 60 to 604800");
  });
});

describe("tumbling windows (DG with-kinesis-windows)", () => {
  it("batches of one window share the state the function returns; a final invocation closes each window", async () => {
    const { report } = await run(
      {
        Clicks: { Type: "AWS::Kinesis::Stream", Properties: { ShardCount: 1 } },
        Counter: fn(
          `exports.handler = async (e) => {
            const sum = (e.state.sum ?? 0) + e.Records.reduce((n, r) => n + Number(Buffer.from(r.kinesis.data, "base64").toString()), 0);
            return { state: { sum }, seen: [e.window.start.slice(11, 19), e.isFinalInvokeForWindow, e.Records.length, sum] };
          };`,
          { Events: { K: { Type: "Kinesis", Properties: { Stream: { "Fn::GetAtt": ["Clicks", "Arn"] }, StartingPosition: "TRIM_HORIZON", TumblingWindowInSeconds: 60 } } } },
        ),
      },
      {
        stimuli: [
          { at: "0s", kinesis: { stream: "Clicks", records: [{ partitionKey: "k", data: "1" }] } },
          { at: "10s", kinesis: { stream: "Clicks", records: [{ partitionKey: "k", data: "2" }] } },
          { at: "70s", kinesis: { stream: "Clicks", records: [{ partitionKey: "k", data: "5" }] } },
        ],
      },
    );
    expect(report.invocations.map((i) => (i.response as { seen: unknown }).seen)).toEqual([
      ["00:00:00", false, 1, 1],
      ["00:00:00", false, 1, 3],
      ["00:00:00", true, 0, 3],
      ["00:01:00", false, 1, 5],
      ["00:01:00", true, 0, 5],
    ]);
  });
});

describe("AWS::Lambda::EventSourceMapping on a stream", () => {
  it("maps a Kinesis stream to a function by name, as CloudFormation declares it", async () => {
    const { report } = await run(
      {
        Clicks: { Type: "AWS::Kinesis::Stream", Properties: { ShardCount: 1 } },
        Reader: fn(`exports.handler = async (e) => e.Records.length;`),
        Mapping: { Type: "AWS::Lambda::EventSourceMapping", Properties: { EventSourceArn: { "Fn::GetAtt": ["Clicks", "Arn"] }, FunctionName: { Ref: "Reader" }, StartingPosition: "TRIM_HORIZON", BatchSize: 10 } },
      },
      { stimuli: [{ kinesis: { stream: "Clicks", records: [1, 2, 3].map((n) => ({ partitionKey: "k", data: n })) } }] },
    );
    expect(report.invocations.map((i) => [i.trigger, i.response])).toEqual([["kinesis:Clicks", 3]]);
  });
});
