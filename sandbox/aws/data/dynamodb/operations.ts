/**
 * `@aws-sdk/client-dynamodb`: the operations on the simulated tables, with the parameter checks and
 * errors of the DynamoDB API Reference (APIReference API_GetItem, API_PutItem, API_UpdateItem,
 * API_DeleteItem, API_Query, API_Scan, API_BatchWriteItem, API_BatchGetItem, API_TransactWriteItems).
 */
import type { AwsCallContext, AwsOperation, AwsServiceDefinition } from "../../sdk/hub";
import { AwsServiceError, bytesToBase64 } from "../../sdk/hub";
import { type AV, type Item, clone, compareValues, validateValue } from "./attributes";
import { conditionalCheckFailed, resourceNotFound, validation } from "./errors";
import { type Condition, ExpressionContext, type PathNode, applyUpdate, evaluateCondition, parseCondition, parseProjection, parseUpdate, project, updatedNames } from "./expressions";
import { DOCUMENT_CLIENT_SOURCE, UTIL_DYNAMODB_SOURCE } from "./guest";
import type { IndexDefinition, KeyView, Table } from "./table";

/** Tables by name and ARN (the SDK accepts either as TableName). */
export type TableLookup = (nameOrArn: string) => Table | undefined;

type In = Record<string, unknown>;

// ---- wire form: the hub passes binary as Uint8Array; the store keeps base64 strings -----------------

function toStore(v: unknown): unknown {
  if (v instanceof Uint8Array) return bytesToBase64(v);
  if (Array.isArray(v)) return v.map(toStore);
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = toStore(x);
    return out;
  }
  return v;
}

function bytes(b64: string): Uint8Array {
  const s = atob(b64);
  const u = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) u[i] = s.charCodeAt(i);
  return u;
}

function valueOut(v: AV): unknown {
  if (v.B !== undefined) return { B: bytes(v.B) };
  if (v.BS) return { BS: v.BS.map(bytes) };
  if (v.L) return { L: v.L.map(valueOut) };
  if (v.M) return { M: itemOut(v.M) };
  return v;
}

export function itemOut(item: Item): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) out[k] = valueOut(v);
  return out;
}

// ---- request helpers ---------------------------------------------------------------------------

function requireString(input: In, name: string): string {
  const v = input[name];
  if (typeof v !== "string" || v === "") throw validation(`1 validation error detected: Value null at '${name[0]!.toLowerCase() + name.slice(1)}' failed to satisfy constraint: Member must not be null`);
  return v;
}

function tableFor(input: In, tables: TableLookup): Table {
  const t = tables(requireString(input, "TableName"));
  if (!t) throw resourceNotFound();
  return t;
}

function expressionContext(input: In): ExpressionContext {
  const names = (input.ExpressionAttributeNames ?? {}) as Record<string, string>;
  const rawValues = toStore(input.ExpressionAttributeValues ?? {}) as Record<string, unknown>;
  const values: Record<string, AV> = {};
  for (const [k, v] of Object.entries(rawValues)) {
    try {
      values[k] = validateValue(v);
    } catch (e) {
      throw validation(`ExpressionAttributeValues contains invalid value: ${(e as Error).message} for key ${k}`);
    }
  }
  return new ExpressionContext(names, values);
}

/** Refuses the legacy parameters (Expected, AttributesToGet…) the simulator does not implement. */
function refuseLegacy(input: In, names: string[]): void {
  for (const n of names) if (input[n] !== undefined) throw validation(`${n} is a legacy parameter; Lambda Lab simulates the expression parameters only (use the matching *Expression)`);
}

function returnValues(input: In, allowed: string[]): string {
  const rv = (input.ReturnValues as string | undefined) ?? "NONE";
  if (!allowed.includes(rv)) throw validation(`ReturnValues can only be ${allowed.join(" or ")} on this operation`);
  return rv;
}

