/**
 * Function configuration: validation and Lambda's defaults.
 *
 * Host misuse (a setting the Lambda API itself would refuse) throws {@link ConfigError} naming the
 * setting; anything the API accepts but the runtime cannot use (a handler string without a dot, a
 * missing file) is a guest failure reported at init, as on Lambda.
 */
import type { FunctionConfig, LayerSource, LogFormat, LogLevel, NodeRuntime, SourceFiles } from "./types";

/** Thrown for a configuration the Lambda API would reject. `setting` names the field at fault. */
export class ConfigError extends Error {
  readonly setting: string;
  constructor(setting: string, message: string) {
    super(`${setting}: ${message}`);
    this.name = "ConfigError";
    this.setting = setting;
  }
}

/**
 * Thrown when the caller's request payload exceeds Lambda's 6 MB synchronous limit; Lambda answers
 * HTTP 413 and never runs the function. The API reference names the exception
 * RequestTooLargeException; the error code clients actually receive is
 * `RequestEntityTooLargeException` with this message (seen in e.g. awslabs/aws-athena-query-federation#793:
 * "Request must be smaller than 6291456 bytes for the InvokeFunction operation (… Status Code: 413;
 * Error Code: RequestEntityTooLargeException)").
 */
export class RequestTooLargeError extends Error {
  readonly errorType = "RequestEntityTooLargeException";
  readonly statusCode = 413;
  constructor(readonly sizeBytes: number) {
    super(`Request must be smaller than ${MAX_SYNC_PAYLOAD_BYTES} bytes for the InvokeFunction operation`);
    this.name = "RequestTooLargeError";
  }
}

/** Thrown when an environment is used after `dispose()` or invoked while an invoke is running. */
export class EnvironmentStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EnvironmentStateError";
  }
}

/** Synchronous invoke request limit: 6 MB (6,291,456 bytes). DG gettingstarted-limits. */
export const MAX_SYNC_PAYLOAD_BYTES = 6_291_456;
/** Synchronous response limit as Lambda reports it: 6 MiB + 100 bytes (LAMBDA.md §2). */
export const MAX_RESPONSE_BYTES = 6_291_556;
/** User environment variables: 4 KB in total (DG configuration-envvars). */
export const MAX_ENV_BYTES = 4096;

const RUNTIMES: readonly NodeRuntime[] = ["nodejs18.x", "nodejs20.x", "nodejs22.x", "nodejs24.x"];
const LEVELS: readonly LogLevel[] = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"];
const FORMATS: readonly LogFormat[] = ["Text", "JSON"];

/** Variables a function may not set (DG configuration-envvars, "Reserved environment variables"). */
export const RESERVED_ENV_KEYS: readonly string[] = [
  "_HANDLER",
  "_X_AMZN_TRACE_ID",
  "AWS_DEFAULT_REGION",
  "AWS_REGION",
  "AWS_EXECUTION_ENV",
  "AWS_LAMBDA_FUNCTION_NAME",
  "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
  "AWS_LAMBDA_FUNCTION_VERSION",
  "AWS_LAMBDA_INITIALIZATION_TYPE",
  "AWS_LAMBDA_LOG_GROUP_NAME",
  "AWS_LAMBDA_LOG_STREAM_NAME",
  "AWS_ACCESS_KEY",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_LAMBDA_RUNTIME_API",
  "LAMBDA_TASK_ROOT",
  "LAMBDA_RUNTIME_DIR",
];

/** A FunctionConfig with every default filled in. */
export interface ResolvedFunctionConfig {
  functionName: string;
  handler: string;
  runtime: NodeRuntime;
  architecture: "x86_64" | "arm64";
  memoryMB: number;
  timeoutSeconds: number;
  ephemeralStorageMB: number;
  environment: Record<string, string>;
  region: string;
  accountId: string;
  version: string;
  logFormat: LogFormat;
  applicationLogLevel?: LogLevel;
  files: SourceFiles;
  layers: LayerSource[];
}

function intInRange(setting: string, value: unknown, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(setting, `must be an integer from ${min} to ${max} (got ${String(value)})`);
  }
  return value;
}

/** UTF-8 byte length without TextEncoder allocation of the whole string twice. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** Normalise a file key to a path relative to its root ("./a/b.js" and "/var/task/a/b.js" → "a/b.js"). */
function normaliseKey(setting: string, key: string, root: string): string {
  let k = key.replace(/\\/g, "/");
  if (k.startsWith(root + "/")) k = k.slice(root.length + 1);
  while (k.startsWith("./")) k = k.slice(2);
  if (k.startsWith("/") || k === "" || k.split("/").some((p) => p === ".." || p === ".")) {
    throw new ConfigError(setting, `file path ${JSON.stringify(key)} must be relative to ${root} without '..'`);
  }
  return k;
}

/**
 * Validate a function configuration and fill in Lambda's defaults.
 * Throws {@link ConfigError} naming the setting at fault.
 *
 * @example
 * const cfg = resolveFunctionConfig({ files: { "index.js": "exports.handler = async () => 1" } });
 * cfg.memoryMB; // 128
 */
