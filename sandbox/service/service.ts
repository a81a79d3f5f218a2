/**
 * The Lambda service on a deterministic virtual clock (issue 4): functions, versions and aliases,
 * the three invocation types, the asynchronous queue with its retries, dead-letter queues and
 * destinations, concurrency (account, reserved, provisioned, scaling rate) and the environment pool
 * of each version. Cold starts and throttles are not scripted: an invocation occupies its
 * environment for the duration the runtime reports, so overlapping requests need more
 * environments, and the limits decide whether they get one.
 */
import { newEnvironment } from "../runtime/environment";
import { INVOKE_OVERHEAD_MS } from "../runtime/model";
import { utf8Length } from "../runtime/config";
import type { EnvironmentOptions, ExecutionEnvironment, FunctionConfig, InvokeOptions as RuntimeInvokeOptions, InvokeResult, LambdaErrorPayload, LogEvent } from "../runtime/types";
import { computeCost, type ProvisionedInterval } from "./cost";
import { MAX_ASYNC_REQUEST_BYTES, MAX_RUN_MS, MAX_SYNC_REQUEST_BYTES, parseDrive, accountConcurrency, type Drive, type DriveOptions, type Stimulus } from "./drive";
import { parseDuration } from "./duration";
import { DriveError, LambdaApiError, ServiceStateError, TemplateError } from "./errors";
import { MetricsCollector } from "./metrics";
import { hashHex, Rng } from "./rng";
import { PRIORITY, Scheduler, type Clock } from "./scheduler";
import { parseTemplate, type AsyncConfig, type ParsedTemplate, type TargetRef, type TemplateFunction, type TemplateOptions, type TemplateTarget, type TemplateWarning } from "./template";
import type {
  DeadLetterMessage,
  DestinationDelivery,
  FlowEdge,
  FunctionState,
  HttpExchangeReport,
  InvocationRecord,
  InvocationRecordDocument,
  InvocationType,
  InvokeResponse,
  RunReport,
  TargetState,
  ThrottleReason,
  Trace,
} from "./types";

// ---- documented constants ---------------------------------------------------------------------

/** Lambda's default account concurrency per Region (DG lambda-concurrency). */
export const DEFAULT_ACCOUNT_CONCURRENCY = 1000;
/** Reserved concurrency must leave at least 100 unreserved (DG configuration-concurrency). */
export const UNRESERVED_MINIMUM = 100;
/** Scaling rate: 1,000 new execution environments per function every 10 s, refilled continuously, no accumulation (DG scaling-behavior). */
export const SCALING_BURST = 1000;
export const SCALING_REFILL_PER_MS = 1000 / 10_000;
/** Request rate: 10 × the concurrency limit per second (DG lambda-concurrency). */
export const REQUESTS_PER_SECOND_PER_CONCURRENCY = 10;
/**
 * How long an idle on-demand environment stays warm. Lambda does not document it (LAMBDA.md §4,
 * unconfirmed); observations put it between 5 and 15 minutes. The simulator uses 5 minutes by
 * default (`idleTimeout` changes it) so a lesson can show a cold start after a quiet spell.
 */
export const DEFAULT_IDLE_TIMEOUT_MS = 5 * 60_000;
/** Async retries after a function error: 1 minute before the 2nd attempt, 2 minutes before the 3rd (DG invocation-async-error-handling). */
export const ASYNC_RETRY_DELAYS_MS = [60_000, 120_000] as const;
/** Throttled or system-failed async events: back-off from 1 s doubling to a 5-minute cap, for up to 6 hours by default. */
export const THROTTLE_BACKOFF_START_MS = 1000;
export const THROTTLE_BACKOFF_MAX_MS = 300_000;
export const DEFAULT_MAX_EVENT_AGE_S = 21_600;
export const DEFAULT_MAX_RETRY_ATTEMPTS = 2;
/** Invocations in one chain before recursive loop detection stops the next (DG invocation-recursion). */
export const RECURSION_LIMIT = 16;
/** A run stops after this many invocation attempts unless `maxInvocations` says otherwise. */
export const DEFAULT_MAX_INVOCATIONS = 1_000_000;
/** Virtual ms 0 of a run, unless `startTime` says otherwise (fixed so reports are reproducible). */
export const DEFAULT_START_TIME = Date.UTC(2026, 0, 1, 0, 0, 0);

// ---- options and extension points --------------------------------------------------------------

export type EnvironmentFactory = (config: FunctionConfig, options: EnvironmentOptions) => Promise<ExecutionEnvironment>;

/** What a service extension (event sources, simulated AWS services: issue 5) can use. */
export interface ServiceHost {
  readonly clock: Clock;
  readonly template: ParsedTemplate;
  /** Queues, topics, buses and buckets by logical id (extensions may add their own). */
  readonly resources: Map<string, TargetResource>;
  /** Invoke a function now, as the Lambda API does (throttles come back as 429 data). */
  invoke(target: string, payload: unknown, options?: { type?: InvocationType; trigger?: string }): Promise<InvokeResponse>;
  /**
   * The same, with the attempt's record for a RequestResponse invoke: its virtual `end` is when the
   * caller has the response (an SQS poller deletes the batch then; an API returns it then).
   */
  invokeWithRecord(target: string, payload: unknown, options?: { type?: InvocationType; trigger?: string }): Promise<{ response: InvokeResponse; record?: InvocationRecord }>;
  /** The seeded random source of the run. */
  readonly rng: Rng;
  /** Epoch ms of a virtual time. */
  epoch(time: number): number;
  /**
   * Run the work due up to `time` and move the clock there, from inside a task (e.g. an invocation
   * that calls Lambda's Invoke API `time - start` ms into its run: the callee starts then, and
   * environments released meanwhile are reused). Never moves the clock back.
   */
  runUntil?(time: number): Promise<void>;
  /** Virtual start time of the invocation attempt `requestId` while its environment runs it. */
  invocationStart?(requestId: string): number | undefined;
}

export interface ServiceExtension {
  name: string;
  /** CloudFormation/SAM resource types it simulates (not reported as "not simulated"). */
  resourceTypes?: readonly string[];
  /** SAM `Events` types it simulates. */
  eventTypes?: readonly string[];
  /** Drive-file stimulus kinds it handles, beside invoke/update/alias. */
  stimulusKinds?: readonly string[];
  /** Called once after the template is deployed. */
  attach?(host: ServiceHost): void | Promise<void>;
  /** Run one repeat of a stimulus of one of its kinds, at the current virtual time. */
  stimulus?(kind: string, spec: unknown, host: ServiceHost, path: string): void | Promise<void>;
  /** Options for a function's environments (the simulated SDK's modules and host calls). */
  environmentOptions?(fn: TemplateFunction, host: ServiceHost): Pick<EnvironmentOptions, "builtinModules" | "hostCall">;
  /** An extra section of the run report. */
  report?(host: ServiceHost): unknown;
  /** `Ref`/`Fn::GetAtt` values for the resource types it simulates (see TemplateOptions.attribute). */
  attribute?: TemplateOptions["attribute"];
  /**
   * The log events one invocation attempt wrote (START … REPORT, virtual epoch timestamps), called
   * when the attempt has run, whatever the run keeps in its report (CloudWatch Logs subscriptions).
   */
  invocationLogs?(logs: InvocationLogs, host: ServiceHost): void;
}

/** What an invocation attempt wrote to its function's log group. */
export interface InvocationLogs {
  /** The function's logical id. */
  function: string;
  logGroup: string;
  logStream: string;
  requestId: string;
  trigger: string;
  events: readonly LogEvent[];
}

export interface LambdaServiceOptions extends Omit<TemplateOptions, "extensionResourceTypes" | "extensionEventTypes" | "fileName"> {
  /** The SAM template: YAML/JSON text or parsed data. */
  template: string | object;
  templateFileName?: string;
  account?: { concurrency?: number };
  /** Seed of the run's random choices (weighted aliases, request ids). Default 1. */
  seed?: number | string;
  /** Epoch ms (or ISO text) of virtual time 0. */
  startTime?: number | string;
  /** Idle time after which an on-demand environment is reclaimed ("5m", ms). */
  idleTimeout?: number | string;
  /** Log lines kept per invocation in the report: "full" (default), "none", or the last N lines. */
  logs?: "full" | "none" | number;
  /** Build per-request traces in the report (default true). */
  traces?: boolean;
  /** Period of the metrics ("1s" … "1h"; default 1 minute, as Lambda's CloudWatch metrics). */
  metricsPeriod?: number | string;
  /** Apply the monthly free tier to the cost (default false). */
  freeTier?: boolean;
  /** Stop a run after this many invocation attempts (default 1,000,000): a runaway load cannot hang or exhaust the host. */
  maxInvocations?: number;
  /** Creates execution environments (default: the QuickJS runtime's newEnvironment). */
  environmentFactory?: EnvironmentFactory;
  extensions?: readonly ServiceExtension[];
}

export interface ServiceInvokeOptions {
  type?: InvocationType;
  /** What caused the invoke, for the report ("invoke" by default). */
  trigger?: string;
  clientContext?: unknown;
  /** "Tail" returns the last 4 KB of the log, base64, in `logResult` (as `--log-type Tail`). */
  logType?: "None" | "Tail";
}

// ---- resources that hold deliveries ------------------------------------------------------------

/** A queue, topic, bus or bucket: holds what Lambda delivers to it; extensions can listen. */
export class TargetResource {
  readonly messages: unknown[] = [];
  private readonly listeners: ((message: unknown, time: number) => void)[] = [];
  constructor(readonly def: TemplateTarget) {}
  deliver(message: unknown, time: number): void {
    this.messages.push(message);
    for (const l of this.listeners) l(message, time);
  }
  /** Called on every delivery (issue 5: an SQS event source mapping polls this queue). */
  onDeliver(listener: (message: unknown, time: number) => void): void {
    this.listeners.push(listener);
  }
}

