/**
 * CloudWatch-style metrics per function per minute (DG monitoring-metrics-types): Invocations,
 * Errors, Throttles, Duration, ConcurrentExecutions, ProvisionedConcurrencySpilloverInvocations,
 * DeadLetterErrors, DestinationDeliveryFailures, AsyncEventAge, AsyncEventsReceived, AsyncEventsDropped. Collected as the run goes, so a
 * load run keeps one small bucket per minute rather than re-reading every invocation.
 */
import type { DurationStats, MinuteMetrics } from "./types";

interface Bucket {
  m: MinuteMetrics;
  durations: number[];
}

export class MetricsCollector {
  private readonly byFunction = new Map<string, Map<number, Bucket>>();

  /** `periodMs`: Lambda's metrics are per minute; a playground chart may ask for seconds. */
  constructor(private readonly periodMs = 60_000) {}

  private bucket(fn: string, time: number): Bucket {
    let perFn = this.byFunction.get(fn);
    if (!perFn) {
      perFn = new Map();
      this.byFunction.set(fn, perFn);
    }
    const minute = Math.floor(time / this.periodMs) * this.periodMs;
    let b = perFn.get(minute);
    if (!b) {
      b = {
        m: {
          minute,
          period: this.periodMs,
          Invocations: 0,
          Errors: 0,
          Throttles: 0,
          Duration: null,
          ConcurrentExecutions: 0,
          ProvisionedConcurrencySpilloverInvocations: 0,
          ProvisionedConcurrencyInvocations: 0,
          ProvisionedConcurrentExecutions: 0,
          ProvisionedConcurrencyUtilization: 0,
          DeadLetterErrors: 0,
          DestinationDeliveryFailures: 0,
          AsyncEventAge: null,
          AsyncEventsReceived: 0,
          AsyncEventsDropped: 0,
          RecursiveInvocationsDropped: 0,
          ColdStarts: 0,
        },
        durations: [],
      };
      perFn.set(minute, b);
    }
    return b;
  }

  invocation(fn: string, time: number, duration: number, failed: boolean, coldStart: boolean, provisioned: boolean, spillover: boolean): void {
    const b = this.bucket(fn, time);
    b.m.Invocations++;
    if (failed) b.m.Errors++;
    if (coldStart) b.m.ColdStarts++;
    if (provisioned) b.m.ProvisionedConcurrencyInvocations++;
    if (spillover) b.m.ProvisionedConcurrencySpilloverInvocations++;
    b.durations.push(duration);
  }

  throttle(fn: string, time: number): void {
    this.bucket(fn, time).m.Throttles++;
  }

  concurrency(fn: string, time: number, value: number, provisionedBusy = 0, provisionedAllocated = 0): void {
    const b = this.bucket(fn, time);
    if (value > b.m.ConcurrentExecutions) b.m.ConcurrentExecutions = value;
    if (provisionedBusy > b.m.ProvisionedConcurrentExecutions) b.m.ProvisionedConcurrentExecutions = provisionedBusy;
    if (provisionedAllocated > 0) {
      const u = Math.round((provisionedBusy / provisionedAllocated) * 1000) / 1000;
      if (u > b.m.ProvisionedConcurrencyUtilization) b.m.ProvisionedConcurrencyUtilization = u;
    }
  }

  deadLetterError(fn: string, time: number): void {
    this.bucket(fn, time).m.DeadLetterErrors++;
  }

  destinationFailure(fn: string, time: number): void {
    this.bucket(fn, time).m.DestinationDeliveryFailures++;
  }

  asyncReceived(fn: string, time: number): void {
    this.bucket(fn, time).m.AsyncEventsReceived++;
  }

  recursiveDropped(fn: string, time: number): void {
    this.bucket(fn, time).m.RecursiveInvocationsDropped++;
  }

  asyncDropped(fn: string, time: number): void {
    this.bucket(fn, time).m.AsyncEventsDropped++;
  }

  eventAge(fn: string, time: number, ageMs: number): void {
    const b = this.bucket(fn, time);
    if (b.m.AsyncEventAge === null || ageMs > b.m.AsyncEventAge) b.m.AsyncEventAge = ageMs;
  }

  /** Metrics keyed by function logical id, minutes in order. */
  build(): Record<string, MinuteMetrics[]> {
    const out: Record<string, MinuteMetrics[]> = {};
    for (const [fn, perFn] of this.byFunction) {
      out[fn] = [...perFn.values()]
        .sort((a, b) => a.m.minute - b.m.minute)
        .map((b) => ({ ...b.m, Duration: durationStats(b.durations) }));
    }
    return out;
  }
}

/** avg, p50, p99, max with the nearest-rank method (CloudWatch percentiles are approximate too). */
export function durationStats(values: number[]): DurationStats | null {
  if (values.length === 0) return null;
  const s = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of s) sum += v;
  const rank = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? 0;
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return { avg: r2(sum / s.length), p50: r2(rank(0.5)), p99: r2(rank(0.99)), max: r2(s[s.length - 1] ?? 0) };
}
