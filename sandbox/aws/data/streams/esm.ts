/**
 * The stream event source mapping (DG with-kinesis, with-ddb, kinesis-on-failure-destination,
 * services-ddb-batchfailurereporting): Lambda reads each shard in order, one batch at a time per
 * shard (or per partition-key lane with ParallelizationFactor), invokes the function synchronously,
 * and on an error retries the same batch — blocking the shard — until it succeeds, the record is
 * older than MaximumRecordAgeInSeconds, or MaximumRetryAttempts is used up; then it sends a
 * batch-info record to the on-failure destination and moves on. BisectBatchOnFunctionError halves
 * the failing batch (halving does not count as a retry); ReportBatchItemFailures checkpoints at the
 * lowest failed sequence number. IteratorAge is the age of the batch's last record when the
 * invocation finished.
 */
import type { ServiceHost } from "../../../service/service";
import type { TemplateFunction } from "../../../service/template";
import { TemplateError } from "../../../service/errors";
import { md5Hex } from "../../../events/encoding";
import { compileFilterCriteria, type LambdaFilters } from "../../messaging/patterns/filters";
import { matchPattern } from "../../messaging/patterns/pattern";
import type { EventStream, Shard, StreamRecord } from "./shards";

export interface StreamMappingConfig {
  name: string;
  batchSize: number;
  windowMs: number;
  maxRetryAttempts: number; // -1: until the record expires
  maxRecordAgeMs: number; // -1: until the record expires (retention)
  bisect: boolean;
  parallelization: number;
  startingPosition: "TRIM_HORIZON" | "LATEST" | "AT_TIMESTAMP";
  /** AT_TIMESTAMP (Kinesis): epoch ms of StartingPositionTimestamp. */
  startingTimestampMs?: number;
  reportBatchItemFailures: boolean;
  onFailure?: string; // ARN
  filters?: LambdaFilters;
  enabled: boolean;
  /** TumblingWindowInSeconds × 1000 (0: no windows). */
  tumblingMs: number;
}

/** Base polling rates of an idle shard: 4 per second for DynamoDB Streams (DG with-ddb), 1 per second for Kinesis (DG with-kinesis). */
export const DYNAMODB_POLL_MS = 250;
export const KINESIS_POLL_MS = 1000;
/** Stream retention: 24 h (DynamoDB Streams always; Kinesis by default). */
export const STREAM_RETENTION_MS = 24 * 3600_000;
/** Back-off between retries of a failed batch: the simulator's choice (Lambda does not document it), doubling to a cap. */
export const RETRY_BACKOFF_START_MS = 1000;
export const RETRY_BACKOFF_MAX_MS = 60_000;

type Props = Record<string, unknown>;

function int(props: Props, name: string, def: number, min: number, max: number, where: { resource: string; property: string }): number {
  const v = props[name];
  if (v === undefined) return def;
  const n = typeof v === "string" ? Number(v) : v;
  if (typeof n !== "number" || !Number.isInteger(n) || n < min || n > max) throw new TemplateError(`${name} must be an integer from ${min} to ${max} (got ${JSON.stringify(v)})`, where);
  return n;
}

