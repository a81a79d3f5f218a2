/**
 * One function's execution environment living in a worker, seen from the host: the part the Node
 * pool's sessions and the browser simulator share.
 *
 * The environment is created lazily on the first request. Each invoke is sent with a hard
 * wall-clock deadline above the function's timeout; if the worker has to be terminated (or crashes)
 * the invoke still returns a Lambda-shaped result, the environment is gone (the next invoke is a
 * cold start on a new worker), and nothing is thrown. Only host misuse throws.
 */
import type { FunctionConfig, InvokeOptions, InvokeResult, LogEvent } from "../runtime/types";
import type { EngineConnection, HostCallHandler, RequestOutcome, WorkerLost } from "./connection";
import { MAX_SYNC_PAYLOAD_BYTES, RequestTooLargeError, utf8Length } from "../runtime/config";
import { lostInvocationResult, newRequestId } from "./failure";
import type { ReplyValues, WireEnvironmentOptions, WireError } from "./protocol";

/**
 * How far past Lambda's own limits the host lets a worker run before terminating it. An invoke's
 * hard stop sits above the wall-clock caps the environment applies itself (`realTimeCapMs` in
 * runtime/environment.ts: a virtual-clock phase may run max(2 × limit, limit + 1 s) of real time):
 * `cap(timeout) + marginMs`, plus `cap(initAllowanceMs)` while the environment has not initialised
 * yet. So the hard stop never pre-empts the engine's own, faithful timeout on a busy machine; it
 * only catches what the engine cannot interrupt (a single long native call, a crashed worker).
 */
export interface HardStopOptions {
  /** Added to every deadline (ms). Default 1,000. */
  marginMs?: number;
  /**
   * The init phase's limit (ms) allowed for on an invoke that starts cold. Default 10,000: Lambda's
   * init limit (DG `lambda-runtime-environment`), which the engine enforces itself.
   */
  initAllowanceMs?: number;
}

export const DEFAULT_HARD_STOP: Required<HardStopOptions> = { marginMs: 1_000, initAllowanceMs: 10_000 };

/**
 * The engine's real-time cap of a virtual-clock phase, max(2 × limit, limit + 1 s). The same
 * formula as `realTimeCapMs` in runtime/environment.ts (a test keeps them equal), repeated here so
 * the browser client does not import the runtime.
 */
export function engineRealTimeCapMs(limitMs: number): number {
  return Math.max(limitMs * 2, limitMs + 1000);
}

/** The hard stop of one invoke (ms of wall-clock time). */
export function hardStopMs(config: FunctionConfig, cold: boolean, options: HardStopOptions = {}): number {
  const { marginMs, initAllowanceMs } = { ...DEFAULT_HARD_STOP, ...options };
  const timeoutMs = (config.timeoutSeconds ?? 3) * 1000;
  const initMs = cold && initAllowanceMs > 0 ? engineRealTimeCapMs(initAllowanceMs) : 0;
  return engineRealTimeCapMs(timeoutMs) + initMs + marginMs;
}

/** The engine threw instead of answering: host misuse (a bad config) or a bug, never guest code. */
export class SandboxHostError extends Error {
  override name = "SandboxHostError";
  constructor(
    message: string,
    /** The engine-side error's name, e.g. "UnknownEnvironmentError". */
    readonly engineErrorName: string,
  ) {
    super(message);
  }
}

/** The session or simulator was disposed, or the call was aborted, while a request was running. */
export class SessionClosedError extends Error {
  override name = "AbortError";
}

export interface SessionInvokeOptions extends InvokeOptions {
  /** Overrides the computed hard deadline (ms of wall-clock time). */
  hardStopMs?: number;
  /**
   * Aborting terminates the worker if this invocation is running (the environment is lost, the
   * next invoke is a cold start) and rejects with an `AbortError`; an invocation still waiting for
   * its turn is dropped without touching the one running.
   */
  signal?: AbortSignal;
}

export interface SessionHooks {
  /** A live connection: the current one, or a new worker if it was lost. */
  connect(): EngineConnection;
  /** Log events of each invocation, in order, as they become available. */
  onLog?: (event: LogEvent, requestId: string) => void;
  /**
   * Answers the guest's `__host.call(name, payload)` (e.g. a simulated AWS service). Setting it
   * turns on `hostCalls` for this session's environments.
   */
  hostCall?: HostCallHandler;
}