export function resolveFunctionConfig(config: FunctionConfig): ResolvedFunctionConfig {
  if (config === null || typeof config !== "object") throw new ConfigError("config", "must be an object");
  const functionName = config.functionName ?? "my-function";
  // CreateFunction: FunctionName 1–64 characters, letters, numbers, hyphens, underscores.
  if (typeof functionName !== "string" || !/^[a-zA-Z0-9-_]{1,64}$/.test(functionName)) {
    throw new ConfigError("functionName", "must be 1–64 letters, numbers, hyphens or underscores");
  }
  const handler = config.handler ?? "index.handler";
  // CreateFunction: Handler max 128, pattern [^\s]+. Strings the API accepts but the runtime cannot
  // split (no dot) fail at init with Runtime.MalformedHandlerName, as on Lambda.
  if (typeof handler !== "string" || !/^[^\s]{1,128}$/.test(handler)) {
    throw new ConfigError("handler", "must be 1–128 characters without whitespace, like index.handler");
  }
  const runtime = config.runtime ?? "nodejs22.x";
  if (!RUNTIMES.includes(runtime)) throw new ConfigError("runtime", `must be one of ${RUNTIMES.join(", ")}`);
  const architecture = config.architecture ?? "x86_64";
  if (architecture !== "x86_64" && architecture !== "arm64") {
    throw new ConfigError("architecture", "must be x86_64 or arm64");
  }
  const memoryMB = intInRange("memoryMB", config.memoryMB, 128, 10240, 128);
  const timeoutSeconds = intInRange("timeoutSeconds", config.timeoutSeconds, 1, 900, 3);
  const ephemeralStorageMB = intInRange("ephemeralStorageMB", config.ephemeralStorageMB, 512, 10240, 512);
  const environment: Record<string, string> = {};
  let envBytes = 0;
  for (const [k, v] of Object.entries(config.environment ?? {})) {
    if (!/^[a-zA-Z]([a-zA-Z0-9_])*$/.test(k)) {
      throw new ConfigError("environment", `variable name ${JSON.stringify(k)} must start with a letter and contain only letters, numbers and underscores`);
    }
    if (RESERVED_ENV_KEYS.includes(k)) {
      throw new ConfigError("environment", `${k} is a reserved variable that Lambda sets itself`);
    }
    if (typeof v !== "string") throw new ConfigError("environment", `value of ${k} must be a string`);
    environment[k] = v;
    envBytes += utf8Length(k) + utf8Length(v);
  }
  if (envBytes > MAX_ENV_BYTES) {
    throw new ConfigError("environment", `variables total ${envBytes} bytes, over Lambda's 4 KB limit (4096 bytes)`);
  }
  const region = config.region ?? "us-east-1";
  if (typeof region !== "string" || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) {
    throw new ConfigError("region", `${JSON.stringify(region)} is not a Region name like us-east-1`);
  }
  const accountId = config.accountId ?? "123456789012";
  if (typeof accountId !== "string" || !/^\d{12}$/.test(accountId)) {
    throw new ConfigError("accountId", "must be 12 digits");
  }
  const version = config.version ?? "$LATEST";
  if (typeof version !== "string" || !/^(\$LATEST|[1-9]\d*)$/.test(version)) {
    throw new ConfigError("version", "must be $LATEST or a version number");
  }
  const logFormat = config.logFormat ?? "Text";
  if (!FORMATS.includes(logFormat)) throw new ConfigError("logFormat", "must be Text or JSON");
  const applicationLogLevel = config.applicationLogLevel;
  if (applicationLogLevel !== undefined && !LEVELS.includes(applicationLogLevel)) {
    throw new ConfigError("applicationLogLevel", `must be one of ${LEVELS.join(", ")}`);
  }
  if (config.files === null || typeof config.files !== "object") {
    throw new ConfigError("files", "must map file paths under /var/task to source text");
  }
  const files: SourceFiles = {};
  for (const [k, v] of Object.entries(config.files)) {
    if (typeof v !== "string") throw new ConfigError("files", `content of ${k} must be a string`);
    files[normaliseKey("files", k, "/var/task")] = v;
  }
  const layers: LayerSource[] = [];
  const layerList = config.layers ?? [];
  if (!Array.isArray(layerList)) throw new ConfigError("layers", "must be an array");
  if (layerList.length > 5) throw new ConfigError("layers", "a function can use at most 5 layers");
  for (const layer of layerList) {
    const lf: SourceFiles = {};
    for (const [k, v] of Object.entries(layer.files ?? {})) {
      if (typeof v !== "string") throw new ConfigError("layers", `content of ${k} in layer ${layer.name} must be a string`);
      lf[normaliseKey("layers", k, "/opt")] = v;
    }
    layers.push({ name: String(layer.name), files: lf });
  }
  return {
    functionName,
    handler,
    runtime,
    architecture,
    memoryMB,
    timeoutSeconds,
    ephemeralStorageMB,
    environment,
    region,
    accountId,
    version,
    logFormat,
    ...(applicationLogLevel !== undefined ? { applicationLogLevel } : {}),
    files,
    layers,
  };
}
