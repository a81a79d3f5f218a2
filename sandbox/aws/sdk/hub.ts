/**
 * The hub of the simulated AWS SDK: services register their operations here (SQS, SNS,
 * EventBridge, DynamoDB, S3, Lambda…), and one service extension gives every function the guest
 * modules (`@aws-sdk/client-*`) and the host side of their calls. Each call is checked against the
 * function's IAM policies first, then run on the service's virtual clock.
 *
 * @example
 * const hub = new SdkHub();
 * hub.register({ package: "@aws-sdk/client-kv", clientName: "KVClient", operations: {
 *   Get: { action: "kv:Get", resource: (i) => `arn:aws:kv:::key/${i.Key}`, run: (i) => ({ Value: store.get(i.Key) }) },
 * } });
 * await createLambdaService({ template, extensions: [hub.extension] });
 */
import * as runtime from "../../runtime/types";
import type { ServiceExtension, ServiceHost } from "../../service/service";
import type { TemplateFunction } from "../../service/template";
import { accessDeniedMessage, authorize, roleSessionArn } from "../iam/evaluate";
import { UNSIMULATED_CLIENTS } from "./catalogue";
import { guestModuleSource, serviceIdOf } from "./guest";

/** Where and when a simulated SDK call happens. */
export interface AwsCallContext {
  host: ServiceHost;
  /** The calling function (its IAM statements: `fn.policies`). */
  fn: TemplateFunction;
  /** Virtual time of the call: the invocation's start plus the time elapsed in it. */
  time: number;
  region: string;
  accountId: string;
  /** The calling invocation's request id. */
  requestId?: string;
  /** Opaque recursion-chain token of the calling invocation (S3/SQS/SNS loop detection). */
  chain?: unknown;
  /** The hub, for services that call each other (SNS → SQS) or link chains. */
  hub: SdkHub;
}

/** One API operation of a simulated service. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the contract with X and Y: each operation types its own input/output
export interface AwsOperation<I = any, O = any> {
  /** IAM action, e.g. "dynamodb:PutItem"; "" for an operation that needs no permission (STS GetCallerIdentity). */
  action: string;
  /** The ARN the call acts on (for IAM and error messages). */
  resource(input: I, ctx: AwsCallContext): string;
  run(input: I, ctx: AwsCallContext): O | Promise<O>;
  /** Virtual latency of the call (default {@link DEFAULT_LATENCY_MS}). */
  latencyMs?: number | ((input: I, output: O) => number);
}

export interface AwsServiceDefinition {
  /** "@aws-sdk/client-sqs" */
  package: string;
  /** "SQSClient" */
  clientName: string;
  /** "SendMessage" → exported as SendMessageCommand. */
  operations: Record<string, AwsOperation>;
  /** Other guest modules, e.g. "@aws-sdk/lib-dynamodb": its guest JS source. */
  extraGuestModules?: Record<string, string>;
  /** Exception classes the package exports by name (`instanceof ConditionalCheckFailedException`). */
  exceptions?: readonly string[];
  /**
   * How this service names an IAM denial: DynamoDB, SQS, SNS, Lambda say `AccessDeniedException`
   * (HTTP 400; Lambda 403); S3 says `AccessDenied` (403). Default `AccessDeniedException`, 400.
   */
  accessDenied?: { name: string; statusCode: number };
}

/** A service's error as the SDK shows it: `name`, `message`, `$fault`, `$metadata.httpStatusCode`, extra fields. */
export class AwsServiceError extends Error {
  readonly statusCode: number;
  readonly fault: "client" | "server";
  readonly fields: Record<string, unknown>;
  /** Thrown by the SDK itself before any request (a missing path label…): a plain Error in the guest, no $metadata. */
  readonly sdkClientSide: boolean;
  constructor(name: string, message: string, options: { statusCode?: number; fault?: "client" | "server"; fields?: Record<string, unknown>; sdkClientSide?: boolean } = {}) {
    super(message);
    this.name = name;
    this.statusCode = options.statusCode ?? 400;
    this.fault = options.fault ?? (this.statusCode >= 500 ? "server" : "client");
    this.fields = options.fields ?? {};
    this.sdkClientSide = options.sdkClientSide ?? false;
  }
}

/** Virtual latency of a call when its operation does not say (a typical in-Region API call). */
export const DEFAULT_LATENCY_MS = 10;

/** Calls kept in the report (the counts cover all). */
const MAX_CALLS_KEPT = 1000;

export interface SdkCallRecord {
  time: number;
  function: string;
  requestId?: string;
  package: string;
  operation: string;
  action?: string;
  resource?: string;
  /** "ok", or the error's name. */
  outcome: string;
}

