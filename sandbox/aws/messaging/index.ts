/**
 * Messaging around a function (issue 5): SQS queues and the SQS event source mapping, SNS topics
 * and subscriptions, EventBridge buses, rules and schedules, their SDK operations, the `sqs`,
 * `sns` and `eventbridge` stimuli and the report section — as one service extension.
 *
 * @example
 * const hub = new SdkHub();
 * await simulate(templateYaml, driveYaml, { extensions: [hub.extension, messagingExtension(hub)] });
 */
import { DriveError, TemplateError } from "../../service/errors";
import type { ServiceExtension, ServiceHost, TargetResource } from "../../service/service";
import type { TemplateFunction, TemplateTarget } from "../../service/template";
import { functionByRef, type FunctionRef } from "../function-ref";
import type { SdkHub } from "../sdk/hub";
import { invokeAllowed, missingPermissionHint } from "../iam/permissions";
import { Bus, EventBridge, SCHEDULE_HORIZON_MS, type Rule, type RuleTarget } from "./eventbridge/bus";
import { eventBridgeService } from "./eventbridge/operations";
import { compileFilterCriteria, compileFilterPolicy, type LambdaFilters, type SnsAttributes } from "./patterns/filters";
import { compilePattern, PatternError } from "./patterns/pattern";
import { parseSchedule, ScheduleExpressionError } from "./patterns/schedule";
import { snsService } from "./sns/operations";
import { Topic, type ChainToken, type TopicChains } from "./sns/topic";
import { sqsService } from "./sqs/operations";
import { SqsPoller, type SqsMappingConfig } from "./sqs/poller";
import { Queue, type MessageAttributeValue, type QueueConfig } from "./sqs/queue";

export { compilePattern, matchPattern, PatternError } from "./patterns/pattern";
export { compileFilterCriteria, compileFilterPolicy, snsMessagePasses, sqsRecordPasses } from "./patterns/filters";
export { parseSchedule, ScheduleExpressionError } from "./patterns/schedule";

export interface MessagingOptions {
  /** Schedules fire up to this virtual time when the run has no shorter duration (default 24 h). */
  scheduleHorizon?: number;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** The state of one run's messaging services. */
export class Messaging {
  readonly queues = new Map<string, Queue>();
  readonly topics = new Map<string, Topic>();
  readonly eb: EventBridge;
  readonly rules: Rule[] = [];
  readonly pollers: SqsPoller[] = [];
  readonly edges: { from: string; to: string; kind: string }[] = [];
  readonly warnings: { resource: string; property?: string; message: string }[] = [];
  /** Invocations not made because their chain reached 16 (DG invocation-recursion: SQS and SNS are covered). */
  readonly recursionStops: { time: number; function: string; source: string; depth: number }[] = [];
  private hub: SdkHub | undefined;
  /** Recursion chains, kept by the hub so S3 and the Lambda client see the same chains. */
  readonly chains: TopicChains = {
    parentOf: (requestId) => (this.hub?.chainOf(requestId) as ChainToken | undefined) ?? { root: requestId, depth: 0 },
    continue: (parent, child) => void this.hub?.continueChain(parent, child),
    stopped: (time, fn, source, depth) => void this.recursionStops.push({ time, function: fn, source, depth }),
  };

  constructor(
    readonly host: ServiceHost,
    private readonly options: MessagingOptions = {},
  ) {
    this.eb = new EventBridge(host);
  }

  edge(from: string, to: string, kind: string): void {
    if (!this.edges.some((e) => e.from === from && e.to === to && e.kind === kind)) this.edges.push({ from, to, kind });
  }

  queueByRef(ref: unknown): Queue | undefined {
    if (typeof ref !== "string") return undefined;
    for (const q of this.queues.values()) if (q.config.arn === ref || q.config.url === ref || q.config.logicalId === ref || q.config.name === ref) return q;
    return undefined;
  }

  topicByRef(ref: unknown): Topic | undefined {
    if (typeof ref !== "string") return undefined;
    for (const t of this.topics.values()) if (t.arn === ref || t.logicalId === ref || t.name === ref) return t;
    return undefined;
  }

  functionByRef(ref: unknown): FunctionRef | undefined {
    return functionByRef(this.host.template.functions, ref);
  }

  // ---- deployment ------------------------------------------------------------------------------

  attach(hub: SdkHub): void {
    this.hub = hub;
    const t = this.host.template;
    for (const target of t.targets) {
      if (target.kind === "sqs") this.queues.set(target.logicalId, new Queue(queueConfig(target)));
      if (target.kind === "sns") {
        const topic = new Topic(target.logicalId, target.name, target.arn, this.host);
        topic.chains = this.chains;
        this.topics.set(target.logicalId, topic);
      }
      if (target.kind === "eventbridge") this.eb.buses.set(target.logicalId, new Bus(target.logicalId, target.name, target.arn));
    }
    for (const q of this.queues.values()) this.linkRedrive(q);
    for (const target of t.targets) {
      if (target.kind === "sns") this.topicSubscriptions(target);
    }
    for (const r of t.other) {
      if (r.type === "AWS::SNS::Subscription") this.snsSubscription(r.logicalId, r.properties);
      if (r.type === "AWS::Lambda::EventSourceMapping") this.eventSourceMapping(r.logicalId, r.properties);
      if (r.type === "AWS::Events::Rule") this.eventsRule(r.logicalId, r.properties);
      if (r.type === "AWS::Scheduler::Schedule") this.schedulerSchedule(r.logicalId, r.properties);
    }
    for (const f of t.functions) for (const e of f.events) this.functionEvent(f, e);
    // Function → queue/topic/bus edges for what Lambda itself delivers (DLQs, destinations).
    const mine = (ref: { logicalId?: string } | undefined) => ref?.logicalId !== undefined && (this.queues.has(ref.logicalId) || this.topics.has(ref.logicalId) || this.eb.buses.has(ref.logicalId));
    for (const f of t.functions) {
      if (mine(f.deadLetter)) this.edge(f.logicalId, f.deadLetter?.logicalId as string, "lambda:dead-letter-queue");
      const configs = [f.asyncConfig, ...t.eventInvokeConfigs.filter((c) => c.function === f.logicalId).map((c) => c.config)];
      for (const c of configs) {
        if (mine(c?.onSuccess)) this.edge(f.logicalId, c?.onSuccess?.logicalId as string, "lambda:destination:OnSuccess");
        if (mine(c?.onFailure)) this.edge(f.logicalId, c?.onFailure?.logicalId as string, "lambda:destination:OnFailure");
      }
    }
    // What Lambda itself delivers (dead-letter queues, destinations) enters the simulated services.
    for (const [id, res] of this.host.resources) this.listen(id, res);
    for (const q of this.queues.values()) hub.nameResource(q.config.arn, q.config.logicalId);
    for (const tp of this.topics.values()) hub.nameResource(tp.arn, tp.logicalId);
    for (const b of this.eb.buses.values()) hub.nameResource(b.arn, b.logicalId);
    for (const rule of this.rules) this.eb.arm(rule, this.host.clock.now(), this.options.scheduleHorizon ?? SCHEDULE_HORIZON_MS);
  }