let nextEnvSerial = 1;

export class EngineSession {
  private connection: EngineConnection | undefined;
  private envId: string | undefined;
  /** An init has completed in the current environment (so a hang now is the handler's). */
  private initialised = false;
  private closed = false;
  private readonly hardStop: Required<HardStopOptions>;

  constructor(
    readonly config: FunctionConfig,
    private readonly hooks: SessionHooks,
    private readonly environmentOptions: WireEnvironmentOptions = {},
    hardStop: HardStopOptions = {},
  ) {
    this.hardStop = { ...DEFAULT_HARD_STOP, ...hardStop };
  }

  /** True while an environment exists in a live worker (the next invoke is warm). */
  get warm(): boolean {
    return this.envId !== undefined && this.initialised && (this.connection?.alive ?? false);
  }

  /**
   * Run one invocation. Guest failures, timeouts and worker deaths all come back as results.
   * Throws `RequestTooLargeError` (Lambda's 413) for an event over 6 MB, as the runtime does, but
   * before the event crosses into the worker: one huge allocation past a worker's heap limit
   * aborts the whole process in V8, not just the worker.
   */
  invoke(event: unknown, options: SessionInvokeOptions = {}): Promise<InvokeResult> {
    // One invocation at a time per environment, as on Lambda: concurrent calls wait their turn.
    const run = this.turn.then(() => this.invokeNow(event, options));
    this.turn = run.catch(() => {});
    return run;
  }

  private turn: Promise<unknown> = Promise.resolve();