/** The host-call info the runtime passes as `hostCall`'s third argument (elapsed virtual ms, request id). */
export interface HostCallInfo {
  elapsedMs?: number;
  /** Ms since the request began, a cold start's init included (the runtime's HostCallInfo.offsetMs). */
  offsetMs?: number;
  requestId?: string;
  phase?: "init" | "invoke";
}

type HostReply = (value: unknown, latencyMs: number) => unknown;
/** `hostReply` settles the guest's promise `latencyMs` virtual ms later (when the runtime offers it). */
const hostReply: HostReply | undefined = (() => {
  const f: unknown = Reflect.get(runtime, "hostReply");
  return typeof f === "function" ? (f as HostReply) : undefined;
})();

interface ChainToken {
  root: string;
  depth: number;
}

export class SdkHub {
  private readonly services = new Map<string, AwsServiceDefinition>();
  private readonly arnToLogical = new Map<string, string>();
  private readonly chains = new Map<string, ChainToken>();
  private readonly callsKept: SdkCallRecord[] = [];
  private readonly counts: Record<string, number> = {};
  private readonly edgeSet = new Map<string, { from: string; to: string; kind: string }>();
  private denials: SdkCallRecord[] = [];
  private host: ServiceHost | undefined;

  /** Register a service's operations (call from an extension's `attach(host)` or earlier). */
  register(def: AwsServiceDefinition): void {
    const existing = this.services.get(def.package);
    if (existing) {
      // A second registration of one package adds operations (e.g. two extensions share a client).
      this.services.set(def.package, {
        ...existing,
        operations: { ...existing.operations, ...def.operations },
        extraGuestModules: { ...(existing.extraGuestModules ?? {}), ...(def.extraGuestModules ?? {}) },
        exceptions: [...new Set([...(existing.exceptions ?? []), ...(def.exceptions ?? [])])],
      });
      this.modulesCache = undefined;
      return;
    }
    this.services.set(def.package, def);
    this.modulesCache = undefined;
  }

  /** The registered packages. */
  get packages(): string[] {
    return [...this.services.keys()];
  }

  definition(pkg: string): AwsServiceDefinition | undefined {
    return this.services.get(pkg);
  }

  /** Name a resource for the report's edges (`arn:aws:dynamodb:…:table/Orders` → `OrdersTable`). */
  nameResource(arn: string, logicalId: string): void {
    this.arnToLogical.set(arn, logicalId);
  }

  /** The logical id of an ARN when known (functions, template targets, named resources). */
  logicalIdOf(arn: string): string | undefined {
    const named = this.arnToLogical.get(arn);
    if (named) return named;
    // An S3 object (`arn:aws:s3:::bucket/key`) belongs to its bucket's node in the flow.
    const slash = arn.startsWith("arn:aws:s3:::") ? arn.indexOf("/") : -1;
    if (slash > 0) return this.logicalIdOf(arn.slice(0, slash));
    const host = this.host;
    if (!host) return undefined;
    for (const f of host.template.functions) if (arn === f.arn || arn.startsWith(f.arn + ":")) return f.logicalId;
    for (const t of host.template.targets) if (arn === t.arn || arn === t.url) return t.logicalId;
    return undefined;
  }

  /**
   * Continue a recursion chain: the invocation `childRequestId` was caused by a call made in the
   * chain `parent` (the `chain` of an {@link AwsCallContext}). Returns the child's depth (1 for the
   * first invocation caused by a call of a chain-less invocation).
   */
  continueChain(parent: unknown, childRequestId: string): number {
    const p = parent as ChainToken | undefined;
    const token: ChainToken = p && typeof p.depth === "number" ? { root: p.root, depth: p.depth + 1 } : { root: childRequestId, depth: 1 };
    this.chains.set(childRequestId, token);
    return token.depth;
  }

  /** The chain token of an invocation, if it was caused by a simulated call. */
  chainOf(requestId: string | undefined): unknown {
    return requestId === undefined ? undefined : this.chains.get(requestId);
  }

  /** Add an edge for the report (`{ from, to, kind }`); duplicates are kept once. */
  edge(from: string, to: string, kind: string): void {
    const key = `${from}\u0000${to}\u0000${kind}`;
    if (!this.edgeSet.has(key)) this.edgeSet.set(key, { from, to, kind });
  }

  private modulesCache: Record<string, string> | undefined;

