/**
 * A simulated SNS topic (SNS DG sns-lambda-as-subscriber, sns-sqs-as-subscriber,
 * sns-large-payload-raw-message-delivery, sns-message-filtering): a publish reaches every
 * subscription whose filter policy matches — a Lambda function as an asynchronous invocation with
 * the SNS event, an SQS queue as a message whose body is the SNS envelope (JSON) or, with
 * RawMessageDelivery, the message itself with the attributes as SQS message attributes.
 */
import type { SNSEvent } from "aws-lambda";
import { snsNotification } from "../../../events/messaging";
import type { ServiceHost } from "../../../service/service";
import { snsMessagePasses, type SnsAttributes, type SnsFilterPolicy } from "../patterns/filters";
import { RECURSION_LIMIT } from "../../../service/service";
import type { MessageAttributeValue, Queue } from "../sqs/queue";

/** A recursion chain: its first request id and how many invocations deep it is. */
export interface ChainToken {
  root: string;
  depth: number;
}

/** How topics and pollers follow chains through the hub (DG invocation-recursion). */
export interface TopicChains {
  /** The chain of the invocation `requestId` (depth 0 when nothing caused it). */
  parentOf(requestId: string): ChainToken;
  /** The invocation `childRequestId` continues `parent` (or starts a chain at depth 1). */
  continue(parent: ChainToken | undefined, childRequestId: string): void;
  stopped(time: number, fn: string, source: string, depth: number): void;
}

export interface Subscription {
  id: string;
  arn: string;
  protocol: "lambda" | "sqs";
  /** The function to invoke ("Fn" or "Fn:alias"), or the queue. */
  functionTarget?: string;
  functionId?: string;
  queue?: Queue;
  filter?: SnsFilterPolicy;
  raw: boolean;
  /**
   * Why SNS may not invoke the function (no AWS::Lambda::Permission for sns.amazonaws.com): each
   * delivery then fails with a client-side error, which SNS does not retry (SNS DG
   * sns-dead-letter-queues, https://docs.aws.amazon.com/sns/latest/dg/sns-dead-letter-queues.html).
   */
  denied?: string;
  /** The subscription's RedrivePolicy queue: undeliverable messages go there. */
  deadLetter?: Queue;
  delivered: number;
  filteredOut: number;
  /** Deliveries that failed (NumberOfNotificationsFailed). */
  failed: number;
}

export interface PublishInput {
  message: string;
  subject?: string;
  attributes?: SnsAttributes;
  /** Per-protocol messages (MessageStructure: json). */
  perProtocol?: Record<string, string>;
  origin: string;
  messageId: string;
  /** The request id of the invocation that published it (recursive loop detection). */
  sentBy?: string;
}

export class Topic {
  readonly subscriptions: Subscription[] = [];
  published = 0;
  readonly recent: { messageId: string; time: number; message: string; deliveredTo: string[]; filteredOut: string[]; failed: string[] }[] = [];

  /** Loop detection for deliveries to functions (set by the extension). */
  chains: TopicChains | undefined;

  constructor(
    readonly logicalId: string,
    readonly name: string,
    readonly arn: string,
    private readonly host: ServiceHost,
  ) {}

  subscribe(s: Omit<Subscription, "arn" | "delivered" | "filteredOut" | "failed">): Subscription {
    const sub: Subscription = { ...s, arn: `${this.arn}:${this.host.rng.uuid()}`, delivered: 0, filteredOut: 0, failed: 0 };
    this.subscriptions.push(sub);
    return sub;
  }

