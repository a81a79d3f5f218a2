/**
 * The state of the data services in one run: resources read from the template, SDK operations
 * registered on the hub, event sources (stream mappings, S3 notifications and their recursive loop
 * detection). Stimuli, `Ref`/`GetAtt`, RDS host calls and the report are in their own modules.
 */
import type { ServiceHost } from "../../service/service";
import type { EnvironmentOptions } from "../../runtime/types";
import type { TemplateFunction } from "../../service/template";
import { TemplateError } from "../../service/errors";
import { RECURSION_LIMIT } from "../../service/service";
import { s3Delete, s3Put } from "../../events/messaging";
import type { AwsCallContext, SdkHub } from "../sdk/hub";
import { invokeAllowed, missingPermissionHint } from "../iam/permissions";
import { dynamodbService } from "./dynamodb/operations";
import { Table, tableDefinition } from "./dynamodb/table";
import { kinesisService } from "./streams/kinesis";
import { DynamoDBStream, KinesisStream, type EventStream } from "./streams/shards";
import { StreamMapping, streamMappingConfig } from "./streams/esm";
import { Bucket, readNotification } from "./s3/bucket";
import { s3Service } from "./s3/operations";
import { UserPool, userPoolId } from "./cognito/user-pool";
import { Database, Proxy, databaseEndpoint, engineOf, maxConnectionsOf, proxyEndpoint, proxyTarget } from "./rds/database";
import { RdsConnections } from "./rds/connections";
import { dataAttribute, kinesisName, type Names } from "./resource-attributes";
import { dataReport } from "./report";
import { runStimulus } from "./stimuli";

type Props = Record<string, unknown>;


export interface RecursionStop {
  time: number;
  function: string;
  source: string;
  depth: number;
}

export class DataServices {
  host: ServiceHost | undefined;
  readonly tables = new Map<string, Table>();
  readonly streams = new Map<string, EventStream>();
  readonly buckets = new Map<string, Bucket>();
  readonly mappings: StreamMapping[] = [];
  readonly databases = new Map<string, Database>();
  readonly proxies = new Map<string, Proxy>();
  readonly recursionStops: RecursionStop[] = [];
  readonly userPools = new Map<string, UserPool>();
  private readonly rds: RdsConnections;

  constructor(readonly hub: SdkHub) {
    this.rds = new RdsConnections(hub, this.databases, this.proxies, () => this.requireHost());
    const arnOf = (nameOrArn: string, ctx: AwsCallContext) => this.tableByName(nameOrArn)?.def.arn ?? (nameOrArn.startsWith("arn:") ? nameOrArn : `arn:aws:dynamodb:${ctx.region}:${ctx.accountId}:table/${nameOrArn}`);
    hub.register(dynamodbService((n) => this.tableByName(n), arnOf));
    hub.register(
      s3Service({
        bucket: (name) => this.bucketByName(name),
        notify: (bucket, eventName, key, size, ctx) => this.notify(bucket, eventName, key, size, ctx),
      }),
    );
    hub.register(kinesisService((n) => this.kinesisByName(n)));
  }

  // ---- lookups -----------------------------------------------------------------------------------

  tableByName(nameOrArn: string): Table | undefined {
    for (const t of this.tables.values()) if (t.def.name === nameOrArn || t.def.arn === nameOrArn) return t;
    return undefined;
  }

  bucketByName(name: string): Bucket | undefined {
    for (const b of this.buckets.values()) if (b.name === name) return b;
    return undefined;
  }

  kinesisByName(nameOrArn: string): KinesisStream | undefined {
    for (const s of this.streams.values()) if (s instanceof KinesisStream && (s.name === nameOrArn || s.arn === nameOrArn)) return s;
    return undefined;
  }

  requireHost(): ServiceHost {
    if (!this.host) throw new Error("data services: not attached to a service");
    return this.host;
  }

  // ---- deploy ------------------------------------------------------------------------------------

