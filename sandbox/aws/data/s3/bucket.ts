/**
 * An S3 bucket: objects (body, ETag = MD5 of the body, size, content type, user metadata) and the
 * Lambda notification configurations that fire on object-created and object-removed events, with
 * prefix/suffix key filters (S3 UG notification-how-to-event-types-and-destinations,
 * notification-how-to-filtering).
 */
import { md5Hex } from "../../../events/encoding";
import { TemplateError } from "../../../service/errors";

export interface S3Object {
  key: string;
  body: Uint8Array;
  etag: string;
  size: number;
  contentType: string;
  metadata: Record<string, string>;
  lastModified: number;
}

export interface LambdaNotification {
  /** Logical id of the function (or, with `kind` sqs/sns, of the queue or topic). */
  function: string;
  /** What the notification goes to: a function (default), a queue or a topic. */
  kind?: "lambda" | "sqs" | "sns";
  events: string[];
  prefix?: string;
  suffix?: string;
  id: string;
}

export class Bucket {
  readonly objects = new Map<string, S3Object>();
  readonly notifications: LambdaNotification[] = [];
  readonly counts = { puts: 0, gets: 0, deletes: 0 };
  constructor(
    readonly logicalId: string,
    readonly name: string,
  ) {}

  put(key: string, body: Uint8Array, time: number, options: { contentType?: string; metadata?: Record<string, string> } = {}): S3Object {
    const obj: S3Object = { key, body, etag: `"${md5Hex(body)}"`, size: body.length, contentType: options.contentType ?? "binary/octet-stream", metadata: options.metadata ?? {}, lastModified: time };
    this.objects.set(key, obj);
    this.counts.puts++;
    return obj;
  }

  delete(key: string): boolean {
    this.counts.deletes++;
    return this.objects.delete(key);
  }

  /** Keys in UTF-8 binary order, as ListObjectsV2 returns them. */
  keys(): string[] {
    return [...this.objects.keys()].sort(compareUtf8);
  }

  /** The notifications an event (`ObjectCreated:Put`) on a key triggers. */
  matching(eventName: string, key: string): LambdaNotification[] {
    const full = `s3:${eventName}`;
    return this.notifications.filter((n) => n.events.some((e) => eventMatches(e, full)) && (!n.prefix || key.startsWith(n.prefix)) && (!n.suffix || key.endsWith(n.suffix)));
  }
}

/** UTF-8 binary order of two keys (no Buffer: this runs in the browser's worker too). */
export function compareUtf8(a: string, b: string): number {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/** `s3:ObjectCreated:*` covers every ObjectCreated event; otherwise the names must be equal. */
export function eventMatches(configured: string, event: string): boolean {
  if (configured.endsWith(":*")) return event.startsWith(configured.slice(0, -1));
  return configured === event;
}

const KNOWN_EVENTS = /^s3:(ObjectCreated:(\*|Put|Post|Copy|CompleteMultipartUpload)|ObjectRemoved:(\*|Delete|DeleteMarkerCreated))$/;

/** Reads `Filter: { S3Key: { Rules: [{ Name: prefix|suffix, Value }] } }` and the event names. */
export function readNotification(fnId: string, events: unknown, filter: unknown, id: string, where: { resource: string; property: string }): LambdaNotification {
  const list = typeof events === "string" ? [events] : Array.isArray(events) ? events : [];
  if (list.length === 0) throw new TemplateError("Events must name at least one S3 event type, e.g. s3:ObjectCreated:*", where);
  for (const e of list) {
    if (typeof e !== "string" || !KNOWN_EVENTS.test(e)) throw new TemplateError(`The event is not supported for notifications: ${String(e)} (simulated: s3:ObjectCreated:*, :Put, :Post, :Copy, :CompleteMultipartUpload, s3:ObjectRemoved:*, :Delete, :DeleteMarkerCreated)`, where);
  }
  const n: LambdaNotification = { function: fnId, events: list as string[], id };
  const rules = ((filter as { S3Key?: { Rules?: unknown } } | undefined)?.S3Key?.Rules ?? []) as { Name?: unknown; Value?: unknown }[];
  if (!Array.isArray(rules)) throw new TemplateError("Filter.S3Key.Rules must be a list", where);
  for (const r of rules) {
    const name = String(r.Name).toLowerCase();
    if (name !== "prefix" && name !== "suffix") throw new TemplateError(`Invalid filter name: ${String(r.Name)} (prefix or suffix)`, where);
    if (n[name] !== undefined) throw new TemplateError(`Cannot specify more than one ${name} rule in a filter.`, where);
    n[name] = String(r.Value ?? "");
  }
  return n;
}