  private async invokeNow(event: unknown, options: SessionInvokeOptions): Promise<InvokeResult> {
    const { signal, ...rest } = options;
    if (signal?.aborted) throw new SessionClosedError("The invocation was aborted");
    // From here on this invocation owns the worker: aborting closes it.
    let connection: EngineConnection | undefined;
    let aborted = false;
    const onAbort = () => {
      aborted = true;
      connection?.close();
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    this.running = onAbort;
    try {
      return await this.invokeOwned(event, rest, (c) => {
        connection = c;
        if (aborted) c.close();
      });
    } finally {
      this.running = undefined;
      signal?.removeEventListener("abort", onAbort);
    }
  }

  /** Aborts the invocation in progress, if any. */
  private running: (() => void) | undefined;

  private async invokeOwned(
    event: unknown,
    options: SessionInvokeOptions,
    using: (connection: EngineConnection) => void,
  ): Promise<InvokeResult> {
    this.assertOpen();
    const eventJson = event === undefined ? "{}" : JSON.stringify(event);
    if (eventJson === undefined) throw new TypeError("invoke: the event must be JSON-serialisable");
    // A UTF-16 code unit is at most 3 UTF-8 bytes, so short events need no byte count.
    if (eventJson.length * 3 > MAX_SYNC_PAYLOAD_BYTES) {
      const size = utf8Length(eventJson);
      if (size > MAX_SYNC_PAYLOAD_BYTES) throw new RequestTooLargeError(size);
    }
    const { hardStopMs: hardStopOverride, ...invokeOptions } = options;
    const requestId = invokeOptions.requestId ?? newRequestId();
    const startTime = invokeOptions.startTime ?? Date.now();
    const coldStart = !this.initialised;

    const created = await this.ensureEnvironment(using);
    if (!created.ok) return this.settleLost(created.lost, requestId, startTime, coldStart);

    const deadlineMs = hardStopOverride ?? hardStopMs(this.config, !this.initialised, this.hardStop);
    let streamed = 0;
    const outcome = await created.connection.request<"invoke">(
      { type: "invoke", envId: created.envId, event, options: { ...invokeOptions, requestId, startTime } },
      {
        deadlineMs,
        onLog: (log) => {
          streamed++;
          this.hooks.onLog?.(log, requestId);
        },
      },
    );
    if (outcome.ok) {
      this.initialised = true;
      for (const log of outcome.value.logs.slice(streamed)) this.hooks.onLog?.(log, requestId);
      return outcome.value;
    }
    if ("error" in outcome) throw hostError(outcome.error);
    return this.settleLost(outcome.lost, requestId, startTime, coldStart);
  }

  /** Run the init phase ahead of a request (provisioned concurrency). */
  async init(): Promise<ReplyValues["init"]> {
    this.assertOpen();
    const created = await this.ensureEnvironment();
    if (!created.ok) {
      this.forget();
      throw this.closed ? new SessionClosedError("Session closed during init") : new SandboxHostError(describeLost(created.lost), "WorkerLost");
    }
    const outcome = await created.connection.request<"init">(
      { type: "init", envId: created.envId },
      { deadlineMs: this.hardStop.initAllowanceMs + this.hardStop.marginMs },
    );
    if (outcome.ok) {
      this.initialised = outcome.value.ok;
      return outcome.value;
    }
    if ("error" in outcome) throw hostError(outcome.error);
    this.forget();
    if (outcome.lost.reason === "closed") throw new SessionClosedError("Session closed during init");
    return { ok: false, initDurationMs: outcome.lost.elapsedMs, logs: [] };
  }

  /** Drop the environment (the next invoke is a cold start); the worker stays. */
  async resetEnvironment(): Promise<void> {
    const { connection, envId } = this;
    this.forget();
    if (envId !== undefined) connection?.unrouteHostCalls(envId);
    if (connection?.alive && envId !== undefined) {
      await connection.request<"dispose">({ type: "dispose", envId }, { deadlineMs: this.hardStop.marginMs });
    }
  }

  /**
   * Dispose the environment; the session cannot be used afterwards. An invocation still running is
   * aborted (its worker terminated, the invoke rejects with an `AbortError`), so a pool never hands
   * a worker that is busy with someone else's run to the next session; invocations still waiting
   * for their turn reject too.
   */
  async dispose(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.running?.();
    await this.turn;
    await this.resetEnvironment();
  }

  private assertOpen(): void {
    if (this.closed) throw new SessionClosedError("This session was disposed");
  }

  private forget(): void {
    this.envId = undefined;
    this.connection = undefined;
    this.initialised = false;
  }

  private async ensureEnvironment(
    using: (connection: EngineConnection) => void = () => {},
  ): Promise<{ ok: true; connection: EngineConnection; envId: string } | { ok: false; lost: WorkerLost }> {
    if (this.connection?.alive && this.envId !== undefined) {
      using(this.connection);
      return { ok: true, connection: this.connection, envId: this.envId };
    }
    this.forget();
    const connection = this.hooks.connect();
    using(connection);
    const envId = `env-${nextEnvSerial++}`;
    const { hostCall } = this.hooks;
    if (hostCall) connection.routeHostCalls(envId, hostCall);
    const options: WireEnvironmentOptions = hostCall ? { ...this.environmentOptions, hostCalls: true } : this.environmentOptions;
    const outcome: RequestOutcome<ReplyValues["create"]> = await connection.request<"create">(
      { type: "create", envId, config: this.config, options },
      { deadlineMs: this.hardStop.initAllowanceMs + this.hardStop.marginMs },
    );
    if (outcome.ok) {
      this.connection = connection;
      this.envId = envId;
      return { ok: true, connection, envId };
    }
    if ("error" in outcome) throw hostError(outcome.error);
    return { ok: false, lost: outcome.lost };
  }

  private settleLost(lost: WorkerLost, requestId: string, startTime: number, coldStart: boolean): InvokeResult {
    this.forget();
    if (lost.reason === "closed") throw new SessionClosedError(`Invocation ${requestId} was cancelled`);
    const result = lostInvocationResult({ config: this.config, requestId, startTime, coldStart, lost });
    for (const log of result.logs) this.hooks.onLog?.(log, requestId);
    return result;
  }
}

function hostError(error: WireError): SandboxHostError {
  return new SandboxHostError(error.message, error.name);
}

function describeLost(lost: WorkerLost): string {
  switch (lost.reason) {
    case "deadline":
      return `The worker was stopped after ${Math.round(lost.elapsedMs)} ms`;
    case "crash":
      return `The worker crashed: ${lost.message}`;
    case "exit":
      return `The worker exited with code ${lost.code}`;
    case "closed":
      return "The worker was closed";
  }
}
