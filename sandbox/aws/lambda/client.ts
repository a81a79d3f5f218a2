/**
 * `@aws-sdk/client-lambda` in a function: `Invoke` (API Invoke,
 * https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html) through the simulated service.
 * RequestResponse → `{ StatusCode: 200, Payload, FunctionError?, ExecutedVersion, LogResult? }`,
 * Event → 202, DryRun → 204. The callee starts at the virtual time of the call and runs nested in
 * the caller's invocation (the caller's environment stays busy); the time it took is the call's
 * virtual latency, so the caller's Duration includes it, as a synchronous invoke does on Lambda.
 */
import type { ServiceHost } from "../../service/service";
import { LambdaApiError } from "../../service/errors";
import { AwsServiceError, type AwsCallContext, type AwsServiceDefinition } from "../sdk/hub";

export interface InvokeInput {
  FunctionName?: unknown;
  InvocationType?: unknown;
  LogType?: unknown;
  Qualifier?: unknown;
  Payload?: unknown;
  ClientContext?: unknown;
}

export interface InvokeOutput {
  StatusCode: number;
  Payload?: Uint8Array;
  FunctionError?: string;
  ExecutedVersion?: string;
  LogResult?: string;
}

/** Synchronous invokes nested in one another (A calls B calls C…) the simulator runs before refusing. */
export const MAX_NESTED_SYNC_INVOKES = 25;
const LOG_TAIL_BYTES = 4096;

/**
 * A function name as Invoke accepts it — name, `name:qualifier`, full ARN or partial ARN
 * (`123456789012:function:name`) — as a service target (`LogicalId[:qualifier]`).
 */
export function resolveFunctionName(host: ServiceHost, input: InvokeInput, ctx: Pick<AwsCallContext, "region" | "accountId">): { target: string; arn: string; logicalId?: string } {
  const raw = input.FunctionName;
  if (raw === undefined || raw === null || raw === "") {
    // The SDK refuses before sending: FunctionName is a label of the request's path.
    throw new AwsServiceError("Error", "No value provided for input HTTP label: FunctionName.", { sdkClientSide: true });
  }
  if (typeof raw !== "string") {
    throw new AwsServiceError("ValidationException", `1 validation error detected: Value at 'functionName' failed to satisfy constraint: Member must be a string`, { statusCode: 400 });
  }
  let rest = raw;
  const full = /^arn:aws[a-z-]*:lambda:([a-z0-9-]+):(\d{12}):function:(.+)$/.exec(raw);
  const partial = /^(\d{12}):function:(.+)$/.exec(raw);
  if (full) rest = full[3] ?? "";
  else if (partial) rest = partial[2] ?? "";
  const i = rest.indexOf(":");
  const name = i < 0 ? rest : rest.slice(0, i);
  const inlineQualifier = i < 0 ? undefined : rest.slice(i + 1);
  const qualifier = typeof input.Qualifier === "string" && input.Qualifier !== "" ? input.Qualifier : inlineQualifier;
  if (inlineQualifier !== undefined && typeof input.Qualifier === "string" && input.Qualifier !== inlineQualifier) {
    throw new AwsServiceError("InvalidParameterValueException", "The derived qualifier from the function name does not match the specified qualifier.");
  }
  const fn = host.template.functions.find((f) => f.functionName === name || f.logicalId === name);
  const arnBase = fn?.arn ?? `arn:aws:lambda:${ctx.region}:${ctx.accountId}:function:${name}`;
  const arn = qualifier !== undefined ? `${arnBase}:${qualifier}` : arnBase;
  return { target: (fn?.logicalId ?? name) + (qualifier !== undefined ? `:${qualifier}` : ""), arn, ...(fn ? { logicalId: fn.logicalId } : {}) };
}

function payloadOf(p: unknown): unknown {
  if (p === undefined || p === null) return {};
  const text = p instanceof Uint8Array ? new TextDecoder().decode(p) : typeof p === "string" ? p : undefined;
  if (text === undefined) throw new AwsServiceError("InvalidRequestContentException", "Could not parse request body into json: Payload must be a Uint8Array or a string of JSON", { statusCode: 400 });
  if (text === "") return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AwsServiceError("InvalidRequestContentException", `Could not parse request body into json: Could not parse payload into json: ${(error as Error).message}`, { statusCode: 400 });
  }
}

