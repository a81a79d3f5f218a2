/**
 * A function's `Policies` as IAM statements: inline policy documents, AWS managed policy names the
 * simulator knows, and the common SAM policy templates expanded the way SAM expands them
 * (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-policy-template-list.html).
 * The statements are kept on the function for the IAM checks of the simulated SDK (issue 5); this
 * layer does not evaluate them.
 */
import { TemplateError } from "./errors";

export interface PolicyStatement {
  Effect: "Allow" | "Deny";
  Action: string[];
  Resource: string[];
  /** Inline statements may use NotAction / NotResource instead (then Action / Resource are empty). */
  NotAction?: string[];
  NotResource?: string[];
  /** Where it came from, e.g. "DynamoDBCrudPolicy" or "inline". */
  source: string;
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === "object" && x !== null && !Array.isArray(x);

/** SAM policy templates: name → (parameters, region, account) → statements. */
const TEMPLATES: Record<string, (p: Obj, region: string, account: string) => Omit<PolicyStatement, "source">[]> = {
  DynamoDBCrudPolicy: (p, r, a) => [
    {
      Effect: "Allow",
      Action: ["dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:Scan", "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem", "dynamodb:BatchGetItem", "dynamodb:DescribeTable", "dynamodb:ConditionCheckItem"],
      Resource: [`arn:aws:dynamodb:${r}:${a}:table/${str(p.TableName)}`, `arn:aws:dynamodb:${r}:${a}:table/${str(p.TableName)}/index/*`],
    },
  ],
  DynamoDBReadPolicy: (p, r, a) => [
    {
      Effect: "Allow",
      Action: ["dynamodb:GetItem", "dynamodb:Scan", "dynamodb:Query", "dynamodb:BatchGetItem", "dynamodb:DescribeTable"],
      Resource: [`arn:aws:dynamodb:${r}:${a}:table/${str(p.TableName)}`, `arn:aws:dynamodb:${r}:${a}:table/${str(p.TableName)}/index/*`],
    },
  ],
  DynamoDBWritePolicy: (p, r, a) => [
    {
      Effect: "Allow",
      Action: ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem"],
      Resource: [`arn:aws:dynamodb:${r}:${a}:table/${str(p.TableName)}`, `arn:aws:dynamodb:${r}:${a}:table/${str(p.TableName)}/index/*`],
    },
  ],
  DynamoDBStreamReadPolicy: (p, r, a) => [
    {
      Effect: "Allow",
      Action: ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"],
      Resource: [`arn:aws:dynamodb:${r}:${a}:table/${str(p.TableName)}/stream/${str(p.StreamName)}`],
    },
  ],
  SQSSendMessagePolicy: (p, r, a) => [{ Effect: "Allow", Action: ["sqs:SendMessage*"], Resource: [`arn:aws:sqs:${r}:${a}:${str(p.QueueName)}`] }],
  SQSPollerPolicy: (p, r, a) => [
    {
      Effect: "Allow",
      Action: ["sqs:ChangeMessageVisibility", "sqs:ChangeMessageVisibilityBatch", "sqs:DeleteMessage", "sqs:DeleteMessageBatch", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"],
      Resource: [`arn:aws:sqs:${r}:${a}:${str(p.QueueName)}`],
    },
  ],
  SNSPublishMessagePolicy: (p, r, a) => [{ Effect: "Allow", Action: ["sns:Publish"], Resource: [`arn:aws:sns:${r}:${a}:${str(p.TopicName)}`] }],
  S3ReadPolicy: (p) => [
    { Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation", "s3:GetObjectVersion", "s3:GetLifecycleConfiguration"], Resource: [`arn:aws:s3:::${str(p.BucketName)}`, `arn:aws:s3:::${str(p.BucketName)}/*`] },
  ],
  S3WritePolicy: (p) => [
    { Effect: "Allow", Action: ["s3:PutObject", "s3:PutObjectAcl", "s3:PutLifecycleConfiguration"], Resource: [`arn:aws:s3:::${str(p.BucketName)}`, `arn:aws:s3:::${str(p.BucketName)}/*`] },
  ],
  S3CrudPolicy: (p) => [
    {
      Effect: "Allow",
      Action: ["s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation", "s3:GetObjectVersion", "s3:PutObject", "s3:PutObjectAcl", "s3:GetLifecycleConfiguration", "s3:PutLifecycleConfiguration", "s3:DeleteObject"],
      Resource: [`arn:aws:s3:::${str(p.BucketName)}`, `arn:aws:s3:::${str(p.BucketName)}/*`],
    },
  ],
  LambdaInvokePolicy: (p, r, a) => [{ Effect: "Allow", Action: ["lambda:InvokeFunction"], Resource: [`arn:aws:lambda:${r}:${a}:function:${str(p.FunctionName)}*`] }],
  EventBridgePutEventsPolicy: (p, r, a) => [{ Effect: "Allow", Action: ["events:PutEvents"], Resource: [`arn:aws:events:${r}:${a}:event-bus/${str(p.EventBusName)}`] }],
  StepFunctionsExecutionPolicy: (p, r, a) => [{ Effect: "Allow", Action: ["states:StartExecution"], Resource: [`arn:aws:states:${r}:${a}:stateMachine:${str(p.StateMachineName)}`] }],
  CloudWatchPutMetricPolicy: () => [{ Effect: "Allow", Action: ["cloudwatch:PutMetricData"], Resource: ["*"] }],
};

/** AWS managed policies the simulator knows by name. */
const MANAGED: Record<string, Omit<PolicyStatement, "source">[]> = {
  AWSLambdaBasicExecutionRole: [{ Effect: "Allow", Action: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"], Resource: ["*"] }],
  AWSLambdaSQSQueueExecutionRole: [{ Effect: "Allow", Action: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"], Resource: ["*"] }],
  AWSLambdaDynamoDBExecutionRole: [{ Effect: "Allow", Action: ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams", "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"], Resource: ["*"] }],
  AWSLambdaKinesisExecutionRole: [{ Effect: "Allow", Action: ["kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:ListShards", "kinesis:ListStreams", "kinesis:SubscribeToShard", "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"], Resource: ["*"] }],
  AmazonDynamoDBFullAccess: [{ Effect: "Allow", Action: ["dynamodb:*"], Resource: ["*"] }],
  AmazonS3FullAccess: [{ Effect: "Allow", Action: ["s3:*"], Resource: ["*"] }],
  AmazonSQSFullAccess: [{ Effect: "Allow", Action: ["sqs:*"], Resource: ["*"] }],
  AmazonSNSFullAccess: [{ Effect: "Allow", Action: ["sns:*"], Resource: ["*"] }],
  AmazonEventBridgeFullAccess: [{ Effect: "Allow", Action: ["events:*"], Resource: ["*"] }],
  AWSLambda_FullAccess: [{ Effect: "Allow", Action: ["lambda:*"], Resource: ["*"] }],
};

function str(x: unknown): string {
  return typeof x === "string" || typeof x === "number" ? String(x) : "*";
}

function list(x: unknown): string[] {
  if (Array.isArray(x)) return x.map((v) => String(v));
  return x === undefined ? [] : [String(x)];
}

/**
 * Expand a function's `Policies` (a managed policy name, a policy document, a SAM policy template,
 * or a list of those). Unknown templates and managed policies are warned about by name.
 */
export function expandPolicies(policies: unknown, resource: string, warn: (property: string, message: string) => void, region: string, account: string): PolicyStatement[] {
  if (policies === undefined) return [];
  const out: PolicyStatement[] = [];
  const items = Array.isArray(policies) ? policies : [policies];
  items.forEach((item, i) => {
    const property = `Policies[${i}]`;
    if (typeof item === "string") {
      const name = item.replace(/^arn:aws:iam::aws:policy\/(service-role\/)?/, "");
      const m = MANAGED[name];
      if (m) out.push(...m.map((s) => ({ ...s, source: name })));
      else warn(property, `managed policy ${item} is not known to the simulator (its permissions are not granted)`);
      return;
    }
    if (!isObj(item)) throw new TemplateError("a policy is a managed policy name, a policy document or a SAM policy template", { resource, property });
    if ("Statement" in item) {
      const statements = Array.isArray(item.Statement) ? item.Statement : [item.Statement];
      statements.forEach((s, j) => {
        if (!isObj(s) || (s.Effect !== "Allow" && s.Effect !== "Deny")) throw new TemplateError("each statement needs Effect Allow or Deny", { resource, property: `${property}.Statement[${j}]` });
        if (s.Action === undefined && s.NotAction === undefined) throw new TemplateError("each statement needs Action or NotAction", { resource, property: `${property}.Statement[${j}]` });
        out.push({
          Effect: s.Effect,
          Action: list(s.Action),
          Resource: s.NotResource !== undefined ? [] : list(s.Resource ?? "*"),
          ...(s.NotAction !== undefined ? { NotAction: list(s.NotAction) } : {}),
          ...(s.NotResource !== undefined ? { NotResource: list(s.NotResource) } : {}),
          source: "inline",
        });
      });
      return;
    }
    const [name, params] = Object.entries(item)[0] ?? [];
    if (name === undefined) return;
    const t = TEMPLATES[name];
    if (!t) {
      warn(property, `SAM policy template ${name} is not simulated (its permissions are not granted)`);
      return;
    }
    out.push(...t(isObj(params) ? params : {}, region, account).map((s) => ({ ...s, source: name })));
  });
  return out;
}
