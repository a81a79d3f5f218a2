/**
 * The service layer's public data: invocation requests and responses, the run report. Plain,
 * JSON-serialisable objects (the CLI prints the report; a Web Worker posts it to the page).
 */
import type { Architecture } from "../runtime/types";
import type { PriceTable } from "./pricing";
import type { TemplateWarning } from "./template";

export type InvocationType = "RequestResponse" | "Event" | "DryRun";

export type ThrottleReason =
  | "ConcurrentInvocationLimitExceeded"
  | "FunctionInvocationRateLimitExceeded"
  | "ReservedFunctionConcurrentInvocationLimitExceeded"
  | "ReservedFunctionInvocationRateLimitExceeded";

/** What the Invoke API returns (LAMBDA.md §5). Throttles are data: status 429. */
export interface InvokeResponse {
  /** 200 RequestResponse, 202 Event, 204 DryRun, 429 throttled. */
  statusCode: 200 | 202 | 204 | 429;
  requestId: string;
  /** The response payload, Lambda's error payload, or the 429 body. */
  payload: unknown;
  /** `X-Amz-Function-Error`. */
  functionError?: "Unhandled";
  /** `X-Amz-Executed-Version`. */
  executedVersion?: string;
  /** Last 4 KB of the log, base64 (`X-Amz-Log-Result`), for RequestResponse with `logType: "Tail"`. */
  logResult?: string;
  /** 429 only: `{ Reason, Type: "User", message: "Rate Exceeded." }` is in `payload`; reason here too. */
  throttleReason?: ThrottleReason;
}

export type InvocationStatus = "success" | "error" | "timeout" | "throttled";

/** One attempt to run a function (a throttled attempt included), as the report lists it. */
export interface InvocationRecord {
  requestId: string;
  /** Logical id of the function. */
  function: string;
  /** The version that ran (an alias is resolved). */
  version: string;
  /** The qualifier the caller used (alias name, version, or undefined for unqualified). */
  qualifier?: string;
  /** What caused it: "invoke", "destination:<Function>", or an event source (issue 5). */
  trigger: string;
  invocationType: "RequestResponse" | "Event";
  /** 1 for the first attempt; async retries count up (throttled attempts are not counted). */
  attempt: number;
  /** Index of the drive-file stimulus that caused it, when one did. */
  stimulus?: number;
  /** Virtual ms since the start of the run. */
  start: number;
  end: number;
  duration: number;
  billedDuration: number;
  initDuration?: number;
  coldStart: boolean;
  environmentId?: string;
  /** Ran on a provisioned-concurrency environment. */
  provisioned: boolean;
  status: InvocationStatus;
  errorType?: string;
  errorMessage?: string;
  throttleReason?: ThrottleReason;
  /** Which limit throttled it, in words. */
  throttleDetail?: string;
  response?: unknown;
  memorySizeMB: number;
  maxMemoryUsedMB?: number;
  architecture: Architecture;
  /** Log lines (START … REPORT), unless the run keeps no logs. */
  logs?: string[];
  /** Async events: ms the event waited in the queue before this attempt. */
  eventAge?: number;
}

/** A message as Lambda delivers it to a dead-letter queue or topic (DG invocation-async-retain-records). */
export interface DeadLetterMessage {
  messageId: string;
  /** The original event, as JSON text. */
  body: string;
  messageAttributes: {
    RequestID: { dataType: "String"; stringValue: string };
    ErrorCode: { dataType: "Number"; stringValue: string };
    ErrorMessage: { dataType: "String"; stringValue: string };
  };
  /** Virtual ms of delivery. */
  time: number;
}

/** Lambda's asynchronous invocation record (LAMBDA.md §5). */
export interface InvocationRecordDocument {
  version: "1.0";
  timestamp: string;
  requestContext: {
    requestId: string;
    functionArn: string;
    condition: "Success" | "RetriesExhausted" | "EventAgeExceeded";
    approximateInvokeCount: number;
  };
  requestPayload: unknown;
  responseContext: { statusCode: number; executedVersion: string; functionError?: "Unhandled" };
  responsePayload: unknown;
}

export interface DestinationDelivery {
  /** Logical id of the target, or its ARN when it is not in the template. */
  target: string;
  kind: "sqs" | "sns" | "eventbridge" | "lambda" | "s3";
  /** Source function (logical id) and which destination. */
  source: string;
  on: "OnSuccess" | "OnFailure";
  delivered: boolean;
  time: number;
  record: InvocationRecordDocument;
}

export interface DurationStats {
  avg: number;
  p50: number;
  p99: number;
  max: number;
}

