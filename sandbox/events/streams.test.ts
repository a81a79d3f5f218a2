import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { cloudWatchLogs, cloudWatchLogsPayload, dynamodbStream, firehoseTransformation, kinesisRecords, kinesisTumblingWindow, mskRecords } from "./streams";

const decode = (b64: string | undefined) => Buffer.from(b64 ?? "", "base64").toString("utf8");

describe("dynamodbStream", () => {
  it("marshals keys and images, merging the keys into each image", () => {
    const r = dynamodbStream([{ eventName: "MODIFY", keys: { pk: "A" }, oldImage: { n: 1 }, newImage: { n: 2, tags: new Set(["x"]) } }]).Records[0];
    expect(r?.dynamodb?.Keys).toEqual({ pk: { S: "A" } });
    expect(r?.dynamodb?.OldImage).toEqual({ pk: { S: "A" }, n: { N: "1" } });
    expect(r?.dynamodb?.NewImage).toEqual({ pk: { S: "A" }, n: { N: "2" }, tags: { SS: ["x"] } });
  });

  it("includes the images the event and the stream view type call for", () => {
    const images = (view: "KEYS_ONLY" | "NEW_IMAGE" | "OLD_IMAGE" | "NEW_AND_OLD_IMAGES") =>
      dynamodbStream(
        [
          { eventName: "INSERT", keys: { pk: "A" } },
          { eventName: "MODIFY", keys: { pk: "A" } },
          { eventName: "REMOVE", keys: { pk: "A" } },
        ],
        { streamViewType: view },
      ).Records.map((r) => ["NewImage", "OldImage"].filter((k) => k in (r.dynamodb ?? {})).join("+"));
    expect(images("NEW_AND_OLD_IMAGES")).toEqual(["NewImage", "NewImage+OldImage", "OldImage"]);
    expect(images("NEW_IMAGE")).toEqual(["NewImage", "NewImage", ""]);
    expect(images("OLD_IMAGE")).toEqual(["", "OldImage", "OldImage"]);
    expect(images("KEYS_ONLY")).toEqual(["", "", ""]);
  });

  it("numbers records in order and names the table's stream", () => {
    const e = dynamodbStream([{ eventName: "INSERT", keys: { pk: "A" } }, { eventName: "INSERT", keys: { pk: "B" } }], { table: "Users" });
    const [a, b] = e.Records;
    expect(BigInt(b?.dynamodb?.SequenceNumber ?? 0) > BigInt(a?.dynamodb?.SequenceNumber ?? 0)).toBe(true);
    expect(a?.eventSourceARN).toBe("arn:aws:dynamodb:us-east-1:123456789012:table/Users/stream/2026-01-01T00:00:00.000");
    expect(a?.eventID).not.toBe(b?.eventID);
    expect(a?.dynamodb?.ApproximateCreationDateTime).toBe(1768469400);
  });

  it("computes SizeBytes with DynamoDB's size rules", () => {
    // Keys: "pk" (2) + "A" (1) = 3; NewImage: 3 + "n" (1) + number 12 (1 + 1) = 6
    expect(dynamodbStream([{ eventName: "INSERT", keys: { pk: "A" }, newImage: { n: 12 } }]).Records[0]?.dynamodb?.SizeBytes).toBe(9);
  });

  it("marks Time to Live deletions with the DynamoDB service identity", () => {
    const r = dynamodbStream([{ eventName: "REMOVE", keys: { pk: "A" }, ttl: true }]).Records[0];
    expect(r?.userIdentity).toEqual({ type: "Service", principalId: "dynamodb.amazonaws.com" });
    expect("userIdentity" in (dynamodbStream().Records[0] ?? {})).toBe(false);
  });
});

describe("kinesisRecords", () => {
  it("base64-encodes data (JSON for objects), with increasing sequence numbers and ids that name the shard", () => {
    const e = kinesisRecords(["a", { data: { t: 1 }, partitionKey: "k" }, Uint8Array.of(0xff)], { shardId: "shardId-000000000003" });
    expect(decode(e.Records[0]?.kinesis.data)).toBe("a");
    expect(JSON.parse(decode(e.Records[1]?.kinesis.data))).toEqual({ t: 1 });
    expect(e.Records[2]?.kinesis.data).toBe("/w==");
    expect(e.Records.map((r) => r.kinesis.partitionKey)).toEqual(["1", "k", "3"]);
    const seq = e.Records.map((r) => BigInt(r.kinesis.sequenceNumber));
    expect(seq[0]! < seq[1]! && seq[1]! < seq[2]!).toBe(true);
    expect(e.Records[1]?.eventID).toBe(`shardId-000000000003:${e.Records[1]?.kinesis.sequenceNumber}`);
  });

  it("reports arrival in epoch seconds with a millisecond fraction", () => {
    const e = kinesisRecords(["a", "b"], { time: "2026-01-15T09:30:00.123Z" });
    expect(e.Records.map((r) => r.kinesis.approximateArrivalTimestamp)).toEqual([1768469400.123, 1768469400.128]);
    expect(e.Records[0]?.invokeIdentityArn).toBe("arn:aws:iam::123456789012:role/my-function-role");
  });
});

