/**
 * The bill of a run, from the price table in pricing.ts: requests, GB-seconds of duration by
 * architecture (1 ms granularity; the init phase of on-demand cold starts included, as billed since
 * August 2025 — the runtime's Billed Duration already includes it), provisioned concurrency
 * (configured time, rounded up to 5 minutes, plus its lower duration rate), ephemeral storage above
 * 512 MB, and optionally the monthly free tier.
 */
import type { Architecture } from "../runtime/types";
import { gbSeconds, PRICES, usd, type PriceTable } from "./pricing";
import type { CostLine, CostReport, InvocationRecord } from "./types";

export interface ProvisionedInterval {
  memoryMB: number;
  architecture: Architecture;
  count: number;
  from: number;
  to: number;
}

export interface CostInputs {
  /** Billable invocations: every record that ran (throttles are not billed). */
  invocations: readonly InvocationRecord[];
  provisioned: readonly ProvisionedInterval[];
  /** Ephemeral storage (MB) configured per function logical id; GB-s above 512 MB are billed for the duration. */
  ephemeralByFunction: Record<string, number>;
  freeTier: boolean;
  prices?: PriceTable;
}

export function computeCost(input: CostInputs): CostReport {
  const p = input.prices ?? PRICES;
  const lines: Record<Architecture, CostLine> = {
    x86_64: { architecture: "x86_64", requests: 0, gbSeconds: 0, usd: 0 },
    arm64: { architecture: "arm64", requests: 0, gbSeconds: 0, usd: 0 },
  };
  let requests = 0;
  let ephGbs = 0;
  let provDuration = 0;
  let provDurationUsd = 0;
  for (const r of input.invocations) {
    if (r.status === "throttled") continue;
    requests++;
    const gbs = gbSeconds(r.billedDuration, r.memorySizeMB);
    const eph = input.ephemeralByFunction[r.function] ?? 512;
    if (eph > 512) ephGbs += gbSeconds(r.billedDuration, eph - 512);
    if (r.provisioned) {
      provDuration += gbs;
      provDurationUsd += gbs * p.provisionedDurationPerGbSecond[r.architecture];
    } else {
      const line = lines[r.architecture];
      line.requests++;
      line.gbSeconds += gbs;
    }
  }
  let configured = 0;
  let configuredUsd = 0;
  for (const iv of input.provisioned) {
    const seconds = Math.max(0, iv.to - iv.from) / 1000;
    const inc = p.provisionedBillingIncrementSeconds;
    const billedSeconds = Math.max(inc, Math.ceil(seconds / inc) * inc);
    const gbs = billedSeconds * (iv.memoryMB / 1024) * iv.count;
    configured += gbs;
    configuredUsd += gbs * p.provisionedPerGbSecond[iv.architecture];
  }
  // Free tier: 1M requests and 400,000 GB-s of on-demand duration (x86 first, then arm64).
  let freeReq = 0;
  let freeGbs = 0;
  let freeUsd = 0;
  if (input.freeTier) {
    freeReq = Math.min(requests, p.freeTier.requests);
    freeUsd += freeReq * p.perRequest;
    let left = p.freeTier.gbSeconds;
    for (const arch of ["x86_64", "arm64"] as const) {
      const take = Math.min(left, lines[arch].gbSeconds);
      left -= take;
      freeGbs += take;
      freeUsd += take * p.perGbSecond[arch];
    }
  }
  for (const arch of ["x86_64", "arm64"] as const) {
    const l = lines[arch];
    l.usd = usd(l.gbSeconds * p.perGbSecond[arch]);
    l.gbSeconds = Math.round(l.gbSeconds * 1e6) / 1e6;
  }
  const requestUsd = requests * p.perRequest;
  const provUsd = configuredUsd + provDurationUsd;
  const ephUsd = ephGbs * p.ephemeralStoragePerGbSecond;
  const total = requestUsd + lines.x86_64.usd + lines.arm64.usd + provUsd + ephUsd - freeUsd;
  return {
    currency: "USD",
    freeTierApplied: input.freeTier,
    requests: { count: requests, usd: usd(requestUsd) },
    compute: [lines.x86_64, lines.arm64].filter((l) => l.requests > 0),
    provisioned: { gbSecondsConfigured: Math.round(configured * 1e6) / 1e6, gbSecondsDuration: Math.round(provDuration * 1e6) / 1e6, usd: usd(provUsd) },
    ephemeralStorage: { gbSeconds: Math.round(ephGbs * 1e6) / 1e6, usd: usd(ephUsd) },
    freeTier: { requests: freeReq, gbSeconds: Math.round(freeGbs * 1e6) / 1e6, usd: usd(freeUsd) },
    totalUsd: usd(Math.max(0, total)),
    prices: p,
  };
}
