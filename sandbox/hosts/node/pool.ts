/**
 * The Node host: a pool of `worker_threads` workers that run execution environments with hard
 * limits, for server-side grading and the CLI.
 *
 * - Each worker is a child process (default) or a `worker_threads` worker, with V8 heap limits
 *   (`resourceLimits`); QuickJS's own memory limit (per environment) is enforced by the engine
 *   inside it.
 * - A session leases one worker exclusively for its lifetime, so a hostile submission can only
 *   ever take down its own worker, never another caller's run.
 * - Every invoke has a wall-clock hard stop above the function's timeout (timeout + margin, plus
 *   Lambda's init allowance while the environment is cold). A worker past it — stuck in a native
 *   call the engine cannot interrupt — is terminated and replaced, and the caller gets
 *   `Sandbox.Timedout` as data. A worker that crashes or exhausts its heap gives
 *   `Runtime.ExitError` / `Runtime.OutOfMemory` the same way.
 *
 * @example
 * ```ts
 * await using pool = createNodePool({ size: 2 });
 * // Grading: one fresh environment per submission, events run in order in it.
 * const results = await pool.run({ files: { "index.js": source } }, [event1, event2]);
 * // CLI --times N: one warm environment reused.
 * await using session = await pool.newSession({ files, handler: "app.handler" });
 * for (let i = 0; i < 3; i++) console.log((await session.invoke({})).payload);
 * ```
 */
import { fork, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker, type ResourceLimits } from "node:worker_threads";
import type { FunctionConfig, InvokeResult, LogEvent } from "../../runtime/types";
import { EngineConnection, type ConnectionHandlers, type HostCallHandler } from "../connection";
import type { ReplyValues, WireEnvironmentOptions, WorkerLike } from "../protocol";
import { EngineSession, SessionClosedError, type HardStopOptions, type SessionInvokeOptions } from "../session";

export interface NodePoolOptions {
  /** Number of workers. Default: `os.availableParallelism()`, between 1 and 8. */
  size?: number;
  /**
   * What a worker is. `"process"` (default): a child process (`child_process.fork`); even a V8
   * fatal error inside it cannot take the host down. `"thread"`: a `worker_threads` worker with
   * `resourceLimits`, ~0.4 s faster to start and ~0.08 ms faster per invoke — but V8 aborts the
   * whole process, host included, when one allocation overshoots a worker thread's heap limit.
   * Guest code could provoke that until the runtime bounded what it copies to the host (see
   * README.md); processes keep the host safe should such a copy ever come back.
   */
  isolation?: "thread" | "process";
  /** V8 limits of each worker. Default: 256 MB old generation, 32 MB young, 4 MB stack. */
  resourceLimits?: ResourceLimits;
  /** Hard-stop margins (see `HardStopOptions`). */
  hardStop?: HardStopOptions;
  /** Replace a worker after it has served this many sessions (bounds leaks). Default 200. */
  maxSessionsPerWorker?: number;
  /** A worker that has not started serving after this long counts as crashed. Default 30,000 ms. */
  startupTimeoutMs?: number;
  /**
   * The worker entry (threads only). Default: `worker-bootstrap.mjs` (tsx + `worker.ts`) when this
   * module runs as TypeScript, else `worker.js` beside the compiled pool.
   */
  workerUrl?: URL;
  /** Passed to a thread worker as `workerData` (the bootstrap reads `entry` from it). */
  workerData?: unknown;
  /** Answers `__host.call` from guests of sessions that enable `hostCalls`. */
  hostCall?: ConnectionHandlers["hostCall"];
}

export interface SessionOptions {
  /** Environment options (clock, builtin modules, …) as they cross to the worker. */
  environment?: WireEnvironmentOptions;
  /** Every log event of every invocation, in order (the CLI streams these to stderr). */
  onLog?: (event: LogEvent, requestId: string) => void;
  /** Answers this session's `__host.call(name, payload)` (overrides the pool's `hostCall`). */
  hostCall?: HostCallHandler;
  /**
   * `run()` only: aborts the whole run (e.g. a grading budget, `AbortSignal.timeout(ms)`): the
   * running invocation's worker is terminated and `run()` rejects with an `AbortError`.
   */
  signal?: AbortSignal;
}

/** One execution environment on one leased worker. Dispose it to return the worker. */
export interface PoolSession extends AsyncDisposable {
  /** Invoke; guest failures, timeouts and worker deaths are results, never throws. */
  invoke(event: unknown, options?: SessionInvokeOptions): Promise<InvokeResult>;
  /** Run the init phase ahead of the first request. */
  init(): Promise<ReplyValues["init"]>;
  /** True when the next invoke will be warm. */
  readonly warm: boolean;
  dispose(): Promise<void>;
}

export interface NodePool extends AsyncDisposable {
  readonly size: number;
  /** One fresh environment; `events` run in order in it (the first cold, the rest warm). */
  run(config: FunctionConfig, events: readonly unknown[], options?: SessionOptions): Promise<InvokeResult[]>;
  /** Lease a worker and make a session on it (waits while every worker is leased). */
  newSession(config: FunctionConfig, options?: SessionOptions): Promise<PoolSession>;
  /** Start every worker and load the engine in it now, rather than on first use. */
  warmUp(): Promise<void>;
  /** Counters, for tests and monitoring. */
  stats(): NodePoolStats;
  /** Terminate every worker; pending leases reject. */
  dispose(): Promise<void>;
}

