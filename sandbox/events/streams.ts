/**
 * Builders for stream and log events: DynamoDB Streams, Kinesis Data Streams, Amazon MSK (Kafka),
 * Amazon Data Firehose transformation, and CloudWatch Logs subscriptions.
 */
import type {
  CloudWatchLogsDecodedData,
  CloudWatchLogsEvent,
  DynamoDBRecord,
  DynamoDBStreamEvent,
  FirehoseTransformationEvent,
  KinesisStreamEvent,
  KinesisStreamRecord,
  MSKEvent,
  MSKRecord,
} from "aws-lambda";
import { type CommonOptions, arn, epochSeconds, epochSecondsFraction, isoMs, isoSeconds, world } from "./defaults";
import { itemSize, marshallItem } from "./dynamodb";
import { bytesToBase64, gzipStored, hexFromSeed, utf8, uuidFromSeed } from "./encoding";
import type { MessageBody } from "./messaging";
import type { KinesisTumblingWindowEvent } from "./types";

function payloadBase64(data: MessageBody | Uint8Array): string {
  if (data instanceof Uint8Array) return bytesToBase64(data);
  return bytesToBase64(utf8(typeof data === "string" ? data : JSON.stringify(data)));
}

// ---------------------------------------------------------------------------------------------
// DynamoDB Streams — https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html

/** One item-level change for {@link dynamodbStream}; keys and images are plain JavaScript values. */
export interface DynamoDBChangeInput {
  eventName: "INSERT" | "MODIFY" | "REMOVE";
  keys: Record<string, unknown>;
  /** The item after the change (INSERT, MODIFY). Default: the keys alone. Keys are merged in. */
  newImage?: Record<string, unknown>;
  /** The item before the change (MODIFY, REMOVE). Default: the keys alone. Keys are merged in. */
  oldImage?: Record<string, unknown>;
  /** A REMOVE done by Time to Live: `userIdentity` names the DynamoDB service. */
  ttl?: boolean;
}

/** Options of {@link dynamodbStream}. */
export interface DynamoDBStreamOptions extends CommonOptions {
  /** Default `Orders`. */
  table?: string;
  /** Default `NEW_AND_OLD_IMAGES`. */
  streamViewType?: "KEYS_ONLY" | "NEW_IMAGE" | "OLD_IMAGE" | "NEW_AND_OLD_IMAGES";
  /** The stream label (when the stream was enabled). Default `2026-01-01T00:00:00.000`. */
  streamLabel?: string;
}

/**
 * A DynamoDB Streams batch: one record per change, keys and images marshalled to attribute-value
 * JSON, sequence numbers increasing, images present according to the stream view type, `SizeBytes`
 * computed with DynamoDB's item-size rules.
 *
 * @example
 * const event = dynamodbStream([
 *   { eventName: "MODIFY", keys: { pk: "ORDER#1" }, oldImage: { status: "new" }, newImage: { status: "paid" } },
 * ]);
 * event.Records[0]?.dynamodb?.NewImage; // { pk: { S: "ORDER#1" }, status: { S: "paid" } }
 */
