/**
 * One simulated SQS queue (SQS DG sqs-visibility-timeout, sqs-dead-letter-queues, FIFO-queues,
 * sqs-delay-queues): messages become visible after their delay, a received message is in flight
 * for the visibility timeout and comes back unless deleted, each receive counts
 * (ApproximateReceiveCount), and a message received `maxReceiveCount` times moves to the
 * dead-letter queue at its next receive. FIFO queues keep order within a message group and
 * return no message of a group while another of the group is in flight.
 *
 * Time is the run's virtual time (ms). A message sent "later" (an SDK call 50 ms into an
 * invocation) is stored at once but stays invisible until its time.
 */
import { md5Hex, sha256Hex } from "../../../events/encoding";
import { md5OfMessageAttributes } from "../../../events/messaging";
import type { SQSMessageAttributes } from "aws-lambda";
import { MinHeap } from "./heap";

/** A message attribute as the SDK sends it. */
export interface MessageAttributeValue {
  DataType: string;
  StringValue?: string;
  BinaryValue?: Uint8Array | string;
}

export interface SqsMessage {
  messageId: string;
  body: string;
  md5OfBody: string;
  attributes: Record<string, MessageAttributeValue>;
  md5OfMessageAttributes?: string;
  /**
   * Virtual ms of its enqueue time, on which retention counts. A standard queue's message keeps it
   * when it moves to a dead-letter queue; a FIFO queue's is reset (SQS DG setting-up-dead-letter-queue-retention).
   */
  sentAt: number;
  /** Virtual ms it entered this queue: ApproximateAgeOfOldestMessage counts from here. */
  enteredAt: number;
  visibleAt: number;
  receiveCount: number;
  firstReceiveAt?: number;
  groupId?: string;
  dedupId?: string;
  sequenceNumber?: string;
  senderId: string;
  receipt?: string;
  inFlight: boolean;
  state: "live" | "deleted" | "moved" | "expired";
  /** Who sent it: "stimulus", a function's logical id, "sns:Topic", "lambda:dlq"… */
  origin: string;
  ver: number;
  /** Where it came from when it was moved here by a redrive policy. */
  redrivenFrom?: string;
  /** The request id of the invocation that sent it (recursive loop detection, DG invocation-recursion). */
  sentBy?: string;
}

export interface QueueConfig {
  logicalId: string;
  name: string;
  arn: string;
  url: string;
  fifo: boolean;
  contentBasedDeduplication: boolean;
  visibilityTimeoutS: number;
  retentionS: number;
  delayS: number;
  receiveWaitS: number;
  maximumMessageSize: number;
  redrive?: { deadLetterTargetArn: string; maxReceiveCount: number };
}

export interface SendInput {
  body: string;
  attributes?: Record<string, MessageAttributeValue>;
  delayS?: number;
  groupId?: string;
  dedupId?: string;
  origin: string;
  senderId: string;
  messageId: string;
  sentBy?: string;
}

export interface SendResult {
  message: SqsMessage;
  /** A FIFO duplicate inside the 5-minute deduplication interval: accepted, not enqueued. */
  duplicate: boolean;
}

/** FIFO deduplication interval: 5 minutes (SQS DG FIFO-queues-exactly-once-processing). */
export const DEDUP_INTERVAL_MS = 5 * 60_000;

export class Queue {
  /** Live messages (not deleted, moved or expired), in send order. */
  readonly live = new Map<string, SqsMessage>();
  private readonly ready: SqsMessage[] = [];
  private readyHead = 0;
  private readonly waiting = new MinHeap<{ msg: SqsMessage; ver: number }>();
  private readonly groups = new Map<string, SqsMessage[]>();
  private readonly dedup = new Map<string, { at: number; message: SqsMessage }>();
  private sequence = 10_000_000_000_000_000_000n;
  /** Set by the extension: where redriven messages go, and who wants to know about visibility. */
  deadLetterQueue: Queue | undefined;
  private readonly wakers: ((at: number) => void)[] = [];
  readonly counts = { sent: 0, received: 0, deleted: 0, movedToDlq: 0, expired: 0, duplicates: 0, redrivenIn: 0, deliveredByLambda: 0 };
  /** Largest ApproximateAgeOfOldestMessage seen at a receive, ms. */
  maxAgeOfOldestMs = 0;
  /** Messages that left through the redrive policy or arrived by it, for the report (first 100). */
  readonly movedOut: { messageId: string; time: number; receiveCount: number }[] = [];

