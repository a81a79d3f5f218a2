// RIC LogPatch.js (levels, util.format), Node util.format/util.inspect, DG monitoring-cloudwatchlogs-advanced (JSON format, log levels).
import { describe, expect, it } from "vitest";
import { MAX_LOG_BYTES_PER_INVOKE } from "./environment";
import { appMessages, invokeOnce, lines } from "./testing";

async function logged(code: string): Promise<string[]> {
  return appMessages(await invokeOnce(`exports.handler = async () => { ${code} };`));
}

describe("console in the text format", () => {
  it("maps console methods to Lambda's levels, console.fatal included", async () => {
    const r = await invokeOnce("exports.handler = async () => { console.log('a'); console.info('b'); console.warn('c'); console.error('d'); console.debug('e'); console.trace('f'); console.fatal('g'); };");
    const levels = r.logs.filter((l) => l.kind === "app").map((l) => l.message.split("\t")[2]);
    expect(levels).toEqual(["INFO", "INFO", "WARN", "ERROR", "DEBUG", "TRACE", "FATAL"]);
    expect(appMessages(r)).toEqual(["a", "b", "c", "d", "e", "f", "g"]);
  });

  it.each([
    ["'%s is %d', 'age', 42", "age is 42"],
    ["'%i|%f|%d', '42.9px', '1.5', '7'", "42|1.5|7"],
    ["'%j', { a: [1, 'x'] }", '{"a":[1,"x"]}'],
    ["'100%% sure %s', 'yes'", "100% sure yes"],
    ["'%s', { a: { b: { c: 1 } } }", "{ a: [Object] }"],
    ["'%o', [1]", "[ 1 ]"],
    ["'%O', { a: 1 }", "{ a: 1 }"],
    ["'extra', 1, 'two', null, undefined", "extra 1 two null undefined"],
    ["'%s %s', 'only-one'", "only-one %s"],
  ])("util.format(%s)", async (args, expected) => {
    expect(await logged(`console.log(${args});`)).toEqual([expected]);
  });

  it.each([
    ["{ a: 1, b: 'x' }", "{ a: 1, b: 'x' }"],
    ["[1, 'two', [3]]", "[ 1, 'two', [ 3 ] ]"],
    ["{ a: { b: { c: { d: 1 } } } }", "{ a: { b: { c: [Object] } } }"],
    ["{ a: [[[[1]]]] }", "{ a: [ [ [Array] ] ] }"],
    ["new Map([['k', 1]])", "Map(1) { 'k' => 1 }"],
    ["new Set([1, 2])", "Set(2) { 1, 2 }"],
    ["null", "null"],
    ["undefined", "undefined"],
    ["() => 1", "[Function (anonymous)]"],
    ["function named() {}", "[Function: named]"],
    ["Symbol('s')", "Symbol(s)"],
    ["10n", "10n"],
    ["-0", "-0"],
    ["{ 'key-with-dash': 1, valid_id: 2 }", "{ 'key-with-dash': 1, valid_id: 2 }"],
    ["(() => { const o = { name: 'o' }; o.self = o; return o; })()", "{ name: 'o', self: [Circular *1] }"],
    ["Object.create(null)", "[Object: null prototype] {}"],
    ["new Date(0)", "1970-01-01T00:00:00.000Z"],
    ["/ab+c/gi", "/ab+c/gi"],
    ["Buffer.from('hi')", "<Buffer 68 69>"],
    ["'it\\'s'", "it's"],
  ])("inspects %s like Node", async (expr, expected) => {
    expect(await logged(`console.log(${expr});`)).toEqual([expected]);
  });

  it("inspects strings inside objects with quotes and escapes", async () => {
    expect(await logged("console.log({ s: \"it's\", t: 'a\\nb' });")).toEqual(["{ s: \"it's\", t: 'a\\nb' }"]);
  });

  it("breaks long objects over several lines like Node (breakLength 80)", async () => {
    const [m] = await logged("console.log({ alpha: 'aaaaaaaaaaaaaaaa', beta: 'bbbbbbbbbbbbbbbbbbbb', gamma: 'cccccccccccccccccccc', delta: 1 });");
    expect(m).toBe("{\n  alpha: 'aaaaaaaaaaaaaaaa',\n  beta: 'bbbbbbbbbbbbbbbbbbbb',\n  gamma: 'cccccccccccccccccccc',\n  delta: 1\n}");
  });

  it("prints Errors with their stack, Node style", async () => {
    const [m] = await logged("console.error(new TypeError('bad'));");
    expect(m).toMatch(/^TypeError: bad\n {4}at .*\/var\/task\/index\.js:\d+:\d+/);
  });

  it("supports console.dir, count, time/timeEnd, group and assert", async () => {
    expect(
      await logged("console.dir({ a: { b: { c: {} } } }, { depth: 0 }); console.count(); console.count(); console.count('x'); console.time('t'); await new Promise((r) => setTimeout(r, 5)); console.timeEnd('t'); console.group('G'); console.log('inner'); console.groupEnd(); console.log('outer'); console.assert(1 === 2, 'math'); console.assert(true, 'no');"),
    ).toEqual(["{ a: [Object] }", "default: 1", "default: 2", "x: 1", "t: 5.000ms", "G", "  inner", "outer", "Assertion failed: math"]);
  });

  it("prints errors nested in objects with indented frames and their own properties, like Node", async () => {
    const [m] = await logged("const e = new Error('x'); e.code = 'E'; console.log({ err: e });");
    expect(m).toMatch(/^\{\n  err: Error: x\n {6}at .*\{\n {4}code: 'E'\n {2}\}\n\}$/s);
    const [n] = await logged("const z = new Error('z'); z.stack = ''; console.log({ z });");
    expect(n).toBe("{ z: [Error: z] }");
  });

  it("keeps newlines inside one log event", async () => {
    const r = await invokeOnce("exports.handler = async () => { console.log('line1\\nline2'); };");
    expect(r.logs.filter((l) => l.kind === "app")).toHaveLength(1);
  });

  it("filters calls below AWS_LAMBDA_LOG_LEVEL (applicationLogLevel)", async () => {
    const r = await invokeOnce("exports.handler = async () => { console.debug('d'); console.info('i'); console.warn('w'); console.error('e'); };", {}, { applicationLogLevel: "WARN", logFormat: "JSON" });
    expect(r.logs.filter((l) => l.kind === "app").map((l) => l.level)).toEqual(["WARN", "ERROR"]);
  });

  it("honours AWS_LAMBDA_LOG_LEVEL set as a function variable in the text format too", async () => {
    const r = await invokeOnce("exports.handler = async () => { console.debug('d'); console.info('i'); console.error('e'); };", {}, { environment: { AWS_LAMBDA_LOG_LEVEL: "error" } });
    expect(appMessages(r)).toEqual(["e"]);
  });

  it("caps the log volume of one invoke and says so in one truncation line", async () => {
    const r = await invokeOnce("exports.handler = async () => { for (let i = 0; i < 20000; i++) console.log('x'.repeat(100)); return 'done'; };", {}, { timeoutSeconds: 30 });
    expect(r.payload).toBe("done");
    const total = r.logs.reduce((n, l) => n + l.message.length, 0);
    expect(total).toBeLessThan(MAX_LOG_BYTES_PER_INVOKE + 10_000);
    expect(lines(r).some((l) => /log output of this invocation exceeded \d+ bytes; \d+ further line\(s\) dropped/.test(l))).toBe(true);
  });
});