/** Reads a SAM `Events: { Type: DynamoDB | Kinesis }` entry's properties (SAM sam-property-function-dynamodb / -kinesis). */
export function streamMappingConfig(name: string, props: Props, where: { resource: string; property: string }): StreamMappingConfig {
  const pos = props.StartingPosition;
  if (pos !== "TRIM_HORIZON" && pos !== "LATEST" && pos !== "AT_TIMESTAMP") throw new TemplateError("StartingPosition is required: TRIM_HORIZON, LATEST or AT_TIMESTAMP", where);
  const batchSize = int(props, "BatchSize", 100, 1, 10_000, where);
  const window = int(props, "MaximumBatchingWindowInSeconds", 0, 0, 300, where);
  const types = props.FunctionResponseTypes;
  if (types !== undefined && (!Array.isArray(types) || types.some((t) => t !== "ReportBatchItemFailures"))) throw new TemplateError("FunctionResponseTypes can only be [ReportBatchItemFailures]", where);
  const dest = (props.DestinationConfig as Props | undefined)?.OnFailure as Props | undefined;
  const ts = props.StartingPositionTimestamp;
  if (pos === "AT_TIMESTAMP" && (typeof ts !== "number" || !Number.isFinite(ts))) throw new TemplateError("StartingPositionTimestamp (epoch seconds) is required with AT_TIMESTAMP", where);
  const maxAge = int(props, "MaximumRecordAgeInSeconds", -1, -1, 604_800, where);
  if (maxAge !== -1 && maxAge < 60) throw new TemplateError("MaximumRecordAgeInSeconds must be -1 (infinite) or from 60 to 604800", where);
  let filters: LambdaFilters | undefined;
  try {
    filters = compileFilterCriteria(props.FilterCriteria);
  } catch (e) {
    throw new TemplateError(`FilterCriteria: ${(e as Error).message}`, where);
  }
  return {
    name,
    batchSize,
    windowMs: window * 1000,
    maxRetryAttempts: int(props, "MaximumRetryAttempts", -1, -1, 10_000, where),
    maxRecordAgeMs: maxAge < 0 ? -1 : maxAge * 1000,
    bisect: props.BisectBatchOnFunctionError === true || props.BisectBatchOnFunctionError === "true",
    parallelization: int(props, "ParallelizationFactor", 1, 1, 10, where),
    startingPosition: pos,
    ...(pos === "AT_TIMESTAMP" && { startingTimestampMs: (ts as number) * 1000 }),
    reportBatchItemFailures: Array.isArray(types) && types.includes("ReportBatchItemFailures"),
    ...(typeof dest?.Destination === "string" && { onFailure: dest.Destination }),
    ...(filters && { filters }),
    enabled: props.Enabled !== false,
    tumblingMs: int(props, "TumblingWindowInSeconds", 0, 0, 900, where) * 1000,
  };
}

interface Lane {
  shard: Shard;
  index: number;
  /** Position in the shard's records: the next record this lane has not yet processed. */
  cursor: number;
  busy: boolean;
  scheduled: boolean;
  attempts: number;
  /** Batch size while bisecting (undefined: the configured BatchSize). */
  bisectSize?: number;
  backoff: number;
  /** The open tumbling window (epoch ms) and the state the function returned in it. */
  window?: { start: number; end: number; state: unknown };
}

export interface MappingMetrics {
  batches: number;
  records: number;
  failedBatches: number;
  retries: number;
  bisections: number;
  recordsSkippedByFilter: number;
  recordsSentToOnFailure: number;
  /** Max IteratorAge (ms) per minute of virtual time. */
  iteratorAge: { minute: number; max: number }[];
  maxIteratorAgeMs: number;
}

export class StreamMapping {
  readonly lanes: Lane[] = [];
  readonly metrics: MappingMetrics = { batches: 0, records: 0, failedBatches: 0, retries: 0, bisections: 0, recordsSkippedByFilter: 0, recordsSentToOnFailure: 0, iteratorAge: [], maxIteratorAgeMs: 0 };
  readonly failures: unknown[] = [];
  private readonly startTime: number;

  constructor(
    readonly fn: TemplateFunction,
    readonly stream: EventStream,
    readonly config: StreamMappingConfig,
    private readonly host: ServiceHost,
    private readonly trigger: string,
    /** What is invoked: the function, or `Function:alias` (SAM maps events to the AutoPublishAlias). */
    private readonly target: string = fn.logicalId,
  ) {
    this.startTime = host.clock.now();
    for (const shard of stream.shards) {
      for (let i = 0; i < config.parallelization; i++) this.lanes.push({ shard, index: i, cursor: 0, busy: false, scheduled: false, attempts: 0, backoff: RETRY_BACKOFF_START_MS });
    }
    stream.onRecord((shard) => {
      if (!config.enabled) return;
      // An idle shard is read at the poller's next tick; a busy one right after its invocation.
      for (const lane of this.lanes) if (lane.shard === shard) this.schedule(lane, this.untilNextPoll());
    });
  }

  /**
   * Lambda polls each shard 4 times per second (DynamoDB Streams, DG with-ddb) or once per second
   * (Kinesis, DG with-kinesis) when it has nothing in flight: the wait until the next poll.
   */
  private untilNextPoll(): number {
    const interval = this.stream.kind === "dynamodb" ? DYNAMODB_POLL_MS : KINESIS_POLL_MS;
    const since = this.host.clock.now() - this.startTime;
    return Math.ceil(since / interval) * interval - since;
  }

  /** With ParallelizationFactor, records of one partition key always go to the same lane, in order. */
  private laneOf(r: StreamRecord): number {
    if (this.config.parallelization === 1) return 0;
    return parseInt(md5Hex(r.partitionKey).slice(0, 8), 16) % this.config.parallelization;
  }

