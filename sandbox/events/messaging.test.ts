import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { activeMq, eventBridge, md5OfMessageAttributes, rabbitMq, s3Delete, s3EncodeKey, s3Put, scheduledEvent, snsNotification, sqsBatch } from "./messaging";

const md5 = (data: string | Buffer) => createHash("md5").update(data).digest("hex");
const decode = (b64: string | undefined) => Buffer.from(b64 ?? "", "base64").toString("utf8");

describe("s3Put / s3Delete", () => {
  it("names the bucket and key given, with an ARN that agrees", () => {
    const r = s3Put({ bucket: "invoices", key: "2026/inv-7.pdf", size: 52133 }).Records[0];
    expect(r?.s3.bucket).toMatchObject({ name: "invoices", arn: "arn:aws:s3:::invoices" });
    expect(r?.s3.object).toMatchObject({ key: "2026/inv-7.pdf", size: 52133 });
    expect(r?.s3.object.eTag).toMatch(/^[0-9a-f]{32}$/);
    expect([r?.eventName, r?.eventSource, r?.awsRegion, r?.eventTime]).toEqual(["ObjectCreated:Put", "aws:s3", "us-east-1", "2026-01-15T09:30:00.123Z"]);
  });

  it("URL-encodes the key as S3 does, keeping slashes", () => {
    expect(s3Put({ key: "my photos/a b(1)'!.jpg" }).Records[0]?.s3.object.key).toBe("my+photos/a+b%281%29%27%21.jpg");
    expect(s3EncodeKey("reports/2026/q1=final,ü.csv")).toBe("reports/2026/q1%3Dfinal%2C%C3%BC.csv");
    const key = s3EncodeKey("a b+c/d(e).txt");
    expect(decodeURIComponent(key.replace(/\+/g, " "))).toBe("a b+c/d(e).txt");
  });

  it("adds versionId only for versioned buckets", () => {
    expect("versionId" in (s3Put().Records[0]?.s3.object ?? {})).toBe(false);
    expect(s3Put({ versionId: "v1" }).Records[0]?.s3.object.versionId).toBe("v1");
  });

  it("removal records carry neither size nor eTag", () => {
    const r = s3Delete({ key: "old.txt" }).Records[0];
    expect(r?.eventName).toBe("ObjectRemoved:Delete");
    expect(Object.keys(r?.s3.object ?? {})).toEqual(["key", "sequencer"]);
  });

  it("makes later events' sequencers larger for the same key", () => {
    const a = s3Put({ time: "2026-01-15T09:30:00Z" }).Records[0]?.s3.object.sequencer ?? "";
    const b = s3Put({ time: "2026-01-15T09:30:01Z" }).Records[0]?.s3.object.sequencer ?? "";
    expect(BigInt(`0x${b}`) > BigInt(`0x${a}`)).toBe(true);
  });
});

describe("sqsBatch", () => {
  it("makes one record per message with distinct ids and the real MD5 of each body", () => {
    const e = sqsBatch(["a", { body: { n: 1 } }, "c"]);
    expect(e.Records.map((r) => r.body)).toEqual(["a", '{"n":1}', "c"]);
    expect(new Set(e.Records.map((r) => r.messageId)).size).toBe(3);
    for (const r of e.Records) expect(r.md5OfBody).toBe(md5(r.body));
  });

  it("sends messages 10 ms apart, each received 2 ms after it was sent", () => {
    const [a, b] = sqsBatch(["a", "b"], { time: 1_700_000_000_000 }).Records;
    expect([a?.attributes.SentTimestamp, a?.attributes.ApproximateFirstReceiveTimestamp, b?.attributes.SentTimestamp]).toEqual([
      "1700000000000",
      "1700000000002",
      "1700000000010",
    ]);
  });

  it("types message attributes and computes md5OfMessageAttributes the way SQS does", () => {
    const r = sqsBatch([{ body: "x", messageAttributes: { b: Uint8Array.of(1, 2), a: "hi", n: 7 } }]).Records[0];
    expect(r?.messageAttributes).toEqual({
      b: { binaryValue: "AQI=", stringListValues: [], binaryListValues: [], dataType: "Binary" },
      a: { stringValue: "hi", stringListValues: [], binaryListValues: [], dataType: "String" },
      n: { stringValue: "7", stringListValues: [], binaryListValues: [], dataType: "Number" },
    });
    // Independent encoding of the documented algorithm: sorted names; 4-byte big-endian lengths.
    const len = (b: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, b.length]), b]);
    const expected = md5(
      Buffer.concat([
        len(Buffer.from("a")), len(Buffer.from("String")), Buffer.from([1]), len(Buffer.from("hi")),
        len(Buffer.from("b")), len(Buffer.from("Binary")), Buffer.from([2]), len(Buffer.from([1, 2])),
        len(Buffer.from("n")), len(Buffer.from("Number")), Buffer.from([1]), len(Buffer.from("7")),
      ]),
    );
    expect(r?.md5OfMessageAttributes).toBe(expected);
    expect(md5OfMessageAttributes(r?.messageAttributes ?? {})).toBe(expected);
  });

  it("leaves md5OfMessageAttributes out when there are no attributes", () => {
    expect("md5OfMessageAttributes" in (sqsBatch(["x"]).Records[0] ?? {})).toBe(false);
  });

  it("adds FIFO attributes for a .fifo queue, sequence numbers increasing", () => {
    const e = sqsBatch([{ body: "a", messageGroupId: "g1" }, "b"], { queueName: "jobs.fifo" });
    const [a, b] = e.Records;
    expect(a?.eventSourceARN).toBe("arn:aws:sqs:us-east-1:123456789012:jobs.fifo");
    expect([a?.attributes.MessageGroupId, b?.attributes.MessageGroupId]).toEqual(["g1", "default"]);
    expect(BigInt(b?.attributes.SequenceNumber ?? 0) > BigInt(a?.attributes.SequenceNumber ?? 0)).toBe(true);
    expect(a?.attributes.MessageDeduplicationId).toBe(createHash("sha256").update("a").digest("hex"));
    expect(sqsBatch(["a"]).Records[0]?.attributes.MessageGroupId).toBeUndefined();
  });

  it("lets a message override system attributes and its id", () => {
    const r = sqsBatch([{ body: "x", attributes: { ApproximateReceiveCount: "3" }, messageId: "m-1" }]).Records[0];
    expect([r?.attributes.ApproximateReceiveCount, r?.messageId]).toEqual(["3", "m-1"]);
  });
});