// ---- internal state ---------------------------------------------------------------------------

interface EnvSlot {
  id: string;
  env: ExecutionEnvironment | undefined;
  version: VersionState;
  provisioned: boolean;
  lastUsed: number;
  busy: boolean;
  invocations: number;
}

interface VersionState {
  fn: FnState;
  version: string;
  config: FunctionConfig;
  sha: string;
  /** Free on-demand environments, most recently used last. */
  idle: EnvSlot[];
  idleProvisioned: EnvSlot[];
  all: Set<EnvSlot>;
  provisioned: number;
  provisionedSince: number;
  retired: boolean;
  envCounter: number;
}

interface AliasState {
  name: string;
  version: string;
  weights: Record<string, number>;
  provisioned?: number;
}

interface FnState {
  def: TemplateFunction;
  latest: VersionState;
  versions: Map<string, VersionState>;
  aliases: Map<string, AliasState>;
  asyncConfigs: Map<string, AsyncConfig>;
  reserved: number | undefined;
  busyOnDemand: number;
  busyProvisioned: number;
  provisionedAllocated: number;
  tokens: number;
  tokensAt: number;
  rateSecond: number;
  rateCount: number;
  queued: number;
}

interface AsyncEvent {
  requestId: string;
  /** Destination hops from the original request (Lambda → Lambda chains). */
  depth: number;
  fn: FnState;
  qualifier: string | undefined;
  version: string;
  payload: unknown;
  enqueuedAt: number;
  attempts: number;
  throttles: number;
  trigger: string;
  stimulus: number | undefined;
  last?: { result: InvokeResult; version: string };
  lastStatusCode: number;
}

type Acquire = { slot: EnvSlot; spillover: boolean } | { throttle: ThrottleReason; detail: string };

interface AttemptContext {
  requestId: string;
  qualifier: string | undefined;
  type: "RequestResponse" | "Event";
  trigger: string;
  attempt: number;
  stimulus: number | undefined;
  eventAge?: number;
  clientContext?: unknown;
}

const LOG_TAIL_BYTES = 4096;

function stableHash(value: unknown): string {
  const s = JSON.stringify(value, (_k, v: unknown) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));
  // FNV-1a, twice with different seeds, shown as base64 like CodeSha256 (not a real SHA-256).
  let h1 = 2166136261 >>> 0;
  let h2 = 0x811c9dc5 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 16777619) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000193) >>> 0;
  }
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setUint32(0, h1);
  new DataView(bytes.buffer).setUint32(4, h2);
  return btoa(String.fromCharCode(...bytes));
}

function errorOf(payload: unknown): LambdaErrorPayload | undefined {
  if (payload && typeof payload === "object" && "errorType" in payload) return payload as LambdaErrorPayload;
  return undefined;
}

function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * The simulated Lambda service for one template. Create it with {@link createLambdaService}.
 * Owns execution environments (engine memory): call `dispose()` or use `using`.
 */
export class LambdaService implements Disposable {
  readonly template: ParsedTemplate;
  readonly clock: Scheduler = new Scheduler();
  readonly rng: Rng;
  readonly resources = new Map<string, TargetResource>();
  readonly seed: number | string;

  private readonly fns = new Map<string, FnState>();
  private readonly byName = new Map<string, FnState>();
  private readonly metrics: MetricsCollector;
  private readonly records: InvocationRecord[] = [];
  private readonly deadLetters: Record<string, DeadLetterMessage[]> = {};
  private readonly destinations: DestinationDelivery[] = [];
  private readonly provisionedIntervals: (ProvisionedInterval & { version: VersionState })[] = [];
  private readonly factory: EnvironmentFactory;
  private readonly extensions: readonly ServiceExtension[];
  private readonly host: ServiceHost;
  private readonly epochBase: number;
  private readonly idleMs: number;
  private readonly logMode: "full" | "none" | number;
  private readonly tracesOn: boolean;
  private readonly freeTier: boolean;
  private accountLimit: number;
  private unreservedInUse = 0;
  private accountRateSecond = -1;
  private accountRateCount = 0;
  private dryRuns = 0;
  private recursionStops = 0;
  /** Log lines of provisioned environments' ahead-of-time init, by environment id. */
  private readonly initLogs = new Map<string, { time: number; version: string; fn: string; lines: string[] }>();
  private truncated: string | undefined;
  private readonly maxInvocations: number;
  private maxConcurrency = 0;
  private inFlight = 0;
  private disposed = false;
  private running = false;

  /** Start time of each invocation attempt whose environment is running it, by request id. */
  private readonly runningAttempts = new Map<string, number>();

  /** @internal use {@link createLambdaService} */
  constructor(template: ParsedTemplate, options: LambdaServiceOptions) {
    this.template = template;
    this.seed = options.seed ?? 1;
    this.rng = new Rng(this.seed);
    this.factory = options.environmentFactory ?? newEnvironment;
    this.extensions = options.extensions ?? [];
    for (const ext of this.extensions) if (ext.invocationLogs) this.logListeners.push(ext);
    this.accountLimit = options.account?.concurrency === undefined ? DEFAULT_ACCOUNT_CONCURRENCY : accountConcurrencyOrThrow(options.account.concurrency);
    const st = options.startTime === undefined ? DEFAULT_START_TIME : typeof options.startTime === "number" ? options.startTime : Date.parse(options.startTime);
    if (!Number.isFinite(st)) throw new TypeError(`startTime ${String(options.startTime)} is not a date`);
    this.epochBase = st;
    const idle = options.idleTimeout === undefined ? DEFAULT_IDLE_TIMEOUT_MS : parseDuration(options.idleTimeout);
    if (idle === undefined || idle < 1000 || idle > 24 * 3_600_000) throw new RangeError(`idleTimeout must be from 1s to 24h (got ${String(options.idleTimeout)})`);
    this.idleMs = idle;
    const logs = options.logs ?? "full";
    if (typeof logs === "number" && (!Number.isInteger(logs) || logs < 0)) throw new RangeError("logs must be full, none or a number of lines");
    this.logMode = logs;
    this.tracesOn = options.traces ?? true;
    const period = options.metricsPeriod === undefined ? 60_000 : parseDuration(options.metricsPeriod);
    if (period === undefined || period < 1000 || period > 3_600_000 || period % 1000 !== 0) throw new RangeError(`metricsPeriod must be whole seconds from 1s to 1h (got ${String(options.metricsPeriod)})`);
    this.metrics = new MetricsCollector(period);
    this.freeTier = options.freeTier ?? false;
    const maxInv = options.maxInvocations ?? DEFAULT_MAX_INVOCATIONS;
    if (!Number.isInteger(maxInv) || maxInv < 1) throw new RangeError(`maxInvocations must be a whole number from 1 (got ${String(options.maxInvocations)})`);
    this.maxInvocations = maxInv;
    for (const t of template.targets) this.resources.set(t.logicalId, new TargetResource(t));
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    this.host = {
      clock: this.clock,
      template,
      resources: this.resources,
      rng: this.rng,
      invoke: (target, payload, o) => self.invokeNow(target, payload, { ...(o?.type ? { type: o.type } : {}), trigger: o?.trigger ?? "invoke" }),
      invokeWithRecord: (target, payload, o) => self.invokeWithRecord(target, payload, { ...(o?.type ? { type: o.type } : {}), trigger: o?.trigger ?? "invoke" }),
      epoch: (t) => self.epoch(t),
      runUntil: (t) => (t > self.clock.now() ? self.clock.run(t) : Promise.resolve()),
      invocationStart: (requestId) => self.runningAttempts.get(requestId),
    };
  }

  // ---- deployment -----------------------------------------------------------------------------

