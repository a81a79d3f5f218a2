/**
 * Lambda Lab's simulated Lambda service (issue 4): a SAM template and a drive file of stimuli run on
 * a deterministic virtual clock, over the QuickJS execution environments of `sandbox/runtime`, and
 * give a report of invocations, cold starts, throttles, retries, dead letters, destinations,
 * metrics, traces and cost. Same template + drive + seed → same report.
 *
 * Guest failures (errors, timeouts, throttles) are data in the report. Host misuse throws named
 * errors: {@link TemplateError} (naming resource and property), {@link DriveError} (naming the
 * stimulus), {@link LambdaApiError} (what the Lambda API refuses: 404, 413, 400).
 * See `sandbox/service/README.md` for the template subset and the drive-file format.
 *
 * @example
 * import { simulate } from "./service";
 * const report = await simulate(templateYaml, `
 * stimuli:
 *   - invoke: OrderFunction
 *     type: Event
 *     count: 100
 *     every: 10ms
 * `);
 * report.summary.coldStarts;
 */
export { createLambdaService, simulate, LambdaService, TargetResource } from "./service";
export type { EnvironmentFactory, ServiceInvokeOptions, LambdaServiceOptions, ServiceExtension, ServiceHost } from "./service";
export {
  ASYNC_RETRY_DELAYS_MS,
  DEFAULT_ACCOUNT_CONCURRENCY,
  DEFAULT_IDLE_TIMEOUT_MS,
  DEFAULT_MAX_EVENT_AGE_S,
  DEFAULT_MAX_INVOCATIONS,
  DEFAULT_MAX_RETRY_ATTEMPTS,
  DEFAULT_START_TIME,
  RECURSION_LIMIT,
  REQUESTS_PER_SECOND_PER_CONCURRENCY,
  SCALING_BURST,
  THROTTLE_BACKOFF_MAX_MS,
  THROTTLE_BACKOFF_START_MS,
  UNRESERVED_MINIMUM,
} from "./service";
export { parseTemplate } from "./template";
export type {
  AsyncConfig,
  OtherResource,
  ParsedTemplate,
  TargetKind,
  TargetRef,
  TemplateAlias,
  TemplateEventInvokeConfig,
  TemplateFunction,
  TemplateLayer,
  TemplateOptions,
  TemplateTarget,
  TemplateVersion,
  TemplateWarning,
} from "./template";
export type { PolicyStatement } from "./policies";
export { parseDrive, MAX_ASYNC_REQUEST_BYTES, MAX_SYNC_REQUEST_BYTES, MAX_RUN_MS } from "./drive";
export type { AliasStimulus, Drive, DriveOptions, ExtensionStimulus, InvokeStimulus, Stimulus, UpdateStimulus } from "./drive";
export { parseDuration, formatDuration } from "./duration";
export { DriveError, LambdaApiError, ServiceStateError, TemplateError } from "./errors";
export { PRICES, gbSeconds } from "./pricing";
export type { PriceTable } from "./pricing";
export { computeCost } from "./cost";
export { Scheduler, PRIORITY } from "./scheduler";
export type { Clock, Task } from "./scheduler";
export { Rng } from "./rng";
export { loadYaml, YamlSyntaxError } from "./yaml";
export type {
  CostLine,
  CostReport,
  DeadLetterMessage,
  DestinationDelivery,
  DurationStats,
  FunctionState,
  InvocationRecord,
  InvocationRecordDocument,
  InvocationStatus,
  InvocationType,
  InvokeResponse,
  MinuteMetrics,
  RunReport,
  FlowEdge,
  HttpExchangeReport,
  RunSummary,
  TargetState,
  ThrottleReason,
  Trace,
  TraceSegment,
} from "./types";