describe("the JSON log format (LoggingConfig LogFormat: JSON)", () => {
  it("writes application records with timestamp, level, requestId and the message value", async () => {
    const r = await invokeOnce("exports.handler = async () => { console.log({ order: 7 }); console.info('plain'); console.warn('n=%d', 3, new Error('bad')); };", {}, { logFormat: "JSON" }, {}, { requestId: "req-1" });
    const recs = r.logs.filter((l) => l.kind === "app").map((l) => JSON.parse(l.message));
    expect(recs[0]).toMatchObject({ level: "INFO", requestId: "req-1", message: { order: 7 } });
    expect(recs[0].timestamp).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(recs[1]).toMatchObject({ message: "plain" });
    expect(recs[2]).toMatchObject({ level: "WARN", errorType: "Error", errorMessage: "bad" });
    expect(recs[2].message).toMatch(/^n=3 Error: bad/);
    expect(recs[2].stackTrace[0]).toBe("Error: bad");
  });

  it("writes a single Error argument as {errorType, errorMessage, stackTrace}", async () => {
    const r = await invokeOnce("exports.handler = async () => { console.error(new RangeError('r')); };", {}, { logFormat: "JSON" });
    const rec = JSON.parse(r.logs.find((l) => l.kind === "app")!.message);
    expect(rec.message).toMatchObject({ errorType: "RangeError", errorMessage: "r" });
    expect(Array.isArray(rec.message.stackTrace)).toBe(true);
  });

  it("writes platform records platform.initStart, platform.start and platform.report", async () => {
    const r = await invokeOnce("exports.handler = async () => 1;", {}, { logFormat: "JSON" });
    const platform = r.logs.filter((l) => l.kind === "platform").map((l) => JSON.parse(l.message));
    expect(platform.map((p) => p.type)).toEqual(["platform.initStart", "platform.start", "platform.report"]);
    expect(platform[0].record).toMatchObject({ initializationType: "on-demand", phase: "init", functionName: "my-function", functionVersion: "$LATEST" });
    expect(platform[2].record).toMatchObject({ requestId: r.requestId, status: "success", metrics: { memorySizeMB: 128 } });
    expect(platform[2].record.metrics.initDurationMs).toBeGreaterThan(0);
  });
});

