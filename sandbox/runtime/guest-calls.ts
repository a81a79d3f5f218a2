/**
 * The host → guest crossings of a warm invoke (call a runtime function, run the promise jobs), made
 * through quickjs-emscripten's FFI layer instead of its handle API.
 *
 * Why: a trivial warm invoke is a handful of crossings, and the handle API wraps each one in
 * objects the hot path does not need — `callFunction` allocates a pointer array, a `Lifetime` per
 * argument and result and a `DisposableResult` (≈ 2 µs per call against ≈ 0.2 µs for the FFI call
 * it makes); `executePendingJobs` allocates a pointer array and asks the result's `typeof` through
 * a freshly allocated C string. In a CPU profile of 30,000 warm invokes these wrappers, with the
 * host callback that reported the outcome (now taken with one call, see guest/core.ts `take`), were
 * about a quarter of a warm invoke.
 *
 * The FFI object and the emscripten module are quickjs-emscripten internals (0.32: `ctx.ffi`,
 * `ctx.module`, `ctx.ctx.value`, `rt.rt.value`; the FFI's signatures are the public
 * `@jitl/quickjs-ffi-types`). `guestCalls` checks that they are there and otherwise returns the
 * same interface built on the public API, so a binding without them is slower, not broken (a test
 * checks that the installed one takes the FFI lane).
 *
 * Contract of the functions called this way: they are the runtime's own (guest/core.ts) and return
 * a number, a boolean, undefined (→ `callNumber`) or a string (→ `callString`). Strings cross as C
 * strings, as with `ctx.newString`: JSON text and Lambda's ids never hold a NUL character.
 */
import { Lifetime, type QuickJSContext, type QuickJSHandle, type QuickJSRuntime } from "quickjs-emscripten";

export type GuestArg = string | number | undefined;

/** A finished call: its value, or the guest exception it threw (the caller disposes it). */
export type NumberResult = { error: QuickJSHandle; value?: undefined } | { error?: undefined; value: number | undefined };
export type StringResult = { error: QuickJSHandle; value?: undefined } | { error?: undefined; value: string };
export type JobsResult = { error: QuickJSHandle; count?: undefined } | { error?: undefined; count: number };

export interface GuestCalls {
  /** Call `fn(...args)`; a number or boolean result as a number (true → 1), anything else undefined. */
  callNumber(fn: QuickJSHandle, ...args: GuestArg[]): NumberResult;
  /** Call `fn(...args)` that returns a string. */
  callString(fn: QuickJSHandle, ...args: GuestArg[]): StringResult;
  /** Run up to `max` pending promise jobs (QuickJS `JS_ExecutePendingJob`). */
  runJobs(max: number): JobsResult;
  /** Free what the lane allocated (scratch memory); the context and runtime are the caller's. */
  dispose(): void;
}

type Ptr = number;

/** The part of the FFI (`@jitl/quickjs-ffi-types` QuickJSFFI) used here. */
interface Ffi {
  QTS_Call(ctx: Ptr, fn: Ptr, thisVal: Ptr, argc: number, argv: Ptr): Ptr;
  QTS_ResolveException(ctx: Ptr, maybeException: Ptr): Ptr;
  QTS_FreeValuePointer(ctx: Ptr, value: Ptr): void;
  QTS_FreeValuePointerRuntime(rt: Ptr, value: Ptr): void;
  QTS_NewString(ctx: Ptr, str: Ptr): Ptr;
  QTS_NewFloat64(ctx: Ptr, n: number): Ptr;
  QTS_GetFloat64(ctx: Ptr, value: Ptr): number;
  QTS_GetString(ctx: Ptr, value: Ptr): Ptr;
  QTS_FreeCString(ctx: Ptr, str: Ptr): void;
  QTS_Typeof(ctx: Ptr, value: Ptr): Ptr;
  QTS_GetUndefined(): Ptr;
  QTS_ExecutePendingJob(rt: Ptr, max: number, lastJobContext: Ptr): Ptr;
}

/** The part of the emscripten module used here. */
interface Emscripten {
  HEAPU8: Uint8Array;
  _malloc(size: number): Ptr;
  _free(ptr: Ptr): void;
  stringToUTF8(str: string, ptr: Ptr, maxBytes: number): void;
  lengthBytesUTF8(str: string): number;
  UTF8ToString(ptr: Ptr): string;
}

const FFI_FUNCTIONS: (keyof Ffi)[] = [
  "QTS_Call",
  "QTS_ResolveException",
  "QTS_FreeValuePointer",
  "QTS_FreeValuePointerRuntime",
  "QTS_NewString",
  "QTS_NewFloat64",
  "QTS_GetFloat64",
  "QTS_GetString",
  "QTS_FreeCString",
  "QTS_Typeof",
  "QTS_GetUndefined",
  "QTS_ExecutePendingJob",
];

