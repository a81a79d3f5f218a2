// Starts the TypeScript worker entry under tsx. A worker does not inherit the parent's tsx
// loader, and on Node 20 `execArgv: ["--import", "tsx"]` is not applied to worker threads
// (verified: ERR_UNKNOWN_FILE_EXTENSION), so the worker registers tsx itself.
// The entry to load comes from workerData.entry (default: ./worker.ts beside this file).
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const entry = (workerData && typeof workerData.entry === "string" && workerData.entry) || new URL("./worker.ts", import.meta.url).href;
await import(entry);
