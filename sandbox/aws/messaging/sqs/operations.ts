/**
 * `@aws-sdk/client-sqs` operations on the simulated queues (SQS APIReference: API_SendMessage,
 * API_SendMessageBatch, API_ReceiveMessage, API_DeleteMessage, API_DeleteMessageBatch,
 * API_ChangeMessageVisibility, API_GetQueueAttributes, API_GetQueueUrl), with SQS's error codes
 * and messages.
 */
import { AwsServiceError, type AwsCallContext, type AwsServiceDefinition } from "../../sdk/hub";
import { charsFromSeed } from "../../../events/encoding";
import { lambdaAttributes, type MessageAttributeValue, type Queue, type SqsMessage } from "./queue";

/** 1 MiB, SQS's maximum message size since August 2025 (SQS DG quotas-messages). */
export const MAX_MESSAGE_BYTES = 1_048_576;
export const MAX_BATCH_ENTRIES = 10;

export interface SqsDirectory {
  byUrl(url: string): Queue | undefined;
  byName(name: string): Queue | undefined;
  /** Called after a message is enqueued by a function (report edges, chains). */
  sent?(queue: Queue, message: SqsMessage, ctx: AwsCallContext): void;
}

const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** The SenderId SQS records for a function's role session: `AROA…:<function name>`. */
export function functionSenderId(accountId: string, functionName: string): string {
  return `AROA${charsFromSeed(`${accountId}:${functionName}:role`, 17, UPPER_ALNUM)}:${functionName}`;
}

const err = (name: string, message: string, statusCode = 400) => new AwsServiceError(name, message, { statusCode });
// The SDK v3 (JSON protocol) names it QueueDoesNotExist; the query protocol's code is AWS.SimpleQueueService.NonExistentQueue.
const noQueue = () => new AwsServiceError("QueueDoesNotExist", "The specified queue does not exist.", { statusCode: 400, fields: { Code: "AWS.SimpleQueueService.NonExistentQueue", Type: "Sender" } });
const missing = (p: string) => err("MissingParameter", `The request must contain the parameter ${p}.`);
const invalidValue = (param: string, value: unknown, reason: string) => err("InvalidParameterValue", `Value ${typeof value === "string" ? value : JSON.stringify(value)} for parameter ${param} is invalid. Reason: ${reason}`);

function arnOfUrl(url: unknown, ctx: AwsCallContext): string {
  if (typeof url !== "string") return `arn:aws:sqs:${ctx.region}:${ctx.accountId}:*`;
  const m = /^https?:\/\/[^/]+\/(\d{12})\/([^/?]+)\/?$/.exec(url);
  return m ? `arn:aws:sqs:${ctx.region}:${m[1]}:${m[2]}` : `arn:aws:sqs:${ctx.region}:${ctx.accountId}:${url}`;
}

function intParam(input: Record<string, unknown>, name: string, min: number, max: number, reason?: string): number | undefined {
  const v = input[name];
  if (v === undefined) return undefined;
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) throw invalidValue(name, v, reason ?? `Must be between ${min} and ${max}, if provided.`);
  return v;
}

