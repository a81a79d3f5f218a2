// Concurrency and environments: DG lambda-concurrency, configuration-concurrency (reserved, at least
// 100 unreserved), provisioned-concurrency, scaling-behavior (1,000 environments per 10 s per
// function), lambda-runtime-environment (one request per environment, reuse while warm).
import { describe, expect, it } from "vitest";
import { TemplateError } from "./errors";
import { createLambdaService, simulate } from "./service";
import { fakeFactory, fn, template } from "./testing";

const ok = "exports.handler = async () => 'ok';";
const slow = "exports.handler = () => new Promise((r) => setTimeout(() => r('done'), 1000));";

describe("concurrency and environments", () => {
  it("reserved concurrency 0 throttles every invoke with 429 ReservedFunctionConcurrentInvocationLimitExceeded", async () => {
    using s = await createLambdaService({ template: template({ F: fn(ok, { ReservedConcurrentExecutions: 0 }) }) });
    for (let i = 0; i < 3; i++) {
      const r = await s.invoke("F");
      expect(r.statusCode).toBe(429);
      expect(r.payload).toEqual({ Reason: "ReservedFunctionConcurrentInvocationLimitExceeded", Type: "User", message: "Rate Exceeded." });
    }
    expect(s.report().summary).toMatchObject({ invocations: 0, throttles: 3 });
  });

  it("overlapping requests each need an environment: 5 at once are 5 cold starts, 5 in sequence are 1", async () => {
    const together = await simulate(template({ F: fn(slow) }), { stimuli: [{ invoke: "F", count: 5 }] });
    expect(together.summary.coldStarts).toBe(5);
    expect(new Set(together.invocations.map((r) => r.environmentId)).size).toBe(5);
    expect(together.summary.maxConcurrency).toBe(5);
    const apart = await simulate(template({ F: fn(slow) }), { stimuli: [{ invoke: "F", count: 5, every: "2s" }] });
    expect(apart.summary.coldStarts).toBe(1);
    expect(new Set(apart.invocations.map((r) => r.environmentId)).size).toBe(1);
  });

  it("an environment serves one request at a time, for the virtual time the runtime reports", async () => {
    const r = await simulate(template({ F: fn(slow) }), { stimuli: [{ invoke: "F" }, { at: 500, invoke: "F" }, { at: 3000, invoke: "F" }] });
    const [a, b, c] = r.invocations;
    expect(a?.duration).toBeGreaterThanOrEqual(1000);
    expect(b?.environmentId).not.toBe(a?.environmentId);
    // Both environments are warm by then; the third request reuses one of them.
    expect([a?.environmentId, b?.environmentId]).toContain(c?.environmentId);
    expect(c?.coldStart).toBe(false);
  });

  it("sync throttles above the account limit are 429 ConcurrentInvocationLimitExceeded, not retried", async () => {
    const r = await simulate(template({ F: fn(slow) }), { account: { concurrency: 10 }, stimuli: [{ invoke: "F", count: 15 }] });
    expect(r.summary).toMatchObject({ invocations: 10, throttles: 5, retries: 0 });
    expect(r.invocations.filter((x) => x.status === "throttled").every((x) => x.throttleReason === "ConcurrentInvocationLimitExceeded")).toBe(true);
    expect(r.metrics.F?.[0]).toMatchObject({ Invocations: 10, Throttles: 5, ConcurrentExecutions: 10 });
  });

  it("reserved concurrency is a ceiling for the function and a guarantee the others cannot take", async () => {
    const factory = fakeFactory(() => ({ durationMs: 1000 }));
    const r = await simulate(
      template({ Reserved: fn(ok, { ReservedConcurrentExecutions: 50 }), Other: fn(ok) }),
      { account: { concurrency: 200 }, stimuli: [{ invoke: "Reserved", count: 60 }, { invoke: "Other", count: 160 }] },
      { environmentFactory: factory },
    );
    const by = (f: string, s: string) => r.invocations.filter((x) => x.function === f && x.status === s).length;
    expect(by("Reserved", "success")).toBe(50);
    expect(by("Reserved", "throttled")).toBe(10);
    expect(by("Other", "success")).toBe(150);
    expect(by("Other", "throttled")).toBe(10);
  });

  it("refuses reserved concurrency that leaves fewer than 100 unreserved", async () => {
    await expect(createLambdaService({ template: template({ F: fn(ok, { ReservedConcurrentExecutions: 950 }) }) })).rejects.toThrow(TemplateError);
    await expect(createLambdaService({ template: template({ F: fn(ok, { ReservedConcurrentExecutions: 950 }) }) })).rejects.toThrow(/leaves fewer than 100 of the account's 1000 unreserved/);
  });

  it("refuses a drive file whose account concurrency is too small for the reservations", async () => {
    await expect(simulate(template({ F: fn(ok, { ReservedConcurrentExecutions: 200 }) }), { account: { concurrency: 250 }, stimuli: [] })).rejects.toThrow(/reserved concurrency totals 200/);
    using s = await createLambdaService({ template: template({ F: fn(ok, { ReservedConcurrentExecutions: 200 }) }) });
    await expect(s.run({ account: { concurrency: 250 }, stimuli: [] })).rejects.toThrow(/account\.concurrency: 250 is too small/);
  });

  it("provisioned environments are initialised ahead, report no Init Duration, and spill over to on-demand", async () => {
    const r = await simulate(
      template({ F: fn(slow, { AutoPublishAlias: "live", ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 2 } }) }),
      { stimuli: [{ invoke: "F:live", count: 3 }] },
    );
    const [a, b, c] = r.invocations;
    for (const x of [a, b]) {
      expect(x).toMatchObject({ provisioned: true, coldStart: false, version: "1" });
      expect(x?.initDuration).toBeUndefined();
      expect(x?.logs?.some((l) => l.includes("Init Duration"))).toBe(false);
    }
    expect(c).toMatchObject({ provisioned: false, coldStart: true });
    expect(c?.initDuration).toBeGreaterThan(0);
    expect(r.metrics.F?.[0]).toMatchObject({ ProvisionedConcurrencyInvocations: 2, ProvisionedConcurrencySpilloverInvocations: 1, ProvisionedConcurrentExecutions: 2, ProvisionedConcurrencyUtilization: 1, ConcurrentExecutions: 3 });
    expect(r.resources.functions.F?.provisioned).toEqual([{ version: "1", count: 2 }]);
    // Their INIT_START was logged at allocation, ahead of the first request, in their own streams.
    const streams = Object.values(r.logGroups["/aws/lambda/F"] ?? {});
    expect(streams.filter((lines) => lines[0]?.startsWith("INIT_START") && lines[1]?.startsWith("START"))).toHaveLength(3);
    // …at virtual time 0 (the run's start), not at the host's wall-clock time.
    const initStarts = r.invocations.filter((x) => x.provisioned).map((x) => x.logs?.find((l) => l.startsWith("INIT_START")));
    expect(initStarts.every((l) => l === undefined)).toBe(true); // not part of the request's own lines
    const jsonRun = await simulate(
      template({ F: fn(slow, { AutoPublishAlias: "live", ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 1 }, LoggingConfig: { LogFormat: "JSON" } }) }),
      { stimuli: [] },
    );
    const initLine = Object.values(jsonRun.logGroups["/aws/lambda/F"] ?? {})[0]?.[0] ?? "";
    expect(JSON.parse(initLine)).toMatchObject({ time: "2026-01-01T00:00:00.000Z", type: "platform.initStart", record: { initializationType: "provisioned-concurrency" } });
  });

  it("provisioned environments see AWS_LAMBDA_INITIALIZATION_TYPE=provisioned-concurrency", async () => {
    const r = await simulate(
      template({ F: fn("exports.handler = async () => process.env.AWS_LAMBDA_INITIALIZATION_TYPE;", { AutoPublishAlias: "live", ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 1 } }) }),
      { stimuli: [{ invoke: "F:live", count: 2 }] },
    );
    expect(r.invocations.map((x) => x.response)).toEqual(["provisioned-concurrency", "on-demand"]);
  });

  it("reclaims an idle environment after the idle timeout: the next request is a cold start again", async () => {
    const r = await simulate(template({ F: fn(ok) }), { stimuli: [{ invoke: "F" }, { at: "4m", invoke: "F" }, { at: "10m", invoke: "F" }] }, { idleTimeout: "5m" });
    expect(r.invocations.map((x) => x.coldStart)).toEqual([true, false, true]);
  });

  it("scales by at most 1,000 new environments per function every 10 seconds (DG scaling-behavior)", async () => {
    const factory = fakeFactory(() => ({ durationMs: 60_000 }));
    const r = await simulate(
      template({ F: fn(ok, { Timeout: 900 }) }),
      { account: { concurrency: 5000 }, stimuli: [{ invoke: "F", count: 1200 }, { at: "5s", invoke: "F", count: 600 }] },
      { environmentFactory: factory, logs: "none", traces: false },
    );
    const first = r.invocations.filter((x) => x.stimulus === 0);
    expect(first.filter((x) => x.status === "success")).toHaveLength(1000);
    expect(first.filter((x) => x.status === "throttled").every((x) => x.throttleReason === "FunctionInvocationRateLimitExceeded")).toBe(true);
    // Refilled continuously: 5 s later, 500 more environments.
    const second = r.invocations.filter((x) => x.stimulus === 1);
    expect(second.filter((x) => x.status === "success")).toHaveLength(500);
    expect(factory.created).toBe(1500);
  });

  it("limits the request rate to 10 × reserved concurrency per second", async () => {
    // A warm-up at 0 s, then 15 quick requests 50 ms apart within the next second.
    const r = await simulate(template({ F: fn(ok, { ReservedConcurrentExecutions: 1 }) }), { stimuli: [{ invoke: "F" }, { at: "1s", invoke: "F", count: 15, every: "50ms" }] });
    const burst = r.invocations.filter((x) => x.stimulus === 1);
    expect(burst.filter((x) => x.status === "success")).toHaveLength(10);
    const throttled = burst.filter((x) => x.status === "throttled");
    expect(throttled).toHaveLength(5);
    expect(throttled.every((x) => x.throttleReason === "ReservedFunctionInvocationRateLimitExceeded")).toBe(true);
  });
});

describe("idle reclamation", () => {
  it("reclaims every environment idle for longer than the idle timeout, not only the most recent", async () => {
    const factory = fakeFactory(() => ({ durationMs: 100, initMs: 0 }));
    using s = await createLambdaService({ template: template({ F: fn(ok) }), environmentFactory: factory, idleTimeout: "5m" });
    // Ten at once: ten environments. Then one request a minute keeps only one of them busy.
    await s.run({ stimuli: [{ invoke: "F", count: 10 }, { at: "1m", invoke: "F", count: 9, every: "1m" }] });
    const warm = s.report().resources.functions.F?.warmEnvironments;
    expect(warm).toEqual([{ version: "$LATEST", count: 1, provisioned: 0 }]);
    expect(factory.created).toBe(10);
    // The nine that stayed idle were disposed (their engine memory released), not kept to the end.
    expect(factory.disposed).toBe(9);
  });
});