  /** @internal Deploy the template at virtual time 0: publish versions, create aliases, provision. */
  async deploy(): Promise<void> {
    const t = this.template;
    let reservedSum = 0;
    for (const f of t.functions) {
      const fn: FnState = {
        def: f,
        latest: undefined as unknown as VersionState,
        versions: new Map(),
        aliases: new Map(),
        asyncConfigs: new Map(),
        reserved: f.reservedConcurrency,
        busyOnDemand: 0,
        busyProvisioned: 0,
        provisionedAllocated: 0,
        tokens: SCALING_BURST,
        tokensAt: 0,
        rateSecond: -1,
        rateCount: 0,
        queued: 0,
      };
      fn.latest = this.newVersionState(fn, "$LATEST", this.configOf(f, "$LATEST"));
      if (f.asyncConfig) fn.asyncConfigs.set("*", f.asyncConfig);
      this.fns.set(f.logicalId, fn);
      this.byName.set(f.functionName, fn);
      if (f.reservedConcurrency !== undefined) reservedSum += f.reservedConcurrency;
    }
    this.reservedTotal = reservedSum;
    // At least 100 (or the whole account when smaller) stay unreserved (DG configuration-concurrency).
    const minUnreserved = Math.min(UNRESERVED_MINIMUM, this.accountLimit);
    if (reservedSum > this.accountLimit - minUnreserved) {
      const f = t.functions.find((x) => x.reservedConcurrency !== undefined);
      throw new TemplateError(
        `reserved concurrency totals ${reservedSum}, which leaves fewer than ${minUnreserved} of the account's ${this.accountLimit} unreserved`,
        { resource: f?.logicalId ?? "Resources", property: "ReservedConcurrentExecutions" },
      );
    }
    for (const f of t.functions) {
      const fn = this.fns.get(f.logicalId) as FnState;
      if (f.autoPublishAlias) {
        const v = this.publish(fn);
        fn.aliases.set(f.autoPublishAlias, { name: f.autoPublishAlias, version: v.version, weights: {}, ...(f.provisionedConcurrency ? { provisioned: f.provisionedConcurrency } : {}) });
      }
    }
    for (const v of t.versions) {
      const fn = this.fns.get(v.function) as FnState;
      const vs = this.publish(fn);
      if (v.provisionedConcurrency) vs.provisioned += v.provisionedConcurrency;
    }
    for (const a of t.aliases) {
      const fn = this.fns.get(a.function) as FnState;
      for (const v of [a.version, ...Object.keys(a.weights)]) {
        if (v !== "$LATEST" && !fn.versions.has(v)) throw new TemplateError(`version ${v} of ${fn.def.logicalId} is not published by this template`, { resource: a.logicalId, property: "FunctionVersion" });
      }
      fn.aliases.set(a.name, { name: a.name, version: a.version, weights: a.weights, ...(a.provisionedConcurrency ? { provisioned: a.provisionedConcurrency } : {}) });
    }
    for (const c of t.eventInvokeConfigs) {
      const fn = this.fns.get(c.function) as FnState;
      fn.asyncConfigs.set(c.qualifier, { ...(fn.asyncConfigs.get(c.qualifier) ?? {}), ...c.config });
    }
    // Provisioned concurrency: on the alias's version; counts against reserved and account concurrency.
    let unreservedProvisioned = 0;
    for (const fn of this.fns.values()) {
      for (const a of fn.aliases.values()) {
        if (!a.provisioned) continue;
        if (a.version === "$LATEST") throw new TemplateError("provisioned concurrency needs a published version, not $LATEST", { resource: fn.def.logicalId, property: "ProvisionedConcurrencyConfig" });
        (fn.versions.get(a.version) as VersionState).provisioned += a.provisioned;
      }
      let total = 0;
      for (const v of fn.versions.values()) total += v.provisioned;
      if (fn.reserved !== undefined && total > fn.reserved) {
        throw new TemplateError(`provisioned concurrency ${total} is above the reserved concurrency ${fn.reserved}`, { resource: fn.def.logicalId, property: "ProvisionedConcurrencyConfig" });
      }
      if (fn.reserved === undefined) unreservedProvisioned += total;
    }
    if (unreservedProvisioned > this.accountLimit - reservedSum - minUnreserved) {
      throw new TemplateError(`provisioned concurrency totals ${unreservedProvisioned}, which leaves fewer than ${minUnreserved} of the account's concurrency unreserved`, { resource: "Resources", property: "ProvisionedConcurrencyConfig" });
    }
    for (const fn of this.fns.values()) {
      for (const v of fn.versions.values()) if (v.provisioned > 0) await this.allocateProvisioned(v, v.provisioned);
    }
    for (const ext of this.extensions) await ext.attach?.(this.host);
  }

  private configOf(f: TemplateFunction, version: string): FunctionConfig {
    return {
      functionName: f.functionName,
      handler: f.handler,
      runtime: f.runtime,
      architecture: f.architecture,
      memoryMB: f.memoryMB,
      timeoutSeconds: f.timeoutSeconds,
      ephemeralStorageMB: f.ephemeralStorageMB,
      environment: f.environment,
      region: this.template.region,
      accountId: this.template.accountId,
      version,
      logFormat: f.logFormat,
      ...(f.applicationLogLevel ? { applicationLogLevel: f.applicationLogLevel } : {}),
      files: f.files,
      layers: f.layers,
    };
  }

  private newVersionState(fn: FnState, version: string, config: FunctionConfig): VersionState {
    const { version: _v, ...rest } = config;
    void _v;
    return { fn, version, config, sha: stableHash(rest), idle: [], idleProvisioned: [], all: new Set(), provisioned: 0, provisionedSince: 0, retired: false, envCounter: 0 };
  }

  /**
   * Publish $LATEST as a new version: a snapshot of code and configuration. Publishing when nothing
   * changed since the last published version returns that version (DG configuration-versions).
   */
  publish(fnOrId: FnState | string): { version: string; created: boolean } & VersionState {
    const fn = typeof fnOrId === "string" ? this.fnOrThrow(fnOrId) : fnOrId;
    let last: VersionState | undefined;
    let max = 0;
    for (const v of fn.versions.values()) {
      const n = Number(v.version);
      if (n > max) {
        max = n;
        last = v;
      }
    }
    if (last && last.sha === fn.latest.sha) return Object.assign(last, { created: false });
    const version = String(max + 1);
    const vs = this.newVersionState(fn, version, { ...fn.latest.config, version });
    fn.versions.set(version, vs);
    return Object.assign(vs, { created: true });
  }

  private async allocateProvisioned(v: VersionState, count: number): Promise<void> {
    const fn = v.fn;
    const ext = this.envOptions(fn.def);
    for (let i = 0; i < count; i++) {
      const slot = this.newSlot(v, true);
      slot.env = await this.factory(v.config, { ...ext, initializationType: "provisioned-concurrency", logStreamName: this.streamName(slot.id, v.version, this.clock.now()) });
      // Provisioned environments run their init ahead of any request (DG provisioned-concurrency).
      const init = await slot.env.init({ startTime: this.epoch(this.clock.now()) });
      if (this.logMode !== "none" && init.logs.length > 0) this.initLogs.set(slot.id, { time: this.clock.now(), version: v.version, fn: fn.def.functionName, lines: init.logs.map((l) => l.message) });
      v.idleProvisioned.push(slot);
    }
    fn.provisionedAllocated += count;
    if (fn.reserved === undefined) this.unreservedInUse += count;
    v.provisionedSince = this.clock.now();
    this.provisionedIntervals.push({ version: v, memoryMB: v.config.memoryMB ?? 128, architecture: v.config.architecture ?? "x86_64", count, from: this.clock.now(), to: Number.NaN });
  }

  private releaseProvisioned(v: VersionState): void {
    const fn = v.fn;
    const count = v.provisioned;
    if (count === 0) return;
    for (const slot of v.idleProvisioned) this.disposeSlot(slot);
    v.idleProvisioned = [];
    for (const slot of v.all) if (slot.provisioned) slot.provisioned = false; // busy ones finish as on-demand
    fn.provisionedAllocated -= count;
    if (fn.reserved === undefined) this.unreservedInUse -= count;
    v.provisioned = 0;
    for (const iv of this.provisionedIntervals) if (iv.version === v && Number.isNaN(iv.to)) iv.to = this.clock.now();
  }

  private envOptions(f: TemplateFunction): Pick<EnvironmentOptions, "builtinModules" | "hostCall"> {
    let out: Pick<EnvironmentOptions, "builtinModules" | "hostCall"> = {};
    for (const ext of this.extensions) {
      const o = ext.environmentOptions?.(f, this.host);
      if (o) out = { builtinModules: { ...(out.builtinModules ?? {}), ...(o.builtinModules ?? {}) }, ...(o.hostCall ? { hostCall: o.hostCall } : out.hostCall ? { hostCall: out.hostCall } : {}) };
    }
    return out;
  }

  /**
   * An environment's log stream, as Lambda names it (LAMBDA.md §1): `YYYY/MM/DD/[version]` + 32 hex
   * digits, dated in virtual time and derived from the seed, so reports and JSON logs are reproducible.
   * The environment logs under it (`context.logStreamName`) and the report groups its lines by it.
   */
  private streamName(envId: string, version: string, time: number): string {
    const d = new Date(this.epoch(time));
    const ymd = `${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${String(d.getUTCDate()).padStart(2, "0")}`;
    return `${ymd}/[${version}]${hashHex(`${String(this.seed)}:${envId}`, 32)}`;
  }

  private newSlot(v: VersionState, provisioned: boolean): EnvSlot {
    const slot: EnvSlot = { id: `${v.fn.def.logicalId}:${v.version}:${++v.envCounter}`, env: undefined, version: v, provisioned, lastUsed: this.clock.now(), busy: false, invocations: 0 };
    v.all.add(slot);
    return slot;
  }

  private disposeSlot(slot: EnvSlot): void {
    slot.env?.dispose();
    slot.env = undefined;
    slot.version.all.delete(slot);
  }

  // ---- names ----------------------------------------------------------------------------------

  private fnOrThrow(name: string): FnState {
    const fn = this.fns.get(name) ?? this.byName.get(name);
    if (!fn) {
      throw new LambdaApiError("ResourceNotFoundException", 404, `Function not found: arn:aws:lambda:${this.template.region}:${this.template.accountId}:function:${name} (functions in the template: ${[...this.fns.keys()].join(", ") || "none"})`);
    }
    return fn;
  }

  /** Split "Fn:qualifier" and check both exist (ResourceNotFoundException, 404, otherwise). */
  private resolveTarget(target: string): { fn: FnState; qualifier: string | undefined } {
    const i = target.indexOf(":");
    const name = i < 0 ? target : target.slice(0, i);
    const qualifier = i < 0 ? undefined : target.slice(i + 1);
    const fn = this.fnOrThrow(name);
    if (qualifier !== undefined && qualifier !== "$LATEST" && !fn.versions.has(qualifier) && !fn.aliases.has(qualifier)) {
      const known = [...fn.versions.keys(), ...fn.aliases.keys()];
      throw new LambdaApiError("ResourceNotFoundException", 404, `Function not found: ${fn.def.arn}:${qualifier} (${fn.def.logicalId} has ${known.length ? `versions/aliases ${known.join(", ")}` : "no published versions or aliases"})`);
    }
    return { fn, qualifier };
  }

