/**
 * Shards of the two stream services: Kinesis Data Streams (ShardCount shards, a record goes to the
 * shard whose hash-key range holds the MD5 of its partition key — Kinesis DG key-concepts) and a
 * DynamoDB table's stream (one shard in the simulator; DynamoDB keeps one per partition). Each
 * record keeps its arrival time and its event-record form, built with sandbox/events.
 */
import type { DynamoDBRecord, KinesisStreamRecord } from "aws-lambda";
import { md5Hex } from "../../../events/encoding";
import { dynamodbStream, kinesisRecords } from "../../../events/streams";
import { unmarshallItem } from "../../../events/dynamodb";
import type { ItemChange, TableDefinition } from "../dynamodb/table";

export interface StreamRecord {
  sequenceNumber: string;
  /** Virtual ms the record arrived in the stream. */
  time: number;
  partitionKey: string;
  /** The record as Lambda's event carries it. */
  record: DynamoDBRecord | KinesisStreamRecord;
  /** Size in bytes, for the 6 MB batch limit. */
  size: number;
}

export interface Shard {
  id: string;
  records: StreamRecord[];
}

export interface EventStream {
  kind: "dynamodb" | "kinesis";
  logicalId: string;
  name: string;
  arn: string;
  shards: Shard[];
  /** Called with the shard that got a record. */
  onRecord(listener: (shard: Shard) => void): void;
}

const HASH_SPACE = 2n ** 128n;

/** Sequence numbers grow with time and per stream; wide decimal strings like Kinesis' own. */
function sequence(base: bigint, n: number, time: number): string {
  return (base + BigInt(Math.floor(time)) * 1_000_000n + BigInt(n)).toString();
}

export class KinesisStream implements EventStream {
  readonly kind = "kinesis";
  readonly shards: Shard[];
  private readonly listeners: ((shard: Shard) => void)[] = [];
  private counter = 0;
  constructor(
    readonly logicalId: string,
    readonly name: string,
    readonly arn: string,
    shardCount: number,
    private readonly epoch: (time: number) => number,
    private readonly names: { region: string; accountId: string },
  ) {
    this.shards = Array.from({ length: shardCount }, (_, i) => ({ id: `shardId-${String(i).padStart(12, "0")}`, records: [] }));
  }

  onRecord(listener: (shard: Shard) => void): void {
    this.listeners.push(listener);
  }

  /** The shard whose hash-key range holds MD5(partitionKey) (ranges split the 128-bit space evenly). */
  shardFor(partitionKey: string): Shard {
    const hash = BigInt("0x" + md5Hex(partitionKey));
    const width = HASH_SPACE / BigInt(this.shards.length);
    const i = Number(hash / width);
    return this.shards[Math.min(i, this.shards.length - 1)]!;
  }

  put(data: Uint8Array | string, partitionKey: string, time: number): { ShardId: string; SequenceNumber: string } {
    const shard = this.shardFor(partitionKey);
    const seq = sequence(49_650_000_000_000_000_000_000_000_000_000_000_000_000n, ++this.counter, time);
    const [built] = kinesisRecords([{ data, partitionKey }], { stream: this.name, shardId: shard.id, time: this.epoch(time), ...this.names }).Records;
    const record: KinesisStreamRecord = { ...built!, kinesis: { ...built!.kinesis, sequenceNumber: seq }, eventID: `${shard.id}:${seq}`, eventSourceARN: this.arn };
    const size = typeof data === "string" ? new TextEncoder().encode(data).length : data.length;
    shard.records.push({ sequenceNumber: seq, time, partitionKey, record, size: size + partitionKey.length });
    for (const l of this.listeners) l(shard);
    return { ShardId: shard.id, SequenceNumber: seq };
  }
}

export class DynamoDBStream implements EventStream {
  readonly kind = "dynamodb";
  readonly shards: Shard[];
  readonly name: string;
  readonly arn: string;
  readonly logicalId: string;
  private readonly listeners: ((shard: Shard) => void)[] = [];
  private counter = 0;
  constructor(
    private readonly table: TableDefinition,
    private readonly epoch: (time: number) => number,
    private readonly names: { region: string; accountId: string },
  ) {
    this.logicalId = table.logicalId;
    this.name = table.name;
    this.arn = table.streamArn!;
    this.shards = [{ id: "shardId-00000001767225600000-00000001", records: [] }];
  }

  onRecord(listener: (shard: Shard) => void): void {
    this.listeners.push(listener);
  }

  /** One item-level change → one stream record with the images the StreamViewType asks for (DG Streams). */
  append(change: ItemChange): void {
    const shard = this.shards[0]!;
    const seq = sequence(100_000_000_000_000_000_000n, ++this.counter, change.time);
    const [built] = dynamodbStream(
      [{ eventName: change.eventName, keys: unmarshallItem(change.keys), ...(change.newImage && { newImage: unmarshallItem(change.newImage) }), ...(change.oldImage && { oldImage: unmarshallItem(change.oldImage) }) }],
      { table: this.table.name, streamViewType: this.table.streamViewType!, time: this.epoch(change.time), ...this.names },
    ).Records;
    const view = this.table.streamViewType!;
    // The builder marshals plain values; keep DynamoDB's own attribute values (exact numbers, binary).
    const dynamodb = {
      ...built!.dynamodb!,
      Keys: change.keys,
      ...(built!.dynamodb!.NewImage && change.newImage && (view === "NEW_IMAGE" || view === "NEW_AND_OLD_IMAGES") && { NewImage: change.newImage }),
      ...(built!.dynamodb!.OldImage && change.oldImage && (view === "OLD_IMAGE" || view === "NEW_AND_OLD_IMAGES") && { OldImage: change.oldImage }),
      SequenceNumber: seq,
    };
    const record = { ...built!, eventID: md5Hex(`${this.arn}:${seq}`), dynamodb, eventSourceARN: this.arn } as DynamoDBRecord;
    shard.records.push({ sequenceNumber: seq, time: change.time, partitionKey: JSON.stringify(change.keys), record, size: dynamodb.SizeBytes ?? 0 });
    for (const l of this.listeners) l(shard);
  }
}