function checkCondition(cond: Condition | undefined, old: Item | undefined, input: In): void {
  if (cond && !evaluateCondition(cond, old)) {
    throw conditionalCheckFailed(input.ReturnValuesOnConditionCheckFailure === "ALL_OLD" && old ? itemOut(old) : undefined);
  }
}

function parseOptionalCondition(input: In, ctx: ExpressionContext, param: "ConditionExpression" | "FilterExpression"): Condition | undefined {
  const src = input[param];
  return typeof src === "string" ? parseCondition(src, param, ctx) : undefined;
}

function projection(input: In, ctx: ExpressionContext): PathNode[] | undefined {
  return typeof input.ProjectionExpression === "string" ? parseProjection(input.ProjectionExpression, ctx) : undefined;
}

// ---- the prepared writes (shared by the single-item calls and TransactWriteItems) ---------------

interface PreparedWrite {
  table: Table;
  id: string;
  /** Computes the new item from the current one (undefined = delete), checking the condition. */
  apply(old: Item | undefined): { next: Item | undefined } | "unchanged";
  result(old: Item | undefined, next: Item | undefined): Record<string, unknown>;
}

function preparePut(input: In, tables: TableLookup): PreparedWrite {
  const table = tableFor(input, tables);
  refuseLegacy(input, ["Expected", "ConditionalOperator"]);
  const rv = returnValues(input, ["NONE", "ALL_OLD"]);
  const { id, item } = table.checkItem(toStore(input.Item));
  const ctx = expressionContext(input);
  const cond = parseOptionalCondition(input, ctx, "ConditionExpression");
  ctx.checkAllUsed();
  return {
    table,
    id,
    apply: (old) => {
      checkCondition(cond, old, input);
      return { next: item };
    },
    result: (old) => (rv === "ALL_OLD" && old ? { Attributes: itemOut(old) } : {}),
  };
}

function prepareDelete(input: In, tables: TableLookup): PreparedWrite {
  const table = tableFor(input, tables);
  refuseLegacy(input, ["Expected", "ConditionalOperator"]);
  const rv = returnValues(input, ["NONE", "ALL_OLD"]);
  const { id } = table.keyOf(toStore(input.Key));
  const ctx = expressionContext(input);
  const cond = parseOptionalCondition(input, ctx, "ConditionExpression");
  ctx.checkAllUsed();
  return {
    table,
    id,
    apply: (old) => {
      checkCondition(cond, old, input);
      return old ? { next: undefined } : "unchanged";
    },
    result: (old) => (rv === "ALL_OLD" && old ? { Attributes: itemOut(old) } : {}),
  };
}

function prepareUpdate(input: In, tables: TableLookup): PreparedWrite {
  const table = tableFor(input, tables);
  refuseLegacy(input, ["AttributeUpdates", "Expected", "ConditionalOperator"]);
  const rv = returnValues(input, ["NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"]);
  const { id, key } = table.keyOf(toStore(input.Key));
  const ctx = expressionContext(input);
  const actions = typeof input.UpdateExpression === "string" ? parseUpdate(input.UpdateExpression, ctx) : { set: [], remove: [], add: [], delete: [] };
  const cond = parseOptionalCondition(input, ctx, "ConditionExpression");
  ctx.checkAllUsed();
  for (const name of updatedNames(actions)) {
    if (table.keyNames.includes(name)) throw validation(`One or more parameter values were invalid: Cannot update attribute ${name}. This attribute is part of the key`);
  }
  return {
    table,
    id,
    apply: (old) => {
      checkCondition(cond, old, input);
      // UpdateItem creates the item when it does not exist (APIReference API_UpdateItem).
      const next = applyUpdate(actions, old ?? clone(key));
      table.checkItem(next);
      return { next };
    },
    result: (old, next) => {
      const pick = (item: Item | undefined, names: string[]) => {
        if (!item) return undefined;
        const out: Item = {};
        for (const n of names) if (item[n] !== undefined) out[n] = item[n]!;
        return Object.keys(out).length ? out : undefined;
      };
      const touched = updatedNames(actions);
      const attrs = rv === "ALL_OLD" ? old : rv === "ALL_NEW" ? next : rv === "UPDATED_OLD" ? pick(old, touched) : rv === "UPDATED_NEW" ? pick(next, touched) : undefined;
      return attrs ? { Attributes: itemOut(attrs) } : {};
    },
  };
}

