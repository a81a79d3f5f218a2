/**
 * The browser host: `createBrowserSimulator()`, the tiny interface lesson components use, backed
 * by a module Web Worker (`simulator.worker.ts`) that owns the engine. Browser-safe: imports
 * nothing from Node, Next or React.
 */
export { createBrowserSimulator, fromBrowserWorker } from "./client";
export type { BrowserSimulator, BrowserSimulatorOptions, SimulatorInvokeOptions, SimulatorState } from "./client";
export { SandboxHostError, SessionClosedError } from "../session";
export type { HardStopOptions } from "../session";
export type { WorkerFactory, WorkerLike } from "../protocol";
