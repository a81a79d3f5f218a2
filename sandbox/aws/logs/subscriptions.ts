/**
 * CloudWatch Logs subscription filters with a Lambda destination (CloudWatch Logs UG
 * SubscriptionFilters, https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/SubscriptionFilters.html):
 * `AWS::Logs::SubscriptionFilter` on a function's log group `/aws/lambda/<name>`, and SAM's
 * `CloudWatchLogs` event of a function. Each log event an invocation writes (START … REPORT and
 * the function's own lines) is matched against the filter pattern; matching events are batched
 * per log stream and the destination is invoked asynchronously with
 * `{ awslogs: { data: base64(gzip(JSON)) } }`, the JSON a `DATA_MESSAGE` (`owner`, `logGroup`,
 * `logStream`, `subscriptionFilters: [name]`, `logEvents: [{ id, timestamp, message }]`) built by
 * `sandbox/events` (`cloudWatchLogs`).
 *
 * Batching: a batch opens with the first matching event of a stream and is delivered
 * LOG_DELIVERY_DELAY_MS of virtual time later with every matching event of that stream written
 * until then (CloudWatch Logs documents "near real-time" delivery, not the delay: the 1 s is the
 * simulator's choice). A batch holds at most 10,000 events (PutLogEvents' own batch limit).
 */
import { cloudWatchLogs } from "../../events/streams";
import { TemplateError } from "../../service/errors";
import type { InvocationLogs, ServiceHost } from "../../service/service";
import { RECURSION_LIMIT } from "../../service/service";
import { functionByRef, type FunctionRef } from "../function-ref";
import { invokeAllowed } from "../iam/permissions";
import { compileFilterPattern, FilterPatternError, type FilterPattern } from "./filter-pattern";

/** Virtual delay between a batch's first event and its delivery (the simulator's choice, see above). */
export const LOG_DELIVERY_DELAY_MS = 1000;
/** Events per delivery at most. */
export const MAX_BATCH_EVENTS = 10_000;
/** Subscription filters per log group (CloudWatch Logs quotas: "up to two"). */
export const MAX_FILTERS_PER_LOG_GROUP = 2;

type Where = { resource: string; property: string };

export interface SubscriptionFilter {
  /** Logical id, or `Function.Event` for a SAM event. */
  id: string;
  name: string;
  logGroup: string;
  /** The function whose log group it is. */
  source: string;
  pattern: string;
  match: FilterPattern;
  destination: { target: string; id: string };
  stats: { matchedEvents: number; batches: number; forwardedEvents: number; forwardedBytes: number; loopBatchesDropped: number };
  /** Consecutive batches made only of lines its own deliveries caused (a function subscribed to its own log group). */
  selfDepth: number;
}

interface Batch {
  filter: SubscriptionFilter;
  logStream: string;
  flushAt: number;
  events: { id: string; timestamp: number; message: string }[];
  /** Every line came from an invocation this filter caused. */
  onlySelf: boolean;
}

export class LogSubscriptions {
  readonly filters: SubscriptionFilter[] = [];
  readonly warnings: { resource: string; property?: string; message: string }[] = [];
  private readonly open = new Map<string, Batch>();
  private eventCounter = 0;

  constructor(private readonly host: ServiceHost) {}

  // ---- deployment --------------------------------------------------------------------------------

  attach(): void {
    const t = this.host.template;
    for (const r of t.other) {
      if (r.type !== "AWS::Logs::SubscriptionFilter") continue;
      const p = r.properties;
      const where = (property: string): Where => ({ resource: r.logicalId, property });
      if (typeof p.LogGroupName !== "string") throw new TemplateError("LogGroupName is required (e.g. /aws/lambda/<function name>)", where("LogGroupName"));
      if (typeof p.DestinationArn !== "string") throw new TemplateError("DestinationArn is required", where("DestinationArn"));
      const dest = functionByRef(t.functions, p.DestinationArn);
      if (!dest) {
        this.warnings.push({ ...where("DestinationArn"), message: `${p.DestinationArn} is not a function of this template: only Lambda destinations are simulated, nothing is delivered` });
        continue;
      }
      // PutSubscriptionFilter invokes-tests the destination: Lambda must allow CloudWatch Logs.
      const arn = logGroupArn(p.LogGroupName, t.region, t.accountId);
      const allowed = ["logs.amazonaws.com", `logs.${t.region}.amazonaws.com`].some((principal) => invokeAllowed(t, dest.fn, { principal, sourceArn: arn }));
      if (!allowed) {
        throw new TemplateError(
          `Could not execute the lambda function. Make sure you have given CloudWatch Logs permission to execute your function. (no AWS::Lambda::Permission lets logs.amazonaws.com invoke ${dest.fn.functionName} from ${arn}; SAM's CloudWatchLogs event adds it)`,
          where("DestinationArn"),
        );
      }
      this.add(r.logicalId, typeof p.FilterName === "string" ? p.FilterName : r.logicalId, p.LogGroupName, p.FilterPattern, dest, where);
    }
    for (const fn of t.functions) {
      for (const e of fn.events) {
        if (e.type !== "CloudWatchLogs") continue;
        const where = (property: string): Where => ({ resource: fn.logicalId, property: `Events.${e.name}.Properties.${property}` });
        if (typeof e.properties.LogGroupName !== "string") throw new TemplateError("LogGroupName is required (e.g. /aws/lambda/<function name>)", where("LogGroupName"));
        const self = { target: fn.autoPublishAlias ? `${fn.logicalId}:${fn.autoPublishAlias}` : fn.logicalId, id: fn.logicalId, fn };
        this.add(`${fn.logicalId}.${e.name}`, `${fn.logicalId}${e.name}`, e.properties.LogGroupName, e.properties.FilterPattern, self, where);
      }
    }
  }