  attach(host: ServiceHost): void {
    this.host = host;
    const t = host.template;
    const names: Names = { region: t.region, accountId: t.accountId, stackName: t.stackName };
    const epoch = (time: number) => host.epoch(time);
    for (const r of t.other) {
      if (r.type === "AWS::DynamoDB::Table" || r.type === "AWS::Serverless::SimpleTable") {
        const table = new Table(tableDefinition(r.logicalId, r.type, r.properties, names));
        this.tables.set(r.logicalId, table);
        this.hub.nameResource(table.def.arn, r.logicalId);
        if (table.def.streamArn) {
          const stream = new DynamoDBStream(table.def, epoch, names);
          this.streams.set(r.logicalId, stream);
          table.onChange((c) => stream.append(c));
        }
      } else if (r.type === "AWS::Kinesis::Stream") {
        const shardCount = r.properties.ShardCount === undefined ? 1 : Number(r.properties.ShardCount);
        if (!Number.isInteger(shardCount) || shardCount < 1 || shardCount > 500) throw new TemplateError("ShardCount must be an integer from 1 to 500 (the simulator's cap)", { resource: r.logicalId, property: "ShardCount" });
        const name = kinesisName(r.logicalId, r.properties, names);
        const arn = `arn:aws:kinesis:${names.region}:${names.accountId}:stream/${name}`;
        this.streams.set(r.logicalId, new KinesisStream(r.logicalId, name, arn, shardCount, epoch, names));
        this.hub.nameResource(arn, r.logicalId);
      } else if (r.type === "AWS::RDS::DBInstance") {
        this.databases.set(r.logicalId, new Database(r.logicalId, databaseEndpoint(r.logicalId, r.properties), maxConnectionsOf(r.logicalId, r.properties), engineOf(r.properties)));
      } else if (r.type === "AWS::Cognito::UserPool") {
        const pool = new UserPool(r.logicalId, userPoolId(names.region, r.logicalId));
        this.userPools.set(r.logicalId, pool);
        const config = (r.properties.LambdaConfig ?? {}) as Props;
        for (const [trigger, arn] of Object.entries(config)) {
          const fn = t.functions.find((f) => f.arn === arn || f.functionName === arn || (typeof arn === "string" && arn.startsWith(f.arn + ":")));
          const where = { resource: r.logicalId, property: `LambdaConfig.${trigger}` };
          if (!fn) throw new TemplateError(`must be the ARN of a function of the template (got ${JSON.stringify(arn)})`, where);
          const qualifier = typeof arn === "string" && arn.startsWith(fn.arn + ":") ? arn.slice(fn.arn.length + 1) : undefined;
          pool.addTrigger(trigger, fn, where, qualifier ? `${fn.logicalId}:${qualifier}` : fn.logicalId);
          this.hub.edge(r.logicalId, fn.logicalId, `cognito:${trigger}`);
        }
      }
    }
    for (const r of t.other) {
      if (r.type !== "AWS::RDS::DBProxy") continue;
      const { target, maxConnectionsPercent } = proxyTarget(r.logicalId, r.properties);
      const db = [...this.databases.values()].find((d) => d.logicalId === target || d.endpoint.startsWith(target.toLowerCase() + "."));
      if (!db) throw new TemplateError(`DBInstance ${target} is not an AWS::RDS::DBInstance of the template`, { resource: r.logicalId, property: "DBInstance" });
      this.proxies.set(r.logicalId, new Proxy(r.logicalId, proxyEndpoint(r.logicalId, r.properties), db, Math.max(1, Math.floor((db.maxConnections * maxConnectionsPercent) / 100))));
    }
    for (const target of t.targets) {
      if (target.kind !== "s3") continue;
      const bucket = new Bucket(target.logicalId, target.name);
      this.buckets.set(target.logicalId, bucket);
      this.hub.nameResource(target.arn, target.logicalId);
      // Lambda's on-failure records for an S3 destination become objects (DG invocation-async-retain-records).
      host.resources.get(target.logicalId)?.onDeliver((m, time) => {
        const d = m as { key?: unknown; body?: unknown };
        if (typeof d.key === "string") bucket.put(d.key, new TextEncoder().encode(typeof d.body === "string" ? d.body : JSON.stringify(d.body)), time, { contentType: "application/json" });
      });
      // S3 → SQS / SNS notifications (S3 UG notification-how-to-event-types-and-destinations): the event is the message body.
      for (const [property, kind, key] of [["QueueConfigurations", "sqs", "Queue"], ["TopicConfigurations", "sns", "Topic"]] as const) {
        const list = (target.properties.NotificationConfiguration as Props | undefined)?.[property];
        if (!Array.isArray(list)) continue;
        list.forEach((c: Props, i) => {
          const where = { resource: target.logicalId, property: `NotificationConfiguration.${property}[${i}]` };
          const dest = t.targets.find((x) => x.kind === kind && (x.arn === c[key] || x.url === c[key]));
          if (!dest) throw new TemplateError(`${key} must be the ARN of an ${kind === "sqs" ? "AWS::SQS::Queue" : "AWS::SNS::Topic"} of the template (got ${JSON.stringify(c[key])})`, where);
          bucket.notifications.push({ ...readNotification(dest.logicalId, c.Event, c.Filter, `${target.logicalId}-${kind}-${i}`, where), kind });
          this.hub.edge(target.logicalId, dest.logicalId, "s3:notification");
        });
      }
      const conf = (target.properties.NotificationConfiguration as Props | undefined)?.LambdaConfigurations;
      if (Array.isArray(conf)) {
        conf.forEach((c: Props, i) => {
          const where = { resource: target.logicalId, property: `NotificationConfiguration.LambdaConfigurations[${i}]` };
          const fn = t.functions.find((f) => f.arn === c.Function || (typeof c.Function === "string" && c.Function.startsWith(f.arn + ":")) || f.functionName === c.Function);
          if (!fn) throw new TemplateError(`Function must be the ARN of a function of the template (got ${JSON.stringify(c.Function)})`, where);
          // PutBucketNotificationConfiguration checks that S3 may invoke the function and refuses the
          // configuration otherwise (S3 UG grant-destinations-permissions-to-s3,
          // https://docs.aws.amazon.com/AmazonS3/latest/userguide/grant-destinations-permissions-to-s3.html).
          // SAM's S3 events add the permission themselves, so only this plain form is checked.
          if (!invokeAllowed(t, fn, { principal: "s3.amazonaws.com", sourceArn: target.arn, sourceAccount: t.accountId })) {
            throw new TemplateError(`Unable to validate the following destination configurations: ${missingPermissionHint(fn, "s3.amazonaws.com", target.arn)}`, where);
          }
          bucket.notifications.push(readNotification(fn.logicalId, c.Event, c.Filter, `${target.logicalId}-${i}`, where));
          this.hub.edge(target.logicalId, fn.logicalId, "s3:notification");
        });
      }
    }
    for (const fn of t.functions) {
      for (const ev of fn.events) {
        const where = { resource: fn.logicalId, property: `Events.${ev.name}` };
        if (ev.type === "S3") {
          const bucket = [...this.buckets.values()].find((b) => b.name === ev.properties.Bucket || b.logicalId === ev.properties.Bucket);
          // SAM requires the bucket to be declared in the same template (sam-property-function-s3).
          if (!bucket) throw new TemplateError(`Bucket must be !Ref to an AWS::S3::Bucket of the template (got ${JSON.stringify(ev.properties.Bucket)})`, where);
          bucket.notifications.push(readNotification(fn.logicalId, ev.properties.Events, ev.properties.Filter, `${fn.logicalId}${ev.name}`, where));
          this.hub.edge(bucket.logicalId, fn.logicalId, "s3:notification");
        } else if (ev.type === "Cognito") {
          const pool = [...this.userPools.values()].find((p) => p.id === ev.properties.UserPool || p.logicalId === ev.properties.UserPool);
          if (!pool) throw new TemplateError(`UserPool must be !Ref to an AWS::Cognito::UserPool of the template (got ${JSON.stringify(ev.properties.UserPool)})`, where);
          const triggers = Array.isArray(ev.properties.Trigger) ? ev.properties.Trigger : [ev.properties.Trigger];
          for (const trigger of triggers) {
            pool.addTrigger(trigger, fn, where, targetOf(fn));
            this.hub.edge(pool.logicalId, fn.logicalId, `cognito:${String(trigger)}`);
          }
        } else if (ev.type === "DynamoDB" || ev.type === "Kinesis") {
          const arn = ev.properties.Stream;
          const stream = [...this.streams.values()].find((s) => s.arn === arn && (s.kind === "kinesis") === (ev.type === "Kinesis"));
          if (!stream) throw new TemplateError(`Stream must be ${ev.type === "Kinesis" ? "!GetAtt MyStream.Arn of an AWS::Kinesis::Stream" : "!GetAtt MyTable.StreamArn of a table with a StreamSpecification"} in the template (got ${JSON.stringify(arn)})`, where);
          this.addMapping(`${fn.logicalId}${ev.name}`, fn, targetOf(fn), stream, ev.properties, where);
        }
      }
    }
    // CloudFormation's own mappings on streams (SQS ones are the messaging extension's).
    for (const r of t.other) {
      if (r.type !== "AWS::Lambda::EventSourceMapping") continue;
      const arn = r.properties.EventSourceArn;
      const stream = [...this.streams.values()].find((s) => s.arn === arn);
      if (!stream) continue;
      const where = { resource: r.logicalId, property: "FunctionName" };
      const ref = String(r.properties.FunctionName ?? "");
      const fn = t.functions.find((f) => f.functionName === ref || f.arn === ref || ref.startsWith(f.arn + ":") || f.logicalId === ref);
      if (!fn) throw new TemplateError(`no function ${JSON.stringify(r.properties.FunctionName)} in the template`, where);
      const qualifier = ref.startsWith(fn.arn + ":") ? ref.slice(fn.arn.length + 1) : undefined;
      this.addMapping(r.logicalId, fn, qualifier ? `${fn.logicalId}:${qualifier}` : fn.logicalId, stream, r.properties, { resource: r.logicalId, property: "" });
    }
  }

