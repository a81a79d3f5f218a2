/**
 * The one fictional AWS world every sample event lives in: one account, one region, one clock.
 * Builders take these as defaults and accept overrides through {@link CommonOptions}.
 */

/** The account id of every sample event (AWS's documentation placeholder). */
export const ACCOUNT_ID = "123456789012";

/** The region of every sample event. */
export const REGION = "us-east-1";

/**
 * The instant every sample event happens at, unless a builder is given `time`. A fixed instant
 * keeps the catalogue and lesson output reproducible; the milliseconds are non-zero so that fields
 * AWS writes at second precision visibly differ from those at millisecond precision.
 */
export const DEFAULT_TIME = "2026-01-15T09:30:00.123Z";

/** An instant: a `Date`, an ISO-8601 string or epoch milliseconds. */
export type TimeInput = Date | string | number;

/** Options every builder accepts. */
export interface CommonOptions {
  /** Account id in ARNs and account fields. Default {@link ACCOUNT_ID}. */
  accountId?: string;
  /** Region in ARNs, hosts and region fields. Default {@link REGION}. */
  region?: string;
  /** When the event happened. Default {@link DEFAULT_TIME}. */
  time?: TimeInput;
}

/** {@link CommonOptions} with the defaults applied. */
export interface World {
  accountId: string;
  region: string;
  /** Epoch milliseconds. */
  ms: number;
}

export function world(options: CommonOptions = {}): World {
  return {
    accountId: options.accountId ?? ACCOUNT_ID,
    region: options.region ?? REGION,
    ms: toEpochMs(options.time ?? DEFAULT_TIME),
  };
}

/** Epoch milliseconds of a {@link TimeInput}. Throws a `RangeError` naming the input if invalid. */
export function toEpochMs(time: TimeInput): number {
  const ms = time instanceof Date ? time.getTime() : typeof time === "number" ? time : Date.parse(time);
  if (!Number.isFinite(ms)) throw new RangeError(`Invalid time: ${String(time)}`);
  return ms;
}

/** `2026-01-15T09:30:00.123Z` — S3, SNS, CloudFront and most JSON payloads. */
export function isoMs(ms: number): string {
  return new Date(ms).toISOString();
}

/** `2026-01-15T09:30:00Z` — EventBridge `time` (second precision). */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `15/Jan/2026:09:30:00 +0000` — API Gateway `requestContext.requestTime` / `time` (CLF format). */
export function clfTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(
    d.getUTCMinutes(),
  )}:${pad(d.getUTCSeconds())} +0000`;
}

/** Epoch seconds with a millisecond fraction (`1768469400.123`) — Kinesis `approximateArrivalTimestamp`. */
export function epochSecondsFraction(ms: number): number {
  return ms / 1000;
}

/** Whole epoch seconds — DynamoDB Streams `ApproximateCreationDateTime`. */
export function epochSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}

/** `arn:aws:<service>:<region>:<account>:<resource>`. */
export function arn(service: string, w: World, resource: string): string {
  return `arn:aws:${service}:${w.region}:${w.accountId}:${resource}`;
}
