/**
 * A DynamoDB table: its key schema (from `AWS::DynamoDB::Table` or `AWS::Serverless::SimpleTable`),
 * its items in attribute-value form, and the item-level changes it reports to its stream.
 */
import { TemplateError } from "../../../service/errors";
import type { AttributeValue } from "../../../events/dynamodb";
import { type AttributeType, type Item, clone, compareValues, itemSize, MAX_ITEM_BYTES, typeOf, validateItem } from "./attributes";
import { keyMismatch, validation } from "./errors";

export type StreamViewType = "KEYS_ONLY" | "NEW_IMAGE" | "OLD_IMAGE" | "NEW_AND_OLD_IMAGES";

/** A global or local secondary index (DeveloperGuide SecondaryIndexes). */
export interface IndexDefinition {
  name: string;
  kind: "GSI" | "LSI";
  hashKey: string;
  rangeKey?: string;
  projection: "ALL" | "KEYS_ONLY" | "INCLUDE";
  include: string[];
}

export interface TableDefinition {
  logicalId: string;
  name: string;
  arn: string;
  hashKey: string;
  rangeKey?: string;
  /** Key attribute types from AttributeDefinitions. */
  keyTypes: Record<string, "S" | "N" | "B">;
  billingMode: "PAY_PER_REQUEST" | "PROVISIONED";
  streamViewType?: StreamViewType;
  streamArn?: string;
  indexes: IndexDefinition[];
}

export interface ItemChange {
  eventName: "INSERT" | "MODIFY" | "REMOVE";
  keys: Item;
  newImage?: Item;
  oldImage?: Item;
  time: number;
}

/** The stream label in a table's StreamArn: fixed, as the run's virtual epoch starts at deploy. */
export const STREAM_LABEL = "2026-01-01T00:00:00.000";

type Props = Record<string, unknown>;

function fail(logicalId: string, property: string, message: string): never {
  throw new TemplateError(message, { resource: logicalId, property });
}

/** Reads a table resource's properties (CloudFormation UserGuide aws-resource-dynamodb-table; SAM sam-resource-simpletable). */
export function tableDefinition(logicalId: string, type: string, props: Props, names: { region: string; accountId: string; stackName: string }): TableDefinition {
  const name = typeof props.TableName === "string" ? props.TableName : `${names.stackName}-${logicalId}`;
  const arn = `arn:aws:dynamodb:${names.region}:${names.accountId}:table/${name}`;
  if (type === "AWS::Serverless::SimpleTable") {
    const pk = (props.PrimaryKey ?? { Name: "id", Type: "String" }) as Props;
    const t = ({ String: "S", Number: "N", Binary: "B" } as const)[String(pk.Type) as "String"];
    if (!t) fail(logicalId, "PrimaryKey", `PrimaryKey.Type must be String, Number or Binary`);
    return { logicalId, name, arn, hashKey: String(pk.Name ?? "id"), keyTypes: { [String(pk.Name ?? "id")]: t }, billingMode: "PAY_PER_REQUEST", indexes: [] };
  }
  const schema = props.KeySchema;
  if (!Array.isArray(schema) || schema.length < 1 || schema.length > 2) fail(logicalId, "KeySchema", "KeySchema must have a HASH key and at most one RANGE key");
  const hash = (schema as Props[]).find((k) => k.KeyType === "HASH");
  const range = (schema as Props[]).find((k) => k.KeyType === "RANGE");
  if (!hash) fail(logicalId, "KeySchema", "1 validation error detected: the KeySchema has no HASH key");
  const defs = Array.isArray(props.AttributeDefinitions) ? (props.AttributeDefinitions as Props[]) : [];
  const keyTypes: Record<string, "S" | "N" | "B"> = {};
  for (const k of [hash, range]) {
    if (!k) continue;
    const n = String(k.AttributeName);
    const d = defs.find((x) => x.AttributeName === n);
    if (!d) fail(logicalId, "AttributeDefinitions", `One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [${n}], AttributeDefinitions: [${defs.map((x) => String(x.AttributeName)).join(", ")}]`);
    if (!["S", "N", "B"].includes(String(d.AttributeType))) fail(logicalId, "AttributeDefinitions", `AttributeType of ${n} must be S, N or B`);
    keyTypes[n] = d.AttributeType as "S";
  }
  const indexes: IndexDefinition[] = [];
  for (const [property, kind] of [["GlobalSecondaryIndexes", "GSI"], ["LocalSecondaryIndexes", "LSI"]] as const) {
    const list = props[property];
    if (list === undefined) continue;
    if (!Array.isArray(list)) fail(logicalId, property, `${property} must be a list`);
    for (const [i, raw] of (list as Props[]).entries()) {
      const where = `${property}[${i}]`;
      const ks = Array.isArray(raw.KeySchema) ? (raw.KeySchema as Props[]) : [];
      const h = ks.find((k) => k.KeyType === "HASH");
      const r = ks.find((k) => k.KeyType === "RANGE");
      if (typeof raw.IndexName !== "string" || !h) fail(logicalId, where, "an index needs IndexName and a KeySchema with a HASH key");
      if (kind === "LSI" && h.AttributeName !== hash.AttributeName) fail(logicalId, where, `a local secondary index has the table's partition key (${String(hash.AttributeName)})`);
      for (const k of [h, r]) {
        if (!k) continue;
        const n = String(k.AttributeName);
        const d = defs.find((x) => x.AttributeName === n);
        if (!d) fail(logicalId, "AttributeDefinitions", `One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [${n}], AttributeDefinitions: [${defs.map((x) => String(x.AttributeName)).join(", ")}]`);
        keyTypes[n] = d.AttributeType as "S";
      }
      const proj = (raw.Projection ?? {}) as Props;
      const type = (proj.ProjectionType ?? "ALL") as IndexDefinition["projection"];
      if (!["ALL", "KEYS_ONLY", "INCLUDE"].includes(type)) fail(logicalId, where, "Projection.ProjectionType must be ALL, KEYS_ONLY or INCLUDE");
      indexes.push({ name: raw.IndexName, kind, hashKey: String(h.AttributeName), ...(r && { rangeKey: String(r.AttributeName) }), projection: type, include: Array.isArray(proj.NonKeyAttributes) ? proj.NonKeyAttributes.map(String) : [] });
    }
  }
  const stream = props.StreamSpecification as Props | undefined;
  const view = stream?.StreamViewType as StreamViewType | undefined;
  if (stream && !["KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"].includes(String(view))) {
    fail(logicalId, "StreamSpecification", "StreamViewType must be KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES");
  }
  return {
    logicalId,
    name,
    arn,
    hashKey: String(hash.AttributeName),
    ...(range && { rangeKey: String(range.AttributeName) }),
    keyTypes,
    billingMode: props.BillingMode === "PROVISIONED" ? "PROVISIONED" : "PAY_PER_REQUEST",
    ...(view && { streamViewType: view, streamArn: `${arn}/stream/${STREAM_LABEL}` }),
    indexes,
  };
}