  /** Guest modules of every registered package. */
  guestModules(): Record<string, string> {
    if (this.modulesCache) return this.modulesCache;
    const out: Record<string, string> = {};
    // Packages nobody simulates still load; their commands fail clearly when sent.
    for (const [pkg, clientName] of Object.entries(UNSIMULATED_CLIENTS)) if (!this.services.has(pkg)) out[pkg] = guestModuleSource({ package: pkg, clientName, operations: [] });
    for (const def of this.services.values()) {
      out[def.package] = guestModuleSource({ package: def.package, clientName: def.clientName, operations: Object.keys(def.operations), ...(def.exceptions ? { exceptions: def.exceptions } : {}) });
      Object.assign(out, def.extraGuestModules ?? {});
    }
    this.modulesCache = out;
    return out;
  }

  /**
   * Run one call as the function `fn` would make it: resolve the operation, check IAM, run it.
   * Resolves to `{ output }` or `{ $error }` (the guest throws the SDK-shaped exception).
   */
  async dispatch(fn: TemplateFunction, payload: unknown, info: HostCallInfo = {}): Promise<{ reply: unknown; latencyMs: number }> {
    const host = this.host;
    if (!host) throw new Error("SdkHub: the extension is not attached to a service");
    const p = (payload ?? {}) as { package?: unknown; operation?: unknown; input?: unknown };
    const pkg = typeof p.package === "string" ? p.package : "";
    const op = typeof p.operation === "string" ? p.operation : "";
    const requestId = info.requestId;
    // The invocation's start (the clock may have moved on during it: see lambda/client.ts) plus
    // the time elapsed in its current phase.
    const start = requestId !== undefined ? (host.invocationStart?.(requestId) ?? host.clock.now()) : host.clock.now();
    const time = start + (info.offsetMs ?? info.elapsedMs ?? 0); // offsetMs counts a cold start's init
    const ctx: AwsCallContext = {
      host,
      fn,
      time,
      region: host.template.region,
      accountId: host.template.accountId,
      ...(requestId !== undefined ? { requestId } : {}),
      ...(requestId !== undefined && this.chains.has(requestId) ? { chain: this.chains.get(requestId) } : {}),
      hub: this,
    };
    const record: SdkCallRecord = { time, function: fn.logicalId, ...(requestId !== undefined ? { requestId } : {}), package: pkg, operation: op, outcome: "ok" };
    this.counts[`${pkg} ${op}`] = (this.counts[`${pkg} ${op}`] ?? 0) + 1;
    if (this.callsKept.length < MAX_CALLS_KEPT) this.callsKept.push(record);
    const def = this.services.get(pkg);
    const operation = def?.operations[op];
    const fail = (error: AwsServiceError, latencyMs = DEFAULT_LATENCY_MS) => {
      record.outcome = error.name;
      // The error's request id comes from the run's seeded random source (only when there is an error).
      return { reply: { $error: errorReply(error, requestIdFor(host)) }, latencyMs };
    };
    if (!def || !operation) {
      const known = def ? Object.keys(def.operations).join(", ") : "";
      return fail(
        new AwsServiceError(
          "UnknownOperationException",
          def
            ? `${op}Command of ${pkg} is not simulated by Lambda Lab (simulated: ${known})`
            : `${op}Command of ${pkg || "this package"} is not simulated by Lambda Lab: the package is not simulated (simulated packages: ${this.packages.join(", ") || "none"})`,
          { statusCode: 400 },
        ),
        0,
      );
    }
    const input = decodeBinary(p.input ?? {});
    if (typeof input !== "object" || input === null || Array.isArray(input)) {
      return fail(new AwsServiceError("ValidationException", `1 validation error detected: the input of ${op}Command must be an object`), 0);
    }
    let resource: string;
    try {
      resource = operation.resource(input, ctx);
    } catch (error) {
      if (error instanceof AwsServiceError) return fail(error);
      throw error;
    }
    record.action = operation.action;
    record.resource = resource;
    const decision = operation.action === "" ? "allow" : authorize(fn.policies, operation.action, resource);
    if (decision !== "allow") {
      const denied = def.accessDenied ?? { name: "AccessDeniedException", statusCode: 400 };
      const principal = roleSessionArn(fn, ctx.accountId);
      const error = new AwsServiceError(denied.name, accessDeniedMessage(principal, operation.action, resource, decision), { statusCode: denied.statusCode });
      const out = fail(error);
      this.denials.push(record);
      return out;
    }
    const to = this.logicalIdOf(resource);
    if (operation.action !== "") this.edge(fn.logicalId, to ?? resource, `sdk:${operation.action}`);
    try {
      const output = await operation.run(input, ctx);
      const latency = typeof operation.latencyMs === "function" ? operation.latencyMs(input, output) : (operation.latencyMs ?? DEFAULT_LATENCY_MS);
      const encoded = encodeBinary(output ?? {});
      // The guest decodes binary markers only when there are some (decoding walks the whole output).
      return { reply: hasMarkers(encoded) ? { output: encoded, binary: true } : { output: encoded }, latencyMs: latency };
    } catch (error) {
      if (error instanceof AwsServiceError) return fail(error);
      throw error;
    }
  }