  private addMapping(name: string, fn: TemplateFunction, target: string, stream: EventStream, props: Props, where: { resource: string; property: string }): void {
    const host = this.requireHost();
    const config = streamMappingConfig(name, props, where);
    if (stream.kind === "dynamodb" && config.startingPosition === "AT_TIMESTAMP") throw new TemplateError("StartingPosition AT_TIMESTAMP is supported for Kinesis streams only (DynamoDB: TRIM_HORIZON or LATEST)", where);
    this.mappings.push(new StreamMapping(fn, stream, config, host, `${stream.kind}:${stream.logicalId}`, target));
    this.hub.edge(stream.logicalId, fn.logicalId, `${stream.kind}:stream`);
    if (config.onFailure) this.hub.edge(fn.logicalId, this.hub.logicalIdOf(config.onFailure) ?? config.onFailure, "esm:on-failure");
  }

  // ---- S3 notifications and recursive loop detection ---------------------------------------------

  /**
   * Runs a bucket's notifications for one event: each matching function is invoked asynchronously
   * with the S3 event. A put made by a function continues that invocation's chain; after
   * RECURSION_LIMIT invocations in one chain the next is not made and counts in
   * RecursiveInvocationsDropped (DG invocation-recursion: S3 is covered since July 2024).
   */
  notify(bucket: Bucket, eventName: string, key: string, size: number | undefined, ctx: AwsCallContext | undefined): void {
    const host = this.requireHost();
    const time = ctx?.time ?? host.clock.now();
    for (const n of bucket.matching(eventName, key)) {
      const input = { bucket: bucket.name, key, eventName, configurationId: n.id, time: host.epoch(time), region: host.template.region, accountId: host.template.accountId };
      const event = eventName.startsWith("ObjectCreated") ? s3Put({ ...input, size: size ?? 0 }) : s3Delete(input);
      if (n.kind === "sqs" || n.kind === "sns") {
        const resource = host.resources.get(n.function);
        const body = JSON.stringify(event);
        host.clock.at(time, () => resource?.deliver(n.kind === "sns" ? { MessageId: host.rng.uuid(), Message: body, Subject: "Amazon S3 Notification" } : { messageId: host.rng.uuid(), body }, time));
        continue;
      }
      const fn = host.template.functions.find((f) => f.logicalId === n.function)!;
      // The chain of the invocation that wrote (depth 0 when it was not itself caused by a write).
      const parent = ctx ? ((ctx.chain as { root: string; depth: number } | undefined) ?? { root: ctx.requestId ?? "", depth: 0 }) : undefined;
      const depth = (parent?.depth ?? 0) + 1;
      // Delivered when the write happened: S3 sends the notification after the call, in virtual time.
      host.clock.at(time, async () => {
        if (depth > RECURSION_LIMIT) {
          this.recursionStops.push({ time, function: fn.logicalId, source: bucket.logicalId, depth });
          this.deadLetterRecursive(fn, event, time);
          return;
        }
        const r = await host.invoke(targetOf(fn), event, { type: "Event", trigger: `s3:${bucket.logicalId}` });
        this.hub.continueChain(parent, r.requestId);
      });
    }
  }

