/**
 * The QuickJS WebAssembly module, loaded once per process (or Web Worker) and shared by every
 * environment: each environment is its own QuickJS runtime + context inside it.
 */
import { getQuickJS, type QuickJSWASMModule } from "quickjs-emscripten";

let modulePromise: Promise<QuickJSWASMModule> | undefined;
let loader: () => Promise<QuickJSWASMModule> = getQuickJS;

/** The shared engine module (cached promise). */
export function loadEngine(): Promise<QuickJSWASMModule> {
  if (!modulePromise) {
    modulePromise = loader();
    modulePromise.catch(() => {
      modulePromise = undefined; // a failed load is not cached
    });
  }
  return modulePromise;
}

/**
 * Let a host choose how the module is loaded (e.g. a browser worker passing a wasm URL served by the
 * site). Affects environments created afterwards.
 */
export function configureEngine(load: () => Promise<QuickJSWASMModule>): void {
  loader = load;
  modulePromise = undefined;
}

/**
 * Forget the cached module, e.g. after the WebAssembly instance aborted; the next environment loads
 * a fresh one.
 */
export function discardEngine(): void {
  modulePromise = undefined;
}