export interface NodePoolStats {
  /** Workers started so far (replacements included). */
  workersStarted: number;
  /** Workers that were terminated at a hard stop or crashed. */
  workersLost: number;
  /** Sessions waiting for a worker. */
  waiting: number;
  leased: number;
}

const DEFAULT_RESOURCE_LIMITS: ResourceLimits = {
  maxOldGenerationSizeMb: 256,
  maxYoungGenerationSizeMb: 32,
  stackSizeMb: 4,
};

/** The worker entry for how this module is being run (TypeScript under tsx, or compiled JS). */
export function defaultWorkerUrl(): URL {
  return import.meta.url.endsWith(".ts")
    ? new URL(/*turbopackIgnore: true*/ "./worker-bootstrap.mjs", import.meta.url)
    : new URL(/*turbopackIgnore: true*/ "./worker.js", import.meta.url);
}

/** Wrap a child process (forked with an IPC channel) as the protocol's `WorkerLike`. */
export function fromChildProcess(child: ChildProcess): WorkerLike {
  let terminated = false;
  let reported = false;
  let stderrTail = "";
  const exitListeners: Parameters<WorkerLike["onExit"]>[0][] = [];
  const report = (exit: Parameters<Parameters<WorkerLike["onExit"]>[0]>[0]) => {
    if (terminated || reported) return;
    reported = true;
    for (const listener of exitListeners) listener(exit);
  };
  // Only the tail is kept: enough to recognise V8's fatal out-of-memory report.
  child.stderr?.on("data", (chunk: Buffer) => {
    stderrTail = (stderrTail + chunk.toString()).slice(-8192);
  });
  child.on("error", (error) => report({ kind: "crash", message: error.message, outOfMemory: false }));
  // "close" comes after stderr has been read to the end.
  child.on("close", (code, signal) => {
    if (/JavaScript heap out of memory|Reached heap limit/.test(stderrTail)) {
      report({ kind: "crash", message: "JavaScript heap out of memory", outOfMemory: true });
    } else if (signal) {
      report({ kind: "crash", message: `signal: ${signal}`, outOfMemory: false });
    } else {
      report({ kind: "exit", code: code ?? 0 });
    }
  });
  return {
    postMessage: (message) => {
      if (child.connected) child.send(message);
    },
    terminate: () => {
      terminated = true;
      child.kill("SIGKILL");
    },
    onMessage: (listener) => child.on("message", (message) => listener(message as Parameters<typeof listener>[0])),
    onExit: (listener) => exitListeners.push(listener),
  };
}

/** Fork a child process serving the engine (`process-entry.ts`, through tsx in development). */
function forkEngineProcess(resourceLimits: ResourceLimits): ChildProcess {
  const typescript = import.meta.url.endsWith(".ts");
  // turbopackIgnore: a bundler must not treat the entry as a module to bundle (Turbopack would
  // otherwise trace the whole project as possible fork targets); it runs from the sources.
  const entry = fileURLToPath(new URL(/*turbopackIgnore: true*/ typescript ? "./process-entry.ts" : "./process-entry.js", import.meta.url));
  const execArgv: string[] = [];
  if (resourceLimits.maxOldGenerationSizeMb) execArgv.push(`--max-old-space-size=${resourceLimits.maxOldGenerationSizeMb}`);
  if (resourceLimits.maxYoungGenerationSizeMb) execArgv.push(`--max-semi-space-size=${Math.max(1, Math.floor(resourceLimits.maxYoungGenerationSizeMb / 3))}`);
  if (typescript) execArgv.push("--import", pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href);
  return fork(/*turbopackIgnore: true*/ entry, [], { execArgv, serialization: "advanced", stdio: ["ignore", "ignore", "pipe", "ipc"] });
}

/** Wrap a `worker_threads` worker as the protocol's `WorkerLike`. */
export function fromNodeWorker(worker: Worker): WorkerLike {
  let terminated = false;
  let reported = false;
  const exitListeners: Parameters<WorkerLike["onExit"]>[0][] = [];
  const report = (exit: Parameters<Parameters<WorkerLike["onExit"]>[0]>[0]) => {
    if (terminated || reported) return;
    reported = true;
    for (const listener of exitListeners) listener(exit);
  };
  worker.on("error", (error: Error & { code?: string }) => {
    report({ kind: "crash", message: error.message, outOfMemory: error.code === "ERR_WORKER_OUT_OF_MEMORY" });
  });
  worker.on("exit", (code) => report({ kind: "exit", code }));
  // A reply that cannot be deserialised would leave its request waiting for the hard stop.
  worker.on("messageerror", (error) => {
    report({ kind: "crash", message: `A message from the worker could not be deserialised: ${error.message}`, outOfMemory: false });
    terminated = true;
    void worker.terminate();
  });
  return {
    postMessage: (message) => worker.postMessage(message),
    terminate: () => {
      terminated = true;
      void worker.terminate();
    },
    onMessage: (listener) => worker.on("message", listener),
    onExit: (listener) => exitListeners.push(listener),
  };
}