  /**
   * Lambda "stops the next invocation and sends the event to a dead-letter queue or on-failure
   * destination, if configured" (What's New 2023-07 "AWS Lambda detects recursive loops"). The DLQ
   * gets the event; its ErrorCode/ErrorMessage attributes are the simulator's choice (the
   * RecursiveInvocationException the Invoke API returns, HTTP 400). Destinations are not fed here.
   */
  private deadLetterRecursive(fn: TemplateFunction, event: unknown, time: number): void {
    const host = this.requireHost();
    const dlq = fn.deadLetter?.logicalId ? host.resources.get(fn.deadLetter.logicalId) : undefined;
    if (!dlq || dlq.def.fifo) return;
    const message = "Lambda has detected your function being invoked in a recursive loop with other AWS resources and stopped your function's invocation.";
    dlq.deliver(
      {
        messageId: host.rng.uuid(),
        body: JSON.stringify(event),
        messageAttributes: {
          RequestID: { dataType: "String", stringValue: host.rng.uuid() },
          ErrorCode: { dataType: "Number", stringValue: "400" },
          ErrorMessage: { dataType: "String", stringValue: `RecursiveInvocationException: ${message}` },
        },
        time,
      },
      time,
    );
  }

  stimulus(kind: string, spec: unknown, path: string): Promise<void> {
    return runStimulus(this, kind, spec, path);
  }

  environmentOptions(fn: TemplateFunction, host: ServiceHost): Pick<EnvironmentOptions, "builtinModules" | "hostCall"> {
    return this.rds.environmentOptions(fn, host);
  }

  attribute(resource: { logicalId: string; type: string; properties: Props }, attr: string, names: Names): string | undefined {
    return dataAttribute(resource, attr, names);
  }

  report(): Record<string, unknown> {
    return dataReport(this);
  }
}

/** SAM attaches a function's event sources to its AutoPublishAlias when it has one. */
function targetOf(fn: TemplateFunction): string {
  return fn.autoPublishAlias ? `${fn.logicalId}:${fn.autoPublishAlias}` : fn.logicalId;
}

