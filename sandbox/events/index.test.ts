/**
 * The public surface of sandbox/events: browser-safe modules, every catalogue entry built by a
 * builder this module exports, and determinism with overrides across all builders.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as events from "./index";

const dir = dirname(fileURLToPath(import.meta.url));
const NODE_ONLY = new Set(["node.ts", "generate.ts"]);

describe("sandbox/events", () => {
  it("loads nothing a browser lacks: no node: modules, Next, React, app/ or content/ outside node.ts and generate.ts", () => {
    const offenders: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !NODE_ONLY.has(f))) {
      // Code only: doc comments may show Node usage (e.g. decoding with zlib in an @example).
      const text = readFileSync(join(dir, file), "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
      for (const m of text.matchAll(/^(?:import|export)[^;]*?from\s+"([^"]+)"/gms)) {
        const spec = m[1] as string;
        if (/^(node:|next|react|@prisma)|\/app\/|\/content\/|^(fs|path|zlib|crypto|buffer)$/.test(spec)) offenders.push(`${file}: ${spec}`);
        if (!spec.startsWith("./") && spec !== "aws-lambda" && spec !== "zod") offenders.push(`${file}: unexpected dependency ${spec}`);
      }
      if (/\bBuffer\b|\bprocess\./.test(text)) offenders.push(`${file}: uses a Node global`);
    }
    expect(offenders).toEqual([]);
  });

  it("exports the builder every catalogue entry names", () => {
    const exported = events as unknown as Record<string, unknown>;
    expect(events.CATALOGUE.filter((e) => typeof exported[e.builder] !== "function").map((e) => e.id)).toEqual([]);
  });

  it("builds every catalogue event the same way twice (deterministic by default)", () => {
    expect(JSON.stringify(events.buildCatalogueEvents())).toBe(JSON.stringify(events.buildCatalogueEvents()));
  });

  it("moves every builder's account, region and time with the common options", () => {
    const common = { accountId: "111122223333", region: "eu-west-1", time: "2027-02-03T04:05:06.789Z" };
    const builders: Array<[string, (o: typeof common) => unknown]> = [
      ["apiGatewayV1", (o) => events.apiGatewayV1(o)],
      ["apiGatewayV2", (o) => events.apiGatewayV2(o)],
      ["functionUrl", (o) => events.functionUrl(o)],
      ["albRequest", (o) => events.albRequest(o)],
      ["apiGatewayTokenAuthorizer", (o) => events.apiGatewayTokenAuthorizer(o)],
      ["httpApiAuthorizer", (o) => events.httpApiAuthorizer(o)],
      ["s3Put", (o) => events.s3Put(o)],
      ["s3Delete", (o) => events.s3Delete(o)],
      ["sqsBatch", (o) => events.sqsBatch(undefined, o)],
      ["snsNotification", (o) => events.snsNotification(o)],
      ["eventBridge", (o) => events.eventBridge(o)],
      ["scheduledEvent", (o) => events.scheduledEvent(o)],
      ["activeMq", (o) => events.activeMq(undefined, o)],
      ["rabbitMq", (o) => events.rabbitMq(undefined, o)],
      ["dynamodbStream", (o) => events.dynamodbStream(undefined, o)],
      ["kinesisRecords", (o) => events.kinesisRecords(undefined, o)],
      ["kinesisTumblingWindow", (o) => events.kinesisTumblingWindow(undefined, o)],
      ["mskRecords", (o) => events.mskRecords(undefined, o)],
      ["firehoseTransformation", (o) => events.firehoseTransformation(undefined, o)],
      ["cloudWatchLogsPayload", (o) => events.cloudWatchLogsPayload(undefined, o)],
      ["cognitoPreSignUp", (o) => events.cognitoPreSignUp(o)],
      ["cloudFormationCustomResource", (o) => events.cloudFormationCustomResource(o)],
      ["stepFunctionsTask", (o) => events.stepFunctionsTask(o)],
      ["secretsManagerRotation", (o) => events.secretsManagerRotation(o)],
      ["lambdaDestinationRecord", (o) => events.lambdaDestinationRecord(o)],
    ];
    for (const [name, build] of builders) {
      const text = JSON.stringify(build(common));
      const defaults = JSON.stringify(build({} as typeof common));
      expect(text, name).not.toContain("123456789012");
      expect(text, name).not.toContain("us-east-1");
      // Each event shows the region or the account (or both) wherever AWS puts them.
      expect(text.includes("eu-west-1") || text.includes("111122223333"), name).toBe(true);
      expect(text === defaults, name).toBe(false);
    }
  });

  it("throws a RangeError naming a bad time", () => {
    expect(() => events.s3Put({ time: "yesterday" })).toThrow("Invalid time: yesterday");
  });
});
