/**
 * The sample-event catalogue, defined once: each entry names a builder call, and
 * `sandbox/events/generate.ts` writes `content/events/<id>.json` and `content/events/index.json`
 * from these definitions. A content test fails when the files and this list disagree.
 */
import { ACCOUNT_ID, DEFAULT_TIME, REGION } from "./defaults";
import { cognitoCustomMessage, cognitoPostConfirmation, cognitoPreAuthentication, cognitoPreSignUp } from "./cognito";
import { albRequest, apiGatewayTokenAuthorizer, apiGatewayV1, apiGatewayV2, cloudFrontRequest, functionUrl, httpApiAuthorizer } from "./http";
import type { EventManifest, ManifestEvent, ManifestService } from "./manifest";
import { activeMq, eventBridge, rabbitMq, s3Delete, s3Put, scheduledEvent, snsNotification, sqsBatch } from "./messaging";
import { cloudFormationCustomResource, iotRule, lambdaDestinationRecord, secretsManagerRotation, stepFunctionsTask } from "./platform";
import { cloudWatchLogs, dynamodbStream, firehoseTransformation, kinesisRecords, kinesisTumblingWindow, mskRecords } from "./streams";

/** One catalogue entry: its manifest metadata plus how to build it. */
export interface CatalogueEntry extends Omit<ManifestEvent, "file" | "service"> {
  build: () => unknown;
}

/** Services in the order an event picker shows them. */
export const SERVICES: readonly ManifestService[] = [
  { id: "apigateway", title: "Amazon API Gateway" },
  { id: "lambda", title: "AWS Lambda function URLs" },
  { id: "alb", title: "Application Load Balancer" },
  { id: "cloudfront", title: "Amazon CloudFront (Lambda@Edge)" },
  { id: "s3", title: "Amazon S3" },
  { id: "sqs", title: "Amazon SQS" },
  { id: "sns", title: "Amazon SNS" },
  { id: "eventbridge", title: "Amazon EventBridge" },
  { id: "mq", title: "Amazon MQ" },
  { id: "dynamodb", title: "Amazon DynamoDB Streams" },
  { id: "kinesis", title: "Amazon Kinesis Data Streams" },
  { id: "kafka", title: "Amazon MSK (Apache Kafka)" },
  { id: "firehose", title: "Amazon Data Firehose" },
  { id: "cloudwatch", title: "Amazon CloudWatch Logs" },
  { id: "cognito", title: "Amazon Cognito user pools" },
  { id: "cloudformation", title: "AWS CloudFormation" },
  { id: "stepfunctions", title: "AWS Step Functions" },
  { id: "iot", title: "AWS IoT Core" },
  { id: "secretsmanager", title: "AWS Secrets Manager" },
];

const DG = "https://docs.aws.amazon.com/lambda/latest/dg";

const ORDER = { sku: "BOOK-1", quantity: 2 };

