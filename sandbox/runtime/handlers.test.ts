// DG nodejs-handler (handler setting, CommonJS/ES modules, TypeScript), DG nodejs-layers, RIC UserFunction.js.
import { describe, expect, it } from "vitest";
import { invokeOnce, lines } from "./testing";
import { hostReply, type HostCallInfo } from "./types";

describe("loading handlers", () => {
  it.each([
    ["exports.handler", { "index.js": "exports.handler = async (e) => e.x + 1;" }],
    ["module.exports.handler", { "index.js": "module.exports.handler = async (e) => e.x + 1;" }],
    ["module.exports = { handler }", { "index.js": "module.exports = { handler: async (e) => e.x + 1 };" }],
    ["export const handler in .mjs", { "index.mjs": "export const handler = async (e) => e.x + 1;" }],
    ["export async function handler in .mjs", { "index.mjs": "export async function handler(e) { return e.x + 1; }" }],
    ["export in .js with package.json type module", { "index.js": "export const handler = async (e) => e.x + 1;", "package.json": '{"type":"module"}' }],
    ["ES module syntax detected in .js on nodejs22.x", { "index.js": "export const handler = async (e) => e.x + 1;" }],
    ["TypeScript with types stripped", { "index.ts": "interface E { x: number }\nexport const handler = async (e: E): Promise<number> => e.x + 1;" }],
    [".cjs file", { "index.cjs": "exports.handler = async (e) => e.x + 1;" }],
  ])("loads a handler written with %s", async (_name, files) => {
    const r = await invokeOnce(files, { x: 41 });
    expect(r.status).toBe("success");
    expect(r.payload).toBe(42);
  });

  it("fails `export` in a .js file on nodejs20.x (no module detection) with Runtime.UserCodeSyntaxError", async () => {
    const r = await invokeOnce({ "index.js": "export const handler = async () => 1;" }, {}, { runtime: "nodejs20.x" });
    expect(r.payload).toMatchObject({ errorType: "Runtime.UserCodeSyntaxError" });
  });

  it("resolves nested export paths in the handler setting (index.a.b.handler)", async () => {
    const r = await invokeOnce({ "index.js": "exports.a = { b: { handler: async () => 'deep' } };" }, {}, { handler: "index.a.b.handler" });
    expect(r.payload).toBe("deep");
  });

  it("loads the handler module from a sub-directory (src/app.handler)", async () => {
    const r = await invokeOnce({ "src/app.js": "exports.handler = async () => 'sub';" }, {}, { handler: "src/app.handler" });
    expect(r.payload).toBe("sub");
  });

  it("requires and imports the function's other files", async () => {
    const cjs = await invokeOnce({
      "index.js": "const u = require('./lib/util'); const data = require('./data.json'); exports.handler = async () => u.twice(data.n);",
      "lib/util.js": "exports.twice = (n) => n * 2;",
      "data.json": '{"n": 21}',
    });
    expect(cjs.payload).toBe(42);
    const esm = await invokeOnce({
      "index.mjs": "import { twice } from './lib/util.js';\nimport def from './lib/def.mjs';\nexport const handler = async () => twice(def);",
      "lib/util.js": "exports.twice = (n) => n * 2;",
      "lib/def.mjs": "export default 21;",
    });
    expect(esm.payload).toBe(42);
  });

  it("runs a realistic TypeScript handler: import type, enums, classes, satisfies, JSON import attributes", async () => {
    const r = await invokeOnce(
      {
        "index.ts": [
          "import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';",
          "import { Color, area } from './lib/shapes';",
          "import data from './data.json' with { type: 'json' };",
          "enum Level { Low = 1, High = 2 }",
          "type Opt<T> = T | undefined;",
          "const cfg = { a: 1 } as const satisfies Record<string, number>;",
          "class Svc { private readonly n: number; constructor(n: number) { this.n = n; } get twice(): number { return this.n * 2; } }",
          "export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {",
          "  const x: Opt<number> = event?.queryStringParameters?.x ? Number(event.queryStringParameters.x) : undefined;",
          "  return { statusCode: 200, body: JSON.stringify({ x: x ?? null, level: Level.High, color: Color.Red, area: area(2), twice: new Svc(4).twice, cfg, data }) };",
          "};",
        ].join("\n"),
        "lib/shapes.ts": "export enum Color { Red = 'red' }\nexport function area(r: number): number { return Math.round(Math.PI * r ** 2); }",
        "data.json": '{"k": true}',
      },
      { queryStringParameters: { x: "5" } },
    );
    expect(r.payload).toEqual({ statusCode: 200, body: JSON.stringify({ x: 5, level: 2, color: "red", area: 13, twice: 8, cfg: { a: 1 }, data: { k: true } }) });
  });

  it("supports top-level await in an ES module", async () => {
    const r = await invokeOnce({ "index.mjs": "const v = await new Promise((r) => setTimeout(() => r(7), 100));\nexport const handler = async () => v;" });
    expect(r.payload).toBe(7);
  });

  it("loads layer packages by name from /opt/nodejs/node_modules and by absolute path", async () => {
    const r = await invokeOnce(
      {
        "index.js": "const lp = require('left-pad'); const h = require('/opt/nodejs/helpers'); exports.handler = async () => lp('7', 3) + h.tag;",
      },
      {},
      {
        layers: [
          {
            name: "utils",
            files: {
              "nodejs/node_modules/left-pad/package.json": '{"main":"lib/index.js"}',
              "nodejs/node_modules/left-pad/lib/index.js": "module.exports = (s, n) => String(s).padStart(n, '0');",
              "nodejs/helpers.js": "exports.tag = '!';",
            },
          },
        ],
      },
    );
    expect(r.payload).toBe("007!");
  });

  it("provides host modules by name, whose code can await the host (the simulated SDK bridge)", async () => {
    const r = await invokeOnce(
      { "index.mjs": "import { get } from '@lab/kv';\nexport const handler = async () => ({ v: await get('k'), w: await get('w').catch((e) => e.name + ':' + e.message) });" },
      {},
      {},
      {
        builtinModules: { "@lab/kv": "exports.get = (key) => __host.call('kv.get', { key });" },
        hostCall: async (name, payload) => {
          const key = (payload as { key: string }).key;
          if (key === "w") throw Object.assign(new Error("no such key"), { name: "ResourceNotFoundException" });
          return { name, key };
        },
      },
    );
    expect(r.payload).toEqual({ v: { name: "kv.get", key: "k" }, w: "ResourceNotFoundException:no such key" });
  });
});