  private listen(id: string, res: TargetResource): void {
    const q = this.queues.get(id);
    const topic = this.topics.get(id);
    const bus = this.eb.bus(id);
    res.onDeliver((message, time) => {
      const m = (isObj(message) ? message : { body: JSON.stringify(message) });
      if (q) {
        q.counts.deliveredByLambda++;
        const attrs: Record<string, MessageAttributeValue> = {};
        for (const [k, a] of Object.entries(isObj(m.messageAttributes) ? m.messageAttributes : {})) {
          const x = a as { dataType?: string; stringValue?: string };
          if (x.dataType) attrs[k] = { DataType: x.dataType, StringValue: String(x.stringValue ?? "") };
        }
        const body = typeof m.body === "string" ? m.body : JSON.stringify(message);
        q.send(time, { body, attributes: attrs, origin: "lambda", senderId: "AIDAILAMBDASERVICE000", messageId: typeof m.messageId === "string" ? m.messageId : this.host.rng.uuid(), ...(q.config.fifo ? { groupId: "lambda" } : {}) });
      } else if (topic) {
        const text = typeof m.Message === "string" ? m.Message : typeof m.body === "string" ? m.body : JSON.stringify(message);
        const attributes: SnsAttributes = {};
        for (const [k, a] of Object.entries(isObj(m.messageAttributes) ? m.messageAttributes : {})) {
          const x = a as { dataType?: string; stringValue?: string };
          if (x.dataType) attributes[k] = { DataType: x.dataType, StringValue: String(x.stringValue ?? "") };
        }
        topic.publish(time, { message: text, attributes, origin: "lambda", messageId: typeof m.MessageId === "string" ? m.MessageId : this.host.rng.uuid() });
      } else if (bus && bus.logicalId === id) {
        this.eb.put(time, bus, message as never);
      }
    });
  }

  private linkRedrive(q: Queue): void {
    const r = q.config.redrive;
    if (!r) return;
    const dlq = this.queueByRef(r.deadLetterTargetArn);
    if (!dlq) {
      this.warnings.push({ resource: q.config.logicalId, property: "RedrivePolicy.deadLetterTargetArn", message: `${r.deadLetterTargetArn} is not a queue of this template: messages past maxReceiveCount stay in the queue` });
      return;
    }
    // "The dead-letter queue of a FIFO queue must also be a FIFO queue" (SQS DG sqs-dead-letter-queues).
    if (q.config.fifo !== dlq.config.fifo) throw new TemplateError(`the dead-letter queue of a ${q.config.fifo ? "FIFO" : "standard"} queue must also be a ${q.config.fifo ? "FIFO" : "standard"} queue (${dlq.config.logicalId} is not)`, { resource: q.config.logicalId, property: "RedrivePolicy" });
    q.deadLetterQueue = dlq;
    this.edge(q.config.logicalId, dlq.config.logicalId, "sqs:redrive");
  }

  // ---- SQS event source mappings ----------------------------------------------------------------

  private mapping(where: { resource: string; property: string }, id: string, fnRef: { target: string; id: string; fn: TemplateFunction }, q: Queue, p: Obj): void {
    const at = (prop: string) => ({ resource: where.resource, property: `${where.property}${prop}` });
    const num = (prop: string, min: number, max: number, dflt: number | undefined): number | undefined => {
      const v = p[prop];
      if (v === undefined) return dflt;
      const n = typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v;
      if (typeof n !== "number" || !Number.isInteger(n) || n < min || n > max) throw new TemplateError(`must be a whole number from ${min} to ${max} (got ${JSON.stringify(v)})`, at(prop));
      return n;
    };
    const fifo = q.config.fifo;
    const batchSize = num("BatchSize", 1, fifo ? 10 : 10_000, 10) as number;
    const windowS = num("MaximumBatchingWindowInSeconds", 0, 300, 0) as number;
    // services-sqs-parameters: "Batching window is not supported for FIFO queues"; BatchSize over 10 needs a window.
    if (fifo && windowS > 0) throw new TemplateError("Batching window is not supported for FIFO queues", at("MaximumBatchingWindowInSeconds"));
    if (batchSize > 10 && windowS < 1) throw new TemplateError("Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10", at("MaximumBatchingWindowInSeconds"));
    const types = p.FunctionResponseTypes;
    if (types !== undefined && (!Array.isArray(types) || types.some((x) => x !== "ReportBatchItemFailures"))) throw new TemplateError(`FunctionResponseTypes may only contain ReportBatchItemFailures (got ${JSON.stringify(types)})`, at("FunctionResponseTypes"));
    let maximumConcurrency: number | undefined;
    if (p.ScalingConfig !== undefined) {
      if (!isObj(p.ScalingConfig)) throw new TemplateError("must be { MaximumConcurrency: 2–1000 }", at("ScalingConfig"));
      const mc = p.ScalingConfig.MaximumConcurrency;
      if (mc !== undefined && (typeof mc !== "number" || !Number.isInteger(mc) || mc < 2 || mc > 1000)) throw new TemplateError(`MaximumConcurrency must be from 2 to 1000 (got ${JSON.stringify(mc)})`, at("ScalingConfig.MaximumConcurrency"));
      if (typeof mc === "number") maximumConcurrency = mc;
    }
    let filters: LambdaFilters | undefined;
    try {
      filters = compileFilterCriteria(p.FilterCriteria);
    } catch (e) {
      if (e instanceof PatternError) throw new TemplateError(e.message, at("FilterCriteria"));
      throw e;
    }
    // CreateEventSourceMapping refuses a queue whose visibility timeout is shorter than the function timeout.
    if (q.config.visibilityTimeoutS < fnRef.fn.timeoutSeconds) {
      throw new TemplateError(`Queue visibility timeout: ${q.config.visibilityTimeoutS} seconds is less than Function timeout: ${fnRef.fn.timeoutSeconds} seconds`, { resource: q.config.logicalId, property: "VisibilityTimeout" });
    }
    const enabled = p.Enabled === undefined ? true : p.Enabled === true || p.Enabled === "true";
    const config: SqsMappingConfig = {
      id,
      functionId: fnRef.id,
      target: fnRef.target,
      queue: q,
      batchSize,
      windowMs: windowS * 1000,
      reportBatchItemFailures: Array.isArray(types) && types.includes("ReportBatchItemFailures"),
      ...(maximumConcurrency !== undefined ? { maximumConcurrency } : {}),
      ...(filters ? { filters } : {}),
      enabled,
    };
    const poller = new SqsPoller(config, this.host);
    poller.chains = this.chains;
    this.pollers.push(poller);
    this.edge(q.config.logicalId, fnRef.id, "sqs:event-source-mapping");
  }

