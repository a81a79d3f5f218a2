/**
 * The state of the data services in one run, and the glue to the service layer: resources read
 * from the template, SDK operations registered on the hub, event sources (stream mappings, S3
 * notifications), drive-file stimuli, `Ref`/`GetAtt` values and the report section.
 */
import type { ServiceHost } from "../../service/service";
import type { EnvironmentOptions, HostCallInfo } from "../../runtime/types";
import { hostReply } from "../../runtime/types";
import type { TemplateFunction } from "../../service/template";
import { DriveError, TemplateError } from "../../service/errors";
import { RECURSION_LIMIT } from "../../service/service";
import { marshallItem, unmarshallItem, type AttributeValue } from "../../events/dynamodb";
import { s3Delete, s3Put } from "../../events/messaging";
import { AwsServiceError, bytesToBase64, type AwsCallContext, type SdkHub } from "../sdk/hub";
import { dynamodbService } from "./dynamodb/operations";
import { Table, tableDefinition, STREAM_LABEL } from "./dynamodb/table";
import { kinesisService } from "./streams/kinesis";
import { DynamoDBStream, KinesisStream, type EventStream } from "./streams/shards";
import { StreamMapping, streamMappingConfig } from "./streams/esm";
import { Bucket, readNotification } from "./s3/bucket";
import { s3Service } from "./s3/operations";
import { UserPool, userPoolId } from "./cognito/user-pool";
import { Database, DatabaseError, PG_GUEST_SOURCE, Proxy, QUERY_MS, databaseEndpoint, maxConnectionsOf, proxyEndpoint, proxyTarget } from "./rds/database";

type Props = Record<string, unknown>;
type Names = { region: string; accountId: string; stackName: string };