describe("host calls in virtual time", () => {
  const kv = { "@lab/kv": "exports.get = (key) => __host.call('kv.get', { key });" };

  it("a reply with a latency settles that many virtual ms later and counts in Duration", async () => {
    const r = await invokeOnce(
      { "index.js": "const kv = require('@lab/kv'); exports.handler = async () => { const t = Date.now(); const v = await kv.get('a'); return { v, waited: Date.now() - t }; };" },
      {},
      {},
      { builtinModules: kv, hostCall: async () => hostReply("A", 40) },
    );
    expect(r.payload).toEqual({ v: "A", waited: 40 });
    expect(r.durationMs).toBeGreaterThanOrEqual(40);
    expect(r.durationMs).toBeLessThan(60);
  });

  it("answers and timers interleave in virtual-time order", async () => {
    const r = await invokeOnce(
      {
        "index.js":
          "const kv = require('@lab/kv'); exports.handler = async () => { const order = []; setTimeout(() => order.push('timer 30'), 30); await Promise.all([kv.get('slow').then(() => order.push('host 50')), kv.get('fast').then(() => order.push('host 10'))]); await new Promise((r) => setTimeout(r, 0)); return order; };",
      },
      {},
      {},
      { builtinModules: kv, hostCall: async (_n, p) => hostReply(null, (p as { key: string }).key === "slow" ? 50 : 10) },
    );
    expect(r.payload).toEqual(["host 10", "timer 30", "host 50"]);
  });

  it("a rejection can take time and carry fields onto the guest's Error", async () => {
    const r = await invokeOnce(
      { "index.js": "const kv = require('@lab/kv'); exports.handler = async () => { const t = Date.now(); try { await kv.get('x'); } catch (e) { return { name: e.name, fault: e.$fault, status: e.$metadata.httpStatusCode, waited: Date.now() - t, isError: e instanceof Error }; } };" },
      {},
      {},
      {
        builtinModules: kv,
        hostCall: async () => {
          throw Object.assign(new Error("The conditional request failed"), { name: "ConditionalCheckFailedException", latencyMs: 12, fields: { $fault: "client", $metadata: { httpStatusCode: 400 } } });
        },
      },
    );
    expect(r.payload).toEqual({ name: "ConditionalCheckFailedException", fault: "client", status: 400, waited: 12, isError: true });
  });

  it("the host learns when in the invocation a call happens (phase, elapsed ms, request id)", async () => {
    const seen: HostCallInfo[] = [];
    const r = await invokeOnce(
      { "index.js": "const kv = require('@lab/kv'); const boot = kv.get('init'); exports.handler = async () => { await boot; await new Promise((r) => setTimeout(r, 100)); return kv.get('later'); };" },
      {},
      {},
      { builtinModules: kv, hostCall: async (_n, p, info) => (seen.push(info), (p as { key: string }).key) },
      { requestId: "11111111-2222-3333-4444-555555555555" },
    );
    expect(r.payload).toBe("later");
    expect(seen[0]).toMatchObject({ phase: "init" });
    expect(seen[1]).toMatchObject({ phase: "invoke", requestId: "11111111-2222-3333-4444-555555555555" });
    expect(seen[1]!.elapsedMs).toBeGreaterThanOrEqual(100);
    // On this cold start the handler's call comes after the init phase: its offset counts both.
    expect(seen[1]!.offsetMs).toBeCloseTo(r.initDurationMs! + seen[1]!.elapsedMs, 1);
    expect(seen[0]!.offsetMs).toBe(seen[0]!.elapsedMs);
  });

  it("in real-clock mode the latency is really waited", async () => {
    const t = performance.now();
    const r = await invokeOnce({ "index.js": "const kv = require('@lab/kv'); exports.handler = () => kv.get('a');" }, {}, {}, { clock: "real", builtinModules: kv, hostCall: async () => hostReply("A", 30) });
    expect(r.payload).toBe("A");
    expect(performance.now() - t).toBeGreaterThanOrEqual(29);
  });
});