function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** The Lambda client's operations. */
export function lambdaService(): AwsServiceDefinition {
  let nested = 0;
  let advancing = false;
  // The virtual time each output's call took (outputs are fresh objects, one per call).
  const latency = new WeakMap<InvokeOutput, number>();
  return {
    package: "@aws-sdk/client-lambda",
    clientName: "LambdaClient",
    // Lambda answers an IAM denial with 403 AccessDeniedException (API Invoke, Errors).
    accessDenied: { name: "AccessDeniedException", statusCode: 403 },
    exceptions: ["ResourceNotFoundException", "TooManyRequestsException", "InvalidRequestContentException", "RequestTooLargeException", "InvalidParameterValueException", "AccessDeniedException"],
    operations: {
      Invoke: {
        action: "lambda:InvokeFunction",
        resource: (input: InvokeInput, ctx) => resolveFunctionName(ctx.host, input, ctx).arn,
        latencyMs: (_input: InvokeInput, output: InvokeOutput) => latency.get(output) ?? 0,
        run: async (input: InvokeInput, ctx): Promise<InvokeOutput> => {
          const { target, logicalId } = resolveFunctionName(ctx.host, input, ctx);
          const type = input.InvocationType ?? "RequestResponse";
          if (type !== "RequestResponse" && type !== "Event" && type !== "DryRun") {
            throw new AwsServiceError("InvalidParameterValueException", `1 validation error detected: Value '${String(type)}' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]`);
          }
          const payload = payloadOf(input.Payload);
          if (!logicalId) {
            throw new AwsServiceError("ResourceNotFoundException", `Function not found: ${resolveFunctionName(ctx.host, input, ctx).arn}`, { statusCode: 404, fields: { Type: "User" } });
          }
          if (type === "RequestResponse" && nested >= MAX_NESTED_SYNC_INVOKES) {
            // On Lambda a chain of synchronous invokes ends at a timeout or a concurrency limit; the
            // simulator refuses the 26th nested level so a function calling itself cannot exhaust the host.
            throw new AwsServiceError("TooManyRequestsException", `Rate Exceeded. (Lambda Lab stops synchronous invokes nested more than ${MAX_NESTED_SYNC_INVOKES} deep)`, { statusCode: 429, fields: { Type: "User", Reason: "ConcurrentInvocationLimitExceeded" } });
          }
          const trigger = `sdk:${ctx.fn.logicalId}`;
          let result;
          nested++;
          try {
            // The callee starts when the call is made: run the clock's work due until then
            // (environments released meanwhile are reused). Only one such advance at a time — calls
            // made during another advance, or in parallel with one, start at the clock's time.
            if (!advancing && ctx.host.runUntil && ctx.time > ctx.host.clock.now()) {
              advancing = true;
              try {
                await ctx.host.runUntil(ctx.time);
              } finally {
                advancing = false;
              }
            }
            result = await ctx.host.invokeWithRecord(target, payload, { type, trigger });
          } catch (error) {
            if (error instanceof LambdaApiError) throw new AwsServiceError(error.errorType, error.message.replace(/ \((functions in the template|[A-Za-z0-9]+ has).*\)$/, ""), { statusCode: error.statusCode, fields: { Type: "User" } });
            throw error;
          } finally {
            nested--;
          }
          const { response, record } = result;
          ctx.hub.edge(ctx.fn.logicalId, logicalId, `invoke:${String(type)}`);
          if (response.statusCode === 429) {
            throw new AwsServiceError("TooManyRequestsException", "Rate Exceeded.", { statusCode: 429, fields: { Type: "User", Reason: response.throttleReason } });
          }
          if (response.statusCode !== 200) return { StatusCode: response.statusCode, Payload: new Uint8Array(0) };
          // The caller waited for the callee: its init and duration are the call's latency.
          const out: InvokeOutput = {
            StatusCode: 200,
            Payload: new TextEncoder().encode(JSON.stringify(response.payload ?? null)),
            ...(response.executedVersion ? { ExecutedVersion: response.executedVersion } : {}),
            ...(response.functionError ? { FunctionError: response.functionError } : {}),
          };
          if (input.LogType === "Tail" && record?.logs) {
            const tail = record.logs.join("\n") + "\n";
            out.LogResult = base64Utf8(tail.length > LOG_TAIL_BYTES ? tail.slice(-LOG_TAIL_BYTES) : tail);
          }
          if (record) latency.set(out, Math.max(0, record.end - record.start));
          return out;
        },
      },
    },
  };
}