  private schedule(lane: Lane, delay: number): void {
    if (lane.busy || lane.scheduled) return;
    lane.scheduled = true;
    this.host.clock.after(delay, () => {
      lane.scheduled = false;
      return this.poll(lane);
    });
  }

  /** The lane's pending records from its cursor (LATEST skips records older than the mapping). */
  private pending(lane: Lane): StreamRecord[] {
    const out: StreamRecord[] = [];
    const recs = lane.shard.records;
    for (let i = lane.cursor; i < recs.length; i++) {
      const r = recs[i]!;
      if (this.laneOf(r) !== lane.index) continue;
      out.push(r);
    }
    return out;
  }

  private advancePast(lane: Lane, record: StreamRecord): void {
    const i = lane.shard.records.indexOf(record);
    // Only this lane's records are consumed; other lanes keep their own cursors over the same shard.
    lane.cursor = Math.max(lane.cursor, i + 1);
    if (this.config.parallelization > 1) {
      // Keep the cursor at the first record of this lane not yet processed.
      while (lane.cursor < lane.shard.records.length && this.laneOf(lane.shard.records[lane.cursor]!) !== lane.index) lane.cursor++;
    }
  }

  private passes(r: StreamRecord): boolean {
    const f = this.config.filters;
    if (!f || f.patterns.length === 0) return true;
    let subject: unknown = r.record;
    if (this.stream.kind === "kinesis") {
      // Kinesis `data` is matched as JSON when it parses as JSON (DG invocation-eventfiltering).
      const k = (r.record as { kinesis: { data: string } }).kinesis;
      let data: unknown = k.data;
      try {
        data = JSON.parse(atob(k.data));
      } catch {
        /* not JSON: matched as the base64 string */
      }
      subject = { ...r.record, data };
    }
    return f.patterns.some((p) => matchPattern(p, subject));
  }

  private async poll(lane: Lane): Promise<void> {
    if (lane.busy) return;
    const now = this.host.clock.now();
    let pending = this.pending(lane);
    if (this.config.startingPosition !== "TRIM_HORIZON") {
      // LATEST: records written after the mapping was created; AT_TIMESTAMP: from that instant.
      const from = this.config.startingTimestampMs !== undefined ? this.config.startingTimestampMs - this.host.epoch(0) : this.startTime;
      const old = pending.filter((r) => r.time < from);
      for (const r of old) this.advancePast(lane, r);
      pending = pending.filter((r) => r.time >= from);
    }
    // Records past retention are gone from the stream.
    const expired = pending.filter((r) => now - r.time > STREAM_RETENTION_MS);
    for (const r of expired) this.advancePast(lane, r);
    pending = pending.filter((r) => now - r.time <= STREAM_RETENTION_MS);
    if (this.config.tumblingMs > 0) {
      // Tumbling windows (DG with-kinesis-windows, services-ddb-windows): fixed windows by arrival
      // time; batches of one window share `state`; when it closes, a final invocation gets the state.
      const w = this.config.tumblingMs;
      const epochNow = this.host.epoch(now);
      if (!lane.window && pending[0]) {
        const start = Math.floor(this.host.epoch(pending[0].time) / w) * w;
        lane.window = { start, end: start + w, state: {} };
      }
      const win = lane.window;
      if (!win) return;
      const inWindow = pending.filter((r) => this.host.epoch(r.time) < win.end);
      if (inWindow.length === 0) {
        if (epochNow >= win.end) return this.invoke(lane, [], win);
        this.host.clock.at(now + (win.end - epochNow), () => this.poll(lane));
        return;
      }
      pending = inWindow;
    }
    if (pending.length === 0) return;
    // Batching window: wait for a full batch or the window, counted from the oldest pending record.
    const size = lane.bisectSize ?? this.config.batchSize;
    if (pending.length < size && this.config.windowMs > 0 && lane.attempts === 0) {
      const due = pending[0]!.time + this.config.windowMs;
      if (now < due) {
        this.schedule(lane, due - now);
        return;
      }
    }
    // Build the batch: up to the size and 6 MB, records failing the filter skipped (consumed).
    const batch: StreamRecord[] = [];
    let bytes = 0;
    for (const r of pending) {
      if (batch.length >= size) break;
      if (!this.passes(r)) {
        if (batch.length === 0) {
          this.advancePast(lane, r);
          this.metrics.recordsSkippedByFilter++;
          continue;
        }
        break;
      }
      if (bytes + r.size > 6 * 1024 * 1024 && batch.length) break;
      bytes += r.size;
      batch.push(r);
    }
    if (batch.length === 0) return this.poll(lane);
    // MaximumRecordAgeInSeconds: a batch whose oldest record is too old goes to the on-failure destination.
    if (this.config.maxRecordAgeMs > 0 && now - batch[0]!.time > this.config.maxRecordAgeMs && lane.attempts > 0) {
      this.fail(lane, batch, "RecordAgeExceeded", undefined);
      return this.poll(lane);
    }
    return this.invoke(lane, batch, lane.window);
  }

