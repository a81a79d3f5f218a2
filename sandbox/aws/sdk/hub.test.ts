// The simulated SDK as a handler sees it: SDK v3's client/command shape and its ServiceException
// fields (SDK v3 developer guide, "Handling errors": name, message, $fault, $metadata), through the
// real QuickJS runtime and the service layer.
import { describe, expect, it } from "vitest";
import { createLambdaService } from "../../service/service";
import { fn, template } from "../../service/testing";
import { AwsServiceError, SdkHub } from "./hub";

function kvHub(): { hub: SdkHub; store: Map<string, unknown> } {
  const store = new Map<string, unknown>();
  const hub = new SdkHub();
  hub.register({
    package: "@aws-sdk/client-kv",
    clientName: "KVClient",
    exceptions: ["KeyMissingException"],
    operations: {
      Put: { action: "kv:Put", resource: (i: { Key: string }, c) => `arn:aws:kv:${c.region}:${c.accountId}:key/${i.Key}`, run: (i: { Key: string; Value: unknown }) => (store.set(i.Key, i.Value), {}) },
      Get: {
        action: "kv:Get",
        resource: (i: { Key: string }, c) => `arn:aws:kv:${c.region}:${c.accountId}:key/${i.Key}`,
        run: (i: { Key: string }) => {
          if (!store.has(i.Key)) throw new AwsServiceError("KeyMissingException", `Key ${i.Key} does not exist`, { statusCode: 404, fields: { Key: i.Key } });
          return { Value: store.get(i.Key) };
        },
      },
      Slow: { action: "kv:Slow", resource: () => "*", latencyMs: 50, run: (_i, c) => ({ at: c.time }) },
      Echo: { action: "kv:Echo", resource: () => "*", run: (i: { Bytes: Uint8Array }) => ({ Bytes: i.Bytes, Length: i.Bytes.length, IsBytes: i.Bytes instanceof Uint8Array }) },
    },
  });
  return { hub, store };
}

const allowAll = { Policies: [{ Statement: [{ Effect: "Allow", Action: "kv:*", Resource: "*" }] }] };

