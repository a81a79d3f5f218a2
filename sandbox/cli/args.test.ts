import { describe, expect, it } from "vitest";
import { parseEventsArgs, parseInvokeArgs } from "./args";
import { locateJsonError, parseEventJson } from "./event-input";
import { UsageError } from "./usage";

function usageMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message;
  }
  throw new Error("expected a UsageError");
}

describe("lambda-lab invoke arguments", () => {
  it("defaults to Lambda's own settings: 128 MB, 3 s, text logs, one invocation, event {}", () => {
    const args = parseInvokeArgs(["fn/index.js"]);
    expect(args).toMatchObject({
      file: "fn/index.js",
      handler: undefined,
      memoryMB: 128,
      timeoutSeconds: 3,
      times: 1,
      logFormat: "Text",
      environment: {},
      event: { kind: "none" },
    });
  });

  it("reads every option", () => {
    const args = parseInvokeArgs([
      "app.ts",
      "--handler",
      "app.main",
      "--event",
      "s3-put",
      "--memory",
      "1024",
      "--timeout",
      "30",
      "--env",
      "TABLE=orders",
      "--env",
      "EMPTY=",
      "--env",
      "URL=a=b",
      "--times",
      "3",
      "--log-format",
      "json",
    ]);
    expect(args).toMatchObject({
      handler: "app.main",
      event: { kind: "catalogue", name: "s3-put" },
      memoryMB: 1024,
      timeoutSeconds: 30,
      environment: { TABLE: "orders", EMPTY: "", URL: "a=b" },
      times: 3,
      logFormat: "JSON",
    });
  });

  it("takes the event from stdin with --event -, and from a file with --event-file", () => {
    expect(parseInvokeArgs(["a.js", "--event", "-"]).event).toEqual({ kind: "stdin" });
    expect(parseInvokeArgs(["a.js", "--event-file", "e.json"]).event).toEqual({ kind: "file", path: "e.json" });
  });

  it("rejects unknown flags, a missing file and conflicting event options", () => {
    expect(usageMessage(() => parseInvokeArgs(["a.js", "--bogus"]))).toMatch(/Unknown option '--bogus'/);
    expect(usageMessage(() => parseInvokeArgs([]))).toMatch(/Missing <file>/);
    expect(usageMessage(() => parseInvokeArgs(["a.js", "b.js"]))).toMatch(/Unexpected argument "b.js"/);
    expect(usageMessage(() => parseInvokeArgs(["a.js", "--event", "x", "--event-file", "y"]))).toMatch(/either --event or --event-file/);
  });

  it("rejects memory, timeout and times outside Lambda's limits (LAMBDA.md §8)", () => {
    expect(usageMessage(() => parseInvokeArgs(["a.js", "--memory", "64"]))).toBe("--memory must be between 128 and 10240, got 64");
    expect(usageMessage(() => parseInvokeArgs(["a.js", "--memory", "20000"]))).toMatch(/between 128 and 10240/);
    expect(usageMessage(() => parseInvokeArgs(["a.js", "--memory", "1.5"]))).toMatch(/whole number/);
    expect(usageMessage(() => parseInvokeArgs(["a.js", "--timeout", "0"]))).toBe("--timeout must be between 1 and 900, got 0");
    expect(usageMessage(() => parseInvokeArgs(["a.js", "--timeout", "901"]))).toMatch(/between 1 and 900/);
    expect(usageMessage(() => parseInvokeArgs(["a.js", "--times", "0"]))).toMatch(/--times must be between 1/);
    expect(usageMessage(() => parseInvokeArgs(["a.js", "--times", "-3"]))).toMatch(/--times/);
  });

  it("rejects malformed and reserved environment variables (DG configuration-envvars)", () => {
    expect(usageMessage(() => parseInvokeArgs(["a.js", "--env", "NOVALUE"]))).toMatch(/KEY=VALUE/);
    expect(usageMessage(() => parseInvokeArgs(["a.js", "--env", "1BAD=x"]))).toMatch(/not a valid Lambda environment variable name/);
    expect(usageMessage(() => parseInvokeArgs(["a.js", "--env", "AWS_REGION=eu-west-1"]))).toMatch(/reserved by Lambda/);
  });

  it("rejects an unknown log format", () => {
    expect(usageMessage(() => parseInvokeArgs(["a.js", "--log-format", "xml"]))).toBe('--log-format must be text or json, got "xml"');
  });

  it("answers --help without requiring a file", () => {
    expect(parseInvokeArgs(["--help"]).help).toBe(true);
  });
});

describe("lambda-lab events arguments", () => {
  it("parses list and show with its --set assignments in order", () => {
    expect(parseEventsArgs(["list"])).toMatchObject({ action: "list", set: [] });
    expect(parseEventsArgs(["show", "s3/put", "--set", "Records[0].s3.object.key=photos/cat.jpg", "--set", "a.b=42"])).toMatchObject({
      action: "show",
      name: "s3/put",
      set: ["Records[0].s3.object.key=photos/cat.jpg", "a.b=42"],
    });
  });

  it("rejects a missing or unknown subcommand and a show without a name", () => {
    expect(usageMessage(() => parseEventsArgs([]))).toMatch(/Missing events command/);
    expect(usageMessage(() => parseEventsArgs(["generate"]))).toMatch(/Unknown events command "generate"/);
    expect(usageMessage(() => parseEventsArgs(["show"]))).toMatch(/Missing <name>/);
    expect(usageMessage(() => parseEventsArgs(["show", "x", "--set", "novalue"]))).toMatch(/path=value/);
  });
});

describe("event JSON", () => {
  it("names the line and column of a JSON mistake", () => {
    const message = usageMessage(() => parseEventJson('{\n  "a": 1,\n  "b": }\n', "event.json"));
    expect(message).toBe("event.json: invalid JSON event at line 3, column 8 (position 19): unexpected '}', expected a JSON value");
  });

  it("locates other JSON mistakes: trailing commas, single quotes, unterminated strings, trailing text", () => {
    expect(locateJsonError('{"a": 1,}')).toEqual({ position: 8, message: "unexpected '}', expected a property name in double quotes" });
    expect(locateJsonError("{'a': 1}").position).toBe(1);
    expect(locateJsonError('["abc').message).toBe("unexpected end of input, expected a closing quote");
    expect(locateJsonError("{} x")).toEqual({ position: 3, message: "unexpected 'x', expected end of input" });
    expect(locateJsonError("[1, 2").message).toBe("unexpected end of input, expected ',' or ']'");
  });

  it("refuses an empty event", () => {
    expect(usageMessage(() => parseEventJson("  \n", "stdin"))).toMatch(/the event is empty/);
  });
});