/** Items of a table listed in the report (the count covers all). */
export const REPORT_ITEMS = 20;

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
  private readonly rdsClients = new Map<number, { db?: Database; proxy?: Proxy; connection?: number }>();
  private rdsClientCounter = 0;

  constructor(readonly hub: SdkHub) {
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

  private requireHost(): ServiceHost {
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
        this.databases.set(r.logicalId, new Database(r.logicalId, databaseEndpoint(r.logicalId, r.properties), maxConnectionsOf(r.logicalId, r.properties)));
      } else if (r.type === "AWS::Cognito::UserPool") {
        const pool = new UserPool(r.logicalId, userPoolId(names.region, r.logicalId));
        this.userPools.set(r.logicalId, pool);
        const config = (r.properties.LambdaConfig ?? {}) as Props;
        for (const [trigger, arn] of Object.entries(config)) {
          const fn = t.functions.find((f) => f.arn === arn || f.functionName === arn);
          const where = { resource: r.logicalId, property: `LambdaConfig.${trigger}` };
          if (!fn) throw new TemplateError(`must be the ARN of a function of the template (got ${JSON.stringify(arn)})`, where);
          pool.addTrigger(trigger, fn, where);
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
            pool.addTrigger(trigger, fn, where);
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

  // ---- stimuli -------------------------------------------------------------------------------------

  async stimulus(kind: string, spec: unknown, path: string): Promise<void> {
    const host = this.requireHost();
    const at = `${path}.${kind}`;
    if (!isObj(spec)) throw new DriveError(at, kind === "s3" ? "must be like { bucket: Uploads, put: photos/a.jpg, body: ... }" : kind === "dynamodb" ? "must be like { table: Orders, put: { pk: a } }" : "must be like { stream: Clicks, records: [{ partitionKey: u1, data: {...} }] }");
    const now = host.clock.now();
    const fail = (e: unknown) => {
      if (e instanceof AwsServiceError) throw new DriveError(at, `${e.name}: ${e.message}`);
      throw e;
    };
    if (kind === "s3") {
      const bucket = this.findResource(this.buckets, spec.bucket, (b) => b.name, at, "bucket", "AWS::S3::Bucket");
      allowKeys(spec, ["bucket", "put", "delete", "body", "contentType"], at);
      if (typeof spec.put === "string") {
        const body = typeof spec.body === "string" ? spec.body : spec.body === undefined ? "" : JSON.stringify(spec.body);
        const obj = bucket.put(spec.put, new TextEncoder().encode(body), now, typeof spec.contentType === "string" ? { contentType: spec.contentType } : {});
        this.notify(bucket, "ObjectCreated:Put", spec.put, obj.size, undefined);
      } else if (typeof spec.delete === "string") {
        bucket.delete(spec.delete);
        this.notify(bucket, "ObjectRemoved:Delete", spec.delete, undefined, undefined);
      } else throw new DriveError(at, "give put: <key> (with body) or delete: <key>");
      return;
    }
    if (kind === "dynamodb") {
      const table = this.findResource(this.tables, spec.table, (t) => t.def.name, at, "table", "AWS::DynamoDB::Table");
      allowKeys(spec, ["table", "put", "update", "delete"], at);
      try {
        if (isObj(spec.put)) {
          const { id, item } = table.checkItem(marshallItem(spec.put));
          table.write(id, item, now);
        } else if (isObj(spec.update)) {
          const u = spec.update;
          if (!isObj(u.key) || !isObj(u.set)) throw new DriveError(`${at}.update`, "must be like { key: { pk: a }, set: { status: paid } }");
          const { id, key } = table.keyOf(marshallItem(u.key));
          const next = { ...(table.get(id) ?? key), ...marshallItem(u.set) };
          table.write(id, table.checkItem(next).item, now);
        } else if (isObj(spec.delete)) {
          const k = isObj(spec.delete.key) ? spec.delete.key : spec.delete;
          table.write(table.keyOf(marshallItem(k)).id, undefined, now);
        } else throw new DriveError(at, "give put: { item }, update: { key, set } or delete: { key }");
      } catch (e) {
        fail(e);
      }
      return;
    }
    if (kind === "cognito") {
      const pool = this.findResource(this.userPools, spec.userPool, (p) => p.id, at, "userPool", "AWS::Cognito::UserPool");
      allowKeys(spec, ["userPool", "signUp", "signIn"], at);
      if (isObj(spec.signUp)) {
        const u = spec.signUp;
        if (typeof u.username !== "string" || u.username === "") throw new DriveError(`${at}.signUp.username`, "must be a user name");
        const attributes: Record<string, string> = {};
        for (const [k, v] of Object.entries(isObj(u.attributes) ? u.attributes : {})) attributes[k] = String(v);
        if (typeof u.email === "string") attributes.email = u.email;
        await pool.signUp(host, u.username, attributes);
      } else if (isObj(spec.signIn)) {
        if (typeof spec.signIn.username !== "string") throw new DriveError(`${at}.signIn.username`, "must be a user name");
        await pool.signIn(host, spec.signIn.username);
      } else throw new DriveError(at, "give signUp: { username, email } or signIn: { username }");
      return;
    }
    if (kind === "kinesis") {
      const stream = this.findResource(this.streams, spec.stream, (s) => s.name, at, "stream", "AWS::Kinesis::Stream");
      allowKeys(spec, ["stream", "records"], at);
      if (!(stream instanceof KinesisStream)) throw new DriveError(`${at}.stream`, `${String(spec.stream)} is a DynamoDB stream; write to its table with a dynamodb stimulus`);
      if (!Array.isArray(spec.records) || spec.records.length === 0) throw new DriveError(`${at}.records`, "must be a list like [{ partitionKey: u1, data: { page: home } }]");
      spec.records.forEach((r: unknown, i) => {
        if (!isObj(r) || typeof r.partitionKey !== "string" || r.partitionKey === "" || r.data === undefined) throw new DriveError(`${at}.records[${i}]`, "needs partitionKey (a string) and data");
        stream.put(typeof r.data === "string" ? r.data : JSON.stringify(r.data), r.partitionKey, now);
      });
    }
  }

  private findResource<T>(map: Map<string, T>, ref: unknown, nameOf: (t: T) => string, at: string, key: string, type: string): T {
    if (typeof ref !== "string") throw new DriveError(`${at}.${key}`, `must name an ${type} (its logical id)`);
    const found = map.get(ref) ?? [...map.values()].find((t) => nameOf(t) === ref);
    if (!found) throw new DriveError(`${at}.${key}`, `${ref} is not an ${type} of the template (known: ${[...map.keys()].join(", ") || "none"})`);
    return found;
  }

  // ---- RDS: the guest `pg` module and its host calls ------------------------------------------------

  /**
   * The `pg` module and its host calls, when the template has a database. The host call for
   * everything else goes to the hub (this extension's hostCall replaces the hub's for the function).
   */
  environmentOptions(fn: TemplateFunction, host: ServiceHost): Pick<EnvironmentOptions, "builtinModules" | "hostCall"> {
    // Read from the template: provisioned environments are created before attach().
    if (!host.template.other.some((r) => r.type === "AWS::RDS::DBInstance")) return {};
    const hubCall = this.hub.hostCallFor(fn);
    return {
      builtinModules: { pg: PG_GUEST_SOURCE },
      hostCall: (name: string, payload: unknown, info: HostCallInfo) => (name === "lab.rds" ? Promise.resolve(this.rdsCall(fn, payload as Props, info)) : hubCall(name, payload, info)),
    };
  }

  private rdsCall(fn: TemplateFunction, p: Props, info: HostCallInfo): unknown {
    const host = this.requireHost();
    const time = host.clock.now() + (info.elapsedMs ?? 0);
    const error = (e: DatabaseError) => Object.assign(new Error(e.message), { name: "error", code: e.code, latencyMs: 2 });
    if (p.op === "connect") {
      const endpoint = String(p.host ?? "");
      const db = [...this.databases.values()].find((d) => d.endpoint === endpoint);
      const proxy = [...this.proxies.values()].find((x) => x.endpoint === endpoint);
      if (!db && !proxy) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${endpoint || "undefined"}`), { code: "ENOTFOUND" });
      const id = ++this.rdsClientCounter;
      if (proxy) {
        proxy.connectClient();
        this.rdsClients.set(id, { proxy });
        this.hub.edge(fn.logicalId, proxy.logicalId, "rds:connect");
      } else {
        try {
          const c = db!.open(fn.logicalId, time);
          this.rdsClients.set(id, { db: db!, connection: c.id });
          this.hub.edge(fn.logicalId, db!.logicalId, "rds:connect");
        } catch (e) {
          if (e instanceof DatabaseError) throw error(e);
          throw e;
        }
      }
      // A TLS + auth handshake: a few round trips.
      return hostReply({ id }, 15);
    }
    const client = this.rdsClients.get(Number(p.id));
    if (!client) throw new Error("Client was not connected");
    if (p.op === "query") {
      let latency = QUERY_MS;
      if (client.proxy) {
        try {
          latency = client.proxy.query(fn.logicalId, time);
        } catch (e) {
          if (e instanceof DatabaseError) throw error(e);
          throw e;
        }
      } else client.db!.queries++;
      const command = String(p.text ?? "").trim().split(/\s+/)[0]?.toUpperCase() ?? "";
      return hostReply({ command, rowCount: 0, rows: [], fields: [] }, latency);
    }
    if (p.op === "end") {
      if (client.proxy) client.proxy.closeClient();
      else if (client.connection !== undefined) client.db!.close(client.connection);
      this.rdsClients.delete(Number(p.id));
      return hostReply(null, 1);
    }
    throw new Error(`unknown rds operation ${String(p.op)}`);
  }

  // ---- Ref / GetAtt ----------------------------------------------------------------------------------

  attribute(resource: { logicalId: string; type: string; properties: Props }, attr: string, names: Names): string | undefined {
    const { logicalId: id, type, properties: p } = resource;
    switch (type) {
      case "AWS::DynamoDB::Table":
      case "AWS::Serverless::SimpleTable": {
        const name = typeof p.TableName === "string" ? p.TableName : `${names.stackName}-${id}`;
        const arn = `arn:aws:dynamodb:${names.region}:${names.accountId}:table/${name}`;
        if (attr === "Ref") return name;
        if (attr === "Arn") return arn;
        if (attr === "StreamArn") {
          if (!p.StreamSpecification) throw new TemplateError("StreamArn needs a StreamSpecification on the table", { resource: id, property: "StreamSpecification" });
          return `${arn}/stream/${STREAM_LABEL}`;
        }
        return undefined;
      }
      case "AWS::Kinesis::Stream": {
        const name = kinesisName(id, p, names);
        if (attr === "Ref") return name;
        if (attr === "Arn") return `arn:aws:kinesis:${names.region}:${names.accountId}:stream/${name}`;
        return undefined;
      }
      case "AWS::RDS::DBInstance": {
        if (attr === "Ref") return (typeof p.DBInstanceIdentifier === "string" ? p.DBInstanceIdentifier : id).toLowerCase();
        if (attr === "Endpoint.Address") return databaseEndpoint(id, p);
        if (attr === "Endpoint.Port") return "5432";
        if (attr === "DBInstanceArn") return `arn:aws:rds:${names.region}:${names.accountId}:db:${id.toLowerCase()}`;
        return undefined;
      }
      case "AWS::Cognito::UserPool": {
        const id = userPoolId(names.region, resource.logicalId);
        if (attr === "Ref" || attr === "UserPoolId") return id;
        if (attr === "Arn") return `arn:aws:cognito-idp:${names.region}:${names.accountId}:userpool/${id}`;
        if (attr === "ProviderName") return `cognito-idp.${names.region}.amazonaws.com/${id}`;
        return undefined;
      }
      case "AWS::RDS::DBProxy": {
        if (attr === "Ref") return typeof p.DBProxyName === "string" ? p.DBProxyName : id;
        if (attr === "Endpoint") return proxyEndpoint(id, p);
        if (attr === "DBProxyArn") return `arn:aws:rds:${names.region}:${names.accountId}:db-proxy:prx-${id.toLowerCase()}`;
        return undefined;
      }
      default:
        return undefined;
    }
  }

  // ---- report ----------------------------------------------------------------------------------------

  report(): Record<string, unknown> {
    const resources: Record<string, unknown> = {};
    for (const [id, t] of this.tables) {
      const items = t.all();
      resources[id] = {
        type: "AWS::DynamoDB::Table",
        name: t.def.name,
        itemCount: items.length,
        items: items.slice(0, REPORT_ITEMS).map(reportItem),
        writes: t.counts.writes,
        ...(t.def.streamArn && { stream: this.streamState(this.streams.get(id)!) }),
      };
    }
    for (const [id, s] of this.streams) if (s instanceof KinesisStream) resources[id] = { type: "AWS::Kinesis::Stream", name: s.name, ...this.streamState(s) };
    for (const [id, b] of this.buckets) {
      resources[id] = {
        type: "AWS::S3::Bucket",
        name: b.name,
        objectCount: b.objects.size,
        objects: b.keys().slice(0, REPORT_ITEMS).map((k) => ({ key: k, size: b.objects.get(k)!.size, etag: b.objects.get(k)!.etag })),
        puts: b.counts.puts,
        deletes: b.counts.deletes,
      };
    }
    for (const [id, d] of this.databases) {
      resources[id] = { type: "AWS::RDS::DBInstance", endpoint: d.endpoint, maxConnections: d.maxConnections, openConnections: d.connections.size, peakConnections: d.peak, refusedConnections: d.refused, queries: d.queries };
    }
    for (const [id, x] of this.proxies) {
      resources[id] = { type: "AWS::RDS::DBProxy", endpoint: x.endpoint, target: x.db.logicalId, maxPoolConnections: x.maxPool, peakClientConnections: x.peakClients, peakBorrowedConnections: x.peakBorrowed, borrowWaits: x.waits, borrowTimeouts: x.borrowTimeouts };
    }
    for (const [id, p] of this.userPools) {
      resources[id] = { type: "AWS::Cognito::UserPool", id: p.id, triggers: Object.fromEntries([...p.triggers].map(([k, f]) => [k, f.logicalId])), users: [...p.users.values()], requests: p.outcomes };
    }
    const metrics: Record<string, unknown> = {};
    for (const m of this.mappings) metrics[m.config.name] = { IteratorAge: m.metrics.iteratorAge, maxIteratorAgeMs: m.metrics.maxIteratorAgeMs };
    const dropped: Record<string, number> = {};
    for (const s of this.recursionStops) dropped[s.function] = (dropped[s.function] ?? 0) + 1;
    if (this.recursionStops.length) metrics.RecursiveInvocationsDropped = dropped;
    // The hub names calls by the ARN they act on; an object ARN (bucket/key) is the bucket's edge.
    const bucketOfArn = (to: string) => [...this.buckets.values()].find((b) => to.startsWith(`arn:aws:s3:::${b.name}/`))?.logicalId ?? to;
    const ids = new Set([...this.tables.keys(), ...this.streams.keys(), ...this.buckets.keys(), ...this.databases.keys(), ...this.proxies.keys(), ...this.userPools.keys()]);
    const seen = new Set<string>();
    const edges = this.hub
      .report()
      .edges.map((e) => ({ ...e, to: bucketOfArn(e.to) }))
      .filter((e) => (ids.has(e.from) || ids.has(e.to)) && !seen.has(JSON.stringify(e)) && seen.add(JSON.stringify(e)));
    return {
      resources,
      eventSourceMappings: Object.fromEntries(this.mappings.map((m) => [m.config.name, m.state()])),
      edges,
      metrics,
      recursiveLoops: this.recursionStops,
      streamFailures: this.mappings.flatMap((m) => m.failures),
    };
  }

  private streamState(s: EventStream): Record<string, unknown> {
    return { arn: s.arn, shards: s.shards.map((sh) => ({ shardId: sh.id, records: sh.records.length, lastSequenceNumber: sh.records.at(-1)?.sequenceNumber })) };
  }
}

/** An item as plain JSON for the report: sets become arrays, binary stays base64 text. */
function reportItem(item: Record<string, AttributeValue>): Record<string, unknown> {
  const plain = (v: unknown): unknown => (v instanceof Set ? [...v].map(plain) : v instanceof Uint8Array ? { base64: bytesToBase64(v) } : Array.isArray(v) ? v.map(plain) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)])) : v);
  return plain(unmarshallItem(item)) as Record<string, unknown>;
}

/** SAM attaches a function's event sources to its AutoPublishAlias when it has one. */
function targetOf(fn: TemplateFunction): string {
  return fn.autoPublishAlias ? `${fn.logicalId}:${fn.autoPublishAlias}` : fn.logicalId;
}

function kinesisName(id: string, p: Props, names: Names): string {
  return typeof p.Name === "string" ? p.Name : `${names.stackName}-${id}`;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function allowKeys(spec: Record<string, unknown>, keys: string[], at: string): void {
  for (const k of Object.keys(spec)) if (!keys.includes(k)) throw new DriveError(`${at}.${k}`, `unknown key (expected ${keys.join(", ")})`);
}
