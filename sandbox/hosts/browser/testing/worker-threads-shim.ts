/**
 * Runs the real browser worker entry (`../simulator.worker.ts`) inside a Node `worker_threads`
 * worker, for tests: gives it the two members of a Web Worker's global scope it uses
 * (`postMessage`, `addEventListener("message")`) on top of `parentPort`.
 */
import { parentPort } from "node:worker_threads";

const port = parentPort;
if (!port) throw new Error("worker-threads-shim must run in a worker thread");

Object.assign(globalThis, {
  postMessage: (message: unknown) => port.postMessage(message),
  addEventListener: (type: string, listener: (event: { data: unknown }) => void) => {
    if (type === "message") port.on("message", (data: unknown) => listener({ data }));
  },
});

await import("../simulator.worker");