  private eventSourceMapping(id: string, p: Obj): void {
    const source = p.EventSourceArn;
    if (typeof source !== "string" || !source.startsWith("arn:aws:sqs:")) return; // streams are the data extension's
    const q = this.queueByRef(source);
    const fnRef = this.functionByRef(p.FunctionName);
    if (!q) return void this.warnings.push({ resource: id, property: "EventSourceArn", message: `${source} is not a queue of this template: not simulated` });
    if (!fnRef) throw new TemplateError(`no function ${JSON.stringify(p.FunctionName)} in the template`, { resource: id, property: "FunctionName" });
    this.mapping({ resource: id, property: "" }, id, fnRef, q, p);
  }

  // ---- SAM Events of functions -----------------------------------------------------------------

  private functionEvent(f: TemplateFunction, e: { name: string; type: string; properties: Obj }): void {
    const where = { resource: f.logicalId, property: `Events.${e.name}.Properties.` };
    // SAM attaches event sources to the AutoPublishAlias when there is one.
    const self = { target: f.autoPublishAlias ? `${f.logicalId}:${f.autoPublishAlias}` : f.logicalId, id: f.logicalId, fn: f };
    const p = e.properties;
    switch (e.type) {
      case "SQS": {
        const q = this.queueByRef(p.Queue);
        if (!q && typeof p.Queue === "string" && p.Queue.startsWith("arn:aws:sqs:")) {
          this.warnings.push({ resource: f.logicalId, property: `Events.${e.name}`, message: `${p.Queue} is not a queue of this template: this event source is not simulated` });
          return;
        }
        if (!q) throw new TemplateError(`${JSON.stringify(p.Queue)} is not a queue of this template (use !GetAtt MyQueue.Arn)`, { resource: f.logicalId, property: `Events.${e.name}.Properties.Queue` });
        this.mapping(where, `${f.logicalId}.${e.name}`, self, q, p);
        return;
      }
      case "SNS": {
        const topic = this.topicByRef(p.Topic);
        if (!topic && typeof p.Topic === "string" && p.Topic.startsWith("arn:aws:sns:")) {
          this.warnings.push({ resource: f.logicalId, property: `Events.${e.name}`, message: `${p.Topic} is not a topic of this template: this event source is not simulated` });
          return;
        }
        if (!topic) throw new TemplateError(`${JSON.stringify(p.Topic)} is not a topic of this template (use !Ref MyTopic)`, { resource: f.logicalId, property: `Events.${e.name}.Properties.Topic` });
        const filter = this.filterPolicy(p.FilterPolicy, p.FilterPolicyScope, { resource: f.logicalId, property: `Events.${e.name}.Properties.FilterPolicy` });
        if (p.SqsSubscription !== undefined && p.SqsSubscription !== false) {
          // SAM: a queue subscribed to the topic, and an SQS event source for the function.
          const opts = isObj(p.SqsSubscription) ? p.SqsSubscription : {};
          let q = this.queueByRef(opts.QueueArn);
          if (!q) {
            const logicalId = `${f.logicalId}${e.name}Queue`;
            const name = `${this.host.template.stackName}-${logicalId}`;
            const { region, accountId } = this.host.template;
            q = new Queue(queueConfig({ logicalId, kind: "sqs", type: "AWS::SQS::Queue", name, arn: `arn:aws:sqs:${region}:${accountId}:${name}`, url: `https://sqs.${region}.amazonaws.com/${accountId}/${name}`, properties: { VisibilityTimeout: Math.max(30, f.timeoutSeconds) } }));
            this.queues.set(logicalId, q);
          }
          topic.subscribe({ id: `${f.logicalId}.${e.name}`, protocol: "sqs", queue: q, ...(filter ? { filter } : {}), raw: false });
          this.edge(topic.logicalId, q.config.logicalId, "sns:subscription");
          this.mapping(where, `${f.logicalId}.${e.name}`, self, q, { BatchSize: opts.BatchSize ?? 10, Enabled: opts.Enabled ?? true });
          return;
        }
        topic.subscribe({ id: `${f.logicalId}.${e.name}`, protocol: "lambda", functionTarget: self.target, functionId: f.logicalId, ...(filter ? { filter } : {}), raw: false });
        this.edge(topic.logicalId, f.logicalId, "sns:subscription");
        return;
      }
      case "EventBridgeRule":
      case "CloudWatchEvent": {
        const name = typeof p.RuleName === "string" ? p.RuleName : `${f.logicalId}${e.name}`;
        this.addRule(`${f.logicalId}.${e.name}`, name, { ...p, EventPattern: p.Pattern, EventBusName: p.EventBusName, State: p.State ?? (p.Enabled === false ? "DISABLED" : undefined) }, [
          { Id: p.Target && isObj(p.Target) && typeof p.Target.Id === "string" ? p.Target.Id : `${f.logicalId}${e.name}LambdaTarget`, Arn: f.arn, Input: p.Input, InputPath: p.InputPath, InputTransformer: p.InputTransformer, self },
        ], { resource: f.logicalId, property: `Events.${e.name}.Properties` });
        return;
      }
      case "Schedule":
      case "ScheduleV2": {
        const name = typeof p.Name === "string" ? p.Name : `${f.logicalId}${e.name}`;
        const expression = e.type === "Schedule" ? p.Schedule : p.ScheduleExpression;
        const disabled = p.Enabled === false || p.State === "DISABLED";
        this.addRule(`${f.logicalId}.${e.name}`, name, { ScheduleExpression: expression, State: disabled ? "DISABLED" : "ENABLED" }, [{ Id: `${f.logicalId}${e.name}LambdaTarget`, Arn: f.arn, Input: p.Input, self }], { resource: f.logicalId, property: `Events.${e.name}.Properties` }, e.type === "ScheduleV2");
        return;
      }
      default:
        return;
    }
  }

