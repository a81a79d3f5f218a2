/**
 * The deterministic duration and memory model (documented in sandbox/README.md).
 *
 * CPU time is not read from a clock: QuickJS calls the runtime's interrupt handler once every fixed
 * number of interpreter "ticks" (backward jumps, calls; also inside the regex engine), so counting
 * those calls measures the work the guest did, identically on every machine. One call is worth
 * {@link MS_PER_INTERRUPT} milliseconds of one full vCPU, a constant calibrated once against real time
 * (see `calibrate.ts`). Lambda allocates CPU in proportion to memory, 1,769 MB = 1 vCPU
 * (DG configuration-memory), so below 1,769 MB the same work takes proportionally longer; above it a
 * single-threaded handler gains nothing.
 */

/** Memory setting that buys one full vCPU (DG configuration-memory). */
export const FULL_VCPU_MB = 1769;

/**
 * Milliseconds of one vCPU per interrupt-handler call. Calibrated with `calibrate.ts` on the
 * project's reference machine (2 vCPU x86_64, Node 20, quickjs-emscripten 0.32 release-sync):
 * a counting loop of 10 M iterations makes 2,000 calls in ~880 ms.
 */
export const MS_PER_INTERRUPT = 0.44;

/** Fixed per-invoke work of the Node runtime outside the handler (Runtime API round trip, JSON). */
export const INVOKE_OVERHEAD_MS = 1.25;

/**
 * Fixed cost of starting the Node.js runtime before the function's own module code runs. A trivial
 * nodejs22.x function reports an Init Duration of roughly 120–170 ms on Lambda.
 */
export const RUNTIME_INIT_MS = 118.5;

/**
 * Memory the Node.js runtime itself occupies before the function allocates anything. A trivial
 * Node function on Lambda reports ~65–75 MB Max Memory Used at 128 MB.
 */
export const RUNTIME_BASELINE_MB = 64;

/** How much slower CPU work runs at `memoryMB` than on one full vCPU. */
export function cpuSlowdown(memoryMB: number): number {
  return memoryMB >= FULL_VCPU_MB ? 1 : FULL_VCPU_MB / memoryMB;
}

/** Virtual milliseconds one interrupt call is worth at this memory setting. */
export function msPerInterrupt(memoryMB: number): number {
  return MS_PER_INTERRUPT * cpuSlowdown(memoryMB);
}

/** Bytes the guest heap may use: Memory Size minus the runtime baseline. */
export function guestMemoryLimitBytes(memoryMB: number): number {
  return (memoryMB - RUNTIME_BASELINE_MB) * 1024 * 1024;
}

/** Max Memory Used (MB) for a guest heap of `guestBytes`, capped at the Memory Size. */
export function maxMemoryUsedMB(guestBytes: number, memoryMB: number): number {
  return Math.min(memoryMB, RUNTIME_BASELINE_MB + Math.ceil(guestBytes / (1024 * 1024)));
}

/** Round to the two decimals REPORT shows. */
export function round2(ms: number): number {
  return Math.round(ms * 100) / 100;
}

/**
 * Billed Duration: rounded up to the next 1 ms (since Dec 2020). On-demand functions are also
 * billed for the init phase since 1 Aug 2025: ceil(Duration + Init Duration) on the cold invoke
 * (AWS compute blog "AWS Lambda standardizes billing for INIT Phase"; doc example 133.61 + 80.00 → 214).
 */
export function billedDurationMs(durationMs: number, initDurationMs?: number): number {
  return Math.ceil(round2(round2(durationMs) + (initDurationMs === undefined ? 0 : round2(initDurationMs))));
}