/** The keys a Query or Scan reads by: the table's, or an index's (plus the table's, for order and paging). */
export interface KeyView {
  hashKey: string;
  rangeKey?: string;
  keyTypes: Record<string, "S" | "N" | "B">;
  /** Items in this view (of one partition when `hash` is given), in key order, projected (an index holds only items with its keys). */
  items(hash?: AttributeValue): Item[];
  compare(a: Item, b: Item): number;
  /** LastEvaluatedKey of an item: the table's key, plus the index's key attributes. */
  keysOf(item: Item): Item;
}

export class Table {
  private readonly items = new Map<string, Item>();
  private readonly listeners: ((change: ItemChange) => void)[] = [];
  /** Writes and reads, for the report. */
  readonly counts = { writes: 0, reads: 0 };

  constructor(readonly def: TableDefinition) {}

  get size(): number {
    return this.items.size;
  }

  onChange(listener: (change: ItemChange) => void): void {
    this.listeners.push(listener);
  }

  get keyNames(): string[] {
    return this.def.rangeKey ? [this.def.hashKey, this.def.rangeKey] : [this.def.hashKey];
  }

  /** Checks a `Key` parameter: exactly the key attributes, of their declared types. */
  keyOf(key: unknown): { id: string; key: Item } {
    const k = validateItem(key, "Key");
    const names = Object.keys(k);
    if (names.length !== this.keyNames.length || !this.keyNames.every((n) => k[n] !== undefined)) throw keyMismatch();
    for (const n of this.keyNames) if (typeOf(k[n]!) !== this.def.keyTypes[n]) throw keyMismatch();
    return { id: this.idOf(k), key: k };
  }

  /** Checks an item to be written: key attributes present with their types; size within 400 KB. */
  checkItem(item: unknown): { id: string; item: Item } {
    const it = validateItem(item);
    for (const n of this.keyNames) {
      const v = it[n];
      if (!v) throw validation(`One or more parameter values were invalid: Missing the key ${n} in the item`);
      const t = typeOf(v);
      if (t !== this.def.keyTypes[n]) throw validation(`One or more parameter values were invalid: Type mismatch for key ${n} expected: ${this.def.keyTypes[n]} actual: ${t}`);
      if ((v.S ?? v.B) === "") throw validation(`One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: ${n}`);
    }
    for (const ix of this.def.indexes) {
      for (const n of [ix.hashKey, ix.rangeKey]) {
        const v = n === undefined ? undefined : it[n];
        if (!v || this.keyNames.includes(n!)) continue;
        const t = typeOf(v);
        if (t !== this.def.keyTypes[n!]) throw validation(`One or more parameter values were invalid: Type mismatch for Index Key ${n} Expected: ${this.def.keyTypes[n!]} Actual: ${t} IndexName: ${ix.name}`);
      }
    }
    if (itemSize(it) > MAX_ITEM_BYTES) throw validation("Item size has exceeded the maximum allowed size");
    return { id: this.idOf(it), item: it };
  }

