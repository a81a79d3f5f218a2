/**
 * One Lambda execution environment: a QuickJS runtime + context running the guest side of the
 * Node.js runtime (guest/core.ts), driven by the host event loop below.
 *
 * The host owns everything that decides what a learner observes: the virtual clock, the deadline
 * (the interrupt handler and `context.getRemainingTimeInMillis()` read the same one), the memory
 * limit, the `executePendingJobs` loop, the log lines and the REPORT numbers.
 */
import type { QuickJSContext, QuickJSDeferredPromise, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from "quickjs-emscripten";
import {
  EnvironmentStateError,
  MAX_RESPONSE_BYTES,
  MAX_SYNC_PAYLOAD_BYTES,
  RequestTooLargeError,
  resolveFunctionConfig,
  utf8Length,
  type ResolvedFunctionConfig,
} from "./config";
import { discardEngine, engineGeneration, loadEngine } from "./engine";
import { CORE_SOURCE } from "./guest/core";
import { GUEST_MODULES } from "./guest/modules";
import {
  formatEndLine,
  formatInitReportLine,
  formatInitStartLine,
  formatJsonAppLine,
  formatJsonPlatformLine,
  formatReportLine,
  formatStartLine,
  formatTextAppLine,
  LOG_LEVEL_ORDER,
  RUNTIME_VERSIONS,
} from "./logs";
import {
  billedDurationMs,
  guestMemoryLimitBytes,
  INVOKE_OVERHEAD_MS,
  maxMemoryUsedMB,
  msPerInterrupt,
  round2,
  RUNTIME_INIT_MS,
} from "./model";
import { CodeTree, ModuleResolver, SIMULATED_BUILTINS, toCommonJs, TransformError, type Resolution } from "./modules";
import { TmpFs } from "./tmpfs";
import { guestCalls, type GuestArg, type GuestCalls } from "./guest-calls";
import { calibrateAllocationCounter, HeapMeter, type AllocationCounter } from "./heap-counter";
import { isHostReply } from "./types";
import type {
  EnvironmentOptions,
  ExecutionEnvironment,
  FunctionConfig,
  HostCallInfo,
  InvokeOptions,
  InvokeResult,
  LambdaErrorPayload,
  LogEvent,
  LogLevel,
} from "./types";

/** Init phase limit for on-demand environments (DG lambda-runtime-environment). */
export const INIT_TIMEOUT_MS = 10_000;
/** Guest stack budget: deep enough for ~1,000 plain frames, shallow enough for the host's own stack. */
export const GUEST_STACK_BYTES = 192 * 1024;
/** Real time a virtual-clock phase may overrun its limit before it is cut (see the interrupt handler). */
export const REAL_TIME_GRACE_MS = 250;

/**
 * The real-time cap of a virtual-clock phase: twice its limit, and at least one second more. It only
 * catches work the tick counter cannot see (garbage collection, long native calls); it is loose so
 * that a busy machine does not turn a deterministic result into a timeout.
 */
export function realTimeCapMs(limitMs: number): number {
  return Math.max(limitMs * 2, limitMs + 1000);
}
/** Log text kept per invoke; beyond it lines are dropped and one truncation line is added. */
export const MAX_LOG_BYTES_PER_INVOKE = 1024 * 1024;
/** CloudWatch's maximum event size: longer messages are cut (256 KB). */
export const MAX_LOG_EVENT_BYTES = 256 * 1024;

/**
 * Guest sources are parsed once per context, so parse time is cold-start time: drop indentation and
 * comment-only lines (safe for these sources: no template literals or multi-line strings).
 */
function slim(src: string): string {
  return src
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("//"))
    .join("\n");
}
const CORE = slim(CORE_SOURCE);
const LIBS = new Map(Object.entries(GUEST_MODULES).map(([k, v]) => [k, slim(v)] as const));

const LEVEL_NAMES: LogLevel[] = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"];
const NODE_VERSIONS: Record<string, string> = {
  "nodejs18.x": "v18.20.8",
  "nodejs20.x": "v20.19.5",
  "nodejs22.x": "v22.20.0",
  "nodejs24.x": "v24.9.0",
};

type Interrupt = "timeout" | "exit" | undefined;
type LoopEnd = "done" | "drained" | "timeout" | "oom" | "exit" | "crash" | "fatal";

interface Phase {
  startMono: number;
  startTicks: number;
  waited: number;
  limitMs: number;
  realStart: number;
}

interface Vm {
  rt: QuickJSRuntime;
  ctx: QuickJSContext;
  /** Reads the runtime's bytes in use (see heap-counter.ts). */
  heap: HeapMeter;
  /** The engine module generation this VM lives in (see engine.ts). */
  generation: number;
  /** The per-invoke crossings, through the FFI (guest-calls.ts). */
  calls: GuestCalls;
  fns: {
    init: QuickJSHandle;
    invoke: QuickJSHandle;
    take: QuickJSHandle;
    takeBody: QuickJSHandle;
    drained: QuickJSHandle;
    nextDue: QuickJSHandle;
    runNext: QuickJSHandle;
    ticks: QuickJSHandle;
  };
  r: QuickJSHandle;
  libCache: Map<string, QuickJSHandle>;
}

interface Completion {
  ok: boolean;
  body: string;
  /** Set instead of `body` for a response the guest measured as over the limit. */
  sizeBytes?: number;
}

let envCounter = 0;

/** One calibrated allocation counter per engine module. */
const allocationCounters = new WeakMap<QuickJSWASMModule, AllocationCounter>();
function heapMeterFor(mod: QuickJSWASMModule): HeapMeter {
  let c = allocationCounters.get(mod);
  if (!c) allocationCounters.set(mod, (c = calibrateAllocationCounter(mod)));
  let memory: WebAssembly.Memory | undefined;
  try {
    memory = mod.getWasmMemory();
  } catch {
    memory = undefined;
  }
  return new HeapMeter(memory, c);
}

function hex(n: number): string {
  const bytes = new Uint8Array(n);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * A version 4 UUID. `crypto.randomUUID` exists only in secure contexts in browsers (a self-hosted
 * site served over plain http has none), `crypto.getRandomValues` everywhere.
 */
function uuid(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === "function") return c.randomUUID();
  const b = new Uint8Array(16);
  c.getRandomValues(b);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function ymd(epochMs: number): string {
  const d = new Date(epochMs);
  return `${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${String(d.getUTCDate()).padStart(2, "0")}`;
}

function fakeAccessKey(prefix: string, n: number): string {
  const A = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  const bytes = new Uint8Array(n);
  globalThis.crypto.getRandomValues(bytes);
  return prefix + Array.from(bytes, (b) => A[b % 32]).join("");
}

function fakeSecret(n: number): string {
  const A = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const bytes = new Uint8Array(n);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => A[b % 64]).join("");
}

class Environment implements ExecutionEnvironment {
  readonly id: string;
  readonly cfg: ResolvedFunctionConfig;
  private readonly clock: "virtual" | "real";
  private readonly options: EnvironmentOptions;
  private readonly tree: CodeTree;
  private readonly resolver: ModuleResolver;
  private readonly tmp: TmpFs;
  private readonly env: Record<string, string>;
  private readonly logStreamName: string;
  private readonly msPerTick: number;
  private readonly minLevel: number;