export function dynamodbStream(changes: readonly DynamoDBChangeInput[] = [{ eventName: "INSERT", keys: { pk: "ORDER#1001" } }], options: DynamoDBStreamOptions = {}): DynamoDBStreamEvent {
  const w = world(options);
  const table = options.table ?? "Orders";
  const view = options.streamViewType ?? "NEW_AND_OLD_IMAGES";
  const streamArn = arn("dynamodb", w, `table/${table}/stream/${options.streamLabel ?? "2026-01-01T00:00:00.000"}`);
  return {
    Records: changes.map((c, i): DynamoDBRecord => {
      const keys = marshallItem(c.keys);
      const wantsNew = c.eventName !== "REMOVE" && (view === "NEW_IMAGE" || view === "NEW_AND_OLD_IMAGES");
      const wantsOld = c.eventName !== "INSERT" && (view === "OLD_IMAGE" || view === "NEW_AND_OLD_IMAGES");
      const newImage = wantsNew ? marshallItem({ ...c.keys, ...c.newImage }) : undefined;
      const oldImage = wantsOld ? marshallItem({ ...c.keys, ...c.oldImage }) : undefined;
      return {
        eventID: hexFromSeed(`ddb:${streamArn}:${w.ms}:${i}`, 32),
        eventName: c.eventName,
        eventVersion: "1.1",
        eventSource: "aws:dynamodb",
        awsRegion: w.region,
        dynamodb: {
          ApproximateCreationDateTime: epochSeconds(w.ms),
          Keys: keys,
          ...(newImage && { NewImage: newImage }),
          ...(oldImage && { OldImage: oldImage }),
          SequenceNumber: (400000000000000000000n + BigInt(epochSeconds(w.ms)) * 1000n + BigInt(i) * 100n).toString(),
          SizeBytes: itemSize(keys) + itemSize(newImage) + itemSize(oldImage),
          StreamViewType: view,
        },
        eventSourceARN: streamArn,
        ...(c.ttl && { userIdentity: { type: "Service", principalId: "dynamodb.amazonaws.com" } }),
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Kinesis — https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html

/** One Kinesis record: a payload (JSON if not a string or bytes), or the payload with its partition key. */
export type KinesisRecordInput = MessageBody | Uint8Array | { data: MessageBody | Uint8Array; partitionKey?: string };

/** Options of {@link kinesisRecords}. */
export interface KinesisOptions extends CommonOptions {
  /** Default `my-stream`. */
  stream?: string;
  /** Default `shardId-000000000000`. */
  shardId?: string;
  /** The function's execution role name (`invokeIdentityArn`). Default `my-function-role`. */
  role?: string;
}

/**
 * A Kinesis Data Streams batch from one shard: base64 `data`, sequence numbers increasing, arrival
 * times 5 ms apart in epoch seconds with a fraction, as Kinesis reports them.
 *
 * @example
 * const event = kinesisRecords([{ data: { temp: 21.5 }, partitionKey: "sensor-1" }]);
 * JSON.parse(atob(event.Records[0]!.kinesis.data)); // { temp: 21.5 }
 */
export function kinesisRecords(records: readonly KinesisRecordInput[] = ["Hello from Kinesis!"], options: KinesisOptions = {}): KinesisStreamEvent {
  const w = world(options);
  const streamArn = arn("kinesis", w, `stream/${options.stream ?? "my-stream"}`);
  const shardId = options.shardId ?? "shardId-000000000000";
  const base = 49590338271490256608559692538361571095921575989136588898n;
  return {
    Records: records.map((r, i): KinesisStreamRecord => {
      const rec =
        typeof r === "object" && r !== null && !(r instanceof Uint8Array) && !Array.isArray(r) && "data" in r
          ? (r as { data: MessageBody | Uint8Array; partitionKey?: string })
          : { data: r as MessageBody | Uint8Array };
      const sequenceNumber = (base + BigInt(i) * 1000000000000000000n).toString();
      return {
        kinesis: {
          kinesisSchemaVersion: "1.0",
          partitionKey: rec.partitionKey ?? String(i + 1),
          sequenceNumber,
          data: payloadBase64(rec.data),
          approximateArrivalTimestamp: epochSecondsFraction(w.ms + i * 5),
        },
        eventSource: "aws:kinesis",
        eventVersion: "1.0",
        eventID: `${shardId}:${sequenceNumber}`,
        eventName: "aws:kinesis:record",
        invokeIdentityArn: `arn:aws:iam::${w.accountId}:role/${options.role ?? "my-function-role"}`,
        awsRegion: w.region,
        eventSourceARN: streamArn,
      };
    }),
  };
}

/** Options of {@link kinesisTumblingWindow}. */
export interface KinesisTumblingWindowOptions extends KinesisOptions {
  /** `TumblingWindowInSeconds` (1–900). Default 300. */
  windowSeconds?: number;
  /** The state the previous invocation in this window returned. Default `{}`. */
  state?: Record<string, unknown>;
  /** The last invocation of the window: the function should act on the aggregate now. Default false. */
  isFinalInvokeForWindow?: boolean;
  /** The window ended early (e.g. the batch reached 6 MB or the shard was resharded). Default false. */
  isWindowTerminatedEarly?: boolean;
}

/**
 * A Kinesis batch delivered inside a tumbling window: the records plus `window` (start and end on
 * multiples of the window length, second precision), the aggregation `state` so far, and the
 * end-of-window flags. Follows https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-windows.html
 */
export function kinesisTumblingWindow(records?: readonly KinesisRecordInput[], options: KinesisTumblingWindowOptions = {}): KinesisTumblingWindowEvent {
  const w = world(options);
  const seconds = options.windowSeconds ?? 300;
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 900) throw new RangeError(`windowSeconds must be an integer from 1 to 900, got ${seconds}`);
  const start = Math.floor(w.ms / (seconds * 1000)) * seconds * 1000;
  const batch = kinesisRecords(records, options);
  return {
    ...batch,
    window: { start: isoSeconds(start), end: isoSeconds(start + seconds * 1000) },
    state: options.state ?? {},
    shardId: options.shardId ?? "shardId-000000000000",
    eventSourceARN: arn("kinesis", w, `stream/${options.stream ?? "my-stream"}`),
    isFinalInvokeForWindow: options.isFinalInvokeForWindow ?? false,
    isWindowTerminatedEarly: options.isWindowTerminatedEarly ?? false,
  };
}

// ---------------------------------------------------------------------------------------------
// Amazon MSK — https://docs.aws.amazon.com/lambda/latest/dg/with-msk.html

/** One Kafka record: a value, or value with key, partition and headers (strings become byte arrays). */
export type KafkaRecordInput = MessageBody | KafkaRecord;

/** The full form of a {@link KafkaRecordInput}. */
export interface KafkaRecord {
  value: MessageBody | Uint8Array;
  /** Default `key-<n>`. */
  key?: string;
  /** Default 0. */
  partition?: number;
  headers?: Record<string, string>;
}

/** Options of {@link mskRecords}. */
export interface MskOptions extends CommonOptions {
  /** Default `orders`. */
  topic?: string;
  /** Default `demo-cluster`. */
  cluster?: string;
  /** Offset of the first record in each partition. Default 100. */
  firstOffset?: number;
}

/**
 * An Amazon MSK batch: records grouped by `"<topic>-<partition>"`, key and value base64, headers as
 * arrays of `{ name: bytes[] }`, offsets increasing within a partition, timestamps in epoch ms.
 */
export function mskRecords(records: readonly KafkaRecordInput[] = ["Hello from Kafka!"], options: MskOptions = {}): MSKEvent {
  const w = world(options);
  const topic = options.topic ?? "orders";
  const cluster = options.cluster ?? "demo-cluster";
  const clusterId = `${uuidFromSeed(`msk:${cluster}`)}-2`;
  const grouped: Record<string, MSKRecord[]> = {};
  const nextOffset: Record<number, number> = {};
  records.forEach((r, i) => {
    const rec: KafkaRecord = typeof r === "object" && r !== null && !Array.isArray(r) && "value" in r ? (r as KafkaRecord) : { value: r as MessageBody };
    const partition = rec.partition ?? 0;
    const offset = (nextOffset[partition] ??= options.firstOffset ?? 100);
    nextOffset[partition] = offset + 1;
    (grouped[`${topic}-${partition}`] ??= []).push({
      topic,
      partition,
      offset,
      timestamp: w.ms + i * 5,
      timestampType: "CREATE_TIME",
      key: payloadBase64(rec.key ?? `key-${i + 1}`),
      value: payloadBase64(rec.value),
      headers: Object.entries(rec.headers ?? {}).map(([name, v]) => ({ [name]: [...utf8(v)] })),
    });
  });
  const broker = (n: number) => `b-${n}.${cluster}.a1bcde.c2.kafka.${w.region}.amazonaws.com:9092`;
  return {
    eventSource: "aws:kafka",
    eventSourceArn: arn("kafka", w, `cluster/${cluster}/${clusterId}`),
    bootstrapServers: `${broker(1)},${broker(2)}`,
    records: grouped,
  };
}

// ---------------------------------------------------------------------------------------------
// Firehose — https://docs.aws.amazon.com/firehose/latest/dev/data-transformation.html

/** Options of {@link firehoseTransformation}. */
export interface FirehoseOptions extends CommonOptions {
  /** Default `my-delivery-stream`. */
  deliveryStream?: string;
  invocationId?: string;
  /**
   * The Kinesis data stream the delivery stream reads from, if any: adds `sourceKinesisStreamArn`
   * and each record's `kinesisRecordMetadata` (shard, partition key, sequence numbers).
   */
  sourceKinesisStream?: string;
}

/**
 * The input of a Firehose data-transformation function: records with base64 `data` and
 * `approximateArrivalTimestamp` in epoch ms; the function must answer each `recordId`.
 */
export function firehoseTransformation(records: ReadonlyArray<MessageBody | Uint8Array> = ["Hello from Firehose!"], options: FirehoseOptions = {}): FirehoseTransformationEvent {
  const w = world(options);
  const streamArn = arn("firehose", w, `deliverystream/${options.deliveryStream ?? "my-delivery-stream"}`);
  const base = 49546986683135544286507457936321625675700192471156785154n;
  const source = options.sourceKinesisStream;
  return {
    invocationId: options.invocationId ?? uuidFromSeed(`firehose:${streamArn}:${w.ms}`),
    deliveryStreamArn: streamArn,
    ...(source !== undefined && { sourceKinesisStreamArn: arn("kinesis", w, `stream/${source}`) }),
    region: w.region,
    records: records.map((data, i) => ({
      recordId: (base + BigInt(i)).toString(),
      approximateArrivalTimestamp: w.ms + i * 5,
      data: payloadBase64(data),
      ...(source !== undefined && {
        kinesisRecordMetadata: {
          shardId: "shardId-000000000000",
          partitionKey: String(i + 1),
          approximateArrivalTimestamp: w.ms + i * 5,
          sequenceNumber: (49590338271490256608559692538361571095921575989136588898n + BigInt(i) * 1000000000000000000n).toString(),
          subsequenceNumber: "0",
        },
      }),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// CloudWatch Logs — https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/SubscriptionFilters.html

/** One log event: a message, or a message with its own timestamp (epoch ms) and id. */
export type LogEventInput = string | { message: string; timestamp?: number; id?: string };

/** Options of {@link cloudWatchLogs} and {@link cloudWatchLogsPayload}. */
export interface CloudWatchLogsOptions extends CommonOptions {
  /** Default `/aws/lambda/my-function`. */
  logGroup?: string;
  /** Default a Lambda-style stream name `YYYY/MM/DD/[$LATEST]<32 hex>`. */
  logStream?: string;
  /** Default `["my-subscription-filter"]`. */
  subscriptionFilters?: string[];
  /**
   * The gzip encoder. Default {@link gzipStored}: pure TypeScript, synchronous, deterministic, runs
   * in a browser; valid gzip, but without compression. Pass e.g. `zlib.gzipSync` in Node for
   * payloads the size AWS would send.
   */
  gzip?: (data: Uint8Array) => Uint8Array;
}

/** Lambda's own log lines for one invocation: what most subscriptions on `/aws/lambda/…` see. */
function lambdaLogLines(ms: number, requestId: string): string[] {
  return [
    `START RequestId: ${requestId} Version: $LATEST\n`,
    `${isoMs(ms + 3)}\t${requestId}\tINFO\tProcessing order o-1001\n`,
    `${isoMs(ms + 41)}\t${requestId}\tERROR\tPayment declined for order o-1001\n`,
    `END RequestId: ${requestId}\n`,
    `REPORT RequestId: ${requestId}\tDuration: 43.27 ms\tBilled Duration: 44 ms\tMemory Size: 128 MB\tMax Memory Used: 71 MB\t\n`,
  ];
}

const LINE_OFFSETS = [0, 3, 41, 44, 44];

/**
 * The decoded CloudWatch Logs subscription payload (`DATA_MESSAGE`): what a handler gets after
 * base64-decoding and gunzipping `awslogs.data`. Event ids are 56-digit strings, increasing.
 */
export function cloudWatchLogsPayload(logEvents?: readonly LogEventInput[], options: CloudWatchLogsOptions = {}): CloudWatchLogsDecodedData {
  const w = world(options);
  const logGroup = options.logGroup ?? "/aws/lambda/my-function";
  const day = isoMs(w.ms).slice(0, 10).replace(/-/g, "/");
  const logStream = options.logStream ?? `${day}/[$LATEST]${hexFromSeed(`log-stream:${logGroup}`, 32)}`;
  const lines: LogEventInput[] = logEvents
    ? [...logEvents]
    : lambdaLogLines(w.ms, uuidFromSeed(`cwl-request:${logGroup}:${w.ms}`)).map((message, i) => ({ message, timestamp: w.ms + (LINE_OFFSETS[i] ?? 0) }));
  const base = 31953106606966983378809025079804211143289615424298221568n;
  return {
    messageType: "DATA_MESSAGE",
    owner: w.accountId,
    logGroup,
    logStream,
    subscriptionFilters: options.subscriptionFilters ?? ["my-subscription-filter"],
    logEvents: lines.map((l, i) => {
      const e = typeof l === "string" ? { message: l } : l;
      const timestamp = e.timestamp ?? w.ms + i;
      return { id: e.id ?? (base + BigInt(timestamp - w.ms) * 10n ** 20n + BigInt(i)).toString(), timestamp, message: e.message };
    }),
  };
}

/**
 * A CloudWatch Logs subscription event: `awslogs.data` is base64 of gzip of the JSON payload
 * {@link cloudWatchLogsPayload} builds. With no `logEvents`, the payload holds the log lines of one
 * Lambda invocation (START, an INFO and an ERROR line, END, REPORT).
 *
 * @example
 * // In Node, decode it the way a handler does:
 * const payload = JSON.parse(zlib.gunzipSync(Buffer.from(cloudWatchLogs().awslogs.data, "base64")).toString());
 */
export function cloudWatchLogs(logEvents?: readonly LogEventInput[], options: CloudWatchLogsOptions = {}): CloudWatchLogsEvent {
  const payload = cloudWatchLogsPayload(logEvents, options);
  const gzip = options.gzip ?? gzipStored;
  return { awslogs: { data: bytesToBase64(gzip(utf8(JSON.stringify(payload)))) } };
}