function commit(w: PreparedWrite, time: number): Record<string, unknown> {
  const old = w.table.get(w.id);
  const outcome = w.apply(old);
  const next = outcome === "unchanged" ? old : outcome.next;
  if (outcome !== "unchanged") w.table.write(w.id, next, time);
  return w.result(old, next);
}

// ---- reads -------------------------------------------------------------------------------------

function getItem(input: In, tables: TableLookup): Record<string, unknown> {
  const table = tableFor(input, tables);
  refuseLegacy(input, ["AttributesToGet"]);
  const { id } = table.keyOf(toStore(input.Key));
  const ctx = expressionContext(input);
  const proj = projection(input, ctx);
  ctx.checkAllUsed();
  const item = table.get(id);
  if (!item) return {};
  return { Item: itemOut(proj ? project(item, proj) : item) };
}

/** Splits a KeyConditionExpression into the partition-key equality and the optional sort-key condition. */
function keyCondition(cond: Condition, table: KeyView): { hash: AV; range?: Condition } {
  const parts: Condition[] = [];
  const flatten = (c: Condition): void => {
    if (c.kind === "and") {
      flatten(c.a);
      flatten(c.b);
    } else parts.push(c);
  };
  flatten(cond);
  const attrOf = (c: Condition): string | undefined => {
    const first = c.kind === "cmp" || c.kind === "between" ? c.a : c.kind === "fn" ? c.args[0] : undefined;
    return first?.kind === "path" && first.segments.length === 1 ? (first.segments[0] as string) : undefined;
  };
  const hashPart = parts.find((c) => attrOf(c) === table.hashKey);
  if (!hashPart) throw validation(`Query condition missed key schema element: ${table.hashKey}`);
  if (hashPart.kind !== "cmp" || hashPart.op !== "=" || hashPart.b.kind !== "value") throw validation("Query key condition not supported");
  const rest = parts.filter((c) => c !== hashPart);
  if (rest.length > 1) throw validation("Conditions can be of length 1 or 2 only");
  const range = rest[0];
  if (range) {
    const attr = attrOf(range);
    if (attr !== table.rangeKey) throw validation(`Query condition missed key schema element: ${table.rangeKey ?? attr ?? "sort key"}`);
    const ok = (range.kind === "cmp" && range.op !== "<>") || range.kind === "between" || (range.kind === "fn" && range.name === "begins_with");
    if (!ok) throw validation("Query key condition not supported");
  }
  return { hash: hashPart.b.value, ...(range && { range }) };
}

/** Query and Scan share paging, filtering, projection and Select (APIReference API_Query). */
function page(items: Item[], table: Table, view: KeyView, input: In, ctx: ExpressionContext): Record<string, unknown> {
  const filter = parseOptionalCondition(input, ctx, "FilterExpression");
  const proj = projection(input, ctx);
  ctx.checkAllUsed();
  if (input.ExclusiveStartKey !== undefined) {
    const start = exclusiveStartKey(input.ExclusiveStartKey, table, view);
    const forward = input.ScanIndexForward !== false;
    items = items.filter((it) => {
      const c = view.compare(it, start);
      return forward ? c > 0 : c < 0;
    });
  }
  const limit = input.Limit;
  if (limit !== undefined && (typeof limit !== "number" || limit < 1)) throw validation(`1 validation error detected: Value '${String(limit)}' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1`);
  // Limit caps the items read, before the filter (DeveloperGuide Query.Limit).
  const read = typeof limit === "number" ? items.slice(0, limit) : items;
  const matched = filter ? read.filter((it) => evaluateCondition(filter, it)) : read;
  const select = (input.Select as string | undefined) ?? "ALL_ATTRIBUTES";
  if (!["ALL_ATTRIBUTES", "COUNT", "SPECIFIC_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES"].includes(select)) throw validation(`1 validation error detected: Value '${select}' at 'select' failed to satisfy constraint: Member must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]`);
  if (select === "COUNT" && proj) throw validation("Cannot specify the ProjectionExpression when choosing to get only the Count");
  const out: Record<string, unknown> = { Count: matched.length, ScannedCount: read.length };
  if (select !== "COUNT") out.Items = matched.map((it) => itemOut(proj ? project(it, proj) : it));
  if (read.length < items.length && read.length > 0) out.LastEvaluatedKey = itemOut(view.keysOf(read[read.length - 1]!));
  return out;
}