function attributesOf(v: unknown): Record<string, MessageAttributeValue> {
  if (v === undefined) return {};
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw err("InvalidParameterValue", "MessageAttributes must be a map of name to { DataType, StringValue | BinaryValue }");
  const out: Record<string, MessageAttributeValue> = {};
  const entries = Object.entries(v as Record<string, unknown>);
  if (entries.length > 10) throw err("InvalidParameterValue", `Number of message attributes [${entries.length}] exceeds the allowed maximum [10].`);
  for (const [name, a] of entries) {
    const attr = a as Partial<MessageAttributeValue> | null;
    if (!attr || typeof attr.DataType !== "string") throw err("InvalidParameterValue", `The message attribute '${name}' must contain non-empty message attribute type.`);
    if (!/^(String|Number|Binary)(\..+)?$/.test(attr.DataType)) throw err("InvalidParameterValue", `The type of message attribute '${name}' is invalid. You must use only the following supported type prefixes: Binary, Number, String.`);
    if (attr.StringValue === undefined && attr.BinaryValue === undefined) throw err("InvalidParameterValue", `The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${attr.DataType}'.`);
    if (attr.DataType.startsWith("Number") && !Number.isFinite(Number(attr.StringValue))) throw err("InvalidParameterValue", `Can't cast the value of message (user) attribute '${name}' to a number.`);
    out[name] = { DataType: attr.DataType, ...(attr.StringValue !== undefined ? { StringValue: String(attr.StringValue) } : {}), ...(attr.BinaryValue !== undefined ? { BinaryValue: attr.BinaryValue } : {}) };
  }
  return out;
}

interface SendEntry {
  MessageBody?: unknown;
  DelaySeconds?: unknown;
  MessageAttributes?: unknown;
  MessageGroupId?: unknown;
  MessageDeduplicationId?: unknown;
}

