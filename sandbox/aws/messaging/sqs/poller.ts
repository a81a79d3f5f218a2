/**
 * Lambda's event source mapping for SQS (DG with-sqs, services-sqs-scaling,
 * services-sqs-errorhandling, services-sqs-parameters): pollers receive batches on the virtual
 * clock and invoke the function synchronously with the SQS event. A batch that succeeds is
 * deleted when the function returns; a failed batch (error, timeout, throttle) stays in flight and
 * comes back after the queue's visibility timeout. With `ReportBatchItemFailures` only the listed
 * messages come back. Messages that no filter matches are deleted without an invocation.
 *
 * Scaling: five concurrent batches when messages are available, then up to 300 more per minute
 * while messages remain, at most 1,000 (or `ScalingConfig.MaximumConcurrency`, 2–1,000); back to
 * five when the queue is drained.
 */
import type { SQSRecord } from "aws-lambda";
import type { ServiceHost } from "../../../service/service";
import { PRIORITY } from "../../../service/scheduler";
import type { InvokeResponse } from "../../../service/types";
import { sqsRecordPasses, type LambdaFilters } from "../patterns/filters";
import { RECURSION_LIMIT } from "../../../service/service";
import type { ChainToken, TopicChains } from "../sns/topic";
import { lambdaAttributes, type Queue, type SqsMessage } from "./queue";

export const INITIAL_CONCURRENT_BATCHES = 5;
export const SCALE_UP_PER_MINUTE = 300;
export const MAX_CONCURRENT_BATCHES = 1000;
/** Lambda's synchronous payload limit caps a batch at 6 MB (DG services-sqs-parameters, gettingstarted-limits). */
export const MAX_BATCH_BYTES = 6 * 1024 * 1024;
/** After a throttled batch, the poller waits before polling again. */
export const THROTTLE_BACKOFF_MS = 1000;

export interface SqsMappingConfig {
  /** "Worker/Jobs" (SAM event) or the AWS::Lambda::EventSourceMapping logical id. */
  id: string;
  /** Logical id of the function (report edges). */
  functionId: string;
  /** What to invoke: the function, optionally qualified ("Worker:live"). */
  target: string;
  queue: Queue;
  batchSize: number;
  windowMs: number;
  reportBatchItemFailures: boolean;
  maximumConcurrency?: number;
  filters?: LambdaFilters;
  enabled: boolean;
}

export interface MappingStats {
  batches: number;
  messages: number;
  succeeded: number;
  failed: number;
  filteredOut: number;
  throttledBatches: number;
  erroredBatches: number;
  partialBatchResponses: number;
  invalidPartialResponses: number;
  maxConcurrentBatches: number;
  /** Messages not delivered because their chain reached 16 invocations (DG invocation-recursion). */
  recursiveLoopsStopped: number;
}

export class SqsPoller {
  private inFlight = 0;
  private busySince: number | undefined;
  private readonly pending = new Set<number>();
  private windowUntil: number | undefined;
  private pausedUntil = 0;
  readonly stats: MappingStats = { batches: 0, messages: 0, succeeded: 0, failed: 0, filteredOut: 0, throttledBatches: 0, erroredBatches: 0, partialBatchResponses: 0, invalidPartialResponses: 0, maxConcurrentBatches: 0, recursiveLoopsStopped: 0 };
  /** Set by the extension: recursion chains through the hub. */
  chains: TopicChains | undefined;

  constructor(
    readonly config: SqsMappingConfig,
    private readonly host: ServiceHost,
  ) {
    if (config.enabled) config.queue.onVisible((at) => this.schedule(at));
  }

  get trigger(): string {
    return `sqs:${this.config.queue.config.logicalId}`;
  }

  private schedule(at: number): void {
    const t = Math.max(at, this.host.clock.now(), this.pausedUntil);
    if (this.pending.has(t)) return;
    this.pending.add(t);
    this.host.clock.at(t, () => {
      this.pending.delete(t);
      return this.pump();
    });
  }

  /** Current number of concurrent batches allowed (the poller's scale). */
  private limit(t: number): number {
    const scaled = this.busySince === undefined ? INITIAL_CONCURRENT_BATCHES : INITIAL_CONCURRENT_BATCHES + SCALE_UP_PER_MINUTE * Math.floor((t - this.busySince) / 60_000);
    return Math.min(scaled, MAX_CONCURRENT_BATCHES, this.config.maximumConcurrency ?? MAX_CONCURRENT_BATCHES);
  }