describe("runtime error records in the JSON format", () => {
  it("logs a handler error as console.error(error) does: the error object as the message (RIC LogPatch jsonErrorLogger)", async () => {
    const r = await invokeOnce("exports.handler = async () => { const e = new TypeError('bad'); e.code = 'E1'; throw e; };", {}, { logFormat: "JSON" });
    const rec = JSON.parse(r.logs.find((l) => l.kind === "app")!.message);
    expect(rec).toMatchObject({ level: "ERROR", message: { errorType: "TypeError", errorMessage: "bad", code: "E1" } });
    expect(rec.message.stackTrace[0]).toBe("TypeError: bad");
  });

  it("names errors by constructor, leaves out an undefined message and falls back to util.format when a value cannot be serialised", async () => {
    const r = await invokeOnce(
      "class MyErr extends Error {} exports.handler = async () => { console.log(undefined); console.log({ n: 1n }); console.log('x', new MyErr('m')); console.error({ nested: new RangeError('deep') }); };",
      {},
      { logFormat: "JSON" },
    );
    const recs = r.logs.filter((l) => l.kind === "app").map((l) => JSON.parse(l.message));
    expect("message" in recs[0]).toBe(false);
    expect(recs[1].message).toBe("{ n: 1n }");
    expect(recs[2]).toMatchObject({ message: expect.stringMatching(/^x MyErr \[Error\]: m/), errorType: "MyErr", errorMessage: "m" });
    expect(recs[3].message.nested).toMatchObject({ errorType: "RangeError", errorMessage: "deep" });
  });

  it("reports a failed init with platform.initReport records (phase init, then invoke)", async () => {
    const r = await invokeOnce("require('nope');", {}, { logFormat: "JSON" });
    const reports = r.logs.filter((l) => l.kind === "platform").map((l) => JSON.parse(l.message)).filter((p) => p.type === "platform.initReport");
    expect(reports.map((p) => [p.record.phase, p.record.status, p.record.errorType])).toEqual([
      ["init", "error", "Runtime.ImportModuleError"],
      ["invoke", "error", "Runtime.ImportModuleError"],
    ]);
  });
});
