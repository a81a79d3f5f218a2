/**
 * The browser host's engine: a module Web Worker that owns the QuickJS execution environments.
 *
 * Created by `createBrowserSimulator()` with
 * `new Worker(new URL("./simulator.worker.ts", import.meta.url), { type: "module" })`.
 * It imports nothing from Next or React; the runtime (and its wasm) is loaded with a dynamic
 * `import()` inside `serveEngine` on first use, so it never enters the page's first paint.
 */
import { serveEngine } from "../engine-server";
import type { EngineToHost, HostToEngine } from "../protocol";

/** The parts of `DedicatedWorkerGlobalScope` the engine uses. */
interface WorkerScope {
  postMessage(message: EngineToHost): void;
  addEventListener(type: "message", listener: (event: MessageEvent<HostToEngine>) => void): void;
}

const scope = globalThis as unknown as WorkerScope;

serveEngine({
  post: (message) => scope.postMessage(message),
  listen: (handler) => scope.addEventListener("message", (event) => handler(event.data)),
});