  private filterPolicy(policy: unknown, scope: unknown, where: { resource: string; property: string }) {
    try {
      return compileFilterPolicy(policy, scope ?? "MessageAttributes");
    } catch (e) {
      if (e instanceof PatternError) throw new TemplateError(e.message, where);
      throw e;
    }
  }

  // ---- SNS subscriptions -----------------------------------------------------------------------

  private topicSubscriptions(target: TemplateTarget): void {
    const subs = target.properties.Subscription;
    if (!Array.isArray(subs)) return;
    subs.forEach((s, i) => {
      if (isObj(s)) this.subscribe(`${target.logicalId}.Subscription[${i}]`, { TopicArn: target.arn, ...s }, { resource: target.logicalId, property: `Subscription[${i}]` });
    });
  }

  private snsSubscription(id: string, p: Obj): void {
    this.subscribe(id, p, { resource: id, property: "" });
  }

  private subscribe(id: string, p: Obj, where: { resource: string; property: string }): void {
    const topic = this.topicByRef(p.TopicArn);
    const at = (prop: string) => ({ resource: where.resource, property: where.property ? `${where.property}.${prop}` : prop });
    if (!topic) throw new TemplateError(`${JSON.stringify(p.TopicArn)} is not a topic of this template`, at("TopicArn"));
    const filter = this.filterPolicy(p.FilterPolicy, p.FilterPolicyScope, at("FilterPolicy"));
    const raw = p.RawMessageDelivery === true || p.RawMessageDelivery === "true";
    if (p.Protocol === "lambda") {
      const fnRef = this.functionByRef(p.Endpoint);
      if (!fnRef) throw new TemplateError(`${JSON.stringify(p.Endpoint)} is not a function of this template`, at("Endpoint"));
      // SNS invokes the function only if its resource-based policy allows sns.amazonaws.com
      // (DG permissions-function-services, https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-services.html);
      // the subscription is created either way and its deliveries fail.
      const denied = invokeAllowed(this.host.template, fnRef.fn, { principal: "sns.amazonaws.com", sourceArn: topic.arn }) ? undefined : missingPermissionHint(fnRef.fn, "sns.amazonaws.com", topic.arn);
      if (denied) this.warnings.push({ resource: where.resource, property: at("Endpoint").property, message: `${denied}: every delivery fails (NumberOfNotificationsFailed) and SNS does not retry it` });
      const deadLetter = this.redriveQueue(p.RedrivePolicy, at("RedrivePolicy"));
      topic.subscribe({ id, protocol: "lambda", functionTarget: fnRef.target, functionId: fnRef.id, ...(filter ? { filter } : {}), raw: false, ...(denied ? { denied } : {}), ...(deadLetter ? { deadLetter } : {}) });
      this.edge(topic.logicalId, fnRef.id, "sns:subscription");
    } else if (p.Protocol === "sqs") {
      const q = this.queueByRef(p.Endpoint);
      if (!q) throw new TemplateError(`${JSON.stringify(p.Endpoint)} is not a queue of this template`, at("Endpoint"));
      topic.subscribe({ id, protocol: "sqs", queue: q, ...(filter ? { filter } : {}), raw });
      this.edge(topic.logicalId, q.config.logicalId, "sns:subscription");
    } else {
      this.warnings.push({ resource: where.resource, property: at("Protocol").property, message: `protocol ${String(p.Protocol)} is not simulated (lambda and sqs are)` });
    }
  }

  /** A subscription's or a rule target's dead-letter queue (`{ deadLetterTargetArn }` / `{ Arn }`, object or JSON text). */
  private redriveQueue(policy: unknown, where: { resource: string; property: string }): Queue | undefined {
    if (policy === undefined) return undefined;
    let v = policy;
    if (typeof v === "string") {
      try {
        v = JSON.parse(v);
      } catch {
        throw new TemplateError("must be JSON or a mapping { deadLetterTargetArn }", where);
      }
    }
    const arn = isObj(v) ? (v.deadLetterTargetArn ?? v.Arn) : undefined;
    if (typeof arn !== "string") throw new TemplateError("must name the queue's ARN ({ deadLetterTargetArn } for a subscription, { Arn } for a rule target)", where);
    const q = this.queueByRef(arn);
    if (!q) this.warnings.push({ ...where, message: `${arn} is not a queue of this template: what fails is not kept` });
    return q;
  }

  // ---- EventBridge rules and schedules -----------------------------------------------------------

  private eventsRule(id: string, p: Obj): void {
    const targets = Array.isArray(p.Targets) ? (p.Targets as Obj[]) : [];
    this.addRule(id, typeof p.Name === "string" ? p.Name : id, p, targets, { resource: id, property: "" });
  }

