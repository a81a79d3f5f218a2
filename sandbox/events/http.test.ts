import { describe, expect, it } from "vitest";
import {
  albRequest,
  apiGatewayTokenAuthorizer,
  apiGatewayV1,
  apiGatewayV2,
  cloudFrontRequest,
  cloudFrontResponse,
  functionUrl,
  httpApiAuthorizer,
  matchResource,
} from "./http";

describe("apiGatewayV1 (REST, payload 1.0)", () => {
  it("fills path parameters from the resource template, greedy {proxy+} included", () => {
    expect(apiGatewayV1({ path: "/orders/42", resource: "/orders/{id}" }).pathParameters).toEqual({ id: "42" });
    expect(apiGatewayV1({ path: "/files/a/b.txt", resource: "/files/{proxy+}" }).pathParameters).toEqual({ proxy: "a/b.txt" });
    expect(apiGatewayV1({ path: "/health" }).pathParameters).toBeNull();
    expect(matchResource("/orders/{id}", "/users/1")).toBeNull();
  });

  it("reports repeated query parameters and headers with the last value and in the multi-value maps", () => {
    const e = apiGatewayV1({ path: "/search?tag=a", query: { tag: "b", page: "2" }, headers: { "X-Tag": ["one", "two"] } });
    expect(e.queryStringParameters).toEqual({ tag: "b", page: "2" });
    expect(e.multiValueQueryStringParameters).toEqual({ tag: ["a", "b"], page: ["2"] });
    expect(e.headers["X-Tag"]).toBe("two");
    expect(e.multiValueHeaders["X-Tag"]).toEqual(["one", "two"]);
  });

  it("sends absent maps as null and an absent body as null", () => {
    const e = apiGatewayV1();
    expect([e.queryStringParameters, e.multiValueQueryStringParameters, e.stageVariables, e.body, e.isBase64Encoded]).toEqual([null, null, null, null, false]);
  });

  it("serialises object bodies as JSON with a content type, and binary bodies as base64", () => {
    const json = apiGatewayV1({ method: "post", path: "/orders", body: { sku: "A-1" } });
    expect([json.httpMethod, json.body, json.headers["content-type"]]).toEqual(["POST", '{"sku":"A-1"}', "application/json"]);
    const bin = apiGatewayV1({ method: "PUT", body: Uint8Array.of(0xff, 0x00) });
    expect([bin.body, bin.isBase64Encoded]).toEqual(["/wA=", true]);
    expect(apiGatewayV1({ body: "hi", base64: true }).body).toBe("aGk=");
  });

  it("keeps the header case the client sent, and lets given headers replace the defaults", () => {
    const e = apiGatewayV1({ headers: { "User-Agent": "my-app/1.0", "x-custom": "1" } });
    expect(e.headers["User-Agent"]).toBe("my-app/1.0");
    expect(e.requestContext.identity.userAgent).toBe("curl/8.5.0");
    expect(e.headers["x-custom"]).toBe("1");
  });

  it("puts the stage in requestContext.path and agrees on the time in both formats", () => {
    const e = apiGatewayV1({ path: "/orders", stage: "dev", time: "2026-03-05T07:08:09.010Z" });
    expect(e.requestContext.path).toBe("/dev/orders");
    expect(e.requestContext.requestTimeEpoch).toBe(Date.parse("2026-03-05T07:08:09.010Z"));
    expect(e.requestContext.requestTime).toBe("05/Mar/2026:07:08:09 +0000");
    expect(e.headers["X-Amzn-Trace-Id"]).toMatch(new RegExp(`^Root=1-${Math.floor(Date.parse("2026-03-05T07:08:09Z") / 1000).toString(16)}-[0-9a-f]{24}$`));
  });

  it("is deterministic, varies ids with the request, and takes overrides", () => {
    expect(apiGatewayV1({ path: "/a" })).toEqual(apiGatewayV1({ path: "/a" }));
    expect(apiGatewayV1({ path: "/a" }).requestContext.requestId).not.toBe(apiGatewayV1({ path: "/b" }).requestContext.requestId);
    const e = apiGatewayV1({ accountId: "111122223333", region: "eu-west-1", requestId: "r-1", authorizer: { principalId: "user-1" } });
    expect([e.requestContext.accountId, e.requestContext.domainName, e.requestContext.requestId, e.requestContext.authorizer]).toEqual([
      "111122223333",
      "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com",
      "r-1",
      { principalId: "user-1" },
    ]);
  });
});