  /** Fan a message out at virtual time `t` (deliveries to functions are posted on the clock at `t`). */
  publish(t: number, input: PublishInput): void {
    this.published++;
    const entry = { messageId: input.messageId, time: t, message: input.message.slice(0, 1024), deliveredTo: [] as string[], filteredOut: [] as string[], failed: [] as string[] };
    if (this.recent.length < 100) this.recent.push(entry);
    for (const s of this.subscriptions) {
      const label = s.functionId ?? s.queue?.config.logicalId ?? s.id;
      if (!snsMessagePasses(s.filter, input.message, input.attributes)) {
        s.filteredOut++;
        entry.filteredOut.push(label);
        continue;
      }
      const message = input.perProtocol?.[s.protocol] ?? input.message;
      const event = this.lambdaEvent(t, s, { ...input, message });
      if (s.denied !== undefined) {
        // Lambda refuses the Invoke (403): a client-side error — counted, not retried, and kept in
        // the subscription's dead-letter queue when it has one (SNS DG sns-dead-letter-queues).
        s.failed++;
        entry.failed.push(label);
        const sns = (event.Records[0] as SNSEvent["Records"][number]).Sns;
        s.deadLetter?.send(t, { body: JSON.stringify(envelope(sns)), attributes: {}, origin: `sns:${this.logicalId}`, senderId: "AIDAIT2UOQQY3AUEKVGXU", messageId: this.host.rng.uuid() });
        continue;
      }
      s.delivered++;
      entry.deliveredTo.push(label);
      if (s.protocol === "lambda") {
        const target = s.functionTarget as string;
        const sentBy = input.sentBy;
        this.host.clock.at(t, async () => {
          // After 16 invocations in one chain Lambda stops the next (DG invocation-recursion: SNS is covered).
          const parent = sentBy === undefined ? undefined : this.chains?.parentOf(sentBy);
          if (parent && parent.depth + 1 > RECURSION_LIMIT) {
            this.chains?.stopped(t, s.functionId as string, this.logicalId, parent.depth + 1);
            return;
          }
          const r = await this.host.invoke(target, event, { type: "Event", trigger: `sns:${this.logicalId}` });
          this.chains?.continue(parent, r.requestId);
        });
      } else if (s.queue) {
        const sns = (event.Records[0] as SNSEvent["Records"][number]).Sns;
        const body = s.raw ? message : JSON.stringify(envelope(sns));
        const attrs: Record<string, MessageAttributeValue> = {};
        if (s.raw) for (const [k, a] of Object.entries(input.attributes ?? {})) if (a.StringValue !== undefined) attrs[k] = { DataType: a.DataType, StringValue: a.StringValue };
        s.queue.send(t, { body, attributes: attrs, origin: `sns:${this.logicalId}`, senderId: "AIDAIT2UOQQY3AUEKVGXU", messageId: this.host.rng.uuid(), ...(input.sentBy !== undefined ? { sentBy: input.sentBy } : {}) });
      }
    }
  }

  /** The SNS event a Lambda subscriber receives (DG with-sns). */
  lambdaEvent(t: number, s: Subscription, input: PublishInput): SNSEvent {
    const attrs: Record<string, { Type: string; Value: string }> = {};
    for (const [k, a] of Object.entries(input.attributes ?? {})) attrs[k] = { Type: a.DataType, Value: a.StringValue ?? String(a.BinaryValue ?? "") };
    const event = snsNotification({
      message: input.message,
      ...(input.subject !== undefined ? { subject: input.subject } : {}),
      messageAttributes: attrs,
      topicName: this.name,
      messageId: input.messageId,
      time: this.host.epoch(t),
      region: this.host.template.region,
      accountId: this.host.template.accountId,
    });
    const r = event.Records[0] as SNSEvent["Records"][number];
    r.EventSubscriptionArn = s.arn;
    r.Sns.UnsubscribeUrl = `https://sns.${this.host.template.region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${s.arn}`;
    if (input.subject === undefined) (r.Sns as { Subject: string | null }).Subject = null;
    return event;
  }
}

/** The JSON body an SQS subscriber receives without raw message delivery (SNS DG sns-sqs-as-subscriber). */
export function envelope(sns: SNSEvent["Records"][number]["Sns"]): Record<string, unknown> {
  return {
    Type: "Notification",
    MessageId: sns.MessageId,
    TopicArn: sns.TopicArn,
    ...(sns.Subject ? { Subject: sns.Subject } : {}),
    Message: sns.Message,
    Timestamp: sns.Timestamp,
    SignatureVersion: sns.SignatureVersion,
    Signature: sns.Signature,
    SigningCertURL: sns.SigningCertUrl,
    UnsubscribeURL: sns.UnsubscribeUrl,
    ...(Object.keys(sns.MessageAttributes).length ? { MessageAttributes: sns.MessageAttributes } : {}),
  };
}
