/**
 * Builders for events from the platform around a function: CloudFormation custom resources,
 * Step Functions tasks, AWS IoT rules and Secrets Manager rotation.
 */
import type {
  CloudFormationCustomResourceCreateEvent,
  CloudFormationCustomResourceDeleteEvent,
  CloudFormationCustomResourceEvent,
  CloudFormationCustomResourceUpdateEvent,
  IoTEvent,
  SecretsManagerRotationEvent,
  SecretsManagerRotationEventStep,
} from "aws-lambda";
import { type CommonOptions, arn, isoMs, world } from "./defaults";
import { charsFromSeed, hexFromSeed, uuidFromSeed } from "./encoding";
import type { LambdaDestinationRecord, StepFunctionsTaskEvent } from "./types";

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

function compactDate(ms: number): string {
  return isoMs(ms).replace(/[-:]|\.\d{3}/g, "");
}

// ---------------------------------------------------------------------------------------------
// CloudFormation — https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requests.html

/** Options of {@link cloudFormationCustomResource}. */
export interface CustomResourceInput extends CommonOptions {
  /** Default `Create`. */
  requestType?: "Create" | "Update" | "Delete";
  /** Default `my-stack`. */
  stackName?: string;
  /** Default `MyCustomResource`. */
  logicalResourceId?: string;
  /** Default `Custom::SeedData`. */
  resourceType?: string;
  /** The function backing the resource. Default `my-custom-resource`. */
  functionName?: string;
  /** The resource's properties (`ServiceToken` is added). Default `{ TableName: "Orders", Items: "3" }`. */
  properties?: Record<string, unknown>;
  /** Update only. Default: `properties` as they were before (`Items: "1"`). */
  oldProperties?: Record<string, unknown>;
  /** Update and Delete: what the function returned on Create. Default derived from the stack. */
  physicalResourceId?: string;
  requestId?: string;
}

/**
 * A CloudFormation custom-resource request. The function must PUT its result to the pre-signed S3
 * `ResponseURL` (a real URL shape, with the stack, resource and request encoded in the key).
 */
export function cloudFormationCustomResource(input: CustomResourceInput & { requestType?: "Create" }): CloudFormationCustomResourceCreateEvent;
export function cloudFormationCustomResource(input: CustomResourceInput & { requestType: "Update" }): CloudFormationCustomResourceUpdateEvent;
export function cloudFormationCustomResource(input: CustomResourceInput & { requestType: "Delete" }): CloudFormationCustomResourceDeleteEvent;
export function cloudFormationCustomResource(input?: CustomResourceInput): CloudFormationCustomResourceEvent;
export function cloudFormationCustomResource(input: CustomResourceInput = {}): CloudFormationCustomResourceEvent {
  const w = world(input);
  const requestType = input.requestType ?? "Create";
  const stackName = input.stackName ?? "my-stack";
  const stackId = arn("cloudformation", w, `stack/${stackName}/${uuidFromSeed(`stack:${stackName}`)}`);
  const logicalId = input.logicalResourceId ?? "MyCustomResource";
  const requestId = input.requestId ?? uuidFromSeed(`cfn:${stackId}:${logicalId}:${requestType}:${w.ms}`);
  const serviceToken = arn("lambda", w, `function:${input.functionName ?? "my-custom-resource"}`);
  const date = compactDate(w.ms);
  const key = encodeURIComponent(`${stackId}|${logicalId}|${requestId}`);
  const credential = encodeURIComponent(`AKIA${charsFromSeed("cfn-credential", 16, UPPER_ALNUM)}/${date.slice(0, 8)}/${w.region}/s3/aws4_request`);
  const responseUrl =
    `https://cloudformation-custom-resource-response-${w.region.replace(/-/g, "")}.s3.amazonaws.com/${key}` +
    `?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=${date}&X-Amz-SignedHeaders=host&X-Amz-Expires=7200` +
    `&X-Amz-Credential=${credential}&X-Amz-Signature=${hexFromSeed(`cfn-signature:${requestId}`, 64)}`;
  const common = {
    ServiceToken: serviceToken,
    ResponseURL: responseUrl,
    StackId: stackId,
    RequestId: requestId,
    LogicalResourceId: logicalId,
    ResourceType: input.resourceType ?? "Custom::SeedData",
    ResourceProperties: { ServiceToken: serviceToken, ...(input.properties ?? { TableName: "Orders", Items: "3" }) },
  };
  const physicalResourceId = input.physicalResourceId ?? `${stackName}-${logicalId}-${charsFromSeed(`physical:${stackId}`, 12, UPPER_ALNUM)}`;
  if (requestType === "Create") return { RequestType: "Create", ...common };
  if (requestType === "Delete") return { RequestType: "Delete", ...common, PhysicalResourceId: physicalResourceId };
  return {
    RequestType: "Update",
    ...common,
    PhysicalResourceId: physicalResourceId,
    OldResourceProperties: { ServiceToken: serviceToken, ...(input.oldProperties ?? { ...common.ResourceProperties, Items: "1" }) },
  };
}

