// Resource-based invoke permissions of functions for push event sources declared as plain
// resources: S3 notification configurations, SNS subscriptions and EventBridge rule targets
// (DG permissions-function-services, https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-services.html).
import { describe, expect, it } from "vitest";
import { createLambdaService } from "../../service/service";
import { parseTemplate } from "../../service/template";
import { fn, template } from "../../service/testing";
import { awsExtensions } from "../index";
import { invokeAllowed } from "./permissions";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- report sections are JSON, read by shape
type Json = Record<string, any>;

const echo = `exports.handler = async (e) => e;`;

function permission(principal: string, sourceArn?: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { Type: "AWS::Lambda::Permission", Properties: { FunctionName: { "Fn::GetAtt": ["F", "Arn"] }, Action: "lambda:InvokeFunction", Principal: principal, ...(sourceArn !== undefined ? { SourceArn: sourceArn } : {}), ...extra } };
}

async function run(resources: Record<string, unknown>, stimuli: unknown[]) {
  using s = await createLambdaService({ template: template(resources), extensions: awsExtensions(), logs: "none", traces: false });
  const report = await s.run({ stimuli });
  return { report, m: report.extensions?.messaging as Json };
}

describe("invokeAllowed (DG access-control-resource-based)", async () => {
  const t = await parseTemplate(
    template({
      F: fn(echo),
      Any: permission("sns.amazonaws.com"),
      OneBucket: permission("s3.amazonaws.com", "arn:aws:s3:::uploads-*", { SourceAccount: "123456789012" }),
    }),
    { extensionResourceTypes: ["AWS::Lambda::Permission"] },
  );
  const f = t.functions[0]!;

  it("a permission without SourceArn allows the service from any source", () => {
    expect(invokeAllowed(t, f, { principal: "sns.amazonaws.com", sourceArn: "arn:aws:sns:us-east-1:123456789012:anything" })).toBe(true);
  });

  it("SourceArn is ArnLike (wildcards) and SourceAccount must match", () => {
    expect(invokeAllowed(t, f, { principal: "s3.amazonaws.com", sourceArn: "arn:aws:s3:::uploads-eu" })).toBe(true);
    expect(invokeAllowed(t, f, { principal: "s3.amazonaws.com", sourceArn: "arn:aws:s3:::reports" })).toBe(false);
    expect(invokeAllowed(t, f, { principal: "s3.amazonaws.com", sourceArn: "arn:aws:s3:::uploads-eu", sourceAccount: "999999999999" })).toBe(false);
  });

  it("another service principal is not allowed", () => {
    expect(invokeAllowed(t, f, { principal: "events.amazonaws.com", sourceArn: "arn:aws:events:us-east-1:123456789012:rule/r" })).toBe(false);
  });
});

describe("S3 LambdaConfigurations need a permission for s3.amazonaws.com (S3 UG grant-destinations-permissions-to-s3)", () => {
  const bucket = { Type: "AWS::S3::Bucket", Properties: { BucketName: "lab-in", NotificationConfiguration: { LambdaConfigurations: [{ Event: "s3:ObjectCreated:*", Function: { "Fn::GetAtt": ["F", "Arn"] } }] } } };

  it("without one the deploy fails as PutBucketNotificationConfiguration does", async () => {
    await expect(run({ F: fn(echo), In: bucket }, [])).rejects.toThrow(/Unable to validate the following destination configurations: no AWS::Lambda::Permission lets s3\.amazonaws\.com invoke .*arn:aws:s3:::lab-in/);
  });

  it("a permission for another bucket does not count", async () => {
    await expect(run({ F: fn(echo), In: bucket, P: permission("s3.amazonaws.com", "arn:aws:s3:::other-bucket") }, [])).rejects.toThrow(/Unable to validate/);
  });

  it("with one, an upload invokes the function asynchronously", async () => {
    const { report } = await run({ F: fn(echo), In: bucket, P: permission("s3.amazonaws.com", "arn:aws:s3:::lab-in", { SourceAccount: { Ref: "AWS::AccountId" } }) }, [{ s3: { bucket: "In", put: "a.txt", body: "hi" } }]);
    expect(report.invocations.map((i) => [i.function, i.trigger, i.invocationType])).toEqual([["F", "s3:In", "Event"]]);
  });
});

