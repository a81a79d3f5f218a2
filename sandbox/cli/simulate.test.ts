/**
 * `lambda-lab simulate` and `lambda-lab invoke --template`: argument parsing, the summary, the JSON
 * report, CodeUri folders read from disk, and errors that name the file and what is wrong.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { RunReport } from "../service/types";
import type { CliIo } from "./invoke";
import { isTemplateInvoke, parseSimulateArgs, parseTemplateInvokeArgs, runSimulate, runTemplateInvoke } from "./simulate";
import { UsageError } from "./usage";

const work = mkdtempSync(join(tmpdir(), "lambda-lab-simulate-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
function file(path: string, text: string): string {
  const full = join(work, path);
  mkdirSync(join(full, ".."), { recursive: true });
  writeFileSync(full, text);
  return full;
}

function io(): CliIo & { out: string; err: string } {
  const o = {
    out: "",
    err: "",
    cwd: work,
    stdout: { write: (t: string) => (o.out += t) },
    stderr: { write: (t: string) => (o.err += t) },
    readStdin: () => Promise.resolve("{}"),
    catalogueEvent: () => Promise.reject(new UsageError("no catalogue here", "invoke")),
  };
  return o;
}

file(
  "app/template.yaml",
  `
Transform: AWS::Serverless-2016-10-31
Parameters:
  Greeting: { Type: String, Default: hello }
Resources:
  Dlq:
    Type: AWS::SQS::Queue
  Orders:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Runtime: nodejs22.x
      CodeUri: src/
      Environment: { Variables: { GREETING: !Ref Greeting } }
      DeadLetterQueue: { Type: SQS, TargetArn: !GetAtt Dlq.Arn }
      EventInvokeConfig: { MaximumRetryAttempts: 1 }
`,
);
file("app/src/app.js", `const { word } = require("./lib/words"); exports.handler = async (e) => { if (e.fail) throw new Error("bad order " + e.id); return process.env.GREETING + " " + word; };`);
file("app/src/lib/words.js", `exports.word = "world";`);
file("app/events/fail.json", `{ "fail": true, "id": 9 }`);
file(
  "app/drive.yaml",
  `
stimuli:
  - invoke: Orders
    count: 3
    every: 1s
  - at: 5s
    invoke: Orders
    type: Event
    payloadFile: events/fail.json
`,
);

file("bad/template.yaml", "Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties: { Handler: index.handler, Runtime: nodejs22.x, InlineCode: x, Timeout: 0 }\n");
file("bad/drive.yaml", "stimuli:\n  - invoke: G\n");

describe("lambda-lab simulate", () => {
  it("parses its options and refuses a missing drive file option", () => {
    expect(parseSimulateArgs(["t.yaml", "--drive", "d.yaml", "--duration", "10m", "--seed", "7", "--parameter", "A=b", "--json"])).toMatchObject({
      template: "t.yaml",
      drive: "d.yaml",
      duration: "10m",
      seed: 7,
      parameters: { A: "b" },
      json: true,
    });
    expect(() => parseSimulateArgs(["t.yaml"])).toThrow(/Missing --drive/);
    expect(() => parseSimulateArgs(["--drive", "d.yaml"])).toThrow(/Missing <template.yaml>/);
    expect(() => parseSimulateArgs(["t.yaml", "--drive", "d", "--bogus"])).toThrow(UsageError);
    expect(() => parseSimulateArgs(["t.yaml", "--drive", "d", "--metrics-period", "1.5s"])).toThrow(/--metrics-period must be whole seconds/);
  });

  it("prints a summary with invocations, cold starts, retries, the DLQ and the cost, and writes the JSON report", async () => {
    const o = io();
    const code = await runSimulate(parseSimulateArgs(["app/template.yaml", "--drive", "app/drive.yaml", "--out", "report.json"]), o);
    expect(code).toBe(0);
    expect(o.out).toMatch(/Invocations: 5 \(cold starts 1, errors 2, timeouts 0, retries 1\), throttles 0/);
    expect(o.out).toMatch(/Dlq: 1 message\(s\)/);
    expect(o.out).toMatch(/ErrorMessage "bad order 9"/);
    expect(o.out).toMatch(/total +\$0\.\d+/);
    const report = JSON.parse(readFileSync(join(work, "report.json"), "utf8")) as RunReport;
    expect(report.invocations[0]?.response).toBe("hello world");
    expect(report.deadLetters.Dlq?.[0]?.body).toBe('{"fail":true,"id":9}');
  });

  it("prints each simulated resource's end state and the event flow (the seed's SQS worker and S3 loop patterns)", async () => {
    const templates = fileURLToPath(new URL("../../content/templates/", import.meta.url));
    const o = Object.assign(io(), { cwd: templates });
    await runSimulate(parseSimulateArgs(["sqs-worker-dlq/template.yaml", "--drive", "sqs-worker-dlq/drive.yaml"]), o);
    expect(o.out).toMatch(/Resources at the end:\n {2}JobsDlq \(AWS::SQS::Queue\): visible 1/);
    expect(o.out).toContain("Jobs → Worker (sqs:event-source-mapping)");
    const loop = Object.assign(io(), { cwd: templates });
    await runSimulate(parseSimulateArgs(["s3-recursive-loop/template.yaml", "--drive", "s3-recursive-loop/drive.yaml"]), loop);
    // Object writes are drawn to their bucket, not to each object's ARN.
    expect(loop.out).toContain("Thumbnailer → Images (sdk:s3:PutObject)");
    expect(loop.out).not.toContain("→ arn:aws:s3:::");
  });

  it("prints the log lines by log group and stream with --show-logs", async () => {
    const o = io();
    await runSimulate(parseSimulateArgs(["app/template.yaml", "--drive", "app/drive.yaml", "--show-logs"]), o);
    expect(o.out).toMatch(/\n {2}\/aws\/lambda\/Orders 2026\/01\/01\/\[\$LATEST\][0-9a-f]{32}\n {4}INIT_START/);
    expect(o.out).toMatch(/ERROR\tInvoke Error/);
  });

  it("prints the report itself with --json, and applies --parameter", async () => {
    const o = io();
    await runSimulate(parseSimulateArgs(["app/template.yaml", "--drive", "app/drive.yaml", "--json", "--parameter", "Greeting=hi", "--no-logs"]), o);
    const report = JSON.parse(o.out) as RunReport;
    expect(report.invocations[0]?.response).toBe("hi world");
    expect(report.invocations[0]?.logs).toBeUndefined();
  });

  it("aggregates metrics per --metrics-period", async () => {
    const o = io();
    await runSimulate(parseSimulateArgs(["app/template.yaml", "--drive", "app/drive.yaml", "--metrics-period", "1s"]), o);
    expect(o.out).toMatch(/Metrics per 1s:/);
    expect(o.out).toMatch(/Orders +2s +Invocations 1/);
  });

  it("names the file and the resource, property or stimulus at fault", async () => {
    await expect(runSimulate(parseSimulateArgs(["bad/template.yaml", "--drive", "app/drive.yaml"]), io())).rejects.toThrow(/bad\/template\.yaml: F\.Timeout: must be a whole number from 1 to 900/);
    await expect(runSimulate(parseSimulateArgs(["app/template.yaml", "--drive", "bad/drive.yaml"]), io())).rejects.toThrow(/bad\/drive\.yaml: stimuli\[0\]\.invoke: no function "G"/);
    await expect(runSimulate(parseSimulateArgs(["nope.yaml", "--drive", "bad/drive.yaml"]), io())).rejects.toThrow(/template .*nope\.yaml: no such file/);
  });
});

describe("lambda-lab invoke --template", () => {
  it("is chosen when --template is given", () => {
    expect(isTemplateInvoke(["--template", "t.yaml", "F"])).toBe(true);
    expect(isTemplateInvoke(["fn/index.js"])).toBe(false);
    expect(parseTemplateInvokeArgs(["--template", "t.yaml", "F", "--times", "2"])).toMatchObject({ template: "t.yaml", logicalId: "F", times: 2 });
    expect(() => parseTemplateInvokeArgs(["--template", "t.yaml"])).toThrow(/Give one <LogicalId>/);
  });

  it("invokes one function with the template's settings and code, in the worker pool", async () => {
    const o = io();
    const code = await runTemplateInvoke(parseTemplateInvokeArgs(["--template", "app/template.yaml", "Orders", "--times", "2"]), o);
    expect(code).toBe(0);
    expect(o.out.trim().split("\n")).toEqual(['"hello world"', '"hello world"']);
    expect(o.err).toMatch(/REPORT RequestId/);
  });

  it("exits 1 with Lambda's error payload when the function fails, and names a missing function", async () => {
    const o = io();
    const code = await runTemplateInvoke(parseTemplateInvokeArgs(["--template", "app/template.yaml", "Orders", "--event-file", "app/events/fail.json"]), o);
    expect(code).toBe(1);
    expect(JSON.parse(o.out)).toMatchObject({ errorType: "Error", errorMessage: "bad order 9" });
    await expect(runTemplateInvoke(parseTemplateInvokeArgs(["--template", "app/template.yaml", "Nope"]), io())).rejects.toThrow(/has no function "Nope" \(functions: Orders\)/);
  });
});

describe("lambda-lab simulate through bin/lambda-lab.js", () => {
  const bin = fileURLToPath(new URL("../../bin/lambda-lab.js", import.meta.url));
  const run = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [bin, ...args], { cwd: work, stdio: "pipe" });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout, stderr }));
    });

  it("runs a template against a drive file: exit 0 and the summary on stdout", async () => {
    const r = await run(["simulate", "app/template.yaml", "--drive", "app/drive.yaml", "--duration", "10m"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Lambda Lab simulation of app\/template\.yaml driven by app\/drive\.yaml: 10m of virtual time/);
    expect(r.stdout).toMatch(/Dlq: 1 message\(s\)/);
  });

  it("exits 2 naming the file, resource and property of a bad template", async () => {
    const r = await run(["simulate", "bad/template.yaml", "--drive", "app/drive.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^lambda-lab: bad\/template\.yaml: F\.Timeout: must be a whole number from 1 to 900/);
    expect(r.stderr).toMatch(/Run `lambda-lab simulate --help` for usage\./);
  });
});