  private idOf(item: Item): string {
    return JSON.stringify(this.keyNames.map((n) => item[n]));
  }

  keysOf(item: Item): Item {
    const out: Item = {};
    for (const n of this.keyNames) out[n] = item[n]!;
    return out;
  }

  get(id: string): Item | undefined {
    this.counts.reads++;
    const it = this.items.get(id);
    return it && clone(it);
  }

  /** Writes (or with `undefined`, deletes) an item and reports the change to the stream. */
  write(id: string, item: Item | undefined, time: number): void {
    const old = this.items.get(id);
    this.counts.writes++;
    if (item) this.items.set(id, clone(item));
    else this.items.delete(id);
    if (!old && !item) return;
    const keys = this.keysOf((item ?? old)!);
    // An unchanged item produces no stream record (DeveloperGuide Streams: "only if the item is changed").
    if (old && item && JSON.stringify(old) === JSON.stringify(item)) return;
    const change: ItemChange = { eventName: !old ? "INSERT" : !item ? "REMOVE" : "MODIFY", keys: clone(keys), time, ...(item && { newImage: clone(item) }), ...(old && { oldImage: clone(old) }) };
    for (const l of this.listeners) l(change);
  }

  /**
   * Items having every `required` attribute (and `hashKey` = `hash` when given), sorted. Not cloned:
   * callers only read them, and the hub copies outputs on their way to the guest.
   */
  private select(hashKey: string, hash: AttributeValue | undefined, required: string[], compare: (a: Item, b: Item) => number, project: (it: Item) => Item): Item[] {
    const out: Item[] = [];
    for (const it of this.items.values()) {
      if (!required.every((n) => it[n] !== undefined)) continue;
      if (hash && !(compareValues(it[hashKey]!, hash) === 0)) continue;
      out.push(it);
    }
    return out.sort(compare).map(project);
  }

  /** Every item, ordered by partition then sort key (a stand-in for DynamoDB's hash order). */
  all(): Item[] {
    return [...this.items.values()].sort((a, b) => this.compareKeys(a, b)).map(clone);
  }

  compareKeys(a: Item, b: Item): number {
    for (const n of this.keyNames) {
      const c = compareValues(a[n]!, b[n]!) ?? 0;
      if (c) return c;
    }
    return 0;
  }

  keyType(name: string): AttributeType | undefined {
    return this.def.keyTypes[name];
  }

  /** The table itself, or one of its indexes, as Query and Scan read it; undefined for an unknown index. */
  view(indexName?: string): KeyView | undefined {
    if (indexName === undefined) {
      return { hashKey: this.def.hashKey, ...(this.def.rangeKey && { rangeKey: this.def.rangeKey }), keyTypes: this.def.keyTypes, items: (hash) => this.select(this.def.hashKey, hash, [this.def.hashKey], (a, b) => this.compareKeys(a, b), (it) => it), compare: (a, b) => this.compareKeys(a, b), keysOf: (it) => this.keysOf(it) };
    }
    const ix = this.def.indexes.find((i) => i.name === indexName);
    if (!ix) return undefined;
    const names = [ix.hashKey, ...(ix.rangeKey ? [ix.rangeKey] : [])];
    const compare = (a: Item, b: Item) => {
      for (const n of names) {
        const c = compareValues(a[n]!, b[n]!) ?? 0;
        if (c) return c;
      }
      return this.compareKeys(a, b);
    };
    const keysOf = (it: Item): Item => {
      const out = this.keysOf(it);
      for (const n of names) out[n] = it[n]!;
      return out;
    };
    const project = (it: Item): Item => {
      if (ix.projection === "ALL") return it;
      const keep = new Set([...this.keyNames, ...names, ...(ix.projection === "INCLUDE" ? ix.include : [])]);
      return Object.fromEntries(Object.entries(it).filter(([k]) => keep.has(k)));
    };
    return {
      hashKey: ix.hashKey,
      ...(ix.rangeKey && { rangeKey: ix.rangeKey }),
      keyTypes: this.def.keyTypes,
      // A sparse index: only items that have every key attribute of the index.
      items: (hash) => this.select(ix.hashKey, hash, names, compare, project),
      compare,
      keysOf,
    };
  }
}
