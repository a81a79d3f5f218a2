/**
 * The `data` section of the run report: each resource's end state by logical id, the stream
 * mappings, edges `{ from, to, kind }`, and metrics (IteratorAge per mapping,
 * RecursiveInvocationsDropped by function) — the shapes the lead lifts into the top-level report.
 */
import { unmarshallItem, type AttributeValue } from "../../events/dynamodb";
import { bytesToBase64 } from "../sdk/hub";
import type { DataServices } from "./services";
import { KinesisStream, type EventStream } from "./streams/shards";

/** Items of a table (objects of a bucket) listed in the report; the counts cover all. */
export const REPORT_ITEMS = 20;

export function dataReport(data: DataServices): Record<string, unknown> {
  const resources: Record<string, unknown> = {};
  for (const [id, t] of data.tables) {
    const items = t.all();
    resources[id] = {
      type: "AWS::DynamoDB::Table",
      name: t.def.name,
      itemCount: items.length,
      items: items.slice(0, REPORT_ITEMS).map(reportItem),
      writes: t.counts.writes,
      ...(t.def.streamArn && { stream: streamState(data.streams.get(id)!) }),
    };
  }
  for (const [id, s] of data.streams) if (s instanceof KinesisStream) resources[id] = { type: "AWS::Kinesis::Stream", name: s.name, ...streamState(s) };
  for (const [id, b] of data.buckets) {
    resources[id] = {
      type: "AWS::S3::Bucket",
      name: b.name,
      objectCount: b.objects.size,
      objects: b.keys().slice(0, REPORT_ITEMS).map((k) => ({ key: k, size: b.objects.get(k)!.size, etag: b.objects.get(k)!.etag })),
      puts: b.counts.puts,
      deletes: b.counts.deletes,
    };
  }
  for (const [id, d] of data.databases) {
    resources[id] = { type: "AWS::RDS::DBInstance", endpoint: d.endpoint, maxConnections: d.maxConnections, openConnections: d.connections.size, peakConnections: d.peak, refusedConnections: d.refused, queries: d.queries };
  }
  for (const [id, x] of data.proxies) {
    resources[id] = { type: "AWS::RDS::DBProxy", endpoint: x.endpoint, target: x.db.logicalId, maxPoolConnections: x.maxPool, peakClientConnections: x.peakClients, peakBorrowedConnections: x.peakBorrowed, borrowWaits: x.waits, borrowTimeouts: x.borrowTimeouts };
  }
  for (const [id, p] of data.userPools) {
    resources[id] = { type: "AWS::Cognito::UserPool", id: p.id, triggers: Object.fromEntries([...p.triggers].map(([k, f]) => [k, f.logicalId])), users: [...p.users.values()], requests: p.outcomes };
  }
  const metrics: Record<string, unknown> = {};
  for (const m of data.mappings) metrics[m.config.name] = { IteratorAge: m.metrics.iteratorAge, maxIteratorAgeMs: m.metrics.maxIteratorAgeMs };
  const dropped: Record<string, number> = {};
  for (const s of data.recursionStops) dropped[s.function] = (dropped[s.function] ?? 0) + 1;
  if (data.recursionStops.length) metrics.RecursiveInvocationsDropped = dropped;
  // The hub names calls by the ARN they act on; an object ARN (bucket/key) is the bucket's edge.
  const bucketOfArn = (to: string) => [...data.buckets.values()].find((b) => to.startsWith(`arn:aws:s3:::${b.name}/`))?.logicalId ?? to;
  const ids = new Set([...data.tables.keys(), ...data.streams.keys(), ...data.buckets.keys(), ...data.databases.keys(), ...data.proxies.keys(), ...data.userPools.keys()]);
  const seen = new Set<string>();
  const edges = data.hub
    .report()
    .edges.map((e) => ({ ...e, to: bucketOfArn(e.to) }))
    .filter((e) => (ids.has(e.from) || ids.has(e.to)) && !seen.has(JSON.stringify(e)) && seen.add(JSON.stringify(e)));
  return {
    resources,
    eventSourceMappings: Object.fromEntries(data.mappings.map((m) => [m.config.name, m.state()])),
    edges,
    metrics,
    recursiveLoops: data.recursionStops,
    streamFailures: data.mappings.flatMap((m) => m.failures),
  };
}

function streamState(s: EventStream): Record<string, unknown> {
  return { arn: s.arn, shards: s.shards.map((sh) => ({ shardId: sh.id, records: sh.records.length, lastSequenceNumber: sh.records.at(-1)?.sequenceNumber })) };
}

/** An item as plain JSON for the report: sets become arrays, binary stays base64 text. */
function reportItem(item: Record<string, AttributeValue>): Record<string, unknown> {
  const plain = (v: unknown): unknown => (v instanceof Set ? [...v].map(plain) : v instanceof Uint8Array ? { base64: bytesToBase64(v) } : Array.isArray(v) ? v.map(plain) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)])) : v);
  return plain(unmarshallItem(item)) as Record<string, unknown>;
}