/** Every catalogue event, grouped by service in {@link SERVICES} order. */
export const CATALOGUE: readonly CatalogueEntry[] = [
  {
    id: "apigateway/aws-proxy",
    title: "REST API request (proxy, payload 1.0)",
    description:
      "GET /orders/42?include=items through a REST API proxy integration on resource /orders/{id}: single- and multi-value headers and query, path parameters, the prod stage.",
    type: "APIGatewayProxyEvent",
    typeFrom: "aws-lambda",
    builder: "apiGatewayV1",
    docs: "https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html",
    sam: "apigateway aws-proxy",
    notes:
      "AWS leaves requestContext.authorizer out when the method has no authorizer; @types/aws-lambda requires the key, so it is null here.",
    build: () => apiGatewayV1({ method: "GET", path: "/orders/42", resource: "/orders/{id}", query: { include: "items" } }),
  },
  {
    id: "apigateway/http-api-proxy",
    title: "HTTP API request (payload 2.0)",
    description:
      "POST /orders with a JSON body and a cookie through an HTTP API route: lower-case headers, cookies[], rawPath and rawQueryString, the $default stage.",
    type: "APIGatewayProxyEventV2",
    typeFrom: "aws-lambda",
    builder: "apiGatewayV2",
    docs: "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html",
    sam: "apigateway http-api-proxy",
    build: () =>
      apiGatewayV2({ method: "POST", path: "/orders", routeKey: "POST /orders", body: { customerId: "c-42", items: [ORDER] }, cookies: ["session=abc123"] }),
  },
  {
    id: "apigateway/authorizer",
    title: "REST API TOKEN authorizer",
    description: "The input of a TOKEN Lambda authorizer: the bearer token from the Authorization header and the ARN of GET /orders.",
    type: "APIGatewayTokenAuthorizerEvent",
    typeFrom: "aws-lambda",
    builder: "apiGatewayTokenAuthorizer",
    docs: "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-input.html",
    sam: "apigateway authorizer",
    build: () => apiGatewayTokenAuthorizer({ token: "Bearer allow", method: "GET", path: "/orders" }),
  },
  {
    id: "apigateway/http-api-authorizer",
    title: "HTTP API Lambda authorizer (payload 2.0)",
    description: "The input of an HTTP API REQUEST authorizer for GET /orders: routeArn, the resolved identitySource and the request itself.",
    type: "APIGatewayRequestAuthorizerEventV2",
    typeFrom: "aws-lambda",
    builder: "httpApiAuthorizer",
    docs: "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html",
    build: () => httpApiAuthorizer({ method: "GET", path: "/orders", routeKey: "GET /orders", headers: { authorization: "Bearer allow" } }),
  },
  {
    id: "lambda/function-url",
    title: "Function URL request",
    description: "POST / with a JSON body to a function URL with auth type NONE (payload 2.0, no API id: the URL id takes its place).",
    type: "LambdaFunctionURLEvent",
    typeFrom: "aws-lambda",
    builder: "functionUrl",
    docs: `${DG}/urls-invocation.html`,
    build: () => functionUrl({ method: "POST", path: "/", body: { message: "hello" } }),
  },
  {
    id: "lambda/destination-on-success",
    title: "Async invocation record (OnSuccess destination)",
    description: "What a function set as the OnSuccess destination of an asynchronous invocation receives: the request, the response and condition Success.",
    type: "LambdaDestinationRecord",
    typeFrom: "lambda-lab",
    builder: "lambdaDestinationRecord",
    docs: `${DG}/invocation-async-retain-records.html`,
    notes: "@types/aws-lambda has no type for invocation records.",
    build: () => lambdaDestinationRecord({ condition: "Success" }),
  },
  {
    id: "lambda/destination-on-failure",
    title: "Async invocation record (OnFailure destination)",
    description: "The record sent to an OnFailure destination after the first try and two retries failed: condition RetriesExhausted, functionError Unhandled, the error payload.",
    type: "LambdaDestinationRecord",
    typeFrom: "lambda-lab",
    builder: "lambdaDestinationRecord",
    docs: `${DG}/invocation-async-retain-records.html`,
    notes: "@types/aws-lambda has no type for invocation records.",
    build: () => lambdaDestinationRecord({ condition: "RetriesExhausted" }),
  },
  {
    id: "alb/request",
    title: "Application Load Balancer request",
    description: "GET /health?verbose=true from an ALB to a Lambda target group: lower-case headers, URL-encoded query, empty body.",
    type: "ALBEvent",
    typeFrom: "aws-lambda",
    builder: "albRequest",
    docs: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html",
    sam: "alb request",
    build: () => albRequest({ method: "GET", path: "/health", query: { verbose: "true" } }),
  },
  {
    id: "cloudfront/viewer-request",
    title: "Lambda@Edge viewer request",
    description: "A viewer request for /index.html as Lambda@Edge receives it: headers as { key, value } lists under lower-case names.",
    type: "CloudFrontRequestEvent",
    typeFrom: "aws-lambda",
    builder: "cloudFrontRequest",
    docs: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-event-structure.html",
    build: () => cloudFrontRequest({ eventType: "viewer-request", uri: "/index.html" }),
  },
  {
    id: "cloudfront/origin-request",
    title: "Lambda@Edge origin request",
    description: "An origin request for /images/cat.jpg?w=200 on its way to an S3 origin: the origin is part of the request.",
    type: "CloudFrontRequestEvent",
    typeFrom: "aws-lambda",
    builder: "cloudFrontRequest",
    docs: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-event-structure.html",
    build: () => cloudFrontRequest({ eventType: "origin-request", uri: "/images/cat.jpg?w=200" }),
  },
  {
    id: "s3/put",
    title: "S3 object created (Put)",
    description: "An ObjectCreated:Put notification for uploads/photo.jpg (52 133 bytes) in my-bucket.",
    type: "S3Event",
    typeFrom: "aws-lambda",
    builder: "s3Put",
    docs: `${DG}/with-s3.html`,
    sam: "s3 put",
    build: () => s3Put({ bucket: "my-bucket", key: "uploads/photo.jpg", size: 52133 }),
  },
  {
    id: "s3/delete",
    title: "S3 object removed (Delete)",
    description: "An ObjectRemoved:Delete notification for uploads/photo.jpg in my-bucket: no size and no eTag.",
    type: "S3ObjectRemovedEvent",
    typeFrom: "lambda-lab",
    builder: "s3Delete",
    docs: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html",
    sam: "s3 delete",
    notes: "@types/aws-lambda's S3Event requires object.size and object.eTag, which removal records do not carry.",
    build: () => s3Delete({ bucket: "my-bucket", key: "uploads/photo.jpg" }),
  },
  {
    id: "sqs/receive-message",
    title: "SQS batch (standard queue)",
    description: "Three messages from my-queue: a plain string, a JSON order with message attributes, and a JSON order; real md5OfBody values.",
    type: "SQSEvent",
    typeFrom: "aws-lambda",
    builder: "sqsBatch",
    docs: `${DG}/with-sqs.html`,
    sam: "sqs receive-message",
    build: () =>
      sqsBatch(
        [
          "Hello from SQS!",
          { body: { orderId: "o-1001", items: [ORDER] }, messageAttributes: { priority: "high", attempt: 1 } },
          { body: { orderId: "o-1002", items: [{ sku: "PEN-3", quantity: 10 }] } },
        ],
        { queueName: "my-queue" },
      ),
  },
  {
    id: "sqs/receive-message-fifo",
    title: "SQS batch (FIFO queue)",
    description: "Two messages of one message group from orders.fifo: SequenceNumber, MessageGroupId and MessageDeduplicationId attributes.",
    type: "SQSEvent",
    typeFrom: "aws-lambda",
    builder: "sqsBatch",
    docs: `${DG}/with-sqs.html`,
    build: () =>
      sqsBatch(
        [
          { body: { orderId: "o-1001", status: "placed" }, messageGroupId: "customer-c-42" },
          { body: { orderId: "o-1001", status: "paid" }, messageGroupId: "customer-c-42" },
        ],
        { queueName: "orders.fifo" },
      ),
  },
  {
    id: "sns/notification",
    title: "SNS notification",
    description: "A JSON message with a subject and one message attribute, published to my-topic and delivered to a Lambda subscription.",
    type: "SNSEvent",
    typeFrom: "aws-lambda",
    builder: "snsNotification",
    docs: `${DG}/with-sns.html`,
    sam: "sns notification",
    build: () => snsNotification({ message: { orderId: "o-1001", status: "shipped" }, subject: "Order shipped", messageAttributes: { eventType: "OrderShipped" } }),
  },
  {
    id: "eventbridge/custom-event",
    title: "EventBridge custom event",
    description: "An \"Order Placed\" event from source com.example.orders, as a rule target receives it.",
    type: "EventBridgeEvent<string, Record<string, unknown>>",
    typeFrom: "aws-lambda",
    builder: "eventBridge",
    docs: "https://docs.aws.amazon.com/eventbridge/latest/ref/overiew-event-structure.html",
    build: () => eventBridge(),
  },
  {
    id: "eventbridge/scheduled-event",
    title: "EventBridge scheduled event",
    description: "What a rate or cron schedule rule sends: source aws.events, detail-type Scheduled Event, the rule ARN, an empty detail.",
    type: "ScheduledEvent",
    typeFrom: "aws-lambda",
    builder: "scheduledEvent",
    docs: `${DG}/with-eventbridge-scheduler.html`,
    sam: "cloudwatch scheduled-event",
    build: () => scheduledEvent({ rule: "my-schedule" }),
  },
  {
    id: "mq/activemq",
    title: "Amazon MQ for ActiveMQ batch",
    description: "Two text messages from the orders queue of an ActiveMQ broker; bodies base64 in data, JMS properties on the second.",
    type: "ActiveMQEvent",
    typeFrom: "lambda-lab",
    builder: "activeMq",
    docs: `${DG}/with-mq.html`,
    notes: "@types/aws-lambda has no Amazon MQ types.",
    build: () => activeMq(["Hello from ActiveMQ!", { data: { orderId: "o-1001" }, properties: { source: "checkout" } }], { queue: "orders" }),
  },
  {
    id: "mq/rabbitmq",
    title: "Amazon MQ for RabbitMQ batch",
    description: "One JSON message from the orders queue on virtual host /, with a string header delivered as bytes.",
    type: "RabbitMQEvent",
    typeFrom: "lambda-lab",
    builder: "rabbitMq",
    docs: `${DG}/with-mq.html`,
    notes: "@types/aws-lambda has no Amazon MQ types.",
    build: () => rabbitMq([{ data: { orderId: "o-1001" }, headers: { source: "checkout" } }], { queue: "orders" }),
  },
  {
    id: "dynamodb/insert",
    title: "DynamoDB Streams INSERT",
    description: "A new order item in the Orders table (NEW_AND_OLD_IMAGES stream): Keys and NewImage in attribute-value JSON.",
    type: "DynamoDBStreamEvent",
    typeFrom: "aws-lambda",
    builder: "dynamodbStream",
    docs: `${DG}/with-ddb.html`,
    build: () =>
      dynamodbStream([
        { eventName: "INSERT", keys: { pk: "ORDER#1001", sk: "META" }, newImage: { status: "placed", total: 59.9, items: [ORDER], tags: new Set(["new"]) } },
      ]),
  },
  {
    id: "dynamodb/modify",
    title: "DynamoDB Streams MODIFY",
    description: "An order's status changed from placed to paid: OldImage and NewImage.",
    type: "DynamoDBStreamEvent",
    typeFrom: "aws-lambda",
    builder: "dynamodbStream",
    docs: `${DG}/with-ddb.html`,
    build: () =>
      dynamodbStream([
        {
          eventName: "MODIFY",
          keys: { pk: "ORDER#1001", sk: "META" },
          oldImage: { status: "placed", total: 59.9 },
          newImage: { status: "paid", total: 59.9, paidAt: "2026-01-15T09:29:58Z" },
        },
      ]),
  },
  {
    id: "dynamodb/remove",
    title: "DynamoDB Streams REMOVE (Time to Live)",
    description: "An expired session deleted by Time to Live: OldImage only, userIdentity naming the DynamoDB service.",
    type: "DynamoDBStreamEvent",
    typeFrom: "aws-lambda",
    builder: "dynamodbStream",
    docs: `${DG}/with-ddb.html`,
    build: () =>
      dynamodbStream([{ eventName: "REMOVE", keys: { pk: "SESSION#s-9", sk: "META" }, oldImage: { userId: "c-42", expiresAt: 1768469000 }, ttl: true }]),
  },
  {
    id: "dynamodb/batch",
    title: "DynamoDB Streams batch (insert, modify, remove)",
    description: "Three changes to one item in order, with increasing sequence numbers — the shape of SAM's dynamodb update event.",
    type: "DynamoDBStreamEvent",
    typeFrom: "aws-lambda",
    builder: "dynamodbStream",
    docs: `${DG}/with-ddb.html`,
    sam: "dynamodb update",
    build: () =>
      dynamodbStream([
        { eventName: "INSERT", keys: { pk: "ORDER#1002", sk: "META" }, newImage: { status: "placed" } },
        { eventName: "MODIFY", keys: { pk: "ORDER#1002", sk: "META" }, oldImage: { status: "placed" }, newImage: { status: "cancelled" } },
        { eventName: "REMOVE", keys: { pk: "ORDER#1002", sk: "META" }, oldImage: { status: "cancelled" } },
      ]),
  },
  {
    id: "kinesis/get-records",
    title: "Kinesis Data Streams batch",
    description: "Three JSON sensor readings from one shard of my-stream: base64 data, increasing sequence numbers, arrival times in epoch seconds.",
    type: "KinesisStreamEvent",
    typeFrom: "aws-lambda",
    builder: "kinesisRecords",
    docs: `${DG}/with-kinesis.html`,
    sam: "kinesis get-records",
    build: () =>
      kinesisRecords([
        { data: { sensor: "sensor-1", temperature: 21.5 }, partitionKey: "sensor-1" },
        { data: { sensor: "sensor-2", temperature: 19.0 }, partitionKey: "sensor-2" },
        { data: { sensor: "sensor-1", temperature: 21.7 }, partitionKey: "sensor-1" },
      ]),
  },
  {
    id: "kinesis/tumbling-window",
    title: "Kinesis batch in a tumbling window",
    description:
      "Two readings inside a 5-minute tumbling window: window start and end, the running state the previous invocation returned, and the end-of-window flags.",
    type: "KinesisTumblingWindowEvent",
    typeFrom: "lambda-lab",
    builder: "kinesisTumblingWindow",
    docs: `${DG}/services-kinesis-windows.html`,
    notes: "@types/aws-lambda's KinesisStreamTumblingWindowEvent lacks the shardId and eventSourceARN AWS sends.",
    build: () =>
      kinesisTumblingWindow(
        [
          { data: { sensor: "sensor-1", temperature: 21.9 }, partitionKey: "sensor-1" },
          { data: { sensor: "sensor-2", temperature: 19.2 }, partitionKey: "sensor-2" },
        ],
        { windowSeconds: 300, state: { "sensor-1": { count: 4, sum: 86.4 }, "sensor-2": { count: 2, sum: 38.1 } } },
      ),
  },
  {
    id: "kafka/msk",
    title: "Amazon MSK batch",
    description: "Two records from partition 0 of topic orders: base64 key and value, a header as bytes, increasing offsets.",
    type: "MSKEvent",
    typeFrom: "aws-lambda",
    builder: "mskRecords",
    docs: `${DG}/with-msk.html`,
    build: () =>
      mskRecords(
        [
          { key: "o-1001", value: { orderId: "o-1001", status: "placed" }, headers: { source: "checkout" } },
          { key: "o-1002", value: { orderId: "o-1002", status: "placed" } },
        ],
        { topic: "orders" },
      ),
  },
  {
    id: "firehose/transformation",
    title: "Firehose data transformation",
    description: "Two records for a transformation function on my-delivery-stream: base64 data; the function must answer each recordId.",
    type: "FirehoseTransformationEvent",
    typeFrom: "aws-lambda",
    builder: "firehoseTransformation",
    docs: "https://docs.aws.amazon.com/firehose/latest/dev/data-transformation.html",
    sam: "kinesis kinesis-firehose",
    build: () => firehoseTransformation([{ ticker: "AMZN", price: 191.2 }, { ticker: "MSFT", price: 415.5 }]),
  },
  {
    id: "firehose/transformation-kinesis-source",
    title: "Firehose data transformation (Kinesis source)",
    description: "One record of a delivery stream that reads from the Kinesis stream my-stream: sourceKinesisStreamArn and kinesisRecordMetadata.",
    type: "FirehoseTransformationEvent",
    typeFrom: "aws-lambda",
    builder: "firehoseTransformation",
    docs: "https://docs.aws.amazon.com/firehose/latest/dev/data-transformation.html",
    sam: "kinesis streams-as-source",
    build: () => firehoseTransformation([{ ticker: "AMZN", price: 191.2 }], { sourceKinesisStream: "my-stream" }),
  },
  {
    id: "cloudwatch/logs",
    title: "CloudWatch Logs subscription",
    description:
      "A subscription filter on /aws/lambda/my-function: awslogs.data is base64 of gzip of a DATA_MESSAGE holding one invocation's log lines.",
    type: "CloudWatchLogsEvent",
    typeFrom: "aws-lambda",
    builder: "cloudWatchLogs",
    docs: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/SubscriptionFilters.html",
    sam: "cloudwatch logs",
    notes: "The gzip uses stored (uncompressed) deflate blocks: valid gzip that every gunzip decodes, larger than AWS's compressed data.",
    build: () => cloudWatchLogs(),
  },
  {
    id: "cognito/pre-sign-up",
    title: "Cognito pre sign-up trigger",
    description: "PreSignUp_SignUp for jane@example.com: the function may set response.autoConfirmUser or refuse the sign-up by throwing.",
    type: "PreSignUpTriggerEvent",
    typeFrom: "aws-lambda",
    builder: "cognitoPreSignUp",
    docs: "https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-sign-up.html",
    build: () => cognitoPreSignUp(),
  },
  {
    id: "cognito/post-confirmation",
    title: "Cognito post confirmation trigger",
    description: "PostConfirmation_ConfirmSignUp: jane@example.com has just confirmed her account.",
    type: "PostConfirmationTriggerEvent",
    typeFrom: "aws-lambda",
    builder: "cognitoPostConfirmation",
    docs: "https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-post-confirmation.html",
    build: () => cognitoPostConfirmation(),
  },
  {
    id: "cognito/pre-authentication",
    title: "Cognito pre authentication trigger",
    description: "PreAuthentication_Authentication: jane@example.com is signing in; throwing denies it.",
    type: "PreAuthenticationTriggerEvent",
    typeFrom: "aws-lambda",
    builder: "cognitoPreAuthentication",
    docs: "https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-authentication.html",
    build: () => cognitoPreAuthentication(),
  },
  {
    id: "cognito/custom-message",
    title: "Cognito custom message trigger",
    description: "CustomMessage_SignUp: the function writes the verification email around the {####} code placeholder.",
    type: "CustomMessageTriggerEvent",
    typeFrom: "aws-lambda",
    builder: "cognitoCustomMessage",
    docs: "https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-message.html",
    build: () => cognitoCustomMessage(),
  },
  {
    id: "cloudformation/create-request",
    title: "CloudFormation custom resource: Create",
    description: "A Create request for Custom::SeedData in my-stack, with a pre-signed S3 ResponseURL to PUT the result to.",
    type: "CloudFormationCustomResourceCreateEvent",
    typeFrom: "aws-lambda",
    builder: "cloudFormationCustomResource",
    docs: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requests.html",
    sam: "cloudformation create-request",
    build: () => cloudFormationCustomResource({ requestType: "Create" }),
  },
  {
    id: "cloudformation/update-request",
    title: "CloudFormation custom resource: Update",
    description: "An Update request: new ResourceProperties, OldResourceProperties and the PhysicalResourceId returned on Create.",
    type: "CloudFormationCustomResourceUpdateEvent",
    typeFrom: "aws-lambda",
    builder: "cloudFormationCustomResource",
    docs: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requests.html",
    build: () => cloudFormationCustomResource({ requestType: "Update" }),
  },
  {
    id: "cloudformation/delete-request",
    title: "CloudFormation custom resource: Delete",
    description: "A Delete request for the resource created earlier, identified by its PhysicalResourceId.",
    type: "CloudFormationCustomResourceDeleteEvent",
    typeFrom: "aws-lambda",
    builder: "cloudFormationCustomResource",
    docs: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requests.html",
    build: () => cloudFormationCustomResource({ requestType: "Delete" }),
  },
  {
    id: "stepfunctions/task",
    title: "Step Functions task input",
    description:
      'A lambda:invoke task with Payload { "input.$": "$", "context.$": "$$" }: the state input and the context object (execution, state, state machine).',
    type: "StepFunctionsTaskEvent",
    typeFrom: "lambda-lab",
    builder: "stepFunctionsTask",
    docs: "https://docs.aws.amazon.com/step-functions/latest/dg/connect-lambda.html",
    notes: "@types/aws-lambda has no Step Functions types; a task sends whatever its Payload selects, and this is the common choice.",
    build: () => stepFunctionsTask(),
  },
  {
    id: "stepfunctions/wait-for-task-token",
    title: "Step Functions task with a task token",
    description: "The same task with .waitForTaskToken: context.Task.Token is what the function hands back with SendTaskSuccess.",
    type: "StepFunctionsTaskEvent",
    typeFrom: "lambda-lab",
    builder: "stepFunctionsTask",
    docs: "https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html#connect-wait-token",
    notes: "@types/aws-lambda has no Step Functions types.",
    build: () => stepFunctionsTask({ state: "WaitForApproval", taskToken: true }),
  },
  {
    id: "iot/rule",
    title: "AWS IoT rule action",
    description: "A sensor reading selected by SELECT *, topic() AS topic, timestamp() AS timestamp FROM 'sensors/+/telemetry': the payload itself, no envelope.",
    type: "IoTEvent<Record<string, unknown>>",
    typeFrom: "aws-lambda",
    builder: "iotRule",
    docs: "https://docs.aws.amazon.com/iot/latest/developerguide/lambda-rule-action.html",
    build: () => iotRule(),
  },
  {
    id: "secretsmanager/rotation",
    title: "Secrets Manager rotation step",
    description: "The createSecret step of rotating prod/orders/db; Secrets Manager then calls setSecret, testSecret and finishSecret with the same token.",
    type: "SecretsManagerRotationEvent",
    typeFrom: "aws-lambda",
    builder: "secretsManagerRotation",
    docs: "https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotate-secrets_lambda-functions.html",
    build: () => secretsManagerRotation({ step: "createSecret" }),
  },
];

/** The manifest `content/events/index.json` holds, computed from {@link CATALOGUE}. */
export function buildManifest(): EventManifest {
  return {
    version: 1,
    generatedBy: "npx tsx sandbox/events/generate.ts",
    accountId: ACCOUNT_ID,
    region: REGION,
    time: DEFAULT_TIME,
    services: SERVICES.map((s) => ({ ...s })),
    events: CATALOGUE.map((e) => ({
      id: e.id,
      service: e.id.split("/")[0] as string,
      title: e.title,
      description: e.description,
      file: `${e.id}.json`,
      type: e.type,
      typeFrom: e.typeFrom,
      builder: e.builder,
      docs: e.docs,
      ...(e.sam !== undefined && { sam: e.sam }),
      ...(e.notes !== undefined && { notes: e.notes }),
    })),
  };
}

/** Every catalogue event, built: id → event. */
export function buildCatalogueEvents(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const entry of CATALOGUE) out[entry.id] = entry.build();
  return out;
}
