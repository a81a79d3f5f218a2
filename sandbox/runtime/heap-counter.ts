/**
 * How many bytes a QuickJS runtime uses, read cheaply enough to do after every invoke.
 *
 * `QuickJSRuntime.computeMemoryUsage()` walks every object of the heap and builds a 25-property
 * object: a fifth of a trivial warm invoke's cost when it ran after each one. The walk's byte figure
 * (`memory_used_size`) has no cheap equivalent in this build (its allocator's `malloc_size` counts
 * only 8 bytes per block), but the live allocation count (`malloc_state.malloc_count`) is a word of
 * the runtime struct that can be read straight out of the wasm memory. `HeapMeter` walks only when
 * something may have changed: the allocation count moved, the wasm memory grew, or every 16th
 * reading — otherwise the last walk's figure stands. The every-16th walk catches blocks replaced by
 * larger ones (same count); while such walks keep finding the heap exactly as before, the next one
 * waits twice as long, up to 64 readings, and any change brings it back to 16 (a warm environment
 * of a handler that keeps no state spent ≈ 7 % of a service invocation walking every 16th time).
 *
 * The struct's layout differs between QuickJS builds, so the word's offset is not assumed: it is
 * found once per engine module by comparing the struct's words with the walk's `malloc_count`
 * before and after allocations. When no word proves itself, every reading walks.
 */
import type { QuickJSContext, QuickJSRuntime, QuickJSWASMModule } from "quickjs-emscripten";

/** Reads a runtime's live allocation count, or undefined where that is not possible. */
export type AllocationCounter = (rt: QuickJSRuntime) => number | undefined;

/** The walk's figure: QuickJS's JS_ComputeMemoryUsage `memory_used_size`. */
export function walkedBytes(rt: QuickJSRuntime, ctx: QuickJSContext): number {
  return usage(rt, ctx, "memory_used_size");
}

function usage(rt: QuickJSRuntime, ctx: QuickJSContext, field: string): number {
  const h = rt.computeMemoryUsage();
  try {
    const v = ctx.getProp(h, field);
    const n = ctx.getNumber(v);
    v.dispose();
    return n;
  } finally {
    h.dispose();
  }
}

/** The runtime's address inside the wasm memory (quickjs-emscripten keeps it in `rt.rt.value`). */
function address(rt: QuickJSRuntime): number | undefined {
  const p = (rt as unknown as { rt?: { value?: unknown } }).rt?.value;
  return typeof p === "number" && p % 4 === 0 ? p : undefined;
}

const WORDS_SEARCHED = 16;

/** Find the `malloc_count` word of the runtime struct in this engine module. */
export function calibrateAllocationCounter(module: QuickJSWASMModule): AllocationCounter {
  const none: AllocationCounter = () => undefined;
  let memory: WebAssembly.Memory;
  try {
    memory = module.getWasmMemory();
  } catch {
    return none;
  }
  const rt = module.newRuntime();
  const ctx = rt.newContext();
  try {
    const base = address(rt);
    if (base === undefined) return none;
    const word = (i: number) => new Uint32Array(memory.buffer, base + 4 * i, 1)[0];
    let candidates = Array.from({ length: WORDS_SEARCHED }, (_, i) => i);
    for (const code of ["globalThis.a = [1, 2, 3].map(String)", "globalThis.b = { x: {}, y: [{}, {}] }", "delete globalThis.a"]) {
      candidates = candidates.filter((i) => word(i) === usage(rt, ctx, "malloc_count"));
      ctx.unwrapResult(ctx.evalCode(code)).dispose();
    }
    candidates = candidates.filter((i) => word(i) === usage(rt, ctx, "malloc_count"));
    if (candidates.length !== 1) return none;
    const delta = 4 * (candidates[0] as number);
    return (r) => {
      const p = address(r);
      return p === undefined ? undefined : new Uint32Array(memory.buffer, p + delta, 1)[0];
    };
  } catch {
    return none;
  } finally {
    ctx.dispose();
    rt.dispose();
  }
}

/** Allocations that may come and go between two readings without a new walk. */
const COUNT_SLACK = 64;
/** Readings between two walks at most while the heap changes… */
const WALK_EVERY = 16;
/** …and after periodic walks that found it unchanged (the interval doubles up to this). */
const WALK_EVERY_STABLE = 64;

/** One runtime's memory readings: a walk only when the heap may have changed. */
export class HeapMeter {
  private lastBytes = 0;
  private lastCount: number | undefined;
  private lastWasmBytes = 0;
  private sinceWalk = WALK_EVERY;
  private walkEvery = WALK_EVERY;
  /** Walks done so far (for tests and diagnostics). */
  walks = 0;

  constructor(
    private readonly memory: WebAssembly.Memory | undefined,
    private readonly count: AllocationCounter,
  ) {}

  /** Bytes in use; `exact` forces a walk (a guest asking `process.memoryUsage()`). */
  read(rt: QuickJSRuntime, ctx: QuickJSContext, exact = false): number {
    const n = this.count(rt);
    const wasmBytes = this.memory?.buffer.byteLength ?? 0;
    const quiet = n !== undefined && this.lastCount !== undefined && Math.abs(n - this.lastCount) <= COUNT_SLACK && wasmBytes === this.lastWasmBytes;
    if (!exact && quiet && ++this.sinceWalk < this.walkEvery) return this.lastBytes;
    const bytes = walkedBytes(rt, ctx);
    this.walks++;
    // Only a periodic walk (nothing else pointed at a change) that found nothing new may back off.
    this.walkEvery = !exact && quiet && bytes === this.lastBytes ? Math.min(this.walkEvery * 2, WALK_EVERY_STABLE) : WALK_EVERY;
    this.lastBytes = bytes;
    this.lastCount = n;
    this.lastWasmBytes = wasmBytes;
    this.sinceWalk = 0;
    return bytes;
  }
}