  /** One synchronous invocation with a batch (with a window: its state; an empty batch closes it). */
  private async invoke(lane: Lane, batch: StreamRecord[], win: Lane["window"]): Promise<void> {
    lane.busy = true;
    // Kinesis records name the function's execution role (SAM creates `<Function>Role`).
    const role = `arn:aws:iam::${this.host.template.accountId}:role/${this.fn.logicalId}Role`;
    const event: Record<string, unknown> = { Records: batch.map((r) => (this.stream.kind === "kinesis" ? { ...r.record, invokeIdentityArn: role } : r.record)) };
    if (win) {
      const iso = (t: number) => new Date(t).toISOString();
      Object.assign(event, { window: { start: iso(win.start), end: iso(win.end) }, state: win.state, shardId: lane.shard.id, eventSourceARN: this.stream.arn, isFinalInvokeForWindow: batch.length === 0, isWindowTerminatedEarly: false });
    }
    const { response, record } = await this.host.invokeWithRecord(this.target, event, { trigger: this.trigger });
    const end = record?.end ?? this.host.clock.now();
    const finish = () => {
      lane.busy = false;
      this.metrics.batches++;
      if (batch.length === 0) {
        // The final invocation of a window: retried like a batch when it fails.
        if (response.statusCode === 200 && !response.functionError) delete lane.window;
        this.schedule(lane, response.statusCode === 200 && !response.functionError ? 0 : this.nextBackoff(lane));
        return;
      }
      this.recordIteratorAge(end, batch[batch.length - 1]!);
      if (win && response.statusCode === 200 && !response.functionError) {
        // The response carries the window's state to the next invocation (TimeWindowEventResponse).
        const state = (response.payload as { state?: unknown } | null)?.state;
        win.state = state ?? {};
      }
      this.after(lane, batch, response, record);
    };
    if (end > this.host.clock.now()) this.host.clock.at(end, finish);
    else finish();
  }

  private recordIteratorAge(end: number, last: StreamRecord): void {
    const age = Math.max(0, Math.round(end - last.time));
    const minute = Math.floor(end / 60_000) * 60_000;
    const m = this.metrics.iteratorAge.at(-1);
    if (m && m.minute === minute) m.max = Math.max(m.max, age);
    else this.metrics.iteratorAge.push({ minute, max: age });
    this.metrics.maxIteratorAgeMs = Math.max(this.metrics.maxIteratorAgeMs, age);
  }

  private after(lane: Lane, batch: StreamRecord[], response: { statusCode: number; functionError?: string; payload: unknown }, record: { requestId: string } | undefined): void {
    if (response.statusCode === 429) {
      // Throttled: the same batch again after a back-off; throttles do not use up retry attempts.
      this.schedule(lane, this.nextBackoff(lane));
      return;
    }
    let failedFrom: StreamRecord | undefined;
    if (response.functionError) failedFrom = batch[0];
    else if (this.config.reportBatchItemFailures) {
      const r = partialFailures(response.payload, batch);
      if (r === "invalid") failedFrom = batch[0];
      else failedFrom = r;
    }
    if (!failedFrom) {
      for (const r of batch) this.advancePast(lane, r);
      this.metrics.records += batch.length;
      lane.attempts = 0;
      delete lane.bisectSize;
      lane.backoff = RETRY_BACKOFF_START_MS;
      this.schedule(lane, 0);
      return;
    }
    this.metrics.failedBatches++;
    // Records before the failed one were processed: checkpoint there (DG services-ddb-batchfailurereporting).
    const okCount = batch.indexOf(failedFrom);
    for (const r of batch.slice(0, okCount)) this.advancePast(lane, r);
    this.metrics.records += okCount;
    const remaining = batch.slice(okCount);
    if (this.config.bisect && remaining.length > 1) {
      lane.bisectSize = Math.ceil(remaining.length / 2);
      this.metrics.bisections++;
      this.schedule(lane, 0);
      return;
    }
    lane.attempts++;
    const exhausted = this.config.maxRetryAttempts >= 0 && lane.attempts > this.config.maxRetryAttempts;
    const tooOld = this.config.maxRecordAgeMs > 0 && this.host.clock.now() - remaining[0]!.time > this.config.maxRecordAgeMs;
    if (exhausted || tooOld) {
      this.fail(lane, remaining, exhausted ? "RetryAttemptsExhausted" : "RecordAgeExceeded", { response, requestId: record?.requestId });
      this.schedule(lane, 0);
      return;
    }
    this.metrics.retries++;
    this.schedule(lane, this.nextBackoff(lane));
  }