  /** Pick the version for one request: an alias with weights routes by the seeded RNG. */
  private route(fn: FnState, qualifier: string | undefined): VersionState {
    if (qualifier === undefined || qualifier === "$LATEST") return fn.latest;
    const a = fn.aliases.get(qualifier);
    let version = qualifier;
    if (a) {
      version = a.version;
      for (const [v, w] of Object.entries(a.weights)) {
        if (w > 0 && this.rng.next() < w) version = v;
      }
    }
    if (version === "$LATEST") return fn.latest;
    return fn.versions.get(version) as VersionState;
  }

  private asyncConfig(fn: FnState, qualifier: string | undefined): Required<Pick<AsyncConfig, "maximumRetryAttempts" | "maximumEventAgeInSeconds">> & AsyncConfig {
    const c = fn.asyncConfigs.get(qualifier ?? "$LATEST") ?? fn.asyncConfigs.get("*") ?? {};
    return { maximumRetryAttempts: DEFAULT_MAX_RETRY_ATTEMPTS, maximumEventAgeInSeconds: DEFAULT_MAX_EVENT_AGE_S, ...c };
  }

  epoch(time: number): number {
    return this.epochBase + time;
  }

  // ---- concurrency ----------------------------------------------------------------------------

  private usage(fn: FnState): number {
    return fn.provisionedAllocated + fn.busyOnDemand;
  }

  /** Find a free environment or make room for a new one, or say which limit throttles the request. */
  private acquire(v: VersionState): Acquire {
    const fn = v.fn;
    const now = this.clock.now();
    const prov = v.idleProvisioned.pop();
    if (prov) return { slot: prov, spillover: false };
    // On-demand: the function's reserved concurrency, or the unreserved pool of the account.
    if (fn.reserved !== undefined) {
      if (this.usage(fn) >= fn.reserved) {
        return { throttle: "ReservedFunctionConcurrentInvocationLimitExceeded", detail: fn.reserved === 0 ? "reserved concurrency is 0: the function is disabled" : `reserved concurrency ${fn.reserved} in use` };
      }
    } else if (this.unreservedInUse >= this.unreservedCapacity) {
      return { throttle: "ConcurrentInvocationLimitExceeded", detail: `account concurrency ${this.accountLimit} in use (${this.unreservedCapacity} unreserved)` };
    }
    const spillover = v.provisioned > 0;
    // Environments idle for longer than the idle timeout have been reclaimed: the oldest first.
    let stale = 0;
    while (stale < v.idle.length && now - (v.idle[stale] as EnvSlot).lastUsed > this.idleMs) this.disposeSlot(v.idle[stale++] as EnvSlot);
    if (stale > 0) v.idle.splice(0, stale);
    // A warm environment: the most recently used (releases push in time order).
    const warm = v.idle.pop();
    if (warm) return { slot: warm, spillover };
    // A new environment, within the scaling rate.
    fn.tokens = Math.min(SCALING_BURST, fn.tokens + (now - fn.tokensAt) * SCALING_REFILL_PER_MS);
    fn.tokensAt = now;
    if (fn.tokens < 1) return { throttle: "FunctionInvocationRateLimitExceeded", detail: "scaling rate: 1,000 new execution environments per function every 10 seconds" };
    fn.tokens -= 1;
    return { slot: this.newSlot(v, false), spillover };
  }

  /** Account concurrency minus every function's reserved concurrency. */
  private get unreservedCapacity(): number {
    return this.accountLimit - this.reservedTotal;
  }

  private reservedTotal = 0;

  /** Request-rate limits: 10 × concurrency per second (reserved functions: 10 × reserved). */
  private rateLimited(fn: FnState): { throttle: ThrottleReason; detail: string } | undefined {
    const second = Math.floor(this.clock.now() / 1000);
    if (second !== this.accountRateSecond) {
      this.accountRateSecond = second;
      this.accountRateCount = 0;
    }
    if (second !== fn.rateSecond) {
      fn.rateSecond = second;
      fn.rateCount = 0;
    }
    if (fn.reserved !== undefined && fn.reserved > 0 && fn.rateCount >= REQUESTS_PER_SECOND_PER_CONCURRENCY * fn.reserved) {
      return { throttle: "ReservedFunctionInvocationRateLimitExceeded", detail: `request rate: ${REQUESTS_PER_SECOND_PER_CONCURRENCY * fn.reserved} per second (10 × reserved concurrency)` };
    }
    if (this.accountRateCount >= REQUESTS_PER_SECOND_PER_CONCURRENCY * this.accountLimit) {
      return { throttle: "FunctionInvocationRateLimitExceeded", detail: `request rate: ${REQUESTS_PER_SECOND_PER_CONCURRENCY * this.accountLimit} per second (10 × account concurrency)` };
    }
    fn.rateCount++;
    this.accountRateCount++;
    return undefined;
  }

  // ---- running one attempt --------------------------------------------------------------------

  /**
   * Run one request on an environment of version `v`, now. Returns the record (status "throttled"
   * when no environment could be had) and the runtime's result.
   */
  private async attempt(v: VersionState, payload: unknown, ctx: AttemptContext): Promise<{ record: InvocationRecord; result?: InvokeResult }> {
    if (this.records.length >= this.maxInvocations) {
      this.truncated = `stopped at ${this.clock.now()} virtual ms after ${this.maxInvocations} invocation attempts (maxInvocations)`;
      this.clock.clear();
      throw new RunLimitReached(this.truncated);
    }
    const fn = v.fn;
    const now = this.clock.now();
    const got: Acquire = (fn.reserved !== 0 ? this.rateLimited(fn) : undefined) ?? this.acquire(v);
    if ("throttle" in got) {
      this.metrics.throttle(fn.def.logicalId, now);
      const record = this.newRecord(v, ctx, now);
      record.status = "throttled";
      record.errorType = "TooManyRequestsException";
      record.errorMessage = "Rate Exceeded.";
      record.throttleReason = got.throttle;
      record.throttleDetail = got.detail;
      this.records.push(record);
      return { record };
    }
    const { slot, spillover } = got;
    slot.busy = true;
    if (slot.provisioned) fn.busyProvisioned++;
    else {
      fn.busyOnDemand++;
      if (fn.reserved === undefined) this.unreservedInUse++;
    }
    this.inFlight++;
    if (this.inFlight > this.maxConcurrency) this.maxConcurrency = this.inFlight;
    this.metrics.concurrency(fn.def.logicalId, now, fn.busyOnDemand + fn.busyProvisioned, fn.busyProvisioned, fn.provisionedAllocated);
    if (!slot.env) slot.env = await this.factory(v.config, { ...this.envOptions(fn.def), initializationType: "on-demand", logStreamName: this.streamName(slot.id, v.version, now) });
    const invokeOptions: RuntimeInvokeOptions = {
      requestId: ctx.requestId,
      startTime: this.epoch(now),
      invokedFunctionArn: ctx.qualifier !== undefined ? `${fn.def.arn}:${ctx.qualifier}` : fn.def.arn,
    };
    if (ctx.clientContext !== undefined) invokeOptions.clientContext = ctx.clientContext;
    // While it runs, extensions can ask when it started (host.invocationStart), to place its calls in time.
    this.runningAttempts.set(ctx.requestId, now);
    let result: InvokeResult;
    try {
      result = await slot.env.invoke(payload, invokeOptions);
    } finally {
      this.runningAttempts.delete(ctx.requestId);
    }
    slot.invocations++;
    // Microsecond resolution keeps sums of two-decimal durations exact enough to compare.
    const end = Math.round((now + (result.initDurationMs ?? 0) + result.durationMs) * 1000) / 1000;
    const wasProvisioned = slot.provisioned;
    // The environment is busy until the runtime's reported time has passed on the virtual clock.
    this.clock.at(end, () => this.release(slot, wasProvisioned), PRIORITY.release);
    const record = this.newRecord(v, ctx, now);
    record.end = end;
    record.duration = result.durationMs;
    record.billedDuration = result.billedDurationMs;
    if (result.initDurationMs !== undefined) record.initDuration = result.initDurationMs;
    record.coldStart = result.coldStart;
    record.environmentId = slot.id;
    record.provisioned = wasProvisioned;
    record.status = result.status;
    if (result.status !== "success") {
      const err = errorOf(result.payload);
      if (err) {
        record.errorType = err.errorType;
        record.errorMessage = err.errorMessage;
      }
    }
    record.response = result.payload;
    record.maxMemoryUsedMB = result.maxMemoryUsedMB;
    if (this.logMode !== "none") record.logs = this.keepLogs(result);
    if (this.logListeners.length > 0) this.emitLogs(slot.id, v, ctx, result.logs, now);
    this.metrics.invocation(fn.def.logicalId, now, result.durationMs, result.status !== "success", result.coldStart, wasProvisioned, spillover && !wasProvisioned);
    this.records.push(record);
    return { record, result };
  }

  /** A record with every field in one fixed order (one hidden class: cheap for load runs). */
  private newRecord(v: VersionState, ctx: AttemptContext, now: number): InvocationRecord {
    const r: InvocationRecord = {
      requestId: ctx.requestId,
      function: v.fn.def.logicalId,
      version: v.version,
      qualifier: ctx.qualifier,
      trigger: ctx.trigger,
      invocationType: ctx.type,
      attempt: ctx.attempt,
      stimulus: ctx.stimulus,
      start: now,
      end: now,
      duration: 0,
      billedDuration: 0,
      initDuration: undefined,
      coldStart: false,
      environmentId: undefined,
      provisioned: false,
      status: "throttled",
      errorType: undefined,
      errorMessage: undefined,
      throttleReason: undefined,
      throttleDetail: undefined,
      response: undefined,
      memorySizeMB: v.config.memoryMB ?? 128,
      maxMemoryUsedMB: undefined,
      architecture: v.config.architecture ?? "x86_64",
      logs: undefined,
      eventAge: ctx.eventAge,
    };
    return r;
  }