/** Validate and enqueue one message (SendMessage or an entry of SendMessageBatch). */
function sendOne(q: Queue, e: SendEntry, ctx: AwsCallContext): { message: SqsMessage; duplicate: boolean } {
  if (e.MessageBody === undefined || e.MessageBody === null) throw missing("MessageBody");
  if (typeof e.MessageBody !== "string" || e.MessageBody.length === 0) throw invalidValue("MessageBody", e.MessageBody, "Message must be shorter than 1048576 bytes and not empty.");
  const size = new TextEncoder().encode(e.MessageBody).length;
  if (size > q.config.maximumMessageSize) throw invalidValue("MessageBody", "(body)", `Message must be shorter than ${q.config.maximumMessageSize} bytes.`);
  const delay = intParam(e as Record<string, unknown>, "DelaySeconds", 0, 900, "Must be >= 0 and <= 900.");
  const fifo = q.config.fifo;
  if (fifo && delay !== undefined && delay > 0) throw invalidValue("DelaySeconds", delay, "The request include parameter that is not valid for this queue type.");
  if (fifo && (typeof e.MessageGroupId !== "string" || e.MessageGroupId === "")) throw missing("MessageGroupId");
  if (fifo && e.MessageDeduplicationId === undefined && !q.config.contentBasedDeduplication) {
    throw err("InvalidParameterValue", "The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
  }
  return q.send(ctx.time, {
    body: e.MessageBody,
    attributes: attributesOf(e.MessageAttributes),
    ...(delay !== undefined ? { delayS: delay } : {}),
    ...(fifo ? { groupId: e.MessageGroupId as string } : {}),
    ...(typeof e.MessageDeduplicationId === "string" ? { dedupId: e.MessageDeduplicationId } : {}),
    origin: ctx.fn.logicalId,
    senderId: functionSenderId(ctx.accountId, ctx.fn.functionName),
    messageId: ctx.host.rng.uuid(),
    ...(ctx.requestId !== undefined ? { sentBy: ctx.requestId } : {}),
  });
}

function sendOutput(m: SqsMessage) {
  return {
    MessageId: m.messageId,
    MD5OfMessageBody: m.md5OfBody,
    ...(m.md5OfMessageAttributes ? { MD5OfMessageAttributes: m.md5OfMessageAttributes } : {}),
    ...(m.sequenceNumber ? { SequenceNumber: m.sequenceNumber } : {}),
  };
}

/** Batch entries: 1–10, distinct ids of up to 80 alphanumerics, hyphens and underscores. */
function batchEntries(input: Record<string, unknown>): Record<string, unknown>[] {
  const entries = input.Entries;
  if (entries === undefined) throw missing("Entries");
  if (!Array.isArray(entries) || entries.length === 0) throw err("EmptyBatchRequest", "There should be at least one SendMessageBatchRequestEntry in the request.");
  if (entries.length > MAX_BATCH_ENTRIES) throw err("TooManyEntriesInBatchRequest", `Maximum number of entries per request are ${MAX_BATCH_ENTRIES}. You have sent ${entries.length}.`);
  const ids = new Set<string>();
  for (const e of entries as Record<string, unknown>[]) {
    if (typeof e?.Id !== "string" || !/^[A-Za-z0-9_-]{1,80}$/.test(e.Id)) throw err("InvalidBatchEntryId", "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.");
    if (ids.has(e.Id)) throw err("BatchEntryIdsNotDistinct", `Id ${e.Id} repeated.`);
    ids.add(e.Id);
  }
  return entries as Record<string, unknown>[];
}

const SYSTEM_ATTRIBUTES = ["ApproximateReceiveCount", "ApproximateFirstReceiveTimestamp", "SentTimestamp", "SenderId", "MessageDeduplicationId", "MessageGroupId", "SequenceNumber", "DeadLetterQueueSourceArn"];

function receivedMessage(m: SqsMessage, q: Queue, ctx: AwsCallContext, systemNames: string[], attrNames: string[]) {
  const all = systemNames.includes("All");
  const sys: Record<string, string> = {};
  const values: Record<string, string | undefined> = {
    ApproximateReceiveCount: String(m.receiveCount),
    ApproximateFirstReceiveTimestamp: String(ctx.host.epoch(m.firstReceiveAt ?? m.sentAt)),
    SentTimestamp: String(ctx.host.epoch(m.sentAt)),
    SenderId: m.senderId,
    MessageDeduplicationId: m.dedupId,
    MessageGroupId: m.groupId,
    SequenceNumber: m.sequenceNumber,
    DeadLetterQueueSourceArn: m.redrivenFrom,
  };
  for (const k of SYSTEM_ATTRIBUTES) if ((all || systemNames.includes(k)) && values[k] !== undefined) sys[k] = values[k];
  const wantAll = attrNames.includes("All") || attrNames.includes(".*");
  const msgAttrs: Record<string, MessageAttributeValue> = {};
  for (const [k, v] of Object.entries(m.attributes)) {
    if (wantAll || attrNames.includes(k) || attrNames.some((p) => p.endsWith(".*") && k.startsWith(p.slice(0, -2)))) msgAttrs[k] = v;
  }
  void q;
  return {
    MessageId: m.messageId,
    ReceiptHandle: m.receipt,
    MD5OfBody: m.md5OfBody,
    Body: m.body,
    ...(Object.keys(sys).length ? { Attributes: sys } : {}),
    ...(Object.keys(msgAttrs).length ? { MessageAttributes: msgAttrs, MD5OfMessageAttributes: m.md5OfMessageAttributes } : {}),
  };
}

const QUEUE_ATTRIBUTES = [
  "ApproximateNumberOfMessages",
  "ApproximateNumberOfMessagesNotVisible",
  "ApproximateNumberOfMessagesDelayed",
  "CreatedTimestamp",
  "DelaySeconds",
  "LastModifiedTimestamp",
  "MaximumMessageSize",
  "MessageRetentionPeriod",
  "QueueArn",
  "ReceiveMessageWaitTimeSeconds",
  "RedrivePolicy",
  "VisibilityTimeout",
  "FifoQueue",
  "ContentBasedDeduplication",
  "SqsManagedSseEnabled",
];

function queueAttributes(q: Queue, ctx: AwsCallContext, names: string[]): Record<string, string> {
  const c = q.config;
  const d = q.depth(ctx.time);
  const values: Record<string, string | undefined> = {
    ApproximateNumberOfMessages: String(d.visible),
    ApproximateNumberOfMessagesNotVisible: String(d.inFlight),
    ApproximateNumberOfMessagesDelayed: String(d.delayed),
    CreatedTimestamp: String(Math.floor(ctx.host.epoch(0) / 1000)),
    LastModifiedTimestamp: String(Math.floor(ctx.host.epoch(0) / 1000)),
    DelaySeconds: String(c.delayS),
    MaximumMessageSize: String(c.maximumMessageSize),
    MessageRetentionPeriod: String(c.retentionS),
    QueueArn: c.arn,
    ReceiveMessageWaitTimeSeconds: String(c.receiveWaitS),
    RedrivePolicy: c.redrive ? JSON.stringify(c.redrive) : undefined,
    VisibilityTimeout: String(c.visibilityTimeoutS),
    FifoQueue: c.fifo ? "true" : undefined,
    ContentBasedDeduplication: c.fifo ? String(c.contentBasedDeduplication) : undefined,
    SqsManagedSseEnabled: "true",
  };
  const out: Record<string, string> = {};
  const all = names.includes("All");
  for (const n of names) if (n !== "All" && !QUEUE_ATTRIBUTES.includes(n)) throw err("InvalidAttributeName", `Unknown Attribute ${n}.`);
  for (const k of QUEUE_ATTRIBUTES) if ((all || names.includes(k)) && values[k] !== undefined) out[k] = values[k];
  return out;
}

/** The SQS service definition for the hub. */
export function sqsService(dir: SqsDirectory): AwsServiceDefinition {
  const queue = (input: Record<string, unknown>): Queue => {
    if (input.QueueUrl === undefined) throw missing("QueueUrl");
    const q = typeof input.QueueUrl === "string" ? dir.byUrl(input.QueueUrl) : undefined;
    if (!q) throw noQueue();
    return q;
  };
  const resource = (i: Record<string, unknown>, ctx: AwsCallContext) => dir.byUrl(String(i.QueueUrl))?.config.arn ?? arnOfUrl(i.QueueUrl, ctx);
  const handleOf = (q: Queue, h: unknown): { message?: SqsMessage; latest: boolean } => {
    if (typeof h !== "string" || h === "") throw missing("ReceiptHandle");
    const m = q.byHandle(h);
    if (!m) throw err("ReceiptHandleIsInvalid", `The input receipt handle "${h}" is not a valid receipt handle.`);
    return m;
  };
  return {
    package: "@aws-sdk/client-sqs",
    clientName: "SQSClient",
    exceptions: ["QueueDoesNotExist", "ReceiptHandleIsInvalid", "InvalidParameterValue", "MessageNotInflight", "EmptyBatchRequest", "TooManyEntriesInBatchRequest", "BatchEntryIdsNotDistinct", "InvalidAttributeName"],
    operations: {
      SendMessage: {
        action: "sqs:SendMessage",
        resource,
        run(input: Record<string, unknown>, ctx) {
          const q = queue(input);
          const { message } = sendOne(q, input, ctx);
          dir.sent?.(q, message, ctx);
          return sendOutput(message);
        },
      },
      SendMessageBatch: {
        action: "sqs:SendMessage",
        resource,
        run(input: Record<string, unknown>, ctx) {
          const q = queue(input);
          const entries = batchEntries(input);
          const total = entries.reduce((n, e) => n + (typeof e.MessageBody === "string" ? new TextEncoder().encode(e.MessageBody).length : 0), 0);
          if (total > MAX_MESSAGE_BYTES) throw err("BatchRequestTooLong", `Batch requests cannot be longer than ${MAX_MESSAGE_BYTES} bytes. You have sent ${total} bytes.`);
          const Successful: unknown[] = [];
          const Failed: unknown[] = [];
          for (const e of entries) {
            try {
              const { message } = sendOne(q, e, ctx);
              dir.sent?.(q, message, ctx);
              Successful.push({ Id: e.Id, ...sendOutput(message) });
            } catch (error) {
              if (!(error instanceof AwsServiceError)) throw error;
              Failed.push({ Id: e.Id, SenderFault: true, Code: error.name, Message: error.message });
            }
          }
          return { Successful, Failed };
        },
      },
      ReceiveMessage: {
        action: "sqs:ReceiveMessage",
        resource,
        run(input: Record<string, unknown>, ctx) {
          const q = queue(input);
          const max = intParam(input, "MaxNumberOfMessages", 1, 10) ?? 1;
          const vis = intParam(input, "VisibilityTimeout", 0, 43_200);
          intParam(input, "WaitTimeSeconds", 0, 20, "Must be >= 0 and <= 20, if provided.");
          const sys = [...((input.MessageSystemAttributeNames as string[] | undefined) ?? []), ...((input.AttributeNames as string[] | undefined) ?? [])];
          const names = (input.MessageAttributeNames as string[] | undefined) ?? [];
          const got = q.receive(ctx.time, max, vis === undefined ? undefined : vis * 1000);
          return { Messages: got.map((m) => receivedMessage(m, q, ctx, sys, names)) };
        },
        // Long polling returns at once when messages are there; an empty long poll waits WaitTimeSeconds.
        latencyMs: (input: Record<string, unknown>, output: { Messages: unknown[] }) => (output.Messages.length === 0 && typeof input.WaitTimeSeconds === "number" ? input.WaitTimeSeconds * 1000 : 10),
      },
      DeleteMessage: {
        action: "sqs:DeleteMessage",
        resource,
        run(input: Record<string, unknown>) {
          const q = queue(input);
          handleOf(q, input.ReceiptHandle);
          q.delete(input.ReceiptHandle as string);
          return {};
        },
      },
      DeleteMessageBatch: {
        action: "sqs:DeleteMessage",
        resource,
        run(input: Record<string, unknown>) {
          const q = queue(input);
          const entries = batchEntries(input);
          const Successful: unknown[] = [];
          const Failed: unknown[] = [];
          for (const e of entries) {
            try {
              handleOf(q, e.ReceiptHandle);
              q.delete(e.ReceiptHandle as string);
              Successful.push({ Id: e.Id });
            } catch (error) {
              if (!(error instanceof AwsServiceError)) throw error;
              Failed.push({ Id: e.Id, SenderFault: true, Code: error.name, Message: error.message });
            }
          }
          return { Successful, Failed };
        },
      },
      ChangeMessageVisibility: {
        action: "sqs:ChangeMessageVisibility",
        resource,
        run(input: Record<string, unknown>, ctx) {
          const q = queue(input);
          const h = handleOf(q, input.ReceiptHandle);
          if (input.VisibilityTimeout === undefined) throw missing("VisibilityTimeout");
          const v = intParam(input, "VisibilityTimeout", 0, 43_200, "Must be between 0 and 43200, if provided.") as number;
          const m = h.message;
          if (!m || !h.latest || !m.inFlight || m.visibleAt <= ctx.time) throw err("MessageNotInflight", "The message referred to isn't in flight.");
          q.changeVisibility(ctx.time, m, v);
          return {};
        },
      },
      GetQueueAttributes: {
        action: "sqs:GetQueueAttributes",
        resource,
        run(input: Record<string, unknown>, ctx) {
          const q = queue(input);
          const names = (input.AttributeNames as string[] | undefined) ?? ["All"];
          return { Attributes: queueAttributes(q, ctx, names) };
        },
      },
      GetQueueUrl: {
        action: "sqs:GetQueueUrl",
        resource: (i: Record<string, unknown>, ctx) => dir.byName(String(i.QueueName))?.config.arn ?? `arn:aws:sqs:${ctx.region}:${ctx.accountId}:${String(i.QueueName)}`,
        run(input: Record<string, unknown>) {
          if (input.QueueName === undefined) throw missing("QueueName");
          const q = dir.byName(String(input.QueueName));
          if (!q) throw noQueue();
          return { QueueUrl: q.config.url };
        },
      },
    },
  };
}

export { lambdaAttributes };