  private vm: Vm | undefined;
  /** "fresh": never initialised; "ready": initialised; "reset": needs a suppressed init. */
  private state: "fresh" | "ready" | "reset" = "fresh";
  private disposed = false;
  private busy = false;
  private everInitialised = false;

  private ticks = 0;
  private monoMs = 0;
  private realOrigin = performance.now();
  private epochAnchor = 0; // epoch ms at monoMs = anchorMono
  private anchorMono = 0;
  private lastEpochEnd: number | undefined;
  private phase: Phase | undefined;
  private interrupt: Interrupt;
  private exitCode: number | undefined;

  private logs: LogEvent[] = [];
  private logBytes = 0;
  private logDropped = 0;
  private requestId: string | undefined;
  private completion: Completion | undefined;
  private crash: LambdaErrorPayload | undefined;
  private initResult: { ok: boolean; error?: LambdaErrorPayload } | undefined;
  private pendingHost = new Set<Promise<void>>();
  /** Ms of the request (or ahead-of-time init) spent before the current phase: Init Duration, a suppressed init. */
  private phaseOffset = 0;
  /** Host-call answers waiting for their latency (virtual clock): `due` in mono ms. */
  private delayed: { due: number; run: () => void }[] = [];
  private deferreds = new Set<QuickJSDeferredPromise>();
  private peakGuestBytes = 0;
  /** Highest guest heap sampled during the current invoke (interrupt handler, every 64th call). */
  private phasePeakBytes = 0;
  private tickPending = false;
  /** Text of the last host-side failure while running guest code (for the error payload). */
  private hostError: string | undefined;
  /** Whether the guest has compiled its timers module; until then there is nothing to thaw or wait for. */
  private timersLoaded = false;
  private guestLimit = 0;

  constructor(cfg: ResolvedFunctionConfig, options: EnvironmentOptions) {
    this.id = `env-${++envCounter}-${hex(4)}`;
    this.cfg = cfg;
    this.options = options;
    this.clock = options.clock ?? "virtual";
    this.tree = new CodeTree(cfg);
    this.resolver = new ModuleResolver(this.tree, cfg.runtime, options.builtinModules ?? {});
    this.tmp = new TmpFs(cfg.ephemeralStorageMB, this.tree, () => this.epoch());
    this.msPerTick = msPerInterrupt(cfg.memoryMB);
    // ApplicationLogLevel sets AWS_LAMBDA_LOG_LEVEL; the runtime (RIC LogPatch) filters on the variable,
    // so a function that sets it itself gets the same filtering.
    const userLevel = cfg.environment.AWS_LAMBDA_LOG_LEVEL?.toUpperCase();
    const level = cfg.applicationLogLevel ?? (userLevel && userLevel in LOG_LEVEL_ORDER ? (userLevel as LogLevel) : undefined);
    this.minLevel = level ? LOG_LEVEL_ORDER[level] : 0;
    const now = Date.now();
    this.epochAnchor = now;
    this.logStreamName = options.logStreamName ?? `${ymd(now)}/[${cfg.version}]${hex(16)}`;
    const logGroup = `/aws/lambda/${cfg.functionName}`;
    const major = cfg.runtime.slice(6, 8);
    // DG configuration-envvars: reserved and other defined runtime variables.
    this.env = {
      AWS_LAMBDA_FUNCTION_VERSION: cfg.version,
      AWS_SESSION_TOKEN: "IQoJb3JpZ2luX2VjE" + fakeSecret(300),
      AWS_LAMBDA_LOG_GROUP_NAME: logGroup,
      LD_LIBRARY_PATH: `/var/lang/lib:/lib64:/usr/lib64:/var/runtime:/var/runtime/lib:/var/task:/var/task/lib:/opt/lib`,
      LAMBDA_TASK_ROOT: "/var/task",
      AWS_LAMBDA_LOG_STREAM_NAME: this.logStreamName,
      AWS_LAMBDA_RUNTIME_API: "127.0.0.1:9001",
      AWS_EXECUTION_ENV: `AWS_Lambda_${cfg.runtime}`,
      AWS_XRAY_DAEMON_ADDRESS: "169.254.79.129:2000",
      AWS_LAMBDA_FUNCTION_NAME: cfg.functionName,
      PATH: "/var/lang/bin:/usr/local/bin:/usr/bin/:/bin:/opt/bin",
      AWS_DEFAULT_REGION: cfg.region,
      PWD: "/var/task",
      AWS_SECRET_ACCESS_KEY: fakeSecret(40),
      LANG: "en_US.UTF-8",
      LAMBDA_RUNTIME_DIR: "/var/runtime",
      AWS_LAMBDA_INITIALIZATION_TYPE: options.initializationType ?? "on-demand",
      TZ: ":UTC",
      AWS_REGION: cfg.region,
      NODE_PATH: `/opt/nodejs/node${major}/node_modules:/opt/nodejs/node_modules:/var/runtime/node_modules:/var/runtime:/var/task`,
      AWS_ACCESS_KEY_ID: fakeAccessKey("ASIA", 16),
      AWS_ACCESS_KEY: "",
      SHLVL: "0",
      _AWS_XRAY_DAEMON_ADDRESS: "169.254.79.129",
      _AWS_XRAY_DAEMON_PORT: "2000",
      AWS_XRAY_CONTEXT_MISSING: "LOG_ERROR",
      _HANDLER: cfg.handler,
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(cfg.memoryMB),
      NODE_EXTRA_CA_CERTS: "/var/runtime/ca-cert.pem",
    };
    this.env.AWS_ACCESS_KEY = this.env.AWS_ACCESS_KEY_ID ?? "";
    if (cfg.logFormat === "JSON") this.env.AWS_LAMBDA_LOG_FORMAT = "JSON";
    if (cfg.applicationLogLevel) this.env.AWS_LAMBDA_LOG_LEVEL = cfg.applicationLogLevel;
    Object.assign(this.env, cfg.environment);
  }

  get cold(): boolean {
    return !this.everInitialised;
  }

  // ---- clock ---------------------------------------------------------------------------------

  /** Virtual monotonic milliseconds since the environment was created. */
  private mono(): number {
    const p = this.phase;
    if (this.clock === "real") return performance.now() - this.realOrigin;
    if (!p) return this.monoMs;
    return p.startMono + p.waited + (this.ticks - p.startTicks) * this.msPerTick;
  }

  private epoch(): number {
    return this.epochAnchor + (this.mono() - this.anchorMono);
  }

  private elapsed(): number {
    const p = this.phase;
    if (!p) return 0;
    if (this.clock === "real") return performance.now() - p.realStart;
    return p.waited + (this.ticks - p.startTicks) * this.msPerTick;
  }

  private beginPhase(limitMs: number): void {
    this.phase = { startMono: this.mono(), startTicks: this.ticks, waited: 0, limitMs, realStart: performance.now() };
    this.interrupt = undefined;
  }

  private endPhase(extraMs = 0): number {
    const p = this.phase;
    if (!p) return 0;
    const e = Math.min(this.elapsed() + extraMs, p.limitMs);
    this.monoMs = this.clock === "real" ? this.mono() : p.startMono + e;
    this.phase = undefined;
    return e;
  }

