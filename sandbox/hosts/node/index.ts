/**
 * The Node host: a `worker_threads` pool that runs execution environments with hard limits, for
 * server-side grading and the CLI. See `pool.ts` for the limits and an example.
 */
export { createNodePool, defaultWorkerUrl, fromChildProcess, fromNodeWorker } from "./pool";
export type { NodePool, NodePoolOptions, NodePoolStats, PoolSession, SessionOptions } from "./pool";
export { SandboxHostError, SessionClosedError } from "../session";
export type { HardStopOptions, SessionInvokeOptions } from "../session";