  /** The `hostCall` for one function's environments. */
  hostCallFor(fn: TemplateFunction): (name: string, payload: unknown, info?: HostCallInfo) => Promise<unknown> {
    return async (name, payload, info) => {
      if (name !== "aws") throw new Error(`No host function is available for ${name}`);
      const { reply, latencyMs } = await this.dispatch(fn, payload, info ?? {});
      return hostReply ? hostReply(reply, latencyMs) : reply;
    };
  }

  /** The report section: calls by operation, the first calls, IAM denials, edges. */
  report(): { calls: Record<string, number>; callLog: SdkCallRecord[]; accessDenied: SdkCallRecord[]; edges: { from: string; to: string; kind: string }[] } {
    return { calls: { ...this.counts }, callLog: this.callsKept.slice(), accessDenied: this.denials.slice(), edges: [...this.edgeSet.values()] };
  }

  /** Z's extension: the guest modules and host calls for every function; attach before the others. */
  readonly extension: ServiceExtension = {
    name: "aws",
    // Invoke permissions are evaluated by the event sources (iam/permissions.ts).
    resourceTypes: ["AWS::Lambda::Permission"],
    attach: (host) => {
      this.host = host;
    },
    environmentOptions: (fn) => ({ builtinModules: this.guestModules(), hostCall: this.hostCallFor(fn) }),
    report: () => this.report(),
  };
}

/** A request id for an error's `$metadata`, from the run's seeded random source. */
function requestIdFor(host: ServiceHost): string {
  return host.rng.uuid();
}

function errorReply(error: AwsServiceError, requestId: string): unknown {
  if (error.sdkClientSide) return { name: error.name, message: error.message, sdkClientSide: true };
  return {
    name: error.name,
    message: error.message,
    $fault: error.fault,
    $metadata: { httpStatusCode: error.statusCode, requestId, attempts: 1, totalRetryDelay: 0 },
    fields: encodeBinary(error.fields),
  };
}

/** Guest `{ $b64 }` values → Uint8Array (and `{ $set }` → Set) for the services. */
export function decodeBinary(v: unknown): unknown {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map(decodeBinary);
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 1 && keys[0] === "$b64" && typeof o.$b64 === "string") return base64ToBytes(o.$b64);
  if (keys.length === 1 && keys[0] === "$set" && Array.isArray(o.$set)) return new Set(o.$set.map(decodeBinary));
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = decodeBinary(o[k]);
  return out;
}

/** Uint8Array → `{ $b64 }`, Set → `{ $set }`, Date → `{ $date }` for the guest (the bridge is JSON). */
export function encodeBinary(v: unknown): unknown {
  if (v === null || typeof v !== "object") return v;
  if (v instanceof Uint8Array) return { $b64: bytesToBase64(v) };
  if (v instanceof Set) return { $set: [...(v as Set<unknown>)].map(encodeBinary) };
  if (v instanceof Date) return { $date: v.toISOString() };
  if (Array.isArray(v)) return v.map(encodeBinary);
  if (v instanceof GuestStream) return { $stream: bytesToBase64(v.bytes) };
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = encodeBinary(x);
  return out;
}

/** Does an encoded value hold `$b64` / `$stream` / `$set` / `$date` markers? */
function hasMarkers(v: unknown): boolean {
  if (v === null || typeof v !== "object") return false;
  if (Array.isArray(v)) return v.some(hasMarkers);
  const o = v as Record<string, unknown>;
  for (const k in o) {
    if (k === "$b64" || k === "$stream" || k === "$set" || k === "$date") return true;
    if (hasMarkers(o[k])) return true;
  }
  return false;
}

/** An output value the guest receives as a readable body (`transformToString()`), e.g. S3 GetObject's Body. */
export class GuestStream {
  constructor(readonly bytes: Uint8Array) {}
}

export function base64ToBytes(b64: string): Uint8Array {
  const s = atob(b64);
  const u = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) u[i] = s.charCodeAt(i);
  return u;
}

export function bytesToBase64(u: Uint8Array): string {
  let s = "";
  for (let i = 0; i < u.length; i += 0x8000) s += String.fromCharCode(...u.subarray(i, i + 0x8000));
  return btoa(s);
}

export { serviceIdOf };