  private schedulerSchedule(id: string, p: Obj): void {
    const target = isObj(p.Target) ? p.Target : {};
    this.addRule(id, typeof p.Name === "string" ? p.Name : id, { ScheduleExpression: p.ScheduleExpression, State: p.State }, [{ Id: "Target", Arn: target.Arn, Input: target.Input }], { resource: id, property: "" }, true);
  }

  private addRule(id: string, name: string, p: Obj, targets: (Obj & { self?: { target: string; id: string } })[], where: { resource: string; property: string }, scheduler = false): void {
    const at = (prop: string) => ({ resource: where.resource, property: where.property ? `${where.property}.${prop}` : prop });
    const busRef = typeof p.EventBusName === "string" ? p.EventBusName : undefined;
    const bus = this.eb.bus(busRef);
    if (!bus) throw new TemplateError(`event bus ${JSON.stringify(busRef)} is not in this template (nor the default bus)`, at("EventBusName"));
    if (p.EventPattern === undefined && p.ScheduleExpression === undefined) throw new TemplateError("a rule needs an EventPattern or a ScheduleExpression", at("EventPattern"));
    const rule: Rule = {
      logicalId: id,
      name,
      arn: `arn:aws:events:${this.host.template.region}:${this.host.template.accountId}:rule/${bus.name === "default" ? "" : `${bus.name}/`}${name}`,
      bus,
      triggerKind: p.ScheduleExpression !== undefined ? "schedule" : "eventbridge",
      ...(scheduler ? { scheduler: true } : {}),
      enabled: p.State === undefined || p.State === "ENABLED" || p.State === "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS",
      targets: [],
      matched: 0,
      fired: 0,
    };
    if (p.EventPattern !== undefined) {
      try {
        rule.pattern = compilePattern(p.EventPattern, "eventbridge");
      } catch (e) {
        if (e instanceof PatternError) throw new TemplateError(e.message, at(where.property.startsWith("Events") ? "Pattern" : "EventPattern"));
        throw e;
      }
    }
    if (p.ScheduleExpression !== undefined) {
      // "ScheduleExpression is supported only on the default event bus" (PutRule).
      if (bus.name !== "default" && !scheduler) throw new TemplateError("ScheduleExpression is supported only on the default event bus.", at("ScheduleExpression"));
      try {
        rule.schedule = parseSchedule(String(p.ScheduleExpression));
      } catch (e) {
        if (e instanceof ScheduleExpressionError) throw new TemplateError(e.message, at(where.property.startsWith("Events") ? "Schedule" : "ScheduleExpression"));
        throw e;
      }
    }
    if (targets.length > 5) throw new TemplateError(`a rule has at most 5 targets (got ${targets.length})`, at("Targets"));
    for (const [i, t] of targets.entries()) rule.targets.push(this.ruleTarget(rule, t, at(`Targets[${i}]`)));
    bus.rules.push(rule);
    this.rules.push(rule);
    this.edge(bus.logicalId, rule.logicalId, "eventbridge:rule");
  }

  private ruleTarget(rule: Rule, t: Obj & { self?: { target: string; id: string } }, where: { resource: string; property: string }): RuleTarget {
    const arn = String(t.Arn ?? "");
    const target: RuleTarget = { id: String(t.Id ?? "Target"), arn, kind: "unknown", delivered: 0, failed: 0, sentToDlq: 0 };
    if (typeof t.Input === "string") target.input = t.Input;
    else if (t.Input !== undefined) target.input = JSON.stringify(t.Input);
    if (typeof t.InputPath === "string") target.inputPath = t.InputPath;
    if (isObj(t.InputTransformer)) {
      if (typeof t.InputTransformer.InputTemplate !== "string") throw new TemplateError("InputTransformer needs an InputTemplate", where);
      target.inputTransformer = t.InputTransformer as RuleTarget["inputTransformer"] & object;
    }
    const fnRef = t.self ?? this.functionByRef(arn);
    const q = this.queueByRef(arn);
    const topic = this.topicByRef(arn);
    const bus = arn.includes(":event-bus/") ? this.eb.bus(arn) : undefined;
    const ruleNode = rule.logicalId;
    if (isObj(t.DeadLetterConfig)) {
      const dlq = this.redriveQueue(t.DeadLetterConfig, { resource: where.resource, property: `${where.property}.DeadLetterConfig` });
      if (dlq) target.deadLetter = dlq;
    }
    if (fnRef) {
      Object.assign(target, { kind: "lambda", functionTarget: fnRef.target, functionId: fnRef.id });
      // A plain rule's function target needs a resource-based policy for events.amazonaws.com
      // (EventBridge UG eb-use-resource-based, https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html);
      // SAM's EventBridgeRule/Schedule events create it. EventBridge Scheduler uses its role instead.
      const fnDef = this.host.template.functions.find((f) => f.logicalId === fnRef.id);
      if (!t.self && !rule.scheduler && fnDef && !invokeAllowed(this.host.template, fnDef, { principal: "events.amazonaws.com", sourceArn: rule.arn })) {
        target.denied = missingPermissionHint(fnDef, "events.amazonaws.com", rule.arn);
        this.warnings.push({ ...where, message: `${target.denied}: every invocation fails (FailedInvocations) without retries${target.deadLetter ? `, the event goes to ${target.deadLetter.config.logicalId}` : ""}` });
      }
      this.edge(ruleNode, fnRef.id, rule.triggerKind === "schedule" ? "schedule:target" : "eventbridge:target");
    } else if (q) {
      Object.assign(target, { kind: "sqs", queue: q });
      this.edge(ruleNode, q.config.logicalId, "eventbridge:target");
    } else if (topic) {
      Object.assign(target, { kind: "sns", topic });
      this.edge(ruleNode, topic.logicalId, "eventbridge:target");
    } else if (bus) {
      Object.assign(target, { kind: "eventbridge", bus });
      this.edge(ruleNode, bus.logicalId, "eventbridge:target");
    } else {
      this.warnings.push({ ...where, message: `${arn || "(no Arn)"} is not a function, queue, topic or bus of this template: deliveries to it are not simulated and count as failed` });
    }
    return target;
  }

