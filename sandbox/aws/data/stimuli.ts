/**
 * The drive file's data stimuli: `s3` (put with a body, delete), `dynamodb` (put, update, delete),
 * `kinesis` (records) and `cognito` (sign up, sign in). Writes go through the same checks as the
 * API; a bad stimulus is a DriveError naming it.
 */
import { DriveError } from "../../service/errors";
import { marshallItem } from "../../events/dynamodb";
import { AwsServiceError } from "../sdk/hub";
import type { DataServices } from "./services";
import { KinesisStream } from "./streams/shards";

export async function runStimulus(data: DataServices, kind: string, spec: unknown, path: string): Promise<void> {
  const host = data.requireHost();
  const at = `${path}.${kind}`;
  if (!isObj(spec)) throw new DriveError(at, kind === "s3" ? "must be like { bucket: Uploads, put: photos/a.jpg, body: ... }" : kind === "dynamodb" ? "must be like { table: Orders, put: { pk: a } }" : "must be like { stream: Clicks, records: [{ partitionKey: u1, data: {...} }] }");
  const now = host.clock.now();
  const fail = (e: unknown) => {
    if (e instanceof AwsServiceError) throw new DriveError(at, `${e.name}: ${e.message}`);
    throw e;
  };
  if (kind === "s3") {
    const bucket = findResource(data.buckets, spec.bucket, (b) => b.name, at, "bucket", "AWS::S3::Bucket");
    allowKeys(spec, ["bucket", "put", "delete", "body", "contentType"], at);
    if (typeof spec.put === "string") {
      const body = typeof spec.body === "string" ? spec.body : spec.body === undefined ? "" : JSON.stringify(spec.body);
      const obj = bucket.put(spec.put, new TextEncoder().encode(body), now, typeof spec.contentType === "string" ? { contentType: spec.contentType } : {});
      data.notify(bucket, "ObjectCreated:Put", spec.put, obj.size, undefined);
    } else if (typeof spec.delete === "string") {
      bucket.delete(spec.delete);
      data.notify(bucket, "ObjectRemoved:Delete", spec.delete, undefined, undefined);
    } else throw new DriveError(at, "give put: <key> (with body) or delete: <key>");
    return;
  }
  if (kind === "dynamodb") {
    const table = findResource(data.tables, spec.table, (t) => t.def.name, at, "table", "AWS::DynamoDB::Table");
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
    const pool = findResource(data.userPools, spec.userPool, (p) => p.id, at, "userPool", "AWS::Cognito::UserPool");
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
    const stream = findResource(data.streams, spec.stream, (s) => s.name, at, "stream", "AWS::Kinesis::Stream");
    allowKeys(spec, ["stream", "records"], at);
    if (!(stream instanceof KinesisStream)) throw new DriveError(`${at}.stream`, `${String(spec.stream)} is a DynamoDB stream; write to its table with a dynamodb stimulus`);
    if (!Array.isArray(spec.records) || spec.records.length === 0) throw new DriveError(`${at}.records`, "must be a list like [{ partitionKey: u1, data: { page: home } }]");
    spec.records.forEach((r: unknown, i) => {
      if (!isObj(r) || typeof r.partitionKey !== "string" || r.partitionKey === "" || r.data === undefined) throw new DriveError(`${at}.records[${i}]`, "needs partitionKey (a string) and data");
      stream.put(typeof r.data === "string" ? r.data : JSON.stringify(r.data), r.partitionKey, now);
    });
  }
}

function findResource<T>(map: Map<string, T>, ref: unknown, nameOf: (t: T) => string, at: string, key: string, type: string): T {
  if (typeof ref !== "string") throw new DriveError(`${at}.${key}`, `must name an ${type} (its logical id)`);
  const found = map.get(ref) ?? [...map.values()].find((t) => nameOf(t) === ref);
  if (!found) throw new DriveError(`${at}.${key}`, `${ref} is not an ${type} of the template (known: ${[...map.keys()].join(", ") || "none"})`);
  return found;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function allowKeys(spec: Record<string, unknown>, keys: string[], at: string): void {
  for (const k of Object.keys(spec)) if (!keys.includes(k)) throw new DriveError(`${at}.${k}`, `unknown key (expected ${keys.join(", ")})`);
}
