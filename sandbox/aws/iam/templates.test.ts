// content/templates/invoke-permissions through the CLI (`lambda-lab simulate … --json`): the topic
// with an AWS::Lambda::Permission for sns.amazonaws.com invokes its function; the rule without one
// for events.amazonaws.com cannot (EventBridge UG eb-rule-dlq: no retries, the target's DLQ).
import { describe, expect, it } from "vitest";
import { runTemplateCli, templateReport } from "../testing";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the report's extension section is JSON, read by shape
type Json = Record<string, any>;

describe("invoke-permissions template through the CLI", () => {
  it("the permitted subscription delivers; the rule without a permission fails to the DLQ with NO_PERMISSIONS and a warning", async () => {
    const report = await templateReport("invoke-permissions");
    const m = report.extensions?.messaging as Json;
    expect(report.invocations.map((i) => [i.function, i.trigger, i.status])).toEqual([["Notify", "sns:OrderEvents", "success"]]);
    expect(report.invocations[0]!.response).toEqual({ notified: "ord_1" });
    expect(m.metrics.OrderEvents).toMatchObject({ NumberOfNotificationsDelivered: 1, NumberOfNotificationsFailed: 0 });
    expect(m.metrics.OrdersRule).toEqual({ TriggeredRules: 1, Invocations: 1, FailedInvocations: 1, InvocationsSentToDLQ: 1 });
    expect(m.resources.OrdersRule.targets[0]).toMatchObject({ kind: "lambda", failed: 1, error: "NO_PERMISSIONS", deadLetterQueue: "AuditDlq" });
    expect(JSON.parse(m.resources.AuditDlq.messages[0].body)).toMatchObject({ source: "app.orders", detail: { orderId: "ord_1" } });
    expect(report.warnings).toEqual([expect.objectContaining({ resource: "OrdersRule", message: expect.stringContaining("events.amazonaws.com invoke Audit") as unknown })]);
  });

  it("the CLI's summary lists the missing permission under its warnings, not as something not simulated", async () => {
    const summary = await runTemplateCli("invoke-permissions", { json: false });
    expect(summary).toContain("Warnings (what is not simulated, and what AWS would refuse or warn about):");
    expect(summary).toMatch(/ {2}OrdersRule.*events\.amazonaws\.com invoke Audit/);
  });
});