  // ---- stimuli -----------------------------------------------------------------------------------

  stimulus(kind: string, spec: unknown, path: string): void {
    const t = this.host.clock.now();
    const at = `${path}.${kind}`;
    if (!isObj(spec)) throw new DriveError(at, `must be a mapping (e.g. ${kind === "sqs" ? "{ queue: Jobs, messages: [hello] }" : kind === "sns" ? "{ topic: Orders, message: hello }" : "{ source: app.orders, detailType: OrderCreated, detail: {} }"})`);
    if (kind === "sqs") return this.sqsStimulus(t, spec, at);
    if (kind === "sns") return this.snsStimulus(t, spec, at);
    return this.eventBridgeStimulus(t, spec, at);
  }

  private sqsStimulus(t: number, spec: Obj, at: string): void {
    const q = this.queueByRef(spec.queue);
    if (!q) throw new DriveError(`${at}.queue`, `no queue ${JSON.stringify(spec.queue)} in the template (queues: ${[...this.queues.keys()].join(", ") || "none"})`);
    const messages = spec.messages ?? (spec.message !== undefined ? [spec.message] : undefined);
    if (!Array.isArray(messages) || messages.length === 0) throw new DriveError(`${at}.messages`, 'must be a non-empty list of messages ("text" or { body, attributes, groupId, dedupId, delaySeconds })');
    messages.forEach((m, i) => {
      const mp = `${at}.messages[${i}]`;
      const o: Obj = isObj(m) && "body" in m ? m : { body: m };
      const body = typeof o.body === "string" ? o.body : JSON.stringify(o.body);
      if (body === undefined || body === "") throw new DriveError(`${mp}.body`, "a message needs a non-empty body");
      if (q.config.fifo && typeof o.groupId !== "string") throw new DriveError(`${mp}.groupId`, `${q.config.logicalId} is a FIFO queue: each message needs a groupId (MessageGroupId)`);
      if (q.config.fifo && o.dedupId === undefined && !q.config.contentBasedDeduplication) throw new DriveError(`${mp}.dedupId`, `${q.config.logicalId} has no ContentBasedDeduplication: each message needs a dedupId (MessageDeduplicationId)`);
      if (!q.config.fifo && o.groupId !== undefined) throw new DriveError(`${mp}.groupId`, `${q.config.logicalId} is a standard queue: groupId is for FIFO queues`);
      const delay = o.delaySeconds;
      if (delay !== undefined && (typeof delay !== "number" || !Number.isInteger(delay) || delay < 0 || delay > 900 || q.config.fifo)) throw new DriveError(`${mp}.delaySeconds`, q.config.fifo ? "FIFO queues take no per-message delay" : "must be 0–900");
      q.send(t, {
        body,
        attributes: driveAttributes(o.attributes, `${mp}.attributes`),
        ...(typeof delay === "number" ? { delayS: delay } : {}),
        ...(typeof o.groupId === "string" ? { groupId: o.groupId } : {}),
        ...(typeof o.dedupId === "string" ? { dedupId: o.dedupId } : {}),
        origin: "stimulus",
        senderId: "AIDAIENQZJOLO23YVJ4VO",
        messageId: this.host.rng.uuid(),
      });
    });
  }

  private snsStimulus(t: number, spec: Obj, at: string): void {
    const topic = this.topicByRef(spec.topic);
    if (!topic) throw new DriveError(`${at}.topic`, `no topic ${JSON.stringify(spec.topic)} in the template (topics: ${[...this.topics.keys()].join(", ") || "none"})`);
    if (spec.message === undefined) throw new DriveError(`${at}.message`, "is required");
    const message = typeof spec.message === "string" ? spec.message : JSON.stringify(spec.message);
    const attributes: SnsAttributes = {};
    for (const [k, a] of Object.entries(driveAttributes(spec.attributes, `${at}.attributes`))) attributes[k] = { DataType: a.DataType, ...(a.StringValue !== undefined ? { StringValue: a.StringValue } : {}) };
    topic.publish(t, { message, ...(typeof spec.subject === "string" ? { subject: spec.subject } : {}), attributes, origin: "stimulus", messageId: this.host.rng.uuid() });
  }

  private eventBridgeStimulus(t: number, spec: Obj, at: string): void {
    const bus = this.eb.bus(typeof spec.bus === "string" ? spec.bus : undefined);
    if (!bus) throw new DriveError(`${at}.bus`, `no event bus ${JSON.stringify(spec.bus)} (buses: ${[...this.eb.buses.values()].map((b) => b.logicalId).join(", ")})`);
    if (typeof spec.source !== "string" || spec.source === "") throw new DriveError(`${at}.source`, "Source is a required argument.");
    if (typeof spec.detailType !== "string" || spec.detailType === "") throw new DriveError(`${at}.detailType`, "DetailType is a required argument.");
    if (spec.detail !== undefined && !isObj(spec.detail)) throw new DriveError(`${at}.detail`, "Detail is malformed: it must be a JSON object.");
    const event = this.eb.event(t, { source: spec.source, detailType: spec.detailType, detail: spec.detail ?? {}, ...(Array.isArray(spec.resources) ? { resources: spec.resources as string[] } : {}) });
    this.eb.put(t, bus, event);
  }

  // ---- report ------------------------------------------------------------------------------------

