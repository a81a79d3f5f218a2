/**
 * The worker side of the host protocol: owns execution environments and answers requests.
 *
 * Transport-agnostic, so the browser worker (`browser/simulator.worker.ts`) and the Node worker
 * (`node/worker.ts`) are a few lines each. The runtime is loaded with a dynamic `import()` on the
 * first request that needs it, so a page that never runs code never downloads the engine or its
 * wasm.
 */
import type { ExecutionEnvironment, FunctionConfig, EnvironmentOptions, HostCallInfo } from "../runtime/types";
import type {
  EngineRequest,
  EngineToHost,
  HostToEngine,
  HostCallResult,
  WireEnvironmentOptions,
  WireError,
} from "./protocol";

/** What `serveEngine` needs from the runtime module. */
export interface RuntimeModule {
  newEnvironment(config: FunctionConfig, options?: EnvironmentOptions): Promise<ExecutionEnvironment>;
  /** Compile and instantiate the engine's wasm ahead of the first environment. */
  loadEngine?: () => Promise<unknown>;
}

export interface EngineEndpoint {
  post(message: EngineToHost): void;
  listen(handler: (message: HostToEngine) => void): void;
}

const loadDefaultRuntime = async (): Promise<RuntimeModule> => {
  const [environment, engine] = await Promise.all([import("../runtime/environment"), import("../runtime/engine")]);
  return { newEnvironment: environment.newEnvironment, loadEngine: engine.loadEngine };
};

/**
 * Serve the engine on `endpoint` until the worker is terminated.
 *
 * Requests are handled in arrival order, one at a time: QuickJS is single-threaded anyway, and
 * it keeps the host's hard deadline attributable to exactly one request.
 */
export function serveEngine(
  endpoint: EngineEndpoint,
  loadRuntime: () => Promise<RuntimeModule> = loadDefaultRuntime,
): void {
  const environments = new Map<string, ExecutionEnvironment>();
  const pendingHostCalls = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let nextCallId = 1;
  let runtime: Promise<RuntimeModule> | undefined;
  let queue: Promise<void> = Promise.resolve();

  const getRuntime = (): Promise<RuntimeModule> => (runtime ??= loadRuntime());

  function hostCallFor(envId: string) {
    return (name: string, payload: unknown, info: HostCallInfo): Promise<unknown> =>
      new Promise((resolve, reject) => {
        const callId = nextCallId++;
        pendingHostCalls.set(callId, { resolve, reject });
        endpoint.post({ type: "hostCall", callId, envId, name, payload, info });
      });
  }

  function settleHostCall(message: HostCallResult): void {
    const pending = pendingHostCalls.get(message.callId);
    if (!pending) return;
    pendingHostCalls.delete(message.callId);
    if (message.ok) pending.resolve(message.value);
    else {
      const { name, message: text, fields, latencyMs } = message.error;
      pending.reject(Object.assign(new Error(text), { name, ...(fields ? { fields } : {}), ...(latencyMs !== undefined ? { latencyMs } : {}) }));
    }
  }

  function environment(envId: string): ExecutionEnvironment {
    const env = environments.get(envId);
    if (!env) throw Object.assign(new Error(`No environment "${envId}" in this worker`), { name: "UnknownEnvironmentError" });
    return env;
  }

  async function handle(request: EngineRequest): Promise<unknown> {
    switch (request.type) {
      case "preload": {
        const mod = await getRuntime();
        await mod.loadEngine?.();
        return null;
      }
      case "create": {
        if (environments.has(request.envId)) {
          throw Object.assign(new Error(`Environment "${request.envId}" already exists`), { name: "DuplicateEnvironmentError" });
        }
        const { hostCalls, ...rest }: WireEnvironmentOptions = request.options ?? {};
        const options: EnvironmentOptions = { ...rest };
        if (hostCalls) options.hostCall = hostCallFor(request.envId);
        const mod = await getRuntime();
        const env = await mod.newEnvironment(request.config, options);
        environments.set(request.envId, env);
        return { envId: request.envId, environmentId: env.id };
      }
      case "init":
        return environment(request.envId).init();
      case "invoke":
        return environment(request.envId).invoke(request.event, request.options);
      case "dispose": {
        const env = environments.get(request.envId);
        environments.delete(request.envId);
        env?.dispose();
        return null;
      }
    }
  }

  endpoint.listen((message) => {
    if (message.type === "hostCallResult") {
      settleHostCall(message);
      return;
    }
    const request = message;
    queue = queue.then(async () => {
      try {
        const value = await handle(request);
        endpoint.post({ type: "reply", id: request.id, ok: true, value });
      } catch (error) {
        endpoint.post({ type: "reply", id: request.id, ok: false, error: toWireError(error) });
      }
    });
  });
  endpoint.post({ type: "ready" });
}

function toWireError(error: unknown): WireError {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: "Error", message: String(error) };
}
