/**
 * The message protocol between a host (a page, the Node worker pool, the CLI) and the engine that
 * runs inside a worker (a browser Web Worker or a Node `worker_threads` worker).
 *
 * One protocol serves both hosts: the worker side is `serveEngine()` (engine-server.ts), the host
 * side is `EngineConnection` (connection.ts). Every message is structured-clone-safe: plain JSON
 * values only, no functions, no class instances. The one function-valued setting of the runtime
 * contract (`EnvironmentOptions.hostCall`) crosses as a pair of messages (`hostCall` /
 * `hostCallResult`).
 *
 * Requests carry a numeric `id`; the engine answers each with exactly one `reply` of the same id.
 * Environments inside one worker are addressed by `envId`, chosen by the host.
 */
import type {
  EnvironmentOptions,
  FunctionConfig,
  HostCallInfo,
  InvokeOptions,
  InvokeResult,
  LogEvent,
} from "../runtime/types";

/** `EnvironmentOptions` as it crosses a worker boundary. */
export interface WireEnvironmentOptions extends Omit<EnvironmentOptions, "hostCall"> {
  /**
   * When true, `__host.call(name, payload)` inside the guest is forwarded to the host as a
   * `hostCall` message; the host answers with `hostCallResult`.
   */
  hostCalls?: boolean;
}

/** An error of the engine itself (host misuse or a runtime bug), never a guest failure. */
export interface WireError {
  name: string;
  message: string;
  /** Host-call rejections only: fields copied onto the guest's Error, and the virtual delay. */
  fields?: Record<string, unknown>;
  latencyMs?: number;
}

export type HostToEngine =
  /** Load the runtime (and its wasm) ahead of the first environment. */
  | { type: "preload"; id: number }
  | {
      type: "create";
      id: number;
      envId: string;
      config: FunctionConfig;
      options?: WireEnvironmentOptions;
    }
  | { type: "init"; id: number; envId: string }
  | { type: "invoke"; id: number; envId: string; event: unknown; options?: InvokeOptions }
  | { type: "dispose"; id: number; envId: string }
  | HostCallResult;

export type HostCallResult =
  | { type: "hostCallResult"; callId: number; ok: true; value: unknown }
  | { type: "hostCallResult"; callId: number; ok: false; error: WireError };

/** The requests that get a reply (everything but `hostCallResult`). */
export type EngineRequest = Exclude<HostToEngine, HostCallResult>;

/** The value each request type replies with. */
export interface ReplyValues {
  preload: null;
  create: { envId: string; environmentId: string };
  init: { ok: boolean; initDurationMs: number; logs: LogEvent[] };
  invoke: InvokeResult;
  dispose: null;
}

export type EngineToHost =
  /** Posted once when the worker's message handler is installed. */
  | { type: "ready" }
  | { type: "reply"; id: number; ok: true; value: unknown }
  | { type: "reply"; id: number; ok: false; error: WireError }
  /** A log event of the request `id`, posted before its reply. */
  | { type: "log"; id: number; envId: string; event: LogEvent }
  | { type: "hostCall"; callId: number; envId: string; name: string; payload: unknown; info?: HostCallInfo };

/** A request without its id (the connection assigns ids). */
export type RequestWithoutId<T extends EngineRequest = EngineRequest> = T extends EngineRequest
  ? Omit<T, "id">
  : never;

/**
 * Why a worker went away. `outOfMemory` is set when the worker hit its own heap limit
 * (`ERR_WORKER_OUT_OF_MEMORY` in Node).
 */
export type WorkerExit =
  | { kind: "crash"; message: string; outOfMemory: boolean }
  | { kind: "exit"; code: number }
  | { kind: "terminated" };

/**
 * The little a host needs from a worker, so the same code drives a browser `Worker` and a Node
 * `worker_threads` worker (see `fromBrowserWorker` and `fromNodeWorker`).
 */
export interface WorkerLike {
  postMessage(message: HostToEngine): void;
  /** Stop the worker at once, whatever it is doing. */
  terminate(): void;
  onMessage(listener: (message: EngineToHost) => void): void;
  /** Called once when the worker crashes or exits on its own (not after `terminate()`). */
  onExit(listener: (exit: WorkerExit) => void): void;
}

export type WorkerFactory = () => WorkerLike;