  constructor(readonly config: QueueConfig) {}

  /** Call `fn(at)` when a message may become visible at virtual time `at`. */
  onVisible(fn: (at: number) => void): void {
    this.wakers.push(fn);
  }

  private wake(at: number): void {
    for (const w of this.wakers) w(at);
  }

  send(t: number, input: SendInput): SendResult {
    const c = this.config;
    if (c.fifo) {
      const dedupId = input.dedupId ?? sha256Hex(input.body);
      const seen = this.dedup.get(dedupId);
      if (seen && t - seen.at < DEDUP_INTERVAL_MS) {
        this.counts.duplicates++;
        return { message: seen.message, duplicate: true };
      }
    }
    const attributes = input.attributes ?? {};
    const hasAttrs = Object.keys(attributes).length > 0;
    const delay = (c.fifo ? c.delayS : (input.delayS ?? c.delayS)) * 1000;
    const msg: SqsMessage = {
      messageId: input.messageId,
      body: input.body,
      md5OfBody: md5OfBody(input.body),
      attributes,
      ...(hasAttrs ? { md5OfMessageAttributes: md5OfMessageAttributes(lambdaAttributes(attributes)) } : {}),
      sentAt: t,
      enteredAt: t,
      visibleAt: t + delay,
      receiveCount: 0,
      senderId: input.senderId,
      inFlight: false,
      state: "live",
      origin: input.origin,
      ...(input.sentBy !== undefined ? { sentBy: input.sentBy } : {}),
      ver: 0,
    };
    if (c.fifo) {
      msg.groupId = input.groupId ?? "default";
      msg.dedupId = input.dedupId ?? sha256Hex(input.body);
      msg.sequenceNumber = String(this.sequence++);
      if (this.dedup.size >= 10_000) for (const [k, v] of this.dedup) if (t - v.at >= DEDUP_INTERVAL_MS) this.dedup.delete(k);
      this.dedup.set(msg.dedupId, { at: t, message: msg });
    }
    this.counts.sent++;
    this.enqueue(msg);
    return { message: msg, duplicate: false };
  }

  /** Put a message (new or moved from another queue) in the store. */
  private enqueue(msg: SqsMessage): void {
    this.live.set(msg.messageId, msg);
    if (this.config.fifo) {
      const g = msg.groupId ?? "default";
      let list = this.groups.get(g);
      if (!list) this.groups.set(g, (list = []));
      list.push(msg);
    } else {
      this.waiting.push(msg.visibleAt, { msg, ver: msg.ver });
    }
    this.wake(msg.visibleAt);
  }

  /**
   * A message moved here by another queue's redrive policy: same id, body, attributes and enqueue
   * time; its receive count carries on (a DLQ message shows how often it was received before).
   */
  acceptRedrive(t: number, msg: SqsMessage, from: string): void {
    const copy: SqsMessage = { ...msg, enteredAt: t, visibleAt: t, inFlight: false, state: "live", ver: 0, redrivenFrom: from };
    if (this.config.fifo) copy.sentAt = t;
    delete copy.receipt;
    delete copy.firstReceiveAt;
    if (this.config.fifo && !copy.sequenceNumber) copy.sequenceNumber = String(this.sequence++);
    this.counts.redrivenIn++;
    this.enqueue(copy);
  }

  /**
   * Receive up to `max` visible messages at `t`, each in flight for `visibilityMs`. Messages past
   * the retention period are dropped; messages already received `maxReceiveCount` times move to
   * the dead-letter queue instead of being returned.
   */
  receive(t: number, max: number, visibilityMs: number = this.config.visibilityTimeoutS * 1000): SqsMessage[] {
    const out: SqsMessage[] = [];
    const oldest = this.oldestEnteredAt();
    if (oldest !== undefined) this.maxAgeOfOldestMs = Math.max(this.maxAgeOfOldestMs, t - oldest);
    if (this.config.fifo) this.receiveFifo(t, max, visibilityMs, out);
    else {
      this.release(t);
      while (out.length < max && this.readyHead < this.ready.length) {
        const msg = this.ready[this.readyHead++] as SqsMessage;
        if (msg.state !== "live" || msg.inFlight || msg.visibleAt > t) continue;
        if (this.leaves(t, msg)) continue;
        this.take(t, msg, visibilityMs, out);
      }
      if (this.readyHead > 4096 && this.readyHead * 2 > this.ready.length) {
        this.ready.splice(0, this.readyHead);
        this.readyHead = 0;
      }
    }
    this.counts.received += out.length;
    return out;
  }

