// The data patterns of seed 004 end to end through the CLI (`lambda-lab simulate <template> --drive
// <drive> --json`): each template under content/templates/ runs and its report shows the pattern.
import { describe, expect, it } from "vitest";
import { templateReport } from "../testing";
import type { RunReport } from "../../service/types";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the report's extension section is JSON, read by shape
async function simulateTemplate(name: string): Promise<{ report: RunReport; data: Record<string, any> }> {
  const report = await templateReport(name);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the report's extension section is JSON, read by shape
  return { report, data: report.extensions?.data as Record<string, any> };
}

const byTrigger = (r: RunReport, trigger: string) => r.invocations.filter((i) => i.trigger === trigger);

describe("content/templates through the CLI", () => {
  it("s3-processing: two matching uploads are summarised into the other bucket, the PNG is filtered out", async () => {
    const { report, data } = await simulateTemplate("s3-processing");
    expect(byTrigger(report, "s3:Uploads").map((i) => i.status)).toEqual(["success", "success"]);
    expect(data.resources.Results.objects.map((o: { key: string }) => o.key)).toEqual(["summaries/orders.csv.json", "summaries/refunds.csv.json"]);
    expect(data.recursiveLoops).toEqual([]);
    expect(data.edges).toEqual(expect.arrayContaining([{ from: "Uploads", to: "Processor", kind: "s3:notification" }, expect.objectContaining({ from: "Processor", to: "Results" })]));
  });

  it("s3-recursive-loop: writing back to the triggering bucket is stopped after 16 invocations", async () => {
    const { report, data } = await simulateTemplate("s3-recursive-loop");
    expect(byTrigger(report, "s3:Images")).toHaveLength(16);
    expect(data.metrics.RecursiveInvocationsDropped).toEqual({ Thumbnailer: 1 });
    expect(data.resources.Images.objectCount).toBe(17);
  });

  it("dynamodb-streams: an update of the triggering item loops until the run ends (no loop detection for DynamoDB)", async () => {
    const { report, data } = await simulateTemplate("dynamodb-streams");
    expect(byTrigger(report, "dynamodb:Orders").length).toBeGreaterThan(50);
    const order = data.resources.Orders.items.find((i: { pk: string }) => i.pk === "ORDER#1");
    expect(order.enrichments).toBeGreaterThan(50);
  });

  it("dynamodb-streams-loop-guard: each order is enriched once; the mapping filters out the function's own MODIFY records", async () => {
    const { report, data } = await simulateTemplate("dynamodb-streams-loop-guard");
    expect(byTrigger(report, "dynamodb:Orders")).toHaveLength(2);
    expect(data.resources.Orders.items.map((i: { enrichments: number }) => i.enrichments)).toEqual([1, 1]);
    expect(data.eventSourceMappings.EnricherChanges.recordsSkippedByFilter).toBe(2);
  });

  it("rds-connections: 15 of 25 direct requests fail with too many clients; through RDS Proxy all 25 succeed on 4 connections", async () => {
    const { report, data } = await simulateTemplate("rds-connections");
    const direct = report.invocations.filter((i) => i.function === "DirectApi");
    const proxied = report.invocations.filter((i) => i.function === "ProxiedApi");
    expect(direct.filter((i) => i.status === "error")).toHaveLength(15);
    expect(direct.find((i) => i.status === "error")?.errorMessage).toBe("sorry, too many clients already");
    expect(proxied.every((i) => i.status === "success")).toBe(true);
    expect(data.resources.DirectDb).toMatchObject({ peakConnections: 10, refusedConnections: 15 });
    expect(data.resources.ProxiedDb).toMatchObject({ peakConnections: 4, refusedConnections: 0 });
  });
});