describe("kinesisTumblingWindow", () => {
  it("aligns the window to multiples of its length and carries state and flags", () => {
    const e = kinesisTumblingWindow(["a"], { time: "2026-01-15T09:33:20.500Z", windowSeconds: 120, state: { n: 3 }, isFinalInvokeForWindow: true });
    expect(e.window).toEqual({ start: "2026-01-15T09:32:00Z", end: "2026-01-15T09:34:00Z" });
    expect([e.state, e.isFinalInvokeForWindow, e.isWindowTerminatedEarly, e.shardId]).toEqual([{ n: 3 }, true, false, "shardId-000000000000"]);
    expect(e.eventSourceARN).toBe(e.Records[0]?.eventSourceARN);
  });

  it("refuses a window length Lambda does not accept", () => {
    expect(() => kinesisTumblingWindow([], { windowSeconds: 901 })).toThrow("windowSeconds must be an integer from 1 to 900, got 901");
  });
});

describe("mskRecords", () => {
  it("groups by topic-partition with offsets increasing per partition", () => {
    const e = mskRecords([{ value: "a" }, { value: "b", partition: 1 }, { value: "c" }], { topic: "t", firstOffset: 5 });
    expect(Object.keys(e.records)).toEqual(["t-0", "t-1"]);
    expect(e.records["t-0"]?.map((r) => [r.offset, decode(r.value)])).toEqual([
      [5, "a"],
      [6, "c"],
    ]);
    expect(e.records["t-1"]?.[0]?.offset).toBe(5);
  });

  it("encodes keys as base64 and headers as byte arrays", () => {
    const r = mskRecords([{ value: { x: 1 }, key: "k1", headers: { h: "AB" } }]).records["orders-0"]?.[0];
    expect([decode(r?.key), JSON.parse(decode(r?.value)), r?.headers]).toEqual(["k1", { x: 1 }, [{ h: [65, 66] }]]);
  });
});

describe("firehoseTransformation", () => {
  it("base64-encodes each record with a distinct recordId and epoch-ms arrival", () => {
    const e = firehoseTransformation(["a", { b: 2 }], { deliveryStream: "logs" });
    expect(e.records.map((r) => decode(r.data))).toEqual(["a", '{"b":2}']);
    expect(new Set(e.records.map((r) => r.recordId)).size).toBe(2);
    expect(e.records[0]?.approximateArrivalTimestamp).toBe(Date.parse("2026-01-15T09:30:00.123Z"));
    expect(e.deliveryStreamArn).toBe("arn:aws:firehose:us-east-1:123456789012:deliverystream/logs");
  });
});

describe("firehoseTransformation with a Kinesis source", () => {
  it("names the source stream and gives each record its Kinesis metadata", () => {
    const e = firehoseTransformation(["a", "b"], { sourceKinesisStream: "clicks" });
    expect(e.sourceKinesisStreamArn).toBe("arn:aws:kinesis:us-east-1:123456789012:stream/clicks");
    expect(e.records.map((r) => r.kinesisRecordMetadata?.partitionKey)).toEqual(["1", "2"]);
    expect("sourceKinesisStreamArn" in firehoseTransformation()).toBe(false);
  });
});

describe("cloudWatchLogs", () => {
  it("is base64 of gzip of the payload, decodable with Node's zlib", () => {
    const payload = JSON.parse(gunzipSync(Buffer.from(cloudWatchLogs().awslogs.data, "base64")).toString("utf8")) as unknown;
    expect(payload).toEqual(cloudWatchLogsPayload());
  });

  it("takes custom log events, log group and a real compressor", () => {
    const options = { logGroup: "/app/orders", logStream: "i-1", subscriptionFilters: ["errors"], gzip: (b: Uint8Array) => new Uint8Array(gzipSync(b)) };
    const e = cloudWatchLogs(["first", { message: "second", timestamp: 5, id: "7" }], options);
    const payload = JSON.parse(gunzipSync(Buffer.from(e.awslogs.data, "base64")).toString("utf8")) as ReturnType<typeof cloudWatchLogsPayload>;
    expect(payload).toMatchObject({ messageType: "DATA_MESSAGE", owner: "123456789012", logGroup: "/app/orders", logStream: "i-1", subscriptionFilters: ["errors"] });
    expect(payload.logEvents.map((l) => [l.message, l.timestamp])).toEqual([
      ["first", Date.parse("2026-01-15T09:30:00.123Z")],
      ["second", 5],
    ]);
    expect(payload.logEvents[1]?.id).toBe("7");
    // The given compressor was used: zlib writes the OS byte of the platform, gzipStored 255 ("unknown").
    expect(Buffer.from(e.awslogs.data, "base64")[9]).not.toBe(0xff);
    expect(Buffer.from(cloudWatchLogs(["first"]).awslogs.data, "base64")[9]).toBe(0xff);
  });

  it("defaults to one Lambda invocation's log lines in a Lambda-style stream", () => {
    const p = cloudWatchLogsPayload();
    expect(p.logStream).toMatch(/^2026\/01\/15\/\[\$LATEST\][0-9a-f]{32}$/);
    expect(p.logEvents.map((l) => l.message.split(/[ \t]/)[0])).toEqual(["START", "2026-01-15T09:30:00.126Z", "2026-01-15T09:30:00.164Z", "END", "REPORT"]);
  });
});
