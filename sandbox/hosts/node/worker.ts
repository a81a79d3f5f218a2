/**
 * Entry of a Node host worker (`worker_threads`): serves the engine protocol on `parentPort`.
 *
 * In development and tests it is started through `worker-bootstrap.mjs`, which registers tsx
 * first; a production build compiles this file to `worker.js` beside the compiled pool (see
 * `pool.ts`, `defaultWorkerUrl`).
 */
import { parentPort } from "node:worker_threads";
import { serveEngine } from "../engine-server";

const port = parentPort;
if (!port) throw new Error("sandbox/hosts/node/worker.ts must be started as a worker thread");

serveEngine({
  post: (message) => port.postMessage(message),
  listen: (handler) => port.on("message", handler),
});
