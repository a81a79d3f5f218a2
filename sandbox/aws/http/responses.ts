/**
 * A function's result as the HTTP response each front door sends, by its rules:
 *
 * - REST API proxy integration (payload 1.0; APIGW DG set-up-lambda-proxy-integrations, "Output
 *   format"): an object with `statusCode`, `headers`, `multiValueHeaders`, `body` (a string) and
 *   `isBase64Encoded`, nothing else. Anything else is "Malformed Lambda proxy response": 502
 *   `{"message": "Internal server error"}`; so is a function error. When Lambda refuses the
 *   invocation (throttled) API Gateway answers 500 with the same body (Lambda DG
 *   services-apigateway-errors). Past the 29-second integration timeout: 504
 *   `{"message": "Endpoint request timed out"}`.
 * - HTTP API (APIGW DG http-api-develop-integrations-lambda): payload 2.0 — a result without
 *   `statusCode` is taken as `200`, `content-type: application/json`, the result as the body;
 *   `cookies` become `set-cookie` headers. Payload 1.0 takes the REST shape. Errors of any kind
 *   are `500 {"message":"Internal Server Error"}`; past 30 seconds, `503 {"message":"Service Unavailable"}`.
 * - Function URLs (Lambda DG urls-invocation, "Response payload format"): the payload 2.0 rules;
 *   a function error or malformed response is 502 `Internal Server Error`, a throttle 429.
 * - ALB (ELB DG lambda-functions, "Respond to the load balancer", "Multi-value headers"): `statusCode`,
 *   `statusDescription`, `headers` — or `multiValueHeaders` when the target group enables them —,
 *   `body`, `isBase64Encoded`; a function error or malformed response is 502 Bad Gateway, a throttle 503.
 */
import type { InvokeResponse } from "../../service/types";
import type { ApiKind } from "./apis";

export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  /** Headers sent several times (REST multiValueHeaders, ALB multi-value mode, set-cookie). */
  multiValueHeaders?: Record<string, string[]>;
  body: string;
  isBase64Encoded: boolean;
  /** Why the front door answered instead of the function (for the report). */
  error?: string;
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === "object" && x !== null && !Array.isArray(x);

const REST_KEYS = new Set(["statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded"]);
/** API Gateway's integration timeouts: 29 s for REST APIs, 30 s for HTTP APIs (APIGW DG limits). */
export const REST_INTEGRATION_TIMEOUT_MS = 29_000;
export const HTTP_API_INTEGRATION_TIMEOUT_MS = 30_000;

function json(statusCode: number, body: unknown, error?: string): HttpResponse {
  return { statusCode, headers: { "content-type": "application/json" }, body: JSON.stringify(body), isBase64Encoded: false, ...(error ? { error } : {}) };
}

function html(statusCode: number, title: string, error: string): HttpResponse {
  return {
    statusCode,
    headers: { "content-type": "text/html", server: "awselb/2.0" },
    body: `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n</body>\r\n</html>\r\n`,
    isBase64Encoded: false,
    error,
  };
}

function headerValue(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return undefined;
}

/** The REST/1.0 shape; undefined when malformed. */
function parseV1(p: unknown, strictKeys: boolean): HttpResponse | undefined {
  if (!isObj(p)) return undefined;
  if (strictKeys && Object.keys(p).some((k) => !REST_KEYS.has(k))) return undefined;
  const code = typeof p.statusCode === "string" && /^\d{3}$/.test(p.statusCode) ? Number(p.statusCode) : p.statusCode;
  if (typeof code !== "number" || !Number.isInteger(code) || code < 100 || code > 599) return undefined;
  if (p.body !== undefined && p.body !== null && typeof p.body !== "string") return undefined;
  const headers: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  if (p.multiValueHeaders !== undefined && p.multiValueHeaders !== null) {
    if (!isObj(p.multiValueHeaders)) return undefined;
    for (const [k, vs] of Object.entries(p.multiValueHeaders)) {
      if (!Array.isArray(vs)) return undefined;
      multi[k] = vs.map((v) => headerValue(v) ?? "");
    }
  }
  if (p.headers !== undefined && p.headers !== null) {
    if (!isObj(p.headers)) return undefined;
    for (const [k, v] of Object.entries(p.headers)) {
      const s = headerValue(v);
      if (s === undefined) return undefined;
      headers[k] = s;
    }
  }
  // Keys in both maps: API Gateway sends the values of both (multiValueHeaders first).
  for (const [k, vs] of Object.entries(multi)) {
    if (headers[k] !== undefined) multi[k] = [...vs, headers[k]];
    else headers[k] = vs[vs.length - 1] ?? "";
  }
  return {
    statusCode: code,
    headers,
    ...(Object.keys(multi).length ? { multiValueHeaders: multi } : {}),
    body: (p.body) ?? "",
    isBase64Encoded: p.isBase64Encoded === true,
  };
}