describe("SNS lambda subscriptions need a permission for sns.amazonaws.com (SNS DG sns-dead-letter-queues)", () => {
  const base = {
    T: { Type: "AWS::SNS::Topic" },
    F: fn(echo),
    Sub: { Type: "AWS::SNS::Subscription", Properties: { TopicArn: { Ref: "T" }, Protocol: "lambda", Endpoint: { "Fn::GetAtt": ["F", "Arn"] } } },
  };

  it("without one each delivery fails, is counted in NumberOfNotificationsFailed, is not retried, and the template warns", async () => {
    const { report, m } = await run(base, [{ sns: { topic: "T", message: "a" } }, { sns: { topic: "T", message: "b" } }]);
    expect(report.invocations).toEqual([]);
    expect(m.resources.T.subscriptions[0]).toMatchObject({ delivered: 0, failed: 2, error: expect.stringContaining("sns.amazonaws.com") as unknown });
    expect(m.resources.T.recent[0]).toMatchObject({ failed: ["F"], deliveredTo: [] });
    expect(m.metrics.T).toEqual({ NumberOfMessagesPublished: 2, NumberOfNotificationsDelivered: 0, NumberOfNotificationsFailed: 2, NumberOfNotificationsFilteredOut: 0 });
    expect(report.warnings).toEqual([expect.objectContaining({ resource: "Sub", property: "Endpoint", message: expect.stringMatching(/no AWS::Lambda::Permission lets sns\.amazonaws\.com invoke .*NumberOfNotificationsFailed/) as unknown })]);
  });

  it("a subscription's RedrivePolicy queue keeps the failed messages", async () => {
    const { m } = await run(
      { ...base, Dlq: { Type: "AWS::SQS::Queue" }, Sub: { Type: "AWS::SNS::Subscription", Properties: { ...base.Sub.Properties, RedrivePolicy: { deadLetterTargetArn: { "Fn::GetAtt": ["Dlq", "Arn"] } } } } },
      [{ sns: { topic: "T", message: "lost" } }],
    );
    expect(m.resources.Dlq.visible).toBe(1);
    expect(JSON.parse(m.resources.Dlq.messages[0].body)).toMatchObject({ Type: "Notification", Message: "lost" });
  });

  it("with a permission for the topic the function is invoked; a SAM SNS event needs none", async () => {
    const { report, m } = await run(
      { ...base, P: permission("sns.amazonaws.com", { Ref: "T" }), G: fn(echo, { Events: { E: { Type: "SNS", Properties: { Topic: { Ref: "T" } } } } }) },
      [{ sns: { topic: "T", message: "a" } }],
    );
    expect(report.invocations.map((i) => i.function).sort()).toEqual(["F", "G"]);
    expect(m.metrics.T).toMatchObject({ NumberOfNotificationsDelivered: 2, NumberOfNotificationsFailed: 0 });
    expect(report.warnings).toEqual([]);
  });
});

describe("EventBridge rule targets need a permission for events.amazonaws.com (EventBridge UG eb-rule-dlq)", () => {
  const rule = (target: Record<string, unknown> = {}) => ({
    Type: "AWS::Events::Rule",
    Properties: { Name: "orders", EventPattern: { source: ["app"] }, Targets: [{ Id: "f", Arn: { "Fn::GetAtt": ["F", "Arn"] }, ...target }] },
  });
  const put = { eventbridge: { source: "app", detailType: "X", detail: { n: 1 } } };

  it("without one the invocation fails without retries (FailedInvocations) and the event goes to the target's DLQ with NO_PERMISSIONS", async () => {
    const { report, m } = await run({ F: fn(echo), Dlq: { Type: "AWS::SQS::Queue" }, R: rule({ DeadLetterConfig: { Arn: { "Fn::GetAtt": ["Dlq", "Arn"] } } }) }, [put]);
    expect(report.invocations).toEqual([]);
    expect(m.resources.R.targets[0]).toMatchObject({ delivered: 0, failed: 1, error: "NO_PERMISSIONS", deadLetterQueue: "Dlq", sentToDlq: 1 });
    expect(m.metrics.R).toEqual({ TriggeredRules: 1, Invocations: 1, FailedInvocations: 1, InvocationsSentToDLQ: 1 });
    expect(JSON.parse(m.resources.Dlq.messages[0].body)).toMatchObject({ source: "app", "detail-type": "X", detail: { n: 1 } });
    expect(report.warnings.map((w) => w.resource)).toEqual(["R"]);
  });

  it("with a permission for the rule's ARN the function is invoked", async () => {
    const { report, m } = await run({ F: fn(echo), R: rule(), P: permission("events.amazonaws.com", { "Fn::GetAtt": ["R", "Arn"] }) }, [put]);
    expect(report.invocations.map((i) => [i.function, i.trigger])).toEqual([["F", "eventbridge:orders"]]);
    expect(m.metrics.R).toMatchObject({ Invocations: 1, FailedInvocations: 0 });
  });
});