  // ---- logs ----------------------------------------------------------------------------------

  private pushLog(event: LogEvent): void {
    if (this.logBytes >= MAX_LOG_BYTES_PER_INVOKE && event.kind === "app") {
      this.logDropped++;
      return;
    }
    this.logBytes += event.message.length;
    this.logs.push(event);
  }

  private platform(message: string, jsonType?: string, record?: unknown): void {
    const t = this.epoch();
    if (this.cfg.logFormat === "JSON") {
      if (!jsonType) return;
      this.pushLog({ timestamp: t, message: formatJsonPlatformLine(t, jsonType, record), kind: "platform" });
    } else {
      this.pushLog({ timestamp: t, message, kind: "platform" });
    }
  }

  private appLog(level: number, text: string, jsonBody: string | undefined): void {
    if (level < this.minLevel) return;
    const name = LEVEL_NAMES[level] ?? "INFO";
    const t = this.epoch();
    let message: string;
    if (this.cfg.logFormat === "JSON") {
      message = formatJsonAppLine(t, this.requestId, name, jsonBody ?? `"message":${JSON.stringify(text)}`);
    } else {
      if (text.length > MAX_LOG_EVENT_BYTES) text = text.slice(0, MAX_LOG_EVENT_BYTES) + "… [truncated to 256 KB]";
      message = formatTextAppLine(t, this.requestId, name, text);
    }
    this.pushLog({ timestamp: t, message, kind: "app", level: name });
  }

  private takeLogs(): LogEvent[] {
    if (this.logDropped > 0) {
      const t = this.epoch();
      this.logs.push({
        timestamp: t,
        kind: "platform",
        message: `[Lambda Lab] log output of this invocation exceeded ${MAX_LOG_BYTES_PER_INVOKE} bytes; ${this.logDropped} further line(s) dropped`,
      });
    }
    const l = this.logs;
    this.logs = [];
    this.logBytes = 0;
    this.logDropped = 0;
    return l;
  }

  // ---- the QuickJS side ----------------------------------------------------------------------

  private async createVm(): Promise<Vm> {
    let mod: QuickJSWASMModule = await loadEngine();
    let generation = engineGeneration();
    let rt: QuickJSRuntime;
    try {
      rt = mod.newRuntime();
    } catch {
      discardEngine();
      mod = await loadEngine();
      generation = engineGeneration();
      rt = mod.newRuntime();
    }
    this.guestLimit = Math.max(8 * 1024 * 1024, Math.min(guestMemoryLimitBytes(this.cfg.memoryMB), 2000 * 1024 * 1024));
    rt.setMemoryLimit(this.guestLimit);
    rt.setMaxStackSize(GUEST_STACK_BYTES);
    rt.setInterruptHandler(() => {
      this.ticks++;
      if (this.interrupt) return true;
      const p = this.phase;
      if (!p) return false;
      if (this.elapsed() >= p.limitMs || (this.clock === "virtual" && performance.now() - p.realStart >= realTimeCapMs(p.limitMs))) {
        // The second condition is the real-time cap: work the tick counter cannot see (garbage
        // collection, long native calls between ticks) never keeps a learner waiting past the timeout.
        this.interrupt = "timeout";
        return true;
      }
      if ((this.ticks & 63) === 0) this.phasePeakBytes = Math.max(this.phasePeakBytes, this.guestBytes());
      return false;
    });
    const ctx = rt.newContext();
    const H = this.hostFunctions(ctx);
    const C = this.guestConfig(ctx);
    const fnRes = ctx.evalCode(CORE, "file:///var/runtime/index.mjs");
    if (fnRes.error) {
      const msg = JSON.stringify(ctx.dump(fnRes.error));
      fnRes.error.dispose();
      throw new Error(`Lambda Lab runtime bootstrap failed to compile: ${msg}`);
    }
    const rRes = ctx.callFunction(fnRes.value, ctx.undefined, H, C);
    fnRes.value.dispose();
    H.dispose();
    C.dispose();
    if (rRes.error) {
      const msg = JSON.stringify(ctx.dump(rRes.error));
      rRes.error.dispose();
      throw new Error(`Lambda Lab runtime bootstrap failed: ${msg}`);
    }
    const r = rRes.value;
    const get = (k: string) => ctx.getProp(r, k);
    return {
      rt,
      ctx,
      heap: heapMeterFor(mod),
      generation,
      calls: guestCalls(rt, ctx),
      r,
      fns: {
        init: get("init"),
        invoke: get("invoke"),
        take: get("take"),
        takeBody: get("takeBody"),
        drained: get("drained"),
        nextDue: get("nextDue"),
        runNext: get("runNext"),
        ticks: get("ticks"),
      },
      libCache: new Map(),
    };
  }

  private guestConfig(ctx: QuickJSContext): QuickJSHandle {
    const c = this.cfg;
    const json = JSON.stringify({
      env: this.env,
      handler: c.handler,
      runtime: c.runtime,
      logFormat: c.logFormat,
      minLevel: this.minLevel,
      functionName: c.functionName,
      version: c.version,
      memoryLimitInMB: String(c.memoryMB),
      logGroupName: `/aws/lambda/${c.functionName}`,
      logStreamName: this.logStreamName,
      nodeVersion: NODE_VERSIONS[c.runtime] ?? "v22.20.0",
      arch: c.architecture === "arm64" ? "arm64" : "x64",
      builtins: SIMULATED_BUILTINS,
    });
    // Passed as JSON text and parsed by the guest: cheaper than compiling an object literal.
    return ctx.newString(json);
  }

