// Kinesis shard assignment (Kinesis DG key-concepts: "MD5 hash function is used to map partition
// keys to 128-bit integer values and to map associated data records to shards") and stream records.
import { describe, expect, it } from "vitest";
import { KinesisStream } from "./shards";

const names = { region: "us-east-1", accountId: "123456789012" };

describe("Kinesis shards", () => {
  it("a partition key goes to the shard whose hash-key range holds MD5(key)", () => {
    const s = new KinesisStream("Clicks", "clicks", "arn:aws:kinesis:us-east-1:123456789012:stream/clicks", 2, (t) => t, names);
    // MD5("a") = 0cc175b9… (lower half of the 128-bit space); MD5("b") = 92eb5ffe… (upper half).
    expect(s.shardFor("a").id).toBe("shardId-000000000000");
    expect(s.shardFor("b").id).toBe("shardId-000000000001");
  });

  it("records get increasing sequence numbers and the event-record form Lambda delivers", () => {
    const s = new KinesisStream("Clicks", "clicks", "arn:aws:kinesis:us-east-1:123456789012:stream/clicks", 1, (t) => Date.UTC(2026, 0, 1) + t, names);
    const a = s.put("hello", "k", 10);
    const b = s.put("world", "k", 10.5);
    expect(BigInt(b.SequenceNumber) > BigInt(a.SequenceNumber)).toBe(true);
    const rec = s.shards[0]!.records[0]!.record as { kinesis: { data: string; partitionKey: string; sequenceNumber: string }; eventSourceARN: string; eventID: string };
    expect(atob(rec.kinesis.data)).toBe("hello");
    expect(rec.kinesis.partitionKey).toBe("k");
    expect(rec.eventID).toBe(`shardId-000000000000:${a.SequenceNumber}`);
    expect(rec.eventSourceARN).toBe("arn:aws:kinesis:us-east-1:123456789012:stream/clicks");
  });
});
