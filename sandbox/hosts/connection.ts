/**
 * The host side of the protocol: one connection to one worker, with a hard deadline per request.
 *
 * QuickJS's interrupt handler stops ordinary runaway code, but not a single long native call
 * (`Array(2**32-1).indexOf(1)`) or a worker that crashes. So every request may carry a wall-clock
 * deadline; when it passes, the connection terminates the worker and the request settles with
 * `{ ok: false, lost }` — data, never a hang and never a throw. A dead connection stays dead: the
 * owner (pool slot or browser simulator) makes a new one from its factory.
 */
import type {
  EngineRequest,
  EngineToHost,
  ReplyValues,
  RequestWithoutId,
  WireError,
  WorkerExit,
  WorkerLike,
} from "./protocol";
import type { HostCallInfo, LogEvent } from "../runtime/types";

/** Why a request did not get a reply. */
export type WorkerLost =
  | { reason: "deadline"; elapsedMs: number }
  | { reason: "crash"; message: string; outOfMemory: boolean; elapsedMs: number }
  | { reason: "exit"; code: number; elapsedMs: number }
  /** The owner closed the connection (dispose, cancel). */
  | { reason: "closed"; elapsedMs: number };

export type RequestOutcome<V> =
  | { ok: true; value: V }
  /** The engine threw: host misuse or a runtime bug, not a guest failure. */
  | { ok: false; error: WireError }
  | { ok: false; lost: WorkerLost };

export interface RequestOptions {
  /** Wall-clock milliseconds after which the worker is terminated. No deadline when omitted. */
  deadlineMs?: number;
  /** Log events of this request, as the engine posts them. */
  onLog?: (event: LogEvent) => void;
}

/** Answers one `__host.call(name, payload)` of a guest. */
export type HostCallHandler = (name: string, payload: unknown, info?: HostCallInfo) => unknown;

export interface ConnectionHandlers {
  /**
   * Answers `__host.call` from guests of environments without a route of their own
   * (`routeHostCalls`). Calls are refused when neither exists.
   */
  hostCall?: (envId: string, name: string, payload: unknown, info?: HostCallInfo) => unknown;
  /**
   * How long the worker may take to start (load its script and post `ready`) before it counts as
   * crashed. Request deadlines only start once the worker is ready. Default 30,000 ms.
   */
  startupTimeoutMs?: number;
}

interface Pending {
  id: number;
  message: EngineRequest;
  options: RequestOptions;
  resolve(outcome: RequestOutcome<unknown>): void;
  startedAt: number;
  timer?: ReturnType<typeof setTimeout>;
}

export class EngineConnection {
  /** False once the worker is gone (terminated, crashed or exited). */
  alive = true;
  /** True once the worker has posted `ready`; requests wait until then. */
  ready = false;
  /** Requests sent on this connection so far. */
  requests = 0;
  private nextId = 1;
  private readonly queue: Pending[] = [];
  private current: Pending | undefined;
  private readonly exitListeners: ((lost: WorkerLost) => void)[] = [];
  private readonly hostCallRoutes = new Map<string, HostCallHandler>();

  constructor(
    private readonly worker: WorkerLike,
    private readonly handlers: ConnectionHandlers = {},
  ) {
    worker.onMessage((message) => this.receive(message));
    worker.onExit((exit) => this.lose(fromExit(exit, this.elapsed())));
    this.startupTimer = setTimeout(() => {
      if (!this.ready) this.lose({ reason: "crash", message: "The worker did not start in time", outOfMemory: false, elapsedMs: 0 });
    }, handlers.startupTimeoutMs ?? 30_000);
  }

  private startupTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * Send a request; requests are sent one at a time, in order. The deadline of a request starts
   * when it is sent, not while it waits for the one before it.
   */
  request<T extends EngineRequest["type"]>(
    message: RequestWithoutId<Extract<EngineRequest, { type: T }>>,
    options: RequestOptions = {},
  ): Promise<RequestOutcome<ReplyValues[T]>> {
    return new Promise((resolve) => {
      const id = this.nextId++;
      if (!this.alive) {
        resolve({ ok: false, lost: { reason: "closed", elapsedMs: 0 } });
        return;
      }
      const pending: Pending = {
        id,
        message: { ...message, id },
        options,
        resolve: resolve as (outcome: RequestOutcome<unknown>) => void,
        startedAt: 0,
      };
      this.queue.push(pending);
      this.pump();
    });
  }

