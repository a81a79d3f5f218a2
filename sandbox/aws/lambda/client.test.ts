// @aws-sdk/client-lambda's Invoke from inside a function, through the real runtime and service
// (API Invoke: StatusCode 200/202/204, Payload bytes, FunctionError, ExecutedVersion, LogResult;
// ResourceNotFoundException 404, InvalidRequestContentException 400, AccessDeniedException 403).
import { describe, expect, it } from "vitest";
import { createLambdaService } from "../../service/service";
import { fn, template } from "../../service/testing";
import { awsExtensions } from "../index";

const invokePolicy = { Policies: [{ LambdaInvokePolicy: { FunctionName: "callee" } }] };
const callee = fn(`exports.handler = async (e) => { if (e.fail) throw new TypeError("bad input"); await new Promise((r) => setTimeout(r, 100)); return { doubled: e.n * 2 }; };`, { FunctionName: "callee" });

function caller(body: string, props: Record<string, unknown> = invokePolicy): Record<string, unknown> {
  return fn(
    `const { LambdaClient, InvokeCommand } = require("@aws-sdk/client-lambda");
     const lambda = new LambdaClient({});
     const decode = (p) => JSON.parse(new TextDecoder().decode(p));
     exports.handler = async (event) => { ${body} };`,
    props,
  );
}

describe("@aws-sdk/client-lambda Invoke", () => {
  it("RequestResponse runs the callee and returns StatusCode 200, the payload as bytes and ExecutedVersion", async () => {
    const code = `const r = await lambda.send(new InvokeCommand({ FunctionName: "callee", Payload: JSON.stringify({ n: 21 }) }));
      return { status: r.StatusCode, bytes: r.Payload instanceof Uint8Array, payload: decode(r.Payload), version: r.ExecutedVersion, error: r.FunctionError };`;
    using s = await createLambdaService({ template: template({ Caller: caller(code), Callee: callee }), extensions: awsExtensions() });
    const r = await s.invoke("Caller", {});
    expect(r.payload).toEqual({ status: 200, bytes: true, payload: { doubled: 42 }, version: "$LATEST" });
    const recs = s.report().invocations;
    expect(recs.map((x) => [x.function, x.trigger])).toEqual([["Callee", "sdk:Caller"], ["Caller", "invoke"]]);
    // The caller waited for the callee: its duration covers the callee's init and 100 ms of work.
    const [inner, outer] = recs;
    expect(outer!.duration).toBeGreaterThanOrEqual(inner!.end - inner!.start);
  });

  it("a callee's error is StatusCode 200 with FunctionError Unhandled and Lambda's error payload", async () => {
    const code = `const r = await lambda.send(new InvokeCommand({ FunctionName: "callee", Payload: new TextEncoder().encode('{"fail":true}') }));
      return { status: r.StatusCode, error: r.FunctionError, payload: decode(r.Payload) };`;
    using s = await createLambdaService({ template: template({ Caller: caller(code), Callee: callee }), extensions: awsExtensions() });
    expect((await s.invoke("Caller", {})).payload).toMatchObject({ status: 200, error: "Unhandled", payload: { errorType: "TypeError", errorMessage: "bad input" } });
  });

  it("InvocationType Event answers 202 with an empty payload and queues the callee", async () => {
    const code = `const r = await lambda.send(new InvokeCommand({ FunctionName: "arn:aws:lambda:us-east-1:123456789012:function:callee", InvocationType: "Event", Payload: '{"n":1}' }));
      return { status: r.StatusCode, length: r.Payload.length };`;
    using s = await createLambdaService({ template: template({ Caller: caller(code), Callee: callee }), extensions: awsExtensions() });
    expect((await s.invoke("Caller", {})).payload).toEqual({ status: 202, length: 0 });
    await s.settle();
    expect(s.report().invocations.find((x) => x.function === "Callee")).toMatchObject({ invocationType: "Event", status: "success", response: { doubled: 2 } });
  });

  it("DryRun answers 204 without running the callee", async () => {
    const code = `const r = await lambda.send(new InvokeCommand({ FunctionName: "callee", InvocationType: "DryRun" })); return r.StatusCode;`;
    using s = await createLambdaService({ template: template({ Caller: caller(code), Callee: callee }), extensions: awsExtensions() });
    expect((await s.invoke("Caller", {})).payload).toBe(204);
    expect(s.report().invocations).toHaveLength(1);
  });

  it("a function that does not exist is ResourceNotFoundException (404) with Lambda's message", async () => {
    const code = `try { await lambda.send(new InvokeCommand({ FunctionName: "nope" })); } catch (e) { return [e.name, e.message, e.$metadata.httpStatusCode]; }`;
    using s = await createLambdaService({ template: template({ Caller: caller(code, { Policies: [{ Statement: [{ Effect: "Allow", Action: "lambda:InvokeFunction", Resource: "*" }] }] }) }), extensions: awsExtensions() });
    expect((await s.invoke("Caller", {})).payload).toEqual(["ResourceNotFoundException", "Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope", 404]);
  });

  it("a payload that is not JSON is InvalidRequestContentException (400)", async () => {
    const code = `try { await lambda.send(new InvokeCommand({ FunctionName: "callee", Payload: "{oops" })); } catch (e) { return [e.name, e.$metadata.httpStatusCode, /^Could not parse request body into json/.test(e.message)]; }`;
    using s = await createLambdaService({ template: template({ Caller: caller(code), Callee: callee }), extensions: awsExtensions() });
    expect((await s.invoke("Caller", {})).payload).toEqual(["InvalidRequestContentException", 400, true]);
  });

  it("without lambda:InvokeFunction the call is AccessDeniedException (403) naming the function's ARN", async () => {
    const code = `try { await lambda.send(new InvokeCommand({ FunctionName: "callee" })); } catch (e) { return [e.name, e.message, e.$metadata.httpStatusCode]; }`;
    using s = await createLambdaService({ template: template({ Caller: caller(code, { FunctionName: "caller" }), Callee: callee }), extensions: awsExtensions() });
    expect((await s.invoke("Caller", {})).payload).toEqual([
      "AccessDeniedException",
      "User: arn:aws:sts::123456789012:assumed-role/CallerRole/caller is not authorized to perform: lambda:InvokeFunction on resource: arn:aws:lambda:us-east-1:123456789012:function:callee because no identity-based policy allows the lambda:InvokeFunction action",
      403,
    ]);
    expect(s.report().invocations).toHaveLength(1);
  });

  it("a function that invokes itself synchronously times out, as each caller waits for its callee's cold start", async () => {
    const code = `const r = await lambda.send(new InvokeCommand({ FunctionName: "self", Payload: "{}" })); return decode(r.Payload);`;
    using s = await createLambdaService({ template: template({ Self: caller(code, { FunctionName: "self", Policies: [{ LambdaInvokePolicy: { FunctionName: "self" } }] }) }), extensions: awsExtensions() });
    expect((await s.invoke("Self", {})).payload).toMatchObject({ errorType: "Sandbox.Timedout" });
  });

  it("with a long timeout, synchronous self-invocation is stopped after 25 nested levels with TooManyRequestsException", async () => {
    const code = `const depth = event.depth ?? 0;
      try { const r = await lambda.send(new InvokeCommand({ FunctionName: "self", Payload: JSON.stringify({ depth: depth + 1 }) })); return decode(r.Payload); }
      catch (e) { return { stoppedAt: depth, name: e.name }; }`;
    using s = await createLambdaService({ template: template({ Self: caller(code, { FunctionName: "self", Timeout: 900, Policies: [{ LambdaInvokePolicy: { FunctionName: "self" } }] }) }), extensions: awsExtensions() });
    expect((await s.invoke("Self", {})).payload).toEqual({ stoppedAt: 25, name: "TooManyRequestsException" });
  });
});