  private readonly logListeners: ServiceExtension[] = [];
  private readonly envStreams = new Map<string, string>();

  /** Hands an attempt's log events to the extensions that listen (the stream named as the report names it). */
  private emitLogs(envId: string, v: VersionState, ctx: AttemptContext, events: readonly LogEvent[], now: number): void {
    let logStream = this.envStreams.get(envId);
    if (logStream === undefined) this.envStreams.set(envId, (logStream = this.streamName(envId, v.version, now)));
    const logs: InvocationLogs = { function: v.fn.def.logicalId, logGroup: `/aws/lambda/${v.fn.def.functionName}`, logStream, requestId: ctx.requestId, trigger: ctx.trigger, events };
    for (const ext of this.logListeners) ext.invocationLogs?.(logs, this.host);
  }

  private keepLogs(result: InvokeResult): string[] {
    const all = result.logs;
    const n = this.logMode === "full" ? all.length : Math.min(all.length, this.logMode as number);
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) out[i] = (all[all.length - n + i] as { message: string }).message;
    return out;
  }

  private release(slot: EnvSlot, wasProvisioned: boolean): void {
    const v = slot.version;
    const fn = v.fn;
    slot.busy = false;
    slot.lastUsed = this.clock.now();
    this.inFlight--;
    if (wasProvisioned) fn.busyProvisioned--;
    else {
      fn.busyOnDemand--;
      if (fn.reserved === undefined) this.unreservedInUse--;
    }
    if (v.retired || this.disposed) {
      this.disposeSlot(slot);
      return;
    }
    if (slot.provisioned) v.idleProvisioned.push(slot);
    else v.idle.push(slot);
  }

  // ---- the Invoke API -------------------------------------------------------------------------

  private checkPayload(payload: unknown, type: InvocationType): void {
    const json = payload === undefined ? "{}" : JSON.stringify(payload);
    if (json === undefined) throw new LambdaApiError("InvalidRequestContentException", 400, "Could not parse request body into json: the payload is not JSON-serialisable");
    const limit = type === "Event" ? MAX_ASYNC_REQUEST_BYTES : MAX_SYNC_REQUEST_BYTES;
    if (json.length * 3 <= limit) return;
    const size = utf8Length(json);
    if (size > limit) {
      // Lambda's own messages for the two limits (API Invoke; the Event one as the API words it). The
      // API reference names the error RequestTooLargeException; the code clients receive is
      // RequestEntityTooLargeException, as the runtime layer reports it too (runtime/config.ts).
      const message = type === "Event" ? `${size} byte payload is too large for the Event invocation type (limit ${limit} bytes)` : `Request must be smaller than ${limit} bytes for the InvokeFunction operation`;
      throw new LambdaApiError("RequestEntityTooLargeException", 413, message);
    }
  }

  /** Invoke at the current virtual time, without running the clock past it. */
  private async invokeNow(target: string, payload: unknown, o: ServiceInvokeOptions & { stimulus?: number }): Promise<InvokeResponse> {
    return (await this.invokeWithRecord(target, payload, o)).response;
  }

  /** Invoke now; for RequestResponse also the attempt's record (its virtual `end`, duration…). */
  private async invokeWithRecord(target: string, payload: unknown, o: ServiceInvokeOptions & { stimulus?: number }): Promise<{ response: InvokeResponse; record?: InvocationRecord }> {
    this.assertUsable();
    const type = o.type ?? "RequestResponse";
    const { fn, qualifier } = this.resolveTarget(target);
    this.checkPayload(payload, type);
    const requestId = this.rng.uuid();
    if (type === "DryRun") {
      // DryRun: validate parameter values and permissions only (API Invoke) → 204.
      this.dryRuns++;
      return { response: { statusCode: 204, requestId, payload: null } };
    }
    if (type === "Event") {
      this.enqueue(fn, qualifier, payload, requestId, o.trigger ?? "invoke", o.stimulus);
      return { response: { statusCode: 202, requestId, payload: null } };
    }
    const v = this.route(fn, qualifier);
    const { record, result } = await this.attempt(v, payload, {
      requestId,
      qualifier,
      type: "RequestResponse",
      trigger: o.trigger ?? "invoke",
      attempt: 1,
      stimulus: o.stimulus,
      ...(o.clientContext !== undefined ? { clientContext: o.clientContext } : {}),
    });
    if (!result) {
      // Synchronous throttles are not retried by Lambda: the caller gets 429 (LAMBDA.md §5).
      return { response: { statusCode: 429, requestId, payload: { Reason: record.throttleReason, Type: "User", message: "Rate Exceeded." }, ...(record.throttleReason ? { throttleReason: record.throttleReason } : {}) }, record };
    }
    let logResult: string | undefined;
    if (o.logType === "Tail") {
      const tail = result.logs.map((l) => l.message).join("\n") + "\n";
      logResult = base64Utf8(tail.length > LOG_TAIL_BYTES ? tail.slice(-LOG_TAIL_BYTES) : tail);
    }
    const response: InvokeResponse = {
      statusCode: 200,
      requestId,
      payload: result.payload,
      ...(result.functionError ? { functionError: result.functionError } : {}),
      executedVersion: v.version,
      ...(logResult !== undefined ? { logResult } : {}),
    };
    return { response, record };
  }

  /**
   * Invoke a function as the Lambda API does, at the current virtual time: `target` is a logical
   * id or function name, optionally qualified (`"Fn:live"`, `"Fn:3"`). A synchronous invoke runs
   * the clock until its response (the caller waited for it); `Event` queues and returns 202.
   * Guest failures and throttles are data; a missing function or an oversized payload throws
   * {@link LambdaApiError} (404, 413), as the API refuses them.
   *
   * @example
   * const r = await service.invoke("OrderFunction", { orderId: 1 });
   * r.statusCode; // 200
   */
  async invoke(target: string, payload: unknown = {}, options: ServiceInvokeOptions = {}): Promise<InvokeResponse> {
    this.assertUsable();
    return this.limited(async () => {
      await this.clock.run(this.clock.now());
      const { response, record } = await this.invokeWithRecord(target, payload, options);
      if (record && response.statusCode === 200) await this.clock.run(record.end);
      return response;
    });
  }

  /** maxInvocations reached outside run(): a ServiceStateError for the caller. */
  private async limited<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof RunLimitReached) throw new ServiceStateError(error.message);
      throw error;
    }
  }

  /** Run the virtual clock forward by `ms` (async retries, releases…). */
  async advance(ms: number | string): Promise<void> {
    this.assertUsable();
    const d = parseDuration(ms);
    if (d === undefined) throw new RangeError(`advance: ${String(ms)} is not a duration`);
    await this.limited(() => this.clock.run(this.clock.now() + d));
  }

  /** Run until no work is left (bounded by a week of virtual time). */
  async settle(): Promise<void> {
    this.assertUsable();
    await this.limited(() => this.clock.run(this.clock.now() + MAX_RUN_MS, false));
  }

  // ---- asynchronous invocation (DG invocation-async, invocation-async-error-handling) ----------

  private enqueue(fn: FnState, qualifier: string | undefined, payload: unknown, requestId: string, trigger: string, stimulus: number | undefined, depth = 0): void {
    const v = this.route(fn, qualifier);
    const ev: AsyncEvent = { requestId, depth, fn, qualifier, version: v.version, payload, enqueuedAt: this.clock.now(), attempts: 0, throttles: 0, trigger, stimulus, lastStatusCode: 202 };
    fn.queued++;
    this.metrics.asyncReceived(fn.def.logicalId, ev.enqueuedAt);
    this.clock.at(this.clock.now(), () => this.runAsync(ev));
  }

  private async runAsync(ev: AsyncEvent): Promise<void> {
    const fn = ev.fn;
    const now = this.clock.now();
    const cfg = this.asyncConfig(fn, ev.qualifier);
    const age = now - ev.enqueuedAt;
    if (age > cfg.maximumEventAgeInSeconds * 1000) {
      this.asyncFailed(ev, "EventAgeExceeded");
      return;
    }
    const v = ev.version === "$LATEST" ? fn.latest : (fn.versions.get(ev.version) ?? fn.latest);
    const { record, result } = await this.attempt(v, ev.payload, {
      requestId: ev.requestId,
      qualifier: ev.qualifier,
      type: "Event",
      trigger: ev.trigger,
      attempt: ev.attempts + 1,
      stimulus: ev.stimulus,
      eventAge: age,
    });
    if (!result) {
      ev.throttles++;
      ev.lastStatusCode = 429;
      // Reserved concurrency 0: events go straight to the DLQ / on-failure destination, without retries
      // (DG invocation-async-retain-records).
      if (fn.reserved === 0) {
        this.asyncFailed(ev, "RetriesExhausted");
        return;
      }
      // Throttles: back to the queue, retried with exponential back-off from 1 s to 5 minutes.
      const delay = Math.min(THROTTLE_BACKOFF_MAX_MS, THROTTLE_BACKOFF_START_MS * 2 ** (ev.throttles - 1));
      this.clock.after(delay, () => this.runAsync(ev));
      return;
    }
    this.metrics.eventAge(fn.def.logicalId, now, age);
    ev.attempts++;
    ev.last = { result, version: v.version };
    ev.lastStatusCode = 200;
    // The outcome is known when the attempt ends on the virtual clock.
    this.clock.at(record.end, () => {
      if (result.status === "success") {
        fn.queued--;
        this.deliverRecord(ev, "OnSuccess", "Success");
        return;
      }
      if (ev.attempts <= cfg.maximumRetryAttempts) {
        // Function errors (timeouts included): 1 minute before the 2nd attempt, 2 minutes before the 3rd.
        const delay = ASYNC_RETRY_DELAYS_MS[ev.attempts - 1] ?? ASYNC_RETRY_DELAYS_MS[1];
        this.clock.after(delay, () => this.runAsync(ev));
        return;
      }
      this.asyncFailed(ev, "RetriesExhausted");
    });
  }

  private asyncFailed(ev: AsyncEvent, condition: "RetriesExhausted" | "EventAgeExceeded"): void {
    ev.fn.queued--;
    this.metrics.asyncDropped(ev.fn.def.logicalId, this.clock.now());
    this.deadLetter(ev);
    this.deliverRecord(ev, "OnFailure", condition);
  }

  /** DLQ message: the original event, with RequestID, ErrorCode (HTTP status), ErrorMessage (first 1 KB). */
  private deadLetter(ev: AsyncEvent): void {
    const dlq = ev.fn.def.deadLetter;
    if (!dlq) return;
    const now = this.clock.now();
    const err = ev.last ? errorOf(ev.last.result.payload) : undefined;
    const message = err?.errorMessage ?? (ev.lastStatusCode === 429 ? "Rate Exceeded." : "Event expired before it could be processed");
    const target = dlq.logicalId ? this.resources.get(dlq.logicalId) : undefined;
    if (!target || target.def.fifo) {
      // Lambda cannot write to a DLQ outside the account's reach or a FIFO queue: DeadLetterErrors.
      this.metrics.deadLetterError(ev.fn.def.logicalId, now);
      return;
    }
    const msg: DeadLetterMessage = {
      messageId: this.rng.uuid(),
      body: JSON.stringify(ev.payload ?? {}),
      messageAttributes: {
        RequestID: { dataType: "String", stringValue: ev.requestId },
        ErrorCode: { dataType: "Number", stringValue: String(ev.lastStatusCode === 202 ? 200 : ev.lastStatusCode) },
        ErrorMessage: { dataType: "String", stringValue: message.slice(0, 1024) },
      },
      time: now,
    };
    (this.deadLetters[target.def.logicalId] ??= []).push(msg);
    target.deliver(msg, now);
  }

  private deliverRecord(ev: AsyncEvent, on: "OnSuccess" | "OnFailure", condition: InvocationRecordDocument["requestContext"]["condition"]): void {
    const cfg = this.asyncConfig(ev.fn, ev.qualifier);
    const dest = on === "OnSuccess" ? cfg.onSuccess : cfg.onFailure;
    if (!dest) return;
    const now = this.clock.now();
    const version = ev.last?.version ?? ev.version;
    const result = ev.last?.result;
    const record: InvocationRecordDocument = {
      version: "1.0",
      timestamp: new Date(this.epoch(now)).toISOString(),
      requestContext: {
        requestId: ev.requestId,
        functionArn: `${ev.fn.def.arn}:${version}`,
        condition,
        approximateInvokeCount: ev.attempts,
      },
      requestPayload: ev.payload,
      responseContext: {
        statusCode: ev.lastStatusCode === 202 ? 200 : ev.lastStatusCode,
        executedVersion: version,
        ...(result?.functionError ? { functionError: result.functionError } : {}),
      },
      responsePayload: result ? result.payload : null,
    };
    this.deliver(ev.fn, dest, on, record, ev.depth);
  }

  private deliver(source: FnState, dest: TargetRef, on: "OnSuccess" | "OnFailure", record: InvocationRecordDocument, depth: number): void {
    const now = this.clock.now();
    let delivered = false;
    if (dest.kind === "lambda") {
      const target = dest.logicalId ? this.fns.get(dest.logicalId) : undefined;
      if (target && depth + 1 >= RECURSION_LIMIT) {
        // Recursive loop detection: after 16 invocations in one chain Lambda stops the next one
        // (DG invocation-recursion). Which chains AWS tracks through async destinations is not
        // documented; the simulator stops destination chains here so a loop cannot run forever.
        this.metrics.recursiveDropped(target.def.logicalId, now);
        this.recursionStops++;
      } else if (target) {
        const q = dest.arn.startsWith(target.def.arn + ":") ? dest.arn.slice(target.def.arn.length + 1) : undefined;
        this.enqueue(target, q, record, this.rng.uuid(), `destination:${source.def.logicalId}`, undefined, depth + 1);
        delivered = true;
      }
    } else {
      const target = dest.logicalId ? this.resources.get(dest.logicalId) : undefined;
      // FIFO queues and topics are not supported as destinations (DG invocation-async-retain-records).
      if (target && !target.def.fifo) {
        target.deliver(this.wrap(dest.kind, record, source, on), now);
        delivered = true;
      }
    }
    if (!delivered) this.metrics.destinationFailure(source.def.logicalId, now);
    this.destinations.push({ target: dest.logicalId ?? dest.arn, kind: dest.kind, source: source.def.logicalId, on, delivered, time: now, record });
  }

  /** The invocation record as each kind of target receives it. */
  private wrap(kind: TargetRef["kind"], record: InvocationRecordDocument, source: FnState, on: "OnSuccess" | "OnFailure"): unknown {
    const time = new Date(this.epoch(this.clock.now())).toISOString();
    switch (kind) {
      case "eventbridge":
        return {
          version: "0",
          id: this.rng.uuid(),
          "detail-type": `Lambda Function Invocation Result - ${on === "OnSuccess" ? "Success" : "Failure"}`,
          source: "lambda",
          account: this.template.accountId,
          time,
          region: this.template.region,
          resources: [record.requestContext.functionArn],
          detail: record,
        };
      case "sns":
        return { MessageId: this.rng.uuid(), Message: JSON.stringify(record), Timestamp: time };
      case "s3":
        return { key: `aws/lambda/async/${source.def.functionName}/${record.requestContext.requestId}.json`, body: JSON.stringify(record) };
      default:
        return { messageId: this.rng.uuid(), body: JSON.stringify(record) };
    }
  }

  // ---- deployments during a run ---------------------------------------------------------------

  /**
   * Update $LATEST's code or configuration (UpdateFunctionCode / UpdateFunctionConfiguration).
   * Environments of the old $LATEST are retired; with `publish`, a version is published (no new
   * version when nothing changed), and a function with AutoPublishAlias moves its alias to it, as a
   * SAM deployment does.
   */
  async update(fnId: string, change: { code?: string; files?: Record<string, string>; handler?: string; memorySize?: number; timeout?: number; environment?: Record<string, string>; publish?: boolean }): Promise<{ version?: string; created?: boolean }> {
    this.assertUsable();
    const fn = this.fnOrThrow(fnId);
    const old = fn.latest.config;
    let files = change.files ?? old.files;
    const handler = change.handler ?? old.handler ?? "index.handler";
    if (change.code !== undefined) {
      const base = handler.slice(0, handler.lastIndexOf("."));
      const existing = Object.keys(old.files).find((k) => k.replace(/\.(m|c)?(j|t)s$/, "") === base);
      files = { ...files, [existing ?? `${base}.js`]: change.code };
    }
    const config: FunctionConfig = {
      ...old,
      files,
      handler,
      ...(change.memorySize !== undefined ? { memoryMB: change.memorySize } : {}),
      ...(change.timeout !== undefined ? { timeoutSeconds: change.timeout } : {}),
      ...(change.environment !== undefined ? { environment: change.environment } : {}),
    };
    const prev = fn.latest;
    fn.latest = this.newVersionState(fn, "$LATEST", config);
    if (fn.latest.sha === prev.sha) {
      fn.latest = prev;
    } else {
      prev.retired = true;
      for (const slot of prev.idle) this.disposeSlot(slot);
      prev.idle = [];
    }
    if (!change.publish) return {};
    const v = this.publish(fn);
    const alias = fn.def.autoPublishAlias;
    if (alias) await this.setAlias(fn.def.logicalId, alias, v.version, fn.aliases.get(alias)?.weights ?? {});
    return { version: v.version, created: v.created };
  }

  /** Create or move an alias, with optional weighted routing to one additional version. */
  async setAlias(fnId: string, name: string, version: string, weights: Record<string, number> = {}): Promise<void> {
    this.assertUsable();
    const fn = this.fnOrThrow(fnId);
    for (const v of [version, ...Object.keys(weights)]) {
      if (v !== "$LATEST" && !fn.versions.has(v)) {
        throw new LambdaApiError("ResourceNotFoundException", 404, `Function not found: ${fn.def.arn}:${v} (published versions of ${fn.def.logicalId}: ${[...fn.versions.keys()].join(", ") || "none"})`);
      }
    }
    const prev = fn.aliases.get(name);
    const next: AliasState = { name, version, weights: Object.fromEntries(Object.entries(weights).filter(([v]) => v !== version)) };
    if (prev?.provisioned) {
      next.provisioned = prev.provisioned;
      if (prev.version !== version) {
        // Provisioned concurrency follows the alias to its new version.
        const old = fn.versions.get(prev.version);
        if (old) this.releaseProvisioned(old);
        const nv = fn.versions.get(version);
        if (nv) {
          nv.provisioned = prev.provisioned;
          await this.allocateProvisioned(nv, prev.provisioned);
        }
      }
    }
    fn.aliases.set(name, next);
  }

  // ---- runs -----------------------------------------------------------------------------------

  /**
   * Run a drive file (stimuli at virtual times) from the current virtual time and return the
   * report. `duration` (or the drive's own) bounds the run; without one it runs until no work is
   * left.
   *
   * @example
   * const report = await service.run({ stimuli: [{ invoke: "Hello", count: 10, every: "100ms" }] });
   * report.summary.coldStarts; // 1
   */
  async run(drive: Drive | string | object, options: { duration?: number | string; driveOptions?: DriveOptions } = {}): Promise<RunReport> {
    this.assertUsable();
    if (this.running) throw new ServiceStateError("a run is already in progress on this service");
    const d = isDrive(drive) ? drive : parseDrive(drive, { ...options.driveOptions, extensionKinds: this.extensions.flatMap((e) => e.stimulusKinds ?? []) });
    if (d.account?.concurrency !== undefined) {
      const limit = accountConcurrency("account.concurrency", d.account.concurrency);
      if (this.reservedTotal > limit - Math.min(UNRESERVED_MINIMUM, limit)) {
        throw new DriveError("account.concurrency", `${limit} is too small for the template's reserved concurrency (${this.reservedTotal}) and the ${Math.min(UNRESERVED_MINIMUM, limit)} that must stay unreserved`);
      }
      this.accountLimit = limit;
    }
    this.precheck(d);
    const dur = options.duration !== undefined ? parseDuration(options.duration) : d.duration;
    if (options.duration !== undefined && (dur === undefined || dur > MAX_RUN_MS)) throw new DriveError("duration", `${String(options.duration)} is not a duration up to 7 days`);
    const t0 = this.clock.now();
    this.running = true;
    try {
      for (const s of d.stimuli) this.schedule(s, t0 + s.at, 0);
      try {
        await this.clock.run(dur !== undefined ? t0 + dur : t0 + MAX_RUN_MS, dur !== undefined);
      } catch (error) {
        if (!(error instanceof RunLimitReached)) throw error;
      }
      if (dur === undefined || this.truncated !== undefined) {
        // Without a duration the run ends when the last work item has run.
        let last = t0;
        for (const r of this.records) if (r.end > last) last = r.end;
        for (const x of this.destinations) if (x.time > last) last = x.time;
        this.runEnd = Math.max(last, t0);
      } else this.runEnd = t0 + dur;
    } finally {
      this.running = false;
    }
    return this.report();
  }

  private runEnd: number | undefined;

  private precheck(d: Drive): void {
    const kinds = new Set(this.extensions.flatMap((e) => e.stimulusKinds ?? []));
    const publishes = new Map<string, number>();
    const aliases = new Map<string, Set<string>>();
    for (const s of d.stimuli) {
      const path = `stimuli[${s.index}]`;
      const fnName = s.kind === "invoke" ? (s as { target: string }).target.split(":")[0] : s.kind === "update" || s.kind === "alias" ? (s as { function: string }).function : undefined;
      if (fnName === undefined) {
        if (!kinds.has(s.kind)) throw new DriveError(path, `unknown stimulus kind ${s.kind}`);
        continue;
      }
      const fn = this.fns.get(fnName) ?? this.byName.get(fnName);
      const field = s.kind === "invoke" ? "invoke" : `${s.kind}.function`;
      if (!fn) throw new DriveError(`${path}.${field}`, `no function ${JSON.stringify(fnName)} in the template (functions: ${[...this.fns.keys()].join(", ") || "none"})`);
      if (s.kind === "update" && (s as { publish: boolean }).publish) publishes.set(fn.def.logicalId, (publishes.get(fn.def.logicalId) ?? 0) + 1);
      if (s.kind === "alias") {
        const set = aliases.get(fn.def.logicalId) ?? new Set<string>();
        set.add((s as { name: string }).name);
        aliases.set(fn.def.logicalId, set);
      }
    }
    for (const s of d.stimuli) {
      if (s.kind !== "invoke") continue;
      const target = (s as { target: string }).target;
      const [name, q] = target.split(":");
      const fn = (this.fns.get(name ?? "") ?? this.byName.get(name ?? "")) as FnState;
      if (q === undefined || q === "$LATEST") continue;
      if (/^\d+$/.test(q)) {
        const max = Math.max(0, ...[...fn.versions.keys()].map(Number)) + (publishes.get(fn.def.logicalId) ?? 0);
        if (Number(q) > max) throw new DriveError(`stimuli[${s.index}].invoke`, `${fn.def.logicalId} has no version ${q} (published: ${[...fn.versions.keys()].join(", ") || "none"})`);
      } else if (!fn.aliases.has(q) && !aliases.get(fn.def.logicalId)?.has(q)) {
        throw new DriveError(`stimuli[${s.index}].invoke`, `${fn.def.logicalId} has no alias ${q} (aliases: ${[...fn.aliases.keys()].join(", ") || "none"})`);
      }
    }
  }

  private schedule(s: Stimulus, time: number, repeat: number): void {
    this.clock.at(time, async () => {
      // Post the next repeat first, so "every: 0" repeats all arrive at the same instant.
      if (repeat + 1 < s.count) this.schedule(s, time + s.every, repeat + 1);
      await this.runStimulus(s);
    });
  }

  private async runStimulus(s: Stimulus): Promise<void> {
    const path = `stimuli[${s.index}]`;
    try {
      switch (s.kind) {
        case "invoke": {
          const x = s as Extract<Stimulus, { kind: "invoke" }>;
          await this.invokeNow(x.target, x.payload, { type: x.type, trigger: "invoke", stimulus: x.index });
          return;
        }
        case "update": {
          const x = s as Extract<Stimulus, { kind: "update" }>;
          await this.update(x.function, x);
          return;
        }
        case "alias": {
          const x = s as Extract<Stimulus, { kind: "alias" }>;
          await this.setAlias(x.function, x.name, x.version, x.weights);
          return;
        }
        default: {
          const ext = this.extensions.find((e) => e.stimulusKinds?.includes(s.kind));
          if (!ext?.stimulus) throw new DriveError(path, `unknown stimulus kind ${s.kind}`);
          await ext.stimulus(s.kind, (s as { spec: unknown }).spec, this.host, path);
        }
      }
    } catch (error) {
      if (error instanceof LambdaApiError || error instanceof TemplateError) throw new DriveError(path, `${error.message}`);
      throw error;
    }
  }

  // ---- the report -----------------------------------------------------------------------------

  /** The report of everything that happened on this service so far. */
  report(): RunReport {
    const end = Math.max(this.clock.now(), this.runEnd ?? 0);
    const records = this.records;
    let coldStarts = 0;
    let throttles = 0;
    let errors = 0;
    let timeouts = 0;
    let retries = 0;
    let invocations = 0;
    for (const r of records) {
      if (r.status === "throttled") {
        throttles++;
        continue;
      }
      invocations++;
      if (r.coldStart) coldStarts++;
      if (r.status === "error") errors++;
      if (r.status === "timeout") timeouts++;
      if (r.attempt > 1) retries++;
    }
    const traces: Trace[] = [];
    if (this.tracesOn) {
      for (const r of records) {
        if (r.status === "throttled") continue;
        const segments: Trace["segments"] = [];
        let t = r.start;
        if (r.initDuration !== undefined) {
          segments.push({ name: "Initialization", start: t, end: t + r.initDuration });
          t += r.initDuration;
        }
        // The runtime's fixed per-invoke work after the handler is Lambda's "Overhead" segment.
        const overhead = r.status === "timeout" ? 0 : Math.min(INVOKE_OVERHEAD_MS, r.duration);
        segments.push({ name: "Invocation", start: t, end: t + r.duration - overhead });
        if (overhead > 0) segments.push({ name: "Overhead", start: t + r.duration - overhead, end: t + r.duration });
        traces.push({ requestId: r.requestId, function: r.function, version: r.version, attempt: r.attempt, segments });
      }
    }
    const functions: Record<string, FunctionState> = {};
    for (const fn of this.fns.values()) {
      const warm: FunctionState["warmEnvironments"] = [];
      for (const v of [fn.latest, ...fn.versions.values()]) {
        let count = 0;
        let prov = 0;
        for (const slot of v.all) {
          if (slot.provisioned) prov++;
          else if (slot.busy || end - slot.lastUsed <= this.idleMs) count++;
        }
        if (count + prov > 0) warm.push({ version: v.version, count: count + prov, provisioned: prov });
      }
      functions[fn.def.logicalId] = {
        logicalId: fn.def.logicalId,
        functionName: fn.def.functionName,
        arn: fn.def.arn,
        versions: [fn.latest, ...fn.versions.values()].map((v) => ({ version: v.version, codeSha256: v.sha, memoryMB: v.config.memoryMB ?? 128, timeoutSeconds: v.config.timeoutSeconds ?? 3 })),
        aliases: [...fn.aliases.values()].map((a) => ({ name: a.name, version: a.version, weights: a.weights })),
        ...(fn.reserved !== undefined ? { reservedConcurrency: fn.reserved } : {}),
        provisioned: [...fn.versions.values()].filter((v) => v.provisioned > 0).map((v) => ({ version: v.version, count: v.provisioned })),
        warmEnvironments: warm,
        queuedAsyncEvents: fn.queued,
      };
    }
    const targets: Record<string, TargetState> = {};
    for (const [id, t] of this.resources) targets[id] = { logicalId: id, type: t.def.type, arn: t.def.arn, messages: [...t.messages] };
    const ephemeralByFunction: Record<string, number> = {};
    for (const fn of this.fns.values()) ephemeralByFunction[fn.def.logicalId] = fn.def.ephemeralStorageMB;
    const cost = computeCost({
      invocations: records,
      provisioned: this.provisionedIntervals.map((iv) => ({ ...iv, to: Number.isNaN(iv.to) ? end : iv.to })),
      ephemeralByFunction,
      freeTier: this.freeTier,
    });
    const logGroups: RunReport["logGroups"] = {};
    const streams = new Map<string, string>();
    // One stream per environment, named as Lambda names them (LAMBDA.md §1), from its first use.
    const streamOf = (envId: string, version: string, time: number): string => {
      let stream = streams.get(envId);
      if (stream === undefined) streams.set(envId, (stream = this.streamName(envId, version, time)));
      return stream;
    };
    for (const [envId, init] of this.initLogs) {
      const g = (logGroups[`/aws/lambda/${init.fn}`] ??= {});
      (g[streamOf(envId, init.version, init.time)] ??= []).push(...init.lines);
    }
    for (const r of records) {
      if (!r.logs || !r.environmentId) continue;
      const fn = this.fns.get(r.function);
      const g = (logGroups[`/aws/lambda/${fn?.def.functionName ?? r.function}`] ??= {});
      (g[streamOf(r.environmentId, r.version, r.start)] ??= []).push(...r.logs);
    }
    const extensions: Record<string, unknown> = {};
    for (const ext of this.extensions) if (ext.report) extensions[ext.name] = ext.report(this.host);
    const lifted = liftExtensionSections(Object.values(extensions));
    let deadLetterCount = 0;
    for (const list of Object.values(this.deadLetters)) deadLetterCount += list.length;
    return {
      seed: this.seed,
      startTime: new Date(this.epochBase).toISOString(),
      duration: end,
      warnings: [...this.template.warnings, ...lifted.warnings],
      summary: {
        invocations,
        coldStarts,
        throttles,
        errors,
        timeouts,
        retries,
        deadLetters: deadLetterCount,
        destinations: this.destinations.length,
        dryRuns: this.dryRuns,
        maxConcurrency: this.maxConcurrency,
        recursiveLoopsStopped: this.recursionStops + lifted.recursiveLoopsStopped,
      },
      ...(this.truncated !== undefined ? { truncated: this.truncated } : {}),
      invocations: records.slice(),
      deadLetters: Object.fromEntries(Object.entries(this.deadLetters).map(([k, v]) => [k, v.slice()])),
      destinations: this.destinations.slice(),
      metrics: this.metrics.build(),
      traces,
      cost,
      resources: { ...lifted.resources, functions, targets },
      ...(lifted.http.length ? { http: lifted.http } : {}),
      edges: [...this.targetEdges(), ...lifted.edges],
      logGroups,
      ...(Object.keys(extensions).length ? { extensions } : {}),
    };
  }

  /** Functions → their DLQs and destinations, for the report's flow diagram. */
  private targetEdges(): FlowEdge[] {
    const edges: FlowEdge[] = [];
    for (const fn of this.fns.values()) {
      const name = (t: TargetRef) => t.logicalId ?? t.arn;
      if (fn.def.deadLetter) edges.push({ from: fn.def.logicalId, to: name(fn.def.deadLetter), kind: "dlq" });
      for (const cfg of fn.asyncConfigs.values()) {
        for (const [kind, dest] of [["onSuccess", cfg.onSuccess], ["onFailure", cfg.onFailure]] as const) {
          if (dest) edges.push({ from: fn.def.logicalId, to: name(dest), kind: `destination:${kind}` });
        }
      }
    }
    return uniqueEdges(edges);
  }

  // ---- lifecycle ------------------------------------------------------------------------------

  private assertUsable(): void {
    if (this.disposed) throw new ServiceStateError("this Lambda service has been disposed");
  }

  /** Release every execution environment (engine memory). */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const fn of this.fns.values()) {
      for (const v of [fn.latest, ...fn.versions.values()]) {
        for (const slot of [...v.all]) this.disposeSlot(slot);
        v.idle = [];
        v.idleProvisioned = [];
      }
    }
    this.clock.clear();
  }

  [Symbol.dispose](): void {
    this.dispose();
  }
}

