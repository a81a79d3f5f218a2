/**
 * The sample-event catalogue (`content/events/`): the manifest is valid, the files are exactly
 * what the builders generate, every event type-checks against its declared type, and the events are
 * realistic — one account, one region, plausible timestamps, base64 and gzip that really decode.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  ACCOUNT_ID,
  DEFAULT_TIME,
  REGION,
  buildCatalogueEvents,
  buildManifest,
  findEvent,
  getEvent,
  getPath,
  listEvents,
  parseManifest,
} from "../../sandbox/events";
import type { EventManifest } from "../../sandbox/events";
import { loadCatalogue } from "../../sandbox/events/node";
import { formatDiagnostics, typecheckEvents } from "./typecheck-events";

const root = resolve(fileURLToPath(import.meta.url), "../../../content/events");
const rel = (file: string) => `content/events/${file}`;
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(root, file), "utf8"));

function listJson(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? listJson(join(dir, d.name)) : d.name.endsWith(".json") ? [relative(root, join(dir, d.name)).split("\\").join("/")] : [],
  );
}

let manifest: EventManifest;
let events: Record<string, unknown>;

beforeAll(() => {
  manifest = parseManifest(readJson("index.json"), rel("index.json"));
  events = Object.fromEntries(manifest.events.map((e) => [e.id, readJson(e.file)]));
});

/** Every [path, value] leaf of a JSON value. */
function leaves(value: unknown, path = ""): Array<[string, unknown]> {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  if (value !== null && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [[path, value]];
}

const CATALOGUE_LIST_IN_CONTENT_MD = [
  "apigateway/aws-proxy",
  "apigateway/http-api-proxy",
  "alb/request",
  "lambda/function-url",
  "s3/put",
  "s3/delete",
  "sqs/receive-message",
  "sns/notification",
  "eventbridge/custom-event",
  "eventbridge/scheduled-event",
  "dynamodb/insert",
  "dynamodb/modify",
  "dynamodb/remove",
  "kinesis/get-records",
  "kafka/msk",
  "cognito/pre-sign-up",
  "cognito/post-confirmation",
  "iot/rule",
  "cloudwatch/logs",
  "cloudformation/create-request",
  "cloudfront/viewer-request",
  "mq/activemq",
  "mq/rabbitmq",
  "firehose/transformation",
  "stepfunctions/task",
];

describe("the manifest", () => {
  it("is valid (zod) and lists every event file, and only those", () => {
    const onDisk = listJson(root).filter((f) => f !== "index.json").sort();
    expect(onDisk).toEqual(manifest.events.map((e) => e.file).sort());
  });

  it("covers the events CONTENT.md asks for", () => {
    const ids = manifest.events.map((e) => e.id);
    expect(CATALOGUE_LIST_IN_CONTENT_MD.filter((id) => !ids.includes(id))).toEqual([]);
  });

  it("groups every event under a service for the picker", () => {
    const groups = listEvents(manifest);
    expect(groups.flatMap((g) => g.events).length).toBe(manifest.events.length);
    expect(groups.every((g) => g.events.every((e) => e.service === g.service.id))).toBe(true);
  });

  it("states the world every event lives in", () => {
    expect({ accountId: manifest.accountId, region: manifest.region, time: manifest.time }).toEqual({
      accountId: ACCOUNT_ID,
      region: REGION,
      time: DEFAULT_TIME,
    });
  });

  it("is rejected with the JSON path of each problem when malformed", () => {
    const broken = structuredClone(readJson("index.json")) as { events: Array<Record<string, unknown>> };
    (broken.events[0] as Record<string, unknown>).typeFrom = "somewhere";
    delete (broken.events[1] as Record<string, unknown>).title;
    expect(() => parseManifest(broken, "index.json")).toThrow(/index\.json is not a valid event manifest:\n {2}events\.0\.typeFrom: .*\n {2}events\.1\.title:/);
  });

  it("loads through the Node loader the CLI uses", () => {
    const catalogue = loadCatalogue(root);
    expect(Object.keys(catalogue.events).sort()).toEqual(manifest.events.map((e) => e.id).sort());
    expect(getEvent(catalogue, "s3 put")).toEqual(events["s3/put"]);
    expect(findEvent(manifest, "http-api-proxy").id).toBe("apigateway/http-api-proxy");
  });
});

describe("one source of truth", () => {
  it("index.json is what the catalogue definition generates", () => {
    expect(readJson("index.json"), `${rel("index.json")} is out of date: run npx tsx sandbox/events/generate.ts`).toStrictEqual(
      JSON.parse(JSON.stringify(buildManifest())),
    );
  });

  it("every event file is exactly what its builder generates", () => {
    const built = JSON.parse(JSON.stringify(buildCatalogueEvents())) as Record<string, unknown>;
    for (const entry of manifest.events) {
      expect(events[entry.id], `${rel(entry.file)} differs from ${entry.builder}(): run npx tsx sandbox/events/generate.ts`).toStrictEqual(
        built[entry.id],
      );
    }
  });
});

describe("types", () => {
  it("every event satisfies its declared @types/aws-lambda (or lambda-lab) type", () => {
    const diagnostics = typecheckEvents(
      manifest.events.map((e) => ({ label: rel(e.file), value: events[e.id], type: e.type, typeFrom: e.typeFrom })),
    );
    expect(diagnostics, formatDiagnostics(diagnostics)).toEqual([]);
  }, 120_000);

  it("reports a wrong event with its file and the compiler's message", () => {
    const s3 = structuredClone(events["s3/put"]) as { Records: Array<{ s3: { bucket: Record<string, unknown> } }> };
    delete s3.Records[0]?.s3.bucket.name;
    const kafka = { ...(events["kafka/msk"] as object), eventSource: "aws:kafkaa" };
    const diagnostics = typecheckEvents([
      { label: "fixtures/s3-missing-bucket-name.json", value: s3, type: "S3Event", typeFrom: "aws-lambda" },
      { label: "fixtures/kafka-wrong-source.json", value: kafka, type: "MSKEvent", typeFrom: "aws-lambda" },
      { label: "fixtures/good-sns.json", value: events["sns/notification"], type: "SNSEvent", typeFrom: "aws-lambda" },
      { label: "fixtures/unknown-type.json", value: {}, type: "S3Evnt", typeFrom: "aws-lambda" },
    ]);
    const byLabel = (label: string) => diagnostics.filter((d) => d.label === label).map((d) => d.message).join("\n");
    expect(byLabel("fixtures/s3-missing-bucket-name.json")).toMatch(/Property 'name' is missing/);
    expect(byLabel("fixtures/kafka-wrong-source.json")).toMatch(/"aws:kafkaa"' is not assignable to type '"aws:kafka"'/);
    expect(byLabel("fixtures/unknown-type.json")).toMatch(/has no exported member( named)? 'S3Evnt'/);
    expect(byLabel("fixtures/good-sns.json")).toBe("");
    expect(formatDiagnostics(diagnostics)).toMatch(/^fixtures\/s3-missing-bucket-name\.json: near "bucket": \{\n {2}Property 'name' is missing/m);
  }, 120_000);
});

describe("realism", () => {
  const time = Date.parse(DEFAULT_TIME);
  const DAY = 86_400_000;

  it("uses one account and one region in every ARN, host and region field", () => {
    const problems: string[] = [];
    for (const entry of manifest.events) {
      for (const [path, v] of leaves(events[entry.id])) {
        if (typeof v !== "string") continue;
        for (const m of v.matchAll(/arn:aws:([a-z0-9-]+):([a-z0-9-]*):(\d*):/g)) {
          if (m[2] !== "" && m[2] !== REGION) problems.push(`${rel(entry.file)} ${path}: region ${m[2]} in ${m[0]}`);
          if (m[3] !== "" && m[3] !== ACCOUNT_ID) problems.push(`${rel(entry.file)} ${path}: account ${m[3]} in ${m[0]}`);
        }
        for (const m of v.matchAll(/\b(?:us|eu|ap|sa|ca|me|af)-[a-z]+-\d\b/g)) {
          if (m[0] !== REGION) problems.push(`${rel(entry.file)} ${path}: region ${m[0]}`);
        }
        if (/(^|\.)(accountId|account|owner)$/.test(path) && v !== ACCOUNT_ID && v !== "anonymous") {
          problems.push(`${rel(entry.file)} ${path}: account ${v}`);
        }
        if (/\b\d{12}\b/.test(v) && !v.includes(ACCOUNT_ID) && /account|arn/i.test(path)) problems.push(`${rel(entry.file)} ${path}: ${v}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("has timestamps within a day of the catalogue time, in the unit each field uses", () => {
    const problems: string[] = [];
    for (const entry of manifest.events) {
      for (const [path, v] of leaves(events[entry.id])) {
        const key = path.split(".").pop() ?? "";
        let ms: number | undefined;
        if (typeof v === "number" && /time|Time|timestamp|Timestamp|Epoch|DateTime/.test(key)) {
          // Epoch ms (13 digits), seconds (10 digits, possibly with a fraction).
          ms = v > 1e12 ? v : v * 1000;
        } else if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/.test(v)) {
          ms = Date.parse(v);
        } else if (typeof v === "string" && /Timestamp$/.test(key) && /^\d{13}$/.test(v)) {
          ms = Number(v);
        }
        if (ms !== undefined && Math.abs(ms - time) > DAY) problems.push(`${rel(entry.file)} ${path}: ${String(v)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("has ARNs, hosts and ids that agree with the names beside them", () => {
    const at = (id: string, path: string) => getPath(events[id], path) as string;
    expect(at("s3/put", "Records[0].s3.bucket.arn")).toBe(`arn:aws:s3:::${at("s3/put", "Records[0].s3.bucket.name")}`);
    const topicArn = at("sns/notification", "Records[0].Sns.TopicArn");
    expect(at("sns/notification", "Records[0].EventSubscriptionArn").startsWith(`${topicArn}:`)).toBe(true);
    expect(at("sns/notification", "Records[0].Sns.UnsubscribeUrl")).toContain(at("sns/notification", "Records[0].EventSubscriptionArn"));
    expect(at("sqs/receive-message", "Records[2].eventSourceARN")).toBe(`arn:aws:sqs:${REGION}:${ACCOUNT_ID}:my-queue`);
    const cfn = (p: string) => at("cloudformation/create-request", p);
    expect(cfn("ResourceProperties.ServiceToken")).toBe(cfn("ServiceToken"));
    expect(decodeURIComponent(new URL(cfn("ResponseURL")).pathname.slice(1))).toBe(`${cfn("StackId")}|${cfn("LogicalResourceId")}|${cfn("RequestId")}`);
    const sfn = (p: string) => at("stepfunctions/task", `context.${p}`);
    expect(sfn("Execution.Id")).toBe(`arn:aws:states:${REGION}:${ACCOUNT_ID}:execution:${sfn("StateMachine.Name")}:${sfn("Execution.Name")}`);
    expect(sfn("StateMachine.Id")).toBe(`arn:aws:states:${REGION}:${ACCOUNT_ID}:stateMachine:${sfn("StateMachine.Name")}`);
    expect(at("dynamodb/insert", "Records[0].eventSourceARN")).toMatch(new RegExp(`^arn:aws:dynamodb:${REGION}:${ACCOUNT_ID}:table/Orders/stream/`));
    const v1 = (p: string) => at("apigateway/aws-proxy", p);
    expect(v1("headers.Host")).toBe(`${v1("requestContext.apiId")}.execute-api.${REGION}.amazonaws.com`);
    expect(v1("requestContext.path")).toBe(`/${v1("requestContext.stage")}${v1("path")}`);
    expect(at("apigateway/authorizer", "methodArn")).toBe(`arn:aws:execute-api:${REGION}:${ACCOUNT_ID}:${v1("requestContext.apiId")}/prod/GET/orders`);
    expect(at("lambda/function-url", "headers.host")).toBe(`${at("lambda/function-url", "requestContext.apiId")}.lambda-url.${REGION}.on.aws`);
    expect(at("kafka/msk", "bootstrapServers").split(",").every((b) => b.includes(`.kafka.${REGION}.amazonaws.com:9092`))).toBe(true);
    const brokerId = at("mq/activemq", "eventSourceArn").split(":").pop() ?? "";
    expect(at("mq/activemq", "messages[1].messageID").startsWith(`ID:${brokerId}-1.mq.${REGION}.amazonaws.com`)).toBe(true);
    const kinesisShard = at("kinesis/tumbling-window", "shardId");
    expect(at("kinesis/tumbling-window", "Records[0].eventID").startsWith(`${kinesisShard}:`)).toBe(true);
  });

  it("has UUID-shaped request and message ids", () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    const problems: string[] = [];
    for (const entry of manifest.events) {
      for (const [path, v] of leaves(events[entry.id])) {
        // (RabbitMQ's AMQP basicProperties.messageId is the publisher's and null here, as in AWS's example.)
        if (/(^|\.)(messageId|MessageId|RequestId|invocationId|configurationId)$/.test(path) && !path.includes("basicProperties") && (typeof v !== "string" || !uuid.test(v))) {
          problems.push(`${rel(entry.file)} ${path}: ${String(v)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("has base64 payloads that decode (to JSON where the builder sent JSON)", () => {
    const decode = (b64: unknown) => Buffer.from(String(b64), "base64").toString("utf8");
    const kinesis = events["kinesis/get-records"] as { Records: Array<{ kinesis: { data: string } }> };
    expect(kinesis.Records.map((r) => JSON.parse(decode(r.kinesis.data)) as unknown)[0]).toEqual({ sensor: "sensor-1", temperature: 21.5 });
    const firehose = events["firehose/transformation"] as { records: Array<{ data: string }> };
    expect(firehose.records.map((r) => JSON.parse(decode(r.data)) as unknown)).toEqual([
      { ticker: "AMZN", price: 191.2 },
      { ticker: "MSFT", price: 415.5 },
    ]);
    const kafka = events["kafka/msk"] as { records: Record<string, Array<{ key: string; value: string; headers: Array<Record<string, number[]>> }>> };
    const first = kafka.records["orders-0"]?.[0];
    expect([decode(first?.key), JSON.parse(decode(first?.value)), Buffer.from(first?.headers[0]?.source ?? []).toString()]).toEqual([
      "o-1001",
      { orderId: "o-1001", status: "placed" },
      "checkout",
    ]);
    const activemq = events["mq/activemq"] as { messages: Array<{ data: string }> };
    expect(decode(activemq.messages[0]?.data)).toBe("Hello from ActiveMQ!");
    const rabbit = events["mq/rabbitmq"] as { rmqMessagesByQueue: Record<string, Array<{ data: string }>> };
    expect(JSON.parse(decode(rabbit.rmqMessagesByQueue["orders::/"]?.[0]?.data))).toEqual({ orderId: "o-1001" });
    // Every base64 payload field in the catalogue is canonical base64 (re-encoding gives it back).
    const base64Fields = [
      /^Records\[\d+\]\.kinesis\.data$/,
      /^records\[\d+\]\.data$/,
      /^records\.[^.]+\[\d+\]\.(key|value)$/,
      /^messages\[\d+\]\.data$/,
      /^rmqMessagesByQueue\..+\[\d+\]\.data$/,
      /^awslogs\.data$/,
      /\.binaryValue$/,
    ];
    let checked = 0;
    for (const entry of manifest.events) {
      for (const [path, v] of leaves(events[entry.id])) {
        if (typeof v === "string" && base64Fields.some((re) => re.test(path))) {
          checked++;
          expect(Buffer.from(v, "base64").toString("base64"), `${rel(entry.file)} ${path}`).toBe(v);
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(12);
  });

  it("has real SQS body MD5s", async () => {
    const { createHash } = await import("node:crypto");
    for (const id of ["sqs/receive-message", "sqs/receive-message-fifo"]) {
      for (const r of (events[id] as { Records: Array<{ body: string; md5OfBody: string }> }).Records) {
        expect(r.md5OfBody).toBe(createHash("md5").update(r.body).digest("hex"));
      }
    }
  });

  it("CloudWatch Logs data is real gzip + base64 of the documented DATA_MESSAGE payload", () => {
    const data = (events["cloudwatch/logs"] as { awslogs: { data: string } }).awslogs.data;
    const payload: unknown = JSON.parse(gunzipSync(Buffer.from(data, "base64")).toString("utf8"));
    // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/SubscriptionFilters.html
    const Documented = z.strictObject({
      messageType: z.literal("DATA_MESSAGE"),
      owner: z.literal(ACCOUNT_ID),
      logGroup: z.string().regex(/^\/aws\/lambda\/[\w-]+$/),
      logStream: z.string().regex(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/),
      subscriptionFilters: z.array(z.string()).min(1),
      logEvents: z
        .array(z.strictObject({ id: z.string().regex(/^\d{56}$/), timestamp: z.number().int(), message: z.string() }))
        .min(1),
    });
    const parsed = Documented.parse(payload);
    expect(parsed.logEvents[0]?.message).toMatch(/^START RequestId: [0-9a-f-]{36} Version: \$LATEST/);
    expect(parsed.logEvents.at(-1)?.message).toMatch(/^REPORT RequestId: [0-9a-f-]{36}\tDuration: \d+\.\d\d ms\tBilled Duration: \d+ ms/);
    const ids = parsed.logEvents.map((e) => BigInt(e.id));
    expect(ids.every((id, i) => i === 0 || id > (ids[i - 1] as bigint))).toBe(true);
    expect(parsed.logStream.startsWith(DEFAULT_TIME.slice(0, 10).replace(/-/g, "/"))).toBe(true);
  });

  it("has increasing sequence numbers in stream batches", () => {
    const kinesis = (events["kinesis/get-records"] as { Records: Array<{ kinesis: { sequenceNumber: string }; eventID: string }> }).Records;
    const seq = kinesis.map((r) => BigInt(r.kinesis.sequenceNumber));
    expect(seq.every((s, i) => i === 0 || s > (seq[i - 1] as bigint))).toBe(true);
    expect(kinesis.every((r) => r.eventID.endsWith(`:${r.kinesis.sequenceNumber}`))).toBe(true);
    const ddb = (events["dynamodb/batch"] as { Records: Array<{ dynamodb: { SequenceNumber: string } }> }).Records.map((r) => BigInt(r.dynamodb.SequenceNumber));
    expect(ddb.every((s, i) => i === 0 || s > (ddb[i - 1] as bigint))).toBe(true);
  });

  it("every event file exists where the manifest says", () => {
    for (const e of manifest.events) expect(existsSync(join(root, e.file)), rel(e.file)).toBe(true);
  });
});