describe("the host bridge under failure", () => {
  it("a host call that never settles ends in a timeout instead of hanging", async () => {
    const r = await invokeOnce(
      { "index.js": "const kv = require('@lab/kv'); exports.handler = async () => kv.get();" },
      {},
      { timeoutSeconds: 1 },
      { builtinModules: { "@lab/kv": "exports.get = () => __host.call('kv.get', {});" }, hostCall: () => new Promise(() => {}) },
    );
    expect(r.status).toBe("timeout");
    expect(r.durationMs).toBe(1000);
  });

  it("without a hostCall function, a host call rejects with a clear error", async () => {
    const r = await invokeOnce(
      { "index.js": "const kv = require('@lab/kv'); exports.handler = async () => kv.get().catch((e) => e.message);" },
      {},
      {},
      { builtinModules: { "@lab/kv": "exports.get = () => __host.call('kv.get', {});" } },
    );
    expect(r.payload).toBe("No host function is available for kv.get");
  });

  it("host modules cannot be reached by user code except through require", async () => {
    const r = await invokeOnce(
      { "index.js": "exports.handler = async () => [typeof __host, typeof require('@lab/kv').get];" },
      {},
      {},
      { builtinModules: { "@lab/kv": "exports.get = () => 1;" } },
    );
    expect(r.payload).toEqual(["undefined", "function"]);
  });
});