/** The fast lane when this binding exposes what it needs, else the same calls on the public API. */
export function guestCalls(rt: QuickJSRuntime, ctx: QuickJSContext): GuestCalls {
  const inner = ctx as unknown as { ffi?: Partial<Ffi>; module?: Partial<Emscripten>; ctx?: { value?: unknown } };
  const rtPtr = (rt as unknown as { rt?: { value?: unknown } }).rt?.value;
  const ffi = inner.ffi;
  const m = inner.module;
  const ctxPtr = inner.ctx?.value;
  const usable =
    typeof rtPtr === "number" &&
    typeof ctxPtr === "number" &&
    ffi !== undefined &&
    FFI_FUNCTIONS.every((k) => typeof ffi[k] === "function") &&
    m !== undefined &&
    m.HEAPU8 instanceof Uint8Array &&
    typeof m._malloc === "function" &&
    typeof m._free === "function" &&
    typeof m.stringToUTF8 === "function" &&
    typeof m.lengthBytesUTF8 === "function" &&
    typeof m.UTF8ToString === "function";
  return usable ? new FfiCalls(rt, ctx, ffi as Ffi, m as Emscripten, rtPtr, ctxPtr) : new HandleCalls(rt, ctx);
}

/** Arguments a runtime function takes at most through this lane. */
const MAX_ARGS = 8;
/**
 * Strings up to this many UTF-8 bytes are written into one reused buffer; larger ones get their own
 * (malloc + free: what the handle API does for every string). Small: each environment holds one.
 */
const SCRATCH_BYTES = 2048;

export class FfiCalls implements GuestCalls {
  private readonly undefinedPtr: Ptr;
  /** argv for QTS_Call (pointers to JSValues), then one word for QTS_ExecutePendingJob's context out-pointer. */
  private readonly words: Ptr;
  private readonly scratch: Ptr;
  private readonly argPtrs: Ptr[] = [];
  private heap32: Int32Array;
  private disposed = false;

  constructor(
    private readonly rt: QuickJSRuntime,
    private readonly ctx: QuickJSContext,
    private readonly ffi: Ffi,
    private readonly m: Emscripten,
    private readonly rtPtr: Ptr,
    private readonly ctxPtr: Ptr,
  ) {
    this.undefinedPtr = ffi.QTS_GetUndefined();
    this.words = m._malloc(4 * (MAX_ARGS + 1));
    this.scratch = m._malloc(SCRATCH_BYTES);
    this.heap32 = new Int32Array(m.HEAPU8.buffer);
  }

  /** An Int32Array view of the wasm memory; re-made after the memory grew (its buffer is replaced). */
  private view(): Int32Array {
    const buffer = this.m.HEAPU8.buffer;
    if (this.heap32.buffer !== buffer) this.heap32 = new Int32Array(buffer);
    return this.heap32;
  }

  private newValue(a: GuestArg): Ptr {
    if (a === undefined) return this.undefinedPtr;
    if (typeof a === "number") return this.ffi.QTS_NewFloat64(this.ctxPtr, a);
    // Same encoding as the handle API's newString (a NUL-terminated UTF-8 copy), without its Lifetime.
    const bytes = this.m.lengthBytesUTF8(a) + 1;
    if (bytes <= SCRATCH_BYTES) {
      this.m.stringToUTF8(a, this.scratch, bytes);
      return this.ffi.QTS_NewString(this.ctxPtr, this.scratch);
    }
    const p = this.m._malloc(bytes);
    try {
      this.m.stringToUTF8(a, p, bytes);
      return this.ffi.QTS_NewString(this.ctxPtr, p);
    } finally {
      this.m._free(p);
    }
  }

  /** Calls `fn`; returns the result's pointer (the caller frees it) or the exception as a handle. */
  private call(fn: QuickJSHandle, args: GuestArg[]): Ptr | QuickJSHandle {
    if (this.disposed) throw new Error("guest calls used after dispose");
    if (args.length > MAX_ARGS) throw new RangeError(`at most ${MAX_ARGS} arguments`);
    const ptrs = this.argPtrs;
    ptrs.length = 0;
    try {
      for (const a of args) ptrs.push(this.newValue(a));
      const heap = this.view();
      const base = this.words >> 2;
      for (let i = 0; i < ptrs.length; i++) heap[base + i] = ptrs[i] as number;
      const result = this.ffi.QTS_Call(this.ctxPtr, fn.value, this.undefinedPtr, ptrs.length, this.words);
      const error = this.ffi.QTS_ResolveException(this.ctxPtr, result);
      if (!error) return result;
      this.ffi.QTS_FreeValuePointer(this.ctxPtr, result);
      return this.handle(error);
    } finally {
      for (const p of ptrs) if (p !== this.undefinedPtr) this.ffi.QTS_FreeValuePointer(this.ctxPtr, p);
      ptrs.length = 0;
    }
  }

