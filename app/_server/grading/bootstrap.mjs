// Starts the TypeScript grading worker under tsx (a worker thread does not inherit the parent's
// loader; see sandbox/hosts/node/worker-bootstrap.mjs for the same pattern).
import { register } from "tsx/esm/api";

register();
await import(new URL("./worker.ts", import.meta.url).href);
