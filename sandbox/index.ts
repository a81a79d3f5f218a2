/**
 * Lambda Lab's simulator: one AWS Lambda execution environment (Node.js runtime) in QuickJS.
 *
 * The public surface is re-exported here by name; import from `sandbox` (or `@/sandbox`), never from
 * deeper paths. See `sandbox/README.md` for the API, the threat model and the duration/memory model.
 *
 * @example
 * import { newEnvironment } from "@/sandbox";
 * const env = await newEnvironment({ files: { "index.mjs": "export const handler = async () => 'hi'" } });
 * const result = await env.invoke({});
 * result.payload; // "hi"
 * env.dispose();
 */
export {
  newEnvironment,
  INIT_TIMEOUT_MS,
  GUEST_STACK_BYTES,
  MAX_LOG_BYTES_PER_INVOKE,
  MAX_LOG_EVENT_BYTES,
  realTimeCapMs,
} from "./runtime/environment";
export {
  ConfigError,
  EnvironmentStateError,
  RequestTooLargeError,
  resolveFunctionConfig,
  MAX_SYNC_PAYLOAD_BYTES,
  MAX_RESPONSE_BYTES,
  MAX_ENV_BYTES,
  RESERVED_ENV_KEYS,
} from "./runtime/config";
export type { ResolvedFunctionConfig } from "./runtime/config";
export {
  formatEndLine,
  formatInitReportLine,
  formatInitStartLine,
  formatJsonAppLine,
  formatJsonPlatformLine,
  formatMs,
  formatReportLine,
  formatStartLine,
  formatTextAppLine,
  isoTimestamp,
  LOG_LEVEL_ORDER,
  RUNTIME_VERSIONS,
} from "./runtime/logs";
export type { ReportFields } from "./runtime/logs";
export {
  billedDurationMs,
  cpuSlowdown,
  FULL_VCPU_MB,
  INVOKE_OVERHEAD_MS,
  maxMemoryUsedMB,
  MS_PER_INTERRUPT,
  RUNTIME_BASELINE_MB,
  RUNTIME_INIT_MS,
} from "./runtime/model";
export { configureEngine, loadEngine } from "./runtime/engine";
export type {
  Architecture,
  ClockMode,
  EnvironmentOptions,
  ExecutionEnvironment,
  FunctionConfig,
  HostCallInfo,
  HostReply,
  InvokeOptions,
  InvokeResult,
  InvokeStatus,
  LambdaErrorPayload,
  LayerSource,
  LogEvent,
  LogFormat,
  LogLevel,
  NodeRuntime,
  SourceFiles,
} from "./runtime/types";
export { hostReply, isHostReply } from "./runtime/types";