/** Thrown through the scheduler when a run reaches maxInvocations; `run()` turns it into a truncated report. */
class RunLimitReached extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RunLimitReached";
  }
}

/** A drive already parsed (its stimuli carry `kind` and `index`, its duration is in ms), not drive-file data. */
function isDrive(x: unknown): x is Drive {
  if (typeof x !== "object" || x === null || !Array.isArray((x as Drive).stimuli)) return false;
  const d = x as Record<string, unknown>;
  if (d.duration !== undefined && typeof d.duration !== "number") return false; // "16m" still needs parsing
  return (x as Drive).stimuli.every((s) => typeof s === "object" && s !== null && "kind" in s && "index" in s);
}

function accountConcurrencyOrThrow(v: number): number {
  try {
    return accountConcurrency("account.concurrency", v);
  } catch (error) {
    if (error instanceof DriveError) throw new RangeError(error.message);
    throw error;
  }
}

/**
 * Create the simulated Lambda service for a SAM template: parse it, publish its versions, create
 * its aliases and initialise provisioned environments, at virtual time 0.
 * Throws {@link TemplateError} for a template it cannot run.
 *
 * @example
 * using service = await createLambdaService({ template: `
 * Transform: AWS::Serverless-2016-10-31
 * Resources:
 *   Hello:
 *     Type: AWS::Serverless::Function
 *     Properties: { Handler: index.handler, Runtime: nodejs22.x, InlineCode: "exports.handler = async (e) => e.n * 2" }
 * ` });
 * const r = await service.invoke("Hello", { n: 21 });
 * r.payload; // 42
 */