  report(): unknown {
    const now = this.host.clock.now();
    const resources: Record<string, unknown> = {};
    const metrics: Record<string, unknown> = {};
    for (const q of this.queues.values()) {
      const d = q.depth(now);
      const oldest = q.oldestEnteredAt();
      const age = oldest === undefined ? 0 : Math.floor((now - oldest) / 1000);
      const sample = [...q.live.values()].slice(0, 20).map((m) => ({ messageId: m.messageId, body: m.body.length > 4096 ? `${m.body.slice(0, 4096)}…` : m.body, receiveCount: m.receiveCount, sentAt: m.sentAt, ...(m.redrivenFrom ? { deadLetterQueueSourceArn: m.redrivenFrom } : {}), ...(m.groupId ? { groupId: m.groupId } : {}) }));
      resources[q.config.logicalId] = {
        type: "AWS::SQS::Queue",
        arn: q.config.arn,
        url: q.config.url,
        fifo: q.config.fifo,
        visible: d.visible,
        inFlight: d.inFlight,
        delayed: d.delayed,
        ...q.counts,
        ...(q.config.redrive ? { redrivePolicy: q.config.redrive } : {}),
        ApproximateAgeOfOldestMessage: age,
        messages: sample,
      };
      metrics[q.config.logicalId] = {
        ApproximateAgeOfOldestMessage: age,
        MaxApproximateAgeOfOldestMessage: Math.floor(Math.max(q.maxAgeOfOldestMs, oldest === undefined ? 0 : now - oldest) / 1000),
        ApproximateNumberOfMessagesVisible: d.visible,
        ApproximateNumberOfMessagesNotVisible: d.inFlight,
        NumberOfMessagesSent: q.counts.sent,
        NumberOfMessagesReceived: q.counts.received,
        NumberOfMessagesDeleted: q.counts.deleted,
      };
    }
    for (const tp of this.topics.values()) {
      resources[tp.logicalId] = {
        type: "AWS::SNS::Topic",
        arn: tp.arn,
        published: tp.published,
        subscriptions: tp.subscriptions.map((s) => ({ id: s.id, protocol: s.protocol, endpoint: s.functionId ?? s.queue?.config.logicalId, raw: s.raw, filterPolicy: s.filter?.pattern.source, filterPolicyScope: s.filter?.scope, delivered: s.delivered, filteredOut: s.filteredOut, failed: s.failed, ...(s.denied ? { error: s.denied } : {}), ...(s.deadLetter ? { deadLetterQueue: s.deadLetter.config.logicalId } : {}) })),
        recent: tp.recent,
      };
      // SNS's per-topic CloudWatch metrics (SNS DG sns-monitoring-using-cloudwatch).
      metrics[tp.logicalId] = {
        NumberOfMessagesPublished: tp.published,
        NumberOfNotificationsDelivered: tp.subscriptions.reduce((n, s) => n + s.delivered, 0),
        NumberOfNotificationsFailed: tp.subscriptions.reduce((n, s) => n + s.failed, 0),
        NumberOfNotificationsFilteredOut: tp.subscriptions.reduce((n, s) => n + s.filteredOut, 0),
      };
    }
    for (const b of this.eb.buses.values()) {
      if (b.logicalId === "default" && b.received === 0 && b.rules.length === 0) continue;
      resources[b.logicalId] = { type: "AWS::Events::EventBus", arn: b.arn, name: b.name, received: b.received, rules: b.rules.map((r) => r.name), recent: b.recent };
    }
    for (const r of this.rules) {
      resources[r.logicalId] = {
        type: r.scheduler ? "AWS::Scheduler::Schedule" : "AWS::Events::Rule",
        name: r.name,
        arn: r.arn,
        bus: r.bus.name,
        enabled: r.enabled,
        ...(r.pattern ? { eventPattern: r.pattern.source } : {}),
        ...(r.schedule ? { scheduleExpression: r.schedule.expression } : {}),
        matched: r.matched,
        fired: r.fired,
        targets: r.targets.map((t) => ({ id: t.id, arn: t.arn, kind: t.kind, delivered: t.delivered, failed: t.failed, ...(t.denied ? { error: "NO_PERMISSIONS" } : {}), ...(t.deadLetter ? { deadLetterQueue: t.deadLetter.config.logicalId, sentToDlq: t.sentToDlq } : {}) })),
      };
      // EventBridge's per-rule CloudWatch metrics (EventBridge UG eb-monitoring).
      metrics[r.logicalId] = {
        TriggeredRules: r.pattern ? r.matched : r.fired,
        Invocations: r.targets.reduce((n, t) => n + t.delivered + t.failed, 0),
        FailedInvocations: r.targets.reduce((n, t) => n + t.failed, 0),
        InvocationsSentToDLQ: r.targets.reduce((n, t) => n + t.sentToDlq, 0),
      };
    }
    const eventSourceMappings: Record<string, unknown> = {};
    for (const p of this.pollers) {
      const c = p.config;
      eventSourceMappings[c.id] = {
        function: c.target,
        queue: c.queue.config.logicalId,
        batchSize: c.batchSize,
        maximumBatchingWindowInSeconds: c.windowMs / 1000,
        reportBatchItemFailures: c.reportBatchItemFailures,
        ...(c.maximumConcurrency !== undefined ? { maximumConcurrency: c.maximumConcurrency } : {}),
        filters: c.filters?.patterns.map((x) => x.source) ?? [],
        enabled: c.enabled,
        ...p.stats,
      };
    }
    const dropped: Record<string, number> = {};
    for (const s of this.recursionStops) dropped[s.function] = (dropped[s.function] ?? 0) + 1;
    metrics.RecursiveInvocationsDropped = dropped;
    return { resources, eventSourceMappings, edges: this.edges, metrics, recursiveLoops: this.recursionStops, warnings: this.warnings };
  }
}

/** Drive-file attributes: `{ name: "text" | 12 | { DataType, StringValue } }` → SDK message attributes. */
function driveAttributes(v: unknown, path: string): Record<string, MessageAttributeValue> {
  if (v === undefined) return {};
  if (!isObj(v)) throw new DriveError(path, "must be a mapping of attribute names to values");
  const out: Record<string, MessageAttributeValue> = {};
  for (const [k, a] of Object.entries(v)) {
    if (typeof a === "string") out[k] = { DataType: "String", StringValue: a };
    else if (typeof a === "number") out[k] = { DataType: "Number", StringValue: String(a) };
    else if (Array.isArray(a)) out[k] = { DataType: "String.Array", StringValue: JSON.stringify(a) };
    else if (isObj(a) && typeof a.DataType === "string") out[k] = { DataType: a.DataType, StringValue: String(a.StringValue ?? "") };
    else throw new DriveError(`${path}.${k}`, "must be a string, a number, a list or { DataType, StringValue }");
  }
  return out;
}

/** Queue properties (CloudFormation AWS::SQS::Queue) with SQS's defaults and limits. */
export function queueConfig(t: TemplateTarget): QueueConfig {
  const p = t.properties;
  const where = (prop: string) => ({ resource: t.logicalId, property: prop });
  const num = (prop: string, min: number, max: number, dflt: number): number => {
    const v = p[prop];
    if (v === undefined) return dflt;
    const n = typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v;
    if (typeof n !== "number" || !Number.isInteger(n) || n < min || n > max) throw new TemplateError(`must be a whole number from ${min} to ${max} (got ${JSON.stringify(v)})`, where(prop));
    return n;
  };
  const fifo = t.fifo ?? (p.FifoQueue === true || p.FifoQueue === "true");
  if (fifo && !t.name.endsWith(".fifo")) throw new TemplateError("The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix", where("QueueName"));
  const cbd = p.ContentBasedDeduplication === true || p.ContentBasedDeduplication === "true";
  if (cbd && !fifo) throw new TemplateError("ContentBasedDeduplication is only valid for FIFO queues", where("ContentBasedDeduplication"));
  let redrive: QueueConfig["redrive"];
  if (p.RedrivePolicy !== undefined) {
    let r = p.RedrivePolicy;
    if (typeof r === "string") {
      try {
        r = JSON.parse(r);
      } catch {
        throw new TemplateError("must be JSON or a mapping { deadLetterTargetArn, maxReceiveCount }", where("RedrivePolicy"));
      }
    }
    if (!isObj(r) || typeof r.deadLetterTargetArn !== "string") throw new TemplateError("Value {...} for parameter RedrivePolicy is invalid. Reason: Redrive policy does not contain mandatory attribute: deadLetterTargetArn.", where("RedrivePolicy"));
    const max = typeof r.maxReceiveCount === "string" ? Number(r.maxReceiveCount) : r.maxReceiveCount;
    if (typeof max !== "number" || !Number.isInteger(max) || max < 1 || max > 1000) throw new TemplateError(`Value ${JSON.stringify(r.maxReceiveCount)} for parameter RedrivePolicy is invalid. Reason: Invalid value for maxReceiveCount: must be an integer from 1 to 1000.`, where("RedrivePolicy.maxReceiveCount"));
    redrive = { deadLetterTargetArn: r.deadLetterTargetArn, maxReceiveCount: max };
  }
  return {
    logicalId: t.logicalId,
    name: t.name,
    arn: t.arn,
    url: t.url ?? t.arn,
    fifo,
    contentBasedDeduplication: cbd,
    visibilityTimeoutS: num("VisibilityTimeout", 0, 43_200, 30),
    retentionS: num("MessageRetentionPeriod", 60, 1_209_600, 345_600),
    delayS: num("DelaySeconds", 0, 900, 0),
    receiveWaitS: num("ReceiveMessageWaitTimeSeconds", 0, 20, 0),
    maximumMessageSize: num("MaximumMessageSize", 1024, 1_048_576, 1_048_576),
    ...(redrive ? { redrive } : {}),
  };
}

/** The messaging extension: add it after the hub's own extension. */
export function messagingExtension(hub: SdkHub, options: MessagingOptions = {}): ServiceExtension {
  let state: Messaging | undefined;
  const need = (): Messaging => {
    if (!state) throw new Error("messaging extension: not attached");
    return state;
  };
  // Registered now, not in attach(): provisioned environments are created before any attach() and
  // their guest modules must be complete. The operations reach the run's state when called.
  hub.register(
    sqsService({
      // QueueUrl is a URL (any SQS endpoint host): match on /<account>/<name>.
      byUrl: (url) => [...need().queues.values()].find((q) => q.config.url === url || (url.includes("://") && url.replace(/\/$/, "").endsWith(q.config.url.slice(q.config.url.indexOf("/", 8))))),
      byName: (name) => [...need().queues.values()].find((q) => q.config.name === name),
    }),
  );
  hub.register(snsService({ byArn: (arn) => need().topicByRef(arn) }));
  hub.register(eventBridgeService(() => need().eb));
  return {
    name: "messaging",
    resourceTypes: ["AWS::SQS::Queue", "AWS::SNS::Topic", "AWS::Events::EventBus", "AWS::SNS::Subscription", "AWS::Events::Rule", "AWS::Scheduler::Schedule", "AWS::SQS::QueuePolicy", "AWS::SNS::TopicPolicy"],
    eventTypes: ["SQS", "SNS", "EventBridgeRule", "CloudWatchEvent", "Schedule", "ScheduleV2"],
    stimulusKinds: ["sqs", "sns", "eventbridge"],
    attach(host) {
      state = new Messaging(host, options);
      state.attach(hub);
    },
    stimulus(kind, spec, _host, path) {
      need().stimulus(kind, spec, path);
    },
    report() {
      return need().report();
    },
    // Ref / Fn::GetAtt of the types only this extension knows (CloudFormation: Ref of a rule or a
    // schedule is its name, of a subscription its ARN).
    attribute(resource, attr, names) {
      const p = resource.properties;
      const name = typeof p.Name === "string" ? p.Name : resource.logicalId;
      if (resource.type === "AWS::Events::Rule") {
        const bus = typeof p.EventBusName === "string" && p.EventBusName !== "default" ? `${p.EventBusName.split("/").pop() ?? ""}/` : "";
        if (attr === "Ref") return name;
        if (attr === "Arn") return `arn:aws:events:${names.region}:${names.accountId}:rule/${bus}${name}`;
      }
      if (resource.type === "AWS::Scheduler::Schedule") {
        if (attr === "Ref") return name;
        if (attr === "Arn") return `arn:aws:scheduler:${names.region}:${names.accountId}:schedule/default/${name}`;
      }
      if (resource.type === "AWS::SNS::Subscription" && attr === "Ref") {
        return `${typeof p.TopicArn === "string" ? p.TopicArn : `arn:aws:sns:${names.region}:${names.accountId}:${resource.logicalId}`}:${resource.logicalId}`;
      }
      return undefined;
    },
  };
}
