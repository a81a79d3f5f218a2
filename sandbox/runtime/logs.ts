/**
 * CloudWatch log lines as the Node.js runtime and the Lambda platform write them (LAMBDA.md §1,
 * DG nodejs-logging, DG monitoring-cloudwatchlogs-advanced). Pure functions: hosts and the service
 * layer may use them to render lines of their own (e.g. a throttle never reaches a runtime).
 */
import type { LogLevel, NodeRuntime } from "./types";

/** Runtime versions the simulator reports on INIT_START, one per managed runtime. */
export const RUNTIME_VERSIONS: Record<NodeRuntime, { version: string; arn: (region: string) => string }> = {
  "nodejs18.x": { version: "nodejs:18.v64", arn: (r) => `arn:aws:lambda:${r}::runtime:${"b7f3c2d1".repeat(8)}` },
  "nodejs20.x": { version: "nodejs:20.v58", arn: (r) => `arn:aws:lambda:${r}::runtime:${"0e2a9c4f".repeat(8)}` },
  "nodejs22.x": { version: "nodejs:22.v48", arn: (r) => `arn:aws:lambda:${r}::runtime:${"6c1e7a3b".repeat(8)}` },
  "nodejs24.x": { version: "nodejs:24.v12", arn: (r) => `arn:aws:lambda:${r}::runtime:${"d94b05e8".repeat(8)}` },
};

/** Milliseconds with two decimals, as on REPORT lines ("128.83"). */
export function formatMs(ms: number): string {
  return (Math.round(ms * 100) / 100).toFixed(2);
}

export function isoTimestamp(epochMs: number): string {
  return new Date(Math.floor(epochMs)).toISOString();
}

/** `INIT_START Runtime Version: nodejs:22.v48\tRuntime Version ARN: arn:aws:lambda:…::runtime:<hex>` */
export function formatInitStartLine(runtime: NodeRuntime, region: string): string {
  const v = RUNTIME_VERSIONS[runtime];
  return `INIT_START Runtime Version: ${v.version}\tRuntime Version ARN: ${v.arn(region)}`;
}

/** `START RequestId: <id> Version: $LATEST` (DG nodejs-logging). */
export function formatStartLine(requestId: string, version: string): string {
  return `START RequestId: ${requestId} Version: ${version}`;
}

/** `END RequestId: <id>` */
export function formatEndLine(requestId: string): string {
  return `END RequestId: ${requestId}`;
}

export interface ReportFields {
  requestId: string;
  durationMs: number;
  billedDurationMs: number;
  memorySizeMB: number;
  maxMemoryUsedMB: number;
  initDurationMs?: number;
  /** Absent on success. */
  status?: "timeout" | "error";
  errorType?: string;
}

/**
 * The REPORT line: tab-separated, Init Duration last and only on a cold start, trailing tab on
 * success; failures append `Status: timeout` or `Status: error\tError Type: <type>`
 * (DG lambda-runtime-environment, "Failures during the invoke phase").
 */
export function formatReportLine(f: ReportFields): string {
  let line =
    `REPORT RequestId: ${f.requestId}\tDuration: ${formatMs(f.durationMs)} ms\tBilled Duration: ${f.billedDurationMs} ms` +
    `\tMemory Size: ${f.memorySizeMB} MB\tMax Memory Used: ${f.maxMemoryUsedMB} MB`;
  if (f.initDurationMs !== undefined) line += `\tInit Duration: ${formatMs(f.initDurationMs)} ms`;
  if (f.status === "timeout") return line + "\tStatus: timeout";
  if (f.status === "error") return line + `\tStatus: error\tError Type: ${f.errorType ?? "Runtime.Unknown"}`;
  return line + "\t";
}

/** `INIT_REPORT Init Duration: 229.04 ms\tPhase: init\tStatus: error\tError Type: …` (only after a failed init). */
export function formatInitReportLine(f: {
  initDurationMs: number;
  phase: "init" | "invoke";
  status: "error" | "timeout";
  errorType?: string;
}): string {
  const base = `INIT_REPORT Init Duration: ${formatMs(f.initDurationMs)} ms\tPhase: ${f.phase}\tStatus: ${f.status}`;
  return f.status === "error" ? `${base}\tError Type: ${f.errorType ?? "Runtime.Unknown"}` : base;
}

/** Application line in the text format (RIC LogPatch): `ISO\trequestId\tLEVEL\tmessage`. */
export function formatTextAppLine(epochMs: number, requestId: string | undefined, level: LogLevel, message: string): string {
  return `${isoTimestamp(epochMs)}\t${requestId ?? "undefined"}\t${level}\t${message}`;
}

/**
 * Application record in the JSON format: `{"timestamp","level","requestId","message",…}`.
 * `body` is the JSON text of the record's remaining fields, starting with `"message":` (empty when
 * the message is `undefined`, which JSON.stringify leaves out, as RIC does).
 */
export function formatJsonAppLine(epochMs: number, requestId: string | undefined, level: LogLevel, body: string): string {
  const rid = requestId === undefined ? "" : `,"requestId":${JSON.stringify(requestId)}`;
  return `{"timestamp":${JSON.stringify(isoTimestamp(epochMs))},"level":"${level}"${rid}${body ? "," + body : ""}}`;
}

/** A platform record in the JSON format: `{"time","type","record"}`. */
export function formatJsonPlatformLine(epochMs: number, type: string, record: unknown): string {
  return JSON.stringify({ time: isoTimestamp(epochMs), type, record });
}

/** Numeric severity of Lambda's application log levels (TRACE lowest). */
export const LOG_LEVEL_ORDER: Record<LogLevel, number> = { TRACE: 0, DEBUG: 1, INFO: 2, WARN: 3, ERROR: 4, FATAL: 5 };
