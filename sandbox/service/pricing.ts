/**
 * The price table, in one place. Every figure the cost report uses is here, with where it comes
 * from and when it was read, so a lesson can show the table and a reader can check it.
 *
 * Source: https://aws.amazon.com/lambda/pricing/ (US East, N. Virginia; first pricing tier), as
 * recorded in LAMBDA.md §9, read 2026-11. Figures marked `confirmed: false` were not confirmed from
 * a primary source (LAMBDA.md marks them "unconfirmed"); they are AWS's long-standing published
 * us-east-1 rates.
 */
import type { Architecture } from "../runtime/types";

export interface PriceTable {
  source: string;
  region: string;
  readDate: string;
  currency: "USD";
  /** USD per request (on-demand and provisioned alike). */
  perRequest: number;
  /** USD per GB-second of on-demand duration, first tier, by architecture. */
  perGbSecond: Record<Architecture, number>;
  /** USD per GB-second of provisioned concurrency configured (billed from enablement, 5-minute rounding). */
  provisionedPerGbSecond: Record<Architecture, number>;
  /** USD per GB-second of duration on provisioned environments. */
  provisionedDurationPerGbSecond: Record<Architecture, number>;
  /** USD per GB-second of ephemeral storage configured above 512 MB. */
  ephemeralStoragePerGbSecond: number;
  /** The monthly free tier (on-demand only; not for provisioned concurrency). */
  freeTier: { requests: number; gbSeconds: number };
  /** Provisioned concurrency is billed in 5-minute increments from when it is enabled. */
  provisionedBillingIncrementSeconds: number;
  notes: string[];
}

export const PRICES: PriceTable = {
  source: "https://aws.amazon.com/lambda/pricing/",
  region: "us-east-1",
  readDate: "2026-11",
  currency: "USD",
  perRequest: 0.2 / 1_000_000,
  perGbSecond: { x86_64: 0.0000166667, arm64: 0.0000133334 },
  provisionedPerGbSecond: { x86_64: 0.0000041667, arm64: 0.0000033334 },
  provisionedDurationPerGbSecond: { x86_64: 0.0000097222, arm64: 0.0000077778 },
  ephemeralStoragePerGbSecond: 0.0000000309,
  freeTier: { requests: 1_000_000, gbSeconds: 400_000 },
  provisionedBillingIncrementSeconds: 300,
  notes: [
    "First-tier duration prices (x86: first 6 billion GB-s a month; arm64: first 7.5 billion).",
    "1 ms billing granularity; the init phase of on-demand functions is billed since 1 Aug 2025.",
    "Provisioned concurrency and ephemeral storage rates are not confirmed from a primary source (LAMBDA.md §9).",
    "The free tier is monthly and shared by x86 and arm64; a run applies it whole when asked to.",
  ],
};

/** GB-seconds for `ms` milliseconds at `memoryMB`. Lambda counts memory in GB of 1,024 MB. */
export function gbSeconds(ms: number, memoryMB: number): number {
  return (ms / 1000) * (memoryMB / 1024);
}

/** Round a USD amount for display without losing cents of a cent (8 decimals). */
export function usd(x: number): number {
  return Math.round(x * 1e8) / 1e8;
}