class Slot {
  connection: EngineConnection | undefined;
  leased = false;
  sessionsServed = 0;

  constructor(private readonly spawn: () => EngineConnection) {}

  connect(): EngineConnection {
    if (!this.connection?.alive) this.connection = this.spawn();
    return this.connection;
  }
}

/**
 * Create a pool. Workers start lazily (or all at once with `warmUp()`).
 *
 * In development and tests the worker runs TypeScript through tsx (see `worker-bootstrap.mjs`).
 * In production, compile `sandbox/hosts/**` and `sandbox/runtime/**` to JavaScript (any bundler or
 * `tsc`) so that `worker.js` sits beside `pool.js`, or pass `workerUrl` explicitly.
 */
export function createNodePool(options: NodePoolOptions = {}): NodePool {
  const size = Math.max(1, Math.floor(options.size ?? Math.min(8, Math.max(1, availableParallelism()))));
  const resourceLimits = { ...DEFAULT_RESOURCE_LIMITS, ...options.resourceLimits };
  const workerUrl = options.workerUrl ?? defaultWorkerUrl();
  const maxSessionsPerWorker = options.maxSessionsPerWorker ?? 200;
  const stats: NodePoolStats = { workersStarted: 0, workersLost: 0, waiting: 0, leased: 0 };
  const waiters: { resolve(slot: Slot): void; reject(error: Error): void }[] = [];
  let disposed = false;

  const isolation = options.isolation ?? "process";
  const spawn = (): EngineConnection => {
    const worker =
      isolation === "process"
        ? fromChildProcess(forkEngineProcess(resourceLimits))
        : fromNodeWorker(new Worker(/*turbopackIgnore: true*/ workerUrl, { resourceLimits, workerData: options.workerData }));
    stats.workersStarted++;
    const connection = new EngineConnection(worker, { hostCall: options.hostCall, startupTimeoutMs: options.startupTimeoutMs });
    connection.onLost((lost) => {
      if (lost.reason !== "closed") stats.workersLost++;
    });
    return connection;
  };
  const slots = Array.from({ length: size }, () => new Slot(spawn));

  function acquire(): Promise<Slot> {
    if (disposed) return Promise.reject(new SessionClosedError("The pool was disposed"));
    const free = slots.find((slot) => !slot.leased);
    if (free) {
      free.leased = true;
      stats.leased++;
      return Promise.resolve(free);
    }
    stats.waiting++;
    return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
  }

  function release(slot: Slot): void {
    slot.sessionsServed++;
    if (slot.sessionsServed >= maxSessionsPerWorker) {
      slot.connection?.close();
      // Start the replacement now, not on the next lease: a worker's start (engine and sources
      // loaded) costs 1–2 s, which the next session would otherwise wait for.
      slot.connection = disposed ? undefined : spawn();
      slot.sessionsServed = 0;
    }
    const waiter = waiters.shift();
    if (waiter && !disposed) {
      stats.waiting--;
      waiter.resolve(slot);
      return;
    }
    slot.leased = false;
    stats.leased--;
  }

  async function newSession(config: FunctionConfig, sessionOptions: SessionOptions = {}): Promise<PoolSession> {
    const slot = await acquire();
    const session = new EngineSession(
      config,
      { connect: () => slot.connect(), onLog: sessionOptions.onLog, hostCall: sessionOptions.hostCall },
      sessionOptions.environment,
      options.hardStop,
    );
    let released = false;
    const dispose = async () => {
      if (released) return;
      released = true;
      try {
        await session.dispose();
      } finally {
        release(slot);
      }
    };
    return {
      invoke: (event, invokeOptions) => session.invoke(event, invokeOptions),
      init: () => session.init(),
      get warm() {
        return session.warm;
      },
      dispose,
      [Symbol.asyncDispose]: dispose,
    };
  }

  async function run(config: FunctionConfig, events: readonly unknown[], sessionOptions?: SessionOptions) {
    const session = await newSession(config, sessionOptions);
    try {
      const results: InvokeResult[] = [];
      for (const event of events) results.push(await session.invoke(event, { signal: sessionOptions?.signal }));
      return results;
    } finally {
      await session.dispose();
    }
  }

  async function warmUp(): Promise<void> {
    await Promise.all(
      slots.map(async (slot) => {
        const outcome = await slot.connect().request<"preload">({ type: "preload" });
        if (!outcome.ok && "error" in outcome) throw new Error(`Worker failed to load the engine: ${outcome.error.message}`);
      }),
    );
  }

  async function dispose(): Promise<void> {
    if (disposed) return;
    disposed = true;
    for (const waiter of waiters.splice(0)) waiter.reject(new SessionClosedError("The pool was disposed"));
    stats.waiting = 0;
    for (const slot of slots) slot.connection?.close();
  }

  return {
    size,
    run,
    newSession,
    warmUp,
    stats: () => ({ ...stats }),
    dispose,
    [Symbol.asyncDispose]: dispose,
  };
}
