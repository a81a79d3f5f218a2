// A function's result as each front door's HTTP response: REST proxy output format and its 502s
// (APIGW DG set-up-lambda-proxy-integrations "Output format"; Lambda DG services-apigateway-errors:
// 500 when Lambda rejects the invoke, 502 for a function error or a malformed response, body
// {"message": "Internal server error"}), HTTP API payload 2.0 defaults (APIGW DG
// http-api-develop-integrations-lambda), function URLs (Lambda DG urls-invocation) and ALB
// (ELB DG lambda-functions, multi-value headers).
import { describe, expect, it } from "vitest";
import type { InvokeResponse } from "../../service/types";
import { noRoute, toHttpResponse } from "./responses";

const ok = (payload: unknown): InvokeResponse => ({ statusCode: 200, requestId: "r", payload });
const failed: InvokeResponse = { statusCode: 200, requestId: "r", payload: { errorType: "Error", errorMessage: "boom" }, functionError: "Unhandled" };
const throttled: InvokeResponse = { statusCode: 429, requestId: "r", payload: { Reason: "ReservedFunctionConcurrentInvocationLimitExceeded" } };

describe("REST API (payload 1.0) responses", () => {
  const rest = { kind: "rest" as const, payloadFormat: "1.0" as const };

  it("passes statusCode, headers and body through, merging multiValueHeaders", () => {
    const r = toHttpResponse(ok({ statusCode: 201, headers: { "Content-Type": "text/plain", "X-A": "2" }, multiValueHeaders: { "X-A": ["1"], "Set-Cookie": ["a=1", "b=2"] }, body: "made" }), rest);
    expect(r).toMatchObject({ statusCode: 201, body: "made", headers: { "Content-Type": "text/plain", "X-A": "2", "Set-Cookie": "b=2" }, multiValueHeaders: { "X-A": ["1", "2"], "Set-Cookie": ["a=1", "b=2"] } });
  });

  it.each([
    ["a string", "hello"],
    ["no statusCode", { body: "x" }],
    ["a body that is not a string", { statusCode: 200, body: { a: 1 } }],
    ["an extra top-level key", { statusCode: 200, body: "x", extra: true }],
    ["null", null],
  ])("a result with %s is a malformed Lambda proxy response: 502 Internal server error", (_what, payload) => {
    expect(toHttpResponse(ok(payload), rest)).toMatchObject({ statusCode: 502, body: '{"message":"Internal server error"}', error: "Execution failed due to configuration error: Malformed Lambda proxy response" });
  });

  it("a function error is 502 and a throttle 500, both with the generic body", () => {
    expect(toHttpResponse(failed, rest)).toMatchObject({ statusCode: 502, body: '{"message":"Internal server error"}' });
    expect(toHttpResponse(throttled, rest)).toMatchObject({ statusCode: 500, body: '{"message":"Internal server error"}' });
  });

  it("past the 29-second integration timeout the client gets 504 Endpoint request timed out", () => {
    expect(toHttpResponse(ok({ statusCode: 200, body: "late" }), { ...rest, durationMs: 29_500 })).toMatchObject({ statusCode: 504, body: '{"message":"Endpoint request timed out"}' });
  });

  it("keeps isBase64Encoded bodies as they are, flagged", () => {
    expect(toHttpResponse(ok({ statusCode: 200, body: "aGk=", isBase64Encoded: true }), rest)).toMatchObject({ body: "aGk=", isBase64Encoded: true });
  });
});

describe("HTTP API responses", () => {
  const v2 = { kind: "http" as const, payloadFormat: "2.0" as const };

  it("payload 2.0: a result without statusCode is 200 application/json with the result as the body", () => {
    expect(toHttpResponse(ok({ id: 1 }), v2)).toEqual({ statusCode: 200, headers: { "content-type": "application/json" }, body: '{"id":1}', isBase64Encoded: false });
  });

  it("payload 2.0: cookies become set-cookie headers", () => {
    expect(toHttpResponse(ok({ statusCode: 200, cookies: ["a=1", "b=2"], body: "" }), v2).multiValueHeaders).toEqual({ "set-cookie": ["a=1", "b=2"] });
  });

  it("errors of every kind are 500 Internal Server Error; past 30 s, 503 Service Unavailable", () => {
    expect(toHttpResponse(failed, v2)).toMatchObject({ statusCode: 500, body: '{"message":"Internal Server Error"}' });
    expect(toHttpResponse(throttled, v2)).toMatchObject({ statusCode: 500 });
    expect(toHttpResponse(ok({ statusCode: "nope" }), v2)).toMatchObject({ statusCode: 500 });
    expect(toHttpResponse(ok({}), { ...v2, durationMs: 31_000 })).toMatchObject({ statusCode: 503, body: '{"message":"Service Unavailable"}' });
  });

  it("payload 1.0 on an HTTP API takes the REST shape but tolerates extra keys", () => {
    expect(toHttpResponse(ok({ statusCode: 204, extra: 1 }), { kind: "http", payloadFormat: "1.0" })).toMatchObject({ statusCode: 204 });
    expect(toHttpResponse(ok({ id: 1 }), { kind: "http", payloadFormat: "1.0" })).toMatchObject({ statusCode: 500 });
  });
});

describe("function URL and ALB responses", () => {
  it("function URLs follow payload 2.0; a function error is 502, a throttle 429", () => {
    expect(toHttpResponse(ok("plain"), { kind: "url", payloadFormat: "2.0" })).toMatchObject({ statusCode: 200, body: "plain" });
    expect(toHttpResponse(failed, { kind: "url", payloadFormat: "2.0" })).toMatchObject({ statusCode: 502, body: "Internal Server Error" });
    expect(toHttpResponse(throttled, { kind: "url", payloadFormat: "2.0" })).toMatchObject({ statusCode: 429 });
  });

  it("ALB reads headers, or only multiValueHeaders when the target group enables them", () => {
    const payload = { statusCode: 200, statusDescription: "200 OK", headers: { a: "1" }, multiValueHeaders: { b: ["1", "2"] }, body: "x" };
    expect(toHttpResponse(ok(payload), { kind: "alb", payloadFormat: "1.0" })).toMatchObject({ headers: { a: "1" } });
    const mv = toHttpResponse(ok(payload), { kind: "alb", payloadFormat: "1.0", multiValueHeaders: true });
    expect(mv.headers).toEqual({ b: "2" });
    expect(mv.multiValueHeaders).toEqual({ b: ["1", "2"] });
  });

  it("ALB answers a function error or malformed response with 502 Bad Gateway", () => {
    expect(toHttpResponse(failed, { kind: "alb", payloadFormat: "1.0" })).toMatchObject({ statusCode: 502, body: expect.stringContaining("502 Bad Gateway") as unknown });
    expect(toHttpResponse(ok({ body: "x" }), { kind: "alb", payloadFormat: "1.0" })).toMatchObject({ statusCode: 502 });
  });
});

describe("no route", () => {
  it("a REST API says 403 Missing Authentication Token; an HTTP API 404 Not Found", () => {
    expect(noRoute("rest")).toMatchObject({ statusCode: 403, body: '{"message":"Missing Authentication Token"}' });
    expect(noRoute("http")).toMatchObject({ statusCode: 404, body: '{"message":"Not Found"}' });
  });
});
