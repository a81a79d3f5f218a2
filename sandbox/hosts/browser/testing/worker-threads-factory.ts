/**
 * A `WorkerFactory` for the browser simulator backed by real Node `worker_threads` workers running
 * the real `simulator.worker.ts` (through `worker-threads-shim.ts`). Test-only: lets the browser
 * host's protocol, cancellation and hard stop be tested under Vitest with the real runtime.
 */
import { Worker } from "node:worker_threads";
import { fromNodeWorker } from "../../node/pool";
import type { WorkerFactory } from "../../protocol";

export function workerThreadsFactory(): WorkerFactory {
  const bootstrap = new URL("../../node/worker-bootstrap.mjs", import.meta.url);
  const entry = new URL("./worker-threads-shim.ts", import.meta.url).href;
  return () => fromNodeWorker(new Worker(bootstrap, { workerData: { entry } }));
}
