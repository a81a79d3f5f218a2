/**
 * Builders for storage and messaging events: S3 notifications, SQS batches, SNS notifications,
 * EventBridge events (custom and scheduled) and Amazon MQ batches (ActiveMQ, RabbitMQ).
 */
import type {
  EventBridgeEvent,
  S3Event,
  S3EventRecord,
  ScheduledEvent,
  SNSEvent,
  SNSMessageAttributes,
  SQSEvent,
  SQSMessageAttribute,
  SQSMessageAttributes,
  SQSRecord,
} from "aws-lambda";
import { type CommonOptions, arn, isoMs, isoSeconds, world } from "./defaults";
import { base64FromSeed, base64ToBytes, bytesFromSeed, bytesToBase64, charsFromSeed, hexFromSeed, md5Hex, sha256Hex, toBase64, utf8, uuidFromSeed } from "./encoding";
import type { ActiveMQEvent, ActiveMQMessage, RabbitMQEvent, RabbitMQMessage, S3ObjectRemovedEvent } from "./types";

const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** A message body: strings as is, anything else as JSON. */
export type MessageBody = string | Record<string, unknown> | readonly unknown[] | number | boolean;

function bodyText(body: MessageBody): string {
  return typeof body === "string" ? body : JSON.stringify(body);
}

// ---------------------------------------------------------------------------------------------
// S3 — https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html

/** Options of {@link s3Put} and {@link s3Delete}. */
export interface S3ObjectInput extends CommonOptions {
  /** Default `my-bucket`. */
  bucket?: string;
  /**
   * The object key, as stored. Default `uploads/photo.jpg`. The event carries it URL-encoded the
   * way S3 sends it ({@link s3EncodeKey}): `my photos/a(1).jpg` → `my+photos/a%281%29.jpg`.
   */
  key?: string;
  /** Object size in bytes (put only). Default 1024. */
  size?: number;
  /** Version id when the bucket is versioned; left out otherwise. */
  versionId?: string;
  /** Default `ObjectCreated:Put` / `ObjectRemoved:Delete`. */
  eventName?: string;
  /** The notification configuration's id. Default derived from the bucket. */
  configurationId?: string;
}

/**
 * An object key as S3 notifications carry it: form-URL-encoded (space → `+`, `(`, `)`, `'`, `!`
 * and non-ASCII percent-encoded) with `/` kept. Handlers must undo it —
 * `decodeURIComponent(key.replace(/\+/g, " "))` — a classic bug lessons can show.
 */
