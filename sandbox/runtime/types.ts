/**
 * The contract of the runtime layer: what one execution environment takes and returns.
 *
 * Hosts (browser worker, Node worker pool, CLI) and the service layer build on these types only,
 * so they are kept small and serialisable (everything crosses a `postMessage` boundary).
 */

/** Managed Node.js runtimes the simulator knows. nodejs22.x is the default (LAMBDA.md §0). */
export type NodeRuntime = "nodejs18.x" | "nodejs20.x" | "nodejs22.x" | "nodejs24.x";

export type Architecture = "x86_64" | "arm64";

export type LogFormat = "Text" | "JSON";

export type LogLevel = "TRACE" | "DEBUG" | "INFO" | "WARN" | "ERROR" | "FATAL";

/** A function's source: file path under /var/task → file text. */
export type SourceFiles = Record<string, string>;

/** A layer: file path under /opt (e.g. "nodejs/node_modules/lib/index.js") → file text. */
export interface LayerSource {
  name: string;
  files: SourceFiles;
}

/** Everything one function's execution environment needs. All but `files` have Lambda's defaults. */
export interface FunctionConfig {
  functionName?: string; // default "my-function"
  /** Lambda's handler setting, "file.export" (default "index.handler"). */
  handler?: string;
  runtime?: NodeRuntime; // default "nodejs22.x"
  architecture?: Architecture; // default "x86_64"
  memoryMB?: number; // 128–10,240, default 128
  timeoutSeconds?: number; // 1–900, default 3
  ephemeralStorageMB?: number; // 512–10,240, default 512
  environment?: Record<string, string>; // user variables, 4 KB in total
  region?: string; // default "us-east-1"
  accountId?: string; // default "123456789012"
  version?: string; // default "$LATEST"
  logFormat?: LogFormat; // default "Text"
  applicationLogLevel?: LogLevel;
  files: SourceFiles;
  layers?: LayerSource[];
}

/** How time passes inside the environment. */
export type ClockMode =
  /** Deterministic: CPU time from the engine's work counter, waits are virtual (default). */
  | "virtual"
  /** Real: CPU time measured with the host clock, timers really wait. */
  | "real";

export interface InvokeOptions {
  /** Request id; a fresh UUID when omitted. */
  requestId?: string;
  /** Virtual epoch milliseconds at which the invoke starts (for log timestamps); defaults to now. */
  startTime?: number;
  /** ARN the caller used (may carry an alias qualifier). */
  invokedFunctionArn?: string;
  clientContext?: unknown;
  identity?: { cognitoIdentityId: string; cognitoIdentityPoolId: string };
  traceId?: string;
}

/** A log line as CloudWatch would store it: one event per console call or platform line. */
export interface LogEvent {
  /** Virtual epoch milliseconds. */
  timestamp: number;
  /** The text CloudWatch shows (a JSON document when the log format is JSON). */
  message: string;
  /** Which kind of line this is, so a UI can highlight START/END/REPORT. */
  kind: "platform" | "app";
  level?: LogLevel;
}

/** Lambda's error payload (RIC Errors.toRapidResponse), as a synchronous caller sees it. */
export interface LambdaErrorPayload {
  errorType: string;
  errorMessage: string;
  trace?: string[];
}

export type InvokeStatus = "success" | "error" | "timeout";

/** What one invocation reports. Guest failures are data here, never thrown into the host. */
export interface InvokeResult {
  requestId: string;
  status: InvokeStatus;
  /** Response payload (JSON value) on success; Lambda's error payload on failure. */
  payload: unknown;
  /** `"Unhandled"` when the function errored (X-Amz-Function-Error). */
  functionError?: "Unhandled";
  coldStart: boolean;
  /** Milliseconds, two decimals as on the REPORT line. */
  durationMs: number;
  billedDurationMs: number;
  initDurationMs?: number;
  memorySizeMB: number;
  maxMemoryUsedMB: number;
  /** Every log event of this invocation, INIT_START/START … REPORT included. */
  logs: LogEvent[];
  /** The environment was reset after this invoke (timeout, crash, out of memory). */
  environmentReset: boolean;
  version: string;
}

/** Options for creating an environment (not part of the function's configuration). */
export interface EnvironmentOptions {
  clock?: ClockMode; // default "virtual"
  /** The log stream (`AWS_LAMBDA_LOG_STREAM_NAME`, `context.logStreamName`); default `YYYY/MM/DD/[version]` + 32 random hex digits. */
  logStreamName?: string;
  /** Initialisation type reported to the function (AWS_LAMBDA_INITIALIZATION_TYPE). */
  initializationType?: "on-demand" | "provisioned-concurrency";
  /**
   * Modules the host provides to `require`/`import` by name, besides the function's files and
   * layers (the simulated AWS SDK of the service layer). Each is guest JavaScript source evaluated
   * as a CommonJS module; it may call `__host.call(name, payload)` which returns a promise settled
   * by `hostCall` below.
   */
  builtinModules?: Record<string, string>;
  /**
   * Host side of `__host.call`: an async call out of the sandbox (e.g. to a simulated DynamoDB).
   * Resolve with a value, or with `hostReply(value, latencyMs)` for a call that takes virtual time;
   * throw to reject (an error's `latencyMs` delays the rejection, its `fields` are copied onto the
   * guest's Error).
   */
  hostCall?: (name: string, payload: unknown, info: HostCallInfo) => Promise<unknown>;
}

/** Where a host call happens, for hosts that order effects in virtual time. */
export interface HostCallInfo {
  /** Milliseconds since the invoke (or init) phase began: CPU time and waits, as Duration counts them. */
  elapsedMs: number;
  /**
   * Milliseconds since the request began (or the ahead-of-time init, for provisioned environments):
   * `elapsedMs` plus the Init Duration of a cold start and any suppressed init before this phase —
   * where a simulated service places the call's effects in time.
   */
  offsetMs: number;
  phase: "init" | "invoke";
  /** The invocation's request id (absent during init). */
  requestId?: string;
}

/** A host call's answer that takes `latencyMs` of the function's time before the guest sees it. */
export interface HostReply {
  __hostReply: true;
  value: unknown;
  latencyMs: number;
}

/** Answer a host call after `latencyMs` (virtual ms on the virtual clock, real ms on the real one). */
export function hostReply(value: unknown, latencyMs: number): HostReply {
  return { __hostReply: true, value, latencyMs: Math.max(0, Number.isFinite(latencyMs) ? latencyMs : 0) };
}

export function isHostReply(v: unknown): v is HostReply {
  return typeof v === "object" && v !== null && (v as { __hostReply?: unknown }).__hostReply === true;
}

/**
 * One execution environment: one QuickJS runtime + context, initialised once, reused while warm.
 * Owns engine memory: call `dispose()` (or use `using`).
 */
export interface ExecutionEnvironment extends Disposable {
  readonly id: string;
  /** True until the first successful init. */
  readonly cold: boolean;
  /** Run the init phase ahead of a request (provisioned concurrency). Guest failures are data. */
  /** `startTime`: epoch ms of the INIT_START line (a simulator's virtual time; default now). */
  init(options?: { startTime?: number }): Promise<{ ok: boolean; initDurationMs: number; logs: LogEvent[] }>;
  invoke(event: unknown, options?: InvokeOptions): Promise<InvokeResult>;
  dispose(): void;
}
