/**
 * The browser host: the tiny interface lesson components see (STYLE.md point 6).
 *
 * The engine runs in a module Web Worker (`simulator.worker.ts`). Every invoke carries a hard
 * deadline above the function's timeout; a worker past it (stuck where QuickJS's interrupt cannot
 * reach) is terminated, the invoke resolves with Lambda's `Sandbox.Timedout` result, and the next
 * invoke transparently starts a new worker (a cold start). Aborting an invoke through its `signal`
 * terminates the worker the same way and rejects with an `AbortError`.
 *
 * @example
 * ```ts
 * const sim = createBrowserSimulator();
 * sim.onLog((event) => console.log(event.message));
 * sim.configure({ files: { "index.mjs": "export const handler = async (e) => e.name" } });
 * const result = await sim.invoke({ name: "Ada" }); // result.payload === "Ada", cold start
 * await sim.invoke({ name: "Bo" }); // warm
 * await sim.reset(); // the next invoke is a cold start again
 * sim.dispose();
 * ```
 */
import type { FunctionConfig, InvokeResult, LogEvent } from "../../runtime/types";
import { EngineConnection, type HostCallHandler } from "../connection";
import type { EngineToHost, WireEnvironmentOptions, WorkerExit, WorkerFactory, WorkerLike } from "../protocol";
import { EngineSession, SessionClosedError, type HardStopOptions, type SessionInvokeOptions } from "../session";

export interface BrowserSimulatorOptions {
  /** Makes the engine worker. Default: a module Web Worker running `simulator.worker.ts`. */
  createWorker?: WorkerFactory;
  hardStop?: HardStopOptions;
  /** Environment options for every environment (clock mode, builtin modules, `hostCalls`). */
  environment?: WireEnvironmentOptions;
  /** Answers the guest's `__host.call(name, payload)` (e.g. a simulated AWS service). */
  hostCall?: HostCallHandler;
}

export interface SimulatorState {
  /** `idle`: nothing running; `running`: an invoke is in flight; `disposed`: unusable. */
  status: "idle" | "running" | "disposed";
  /** A function has been configured. */
  configured: boolean;
  /** The next invoke reuses a warm environment. */
  warm: boolean;
  /** Workers started so far (a hard stop or a cancel replaces the worker). */
  workersStarted: number;
}

/** `signal`: aborting terminates the worker running this invocation; it rejects with an `AbortError`. */
export type SimulatorInvokeOptions = SessionInvokeOptions;

export interface BrowserSimulator extends Disposable {
  /** Set the function (code and configuration). The next invoke is a cold start. */
  configure(fn: FunctionConfig): void;
  /** Invoke the configured function. Guest failures and hard stops are results, not throws. */
  invoke(event: unknown, options?: SimulatorInvokeOptions): Promise<InvokeResult>;
  /** Drop the warm environment: the next invoke is a cold start. */
  reset(): Promise<void>;
  /** Start the worker and load the engine now (e.g. when an editor appears). */
  warmUp(): Promise<void>;
  /** Terminate the worker. */
  dispose(): void;
  readonly state: SimulatorState;
  /** Log events as they arrive, tagged with the request id. Returns an unsubscribe function. */
  onLog(listener: (event: LogEvent, requestId: string) => void): () => void;
  /** State changes. Returns an unsubscribe function. */
  onState(listener: (state: SimulatorState) => void): () => void;
}

/** Wrap a browser `Worker` as the protocol's `WorkerLike`. */
export function fromBrowserWorker(worker: Worker): WorkerLike {
  let terminated = false;
  const exitListeners: ((exit: WorkerExit) => void)[] = [];
  const messageListeners: ((message: EngineToHost) => void)[] = [];
  worker.onmessage = (event: MessageEvent<EngineToHost>) => {
    for (const listener of messageListeners) listener(event.data);
  };
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    if (terminated) return;
    terminated = true;
    worker.terminate();
    for (const listener of exitListeners) listener({ kind: "crash", message: event.message || "Worker error", outOfMemory: false });
  };
  // A reply that cannot be deserialised would leave its request waiting for the hard stop.
  worker.onmessageerror = () => {
    if (terminated) return;
    terminated = true;
    worker.terminate();
    for (const listener of exitListeners) listener({ kind: "crash", message: "A message from the worker could not be deserialised", outOfMemory: false });
  };
  return {
    postMessage: (message) => worker.postMessage(message),
    terminate: () => {
      terminated = true;
      worker.terminate();
    },
    onMessage: (listener) => messageListeners.push(listener),
    onExit: (listener) => exitListeners.push(listener),
  };
}

function defaultWorkerFactory(): WorkerLike {
  return fromBrowserWorker(new Worker(new URL("./simulator.worker.ts", import.meta.url), { type: "module" }));
}

/** Create the simulator a lesson's `<Simulator>` talks to. */
export function createBrowserSimulator(options: BrowserSimulatorOptions = {}): BrowserSimulator {
  const createWorker = options.createWorker ?? defaultWorkerFactory;
  const logListeners = new Set<(event: LogEvent, requestId: string) => void>();
  const stateListeners = new Set<(state: SimulatorState) => void>();
  let connection: EngineConnection | undefined;
  let session: EngineSession | undefined;
  let running = 0;
  let workersStarted = 0;
  let disposed = false;

  const connect = (): EngineConnection => {
    if (!connection?.alive) {
      connection = new EngineConnection(createWorker());
      workersStarted++;
    }
    return connection;
  };

  const state = (): SimulatorState => ({
    status: disposed ? "disposed" : running > 0 ? "running" : "idle",
    configured: session !== undefined,
    warm: session?.warm ?? false,
    workersStarted,
  });
  const emitState = () => {
    const snapshot = state();
    for (const listener of stateListeners) listener(snapshot);
  };
  const assertUsable = () => {
    if (disposed) throw new SessionClosedError("The simulator was disposed");
  };

  return {
    configure(fn) {
      assertUsable();
      const previous = session;
      session = new EngineSession(
        fn,
        {
          connect,
          onLog: (event, requestId) => {
            for (const listener of logListeners) listener(event, requestId);
          },
          hostCall: options.hostCall,
        },
        options.environment,
        options.hardStop,
      );
      // The old environment goes once any invoke still using it has finished (requests are queued).
      void previous?.dispose().catch(() => {});
      emitState();
    },

    async invoke(event, invokeOptions = {}) {
      assertUsable();
      const current = session;
      if (!current) throw new Error("configure(fn) must be called before invoke()");
      running++;
      emitState();
      try {
        return await current.invoke(event, invokeOptions);
      } finally {
        running--;
        emitState();
      }
    },

    async reset() {
      assertUsable();
      await session?.resetEnvironment();
      emitState();
    },

    async warmUp() {
      assertUsable();
      const outcome = await connect().request<"preload">({ type: "preload" });
      if (!outcome.ok && "error" in outcome) throw new Error(`The engine failed to load: ${outcome.error.message}`);
    },

    dispose() {
      if (disposed) return;
      disposed = true;
      connection?.close();
      connection = undefined;
      emitState();
    },

    [Symbol.dispose]() {
      this.dispose();
    },

    get state() {
      return state();
    },

    onLog(listener) {
      logListeners.add(listener);
      return () => logListeners.delete(listener);
    },

    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
  };
}
