/** Small statistics helpers for the bench scripts (no timing assertions anywhere). */

export interface Summary {
  n: number;
  median: number;
  p95: number;
  mean: number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  const mean = sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length);
  return { n: sorted.length, median: at(0.5), p95: at(0.95), mean };
}

/** Time `fn` `n` times (after `warmup` untimed runs); milliseconds per call. */
export async function sample(n: number, fn: () => unknown, warmup = Math.min(50, n)): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** Calls per second of `fn` run back to back for about `ms` milliseconds. */
export async function throughput(ms: number, fn: () => unknown): Promise<number> {
  const start = performance.now();
  let calls = 0;
  while (performance.now() - start < ms) {
    await fn();
    calls++;
  }
  return (calls * 1000) / (performance.now() - start);
}

export function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect) {
    collect();
    collect();
  }
}

export const fmt = (ms: number, digits = 3) => (Number.isFinite(ms) ? ms.toFixed(digits) : "n/a");