function viewFor(table: Table, input: In): KeyView {
  const name = input.IndexName;
  if (name !== undefined && typeof name !== "string") throw validation("IndexName must be a string");
  const view = table.view(name);
  if (!view) throw validation(`The table does not have the specified index: ${String(name)}`);
  return view;
}

/** ExclusiveStartKey names the table's key, plus the index's key on an index (APIReference API_Query). */
function exclusiveStartKey(raw: unknown, table: Table, view: KeyView): Item {
  const key = toStore(raw) as Item;
  const want = new Set([...table.keyNames, view.hashKey, ...(view.rangeKey ? [view.rangeKey] : [])]);
  if (typeof key !== "object" || key === null || Object.keys(key).length !== want.size || ![...want].every((n) => key[n] !== undefined)) throw validation("The provided starting key is invalid: The provided key element does not match the schema");
  return key;
}

function query(input: In, tables: TableLookup): Record<string, unknown> {
  const table = tableFor(input, tables);
  refuseLegacy(input, ["KeyConditions", "QueryFilter", "AttributesToGet"]);
  const view = viewFor(table, input);
  const ctx = expressionContext(input);
  if (typeof input.KeyConditionExpression !== "string") throw validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
  const cond = parseCondition(input.KeyConditionExpression, "KeyConditionExpression", ctx);
  const { hash, range } = keyCondition(cond, view);
  if (compareValues(hash, hash) === undefined || Object.keys(hash)[0] !== view.keyTypes[view.hashKey]) throw validation("One or more parameter values were invalid: Condition parameter type does not match schema type");
  let items = view.items(hash);
  if (range) items = items.filter((it) => evaluateCondition(range, it));
  if (input.ScanIndexForward === false) items.reverse();
  return page(items, table, view, input, ctx);
}

function scan(input: In, tables: TableLookup): Record<string, unknown> {
  const table = tableFor(input, tables);
  refuseLegacy(input, ["ScanFilter", "AttributesToGet"]);
  const view = viewFor(table, input);
  return page(view.items(), table, view, input, expressionContext(input));
}

// ---- batches and transactions ------------------------------------------------------------------

function batchWrite(input: In, tables: TableLookup, time: number): Record<string, unknown> {
  const req = input.RequestItems as Record<string, In[]> | undefined;
  if (!req || typeof req !== "object" || Object.keys(req).length === 0) throw validation("1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must not be null");
  const total = Object.values(req).reduce((n, l) => n + (Array.isArray(l) ? l.length : 0), 0);
  if (total > 25) throw validation("1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]");
  const writes: PreparedWrite[] = [];
  for (const [name, list] of Object.entries(req)) {
    for (const r of list) {
      if (r.PutRequest) writes.push(preparePut({ TableName: name, Item: (r.PutRequest as In).Item }, tables));
      else if (r.DeleteRequest) writes.push(prepareDelete({ TableName: name, Key: (r.DeleteRequest as In).Key }, tables));
      else throw validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
    }
  }
  const ids = writes.map((w) => `${w.table.def.name}\u0000${w.id}`);
  if (new Set(ids).size !== ids.length) throw validation("Provided list of item keys contains duplicates");
  for (const w of writes) commit(w, time);
  return { UnprocessedItems: {} };
}

