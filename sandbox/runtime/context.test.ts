// RIC InvokeContext.js / CallbackContext.js, DG nodejs-context, DG configuration-envvars.
import { describe, expect, it } from "vitest";
import { invokeOnce } from "./testing";

describe("the context object", () => {
  it("has every field of the Node.js runtime, memoryLimitInMB as a string", async () => {
    const r = await invokeOnce(
      "exports.handler = async (e, ctx) => ({ keys: Object.keys(ctx), name: ctx.functionName, version: ctx.functionVersion, mem: ctx.memoryLimitInMB, group: ctx.logGroupName, stream: ctx.logStreamName, arn: ctx.invokedFunctionArn, id: ctx.awsRequestId, wait: ctx.callbackWaitsForEmptyEventLoop, rem: typeof ctx.getRemainingTimeInMillis(), cc: ctx.clientContext === undefined, ident: ctx.identity === undefined });",
      {},
      { functionName: "orders", memoryMB: 256, region: "eu-west-1", accountId: "111122223333" },
      {},
      { requestId: "c0ffee00-0000-4000-8000-000000000001" },
    );
    expect(r.payload).toMatchObject({
      keys: ["callbackWaitsForEmptyEventLoop", "succeed", "fail", "done", "functionVersion", "functionName", "memoryLimitInMB", "logGroupName", "logStreamName", "clientContext", "identity", "invokedFunctionArn", "awsRequestId", "getRemainingTimeInMillis"],
      name: "orders",
      version: "$LATEST",
      mem: "256",
      group: "/aws/lambda/orders",
      arn: "arn:aws:lambda:eu-west-1:111122223333:function:orders",
      id: "c0ffee00-0000-4000-8000-000000000001",
      wait: true,
      rem: "number",
      cc: true,
      ident: true,
    });
    expect((r.payload as { stream: string }).stream).toMatch(/^\d{4}\/\d\d\/\d\d\/\[\$LATEST\][0-9a-f]{32}$/);
  });

  it("keeps the caller's qualified ARN and passes clientContext and identity", async () => {
    const r = await invokeOnce(
      "exports.handler = async (e, ctx) => ({ arn: ctx.invokedFunctionArn, cc: ctx.clientContext, id: ctx.identity, trace: process.env._X_AMZN_TRACE_ID });",
      {},
      {},
      {},
      {
        invokedFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:my-function:live",
        clientContext: { client: { app_title: "x" } },
        identity: { cognitoIdentityId: "id", cognitoIdentityPoolId: "pool" },
        traceId: "Root=1-5d9d007f-0a8c7fd02xmpl480aed55ef0;Parent=3d752xmpl1bbe37e;Sampled=1",
      },
    );
    expect(r.payload).toEqual({
      arn: "arn:aws:lambda:us-east-1:123456789012:function:my-function:live",
      cc: { client: { app_title: "x" } },
      id: { cognitoIdentityId: "id", cognitoIdentityPoolId: "pool" },
      trace: "Root=1-5d9d007f-0a8c7fd02xmpl480aed55ef0;Parent=3d752xmpl1bbe37e;Sampled=1",
    });
  });

  it("getRemainingTimeInMillis reads the same deadline that ends the run", async () => {
    const r = await invokeOnce(
      "exports.handler = async (e, ctx) => { const a = ctx.getRemainingTimeInMillis(); await new Promise((r) => setTimeout(r, 1200)); return [a, ctx.getRemainingTimeInMillis()]; };",
      {},
      { timeoutSeconds: 3 },
    );
    const [a, b] = r.payload as [number, number];
    expect(a).toBeGreaterThan(2990);
    expect(a).toBeLessThanOrEqual(3000);
    expect(a - b).toBeGreaterThanOrEqual(1199);
    expect(a - b).toBeLessThan(1300);
  });
});

describe("environment variables", () => {
  it("sets Lambda's reserved variables with faithful values plus the user's", async () => {
    const r = await invokeOnce("exports.handler = async () => process.env;", {}, { functionName: "fn1", memoryMB: 512, environment: { TABLE: "orders" } });
    const env = r.payload as Record<string, string>;
    expect(env).toMatchObject({
      _HANDLER: "index.handler",
      AWS_REGION: "us-east-1",
      AWS_DEFAULT_REGION: "us-east-1",
      AWS_EXECUTION_ENV: "AWS_Lambda_nodejs22.x",
      AWS_LAMBDA_FUNCTION_NAME: "fn1",
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: "512",
      AWS_LAMBDA_FUNCTION_VERSION: "$LATEST",
      AWS_LAMBDA_INITIALIZATION_TYPE: "on-demand",
      AWS_LAMBDA_LOG_GROUP_NAME: "/aws/lambda/fn1",
      AWS_LAMBDA_RUNTIME_API: "127.0.0.1:9001",
      LAMBDA_TASK_ROOT: "/var/task",
      LAMBDA_RUNTIME_DIR: "/var/runtime",
      LANG: "en_US.UTF-8",
      TZ: ":UTC",
      NODE_PATH: "/opt/nodejs/node22/node_modules:/opt/nodejs/node_modules:/var/runtime/node_modules:/var/runtime:/var/task",
      TABLE: "orders",
    });
    expect(env.AWS_LAMBDA_LOG_STREAM_NAME).toMatch(/^\d{4}\/\d\d\/\d\d\/\[\$LATEST\][0-9a-f]{32}$/);
    expect(env.AWS_ACCESS_KEY_ID).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(env.AWS_SECRET_ACCESS_KEY).toMatch(/^[A-Za-z0-9+/]{40}$/);
    expect(env.AWS_SESSION_TOKEN?.length).toBeGreaterThan(100);
  });

  it("exposes process only as a harmless subset", async () => {
    const r = await invokeOnce("exports.handler = async () => ({ platform: process.platform, arch: process.arch, version: process.version, cwd: process.cwd(), hr: Array.isArray(process.hrtime()), mu: typeof process.memoryUsage().heapUsed, binding: typeof process.binding, mainModule: typeof process.mainModule, kill: typeof process.kill });");
    expect(r.payload).toEqual({ platform: "linux", arch: "x64", version: "v22.20.0", cwd: "/var/task", hr: true, mu: "number", binding: "undefined", mainModule: "undefined", kill: "undefined" });
  });
});

describe("tracing header", () => {
  it("sets _X_AMZN_TRACE_ID for every invoke, a fresh unsampled root when the caller sends none", async () => {
    const r = await invokeOnce("exports.handler = async () => process.env._X_AMZN_TRACE_ID;");
    expect(r.payload).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0;Lineage=1:[0-9a-f]{8}:0$/);
  });
});

describe("request ids without crypto.randomUUID (browsers outside a secure context)", () => {
  it("still generates version 4 UUIDs", async () => {
    const proto = Object.getPrototypeOf(globalThis.crypto) as object;
    const desc = Object.getOwnPropertyDescriptor(proto, "randomUUID");
    Reflect.deleteProperty(proto, "randomUUID");
    try {
      const r = await invokeOnce("exports.handler = async (e, ctx) => [ctx.awsRequestId, require('crypto').randomUUID()];");
      const [id, guest] = r.payload as [string, string];
      expect(r.requestId).toBe(id);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(guest).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      if (desc) Object.defineProperty(proto, "randomUUID", desc);
    }
  });
});