  private async pump(): Promise<void> {
    const c = this.config;
    const q = c.queue;
    const t = this.host.clock.now();
    if (t < this.pausedUntil) return;
    while (this.inFlight < this.limit(t)) {
      // Batching window: wait up to MaximumBatchingWindowInSeconds for a full batch.
      if (c.windowMs > 0 && !q.hasAtLeast(t, c.batchSize)) {
        if (!q.hasAtLeast(t, 1)) break;
        if (this.windowUntil === undefined) {
          this.windowUntil = t + c.windowMs;
          this.schedule(this.windowUntil);
          break;
        }
        if (t < this.windowUntil) break;
      }
      this.windowUntil = undefined;
      const msgs = q.receive(t, c.batchSize);
      if (msgs.length === 0) break;
      this.busySince ??= t;
      const records: SQSRecord[] = [];
      const kept: SqsMessage[] = [];
      const handles: string[] = [];
      let bytes = 0;
      let parent: ChainToken | undefined;
      for (const m of msgs) {
        // A message sent by an invocation 16 deep in its chain is not delivered: Lambda stops the loop
        // and the message goes to the queue's dead-letter queue when it has one (DG invocation-recursion).
        const chain = m.sentBy !== undefined ? this.chains?.parentOf(m.sentBy) : undefined;
        if (chain && chain.depth + 1 > RECURSION_LIMIT) {
          this.stats.recursiveLoopsStopped++;
          this.chains?.stopped(t, c.functionId, q.config.logicalId, chain.depth + 1);
          q.stopLoop(t, m);
          continue;
        }
        const r = sqsRecord(m, q, this.host);
        // Lambda deletes messages that match no filter (DG invocation-eventfiltering).
        if (!sqsRecordPasses(c.filters, r as unknown as Record<string, unknown>)) {
          q.delete(m.receipt as string);
          this.stats.filteredOut++;
          continue;
        }
        bytes += m.body.length + 1024;
        if (records.length > 0 && bytes > MAX_BATCH_BYTES) {
          q.changeVisibility(t, m, 0); // does not fit this batch: back at once
          m.receiveCount--;
          continue;
        }
        records.push(r);
        kept.push(m);
        handles.push(r.receiptHandle);
        if (chain && (!parent || chain.depth > parent.depth)) parent = chain;
      }
      if (kept.length === 0) continue;
      this.inFlight++;
      this.stats.batches++;
      this.stats.messages += kept.length;
      this.stats.maxConcurrentBatches = Math.max(this.stats.maxConcurrentBatches, this.inFlight);
      let response: InvokeResponse | undefined;
      let end = t;
      try {
        const r = await this.host.invokeWithRecord(c.target, { Records: records }, { trigger: this.trigger });
        response = r.response;
        this.chains?.continue(parent, r.response.requestId);
        end = r.record?.end ?? t;
      } catch {
        response = undefined; // the Invoke API refused it (e.g. the batch is too large): a failed batch
      }
      const done = response;
      this.host.clock.at(end, () => this.complete(end, kept, handles, done), PRIORITY.release);
      if (!done || done.statusCode === 429) {
        // Throttled: the batch stays in flight until its visibility timeout; poll again a little later.
        this.pausedUntil = t + THROTTLE_BACKOFF_MS;
        this.schedule(this.pausedUntil);
        break;
      }
    }
    if (this.inFlight === 0 && !q.hasAtLeast(t, 1)) this.busySince = undefined;
  }

  /** Delete what succeeded, with this batch's receipt handles (a message received again since stays). */
  private complete(t: number, batch: SqsMessage[], handles: string[], response: InvokeResponse | undefined): void {
    this.inFlight--;
    const q = this.config.queue;
    const failedIds = this.failedIds(batch, response);
    for (const [i, m] of batch.entries()) {
      if (failedIds.has(m.messageId)) {
        this.stats.failed++;
        continue; // visible again when its visibility timeout ends
      }
      q.delete(handles[i] as string);
      this.stats.succeeded++;
    }
    this.schedule(t);
  }

  /** Which messages failed (DG services-sqs-errorhandling, "Implementing partial batch responses"). */
  private failedIds(batch: SqsMessage[], response: InvokeResponse | undefined): Set<string> {
    const all = new Set(batch.map((m) => m.messageId));
    if (!response || response.statusCode !== 200) {
      this.stats.throttledBatches++;
      return all;
    }
    if (response.functionError) {
      this.stats.erroredBatches++;
      return all;
    }
    if (!this.config.reportBatchItemFailures) return new Set();
    const p = response.payload as { batchItemFailures?: unknown } | null | undefined;
    // Complete success: null or empty response, null or empty batchItemFailures.
    if (p === null || p === undefined || typeof p !== "object" || p.batchItemFailures === undefined || p.batchItemFailures === null) return new Set();
    if (!Array.isArray(p.batchItemFailures)) return this.invalid(all);
    if (p.batchItemFailures.length === 0) return new Set();
    const failed = new Set<string>();
    for (const f of p.batchItemFailures) {
      const id = (f as { itemIdentifier?: unknown } | null)?.itemIdentifier;
      // Complete failure: an empty or null itemIdentifier, a bad key name, an id not in the batch.
      if (typeof id !== "string" || id === "" || !all.has(id)) return this.invalid(all);
      failed.add(id);
    }
    this.stats.partialBatchResponses++;
    return failed;
  }

  private invalid(all: Set<string>): Set<string> {
    this.stats.invalidPartialResponses++;
    return all;
  }
}

/** A message as the SQS event carries it (DG with-sqs, "Example standard queue message event"). */
export function sqsRecord(m: SqsMessage, q: Queue, host: ServiceHost): SQSRecord {
  const c = q.config;
  const attrs = lambdaAttributes(m.attributes);
  return {
    messageId: m.messageId,
    receiptHandle: m.receipt ?? "",
    body: m.body,
    attributes: {
      ApproximateReceiveCount: String(m.receiveCount),
      SentTimestamp: String(host.epoch(m.sentAt)),
      SenderId: m.senderId,
      ApproximateFirstReceiveTimestamp: String(host.epoch(m.firstReceiveAt ?? m.sentAt)),
      ...(c.fifo ? { SequenceNumber: m.sequenceNumber, MessageGroupId: m.groupId, MessageDeduplicationId: m.dedupId } : {}),
      ...(m.redrivenFrom ? { DeadLetterQueueSourceArn: m.redrivenFrom } : {}),
    },
    messageAttributes: attrs,
    md5OfBody: m.md5OfBody,
    ...(m.md5OfMessageAttributes ? { md5OfMessageAttributes: m.md5OfMessageAttributes } : {}),
    eventSource: "aws:sqs",
    eventSourceARN: c.arn,
    awsRegion: host.template.region,
  };
}