export function s3EncodeKey(key: string): string {
  return encodeURIComponent(key)
    .replace(/%2F/g, "/")
    .replace(/%20/g, "+")
    .replace(/[()'!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function s3RecordBase(input: S3ObjectInput, eventName: string) {
  const w = world(input);
  const bucket = input.bucket ?? "my-bucket";
  const key = input.key ?? "uploads/photo.jpg";
  const seed = `s3:${bucket}:${key}:${eventName}:${w.ms}`;
  return {
    w,
    bucket,
    key: s3EncodeKey(key),
    seed,
    record: {
      eventVersion: "2.1",
      eventSource: "aws:s3",
      awsRegion: w.region,
      eventTime: isoMs(w.ms),
      eventName,
      userIdentity: { principalId: `AWS:AIDA${charsFromSeed(`${w.accountId}:user`, 17, UPPER_ALNUM)}` },
      requestParameters: { sourceIPAddress: "203.0.113.10" },
      responseElements: {
        "x-amz-request-id": hexFromSeed(`${seed}:request`, 16).toUpperCase(),
        "x-amz-id-2": base64FromSeed(`${seed}:id2`, 56),
      },
    },
    s3: {
      s3SchemaVersion: "1.0",
      configurationId: input.configurationId ?? uuidFromSeed(`s3-notification:${bucket}`),
      bucket: {
        name: bucket,
        ownerIdentity: { principalId: charsFromSeed(`${w.accountId}:canonical`, 14, UPPER_ALNUM) },
        arn: `arn:aws:s3:::${bucket}`,
      },
    },
    // S3's sequencer: hex, increasing with time for the same key.
    sequencer: (w.ms * 1000).toString(16).toUpperCase().padStart(18, "0"),
  };
}

/**
 * An S3 `ObjectCreated:Put` notification with one record.
 *
 * @example
 * const event = s3Put({ bucket: "invoices", key: "2026/01/inv-7.pdf", size: 52133 });
 * event.Records[0]?.s3.object.key; // "2026/01/inv-7.pdf"
 */
export function s3Put(input: S3ObjectInput = {}): S3Event {
  const base = s3RecordBase(input, input.eventName ?? "ObjectCreated:Put");
  const record: S3EventRecord = {
    ...base.record,
    s3: {
      ...base.s3,
      object: {
        key: base.key,
        size: input.size ?? 1024,
        eTag: md5Hex(`${base.bucket}/${base.key}:${input.size ?? 1024}`),
        ...(input.versionId !== undefined && { versionId: input.versionId }),
        sequencer: base.sequencer,
      },
    },
  };
  return { Records: [record] };
}

/**
 * An S3 `ObjectRemoved:Delete` notification with one record. Removal records carry no `size` and
 * no `eTag`, so the type is {@link S3ObjectRemovedEvent} rather than `S3Event`.
 */
export function s3Delete(input: S3ObjectInput = {}): S3ObjectRemovedEvent {
  const base = s3RecordBase(input, input.eventName ?? "ObjectRemoved:Delete");
  return {
    Records: [
      {
        ...base.record,
        s3: {
          ...base.s3,
          object: {
            key: base.key,
            ...(input.versionId !== undefined && { versionId: input.versionId }),
            sequencer: base.sequencer,
          },
        },
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// SQS — https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html

/** A message attribute: a string, a number, bytes, or the full SQS form. */
export type SqsAttributeInput = string | number | Uint8Array | { dataType: string; stringValue?: string; binaryValue?: string };

/** One SQS message for {@link sqsBatch}. */
export interface SqsMessageInput {
  body: MessageBody;
  /** Overrides of the system attributes (`ApproximateReceiveCount`, `AWSTraceHeader`, …). */
  attributes?: Partial<SQSRecord["attributes"]>;
  messageAttributes?: Record<string, SqsAttributeInput>;
  messageId?: string;
  /** FIFO queues only. Default `default`. */
  messageGroupId?: string;
  /** FIFO queues only. Default: content-based, the SHA-256 of the body. */
  messageDeduplicationId?: string;
}

/** Options of {@link sqsBatch}. */
export interface SqsBatchOptions extends CommonOptions {
  /** Default `my-queue`; a name ending in `.fifo` adds the FIFO attributes. */
  queueName?: string;
}

function sqsAttribute(value: SqsAttributeInput): SQSMessageAttribute {
  if (typeof value === "string") return { stringValue: value, stringListValues: [], binaryListValues: [], dataType: "String" };
  if (typeof value === "number") return { stringValue: String(value), stringListValues: [], binaryListValues: [], dataType: "Number" };
  if (value instanceof Uint8Array) return { binaryValue: bytesToBase64(value), stringListValues: [], binaryListValues: [], dataType: "Binary" };
  return { ...value, stringListValues: [], binaryListValues: [] };
}

/**
 * The MD5 SQS reports as `md5OfMessageAttributes`: over the attributes sorted by name, each encoded
 * as length-prefixed name, length-prefixed data type, a transport byte (1 string, 2 binary) and the
 * length-prefixed value (lengths 4-byte big-endian).
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-message-metadata.html#sqs-attributes-md5-message-digest-calculation
 */
export function md5OfMessageAttributes(attributes: SQSMessageAttributes): string {
  const parts: Uint8Array[] = [];
  const withLength = (bytes: Uint8Array) => {
    const len = new Uint8Array(4);
    new DataView(len.buffer).setUint32(0, bytes.length);
    parts.push(len, bytes);
  };
  for (const name of Object.keys(attributes).sort()) {
    const a = attributes[name] as SQSMessageAttribute;
    withLength(utf8(name));
    withLength(utf8(a.dataType));
    if (a.binaryValue !== undefined) {
      parts.push(Uint8Array.of(2));
      withLength(base64ToBytes(a.binaryValue));
    } else {
      parts.push(Uint8Array.of(1));
      withLength(utf8(a.stringValue ?? ""));
    }
  }
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    all.set(p, offset);
    offset += p.length;
  }
  return md5Hex(all);
}

/**
 * An SQS batch as an event source mapping delivers it: one record per message, with the real MD5
 * of each body, messages sent 10 ms apart and received 2 ms after sending.
 *
 * @example
 * const event = sqsBatch(["first", { body: { orderId: 7 }, messageAttributes: { priority: "high" } }]);
 * event.Records.length; // 2
 */
export function sqsBatch(messages: ReadonlyArray<MessageBody | SqsMessageInput> = ["Hello from SQS!"], options: SqsBatchOptions = {}): SQSEvent {
  const w = world(options);
  const queueName = options.queueName ?? "my-queue";
  const fifo = queueName.endsWith(".fifo");
  const queueArn = arn("sqs", w, queueName);
  return {
    Records: messages.map((m, i): SQSRecord => {
      const msg: SqsMessageInput = typeof m === "object" && m !== null && !Array.isArray(m) && "body" in m ? (m as SqsMessageInput) : { body: m as MessageBody };
      const body = bodyText(msg.body);
      const sent = w.ms + i * 10;
      const seed = `sqs:${queueArn}:${i}:${w.ms}`;
      const messageAttributes: SQSMessageAttributes = {};
      for (const [name, value] of Object.entries(msg.messageAttributes ?? {})) messageAttributes[name] = sqsAttribute(value);
      const hasAttributes = Object.keys(messageAttributes).length > 0;
      return {
        messageId: msg.messageId ?? uuidFromSeed(`${seed}:message`),
        // Receipt handles are opaque base64 starting "AQEB" (bytes 01 01 01).
        receiptHandle: bytesToBase64(Uint8Array.of(1, 1, 1, ...bytesFromSeed(`${seed}:receipt`, 126))),
        body,
        attributes: {
          ApproximateReceiveCount: "1",
          SentTimestamp: String(sent),
          ...(fifo && {
            SequenceNumber: (18849496460467696128n + BigInt(i)).toString(),
            MessageGroupId: msg.messageGroupId ?? "default",
            // Content-based deduplication: the SHA-256 of the body.
            MessageDeduplicationId: msg.messageDeduplicationId ?? sha256Hex(body),
          }),
          SenderId: `AIDA${charsFromSeed(`${w.accountId}:user`, 17, UPPER_ALNUM)}`,
          ApproximateFirstReceiveTimestamp: String(sent + 2),
          ...msg.attributes,
        },
        messageAttributes,
        md5OfBody: md5Hex(body),
        ...(hasAttributes && { md5OfMessageAttributes: md5OfMessageAttributes(messageAttributes) }),
        eventSource: "aws:sqs",
        eventSourceARN: queueArn,
        awsRegion: w.region,
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// SNS — https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html

/** Options of {@link snsNotification}. */
export interface SnsInput extends CommonOptions {
  /** Default `Hello from SNS!`; non-strings are sent as JSON. */
  message?: MessageBody;
  subject?: string;
  /** Attribute name → string, number, or `{ Type, Value }`. */
  messageAttributes?: Record<string, string | number | { Type: string; Value: string }>;
  /** Default `my-topic`. */
  topicName?: string;
  messageId?: string;
}

/**
 * An SNS notification delivered to a Lambda subscription (one record).
 *
 * @example
 * snsNotification({ message: { orderId: 7 }, subject: "Order placed" }).Records[0]?.Sns.Message; // '{"orderId":7}'
 */
export function snsNotification(input: SnsInput = {}): SNSEvent {
  const w = world(input);
  const topicArn = arn("sns", w, input.topicName ?? "my-topic");
  const subscriptionArn = `${topicArn}:${uuidFromSeed(`sns-subscription:${topicArn}`)}`;
  const attributes: SNSMessageAttributes = {};
  for (const [name, v] of Object.entries(input.messageAttributes ?? {})) {
    attributes[name] = typeof v === "string" ? { Type: "String", Value: v } : typeof v === "number" ? { Type: "Number", Value: String(v) } : v;
  }
  const message = bodyText(input.message ?? "Hello from SNS!");
  const seed = `sns:${topicArn}:${message}:${w.ms}`;
  return {
    Records: [
      {
        EventVersion: "1.0",
        EventSubscriptionArn: subscriptionArn,
        EventSource: "aws:sns",
        Sns: {
          SignatureVersion: "1",
          Timestamp: isoMs(w.ms),
          Signature: base64FromSeed(`${seed}:signature`, 256), // an RSA-2048 signature is 256 bytes
          SigningCertUrl: `https://sns.${w.region}.amazonaws.com/SimpleNotificationService-${hexFromSeed("sns-cert", 32)}.pem`,
          MessageId: input.messageId ?? uuidFromSeed(`${seed}:message`),
          Message: message,
          MessageAttributes: attributes,
          Type: "Notification",
          UnsubscribeUrl: `https://sns.${w.region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${subscriptionArn}`,
          TopicArn: topicArn,
          ...(input.subject !== undefined && { Subject: input.subject }),
        },
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// EventBridge — https://docs.aws.amazon.com/eventbridge/latest/ref/overiew-event-structure.html

/** Options of {@link eventBridge}. */
export interface EventBridgeInput<TDetailType extends string, TDetail> extends CommonOptions {
  /** Default `com.example.orders`. */
  source?: string;
  /** Default `Order Placed`. */
  detailType?: TDetailType;
  detail?: TDetail;
  resources?: string[];
  id?: string;
}

/**
 * An EventBridge event as a rule target receives it (`time` at second precision).
 *
 * @example
 * eventBridge({ source: "com.example.orders", detailType: "Order Placed", detail: { orderId: "o-1" } });
 */
export function eventBridge<TDetailType extends string = "Order Placed", TDetail = Record<string, unknown>>(
  input: EventBridgeInput<TDetailType, TDetail> = {},
): EventBridgeEvent<TDetailType, TDetail> {
  const w = world(input);
  const source = input.source ?? "com.example.orders";
  const detailType = input.detailType ?? ("Order Placed" as TDetailType);
  const detail =
    input.detail ??
    ({ orderId: "o-1001", customerId: "c-42", total: 59.9, currency: "USD", items: [{ sku: "BOOK-1", quantity: 2 }] } as TDetail);
  return {
    version: "0",
    id: input.id ?? uuidFromSeed(`eventbridge:${source}:${detailType}:${JSON.stringify(detail)}:${w.ms}`),
    "detail-type": detailType,
    source,
    account: w.accountId,
    time: isoSeconds(w.ms),
    region: w.region,
    resources: input.resources ?? [],
    detail,
  };
}

/** Options of {@link scheduledEvent}. */
export interface ScheduledEventInput extends CommonOptions {
  /** Rule name. Default `my-schedule`. */
  rule?: string;
  id?: string;
}

/**
 * What an EventBridge schedule rule (`rate(…)` / `cron(…)`) sends: `source: "aws.events"`,
 * `detail-type: "Scheduled Event"`, the rule ARN in `resources`, an empty `detail`.
 * Follows https://docs.aws.amazon.com/lambda/latest/dg/with-eventbridge-scheduler.html
 */
export function scheduledEvent(input: ScheduledEventInput = {}): ScheduledEvent<Record<string, never>> {
  const w = world(input);
  const ruleArn = arn("events", w, `rule/${input.rule ?? "my-schedule"}`);
  return {
    version: "0",
    id: input.id ?? uuidFromSeed(`schedule:${ruleArn}:${w.ms}`),
    "detail-type": "Scheduled Event",
    source: "aws.events",
    account: w.accountId,
    time: isoSeconds(w.ms),
    region: w.region,
    resources: [ruleArn],
    detail: {},
  };
}

// ---------------------------------------------------------------------------------------------
// Amazon MQ — https://docs.aws.amazon.com/lambda/latest/dg/with-mq.html

/** Options of {@link activeMq} and {@link rabbitMq}. */
export interface MqOptions extends CommonOptions {
  /** Default `my-broker`. */
  brokerName?: string;
  /** Default `orders`. */
  queue?: string;
}

function brokerIds(options: MqOptions) {
  const w = world(options);
  const name = options.brokerName ?? "my-broker";
  const brokerId = `b-${uuidFromSeed(`mq-broker:${name}`)}`;
  return { w, brokerId, brokerArn: arn("mq", w, `broker:${name}:${brokerId}`), queue: options.queue ?? "orders" };
}

/** One ActiveMQ message: text, or the text plus JMS properties. */
export type ActiveMqMessageInput = string | { data: MessageBody; properties?: Record<string, string>; correlationId?: string };

/** An Amazon MQ for ActiveMQ batch (`aws:mq`); message bodies are base64 in `data`. */
export function activeMq(messages: readonly ActiveMqMessageInput[] = ["Hello from ActiveMQ!"], options: MqOptions = {}): ActiveMQEvent {
  const { w, brokerId, brokerArn, queue } = brokerIds(options);
  return {
    eventSource: "aws:mq",
    eventSourceArn: brokerArn,
    messages: messages.map((m, i): ActiveMQMessage => {
      const msg = typeof m === "string" ? { data: m } : m;
      const sent = w.ms + i * 10;
      return {
        messageID: `ID:${brokerId}-1.mq.${w.region}.amazonaws.com-37557-${w.ms}-4:1:1:1:${i + 1}`,
        messageType: "jms/text-message",
        deliveryMode: 1,
        replyTo: null,
        type: null,
        expiration: "60000",
        priority: 1,
        correlationId: msg.correlationId ?? null,
        redelivered: false,
        destination: { physicalName: queue },
        data: toBase64(bodyText(msg.data)),
        timestamp: sent,
        brokerInTime: sent,
        brokerOutTime: sent + 1,
        ...(msg.properties && { properties: msg.properties }),
      };
    }),
  };
}

/** One RabbitMQ message: text, or the text plus string headers. */
export type RabbitMqMessageInput = string | { data: MessageBody; headers?: Record<string, string | number | boolean>; contentType?: string };

/**
 * An Amazon MQ for RabbitMQ batch (`aws:rmq`), grouped under `"<queue>::<virtual host>"`; string
 * header values arrive as byte arrays, message bodies as base64.
 */
export function rabbitMq(
  messages: readonly RabbitMqMessageInput[] = ["Hello from RabbitMQ!"],
  options: MqOptions & { virtualHost?: string } = {},
): RabbitMQEvent {
  const { brokerArn, queue } = brokerIds(options);
  const list = messages.map((m): RabbitMQMessage => {
    const msg = typeof m === "string" ? { data: m } : m;
    const text = bodyText(msg.data);
    const headers: RabbitMQMessage["basicProperties"]["headers"] = {};
    for (const [k, v] of Object.entries(msg.headers ?? {})) headers[k] = typeof v === "string" ? { bytes: [...utf8(v)] } : v;
    return {
      basicProperties: {
        contentType: msg.contentType ?? (typeof msg.data === "string" ? "text/plain" : "application/json"),
        contentEncoding: null,
        headers,
        deliveryMode: 1,
        priority: 0,
        correlationId: null,
        replyTo: null,
        expiration: null,
        messageId: null,
        timestamp: null,
        type: null,
        userId: null,
        appId: null,
        clusterId: null,
        bodySize: utf8(text).length,
      },
      redelivered: false,
      data: toBase64(text),
    };
  });
  return { eventSource: "aws:rmq", eventSourceArn: brokerArn, rmqMessagesByQueue: { [`${queue}::${options.virtualHost ?? "/"}`]: list } };
}
