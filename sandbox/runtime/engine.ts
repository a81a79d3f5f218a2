/**
 * The QuickJS WebAssembly module, loaded once per process (or Web Worker) and shared by every
 * environment: each environment is its own QuickJS runtime + context inside it.
 *
 * A module can die: an emscripten `abort()` (a failed assertion while freeing a runtime) or a host
 * stack overflow thrown through WebAssembly frames leaves it unusable or untrustworthy. Then the
 * module is discarded: its generation number changes, every environment built on it notices on its
 * next use and re-initialises on a fresh module (as a crashed Lambda runtime is restarted).
 */
import { newQuickJSWASMModule, type QuickJSWASMModule } from "quickjs-emscripten";

let modulePromise: Promise<QuickJSWASMModule> | undefined;
let loader: () => Promise<QuickJSWASMModule> = () => newQuickJSWASMModule();
let generation = 0;

/** The shared engine module (cached promise). */
export function loadEngine(): Promise<QuickJSWASMModule> {
  if (!modulePromise) {
    const p = loader();
    modulePromise = p;
    p.catch(() => {
      if (modulePromise === p) modulePromise = undefined; // a failed load is not cached
    });
  }
  return modulePromise;
}

/**
 * Let a host choose how the module is loaded (e.g. a browser worker passing a wasm URL served by the
 * site). The loader must create a new module instance on every call (recovery loads a fresh one).
 * Affects environments created afterwards.
 */
export function configureEngine(load: () => Promise<QuickJSWASMModule>): void {
  loader = load;
  modulePromise = undefined;
  generation++;
}

/** Which module instance is current; environments compare it with the one they were built on. */
export function engineGeneration(): number {
  return generation;
}

/**
 * Forget the current module because it died or can no longer be trusted; the next environment (and
 * every existing one, on its next use) loads a fresh one.
 */
export function discardEngine(): void {
  modulePromise = undefined;
  generation++;
}