  private receiveFifo(t: number, max: number, visibilityMs: number, out: SqsMessage[]): void {
    for (const [g, list] of [...this.groups]) {
      if (out.length >= max) break;
      // A group with a message in flight returns nothing until it is deleted or visible again.
      if (list.some((m) => m.inFlight && m.visibleAt > t)) continue;
      let i = 0;
      while (out.length < max && i < list.length) {
        const msg = list[i] as SqsMessage;
        if (msg.visibleAt > t) break;
        msg.inFlight = false;
        if (this.leaves(t, msg)) continue; // removed from the list at i
        // The group's messages follow each other in the batch, in order.
        this.take(t, msg, visibilityMs, out);
        i++;
      }
      if (list.length === 0) this.groups.delete(g);
    }
  }

  /** A message whose recursion chain was stopped: to the dead-letter queue when there is one, else dropped. */
  stopLoop(t: number, msg: SqsMessage): void {
    if (this.deadLetterQueue) {
      this.remove(msg, "moved");
      this.counts.movedToDlq++;
      this.deadLetterQueue.acceptRedrive(t, msg, this.config.arn);
    } else {
      this.remove(msg, "deleted");
      this.counts.deleted++;
    }
  }

  /** Are at least `n` messages receivable at `t`? (The batching window waits for a full batch.) */
  hasAtLeast(t: number, n: number): boolean {
    let count = 0;
    if (this.config.fifo) {
      for (const list of this.groups.values()) {
        if (list.some((m) => m.inFlight && m.visibleAt > t)) continue;
        for (const m of list) {
          if (m.visibleAt > t) break;
          if (++count >= n) return true;
        }
      }
      return false;
    }
    this.release(t);
    for (let i = this.readyHead; i < this.ready.length; i++) {
      const m = this.ready[i] as SqsMessage;
      if (m.state === "live" && !m.inFlight && m.visibleAt <= t && ++count >= n) return true;
    }
    return false;
  }

  /** Move messages whose visibility time has come to the ready list (standard queues). */
  private release(t: number): void {
    for (;;) {
      const k = this.waiting.peekKey();
      if (k === undefined || k > t) return;
      const { msg, ver } = this.waiting.pop()!;
      if (msg.state !== "live" || ver !== msg.ver) continue;
      msg.inFlight = false;
      this.ready.push(msg);
    }
  }

  /** Retention and redrive: true when the message left the queue instead of being received. */
  private leaves(t: number, msg: SqsMessage): boolean {
    if (t - msg.sentAt >= this.config.retentionS * 1000) {
      this.remove(msg, "expired");
      this.counts.expired++;
      return true;
    }
    const r = this.config.redrive;
    if (r && this.deadLetterQueue && msg.receiveCount >= r.maxReceiveCount) {
      this.remove(msg, "moved");
      this.counts.movedToDlq++;
      if (this.movedOut.length < 100) this.movedOut.push({ messageId: msg.messageId, time: t, receiveCount: msg.receiveCount });
      this.deadLetterQueue.acceptRedrive(t, msg, this.config.arn);
      return true;
    }
    return false;
  }

  private take(t: number, msg: SqsMessage, visibilityMs: number, out: SqsMessage[]): void {
    msg.receiveCount++;
    msg.firstReceiveAt ??= t;
    msg.inFlight = true;
    msg.receipt = receiptHandle(msg);
    this.setVisibleAt(msg, t + visibilityMs);
    out.push(msg);
  }

  private setVisibleAt(msg: SqsMessage, at: number): void {
    msg.visibleAt = at;
    msg.ver++;
    if (!this.config.fifo) this.waiting.push(at, { msg, ver: msg.ver });
    this.wake(at);
  }

  /**
   * What a receipt handle names: undefined when it is not a handle this simulator issued; otherwise
   * the message if it is still in the queue, and whether the handle is its latest one.
   */
  byHandle(handle: string): { message?: SqsMessage; latest: boolean } | undefined {
    const parsed = parseReceiptHandle(handle);
    if (!parsed) return undefined;
    const message = this.live.get(parsed.messageId);
    return message ? { message, latest: message.receiveCount === parsed.count } : { latest: false };
  }