describe("snsNotification", () => {
  it("publishes the message (JSON for objects) to the topic, with typed attributes and the subject only when given", () => {
    const e = snsNotification({ message: { a: 1 }, topicName: "alerts", messageAttributes: { kind: "x", level: 3 } });
    const sns = e.Records[0]?.Sns;
    expect([sns?.Message, sns?.TopicArn, sns?.Type]).toEqual(['{"a":1}', "arn:aws:sns:us-east-1:123456789012:alerts", "Notification"]);
    expect(sns?.MessageAttributes).toEqual({ kind: { Type: "String", Value: "x" }, level: { Type: "Number", Value: "3" } });
    expect("Subject" in (sns ?? {})).toBe(false);
    expect(snsNotification({ subject: "Hi" }).Records[0]?.Sns.Subject).toBe("Hi");
    expect(e.Records[0]?.EventSubscriptionArn.startsWith(`${sns?.TopicArn}:`)).toBe(true);
  });
});

describe("eventBridge / scheduledEvent", () => {
  it("builds a custom event with second-precision time", () => {
    const e = eventBridge({ source: "com.example.app", detailType: "User Signed Up", detail: { userId: "u1" } });
    expect(e).toMatchObject({ source: "com.example.app", "detail-type": "User Signed Up", detail: { userId: "u1" }, time: "2026-01-15T09:30:00Z", version: "0" });
  });

  it("builds what a schedule rule sends", () => {
    const e = scheduledEvent({ rule: "nightly" });
    expect(e).toMatchObject({ source: "aws.events", "detail-type": "Scheduled Event", detail: {}, resources: ["arn:aws:events:us-east-1:123456789012:rule/nightly"] });
  });
});

describe("Amazon MQ", () => {
  it("ActiveMQ: base64 data, per-message ids, properties when given", () => {
    const e = activeMq(["a", { data: { n: 1 }, properties: { p: "1" } }], { queue: "q1" });
    expect(e.messages.map((m) => decode(m.data))).toEqual(["a", '{"n":1}']);
    expect(e.messages[1]?.properties).toEqual({ p: "1" });
    expect(e.messages[0]?.destination.physicalName).toBe("q1");
    expect(new Set(e.messages.map((m) => m.messageID)).size).toBe(2);
    expect(e.eventSourceArn).toMatch(/^arn:aws:mq:us-east-1:123456789012:broker:my-broker:b-[0-9a-f-]{36}$/);
  });

  it("RabbitMQ: messages under queue::vhost, string headers as bytes, body size in bytes", () => {
    const e = rabbitMq([{ data: "héllo", headers: { h: "v", n: 1 } }], { queue: "jobs", virtualHost: "prod" });
    const m = e.rmqMessagesByQueue["jobs::prod"]?.[0];
    expect(decode(m?.data)).toBe("héllo");
    expect(m?.basicProperties.headers).toEqual({ h: { bytes: [118] }, n: 1 });
    expect(m?.basicProperties.bodySize).toBe(6);
  });
});