describe("the simulated SDK in a handler", () => {
  it("client.send(new XCommand(input)) reaches the registered operation and resolves its output", async () => {
    const { hub, store } = kvHub();
    const code = `
      const { KVClient, PutCommand, GetCommand } = require("@aws-sdk/client-kv");
      const kv = new KVClient({ region: "us-east-1" });
      exports.handler = async () => {
        await kv.send(new PutCommand({ Key: "a", Value: 1 }));
        const cmd = new GetCommand({ Key: "a" });
        const out = await kv.send(cmd);
        return { out, input: cmd.input, region: await kv.config.region(), ctor: KVClient.name };
      };`;
    using s = await createLambdaService({ template: template({ F: fn(code, allowAll) }), extensions: [hub.extension] });
    const r = await s.invoke("F", {});
    expect(r.payload).toEqual({ out: { Value: 1 }, input: { Key: "a" }, region: "us-east-1", ctor: "KVClient" });
    expect(store.get("a")).toBe(1);
  });

  it("ES module imports and the aggregated client (new KV().get) work too", async () => {
    const { hub } = kvHub();
    const code = `
      import { KV } from "@aws-sdk/client-kv";
      const kv = new KV({});
      export const handler = async () => { await kv.put({ Key: "b", Value: "x" }); return kv.get({ Key: "b" }); };`;
    using s = await createLambdaService({ template: template({ F: { ...fn(code, allowAll), Properties: { ...fn(code, allowAll).Properties as object, Handler: "index.handler", InlineCode: undefined, CodeUri: { "index.mjs": code } } } }), extensions: [hub.extension] });
    expect((await s.invoke("F", {})).payload).toEqual({ Value: "x" });
  });

  it("a service error is thrown as the SDK's ServiceException: name, message, $fault, $metadata, fields, instanceof", async () => {
    const { hub } = kvHub();
    const code = `
      const { KVClient, GetCommand, KeyMissingException, KVServiceException } = require("@aws-sdk/client-kv");
      exports.handler = async () => {
        try { await new KVClient({}).send(new GetCommand({ Key: "nope" })); }
        catch (e) { return { name: e.name, message: e.message, fault: e.$fault, meta: e.$metadata, key: e.Key,
          specific: e instanceof KeyMissingException, base: e instanceof KVServiceException, error: e instanceof Error }; }
      };`;
    using s = await createLambdaService({ template: template({ F: fn(code, allowAll) }), extensions: [hub.extension] });
    const r = (await s.invoke("F", {})).payload as Record<string, unknown>;
    expect(r).toMatchObject({ name: "KeyMissingException", message: "Key nope does not exist", fault: "client", key: "nope", specific: true, base: true, error: true });
    expect(r.meta).toMatchObject({ httpStatusCode: 404, attempts: 1, totalRetryDelay: 0, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown });
  });

  it("a command the simulator does not implement imports, and fails when sent with a clear error naming it", async () => {
    const { hub } = kvHub();
    const code = `
      const { KVClient, ScanCommand } = require("@aws-sdk/client-kv");
      exports.handler = async () => { try { await new KVClient({}).send(new ScanCommand({})); } catch (e) { return e.name + ": " + e.message; } };`;
    using s = await createLambdaService({ template: template({ F: fn(code, allowAll) }), extensions: [hub.extension] });
    expect((await s.invoke("F", {})).payload).toBe("UnknownOperationException: ScanCommand of @aws-sdk/client-kv is not simulated by Lambda Lab (simulated: Put, Get, Slow, Echo)");
  });

  it("binary values cross the bridge as Uint8Array both ways", async () => {
    const { hub } = kvHub();
    const code = `
      const { KVClient, EchoCommand } = require("@aws-sdk/client-kv");
      exports.handler = async () => { const o = await new KVClient({}).send(new EchoCommand({ Bytes: new Uint8Array([1, 2, 255]) }));
        return { back: Array.from(o.Bytes), isU8: o.Bytes instanceof Uint8Array, length: o.Length, hostSaw: o.IsBytes }; };`;
    using s = await createLambdaService({ template: template({ F: fn(code, allowAll) }), extensions: [hub.extension] });
    expect((await s.invoke("F", {})).payload).toEqual({ back: [1, 2, 255], isU8: true, length: 3, hostSaw: true });
  });

  it("a call the role does not allow is AccessDeniedException with AWS's message (IAM UG troubleshoot_access-denied)", async () => {
    const { hub, store } = kvHub();
    const code = `
      const { KVClient, PutCommand } = require("@aws-sdk/client-kv");
      exports.handler = async () => { try { await new KVClient({}).send(new PutCommand({ Key: "k", Value: 1 })); } catch (e) { return [e.name, e.message, e.$metadata.httpStatusCode]; } };`;
    using s = await createLambdaService({ template: template({ F: fn(code, { FunctionName: "put-fn", Policies: [{ Statement: [{ Effect: "Allow", Action: "kv:Get", Resource: "*" }] }] }) }), extensions: [hub.extension] });
    expect((await s.invoke("F", {})).payload).toEqual([
      "AccessDeniedException",
      "User: arn:aws:sts::123456789012:assumed-role/FRole/put-fn is not authorized to perform: kv:Put on resource: arn:aws:kv:us-east-1:123456789012:key/k because no identity-based policy allows the kv:Put action",
      400,
    ]);
    expect(store.size).toBe(0);
    expect((s.report().extensions?.aws as { accessDenied: unknown[] }).accessDenied).toHaveLength(1);
  });

  it("reports calls by operation and an edge from the function to what it called", async () => {
    const { hub } = kvHub();
    const code = `const { KVClient, PutCommand } = require("@aws-sdk/client-kv"); exports.handler = async () => { await new KVClient({}).send(new PutCommand({ Key: "k", Value: 1 })); };`;
    using s = await createLambdaService({ template: template({ F: fn(code, allowAll) }), extensions: [hub.extension] });
    await s.invoke("F", {});
    await s.invoke("F", {});
    const section = s.report().extensions?.aws as ReturnType<SdkHub["report"]>;
    expect(section.calls).toEqual({ "@aws-sdk/client-kv Put": 2 });
    expect(section.edges).toEqual([{ from: "F", to: "arn:aws:kv:us-east-1:123456789012:key/k", kind: "sdk:kv:Put" }]);
  });

  it("each call takes its operation's virtual latency: the calls' times advance and the duration includes them", async () => {
    const { hub } = kvHub();
    const code = `const { KVClient, SlowCommand } = require("@aws-sdk/client-kv"); const kv = new KVClient({});
      exports.handler = async () => { const a = await kv.send(new SlowCommand({})); const b = await kv.send(new SlowCommand({})); const c = await kv.send(new SlowCommand({})); return [a.at, b.at, c.at]; };`;
    using s = await createLambdaService({ template: template({ F: fn(code, allowAll) }), extensions: [hub.extension] });
    const times = (await s.invoke("F", {})).payload as number[];
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(50);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(50);
    expect(s.report().invocations[0]!.duration).toBeGreaterThanOrEqual(150);
  });
});