export async function createLambdaService(options: LambdaServiceOptions): Promise<LambdaService> {
  const exts = options.extensions ?? [];
  const template = await parseTemplate(options.template, {
    ...options,
    ...(options.templateFileName ? { fileName: options.templateFileName } : {}),
    extensionResourceTypes: exts.flatMap((e) => e.resourceTypes ?? []),
    extensionEventTypes: exts.flatMap((e) => e.eventTypes ?? []),
    attribute: (resource, attr, names) => {
      for (const e of exts) {
        const v = e.attribute?.(resource, attr, names);
        if (v !== undefined) return v;
      }
      return options.attribute?.(resource, attr, names);
    },
  });
  const service = new LambdaService(template, options);
  try {
    await service.deploy();
  } catch (error) {
    service.dispose();
    throw error;
  }
  return service;
}

/**
 * One call: template + drive file → report. The service is disposed afterwards.
 *
 * @example
 * const report = await simulate(templateYaml, { stimuli: [{ invoke: "Hello", type: "Event" }] });
 * report.invocations[0].status; // "success"
 */
export async function simulate(
  template: string | object,
  drive: string | object,
  options: Omit<LambdaServiceOptions, "template"> & { duration?: number | string; driveOptions?: DriveOptions } = {},
): Promise<RunReport> {
  const exts = options.extensions ?? [];
  const d = isDrive(drive) ? drive : parseDrive(drive, { ...options.driveOptions, extensionKinds: exts.flatMap((e) => e.stimulusKinds ?? []) });
  const service = await createLambdaService({
    ...options,
    template,
    ...(d.seed !== undefined && options.seed === undefined ? { seed: d.seed } : {}),
    ...(d.account?.concurrency !== undefined ? { account: { concurrency: d.account.concurrency } } : {}),
  });
  try {
    return await service.run(d, options.duration !== undefined ? { duration: options.duration } : {});
  } finally {
    service.dispose();
  }
}