  /** The allow-list: the only host functions a guest can reach, all on one object passed to the bootstrap. */
  private hostFunctions(ctx: QuickJSContext): QuickJSHandle {
    const H = ctx.newObject();
    const def = (name: string, fn: (...args: QuickJSHandle[]) => QuickJSHandle | undefined | void) => {
      const h = ctx.newFunction(name, fn);
      ctx.setProp(H, name, h);
      h.dispose();
    };
    const str = (h: QuickJSHandle | undefined): string => (h === undefined ? "" : ctx.typeof(h) === "string" ? ctx.getString(h) : "");
    const num = (h: QuickJSHandle | undefined): number => (h === undefined || ctx.typeof(h) !== "number" ? 0 : ctx.getNumber(h));
    const arr = (items: (string | number | QuickJSHandle)[]): QuickJSHandle => {
      const a = ctx.newArray();
      items.forEach((v, i) => {
        if (typeof v === "string") {
          const s = ctx.newString(v);
          ctx.setProp(a, i, s);
          s.dispose();
        } else if (typeof v === "number") {
          const n = ctx.newNumber(v);
          ctx.setProp(a, i, n);
          n.dispose();
        } else {
          ctx.setProp(a, i, v);
        }
      });
      return a;
    };
    def("log", (level, text, body) => {
      this.appLog(num(level), str(text), body === undefined || ctx.typeof(body) !== "string" ? undefined : ctx.getString(body));
    });
    def("now", () => ctx.newNumber(this.epoch()));
    def("tick", () => {
      this.tickPending = true;
    });
    def("mono", () => ctx.newNumber(this.mono()));
    def("remaining", () => {
      const p = this.phase;
      return ctx.newNumber(p ? Math.max(0, Math.round(p.limitMs - this.elapsed())) : 0);
    });
    def("memory", () => {
      const used = this.guestBytes(true);
      const rss = maxMemoryUsedMB(used, this.cfg.memoryMB) * 1024 * 1024;
      return arr([rss, guestMemoryLimitBytes(this.cfg.memoryMB), used]);
    });
    def("crash", (payload) => {
      if (this.crash) return;
      try {
        this.crash = JSON.parse(str(payload)) as LambdaErrorPayload;
      } catch {
        this.crash = { errorType: "Runtime.ExitError", errorMessage: "Runtime exited without providing a reason", trace: [] };
      }
    });
    def("exit", (code) => {
      this.exitCode = num(code);
      this.interrupt = "exit";
    });
    def("initDone", (ok, err) => {
      const good = ctx.typeof(ok) === "boolean" && ctx.dump(ok) === true;
      if (good) this.initResult = { ok: true };
      else {
        let error: LambdaErrorPayload;
        try {
          error = JSON.parse(str(err)) as LambdaErrorPayload;
        } catch {
          error = { errorType: "Runtime.Unknown", errorMessage: "init failed", trace: [] };
        }
        this.initResult = { ok: false, error };
      }
    });
    def("resolve", (request, fromDir) => {
      const r: Resolution = this.resolver.resolve(str(request), str(fromDir) || "/var/task");
      return arr([r[0], r[1]]);
    });
    def("entry", (modulePath) => {
      const r = this.resolver.entry(str(modulePath));
      return arr([r[0], r[1]]);
    });
    def("compile", (pathH) => this.compileModule(ctx, str(pathH), arr));
    def("lib", (nameH) => {
      const name = str(nameH);
      if (name === "timers") this.timersLoaded = true;
      const src = LIBS.get(name);
      if (src === undefined) throw new Error(`Lambda Lab: no guest module ${name}`);
      const res = ctx.evalCode(`(function (exports, require, module, INTERNAL) {${src}\n})`, `node:internal/${name}`);
      if (res.error) {
        // Guarded by guest/modules.test.ts; reported clearly should it ever happen.
        const detail = JSON.stringify(ctx.dump(res.error));
        res.error.dispose();
        throw new Error(`Lambda Lab internal error: the guest module ${name} failed to compile: ${detail}`);
      }
      return res.value;
    });
    def("hostCall", (nameH, payloadH) => this.hostCall(ctx, str(nameH), str(payloadH)));
    def("uuid", () => ctx.newString(uuid()));
    def("random", (n) => {
      const len = Math.max(0, Math.min(65536, Math.floor(num(n))));
      const bytes = new Uint8Array(len);
      globalThis.crypto.getRandomValues(bytes);
      return ctx.newArrayBuffer(bytes.buffer);
    });
    def("fs", (...args) => this.tmp.call(ctx, args));
    return H;
  }

  private compileModule(
    ctx: QuickJSContext,
    path: string,
    arr: (items: (string | number | QuickJSHandle)[]) => QuickJSHandle,
  ): QuickJSHandle {
    let source: string | undefined;
    let format: ReturnType<ModuleResolver["formatOf"]>;
    if (path.startsWith("/")) {
      source = this.tree.files.get(path);
      if (source === undefined) return arr(["", `Cannot find module '${path}'`, 1, 1]);
      format = this.resolver.formatOf(path, source);
    } else {
      source = this.options.builtinModules?.[path];
      if (source === undefined) return arr(["", `Cannot find module '${path}'`, 1, 1]);
      format = "cjs";
    }
    let body: string;
    try {
      body = toCommonJs(format, source, path);
    } catch (e) {
      const te = e instanceof TransformError ? e : new TransformError(String(e), 1, 1);
      const a = ctx.newArray();
      ctx.setProp(a, 0, ctx.false);
      const m = ctx.newString(te.message);
      ctx.setProp(a, 1, m);
      m.dispose();
      const l = ctx.newNumber(te.line);
      ctx.setProp(a, 2, l);
      l.dispose();
      const c = ctx.newNumber(te.column);
      ctx.setProp(a, 3, c);
      c.dispose();
      return a;
    }
    const params = "exports, require, module, __filename, __dirname, __lambda_import_meta" + (path.startsWith("/") ? "" : ", __host");
    const wrapperHead = `(function (${params}) {`;
    const filename = path.startsWith("/") ? path : `/var/runtime/node_modules/${path}`;
    let res = ctx.evalCode(wrapperHead + body + "\n})", filename);
    if (res.error && format !== "cjs" && /\bawait\b/.test(body)) {
      // ES module with top-level await: an async wrapper; the loader awaits its evaluation.
      res.error.dispose();
      res = ctx.evalCode(`(async function (${params}) {` + body + "\n})", filename);
    }
    const a = ctx.newArray();
    if (res.error) {
      ctx.setProp(a, 0, ctx.false);
      ctx.setProp(a, 1, res.error);
      res.error.dispose();
    } else {
      ctx.setProp(a, 0, ctx.true);
      ctx.setProp(a, 1, res.value);
      res.value.dispose();
    }
    return a;
  }

