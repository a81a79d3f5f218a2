/**
 * Entry of a Node host worker run as a child process (`createNodePool({ isolation: "process" })`):
 * serves the engine protocol over the IPC channel. A process of its own means that even a V8 fatal
 * error (one allocation past the heap limit aborts the whole process, not just a thread) only ends
 * this child. In development it is started with tsx's loader (`--import`); a production build
 * compiles it to `process-entry.js` beside the pool.
 */
import { serveEngine } from "../engine-server";
import type { EngineToHost, HostToEngine } from "../protocol";

const send = process.send?.bind(process);
if (!send) throw new Error("sandbox/hosts/node/process-entry.ts must be started with an IPC channel (child_process.fork)");

serveEngine({
  post: (message: EngineToHost) => {
    send(message);
  },
  listen: (handler) => process.on("message", (message) => handler(message as HostToEngine)),
});
// The host going away closes the channel: nothing is left to serve.
process.on("disconnect", () => process.exit(0));