function batchGet(input: In, tables: TableLookup): Record<string, unknown> {
  const req = input.RequestItems as Record<string, In> | undefined;
  if (!req || typeof req !== "object" || Object.keys(req).length === 0) throw validation("1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must not be null");
  const total = Object.values(req).reduce((n, r) => n + (Array.isArray(r.Keys) ? r.Keys.length : 0), 0);
  if (total > 100) throw validation("Too many items requested for the BatchGetItem call");
  const responses: Record<string, unknown[]> = {};
  for (const [name, r] of Object.entries(req)) {
    const table = tableFor({ TableName: name }, tables);
    const ctx = expressionContext(r);
    const proj = projection(r, ctx);
    ctx.checkAllUsed();
    const keys = (Array.isArray(r.Keys) ? r.Keys : []).map((k) => table.keyOf(toStore(k)));
    if (new Set(keys.map((k) => k.id)).size !== keys.length) throw validation("Provided list of item keys contains duplicates");
    responses[name] = keys.flatMap((k) => {
      const it = table.get(k.id);
      return it ? [itemOut(proj ? project(it, proj) : it)] : [];
    });
  }
  return { Responses: responses, UnprocessedKeys: {} };
}

function transactWrite(input: In, tables: TableLookup, time: number): Record<string, unknown> {
  const list = input.TransactItems;
  if (!Array.isArray(list) || list.length === 0) throw validation("1 validation error detected: Value null at 'transactItems' failed to satisfy constraint: Member must not be null");
  if (list.length > 100) throw validation("1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100");
  const writes: (PreparedWrite & { checkOnly?: boolean })[] = (list as In[]).map((t) => {
    if (t.Put) return preparePut(t.Put as In, tables);
    if (t.Delete) return prepareDelete(t.Delete as In, tables);
    if (t.Update) return prepareUpdate(t.Update as In, tables);
    if (t.ConditionCheck) {
      const c = t.ConditionCheck as In;
      if (typeof c.ConditionExpression !== "string") throw validation("ConditionCheck requires a ConditionExpression");
      const w = prepareDelete({ ...c, ReturnValues: "NONE" }, tables);
      return { ...w, apply: (old: Item | undefined) => (w.apply(old), "unchanged" as const), checkOnly: true };
    }
    throw validation("TransactItems can only contain one of Check, Put, Update or Delete");
  });
  const ids = writes.map((w) => `${w.table.def.name}\u0000${w.id}`);
  if (new Set(ids).size !== ids.length) throw validation("Transaction request cannot include multiple operations on one item");
  // All conditions first, against the current items; then every write (APIReference API_TransactWriteItems).
  const olds = writes.map((w) => w.table.get(w.id));
  const reasons: { Code: string; Message?: string }[] = [];
  const outcomes = writes.map((w, i) => {
    try {
      const o = w.apply(olds[i]);
      reasons.push({ Code: "None" });
      return o;
    } catch (e) {
      if (e instanceof AwsServiceError && e.name === "ConditionalCheckFailedException") {
        reasons.push({ Code: "ConditionalCheckFailed", Message: e.message });
        return undefined;
      }
      throw e;
    }
  });
  if (reasons.some((r) => r.Code !== "None")) {
    throw new AwsServiceError("TransactionCanceledException", `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(", ")}]`, { fields: { CancellationReasons: reasons } });
  }
  writes.forEach((w, i) => {
    const o = outcomes[i];
    if (o && o !== "unchanged") w.table.write(w.id, o.next, time);
  });
  return {};
}

function describeIndex(i: IndexDefinition): Record<string, unknown> {
  return {
    IndexName: i.name,
    IndexStatus: "ACTIVE",
    KeySchema: [{ AttributeName: i.hashKey, KeyType: "HASH" }, ...(i.rangeKey ? [{ AttributeName: i.rangeKey, KeyType: "RANGE" }] : [])],
    Projection: { ProjectionType: i.projection, ...(i.projection === "INCLUDE" && { NonKeyAttributes: i.include }) },
  };
}