  /** Send `__host.call`s of environment `envId` to `handler` (until `unrouteHostCalls`). */
  routeHostCalls(envId: string, handler: HostCallHandler): void {
    this.hostCallRoutes.set(envId, handler);
  }

  unrouteHostCalls(envId: string): void {
    this.hostCallRoutes.delete(envId);
  }

  /** Called once if the worker goes away while this connection is open. */
  onLost(listener: (lost: WorkerLost) => void): void {
    this.exitListeners.push(listener);
  }

  /** Terminate the worker; in-flight and queued requests settle with `lost: closed`. */
  close(): void {
    if (!this.alive) return;
    this.lose({ reason: "closed", elapsedMs: this.elapsed() });
  }

  private pump(): void {
    if (this.current || !this.alive || !this.ready) return;
    const next = this.queue.shift();
    if (!next) return;
    this.current = next;
    next.startedAt = performance.now();
    this.requests++;
    const { deadlineMs } = next.options;
    if (deadlineMs !== undefined && Number.isFinite(deadlineMs)) {
      next.timer = setTimeout(() => {
        if (this.current === next) this.lose({ reason: "deadline", elapsedMs: this.elapsed() });
      }, Math.max(0, deadlineMs));
    }
    this.worker.postMessage(next.message);
  }

  private elapsed(): number {
    return this.current ? performance.now() - this.current.startedAt : 0;
  }

  private receive(message: EngineToHost): void {
    switch (message.type) {
      case "ready":
        this.ready = true;
        clearTimeout(this.startupTimer);
        this.pump();
        return;
      case "log":
        if (this.current?.id === message.id) this.current.options.onLog?.(message.event);
        return;
      case "hostCall":
        this.answerHostCall(message.callId, message.envId, message.name, message.payload, message.info);
        return;
      case "reply": {
        const pending = this.current;
        if (!pending || pending.id !== message.id) return;
        clearTimeout(pending.timer);
        this.current = undefined;
        pending.resolve(message.ok ? { ok: true, value: message.value } : { ok: false, error: message.error });
        this.pump();
        return;
      }
    }
  }

  private answerHostCall(callId: number, envId: string, name: string, payload: unknown, info: HostCallInfo | undefined): void {
    const routed = this.hostCallRoutes.get(envId);
    const fallback = this.handlers.hostCall;
    const call = routed ? () => routed(name, payload, info) : fallback ? () => fallback(envId, name, payload, info) : undefined;
    const result = call
      ? Promise.resolve().then(call)
      : Promise.reject(Object.assign(new Error(`Host call "${name}" is not available`), { name: "HostCallUnavailable" }));
    result.then(
      (value) => this.alive && this.worker.postMessage({ type: "hostCallResult", callId, ok: true, value }),
      (error: unknown) =>
        this.alive &&
        this.worker.postMessage({
          type: "hostCallResult",
          callId,
          ok: false,
          error: hostCallWireError(error),
        }),
    );
  }

  /** The worker is gone (or must go): terminate it and settle everything with `lost`. */
  private lose(lost: WorkerLost): void {
    if (!this.alive) return;
    this.alive = false;
    clearTimeout(this.startupTimer);
    try {
      this.worker.terminate();
    } catch {
      // Already gone.
    }
    // The request in flight carries the reason; if none was (the worker died before it was ready),
    // the first waiting request does, so a worker that never starts still yields a result.
    const current = this.current ?? this.queue.shift();
    this.current = undefined;
    if (current) {
      clearTimeout(current.timer);
      current.resolve({ ok: false, lost });
    }
    for (const queued of this.queue.splice(0)) queued.resolve({ ok: false, lost: { reason: "closed", elapsedMs: 0 } });
    for (const listener of this.exitListeners) listener(lost);
  }
}

function fromExit(exit: WorkerExit, elapsedMs: number): WorkerLost {
  switch (exit.kind) {
    case "crash":
      return { reason: "crash", message: exit.message, outOfMemory: exit.outOfMemory, elapsedMs };
    case "exit":
      return { reason: "exit", code: exit.code, elapsedMs };
    case "terminated":
      return { reason: "closed", elapsedMs };
  }
}

/** A host call's rejection as it crosses to the engine (fields and latency kept: see EnvironmentOptions.hostCall). */
function hostCallWireError(error: unknown): WireError {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  const { fields, latencyMs } = error as { fields?: unknown; latencyMs?: unknown };
  return {
    name: error.name,
    message: error.message,
    ...(typeof fields === "object" && fields !== null ? { fields: fields as Record<string, unknown> } : {}),
    ...(typeof latencyMs === "number" ? { latencyMs } : {}),
  };
}
