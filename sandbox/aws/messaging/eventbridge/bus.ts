/**
 * Simulated EventBridge (EventBridge UG eb-event-bus, eb-rules, eb-targets, eb-transform-target-input,
 * eb-create-rule-schedule): buses (the `default` bus and `AWS::Events::EventBus`), rules with an
 * event pattern or a schedule, and their targets — a function (asynchronous invocation), a queue,
 * a topic or another bus — each receiving the event, or what `Input`, `InputPath` or
 * `InputTransformer` make of it.
 */
import type { EventBridgeEvent } from "aws-lambda";
import { eventBridge, scheduledEvent } from "../../../events/messaging";
import type { ServiceHost } from "../../../service/service";
import { matchPattern, type CompiledPattern } from "../patterns/pattern";
import type { Schedule } from "../patterns/schedule";
import type { Queue } from "../sqs/queue";
import type { Topic } from "../sns/topic";

export type AnyEvent = EventBridgeEvent<string, unknown>;

export interface RuleTarget {
  id: string;
  arn: string;
  kind: "lambda" | "sqs" | "sns" | "eventbridge" | "unknown";
  /** Function to invoke, queue, topic or bus (resolved at attach). */
  functionTarget?: string;
  functionId?: string;
  queue?: Queue;
  topic?: Topic;
  bus?: Bus;
  input?: string;
  inputPath?: string;
  inputTransformer?: { InputPathsMap?: Record<string, string>; InputTemplate: string };
  delivered: number;
  failed: number;
  /** Why EventBridge may not invoke the function (no AWS::Lambda::Permission for events.amazonaws.com). */
  denied?: string;
  /** The target's DeadLetterConfig queue. */
  deadLetter?: Queue;
  sentToDlq: number;
}

export interface Rule {
  logicalId: string;
  name: string;
  arn: string;
  bus: Bus;
  pattern?: CompiledPattern;
  schedule?: Schedule;
  /** "schedule" for rate/cron rules and Scheduler schedules; "eventbridge" otherwise (report triggers). */
  triggerKind: "eventbridge" | "schedule";
  /** EventBridge Scheduler (ScheduleV2) passes the target's Input, not an event. */
  scheduler?: boolean;
  enabled: boolean;
  targets: RuleTarget[];
  matched: number;
  fired: number;
}

export class Bus {
  readonly rules: Rule[] = [];
  received = 0;
  readonly recent: { id: string; time: number; source: string; detailType: string; matchedRules: string[] }[] = [];
  constructor(
    readonly logicalId: string,
    readonly name: string,
    readonly arn: string,
  ) {}
}

/** Schedules fire for at most this long when the run gives no shorter duration (a run must end). */
export const SCHEDULE_HORIZON_MS = 24 * 3_600_000;

export class EventBridge {
  readonly buses = new Map<string, Bus>();
  constructor(private readonly host: ServiceHost) {
    const { region, accountId } = host.template;
    this.buses.set("default", new Bus("default", "default", `arn:aws:events:${region}:${accountId}:event-bus/default`));
  }

  bus(nameOrArn: string | undefined): Bus | undefined {
    const key = nameOrArn ?? "default";
    for (const b of this.buses.values()) if (b.name === key || b.arn === key || b.logicalId === key) return b;
    return undefined;
  }

  /** Build a PutEvents event at virtual time `t`. */
  event(t: number, e: { source: string; detailType: string; detail: unknown; resources?: string[]; time?: number }): AnyEvent {
    return eventBridge({
      source: e.source,
      detailType: e.detailType,
      detail: e.detail as Record<string, unknown>,
      resources: e.resources ?? [],
      id: this.host.rng.uuid(),
      time: e.time ?? this.host.epoch(t),
      region: this.host.template.region,
      accountId: this.host.template.accountId,
    });
  }

  /** Route an event on a bus at virtual time `t`: every enabled rule whose pattern matches. */
  put(t: number, bus: Bus, event: AnyEvent, depth = 0): void {
    bus.received++;
    const entry = { id: event.id, time: t, source: event.source, detailType: event["detail-type"], matchedRules: [] as string[] };
    if (bus.recent.length < 100) bus.recent.push(entry);
    for (const rule of bus.rules) {
      if (!rule.enabled || !rule.pattern || !matchPattern(rule.pattern, event)) continue;
      rule.matched++;
      entry.matchedRules.push(rule.name);
      for (const target of rule.targets) this.deliver(t, rule, target, event, depth);
    }
  }

  /** Arm a schedule rule: fire at each time of its expression (epoch UTC), within the horizon. */
  arm(rule: Rule, from: number, horizon = SCHEDULE_HORIZON_MS): void {
    const s = rule.schedule;
    if (!s || !rule.enabled) return;
    const base = this.host.epoch(0);
    const nextEpoch = s.next(this.host.epoch(from), base);
    if (nextEpoch === undefined) return;
    const at = nextEpoch - base;
    if (at > horizon) return;
    this.host.clock.at(at, () => {
      rule.fired++;
      const event = scheduledEvent({ rule: rule.name, id: this.host.rng.uuid(), time: this.host.epoch(at), region: this.host.template.region, accountId: this.host.template.accountId }) as unknown as AnyEvent;
      for (const target of rule.targets) this.deliver(at, rule, target, event, 0);
      this.arm(rule, at, horizon);
    });
  }