  private add(id: string, name: string, logGroup: string, pattern: unknown, dest: FunctionRef, where: (property: string) => Where): void {
    if (typeof pattern !== "string") throw new TemplateError('FilterPattern is required ("" matches every event)', where("FilterPattern"));
    let match: FilterPattern;
    try {
      match = compileFilterPattern(pattern);
    } catch (e) {
      if (e instanceof FilterPatternError) throw new TemplateError(e.message, where("FilterPattern"));
      throw e;
    }
    const source = this.host.template.functions.find((f) => `/aws/lambda/${f.functionName}` === logGroup);
    if (!source) {
      this.warnings.push({ ...where("LogGroupName"), message: `${logGroup} is not the log group of a function of this template (/aws/lambda/<function name>): nothing is delivered` });
      return;
    }
    if (this.filters.filter((f) => f.logGroup === logGroup).length >= MAX_FILTERS_PER_LOG_GROUP) {
      throw new TemplateError(`Resource limit exceeded. (a log group has at most ${MAX_FILTERS_PER_LOG_GROUP} subscription filters)`, where("LogGroupName"));
    }
    if (source.logicalId === dest.id) {
      this.warnings.push({
        ...where("LogGroupName"),
        message: `${dest.id} is subscribed to its own log group: each delivery makes it log again, an endless loop that AWS does not stop (CloudWatch Logs UG SubscriptionFilters warns against it). The simulator drops a batch made only of lines its own deliveries caused after ${RECURSION_LIMIT} in a row.`,
      });
    }
    this.filters.push({ id, name, logGroup, source: source.logicalId, pattern, match, destination: { target: dest.target, id: dest.id }, stats: { matchedEvents: 0, batches: 0, forwardedEvents: 0, forwardedBytes: 0, loopBatchesDropped: 0 }, selfDepth: 0 });
  }

  // ---- log events --------------------------------------------------------------------------------

  /** An invocation's log events: match each filter on its log group, batch per stream. */
  onLogs(logs: InvocationLogs): void {
    const base = this.host.epoch(0);
    for (const f of this.filters) {
      if (f.logGroup !== logs.logGroup) continue;
      const caused = logs.trigger === `logs:${f.name}`;
      for (const e of logs.events) {
        if (!f.match(e.message)) continue;
        f.stats.matchedEvents++;
        const t = Math.max(this.host.clock.now(), e.timestamp - base);
        const key = `${f.id}\u0000${logs.logStream}`;
        let batch = this.open.get(key);
        if (!batch || t > batch.flushAt || batch.events.length >= MAX_BATCH_EVENTS) {
          const b: Batch = { filter: f, logStream: logs.logStream, flushAt: t + LOG_DELIVERY_DELAY_MS, events: [], onlySelf: true };
          this.open.set(key, b);
          this.host.clock.at(b.flushAt, () => this.deliver(key, b));
          batch = b;
        }
        batch.onlySelf &&= caused;
        // CloudWatch Logs keeps whole milliseconds.
        const timestamp = Math.floor(e.timestamp);
        batch.events.push({ id: this.eventId(timestamp), timestamp, message: e.message });
      }
    }
  }

  /** A 56-digit event id, increasing with time (the shape CloudWatch Logs uses). */
  private eventId(timestamp: number): string {
    return (BigInt(timestamp) * 10n ** 43n + BigInt(++this.eventCounter)).toString().padStart(56, "0");
  }

  private async deliver(key: string, b: Batch): Promise<void> {
    if (this.open.get(key) === b) this.open.delete(key);
    const f = b.filter;
    f.selfDepth = b.onlySelf ? f.selfDepth + 1 : 0;
    if (f.selfDepth > RECURSION_LIMIT) {
      f.stats.loopBatchesDropped++;
      return;
    }
    const { region, accountId } = this.host.template;
    const event = cloudWatchLogs(b.events, { logGroup: f.logGroup, logStream: b.logStream, subscriptionFilters: [f.name], accountId, region, time: this.host.epoch(b.flushAt) });
    f.stats.batches++;
    f.stats.forwardedEvents += b.events.length;
    f.stats.forwardedBytes += b.events.reduce((n, e) => n + new TextEncoder().encode(e.message).length, 0);
    await this.host.invoke(f.destination.target, event, { type: "Event", trigger: `logs:${f.name}` });
  }

  // ---- report ------------------------------------------------------------------------------------

  report(): Record<string, unknown> {
    const subscriptionFilters: Record<string, unknown> = {};
    const metrics: Record<string, unknown> = {};
    for (const f of this.filters) {
      subscriptionFilters[f.id] = { name: f.name, logGroup: f.logGroup, filterPattern: f.pattern, destination: f.destination.target, ...f.stats };
      // CloudWatch Logs' per-filter metrics (CloudWatch Logs UG CloudWatch-Logs-Monitoring-CloudWatch-Metrics).
      metrics[f.id] = { ForwardedLogEvents: f.stats.forwardedEvents, ForwardedBytes: f.stats.forwardedBytes };
    }
    const edges = this.filters.map((f) => ({ from: f.source, to: f.destination.id, kind: "logs:subscription" }));
    return { subscriptionFilters, metrics, edges, warnings: this.warnings };
  }

}

/** The ARN of a log group as a Permission's SourceArn names it (`…:log-group:<name>:*`). */
export function logGroupArn(name: string, region: string, accountId: string): string {
  return `arn:aws:logs:${region}:${accountId}:log-group:${name}:*`;
}