// ---- the service definition --------------------------------------------------------------------

const EXCEPTIONS = ["ConditionalCheckFailedException", "ResourceNotFoundException", "TransactionCanceledException", "ProvisionedThroughputExceededException", "ItemCollectionSizeLimitExceededException"] as const;

/** The `@aws-sdk/client-dynamodb` definition, plus the guest `@aws-sdk/lib-dynamodb` and `@aws-sdk/util-dynamodb`. */
export function dynamodbService(tables: TableLookup, arnOf: (nameOrArn: string, ctx: AwsCallContext) => string): AwsServiceDefinition {
  const tableArn = (input: In, ctx: AwsCallContext) => arnOf(typeof input.TableName === "string" ? input.TableName : "", ctx);
  const firstTable = (input: In, ctx: AwsCallContext) => arnOf(Object.keys((input.RequestItems ?? {}))[0] ?? "", ctx);
  const op = (action: string, run: (input: In, ctx: AwsCallContext) => Record<string, unknown>, resource = tableArn): AwsOperation => ({ action: `dynamodb:${action}`, resource, run, latencyMs: 5 });
  return {
    package: "@aws-sdk/client-dynamodb",
    clientName: "DynamoDBClient",
    exceptions: EXCEPTIONS,
    operations: {
      GetItem: op("GetItem", (i) => getItem(i, tables)),
      PutItem: op("PutItem", (i, ctx) => commit(preparePut(i, tables), ctx.time)),
      UpdateItem: op("UpdateItem", (i, ctx) => commit(prepareUpdate(i, tables), ctx.time)),
      DeleteItem: op("DeleteItem", (i, ctx) => commit(prepareDelete(i, tables), ctx.time)),
      Query: op("Query", (i) => query(i, tables)),
      Scan: op("Scan", (i) => scan(i, tables)),
      BatchWriteItem: op("BatchWriteItem", (i, ctx) => batchWrite(i, tables, ctx.time), firstTable),
      BatchGetItem: op("BatchGetItem", (i) => batchGet(i, tables), firstTable),
      TransactWriteItems: op(
        "PutItem",
        (i, ctx) => transactWrite(i, tables, ctx.time),
        (i, ctx) => {
          const first = ((i.TransactItems as In[] | undefined) ?? [])[0] ?? {};
          const inner = (Object.values(first)[0] ?? {}) as In;
          return tableArn(inner, ctx);
        },
      ),
      DescribeTable: op("DescribeTable", (i) => {
        const t = tableFor(i, tables);
        return {
          Table: {
            TableName: t.def.name,
            TableArn: t.def.arn,
            TableStatus: "ACTIVE",
            ItemCount: t.size,
            KeySchema: t.keyNames.map((n, k) => ({ AttributeName: n, KeyType: k ? "RANGE" : "HASH" })),
            AttributeDefinitions: t.keyNames.map((n) => ({ AttributeName: n, AttributeType: t.def.keyTypes[n] })),
            BillingModeSummary: { BillingMode: t.def.billingMode },
            ...(t.def.indexes.some((i) => i.kind === "GSI") && { GlobalSecondaryIndexes: t.def.indexes.filter((i) => i.kind === "GSI").map(describeIndex) }),
            ...(t.def.indexes.some((i) => i.kind === "LSI") && { LocalSecondaryIndexes: t.def.indexes.filter((i) => i.kind === "LSI").map(describeIndex) }),
            ...(t.def.streamArn && { LatestStreamArn: t.def.streamArn, StreamSpecification: { StreamEnabled: true, StreamViewType: t.def.streamViewType } }),
          },
        };
      }),
    },
    extraGuestModules: { "@aws-sdk/util-dynamodb": UTIL_DYNAMODB_SOURCE, "@aws-sdk/lib-dynamodb": DOCUMENT_CLIENT_SOURCE },
  };
}