  /**
   * A missing permission is not retried: EventBridge counts a failed invocation and sends the event
   * straight to the target's dead-letter queue, with RULE_ARN, TARGET_ARN, ERROR_CODE and
   * ERROR_MESSAGE attributes (EventBridge UG eb-rule-dlq,
   * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html). The ERROR_MESSAGE
   * text is the simulator's.
   */
  private failPermanently(t: number, rule: Rule, target: RuleTarget, event: AnyEvent, code: string, detail: string): void {
    target.failed++;
    if (!target.deadLetter) return;
    target.sentToDlq++;
    const attr = (v: string) => ({ DataType: "String", StringValue: v });
    target.deadLetter.send(t, {
      body: JSON.stringify(event),
      attributes: { RULE_ARN: attr(rule.arn), TARGET_ARN: attr(target.arn), ERROR_CODE: attr(code), ERROR_MESSAGE: attr(detail) },
      origin: `${rule.triggerKind}:${rule.name}`,
      senderId: "AIDAIEVENTBRIDGE00000",
      messageId: this.host.rng.uuid(),
    });
  }

  private deliver(t: number, rule: Rule, target: RuleTarget, event: AnyEvent, depth: number): void {
    let payload: unknown;
    try {
      payload = rule.scheduler ? (target.input !== undefined ? parseMaybe(target.input) : {}) : transformInput(target, rule, event);
    } catch {
      target.failed++;
      return;
    }
    const trigger = `${rule.triggerKind}:${rule.name}`;
    switch (target.kind) {
      case "lambda":
        if (target.denied !== undefined) {
          this.failPermanently(t, rule, target, event, "NO_PERMISSIONS", target.denied);
          return;
        }
        target.delivered++;
        this.host.clock.at(t, async () => {
          await this.host.invoke(target.functionTarget as string, payload, { type: "Event", trigger });
        });
        return;
      case "sqs":
        target.delivered++;
        target.queue?.send(t, { body: typeof payload === "string" ? payload : JSON.stringify(payload), origin: trigger, senderId: "AIDAIEVENTBRIDGE00000", messageId: this.host.rng.uuid() });
        return;
      case "sns":
        target.delivered++;
        target.topic?.publish(t, { message: typeof payload === "string" ? payload : JSON.stringify(payload), origin: trigger, messageId: this.host.rng.uuid() });
        return;
      case "eventbridge":
        // A bus as a target receives the event itself; stop runaway bus-to-bus loops.
        if (target.bus && depth < 16) {
          target.delivered++;
          this.put(t, target.bus, event, depth + 1);
        } else target.failed++;
        return;
      default:
        target.failed++;
    }
  }
}

function parseMaybe(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** `$.detail.items[0].sku` → the value (a JSONPath subset: dots, brackets, indexes). */
export function jsonPath(value: unknown, path: string): unknown {
  if (path === "$") return value;
  if (!path.startsWith("$")) throw new Error(`InputPath ${path} must start with $`);
  const parts = path
    .slice(1)
    .split(/\.|\[|\]/)
    .filter((p) => p !== "")
    .map((p) => p.replace(/^['"]|['"]$/g, ""));
  let v: unknown = value;
  for (const p of parts) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[p];
  }
  return v;
}

/** Input (constant JSON), InputPath (part of the event) or InputTransformer (EventBridge UG eb-transform-target-input). */
export function transformInput(target: Pick<RuleTarget, "input" | "inputPath" | "inputTransformer">, rule: Pick<Rule, "name" | "arn">, event: AnyEvent): unknown {
  if (target.input !== undefined) return parseMaybe(target.input);
  if (target.inputPath !== undefined) return jsonPath(event, target.inputPath);
  const tr = target.inputTransformer;
  if (!tr) return event;
  const values: Record<string, unknown> = {
    "aws.events.rule-arn": rule.arn,
    "aws.events.rule-name": rule.name,
    "aws.events.event.ingestion-time": event.time,
    "aws.events.event": event,
    "aws.events.event.json": event,
  };
  for (const [k, p] of Object.entries(tr.InputPathsMap ?? {})) values[k] = jsonPath(event, p);
  // Inside a JSON string a value goes in as text; elsewhere as JSON.
  let text = "";
  let inString = false;
  const t = tr.InputTemplate;
  for (let i = 0; i < t.length; i++) {
    const c = t[i] as string;
    if (c === "\\" && inString) {
      text += c + (t[i + 1] ?? "");
      i++;
      continue;
    }
    if (c === '"') inString = !inString;
    if (c === "<") {
      const m = /^<([A-Za-z0-9_.-]+)>/.exec(t.slice(i));
      if (m && (m[1] as string) in values) {
        const v = values[m[1] as string];
        text += inString ? (typeof v === "string" ? JSON.stringify(v).slice(1, -1) : JSON.stringify(JSON.stringify(v ?? null)).slice(1, -1)) : v === undefined ? "null" : JSON.stringify(v);
        i += m[0].length - 1;
        continue;
      }
    }
    text += c;
  }
  return parseMaybe(text);
}
