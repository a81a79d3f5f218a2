// DG gettingstarted-limits, DG configuration-envvars, API CreateFunction (parameter constraints).
import { describe, expect, it } from "vitest";
import { ConfigError, resolveFunctionConfig } from "./config";
import { newEnvironment } from "./environment";

const files = { "index.js": "exports.handler = async () => 1" };

describe("resolveFunctionConfig", () => {
  it("fills in Lambda's defaults: 128 MB, 3 s, 512 MB /tmp, nodejs22.x, index.handler", () => {
    const c = resolveFunctionConfig({ files });
    expect(c).toMatchObject({
      functionName: "my-function",
      handler: "index.handler",
      runtime: "nodejs22.x",
      memoryMB: 128,
      timeoutSeconds: 3,
      ephemeralStorageMB: 512,
      region: "us-east-1",
      version: "$LATEST",
      logFormat: "Text",
    });
  });

  it.each([
    ["memoryMB", { memoryMB: 127 }],
    ["memoryMB", { memoryMB: 10241 }],
    ["memoryMB", { memoryMB: 256.5 }],
    ["timeoutSeconds", { timeoutSeconds: 0 }],
    ["timeoutSeconds", { timeoutSeconds: 901 }],
    ["ephemeralStorageMB", { ephemeralStorageMB: 511 }],
    ["handler", { handler: "" }],
    ["handler", { handler: "index handler" }],
    ["runtime", { runtime: "nodejs16.x" }],
    ["functionName", { functionName: "has space" }],
    ["region", { region: "mars" }],
    ["logFormat", { logFormat: "XML" }],
    ["applicationLogLevel", { applicationLogLevel: "LOUD" }],
  ])("rejects an invalid %s with a ConfigError naming the setting", (setting, bad) => {
    const attempt = () => resolveFunctionConfig({ files, ...(bad as object) });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(`^${setting}:`));
  });

  it("rejects user environment variables over 4 KB in total", () => {
    const big = { A: "x".repeat(4000), B: "y".repeat(200) };
    expect(() => resolveFunctionConfig({ files, environment: big })).toThrow(/environment: .*4 KB/);
    expect(() => resolveFunctionConfig({ files, environment: { A: "x".repeat(4000) } })).not.toThrow();
  });

  it("rejects reserved environment variable names (DG configuration-envvars)", () => {
    expect(() => resolveFunctionConfig({ files, environment: { AWS_REGION: "eu-west-1" } })).toThrow(/reserved/);
  });

  it("normalises file paths and refuses paths escaping /var/task", () => {
    expect(resolveFunctionConfig({ files: { "./lib/a.js": "", "/var/task/b.js": "" } }).files).toEqual({ "lib/a.js": "", "b.js": "" });
    expect(() => resolveFunctionConfig({ files: { "../etc/passwd": "" } })).toThrow(ConfigError);
  });

  it("newEnvironment throws the ConfigError before creating anything", async () => {
    await expect(newEnvironment({ files, memoryMB: 64 })).rejects.toThrow(ConfigError);
  });
});