describe("init errors in the runtime's shapes", () => {
  it("Runtime.ImportModuleError when the handler module does not exist", async () => {
    const r = await invokeOnce({ "other.js": "" });
    expect(r.payload).toMatchObject({
      errorType: "Runtime.ImportModuleError",
      errorMessage: "Error: Cannot find module 'index'\nRequire stack:\n- /var/runtime/index.mjs",
    });
  });

  it("Runtime.ImportModuleError naming the package a handler requires", async () => {
    const r = await invokeOnce("const x = require('lodash'); exports.handler = async () => 1;");
    expect(r.payload).toMatchObject({
      errorType: "Runtime.ImportModuleError",
      errorMessage: "Error: Cannot find module 'lodash'\nRequire stack:\n- /var/task/index.js\n- /var/runtime/index.mjs",
    });
  });

  it("Runtime.ImportModuleError naming a Node built-in the sandbox does not simulate", async () => {
    const r = await invokeOnce("require('child_process'); exports.handler = async () => 1;");
    expect(r.payload).toMatchObject({ errorType: "Runtime.ImportModuleError" });
    expect((r.payload as { errorMessage: string }).errorMessage).toMatch(/Cannot find module 'child_process'.*does not simulate the Node.js built-in 'child_process'/);
  });

  it("Runtime.HandlerNotFound when the export is missing or not a function", async () => {
    expect((await invokeOnce("exports.other = 1;")).payload).toMatchObject({ errorType: "Runtime.HandlerNotFound", errorMessage: "index.handler is undefined or not exported" });
    expect((await invokeOnce("exports.handler = 42;")).payload).toMatchObject({ errorType: "Runtime.HandlerNotFound", errorMessage: "index.handler is not a function" });
  });

  it("Runtime.MalformedHandlerName for a handler setting without a dot", async () => {
    const r = await invokeOnce("exports.handler = async () => 1;", {}, { handler: "index" });
    expect(r.payload).toMatchObject({ errorType: "Runtime.MalformedHandlerName", errorMessage: "Bad handler" });
  });

  it("Runtime.UserCodeSyntaxError with the file, line and column", async () => {
    const r = await invokeOnce("exports.handler = async () => {\n  return 1 +;\n};");
    expect(r.payload).toMatchObject({ errorType: "Runtime.UserCodeSyntaxError" });
    expect((r.payload as { errorMessage: string }).errorMessage).toMatch(/^SyntaxError: .+ \(\/var\/task\/index\.js:2:\d+\)$/);
    const ts = await invokeOnce({ "index.ts": "export const handler = async (): Promise<number> => {\n  let x: = 1;\n};" });
    expect((ts.payload as { errorMessage: string }).errorMessage).toMatch(/^SyntaxError: .+\(\/var\/task\/index\.ts:2:\d+\)$/);
  });

  it("an exception thrown by module code is reported with its own type", async () => {
    const r = await invokeOnce("class ConfigMissing extends Error { constructor(m) { super(m); this.name = 'ConfigMissing'; } }\nthrow new ConfigMissing('TABLE_NAME not set');");
    expect(r.payload).toMatchObject({ errorType: "ConfigMissing", errorMessage: "TABLE_NAME not set" });
    expect(lines(r).some((l) => l.includes("\tERROR\tUncaught Exception \t{\"errorType\":\"ConfigMissing\""))).toBe(true);
  });

  it("nodejs24.x rejects callback handlers at init (Runtime.CallbackHandlerDeprecated)", async () => {
    const r = await invokeOnce("exports.handler = (e, c, cb) => cb(null, 1);", {}, { runtime: "nodejs24.x" });
    expect(r.payload).toMatchObject({ errorType: "Runtime.CallbackHandlerDeprecated" });
  });

  it("nodejs22.x logs the deprecation warning for a 3-argument handler, unless disabled", async () => {
    const warned = await invokeOnce("exports.handler = (e, c, cb) => cb(null, 1);");
    expect(lines(warned).some((l) => /\tWARN\tAWS Lambda plans to remove support for callback-based function handlers/.test(l))).toBe(true);
    const quiet = await invokeOnce("exports.handler = (e, c, cb) => cb(null, 1);", {}, { environment: { AWS_LAMBDA_NODEJS_DISABLE_CALLBACK_WARNING: "1" } });
    expect(lines(quiet).some((l) => l.includes("plans to remove support"))).toBe(false);
  });
});
