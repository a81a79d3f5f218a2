/**
 * Lambda-shaped results for invocations the engine could not answer because the host stopped or
 * lost the worker: the hard deadline passed (`Sandbox.Timedout`), the worker ran out of its own
 * heap (`Runtime.OutOfMemory`), or it crashed or exited (`Runtime.ExitError`).
 *
 * Shapes from LAMBDA.md §1 and §2 (DG `lambda-runtime-environment`, "Failures during the invoke
 * phase"): the REPORT line carries `Status: timeout` or `Status: error\tError Type: <type>`, and the
 * error payload's message starts with `RequestId: <id> Error:`.
 */
import type { FunctionConfig, InvokeResult, LambdaErrorPayload, LogEvent } from "../runtime/types";
import {
  formatEndLine,
  formatInitStartLine,
  formatJsonPlatformLine,
  formatReportLine,
  formatStartLine,
  RUNTIME_VERSIONS,
} from "../runtime/logs";
import { cpuSlowdown, round2 } from "../runtime/model";
import type { WorkerLost } from "./connection";

export interface LostInvocation {
  config: FunctionConfig;
  requestId: string;
  /** Epoch milliseconds at which the invocation started (log timestamps). */
  startTime: number;
  /** The environment had not completed an init before this invoke. */
  coldStart: boolean;
  lost: Exclude<WorkerLost, { reason: "closed" }>;
}

const DEFAULT_TIMEOUT_S = 3;
const DEFAULT_MEMORY_MB = 128;

/** The result a caller gets when the host had to stop or lost the worker mid-invocation. */
export function lostInvocationResult(input: LostInvocation): InvokeResult {
  const { config, requestId, startTime, lost } = input;
  const timeoutS = config.timeoutSeconds ?? DEFAULT_TIMEOUT_S;
  const memorySizeMB = config.memoryMB ?? DEFAULT_MEMORY_MB;
  const version = config.version ?? "$LATEST";

  let payload: LambdaErrorPayload;
  let status: InvokeResult["status"];
  let durationMs: number;
  // What the worker used before it was lost is unknown; Lambda reports Memory Size after a kill.
  const maxMemoryUsedMB = memorySizeMB;
  if (lost.reason === "deadline") {
    status = "timeout";
    // The reported Duration of a timed-out invoke is capped at the timeout (LAMBDA.md §2).
    durationMs = timeoutS * 1000;
    payload = {
      errorType: "Sandbox.Timedout",
      errorMessage: `RequestId: ${requestId} Error: Task timed out after ${timeoutS.toFixed(2)} seconds`,
    };
  } else {
    status = "error";
    // Wall time scaled like the engine's own durations (CPU proportional to memory), capped at the timeout.
    durationMs = Math.min(round2(lost.elapsedMs * cpuSlowdown(memorySizeMB)), timeoutS * 1000);
    if (lost.reason === "crash" && lost.outOfMemory) {
      payload = {
        errorType: "Runtime.OutOfMemory",
        errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: signal: killed`,
      };
    } else if (lost.reason === "exit") {
      payload = {
        errorType: "Runtime.ExitError",
        errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: exit status ${lost.code}`,
      };
    } else {
      payload = {
        errorType: "Runtime.ExitError",
        errorMessage: `RequestId: ${requestId} Error: Runtime exited without providing a reason`,
      };
    }
  }
  const billedDurationMs = Math.ceil(durationMs);
  const logs = platformLines(config, input.coldStart, {
    requestId,
    startTime,
    durationMs,
    billedDurationMs,
    memorySizeMB,
    maxMemoryUsedMB,
    status,
    errorType: status === "error" ? payload.errorType : undefined,
  });
  return {
    requestId,
    status,
    payload,
    functionError: "Unhandled",
    coldStart: input.coldStart,
    durationMs,
    billedDurationMs,
    memorySizeMB,
    maxMemoryUsedMB,
    logs,
    environmentReset: true,
    version,
  };
}

interface ReportFigures {
  requestId: string;
  startTime: number;
  durationMs: number;
  billedDurationMs: number;
  memorySizeMB: number;
  maxMemoryUsedMB: number;
  status: InvokeResult["status"];
  errorType: string | undefined;
}

/**
 * INIT_START (on a cold start), START, END and REPORT for an invocation the host finished, in the
 * function's log format. The lines the worker had produced were lost with it.
 */
function platformLines(config: FunctionConfig, coldStart: boolean, r: ReportFigures): LogEvent[] {
  const version = config.version ?? "$LATEST";
  const runtime = config.runtime ?? "nodejs22.x";
  const region = config.region ?? "us-east-1";
  const end = r.startTime + r.durationMs;
  const line = (time: number, message: string): LogEvent => ({ timestamp: time, kind: "platform", message });
  const failure = r.status === "success" ? {} : { status: r.status, ...(r.errorType ? { errorType: r.errorType } : {}) };
  if ((config.logFormat ?? "Text") === "JSON") {
    const account = config.accountId ?? "123456789012";
    const functionName = config.functionName ?? "my-function";
    const functionArn = `arn:aws:lambda:${region}:${account}:function:${functionName}`;
    const initStart = coldStart
      ? [
          line(
            r.startTime,
            formatJsonPlatformLine(r.startTime, "platform.initStart", {
              initializationType: "on-demand",
              phase: "init",
              runtimeVersion: RUNTIME_VERSIONS[runtime].version,
              runtimeVersionArn: RUNTIME_VERSIONS[runtime].arn(region),
              functionName,
              functionVersion: version,
              instanceMaxMemory: r.memorySizeMB * 1024 * 1024,
            }),
          ),
        ]
      : [];
    return [
      ...initStart,
      line(r.startTime, formatJsonPlatformLine(r.startTime, "platform.start", { requestId: r.requestId, functionArn, version })),
      line(
        end,
        formatJsonPlatformLine(end, "platform.report", {
          requestId: r.requestId,
          metrics: {
            durationMs: r.durationMs,
            billedDurationMs: r.billedDurationMs,
            memorySizeMB: r.memorySizeMB,
            maxMemoryUsedMB: r.maxMemoryUsedMB,
          },
          ...failure,
        }),
      ),
    ];
  }
  return [
    ...(coldStart ? [line(r.startTime, formatInitStartLine(runtime, region))] : []),
    line(r.startTime, formatStartLine(r.requestId, version)),
    line(end, formatEndLine(r.requestId)),
    line(
      end,
      formatReportLine({
        requestId: r.requestId,
        durationMs: r.durationMs,
        billedDurationMs: r.billedDurationMs,
        memorySizeMB: r.memorySizeMB,
        maxMemoryUsedMB: r.maxMemoryUsedMB,
        ...failure,
      }),
    ),
  ];
}

/** A fresh request id (UUID v4), from Web Crypto, which both hosts have. */
export function newRequestId(): string {
  return globalThis.crypto.randomUUID();
}
