// content/templates/logs-subscription through the CLI (`lambda-lab simulate … --json`): Checkout's
// JSON error lines reach ErrorAlerts (SAM CloudWatchLogs event) batched per log stream, and its
// cold starts reach ColdStarts (AWS::Logs::SubscriptionFilter with its AWS::Lambda::Permission);
// both decode awslogs.data with the guest's zlib (CloudWatch Logs UG SubscriptionFilters).
import { describe, expect, it } from "vitest";
import { templateReport } from "../testing";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the report's extension section is JSON, read by shape
type Json = Record<string, any>;

describe("logs-subscription template through the CLI", () => {
  it("error lines arrive in one batch per stream and delivery window; each cold start reaches ColdStarts", async () => {
    const report = await templateReport("logs-subscription");
    expect(report.warnings).toEqual([]);
    const byFn = (f: string) => report.invocations.filter((i) => i.function === f);
    expect(byFn("Checkout").map((i) => (i.response as Json).status)).toEqual(["PAID", "DECLINED", "DECLINED", "DECLINED", "DECLINED"]);
    const alerts = byFn("ErrorAlerts");
    expect(alerts.every((i) => i.trigger === "logs:ErrorAlertsCheckoutErrors" && i.invocationType === "Event" && i.status === "success")).toBe(true);
    // ord_2 and ord_3 share the first environment's stream and the first second; the two at 10 s come from two streams.
    expect(alerts.map((i) => (i.response as Json).declined)).toEqual([["ord_2", "ord_3"], ["ord_4"], ["ord_4"]]);
    // (The CLI runs with --no-logs: the subscriptions see every line all the same.)
    const streams = [...new Set(alerts.map((i) => (i.response as Json).logStream as string))];
    expect(streams).toHaveLength(2);
    for (const s of streams) expect(s).toMatch(/^2026\/01\/01\/\[\$LATEST\][0-9a-f]{32}$/);
    // Each environment's INIT_START names its instance: the stream's suffix.
    expect(byFn("ColdStarts").map((i) => i.response)).toEqual(streams.map((s) => [s.slice(s.indexOf("]") + 1)]));
    const l = report.extensions?.logs as Json;
    expect(l.subscriptionFilters["ErrorAlerts.CheckoutErrors"]).toMatchObject({ filterPattern: '{ $.level = "ERROR" }', matchedEvents: 4, batches: 3, forwardedEvents: 4 });
    expect(l.subscriptionFilters.ColdStartsFilter).toMatchObject({ name: "checkout-cold-starts", matchedEvents: 2, batches: 2 });
  });
});
