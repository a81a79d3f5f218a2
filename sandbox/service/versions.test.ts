// Versions and aliases: DG configuration-versions ($LATEST mutable, versions immutable snapshots,
// publishing unchanged code creates no new version), configuration-aliases (weighted routing,
// executed version reported), API Invoke (ResourceNotFoundException for a missing function/alias).
import { describe, expect, it } from "vitest";
import { DriveError, LambdaApiError } from "./errors";
import { createLambdaService, simulate } from "./service";
import { fn, template } from "./testing";

const v1 = "exports.handler = async () => 'v1';";
const v2 = "exports.handler = async () => 'v2';";

describe("versions and aliases", () => {
  it("publishing unchanged code creates no new version", async () => {
    using s = await createLambdaService({ template: template({ F: fn(v1) }) });
    expect(s.publish("F")).toMatchObject({ version: "1", created: true });
    expect(s.publish("F")).toMatchObject({ version: "1", created: false });
    await s.update("F", { code: v1 });
    expect(s.publish("F")).toMatchObject({ version: "1", created: false });
    await s.update("F", { code: v2 });
    expect(s.publish("F")).toMatchObject({ version: "2", created: true });
  });

  it("a published version is an immutable snapshot; $LATEST runs the new code", async () => {
    using s = await createLambdaService({ template: template({ F: fn(v1, { AutoPublishAlias: "live" }) }) });
    await s.update("F", { code: v2 });
    expect((await s.invoke("F")).payload).toBe("v2");
    expect((await s.invoke("F:1")).payload).toBe("v1");
    expect((await s.invoke("F:live")).payload).toBe("v1");
    expect((await s.invoke("F:$LATEST")).executedVersion).toBe("$LATEST");
  });

  it("a version snapshots configuration too: memory and environment changed on $LATEST do not reach it", async () => {
    const code = "exports.handler = async (e, ctx) => [ctx.memoryLimitInMB, process.env.STAGE];";
    using s = await createLambdaService({ template: template({ F: fn(code, { AutoPublishAlias: "live", Environment: { Variables: { STAGE: "one" } } }) }) });
    await s.update("F", { memorySize: 512, environment: { STAGE: "two" } });
    expect((await s.invoke("F")).payload).toEqual(["512", "two"]);
    expect((await s.invoke("F:1")).payload).toEqual(["128", "one"]);
    expect(s.report().invocations.map((r) => r.memorySizeMB)).toEqual([512, 128]);
  });

  it("reports the executed version, never the alias, in the response, the record and the START line", async () => {
    using s = await createLambdaService({ template: template({ F: fn(v1, { AutoPublishAlias: "live" }) }) });
    const r = await s.invoke("F:live");
    expect(r.executedVersion).toBe("1");
    const rec = s.report().invocations[0];
    expect(rec).toMatchObject({ version: "1", qualifier: "live" });
    expect(rec?.logs?.find((l) => l.startsWith("START"))).toMatch(/Version: 1$/);
  });

  it("an update with publish moves the AutoPublishAlias to the new version, as a SAM deployment does", async () => {
    const r = await simulate(template({ F: fn(v1, { AutoPublishAlias: "live" }) }), {
      stimuli: [{ invoke: "F:live" }, { at: "1m", update: { function: "F", code: v2, publish: true } }, { at: "2m", invoke: "F:live" }],
    });
    expect(r.invocations.map((x) => [x.version, x.response])).toEqual([
      ["1", "v1"],
      ["2", "v2"],
    ]);
    expect(r.resources.functions.F?.aliases).toEqual([{ name: "live", version: "2", weights: {} }]);
  });

  it("a 90/10 alias routes about 10% to the second version over 1,000 invokes", async () => {
    const r = await simulate(template({ F: fn(v1, { AutoPublishAlias: "live" }) }), {
      stimuli: [
        { update: { function: "F", code: v2, publish: true } },
        { at: 1, alias: { function: "F", name: "live", version: "1", weights: { "2": 0.1 } } },
        { at: 2, invoke: "F:live", count: 1000, every: "10ms" },
      ],
    }, { logs: "none", traces: false });
    const toV2 = r.invocations.filter((x) => x.version === "2").length;
    expect(toV2).toBeGreaterThan(70);
    expect(toV2).toBeLessThan(130);
    expect(r.invocations.filter((x) => x.version === "2").every((x) => x.response === "v2")).toBe(true);
  });

  it("routes the same way for the same seed, and differently for another", async () => {
    const run = (seed: number) =>
      simulate(
        template({ F: fn(v1), V1: { Type: "AWS::Lambda::Version", Properties: { FunctionName: { Ref: "F" } } } }),
        { stimuli: [{ update: { function: "F", code: v2, publish: true } }, { at: 1, alias: { function: "F", name: "a", version: "1", weights: { "2": 0.5 } } }, { at: 2, invoke: "F:a", count: 40, every: "10ms" }] },
        { seed, logs: "none" },
      );
    const a = (await run(1)).invocations.map((x) => x.version).join();
    const b = (await run(1)).invocations.map((x) => x.version).join();
    const c = (await run(2)).invocations.map((x) => x.version).join();
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it("invoking a missing function, version or alias is ResourceNotFoundException (404)", async () => {
    using s = await createLambdaService({ template: template({ F: fn(v1) }) });
    await expect(s.invoke("Nope")).rejects.toThrow(LambdaApiError);
    await expect(s.invoke("Nope")).rejects.toMatchObject({ errorType: "ResourceNotFoundException", statusCode: 404 });
    await expect(s.invoke("F:live")).rejects.toThrow(/Function not found: arn:aws:lambda:us-east-1:123456789012:function:F:live/);
    await expect(s.invoke("F:3")).rejects.toThrow(/no published versions or aliases/);
  });

  it("a drive file that invokes a missing function or alias is refused before the run, naming the stimulus", async () => {
    await expect(simulate(template({ F: fn(v1) }), { stimuli: [{ invoke: "G" }] })).rejects.toThrow(DriveError);
    await expect(simulate(template({ F: fn(v1) }), { stimuli: [{ invoke: "G" }] })).rejects.toThrow(/stimuli\[0\]\.invoke: no function "G" in the template \(functions: F\)/);
    await expect(simulate(template({ F: fn(v1) }), { stimuli: [{ invoke: "F" }, { invoke: "F:live" }] })).rejects.toThrow(/stimuli\[1\]\.invoke: F has no alias live/);
  });

  it("moving an alias to a version that does not exist fails with the versions that do", async () => {
    await expect(simulate(template({ F: fn(v1, { AutoPublishAlias: "live" }) }), { stimuli: [{ alias: { function: "F", name: "live", version: "7" } }] })).rejects.toThrow(
      /stimuli\[0\]: Function not found: .*:F:7 \(published versions of F: 1\)/,
    );
  });

  it("an update retires the old $LATEST environments: the next invoke is a cold start with the new code", async () => {
    const r = await simulate(template({ F: fn(v1) }), { stimuli: [{ invoke: "F" }, { at: "1s", update: { function: "F", code: v2 } }, { at: "2s", invoke: "F" }] });
    expect(r.invocations.map((x) => [x.coldStart, x.response])).toEqual([
      [true, "v1"],
      [true, "v2"],
    ]);
  });
});