/** CloudWatch-style metrics of one function for one minute (or the run's `metricsPeriod`). */
export interface MinuteMetrics {
  /** Start of the minute (period), virtual ms. */
  minute: number;
  /** Length of the period, ms (60,000 unless `metricsPeriod` says otherwise). */
  period: number;
  Invocations: number;
  Errors: number;
  Throttles: number;
  Duration: DurationStats | null;
  ConcurrentExecutions: number;
  ProvisionedConcurrencySpilloverInvocations: number;
  ProvisionedConcurrencyInvocations: number;
  /** Max provisioned environments busy at once. */
  ProvisionedConcurrentExecutions: number;
  /** Max of busy ÷ allocated provisioned environments (0–1). */
  ProvisionedConcurrencyUtilization: number;
  DeadLetterErrors: number;
  DestinationDeliveryFailures: number;
  /** Max age (ms) of async events when they were run this minute. */
  AsyncEventAge: number | null;
  /** Async events queued this minute. */
  AsyncEventsReceived: number;
  /** Async events dropped this minute without a successful run (retries exhausted, too old). */
  AsyncEventsDropped: number;
  /** Invocations stopped by recursive loop detection. */
  RecursiveInvocationsDropped: number;
  ColdStarts: number;
}

export interface TraceSegment {
  name: "Initialization" | "Invocation" | "Overhead";
  start: number;
  end: number;
}

export interface Trace {
  requestId: string;
  function: string;
  version: string;
  attempt: number;
  segments: TraceSegment[];
}

export interface CostLine {
  architecture: Architecture;
  requests: number;
  gbSeconds: number;
  usd: number;
}

export interface CostReport {
  currency: "USD";
  freeTierApplied: boolean;
  requests: { count: number; usd: number };
  /** On-demand duration by architecture (init included on cold starts, as billed since Aug 2025). */
  compute: CostLine[];
  provisioned: { gbSecondsConfigured: number; gbSecondsDuration: number; usd: number };
  ephemeralStorage: { gbSeconds: number; usd: number };
  /** Free tier amounts subtracted (0 when not applied). */
  freeTier: { requests: number; gbSeconds: number; usd: number };
  totalUsd: number;
  prices: PriceTable;
}

export interface FunctionState {
  logicalId: string;
  functionName: string;
  arn: string;
  versions: { version: string; codeSha256: string; memoryMB: number; timeoutSeconds: number }[];
  aliases: { name: string; version: string; weights: Record<string, number> }[];
  reservedConcurrency?: number;
  provisioned: { version: string; count: number }[];
  /** Environments still alive (warm) at the end of the run. */
  warmEnvironments: { version: string; count: number; provisioned: number }[];
  /** Async events still queued (pending a retry or a throttle back-off) at the end. */
  queuedAsyncEvents: number;
}

export interface TargetState {
  logicalId: string;
  type: string;
  arn: string;
  /** Messages (queues, topics), events (buses) or objects (buckets) delivered during the run. */
  messages: unknown[];
}

export interface RunSummary {
  invocations: number;
  coldStarts: number;
  throttles: number;
  errors: number;
  timeouts: number;
  retries: number;
  deadLetters: number;
  destinations: number;
  dryRuns: number;
  maxConcurrency: number;
  /** Destination chains stopped by recursive loop detection. */
  recursiveLoopsStopped: number;
}

/** One connection of the event flow (`Jobs` → `Worker`, kind `sqs`; `Worker` → `Orders`, kind `dynamodb:PutItem`). */
export interface FlowEdge {
  from: string;
  to: string;
  kind: string;
}

/** An HTTP request a router answered (sandbox/aws/http): the method and path asked, the response given. */
export interface HttpExchangeReport {
  method: string;
  path: string;
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  [field: string]: unknown;
}

export interface RunReport {
  seed: number | string;
  /** ISO time of virtual ms 0. */
  startTime: string;
  /** Virtual ms the run covered. */
  duration: number;
  warnings: TemplateWarning[];
  /** Set when the run stopped early (maxInvocations): why. The report covers what ran. */
  truncated?: string;
  summary: RunSummary;
  invocations: InvocationRecord[];
  deadLetters: Record<string, DeadLetterMessage[]>;
  destinations: DestinationDelivery[];
  metrics: Record<string, MinuteMetrics[]>;
  traces: Trace[];
  cost: CostReport;
  /**
   * Each resource's state at the end: the functions, the DLQ/destination targets, and — keyed by
   * logical id — what service extensions simulate (queues with their depths, tables with their
   * items, buckets with their objects…).
   */
  resources: { functions: Record<string, FunctionState>; targets: Record<string, TargetState>; [logicalId: string]: unknown };
  /** HTTP requests to API Gateway, function URLs and load balancers, in stimulus order (issue 5). */
  http?: HttpExchangeReport[];
  /** The event flow for a diagram: source → function → service, one edge per kind of connection. */
  edges: FlowEdge[];
  /**
   * The log lines as CloudWatch Logs holds them: by log group (`/aws/lambda/<function name>`), then
   * by log stream (one per execution environment, `YYYY/MM/DD/[version]<32 hex>`), in order.
   * Empty when the run keeps no logs.
   */
  logGroups: Record<string, Record<string, string[]>>;
  /** Sections added by service extensions (issue 5), keyed by extension name. */
  extensions?: Record<string, unknown>;
}