/** Payload 2.0 (HTTP API, function URLs); undefined when malformed. */
function parseV2(p: unknown): HttpResponse | undefined {
  if (!isObj(p) || p.statusCode === undefined) {
    // No statusCode: 200, JSON, the result itself as the body (a string result is sent as is).
    if (p === undefined) return { statusCode: 200, headers: { "content-type": "application/json" }, body: "", isBase64Encoded: false };
    return { statusCode: 200, headers: { "content-type": "application/json" }, body: typeof p === "string" ? p : JSON.stringify(p), isBase64Encoded: false };
  }
  const code = p.statusCode;
  if (typeof code !== "number" || !Number.isInteger(code) || code < 100 || code > 599) return undefined;
  if (p.body !== undefined && p.body !== null && typeof p.body !== "string") return undefined;
  const headers: Record<string, string> = {};
  if (p.headers !== undefined && p.headers !== null) {
    if (!isObj(p.headers)) return undefined;
    for (const [k, v] of Object.entries(p.headers)) {
      const s = headerValue(v);
      if (s === undefined) return undefined;
      headers[k] = s;
    }
  }
  const out: HttpResponse = { statusCode: code, headers, body: (p.body) ?? "", isBase64Encoded: p.isBase64Encoded === true };
  if (p.cookies !== undefined) {
    if (!Array.isArray(p.cookies) || p.cookies.some((c) => typeof c !== "string")) return undefined;
    if (p.cookies.length) out.multiValueHeaders = { "set-cookie": p.cookies as string[] };
  }
  return out;
}

/** ALB: headers or multiValueHeaders depending on the target group's setting. */
function parseAlb(p: unknown, multiValue: boolean): HttpResponse | undefined {
  if (!isObj(p)) return undefined;
  const code = p.statusCode;
  if (typeof code !== "number" || !Number.isInteger(code) || code < 100 || code > 599) return undefined;
  if (p.body !== undefined && p.body !== null && typeof p.body !== "string") return undefined;
  const headers: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  // With multi-value headers enabled the load balancer reads multiValueHeaders only; otherwise headers only.
  if (multiValue) {
    if (isObj(p.multiValueHeaders)) for (const [k, vs] of Object.entries(p.multiValueHeaders)) if (Array.isArray(vs)) multi[k] = vs.map((v) => headerValue(v) ?? "");
    for (const [k, vs] of Object.entries(multi)) headers[k] = vs[vs.length - 1] ?? "";
  } else if (isObj(p.headers)) {
    for (const [k, v] of Object.entries(p.headers)) {
      const s = headerValue(v);
      if (s !== undefined) headers[k] = s;
    }
  }
  return { statusCode: code, headers, ...(Object.keys(multi).length ? { multiValueHeaders: multi } : {}), body: (p.body) ?? "", isBase64Encoded: p.isBase64Encoded === true };
}

export interface ResponseContext {
  kind: ApiKind;
  payloadFormat: "1.0" | "2.0";
  /** ALB target group setting. */
  multiValueHeaders?: boolean;
  /** How long the function ran (ms), for the integration timeouts. */
  durationMs?: number;
}

/** The HTTP response for a function's invoke response. */
export function toHttpResponse(r: InvokeResponse, c: ResponseContext): HttpResponse {
  const throttled = r.statusCode === 429;
  const failed = r.functionError !== undefined;
  switch (c.kind) {
    case "rest": {
      if (throttled) return json(500, { message: "Internal server error" }, "Lambda throttled the invocation (TooManyRequestsException)");
      if ((c.durationMs ?? 0) > REST_INTEGRATION_TIMEOUT_MS) return json(504, { message: "Endpoint request timed out" }, "the 29-second integration timeout passed");
      if (failed) return json(502, { message: "Internal server error" }, "Lambda function error");
      return parseV1(r.payload, true) ?? json(502, { message: "Internal server error" }, "Execution failed due to configuration error: Malformed Lambda proxy response");
    }
    case "http": {
      if ((c.durationMs ?? 0) > HTTP_API_INTEGRATION_TIMEOUT_MS) return json(503, { message: "Service Unavailable" }, "the 30-second integration timeout passed");
      if (throttled) return json(500, { message: "Internal Server Error" }, "Lambda throttled the invocation (TooManyRequestsException)");
      if (failed) return json(500, { message: "Internal Server Error" }, "Lambda function error");
      const parsed = c.payloadFormat === "1.0" ? parseV1(r.payload, false) : parseV2(r.payload);
      return parsed ?? json(500, { message: "Internal Server Error" }, "malformed Lambda response");
    }
    case "url": {
      if (throttled) return { ...json(429, { Message: "Rate Exceeded." }), error: "Lambda throttled the invocation (TooManyRequestsException)" };
      if (failed) return { statusCode: 502, headers: { "content-type": "text/plain" }, body: "Internal Server Error", isBase64Encoded: false, error: "Lambda function error" };
      return parseV2(r.payload) ?? { statusCode: 502, headers: { "content-type": "text/plain" }, body: "Internal Server Error", isBase64Encoded: false, error: "malformed Lambda response" };
    }
    case "alb": {
      if (throttled) return html(503, "503 Service Temporarily Unavailable", "Lambda throttled the invocation (TooManyRequestsException)");
      if (failed) return html(502, "502 Bad Gateway", "Lambda function error");
      return parseAlb(r.payload, c.multiValueHeaders === true) ?? html(502, "502 Bad Gateway", "malformed Lambda response");
    }
  }
}

/** The front door's own answers: no route, forbidden, a fixed response. */
export function noRoute(kind: ApiKind): HttpResponse {
  if (kind === "rest") return json(403, { message: "Missing Authentication Token" }, "no resource or method for this request");
  if (kind === "alb") return html(404, "404 Not Found", "no rule matched");
  return json(404, { message: "Not Found" }, "no route matched");
}