  private nextBackoff(lane: Lane): number {
    const d = lane.backoff;
    lane.backoff = Math.min(lane.backoff * 2, RETRY_BACKOFF_MAX_MS);
    return d;
  }

  /** Skip the batch and send its batch info to the on-failure destination (DG kinesis-on-failure-destination). */
  private fail(lane: Lane, batch: StreamRecord[], condition: string, last: { response: { statusCode: number; functionError?: string }; requestId?: string | undefined } | undefined): void {
    for (const r of batch) this.advancePast(lane, r);
    const attempts = lane.attempts;
    lane.attempts = 0;
    delete lane.bisectSize;
    lane.backoff = RETRY_BACKOFF_START_MS;
    this.metrics.recordsSentToOnFailure += batch.length;
    const iso = (t: number) => new Date(this.host.epoch(t)).toISOString();
    const now = this.host.clock.now();
    const info = {
      shardId: lane.shard.id,
      startSequenceNumber: batch[0]!.sequenceNumber,
      endSequenceNumber: batch[batch.length - 1]!.sequenceNumber,
      approximateArrivalOfFirstRecord: iso(batch[0]!.time),
      approximateArrivalOfLastRecord: iso(batch[batch.length - 1]!.time),
      batchSize: batch.length,
      streamArn: this.stream.arn,
    };
    const doc = {
      requestContext: { requestId: last?.requestId ?? this.host.rng.uuid(), functionArn: this.fn.arn, condition, approximateInvokeCount: Math.max(1, attempts) },
      responseContext: { statusCode: last?.response.statusCode ?? 200, executedVersion: "$LATEST", ...(last?.response.functionError && { functionError: last.response.functionError }) },
      version: "1.0",
      timestamp: iso(now),
      [this.stream.kind === "kinesis" ? "KinesisBatchInfo" : "DDBStreamBatchInfo"]: info,
    };
    this.failures.push(doc);
    const dest = this.config.onFailure;
    if (!dest) return;
    const target = this.host.template.targets.find((t) => t.arn === dest || t.url === dest);
    const resource = target ? this.host.resources.get(target.logicalId) : undefined;
    if (!resource || !target) return;
    const message = target.kind === "sns" ? { MessageId: this.host.rng.uuid(), Message: JSON.stringify(doc), Timestamp: iso(now) } : { messageId: this.host.rng.uuid(), body: JSON.stringify(doc) };
    resource.deliver(message, now);
  }

  /** The report's view of the mapping. */
  state(): Record<string, unknown> {
    return {
      function: this.fn.logicalId,
      stream: this.stream.logicalId,
      ...this.metrics,
      shards: this.lanes.map((l) => ({ shardId: l.shard.id, lane: l.index, position: l.cursor, records: l.shard.records.length, blockedAttempts: l.attempts })),
    };
  }
}

/**
 * Reads a `{ batchItemFailures: [{ itemIdentifier }] }` response: the failed record with the lowest
 * sequence number, undefined for full success, "invalid" when the response cannot be read (then the
 * whole batch failed — DG services-ddb-batchfailurereporting).
 */
export function partialFailures(payload: unknown, batch: StreamRecord[]): StreamRecord | undefined | "invalid" {
  if (payload === null || payload === undefined) return undefined;
  if (typeof payload !== "object") return "invalid";
  const list = (payload as { batchItemFailures?: unknown }).batchItemFailures;
  if (list === undefined || list === null) return undefined;
  if (!Array.isArray(list)) return "invalid";
  let first: StreamRecord | undefined;
  for (const f of list) {
    const id = (f as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    if (typeof id !== "string" || id === "") return "invalid";
    const r = batch.find((x) => x.sequenceNumber === id);
    if (!r) return "invalid";
    if (!first || batch.indexOf(r) < batch.indexOf(first)) first = r;
  }
  return first;
}