// ---------------------------------------------------------------------------------------------
// Step Functions — https://docs.aws.amazon.com/step-functions/latest/dg/connect-lambda.html

/** Options of {@link stepFunctionsTask}. */
export interface StepFunctionsTaskInput<TInput> extends CommonOptions {
  /** The state input. Default an order. */
  input?: TInput;
  /** Default `OrderProcessing`. */
  stateMachine?: string;
  /** Default `ChargeCard`. */
  state?: string;
  /** Execution name. Default a UUID, as the console and `StartExecution` choose. */
  executionName?: string;
  /** `.waitForTaskToken`: add `Task.Token` (`true` for a generated token, or the token itself). */
  taskToken?: boolean | string;
  /** How many times the state has been retried. Default 0. */
  retryCount?: number;
}

/**
 * The payload of a Step Functions `lambda:invoke` task whose `Payload` passes the state input and
 * the context object: `{ "input.$": "$", "context.$": "$$" }`. The execution started 250 ms before
 * the state was entered, at the builder's `time`.
 */
export function stepFunctionsTask<TInput = Record<string, unknown>>(options: StepFunctionsTaskInput<TInput> = {}): StepFunctionsTaskEvent<TInput> {
  const w = world(options);
  const machine = options.stateMachine ?? "OrderProcessing";
  const input = options.input ?? ({ orderId: "o-1001", customerId: "c-42", amount: 59.9, currency: "USD" } as TInput);
  const executionName = options.executionName ?? uuidFromSeed(`sfn-execution:${machine}:${w.ms}`);
  const token =
    options.taskToken === true
      ? `AQC${charsFromSeed(`sfn-token:${executionName}`, 4, UPPER_ALNUM)}AAAAKgAAAAMAAAAA${charsFromSeed(`sfn-token-body:${executionName}`, 280, BASE64)}`
      : options.taskToken || undefined;
  return {
    input,
    context: {
      Execution: {
        Id: arn("states", w, `execution:${machine}:${executionName}`),
        Input: input,
        Name: executionName,
        RoleArn: `arn:aws:iam::${w.accountId}:role/${machine}-StateMachineRole`,
        StartTime: isoMs(w.ms - 250),
        RedriveCount: 0,
      },
      State: { EnteredTime: isoMs(w.ms), Name: options.state ?? "ChargeCard", RetryCount: options.retryCount ?? 0 },
      StateMachine: { Id: arn("states", w, `stateMachine:${machine}`), Name: machine },
      ...(token !== undefined && { Task: { Token: token } }),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// AWS IoT — https://docs.aws.amazon.com/iot/latest/developerguide/lambda-rule-action.html

/** Options of {@link iotRule}. */
export interface IoTRuleInput extends CommonOptions {
  /** The device's MQTT message. Default a temperature reading. */
  payload?: Record<string, unknown>;
  /** Default `sensors/sensor-1/telemetry`. */
  topic?: string;
  /**
   * Add `topic` and `timestamp` the way a rule `SELECT *, topic() AS topic, timestamp() AS timestamp`
   * does. Default true.
   */
  withTopicAndTimestamp?: boolean;
}

/**
 * What an AWS IoT rule's Lambda action sends: the JSON the rule's SQL selects from the MQTT message
 * — no envelope — here with `topic()` and `timestamp()` (epoch ms) added.
 */
export function iotRule(input: IoTRuleInput = {}): IoTEvent<Record<string, unknown>> {
  const w = world(input);
  const topic = input.topic ?? "sensors/sensor-1/telemetry";
  const payload = input.payload ?? { deviceId: topic.split("/")[1] ?? "sensor-1", temperature: 21.5, humidity: 48, battery: 0.87 };
  return input.withTopicAndTimestamp === false ? payload : { ...payload, topic, timestamp: w.ms };
}

// ---------------------------------------------------------------------------------------------
// Secrets Manager — https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotate-secrets_lambda-functions.html

/** Options of {@link secretsManagerRotation}. */
export interface SecretsRotationInput extends CommonOptions {
  /** Default `createSecret`. */
  step?: SecretsManagerRotationEventStep;
  /** Default `prod/orders/db`. */
  secretName?: string;
  /** The version being created (the same across the four steps). */
  clientRequestToken?: string;
}

/** One step of a Secrets Manager rotation; Secrets Manager calls the function four times. */
export function secretsManagerRotation(input: SecretsRotationInput = {}): SecretsManagerRotationEvent {
  const w = world(input);
  const name = input.secretName ?? "prod/orders/db";
  const secretId = arn("secretsmanager", w, `secret:${name}-${charsFromSeed(`secret-suffix:${name}`, 6, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")}`);
  return {
    Step: input.step ?? "createSecret",
    SecretId: secretId,
    ClientRequestToken: input.clientRequestToken ?? uuidFromSeed(`rotation:${secretId}:${w.ms}`),
  };
}

// ---------------------------------------------------------------------------------------------
// Async destinations — https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html

/** Options of {@link lambdaDestinationRecord}. */
export interface DestinationRecordInput<TRequest, TResponse> extends CommonOptions {
  /** `Success` (OnSuccess) or `RetriesExhausted` (OnFailure after the retries). Default `Success`. */
  condition?: "Success" | "RetriesExhausted";
  /** The function that was invoked. Default `my-function`. */
  functionName?: string;
  /** The original event. Default an `Order Placed` EventBridge-style detail. */
  requestPayload?: TRequest;
  /**
   * What the function returned, or its error payload on failure. Default `{ status: "ok" }` on
   * success and an `Error` payload (`errorType`, `errorMessage`, `trace`) on failure.
   */
  responsePayload?: TResponse;
  /** Attempts made. Default 1 on success, 3 (the first try and 2 retries) on failure. */
  approximateInvokeCount?: number;
  requestId?: string;
}

/**
 * The invocation record an asynchronous invocation's destination receives. On failure
 * `responseContext.functionError` is `Unhandled` and `responsePayload` is the function's error
 * payload, as LAMBDA.md §2 and §5 describe; `timestamp` is when the last attempt ended.
 */
export function lambdaDestinationRecord<TRequest = Record<string, unknown>, TResponse = unknown>(
  input: DestinationRecordInput<TRequest, TResponse> = {},
): LambdaDestinationRecord<TRequest, TResponse> {
  const w = world(input);
  const condition = input.condition ?? "Success";
  const failed = condition !== "Success";
  const functionArn = arn("lambda", w, `function:${input.functionName ?? "my-function"}:$LATEST`);
  const requestPayload = input.requestPayload ?? ({ orderId: "o-1001", amount: 59.9, currency: "USD" } as TRequest);
  const responsePayload =
    input.responsePayload ??
    ((failed
      ? {
          errorType: "Error",
          errorMessage: "Payment service unavailable",
          trace: ["Error: Payment service unavailable", "    at Runtime.handler (file:///var/task/index.mjs:12:11)"],
        }
      : { status: "ok" }) as TResponse);
  return {
    version: "1.0",
    timestamp: isoMs(w.ms),
    requestContext: {
      requestId: input.requestId ?? uuidFromSeed(`async:${functionArn}:${JSON.stringify(requestPayload)}`),
      functionArn,
      condition,
      approximateInvokeCount: input.approximateInvokeCount ?? (failed ? 3 : 1),
    },
    requestPayload,
    responseContext: { statusCode: 200, executedVersion: "$LATEST", ...(failed && { functionError: "Unhandled" as const }) },
    responsePayload,
  };
}