describe("Invoke in virtual time", () => {
  it("sequential calls start when they are made and reuse the callee's warm environment", async () => {
    const code = `const out = [];
      for (let i = 0; i < 3; i++) { const r = await lambda.send(new InvokeCommand({ FunctionName: "callee", Payload: JSON.stringify({ n: i }) })); out.push(decode(r.Payload).doubled); }
      return out;`;
    using s = await createLambdaService({ template: template({ Caller: caller(code), Callee: callee }), extensions: awsExtensions() });
    await s.invoke("Caller", {});
    const calls = s.report().invocations.filter((i) => i.function === "Callee");
    expect(calls.map((c) => c.coldStart)).toEqual([true, false, false]);
    expect(new Set(calls.map((c) => c.environmentId)).size).toBe(1);
    // Each call starts after the previous one ended (the caller waited for it).
    expect(calls[1]!.start).toBeGreaterThanOrEqual(calls[0]!.end);
    expect(calls[2]!.start).toBeGreaterThanOrEqual(calls[1]!.end);
  });
});

describe("Invoke with a wrong input shape", () => {
  it("without FunctionName the SDK itself refuses, with a plain Error naming the missing path label", async () => {
    const code = `try { await lambda.send(new InvokeCommand({ Payload: "{}" })); } catch (e) { return [e.constructor.name, e.message, e.$metadata === undefined]; }`;
    using s = await createLambdaService({ template: template({ Caller: caller(code) }), extensions: awsExtensions() });
    expect((await s.invoke("Caller", {})).payload).toEqual(["Error", "No value provided for input HTTP label: FunctionName.", true]);
  });

  it("an InvocationType outside the enum is InvalidParameterValueException", async () => {
    const code = `try { await lambda.send(new InvokeCommand({ FunctionName: "callee", InvocationType: "Later" })); } catch (e) { return [e.name, e.message]; }`;
    using s = await createLambdaService({ template: template({ Caller: caller(code), Callee: callee }), extensions: awsExtensions() });
    expect((await s.invoke("Caller", {})).payload).toEqual([
      "InvalidParameterValueException",
      "1 validation error detected: Value 'Later' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]",
    ]);
  });
});

describe("Invoke against a throttled function", () => {
  it("reserved concurrency 0: TooManyRequestsException (429) with Lambda's Reason", async () => {
    const code = `try { await lambda.send(new InvokeCommand({ FunctionName: "callee" })); } catch (e) { return [e.name, e.message, e.$metadata.httpStatusCode, e.Reason, e.Type]; }`;
    const throttled = { ...callee, Properties: { ...(callee.Properties as object), ReservedConcurrentExecutions: 0 } };
    using s = await createLambdaService({ template: template({ Caller: caller(code), Callee: throttled }), extensions: awsExtensions() });
    expect((await s.invoke("Caller", {})).payload).toEqual(["TooManyRequestsException", "Rate Exceeded.", 429, "ReservedFunctionConcurrentInvocationLimitExceeded", "User"]);
  });
});
