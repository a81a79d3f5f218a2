// The messaging patterns of seed 004 end to end through the CLI (`lambda-lab simulate <template>
// --drive <drive> --json`): each template under content/templates/ runs and its report shows the pattern.
import { describe, expect, it } from "vitest";
import { templateReport } from "../testing";
import type { RunReport } from "../../service/types";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the report's extension section is JSON, read by shape
type Json = Record<string, any>;

async function simulateTemplate(name: string): Promise<{ report: RunReport; m: Json }> {
  const report = await templateReport(name);
  return { report, m: report.extensions?.messaging as Json };
}

const byFunction = (r: RunReport, fn: string) => r.invocations.filter((i) => i.function === fn);

describe("messaging templates through the CLI", () => {
  it("sqs-worker-dlq: good jobs are processed once; the poison message is received 3 times, then lands in the DLQ", async () => {
    const { report, m } = await simulateTemplate("sqs-worker-dlq");
    expect(report.warnings).toEqual([]);
    expect(report.invocations.every((i) => i.trigger === "sqs:Jobs" && i.status === "success")).toBe(true);
    expect(m.resources.Jobs).toMatchObject({ sent: 11, deleted: 10, movedToDlq: 1, visible: 0, inFlight: 0 });
    expect(m.resources.JobsDlq).toMatchObject({ visible: 1, redrivenIn: 1 });
    expect(m.resources.JobsDlq.messages[0]).toMatchObject({ body: "this is not JSON", receiveCount: 3 });
    expect(m.eventSourceMappings["Worker.JobsQueue"]).toMatchObject({ failed: 3, succeeded: 10, partialBatchResponses: 3 });
    // The poison message's three receives are the visibility timeout (60 s) apart.
    const retries = report.invocations.filter((i) => i.start >= 60_000).map((i) => i.start);
    expect(retries).toEqual([60_000, 120_000]);
    expect(m.edges).toEqual(expect.arrayContaining([{ from: "Jobs", to: "Worker", kind: "sqs:event-source-mapping" }, { from: "Jobs", to: "JobsDlq", kind: "sqs:redrive" }]));
    // A DLQ's ApproximateAgeOfOldestMessage counts from the move (SQS DG setting-up-dead-letter-queue-retention).
    expect(m.metrics.JobsDlq.ApproximateAgeOfOldestMessage).toBe(0);
    expect(m.metrics.Jobs.MaxApproximateAgeOfOldestMessage).toBe(180);
  });

  it("sns-fanout: one publish reaches two functions and a queue; the filter policy drops the small order for FraudCheck", async () => {
    const { report, m } = await simulateTemplate("sns-fanout");
    expect(report.warnings).toEqual([]);
    const first = report.invocations.filter((i) => i.start === 0).map((i) => i.function).sort();
    expect(first).toEqual(["SendConfirmation", "UpdateAnalytics"]);
    expect(byFunction(report, "FraudCheck").map((i) => i.response)).toEqual([{ checked: "ord_2" }]);
    expect(m.resources.WarehouseQueue).toMatchObject({ sent: 2, visible: 2 });
    expect(JSON.parse(m.resources.WarehouseQueue.messages[0].body)).toMatchObject({ Type: "Notification", Subject: "Order placed", Message: '{"orderId":"ord_1","total":40}' });
    const fraud = m.resources.OrderEvents.subscriptions.find((s: { endpoint: string }) => s.endpoint === "FraudCheck");
    expect(fraud).toMatchObject({ delivered: 1, filteredOut: 1 });
    expect(m.edges.filter((e: { from: string }) => e.from === "OrderEvents")).toHaveLength(4);
  });

  it("eventbridge-routing: two rules route to their targets, a payment event matches none, the schedule fires twice", async () => {
    const { report, m } = await simulateTemplate("eventbridge-routing");
    expect(report.warnings).toEqual([]);
    expect(byFunction(report, "Checkout").map((i) => (i.response as { failed: number }).failed)).toEqual([0, 0]);
    expect(byFunction(report, "Fulfilment").map((i) => i.response)).toEqual([{ fulfilled: "ord_123" }, { fulfilled: "ord_124" }]);
    expect(m.resources.ReviewQueue.messages.map((x: { body: string }) => JSON.parse(x.body).orderId)).toEqual(["ord_123"]);
    expect(m.resources.OrdersBus.recent[2]).toMatchObject({ source: "app.payments", matchedRules: [] });
    const hourly = byFunction(report, "HourlyReport");
    expect(hourly.map((i) => i.start)).toEqual([3_600_000, 7_200_000]);
    expect(hourly[0]!.response).toEqual({ report: "2026-01-01T01:00:00Z", rule: "arn:aws:events:us-east-1:123456789012:rule/HourlyReportHourly" });
    expect(hourly[0]!.trigger).toBe("schedule:HourlyReportHourly");
  });
});
