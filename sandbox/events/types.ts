/**
 * Event types `@types/aws-lambda` does not declare (Amazon MQ, Step Functions) or declares more
 * narrowly than AWS sends them (S3 `ObjectRemoved` records have no `size` / `eTag`). Each is written
 * from the AWS page cited on it; the catalogue manifest names these with `"typeFrom": "lambda-lab"`.
 */
import type { KinesisStreamTumblingWindowEvent, S3EventRecord } from "aws-lambda";

// ---------------------------------------------------------------------------------------------
// Amazon MQ — https://docs.aws.amazon.com/lambda/latest/dg/with-mq.html

/** One ActiveMQ message as Lambda delivers it (`data` is base64). */
export interface ActiveMQMessage {
  messageID: string;
  messageType: "jms/text-message" | "jms/bytes-message";
  deliveryMode: number;
  replyTo: string | null;
  type: string | null;
  expiration: string;
  priority: number;
  correlationId: string | null;
  redelivered: boolean;
  destination: { physicalName: string };
  data: string;
  timestamp: number;
  brokerInTime: number;
  brokerOutTime: number;
  properties?: Record<string, string>;
}

/** An Amazon MQ for ActiveMQ batch (`eventSource: "aws:mq"`). */
export interface ActiveMQEvent {
  eventSource: "aws:mq";
  eventSourceArn: string;
  messages: ActiveMQMessage[];
}

/** AMQP basic properties of a RabbitMQ message; header values that are strings arrive as `{ bytes }`. */
export interface RabbitMQBasicProperties {
  contentType: string | null;
  contentEncoding: string | null;
  headers: Record<string, { bytes: number[] } | number | boolean | null>;
  deliveryMode: number;
  priority: number;
  correlationId: string | null;
  replyTo: string | null;
  expiration: string | null;
  messageId: string | null;
  timestamp: string | null;
  type: string | null;
  userId: string | null;
  appId: string | null;
  clusterId: string | null;
  bodySize: number;
}

export interface RabbitMQMessage {
  basicProperties: RabbitMQBasicProperties;
  redelivered: boolean;
  data: string;
}

/** An Amazon MQ for RabbitMQ batch (`eventSource: "aws:rmq"`), keyed by `"<queue>::<virtual host>"`. */
export interface RabbitMQEvent {
  eventSource: "aws:rmq";
  eventSourceArn: string;
  rmqMessagesByQueue: Record<string, RabbitMQMessage[]>;
}

// ---------------------------------------------------------------------------------------------
// Step Functions — https://docs.aws.amazon.com/step-functions/latest/dg/connect-lambda.html

/**
 * The context object a state can pass to Lambda (`"Payload": { "input.$": "$", "context.$": "$$" }`).
 * https://docs.aws.amazon.com/step-functions/latest/dg/input-output-contextobject.html
 */
export interface StepFunctionsContextObject {
  Execution: {
    Id: string;
    Input: unknown;
    Name: string;
    RoleArn: string;
    StartTime: string;
    RedriveCount: number;
  };
  State: { EnteredTime: string; Name: string; RetryCount: number };
  StateMachine: { Id: string; Name: string };
  Task?: { Token: string };
}

/**
 * What a `arn:aws:states:::lambda:invoke` task sends when its `Payload` selects the state input and
 * the context object — the common way to give a function both its data and where it runs. With
 * `.waitForTaskToken`, `Task.Token` is the token the function must hand back with `SendTaskSuccess`.
 */
export interface StepFunctionsTaskEvent<TInput = Record<string, unknown>> {
  input: TInput;
  context: StepFunctionsContextObject;
}

// ---------------------------------------------------------------------------------------------
// S3 — https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html

/** An S3 `ObjectRemoved:*` record: like {@link S3EventRecord} but the object has no `size` or `eTag`. */
export interface S3ObjectRemovedRecord extends Omit<S3EventRecord, "s3"> {
  s3: Omit<S3EventRecord["s3"], "object"> & {
    object: { key: string; sequencer: string; versionId?: string };
  };
}

export interface S3ObjectRemovedEvent {
  Records: S3ObjectRemovedRecord[];
}

// ---------------------------------------------------------------------------------------------
// Kinesis tumbling windows — https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-windows.html

/**
 * A Kinesis invocation inside a tumbling window: `@types/aws-lambda`'s
 * `KinesisStreamTumblingWindowEvent` plus `shardId` and `eventSourceARN`, which AWS also sends.
 */
export interface KinesisTumblingWindowEvent extends KinesisStreamTumblingWindowEvent {
  shardId: string;
  eventSourceARN: string;
}

// ---------------------------------------------------------------------------------------------
// Asynchronous invocation destinations — https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html

/**
 * The invocation record Lambda sends to an OnSuccess / OnFailure destination after an asynchronous
 * invocation; a Lambda function destination receives it as its event.
 */
export interface LambdaDestinationRecord<TRequest = unknown, TResponse = unknown> {
  version: "1.0";
  timestamp: string;
  requestContext: {
    requestId: string;
    functionArn: string;
    condition: "Success" | "RetriesExhausted" | "EventAgeExceeded";
    approximateInvokeCount: number;
  };
  requestPayload: TRequest;
  responseContext: {
    statusCode: number;
    executedVersion: string;
    functionError?: "Unhandled" | "Handled";
  };
  responsePayload: TResponse;
}