/**
 * The parts of extension report sections that belong at the report's top level (issue 5): `http`
 * exchanges, `resources` keyed by logical id, flow `edges`, `warnings`, and recursive loops stopped
 * by the event sources (S3, SQS, SNS) in the summary's count. Each extension keeps its whole section
 * under `extensions[name]` too.
 */
function liftExtensionSections(sections: unknown[]): { http: HttpExchangeReport[]; resources: Record<string, unknown>; edges: FlowEdge[]; warnings: TemplateWarning[]; recursiveLoopsStopped: number } {
  let recursiveLoopsStopped = 0;
  const http: HttpExchangeReport[] = [];
  const resources: Record<string, unknown> = {};
  const edges: FlowEdge[] = [];
  const warnings: TemplateWarning[] = [];
  for (const s of sections) {
    if (typeof s !== "object" || s === null) continue;
    const { http: h, resources: r, edges: e, warnings: w, recursiveLoops: loops } = s as { http?: unknown; resources?: unknown; edges?: unknown; warnings?: unknown; recursiveLoops?: unknown };
    if (Array.isArray(loops)) recursiveLoopsStopped += loops.length;
    if (Array.isArray(w)) warnings.push(...(w as TemplateWarning[]).filter((x) => typeof x?.resource === "string" && typeof x?.message === "string"));
    if (Array.isArray(h)) http.push(...(h as HttpExchangeReport[]));
    if (typeof r === "object" && r !== null && !Array.isArray(r)) Object.assign(resources, r);
    if (Array.isArray(e)) edges.push(...(e as FlowEdge[]).filter((x) => typeof x?.from === "string" && typeof x?.to === "string"));
  }
  http.sort((a, b) => Number(a.stimulus ?? Infinity) - Number(b.stimulus ?? Infinity) || Number(a.start ?? 0) - Number(b.start ?? 0));
  return { http, resources, edges: uniqueEdges(edges), warnings, recursiveLoopsStopped };
}

function uniqueEdges(edges: FlowEdge[]): FlowEdge[] {
  const seen = new Map<string, FlowEdge>();
  for (const e of edges) seen.set(`${e.from}\u0000${e.to}\u0000${e.kind}`, { from: e.from, to: e.to, kind: e.kind });
  return [...seen.values()];
}