describe("apiGatewayV2 (HTTP API, payload 2.0)", () => {
  it("lower-cases header names and comma-joins repeated headers and query parameters", () => {
    const e = apiGatewayV2({ path: "/p?a=1&a=2", headers: { "X-Multi": ["x", "y"] } });
    expect(e.headers["x-multi"]).toBe("x,y");
    expect(e.queryStringParameters).toEqual({ a: "1,2" });
    expect(e.rawQueryString).toBe("a=1&a=2");
  });

  it("moves cookies out of the headers into cookies[]", () => {
    const e = apiGatewayV2({ headers: { Cookie: "a=1; b=2" }, cookies: ["c=3"] });
    expect(e.cookies).toEqual(["a=1", "b=2", "c=3"]);
    expect(e.headers.cookie).toBeUndefined();
  });

  it("URL-encodes rawQueryString and leaves out empty optional keys", () => {
    const e = apiGatewayV2({ query: { q: "a b&c" } });
    expect(e.rawQueryString).toBe("q=a%20b%26c");
    const bare = apiGatewayV2();
    expect(["body", "cookies", "queryStringParameters", "pathParameters", "stageVariables"].filter((k) => k in bare)).toEqual([]);
  });

  it("matches path parameters against the route key and sets content-length from the body", () => {
    const e = apiGatewayV2({ method: "PUT", path: "/orders/7", routeKey: "PUT /orders/{id}", body: "héllo" });
    expect(e.pathParameters).toEqual({ id: "7" });
    expect(e.headers["content-length"]).toBe("6");
    expect(e.requestContext.http).toMatchObject({ method: "PUT", path: "/orders/7" });
  });

  it("prefixes rawPath with a named stage", () => {
    expect(apiGatewayV2({ path: "/x", stage: "prod" }).rawPath).toBe("/prod/x");
  });
});

describe("functionUrl", () => {
  it("uses the URL id as API id on a lambda-url host, with $default route and stage", () => {
    const e = functionUrl({ path: "/hook" });
    const id = e.requestContext.apiId;
    expect(id).toMatch(/^[a-z0-9]{32}$/);
    expect(e.headers.host).toBe(`${id}.lambda-url.us-east-1.on.aws`);
    expect([e.routeKey, e.requestContext.stage, e.rawPath, e.requestContext.accountId]).toEqual(["$default", "$default", "/hook", "anonymous"]);
    expect("authorizer" in e.requestContext).toBe(false);
  });
});

describe("albRequest", () => {
  it("passes the query URL-encoded and an empty body as an empty string", () => {
    const e = albRequest({ path: "/search", query: { q: "a b" } });
    expect(e.queryStringParameters).toEqual({ q: "a%20b" });
    expect([e.body, e.isBase64Encoded]).toEqual(["", false]);
    expect(e.requestContext.elb.targetGroupArn).toMatch(/^arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup\/my-targets\/[0-9a-f]{16}$/);
  });

  it("sends only the multi-value maps when the target group enables them", () => {
    const e = albRequest({ query: { a: ["1", "2"] }, multiValueHeaders: true });
    expect(e.multiValueQueryStringParameters).toEqual({ a: ["1", "2"] });
    expect(e.headers).toBeUndefined();
    expect(e.multiValueHeaders?.host).toEqual(["my-load-balancer-1234567890.us-east-1.elb.amazonaws.com"]);
  });
});

describe("authorizers", () => {
  it("TOKEN: the token and the method ARN", () => {
    expect(apiGatewayTokenAuthorizer({ token: "Bearer x", method: "delete", path: "/orders/1" })).toEqual({
      type: "TOKEN",
      authorizationToken: "Bearer x",
      methodArn: "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/DELETE/orders/1",
    });
  });

  it("HTTP API: the route ARN and the identity source resolved from the request", () => {
    const e = httpApiAuthorizer({ method: "GET", path: "/orders", routeKey: "GET /orders", headers: { Authorization: "Bearer t" }, query: { k: "v" }, identitySource: ["$request.header.Authorization", "$request.querystring.k"] });
    expect(e.routeArn).toBe("arn:aws:execute-api:us-east-1:123456789012:f1g2h3i4j5/$default/GET/orders");
    expect(e.identitySource).toEqual(["Bearer t", "v"]);
    expect(e.type).toBe("REQUEST");
  });
});

describe("cloudFrontRequest", () => {
  it("lists headers under lower-case names with the original case in key", () => {
    const e = cloudFrontRequest({ uri: "/a.png?size=2", headers: { "CloudFront-Viewer-Country": "DE" } });
    const req = e.Records[0]?.cf.request;
    expect(req?.headers["cloudfront-viewer-country"]).toEqual([{ key: "CloudFront-Viewer-Country", value: "DE" }]);
    expect([req?.uri, req?.querystring, req?.origin]).toEqual(["/a.png", "size=2", undefined]);
    expect(e.Records[0]?.cf.config.eventType).toBe("viewer-request");
  });

  it("adds the origin to origin requests", () => {
    const e = cloudFrontRequest({ eventType: "origin-request" });
    expect(e.Records[0]?.cf.request.origin?.s3?.domainName).toBe("my-bucket.s3.us-east-1.amazonaws.com");
  });
});

describe("cloudFrontResponse", () => {
  it("carries the request and the response, status as a string with its description", () => {
    const e = cloudFrontResponse({ uri: "/a.html", status: 404, responseHeaders: { "Content-Type": "text/html" } });
    const cf = e.Records[0]?.cf;
    expect(cf?.config.eventType).toBe("viewer-response");
    expect(cf?.request.uri).toBe("/a.html");
    expect(cf?.response).toEqual({ status: "404", statusDescription: "Not Found", headers: { "content-type": [{ key: "Content-Type", value: "text/html" }] } });
  });

  it("dates the default response at the event time", () => {
    expect(cloudFrontResponse().Records[0]?.cf.response.headers.date).toEqual([{ key: "Date", value: "Thu, 15 Jan 2026 09:30:00 GMT" }]);
  });
});