  /**
   * DeleteMessage. A handle from an earlier receive succeeds without deleting (SQS DG: "you must
   * provide the most recently received receipt handle … otherwise, the request succeeds, but the
   * message might not be deleted"); a message already gone succeeds too. False: not a handle.
   */
  delete(handle: string): boolean {
    const h = this.byHandle(handle);
    if (!h) return false;
    if (h.message && h.latest) {
      this.remove(h.message, "deleted");
      this.counts.deleted++;
    }
    return true;
  }

  /** ChangeMessageVisibility: the message's timeout restarts from `t`; 0 makes it visible now. */
  changeVisibility(t: number, msg: SqsMessage, seconds: number): void {
    this.setVisibleAt(msg, t + seconds * 1000);
    if (seconds === 0) msg.inFlight = false;
  }

  private remove(msg: SqsMessage, state: SqsMessage["state"]): void {
    msg.state = state;
    msg.inFlight = false;
    this.live.delete(msg.messageId);
    if (this.config.fifo) {
      const list = this.groups.get(msg.groupId ?? "default");
      const i = list ? list.indexOf(msg) : -1;
      if (list && i >= 0) list.splice(i, 1);
      // The group may be unblocked now.
      if (list && list.length > 0) this.wake(Math.max(list[0]!.visibleAt, 0));
    }
  }

  /** When the oldest message entered the queue (live messages are kept in arrival order). */
  oldestEnteredAt(): number | undefined {
    for (const m of this.live.values()) return m.enteredAt;
    return undefined;
  }

  /** SQS deletes messages past the retention period whether or not anyone receives them. */
  purgeExpired(t: number): void {
    const limit = this.config.retentionS * 1000;
    for (const m of [...this.live.values()]) {
      if (t - m.sentAt >= limit) {
        this.remove(m, "expired");
        this.counts.expired++;
      }
    }
  }

  /** ApproximateNumberOfMessages (visible), …NotVisible (in flight), …Delayed at `t`. */
  depth(t: number): { visible: number; inFlight: number; delayed: number } {
    this.purgeExpired(t);
    let visible = 0;
    let inFlight = 0;
    let delayed = 0;
    for (const m of this.live.values()) {
      if (m.visibleAt <= t) visible++;
      else if (m.receiveCount > 0 && m.inFlight) inFlight++;
      else delayed++;
    }
    return { visible, inFlight, delayed };
  }
}

/** SDK message attributes → the Lambda event's shape (`stringValue`, `dataType`…). */
export function lambdaAttributes(attrs: Record<string, MessageAttributeValue>): SQSMessageAttributes {
  const out: SQSMessageAttributes = {};
  for (const [name, a] of Object.entries(attrs)) {
    const binary = a.BinaryValue === undefined ? undefined : typeof a.BinaryValue === "string" ? a.BinaryValue : bytesToBase64(a.BinaryValue);
    out[name] = {
      ...(a.StringValue !== undefined ? { stringValue: a.StringValue } : {}),
      ...(binary !== undefined ? { binaryValue: binary } : {}),
      stringListValues: [],
      binaryListValues: [],
      dataType: a.DataType,
    };
  }
  return out;
}

function bytesToBase64(u: Uint8Array): string {
  let s = "";
  for (const b of u) s += String.fromCharCode(b);
  return btoa(s);
}

/** MD5 of recent bodies: workloads repeat bodies, and the JS MD5 is the costliest step of a send. */
const md5Cache = new Map<string, string>();
function md5OfBody(body: string): string {
  let h = md5Cache.get(body);
  if (h === undefined) {
    h = md5Hex(body);
    if (md5Cache.size >= 1024) md5Cache.clear();
    if (body.length <= 4096) md5Cache.set(body, h);
  }
  return h;
}

/** Receipt handles are opaque base64 starting "AQEB"; a new one per receive (it encodes the message id and receive count). */
function receiptHandle(msg: SqsMessage): string {
  return `AQEB${btoa(`${msg.messageId}:${msg.receiveCount}`).replace(/=+$/, "")}`;
}

function parseReceiptHandle(handle: string): { messageId: string; count: number } | undefined {
  if (!handle.startsWith("AQEB")) return undefined;
  let text: string;
  try {
    const b64 = handle.slice(4);
    text = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  } catch {
    return undefined;
  }
  const m = /^([\x21-\x7e]+):(\d+)$/.exec(text);
  return m ? { messageId: m[1] as string, count: Number(m[2]) } : undefined;
}
