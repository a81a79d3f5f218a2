/**
 * The `lambda-lab` CLI end to end: stdout, stderr and the exit code (0 success, 1 function error,
 * 2 usage error). `cli()` spawns `node bin/lambda-lab.js …` as a user would; `inProcess()` calls the
 * same `main()` with captured streams, for the many cases where starting a Node process (and tsx)
 * for each would only add seconds.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { main, processIo } from "./main";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(ROOT, "bin/lambda-lab.js");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], options: { stdin?: string; cwd?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, stdio: "pipe" });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? "");
  });
}

async function inProcess(args: string[], options: { stdin?: string } = {}): Promise<Run> {
  const run = { code: null as number | null, stdout: "", stderr: "" };
  run.code = await main(args, {
    ...processIo(),
    cwd: ROOT,
    stdout: { write: (t: string) => (run.stdout += t) },
    stderr: { write: (t: string) => (run.stderr += t) },
    readStdin: () => Promise.resolve(options.stdin ?? ""),
  });
  return run;
}

const lines = (text: string) => text.split("\n").filter((l) => l !== "");

// A scratch folder with one function per subfolder.
const work = mkdtempSync(join(tmpdir(), "lambda-lab-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
function fn(name: string, files: Record<string, string>): string {
  const dir = join(work, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const echo = fn("echo", {
  "index.mjs": `
let count = 0;
console.log("init");
export const handler = async (event) => {
  count++;
  console.log("event", JSON.stringify(event));
  return { count, event, table: process.env.TABLE ?? null };
};`,
});
const failing = fn("failing", {
  "app.js": `exports.handler = async () => { throw new TypeError("bad input"); };`,
});
const multi = fn("multi", {
  "index.js": `const { shout } = require("./lib/util"); exports.handler = async (e) => shout(e.name);`,
  "lib/util.js": `exports.shout = (s) => String(s).toUpperCase() + "!";`,
  "node_modules/ignored/index.js": "this is not valid JavaScript and must not be loaded (",
});
const typed = fn("typed", {
  "handler.ts": `
interface Input { a: number; b: number }
export const handler = async (event: Input): Promise<{ sum: number }> => ({ sum: event.a + event.b });`,
});
const stuck = fn("stuck", {
  // The second invocation makes a single native call QuickJS's interrupt handler cannot stop
  // (about two minutes of work): only the host's hard stop ends it.
  "index.js": `let n = 0; exports.handler = async () => (++n === 1 ? "warm" : Array(2 ** 32 - 1).indexOf(1));`,
});

describe("lambda-lab invoke", () => {
  it("prints the payload on stdout and START … REPORT on stderr, exit 0", async () => {
    const run = await cli(["invoke", join(echo, "index.mjs"), "--event-file", "-", "--env", "TABLE=orders"], {
      stdin: '{"hello":"world"}',
    });
    expect(run.code).toBe(0);
    expect(lines(run.stdout)).toHaveLength(1);
    expect(JSON.parse(run.stdout)).toEqual({ count: 1, event: { hello: "world" }, table: "orders" });
    const log = lines(run.stderr);
    expect(log[0]).toMatch(/^INIT_START Runtime Version: nodejs:22\./);
    expect(log.some((l) => /\tundefined\tINFO\tinit$/.test(l))).toBe(true);
    expect(log.some((l) => /\tINFO\tevent {"hello":"world"}$/.test(l))).toBe(true);
    expect(log.some((l) => l.startsWith("START RequestId: "))).toBe(true);
    expect(log.some((l) => l.startsWith("END RequestId: "))).toBe(true);
    expect(log.at(-1)).toMatch(/^REPORT RequestId: .*\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: \d+ MB\tInit Duration: [\d.]+ ms/);
  });

  it("--times 3 reuses one warm environment: one cold start, Init Duration only on the first REPORT", async () => {
    const run = await cli(["invoke", join(echo, "index.mjs"), "--times", "3", "--event", "-"], { stdin: "{}" });
    expect(run.code).toBe(0);
    expect(lines(run.stdout).map((l) => (JSON.parse(l) as { count: number }).count)).toEqual([1, 2, 3]);
    const reports = lines(run.stderr).filter((l) => l.startsWith("REPORT "));
    expect(reports).toHaveLength(3);
    expect(reports.map((r) => r.includes("Init Duration"))).toEqual([true, false, false]);
    expect(lines(run.stderr).filter((l) => l.startsWith("INIT_START"))).toHaveLength(1);
  });

  it("runs a catalogue event by name", async () => {
    const run = await inProcess(["invoke", join(echo, "index.mjs"), "--event", "s3/put"]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { event: { Records: { eventSource: string }[] } };
    expect(out.event.Records[0]?.eventSource).toBe("aws:s3");
  });

  it("loads the function's other files (not node_modules) and TypeScript handlers", async () => {
    const m = await inProcess(["invoke", join(multi, "index.js"), "--event", "-"], { stdin: '{"name":"ada"}' });
    expect(m.code).toBe(0);
    expect(JSON.parse(m.stdout)).toBe("ADA!");
    const t = await inProcess(["invoke", join(typed, "handler.ts"), "--event", "-"], { stdin: '{"a":2,"b":3}' });
    expect(t.code).toBe(0);
    expect(JSON.parse(t.stdout)).toEqual({ sum: 5 });
  });

  it("on a function error prints Lambda's error payload on stdout and exits 1", async () => {
    const run = await cli(["invoke", join(failing, "app.js")]);
    expect(run.code).toBe(1);
    const payload = JSON.parse(run.stdout) as { errorType: string; errorMessage: string; trace: string[] };
    expect(payload.errorType).toBe("TypeError");
    expect(payload.errorMessage).toBe("bad input");
    expect(Array.isArray(payload.trace)).toBe(true);
    expect(run.stderr).toMatch(/\tERROR\tInvoke Error \t\{"errorType":"TypeError","errorMessage":"bad input"/);
  });

  it("prints JSON log records with --log-format json", async () => {
    const run = await inProcess(["invoke", join(echo, "index.mjs"), "--log-format", "json"]);
    expect(run.code).toBe(0);
    const records = lines(run.stderr).map((l) => JSON.parse(l) as { type?: string; level?: string });
    expect(records.some((r) => r.type === "platform.start")).toBe(true);
    expect(records.some((r) => r.type === "platform.report")).toBe(true);
    expect(records.some((r) => r.level === "INFO")).toBe(true);
  });

  it("stops a handler stuck in a native call at the hard stop: Sandbox.Timedout, exit 1, no hang", async () => {
    const started = Date.now();
    const run = await cli(["invoke", join(stuck, "index.js"), "--timeout", "1", "--times", "2"]);
    expect(run.code).toBe(1);
    const [first, second] = lines(run.stdout).map((l) => JSON.parse(l) as unknown);
    expect(first).toBe("warm");
    expect(second).toEqual({
      errorType: "Sandbox.Timedout",
      errorMessage: expect.stringMatching(/^RequestId: [0-9a-f-]{36} Error: Task timed out after 1\.00 seconds$/) as unknown,
    });
    expect(lines(run.stderr).at(-1)).toMatch(/\tDuration: 1000\.00 ms\t.*\tStatus: timeout$/);
    // Warm environment: hard stop = the engine's real-time cap of the 1 s timeout (2 s) + 1 s margin.
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 40_000);
});

describe("lambda-lab invoke usage errors (exit 2)", () => {
  const usage = async (args: string[], message: RegExp, stdin?: string) => {
    const run = await inProcess(args, { stdin });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/Run `lambda-lab invoke --help` for usage\./);
  };

  it("rejects an unknown flag (spawned: the real process exits 2)", async () => {
    const run = await cli(["invoke", "x.js", "--bogus"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("lambda-lab: Unknown option '--bogus'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--bogus\"\nRun `lambda-lab invoke --help` for usage.\n");
  });
  it("rejects a missing file", () => usage(["invoke", join(work, "nope.js")], /nope\.js: no such file/));
  it("rejects memory out of range", () => usage(["invoke", join(echo, "index.mjs"), "--memory", "64"], /--memory must be between 128 and 10240, got 64/));
  it("rejects a bad JSON event with its position", () =>
    usage(["invoke", join(echo, "index.mjs"), "--event", "-"], /stdin: invalid JSON event at line 1, column 9 \(position 8\): unexpected .}., expected a property name in double quotes/, '{"a": 1,}'));
  it("rejects environment variables over Lambda's 4 KB total", () =>
    usage(["invoke", join(echo, "index.mjs"), "--env", `BIG=${"x".repeat(5000)}`], /over Lambda's 4 KB limit/));
  it("rejects an unknown catalogue event with suggestions", () =>
    usage(["invoke", join(echo, "index.mjs"), "--event", "s3/putt"], /Unknown sample event "s3\/putt"\. Did you mean: .*s3\/put\b/));
});

describe("lambda-lab invoke --template and simulate (wired to simulate.ts)", () => {
  const app = fn("sam-app", {
    "template.yaml": `
Transform: AWS::Serverless-2016-10-31
Resources:
  Hello:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Runtime: nodejs22.x
      CodeUri: src/
      Environment: { Variables: { GREETING: hi } }
`,
    "src/app.js": `exports.handler = async (e) => process.env.GREETING + " " + (e.name ?? "there");`,
  });

  it("invokes one function of a SAM template with its settings", async () => {
    const run = await cli(["invoke", "--template", join(app, "template.yaml"), "Hello", "--event", "-"], { stdin: '{"name":"Ada"}' });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toBe("hi Ada");
    expect(lines(run.stderr).at(-1)).toMatch(/^REPORT RequestId: /);
  });

  it("routes simulate to its own help and usage errors", async () => {
    const help = await cli(["simulate", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: lambda-lab simulate/);
    const missing = await inProcess(["simulate"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Run `lambda-lab simulate --help` for usage\./);
  });
});

describe("lambda-lab events", () => {
  it("lists the catalogue grouped by service", async () => {
    const run = await cli(["events", "list"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Amazon S3$/m);
    expect(run.stdout).toMatch(/^ {2}s3\/put +S3 object created/m);
    expect(run.stdout).toMatch(/^ {2}sqs\/receive-message /m);
  });

  it("lists as JSON with --json", async () => {
    const run = await inProcess(["events", "list", "--json"]);
    const rows = JSON.parse(run.stdout) as { id: string }[];
    expect(rows.map((r) => r.id)).toContain("apigateway/http-api-proxy");
  });

  it("shows an event, with --set applied (JSON values when valid, else text)", async () => {
    const run = await cli([
      "events",
      "show",
      "s3/put",
      "--set",
      "Records[0].s3.object.key=photos/cat.jpg",
      "--set",
      "Records[0].s3.object.size=2048",
      "--set",
      'Records[0].s3.bucket.ownerIdentity={"principalId":"ME"}',
    ]);
    expect(run.code).toBe(0);
    const event = JSON.parse(run.stdout) as {
      Records: { s3: { object: { key: string; size: number }; bucket: { ownerIdentity: unknown } } }[];
    };
    expect(event.Records[0]?.s3.object).toMatchObject({ key: "photos/cat.jpg", size: 2048 });
    expect(event.Records[0]?.s3.bucket.ownerIdentity).toEqual({ principalId: "ME" });
  });

  it("accepts SAM's spelling of a name", async () => {
    const run = await inProcess(["events", "show", "sqs receive-message"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveProperty("Records");
  });

  it("exits 2 on an unknown event or a bad --set path", async () => {
    const unknown = await inProcess(["events", "show", "nope"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown sample event "nope"/);
    const badPath = await inProcess(["events", "show", "s3/put", "--set", "Records[5].x=1"]);
    expect(badPath.code).toBe(2);
    expect(badPath.stderr).toMatch(/--set Records\[5\]\.x=1: Cannot use "Records\[5\]\.x"/);
  });

  it("prints help for each command", async () => {
    for (const args of [["--help"], ["invoke", "--help"], ["events", "--help"], ["events", "show", "--help"]]) {
      const run = await inProcess(args);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Usage: lambda-lab/);
    }
    const bare = await cli([]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/^Usage: lambda-lab/);
  });
});