  /** A JSValue pointer as a handle the handle API accepts (error results are rare and inspected there). */
  private handle(ptr: Ptr): QuickJSHandle {
    return new Lifetime(ptr, undefined, (p: Ptr) => this.ffi.QTS_FreeValuePointer(this.ctxPtr, p), this.rt) as unknown as QuickJSHandle;
  }

  /** Whether a value is a number: of the `typeof` names only "number" starts with "n" (no string decode). */
  private isNumber(ctxPtr: Ptr, value: Ptr): boolean {
    const p = this.ffi.QTS_Typeof(ctxPtr, value);
    try {
      return this.m.HEAPU8[p] === 0x6e;
    } finally {
      this.m._free(p);
    }
  }

  callNumber(fn: QuickJSHandle, ...args: GuestArg[]): NumberResult {
    const r = this.call(fn, args);
    if (typeof r !== "number") return { error: r };
    try {
      // QTS_GetFloat64 is JS_ToFloat64: numbers as they are, booleans as 0/1, undefined as NaN.
      const n = this.ffi.QTS_GetFloat64(this.ctxPtr, r);
      return { value: Number.isNaN(n) ? undefined : n };
    } finally {
      this.ffi.QTS_FreeValuePointer(this.ctxPtr, r);
    }
  }

  callString(fn: QuickJSHandle, ...args: GuestArg[]): StringResult {
    const r = this.call(fn, args);
    if (typeof r !== "number") return { error: r };
    try {
      const s = this.ffi.QTS_GetString(this.ctxPtr, r);
      try {
        return { value: this.m.UTF8ToString(s) };
      } finally {
        this.ffi.QTS_FreeCString(this.ctxPtr, s);
      }
    } finally {
      this.ffi.QTS_FreeValuePointer(this.ctxPtr, r);
    }
  }

  runJobs(max: number): JobsResult {
    if (this.disposed) throw new Error("guest calls used after dispose");
    // As QuickJSRuntime.executePendingJobs: the out-word names the context of the last job run (0: none).
    const out = this.words + 4 * MAX_ARGS;
    this.view()[out >> 2] = 0;
    const value = this.ffi.QTS_ExecutePendingJob(this.rtPtr, max, out);
    const jobCtx = this.view()[out >> 2] as number;
    if (jobCtx === 0) {
      this.ffi.QTS_FreeValuePointerRuntime(this.rtPtr, value);
      return { count: 0 };
    }
    if (this.isNumber(jobCtx, value)) {
      const count = this.ffi.QTS_GetFloat64(jobCtx, value);
      this.ffi.QTS_FreeValuePointer(jobCtx, value);
      return { count };
    }
    if (jobCtx !== this.ctxPtr) {
      // One context per runtime here; a job of another context cannot be reported through this one.
      this.ffi.QTS_FreeValuePointer(jobCtx, value);
      throw new Error("a promise job of another QuickJS context failed");
    }
    return { error: this.handle(value) };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.m._free(this.words);
    this.m._free(this.scratch);
  }
}

/** The same calls through quickjs-emscripten's handle API (a binding without the internals above). */
export class HandleCalls implements GuestCalls {
  constructor(
    private readonly rt: QuickJSRuntime,
    private readonly ctx: QuickJSContext,
  ) {}

  private call(fn: QuickJSHandle, args: GuestArg[]): { error: QuickJSHandle } | { value: QuickJSHandle } {
    const ctx = this.ctx;
    const handles = args.map((a) => (a === undefined ? ctx.undefined : typeof a === "number" ? ctx.newNumber(a) : ctx.newString(a)));
    try {
      const res = ctx.callFunction(fn, ctx.undefined, ...handles);
      return res.error ? { error: res.error } : { value: res.value };
    } finally {
      for (const h of handles) if (h !== ctx.undefined && h.alive) h.dispose();
    }
  }

  callNumber(fn: QuickJSHandle, ...args: GuestArg[]): NumberResult {
    const r = this.call(fn, args);
    if ("error" in r) return { error: r.error };
    const ctx = this.ctx;
    const v = r.value;
    try {
      const t = ctx.typeof(v);
      const n = t === "number" ? ctx.getNumber(v) : t === "boolean" ? (ctx.dump(v) ? 1 : 0) : NaN;
      return { value: Number.isNaN(n) ? undefined : n };
    } finally {
      v.dispose();
    }
  }

  callString(fn: QuickJSHandle, ...args: GuestArg[]): StringResult {
    const r = this.call(fn, args);
    if ("error" in r) return { error: r.error };
    try {
      return { value: this.ctx.getString(r.value) };
    } finally {
      r.value.dispose();
    }
  }

  runJobs(max: number): JobsResult {
    const res = this.rt.executePendingJobs(max);
    return res.error ? { error: res.error } : { count: res.value };
  }

  dispose(): void {}
}
