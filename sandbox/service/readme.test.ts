// The example in sandbox/service/README.md runs as written and does what the README says
// (STYLE.md point 11: code shown to readers is run as a test).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { simulate } from "./service";

const readme = readFileSync(new URL("./README.md", import.meta.url), "utf8");

function block(firstLine: string): string {
  const re = /```yaml\n([\s\S]*?)```/g;
  for (const m of readme.matchAll(re)) {
    const body = m[1] ?? "";
    if (body.startsWith(firstLine)) return body;
  }
  throw new Error(`README has no yaml block starting with ${firstLine}`);
}

describe("README example", () => {
  it("a burst over reserved concurrency and a failing async order end as the README says", async () => {
    const report = await simulate(block("# template.yaml"), block("# drive.yaml"));
    expect(report.summary).toMatchObject({ coldStarts: 5, throttles: 15 });
    expect(report.invocations.filter((r) => r.status === "throttled").every((r) => r.throttleReason === "ReservedFunctionConcurrentInvocationLimitExceeded")).toBe(true);
    const bad = report.invocations.filter((r) => r.invocationType === "Event");
    expect(bad.map((r) => r.attempt)).toEqual([1, 2, 3]);
    expect((bad[1]?.start ?? 0) - (bad[0]?.end ?? 0)).toBeCloseTo(60_000, 6);
    expect((bad[2]?.start ?? 0) - (bad[1]?.end ?? 0)).toBeCloseTo(120_000, 6);
    const dlq = report.deadLetters.Failed ?? [];
    expect(dlq).toHaveLength(1);
    expect(dlq[0]?.messageAttributes.ErrorCode.stringValue).toBe("200");
    expect(dlq[0]?.messageAttributes.ErrorMessage.stringValue).toBe("cannot process order 2");
  });

  it("the format example of the drive file parses", async () => {
    const { parseDrive } = await import("./drive");
    const d = parseDrive(block("duration: 10m"));
    expect(d.stimuli.map((s) => s.kind)).toEqual(["invoke", "update", "alias"]);
    expect(d.seed).toBe(42);
  });
});

describe("README API walkthrough", () => {
  it("runs the calls of the API section in order", async () => {
    const { createLambdaService } = await import("./service");
    const templateYaml = `
Transform: AWS::Serverless-2016-10-31
Resources:
  OrderFunction:
    Type: AWS::Serverless::Function
    Properties: { Handler: index.handler, Runtime: nodejs22.x, AutoPublishAlias: live, InlineCode: "exports.handler = async () => 1;" }
`;
    using service = await createLambdaService({ template: templateYaml, account: { concurrency: 1000 } });
    const r = await service.invoke("OrderFunction:live", { orderId: 1 });
    expect(r.statusCode).toBe(200);
    expect(r.executedVersion).toBe("1");
    expect((await service.invoke("OrderFunction", { orderId: 2 }, { type: "Event" })).statusCode).toBe(202);
    await service.advance("5m");
    await service.update("OrderFunction", { code: "exports.handler = async () => 2;", publish: true });
    await service.setAlias("OrderFunction", "live", "1", { "2": 0.1 });
    const report2 = await service.run("stimuli:\n  - invoke: OrderFunction:live\n    count: 20\n", { duration: "10m" });
    expect(report2.summary.invocations).toBe(22);
    expect(report2.resources.functions.OrderFunction?.aliases).toEqual([{ name: "live", version: "1", weights: { "2": 0.1 } }]);
  });
});