  /**
   * `__host.call`: a guest promise settled by the host's `hostCall`, with JSON in and out. The host
   * is awaited in real time (no virtual time passes); a reply with a latency settles the promise
   * that many virtual ms after the call, through the event loop's `delayed` queue.
   */
  private hostCall(ctx: QuickJSContext, name: string, payloadJson: string): QuickJSHandle {
    const deferred = ctx.newPromise();
    this.deferreds.add(deferred);
    const hostCall = this.options.hostCall;
    const vm = this.vm;
    const calledAt = this.mono();
    const elapsed = this.elapsed();
    const info: HostCallInfo = {
      elapsedMs: round2(elapsed),
      offsetMs: round2(this.phaseOffset + elapsed),
      phase: this.requestId === undefined ? "init" : "invoke",
      ...(this.requestId !== undefined ? { requestId: this.requestId } : {}),
    };
    const settle = (ok: boolean, json: string) => {
      if (this.disposed || this.vm !== vm || !deferred.alive) return;
      const parsed = ctx.evalCode("(" + json + ")");
      const value = parsed.error ?? parsed.value;
      if (ok && !parsed.error) deferred.resolve(value);
      else deferred.reject(value);
      value.dispose();
      this.deferreds.delete(deferred);
      deferred.dispose();
    };
    const settleAfter = async (latencyMs: number, ok: boolean, json: string) => {
      if (!(latencyMs > 0)) return settle(ok, json);
      if (this.clock === "real") {
        await sleep(latencyMs); // still a pending host call, so the loop waits for it
        return settle(ok, json);
      }
      this.delayed.push({ due: calledAt + latencyMs, run: () => settle(ok, json) });
    };
    const work = (async () => {
      await Promise.resolve(); // settle only after the promise handle has been returned to the guest
      if (!hostCall) {
        settle(false, JSON.stringify({ name: "Error", message: `No host function is available for ${name}` }).replace(/^\{/, "Object.assign(new Error(), {") + ")");
        return;
      }
      try {
        const payload: unknown = payloadJson === "" ? undefined : JSON.parse(payloadJson);
        const result = await hostCall(name, payload, info);
        const reply = isHostReply(result) ? result : { value: result, latencyMs: 0 };
        await settleAfter(reply.latencyMs, true, JSON.stringify(reply.value === undefined ? null : reply.value));
      } catch (e) {
        const err = e as { name?: unknown; message?: unknown; code?: unknown; fields?: unknown; latencyMs?: unknown };
        const fields = JSON.stringify({
          ...(typeof err?.fields === "object" && err.fields !== null ? err.fields : {}),
          name: typeof err?.name === "string" ? err.name : "Error",
          message: typeof err?.message === "string" ? err.message : String(e),
          ...(typeof err?.code === "string" ? { code: err.code } : {}),
        });
        await settleAfter(typeof err?.latencyMs === "number" ? err.latencyMs : 0, false, `Object.assign(new Error(), ${fields})`);
      }
    })();
    const tracked = work.finally(() => this.pendingHost.delete(tracked));
    this.pendingHost.add(tracked);
    return deferred.handle;
  }

  private guestBytes(exact = false): number {
    const vm = this.vm;
    if (!vm || vm.generation !== engineGeneration()) return 0;
    try {
      return vm.heap.read(vm.rt, vm.ctx, exact);
    } catch {
      return 0;
    }
  }

  private disposeVm(): void {
    const vm = this.vm;
    this.vm = undefined;
    this.timersLoaded = false;
    this.delayed = [];
    if (!vm) return;
    if (vm.generation !== engineGeneration()) {
      // The module this VM lived in was discarded: calling into it again could abort or corrupt it
      // further. Its memory is abandoned with the module.
      this.deferreds.clear();
      return;
    }
    for (const d of this.deferreds) {
      try {
        d.dispose();
      } catch {
        /* already gone */
      }
    }
    this.deferreds.clear();
    try {
      vm.calls.dispose();
      for (const h of Object.values(vm.fns)) h.dispose();
      vm.r.dispose();
      vm.ctx.dispose();
      vm.rt.dispose();
    } catch {
      // A runtime that aborted (or still holds objects after an out-of-memory) cannot always be
      // freed cleanly; its memory is abandoned and the engine is reloaded for later environments.
      discardEngine();
    }
  }

  /** Classify an error result of a guest call (the guest catches everything but these). */
  private classify(err: QuickJSHandle | undefined): LoopEnd | undefined {
    if (!err) return undefined;
    let text = "";
    try {
      const vm = this.vm;
      if (vm) {
        const m = vm.ctx.getProp(err, "message");
        text = vm.ctx.typeof(m) === "string" ? vm.ctx.getString(m) : "";
        m.dispose();
      }
    } catch {
      text = "";
    }
    err.dispose();
    if (this.interrupt === "timeout") return "timeout";
    if (this.interrupt === "exit") return "exit";
    if (/out of memory/i.test(text)) return "oom";
    return "crash";
  }

  /** Call a guest runtime function; returns how the call ended abnormally, if it did. */
  private callGuest(fn: QuickJSHandle, ...args: GuestArg[]): { end?: LoopEnd; value?: number } {
    const vm = this.vm;
    if (!vm) return { end: "fatal" };
    try {
      const r = vm.calls.callNumber(fn, ...args);
      if (r.error) return { end: this.classify(r.error) ?? "crash" };
      return r.value === undefined ? {} : { value: r.value };
    } catch (e) {
      return { end: this.hostFailure(e) };
    }
  }

  /**
   * Whether the invoke has completed: the guest keeps its outcome until taken (guest/core.ts
   * `report`). The first outcome of an invoke stands; a later one is read and dropped.
   */
  private pollCompletion(): boolean {
    const vm = this.vm;
    if (!vm) return this.completion !== undefined;
    let o: string;
    let body: string;
    try {
      const r = vm.calls.callString(vm.fns.take);
      if (r.error) {
        r.error.dispose();
        return this.completion !== undefined;
      }
      o = r.value;
      if (o === "") return this.completion !== undefined;
      // The kind alone: a large body follows by itself.
      const b = o.length === 1 ? vm.calls.callString(vm.fns.takeBody) : { value: o.slice(1) };
      if (b.error) {
        b.error.dispose();
        return this.completion !== undefined;
      }
      body = b.value;
    } catch (e) {
      this.hostFailure(e);
      return this.completion !== undefined;
    }
    if (!this.completion) {
      // Kind '1': a response; '0': an error payload; '2': a response over the limit (body: its size).
      const kind = o.charCodeAt(0);
      this.completion = kind === 50 ? { ok: true, body: "", sizeBytes: Number(body) } : { ok: kind === 49, body };
    }
    return this.completion !== undefined;
  }

  private hostFailure(e: unknown): LoopEnd {
    // The engine itself failed (host stack exhausted inside WebAssembly, wasm abort): nothing in this
    // module can be trusted any more, for this environment or any other built on it.
    this.hostError = String(e);
    // Only the module this VM lives in is suspect; a newer one (another environment already
    // recovered) stays.
    if (!this.vm || this.vm.generation === engineGeneration()) discardEngine();
    return "fatal";
  }

  /** Drop a VM whose engine module was discarded (by this or another environment); re-init next. */
  private checkModule(): void {
    if (this.vm && this.vm.generation !== engineGeneration()) {
      this.disposeVm();
      if (this.state === "ready") this.state = "reset";
    }
  }

  private drainJobs(): LoopEnd | undefined {
    const vm = this.vm;
    if (!vm) return "fatal";
    for (;;) {
      if (this.interrupt) return this.interrupt === "timeout" ? "timeout" : "exit";
      if (this.crash) return "crash";
      if (this.tickPending) {
        this.tickPending = false;
        const t = this.callGuest(vm.fns.ticks);
        if (t.end) return t.end;
      }
      if (!vm.rt.hasPendingJob()) return undefined; // cheaper than an empty executePendingJobs round
      let res;
      try {
        res = vm.calls.runJobs(256);
      } catch (e) {
        return this.hostFailure(e);
      }
      if (res.error) {
        const c = this.classify(res.error);
        if (c && c !== "crash") return c;
        continue;
      }
      if (res.count === 0 && !this.tickPending) return undefined;
    }
  }

  /**
   * The event loop: microtasks, host calls, timers, until `until()` holds or the loop is empty.
   * In virtual mode waiting for a timer advances the clock instead of sleeping.
   */
  private async runLoop(until: () => boolean): Promise<LoopEnd> {
    let spins = 0;
    for (;;) {
      const j = this.drainJobs();
      if (j) return j;
      if (this.crash) return "crash";
      if (until()) return "done";
      const p = this.phase;
      if (!p) return "fatal";
      if (this.pendingHost.size > 0) {
        if (this.clock === "real") {
          const left = p.limitMs - this.elapsed();
          if (left <= 0) return "timeout";
          await settledWithin(Promise.race(this.pendingHost), left);
        } else {
          // Host calls take no virtual time, but one that never settles must not hang the invoke:
          // wait at most the remaining time (in real milliseconds), then time out.
          const left = Math.max(0, p.limitMs - this.elapsed());
          const settled = await settledWithin(Promise.race(this.pendingHost), left + REAL_TIME_GRACE_MS);
          if (!settled) {
            p.waited += left;
            return "timeout";
          }
        }
        continue;
      }
      const vm = this.vm;
      if (!vm) return "fatal";
      let next = -1;
      if (this.timersLoaded) {
        const due = this.callGuest(vm.fns.nextDue);
        if (due.end) return due.end;
        next = due.value ?? -1;
      }
      // A host answer due no later than the next timer settles first (FIFO among equals).
      if (this.delayed.length) {
        const hostDue = Math.min(...this.delayed.map((d) => d.due));
        if (next < 0 || hostDue <= next) {
          if (!(await this.waitUntil(hostDue, p))) return "timeout";
          const now = this.mono();
          const ready = this.delayed.filter((d) => d.due <= now);
          this.delayed = this.delayed.filter((d) => d.due > now);
          for (const d of ready) d.run();
          continue;
        }
      }
      if (next < 0) return "drained";
      const now = this.mono();
      if (next > now) {
        const wait = next - now;
        const left = p.limitMs - this.elapsed();
        if (wait >= left) {
          if (this.clock === "virtual") p.waited += Math.max(0, left);
          else await sleep(Math.max(0, left));
          return "timeout";
        }
        if (this.clock === "virtual") p.waited += wait;
        else await sleep(wait);
      }
      const ran = this.callGuest(vm.fns.runNext, this.mono());
      if (ran.end) return ran.end;
      // Yield to the host now and then so a host can observe progress / cancel in real mode.
      if (++spins % 1024 === 0) await Promise.resolve();
    }
  }

  /** Advance (virtual) or sleep (real) to mono time `due`; false when the phase's limit comes first. */
  private async waitUntil(due: number, p: Phase): Promise<boolean> {
    const wait = due - this.mono();
    if (wait <= 0) return true;
    const left = p.limitMs - this.elapsed();
    if (wait >= left) {
      if (this.clock === "virtual") p.waited += Math.max(0, left);
      else await sleep(Math.max(0, left));
      return false;
    }
    if (this.clock === "virtual") p.waited += wait;
    else await sleep(wait);
    return true;
  }

  // ---- init ----------------------------------------------------------------------------------

  private async runInit(limitMs: number): Promise<{ ok: boolean; end: LoopEnd | "ok"; error?: LambdaErrorPayload; durationMs: number }> {
    this.initResult = undefined;
    this.crash = undefined;
    this.completion = undefined;
    this.requestId = undefined;
    this.beginPhase(limitMs);
    let end: LoopEnd | "ok";
    try {
      if (!this.vm) this.vm = await this.createVm();
      if (this.disposed) {
        this.disposeVm();
        throw new EnvironmentStateError(`environment ${this.id} was disposed during init`);
      }
      const vm = this.vm;
      const r = this.callGuest(vm.fns.init);
      end = r.end ?? (await this.runLoop(this.initCompleted));
      if (end === "done" || end === "drained") end = this.initResult ? "ok" : "drained";
    } catch (e) {
      end = e instanceof EnvironmentStateError ? "fatal" : this.hostFailure(e);
    }
    const cpuAndWait = this.endPhase();
    const durationMs = round2(RUNTIME_INIT_MS + cpuAndWait);
    const ir = this.initResult as { ok: boolean; error?: LambdaErrorPayload } | undefined;
    if (end === "ok" && ir?.ok) {
      return { ok: true, end, durationMs };
    }
    let error: LambdaErrorPayload;
    if (end === "ok" && ir?.error) error = ir.error.errorType === "InternalError" && ir.error.errorMessage === "out of memory" ? { errorType: "Runtime.OutOfMemory", errorMessage: "Runtime exited with error: signal: killed" } : ir.error;
    else if (end === "timeout") error = { errorType: "Sandbox.Timedout", errorMessage: `Task timed out after ${(limitMs / 1000).toFixed(2)} seconds` };
    else if (end === "oom") error = { errorType: "Runtime.OutOfMemory", errorMessage: "Runtime exited with error: signal: killed" };
    else if (end === "exit") error = { errorType: "Runtime.ExitError", errorMessage: `Runtime exited with error: exit status ${this.exitCode ?? 0}` };
    else if (end === "crash" && this.crash) error = this.crash;
    else if (end === "drained") error = { errorType: "Runtime.NodeJsExit", errorMessage: "Runtime exited without providing a reason" };
    else error = { errorType: "Runtime.ExitError", errorMessage: "Runtime exited without providing a reason" };
    // A failed init leaves no usable runtime: Lambda restarts it for the next attempt.
    this.disposeVm();
    return { ok: false, end, error, durationMs };
  }

  async init(options: { startTime?: number } = {}): Promise<{ ok: boolean; initDurationMs: number; logs: LogEvent[] }> {
    this.assertUsable();
    this.checkModule();
    if (this.state === "ready") return { ok: true, initDurationMs: 0, logs: [] };
    this.busy = true;
    this.phaseOffset = 0;
    try {
      const r = await this.coldInit(options.startTime ?? Date.now());
      return { ok: r.ok, initDurationMs: r.durationMs, logs: this.takeLogs() };
    } finally {
      this.busy = false;
    }
  }

  /** The first init of the environment: INIT_START, and INIT_REPORT when it fails. */
  private async coldInit(startTime: number): Promise<{ ok: boolean; durationMs: number; errorType?: string; end: LoopEnd | "ok" }> {
    this.anchor(startTime);
    const rv = RUNTIME_VERSIONS[this.cfg.runtime];
    this.platform(formatInitStartLine(this.cfg.runtime, this.cfg.region), "platform.initStart", {
      initializationType: this.options.initializationType ?? "on-demand",
      phase: "init",
      runtimeVersion: rv.version,
      runtimeVersionArn: rv.arn(this.cfg.region),
      functionName: this.cfg.functionName,
      functionVersion: this.cfg.version,
      instanceId: this.logStreamName.slice(this.logStreamName.indexOf("]") + 1),
      instanceMaxMemory: this.cfg.memoryMB * 1024 * 1024,
    });
    const r = await this.runInit(INIT_TIMEOUT_MS);
    this.everInitialised = this.everInitialised || r.ok;
    if (r.ok) {
      this.state = "ready";
      return { ok: true, durationMs: r.durationMs, end: r.end };
    }
    this.state = "reset";
    this.initReport(r.durationMs, "init", r.end === "timeout" ? "timeout" : "error", r.error?.errorType);
    return { ok: false, durationMs: r.durationMs, errorType: r.error?.errorType, end: r.end };
  }

  private initReport(durationMs: number, phase: "init" | "invoke", status: "error" | "timeout", errorType?: string): void {
    this.platform(
      formatInitReportLine({ initDurationMs: durationMs, phase, status, ...(errorType ? { errorType } : {}) }),
      "platform.initReport",
      {
        initializationType: this.options.initializationType ?? "on-demand",
        phase,
        status,
        ...(status === "error" && errorType ? { errorType } : {}),
        metrics: { durationMs },
      },
    );
  }

  private anchor(startTime: number): void {
    // Time passes while the environment is frozen; the clock never runs backwards.
    if (this.clock === "virtual" && this.lastEpochEnd !== undefined && startTime > this.lastEpochEnd) {
      this.monoMs += startTime - this.lastEpochEnd;
    }
    this.anchorMono = this.mono();
    this.epochAnchor = startTime;
  }

  // ---- invoke --------------------------------------------------------------------------------

  async invoke(event: unknown, options: InvokeOptions = {}): Promise<InvokeResult> {
    this.assertUsable();
    if (this.busy) throw new EnvironmentStateError(`environment ${this.id} is already running an invocation (one at a time, as on Lambda)`);
    const eventJson = event === undefined ? "{}" : JSON.stringify(event);
    if (eventJson === undefined) throw new TypeError("invoke: the event must be JSON-serialisable");
    const size = utf8Length(eventJson);
    if (size > MAX_SYNC_PAYLOAD_BYTES) throw new RequestTooLargeError(size);
    this.busy = true;
    try {
      return await this.doInvoke(eventJson, options);
    } finally {
      this.busy = false;
    }
  }

  private async doInvoke(eventJson: string, o: InvokeOptions): Promise<InvokeResult> {
    const requestId = o.requestId ?? uuid();
    const startTime = o.startTime ?? Date.now();
    const c = this.cfg;
    const timeoutMs = c.timeoutSeconds * 1000;
    const arn = o.invokedFunctionArn ?? `arn:aws:lambda:${c.region}:${c.accountId}:function:${c.functionName}`;
    let coldStart = false;
    let initDurationMs: number | undefined;
    let suppressedMs = 0;
    let failure: { status: "error" | "timeout"; payload: LambdaErrorPayload; reset: boolean } | undefined;

    this.hostError = undefined;
    this.checkModule();
    this.phaseOffset = 0;
    if (this.state === "fresh") {
      coldStart = true;
      const r = await this.coldInit(startTime);
      if (r.ok) initDurationMs = r.durationMs;
      this.phaseOffset = r.durationMs;
    } else {
      this.anchor(startTime);
    }
    if (this.state === "reset") {
      // Suppressed init inside the invoke (LAMBDA.md §1): bounded by the function timeout, its time
      // is part of this invoke's Duration; no INIT_START; INIT_REPORT only if it fails again.
      const r = await this.runInit(timeoutMs);
      suppressedMs = r.durationMs;
      this.phaseOffset += r.durationMs;
      if (r.ok) {
        this.state = "ready";
        this.everInitialised = true;
      } else {
        this.initReport(r.durationMs, "invoke", r.end === "timeout" ? "timeout" : "error", r.error?.errorType);
        const payload =
          r.end === "timeout"
            ? { errorType: "Sandbox.Timedout", errorMessage: `RequestId: ${requestId} Error: Task timed out after ${c.timeoutSeconds.toFixed(2)} seconds` }
            : (r.error ?? { errorType: "Runtime.Unknown", errorMessage: "init failed" });
        failure = { status: r.end === "timeout" ? "timeout" : "error", payload, reset: true };
      }
    }

    this.requestId = undefined;
    this.platform(formatStartLine(requestId, c.version), "platform.start", { requestId, functionArn: arn, version: c.version });
    this.completion = undefined;
    this.crash = undefined;
    this.phasePeakBytes = 0;
    let handlerMs = 0;
    let oom = false;

    if (!failure && this.vm) {
      this.beginPhase(Math.max(0, timeoutMs - suppressedMs));
      let end: LoopEnd;
      // Thaw: timers left over from earlier invokes that are now due run first, still logging the
      // request id that was current when they were frozen.
      end = (await this.thaw()) ?? "done";
      if (end === "done") {
        this.requestId = requestId;
        const r = this.callGuest(
          this.vm.fns.invoke,
          eventJson,
          requestId,
          arn,
          o.traceId ?? defaultTraceId(this.epoch()),
          o.clientContext === undefined ? "" : JSON.stringify(o.clientContext),
          o.identity === undefined ? "" : JSON.stringify(o.identity),
        );
        end = r.end ?? (await this.invokeLoop());
      }
      handlerMs = this.endPhase();
      if (end === "timeout") {
        failure = {
          status: "timeout",
          payload: { errorType: "Sandbox.Timedout", errorMessage: `RequestId: ${requestId} Error: Task timed out after ${c.timeoutSeconds.toFixed(2)} seconds` },
          reset: true,
        };
      } else if (end === "oom") {
        oom = true;
        failure = { status: "error", payload: { errorType: "Runtime.OutOfMemory", errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: signal: killed` }, reset: true };
      } else if (end === "exit") {
        const code = this.exitCode ?? 0;
        failure = {
          status: "error",
          payload: {
            errorType: "Runtime.ExitError",
            errorMessage: `RequestId: ${requestId} Error: Runtime exited ${code === 0 ? "without providing a reason" : `with error: exit status ${code}`}`,
          },
          reset: true,
        };
      } else if (end === "crash") {
        failure = {
          status: "error",
          payload: this.crash ?? { errorType: "Runtime.ExitError", errorMessage: `RequestId: ${requestId} Error: Runtime exited without providing a reason` },
          reset: true,
        };
      } else if (end === "fatal") {
        // A native recursion (JSON.stringify of a very deep value, …) can exhaust the host's stack
        // inside the engine before QuickJS's own stack check fires. Node would throw a RangeError;
        // here the runtime cannot continue, so it is reported as that error and the environment reset.
        const stack = this.hostError !== undefined && /Maximum call stack size exceeded|too much recursion/i.test(this.hostError);
        failure = {
          status: "error",
          payload: stack
            ? { errorType: "RangeError", errorMessage: "Maximum call stack size exceeded", trace: ["RangeError: Maximum call stack size exceeded"] }
            : { errorType: "Runtime.ExitError", errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: signal: aborted` },
          reset: true,
        };
      }
    }

    // QuickJS reports heap exhaustion as a catchable InternalError; Node would have been killed.
    const comp0 = this.completion as Completion | undefined;
    if (
      (!failure && comp0 && !comp0.ok && (isOutOfMemoryPayload(comp0.body) || this.phasePeakBytes > 0.85 * this.guestLimit)) ||
      (failure && failure.status === "error" && this.phasePeakBytes > 0.85 * this.guestLimit) ||
      (failure?.payload && failure.payload.errorType === "InternalError" && failure.payload.errorMessage === "out of memory")
    ) {
      oom = true;
      failure = { status: "error", payload: { errorType: "Runtime.OutOfMemory", errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: signal: killed` }, reset: true };
    }

    // Response body checks (RIC RAPIDClient; Lambda's payload limit).
    let payload: unknown = null;
    let status: "success" | "error" | "timeout" = "success";
    if (!failure && this.completion) {
      const comp: Completion = this.completion;
      const size = comp.sizeBytes ?? utf8Length(comp.body);
      if (comp.ok && size > MAX_RESPONSE_BYTES) {
        failure = {
          status: "error",
          payload: {
            errorType: "Function.ResponseSizeTooLarge",
            errorMessage: `Response payload size (${size} bytes) exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes).`,
          },
          reset: false,
        };
      } else {
        try {
          payload = JSON.parse(comp.body);
        } catch {
          payload = null;
        }
        if (!comp.ok) status = "error";
      }
    } else if (!failure) {
      failure = { status: "error", payload: { errorType: "Runtime.ExitError", errorMessage: `RequestId: ${requestId} Error: Runtime exited without providing a reason` }, reset: true };
    }
    if (failure) {
      status = failure.status;
      payload = failure.payload;
    }

    const durationMs = round2(Math.min(timeoutMs, suppressedMs + handlerMs) + (status === "timeout" ? 0 : INVOKE_OVERHEAD_MS));
    const cappedDuration = status === "timeout" ? round2(timeoutMs) : durationMs;
    const guest = Math.max(this.guestBytes(), this.phasePeakBytes);
    this.peakGuestBytes = Math.max(this.peakGuestBytes, guest);
    const memUsed = oom ? c.memoryMB : maxMemoryUsedMB(this.peakGuestBytes, c.memoryMB);
    const billed = billedDurationMs(cappedDuration, initDurationMs !== undefined && this.options.initializationType !== "provisioned-concurrency" ? initDurationMs : undefined);
    const errorType = status === "success" ? undefined : (payload as LambdaErrorPayload).errorType;

    this.requestId = undefined;
    if (this.cfg.logFormat === "Text") this.platform(formatEndLine(requestId));
    this.platform(
      formatReportLine({
        requestId,
        durationMs: cappedDuration,
        billedDurationMs: billed,
        memorySizeMB: c.memoryMB,
        maxMemoryUsedMB: memUsed,
        ...(initDurationMs !== undefined ? { initDurationMs } : {}),
        ...(status === "timeout" ? { status: "timeout" as const } : status === "error" ? { status: "error" as const, errorType } : {}),
      }),
      "platform.report",
      {
        requestId,
        metrics: {
          durationMs: cappedDuration,
          billedDurationMs: billed,
          memorySizeMB: c.memoryMB,
          maxMemoryUsedMB: memUsed,
          ...(initDurationMs !== undefined ? { initDurationMs } : {}),
        },
        status,
        ...(errorType ? { errorType } : {}),
      },
    );
    this.lastRequestId = requestId;
    this.lastEpochEnd = this.epoch();
    const reset = failure?.reset === true;
    if (reset) {
      this.disposeVm();
      this.state = "reset";
      this.peakGuestBytes = 0;
    }
    return {
      requestId,
      status,
      payload,
      ...(status === "success" ? {} : { functionError: "Unhandled" as const }),
      coldStart,
      durationMs: cappedDuration,
      billedDurationMs: billed,
      ...(initDurationMs !== undefined ? { initDurationMs } : {}),
      memorySizeMB: c.memoryMB,
      maxMemoryUsedMB: memUsed,
      logs: this.takeLogs(),
      environmentReset: reset,
      version: c.version,
    };
  }

  private lastRequestId: string | undefined;
  // The loop's stop conditions, made once (not a closure per invoke).
  private readonly invokeCompleted = () => this.pollCompletion();
  private readonly initCompleted = () => this.initResult !== undefined;

  /** Run leftover timers that fell due while the environment was frozen. */
  private async thaw(): Promise<LoopEnd | undefined> {
    const vm = this.vm;
    if (!vm) return "fatal";
    if (!this.timersLoaded) return undefined;
    this.requestId = this.lastRequestId;
    for (let i = 0; i < 10_000; i++) {
      const j = this.drainJobs();
      if (j) return j;
      const due = this.callGuest(vm.fns.nextDue);
      if (due.end) return due.end;
      const next = due.value ?? -1;
      if (next < 0 || next > this.mono()) return undefined;
      const ran = this.callGuest(vm.fns.runNext, this.mono());
      if (ran.end) return ran.end;
      if (this.crash) return "crash";
    }
    return undefined;
  }

  /** Completion rules 1–9 (LAMBDA.md §2): run until the guard completes; on an empty loop, ask the guest. */
  private async invokeLoop(): Promise<LoopEnd> {
    for (let rounds = 0; rounds < 1000; rounds++) {
      const end = await this.runLoop(this.invokeCompleted);
      if (end !== "drained") return end;
      const vm = this.vm;
      if (!vm) return "fatal";
      const d = this.callGuest(vm.fns.drained);
      if (d.end) return d.end;
      if (this.pollCompletion()) return "done";
      if (!d.value) {
        // The event loop is empty and nothing can complete the invoke any more.
        this.completion = { ok: true, body: "null" };
        return "done";
      }
    }
    return "done";
  }

  private assertUsable(): void {
    if (this.disposed) throw new EnvironmentStateError(`environment ${this.id} has been disposed`);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.disposeVm();
    this.tmp.clear();
  }

  [Symbol.dispose](): void {
    this.dispose();
  }
}

/** An X-Ray trace header as Lambda sets `_X_AMZN_TRACE_ID` when tracing is off (PassThrough, not sampled). */
function defaultTraceId(epochMs: number): string {
  return `Root=1-${Math.floor(epochMs / 1000).toString(16).padStart(8, "0")}-${quickHex(24)};Parent=${quickHex(16)};Sampled=0;Lineage=1:${quickHex(8)}:0`;
}

/**
 * Hex digits for ids that need to be unique, not secret: sliced from a pool of 8,192 random digits
 * refilled in one crypto call (a crypto call per id cost a tenth of a warm invoke, digits from
 * Math.random per id 3–4 %).
 */
function quickHex(digits: number): string {
  if (hexPool.length - hexAt < digits) {
    hexPool = randomHexDigits(HEX_POOL_DIGITS);
    hexAt = 0;
  }
  hexAt += digits;
  return hexPool.slice(hexAt - digits, hexAt);
}
const HEX_POOL_DIGITS = 8192;
let hexPool = "";
let hexAt = 0;
const BYTE_HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));
function randomHexDigits(n: number): string {
  const bytes = new Uint8Array(n / 2);
  globalThis.crypto.getRandomValues(bytes);
  let s = "";
  for (const b of bytes) s += BYTE_HEX[b];
  return s;
}

function isOutOfMemoryPayload(body: string): boolean {
  return body.length < 4096 && body.includes('"errorType":"InternalError"') && body.includes('"errorMessage":"out of memory"');
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Whether `p` settles within `ms` real milliseconds; the timer is always cleared (no dangling handle). */
function settledWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    const done = () => {
      clearTimeout(timer);
      resolve(true);
    };
    p.then(done, done);
  });
}

/**
 * Create one execution environment for a function. Nothing runs until the first `invoke` (or
 * `init()` for a provisioned environment). Throws {@link ConfigError} for a configuration the
 * Lambda API would refuse; everything the function itself does wrong comes back as data.
 *
 * @example
 * const env = await newEnvironment({ files: { "index.mjs": "export const handler = async (e) => e.n * 2" } });
 * const r = await env.invoke({ n: 21 });
 * r.payload; // 42
 * env.dispose();
 */
export async function newEnvironment(config: FunctionConfig, options: EnvironmentOptions = {}): Promise<ExecutionEnvironment> {
  const cfg = resolveFunctionConfig(config);
  await loadEngine();
  return new Environment(cfg, options);
}
