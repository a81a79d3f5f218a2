/**
 * Builders for HTTP-shaped events: API Gateway REST (payload 1.0) and HTTP API (payload 2.0),
 * Lambda Function URLs, Application Load Balancer, the two API Gateway Lambda authorizer inputs,
 * and CloudFront (Lambda@Edge) requests. Field names and formats follow LAMBDA.md §11 and the AWS
 * pages cited on each builder.
 */
import type {
  ALBEvent,
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  APIGatewayRequestAuthorizerEventV2,
  APIGatewayTokenAuthorizerEvent,
  CloudFrontHeaders,
  CloudFrontRequestEvent,
  CloudFrontResponseEvent,
  LambdaFunctionURLEvent,
} from "aws-lambda";
import { type CommonOptions, arn, clfTime, world } from "./defaults";
import { base64FromSeed, bytesToBase64, charsFromSeed, hexFromSeed, toBase64, uuidFromSeed } from "./encoding";

/** Header values; an array is a header sent several times. */
export type HeaderInput = Record<string, string | readonly string[]>;
/** Query-string parameters (decoded); an array is a parameter given several times. */
export type QueryInput = Record<string, string | readonly string[]>;
/**
 * A request body: a string as is, a `Uint8Array` as binary (base64, `isBase64Encoded: true`), any
 * other value as JSON (and `content-type: application/json` unless a content type is given).
 */
export type BodyInput = string | Uint8Array | null | undefined | Record<string, unknown> | readonly unknown[];

/** What every HTTP builder takes. */
export interface HttpRequestInput extends CommonOptions {
  /** Default `GET`. */
  method?: string;
  /** Default `/`. A query string here (`/orders?status=open`) is merged into `query`. */
  path?: string;
  body?: BodyInput;
  headers?: HeaderInput;
  query?: QueryInput;
  /** Send a string body base64-encoded (as API Gateway does for binary media types). */
  base64?: boolean;
  /** Client address. Default `203.0.113.10` (a documentation address). */
  sourceIp?: string;
  /** Default `curl/8.5.0`. */
  userAgent?: string;
}

const ALPHANUM_LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";

interface NormalisedRequest {
  method: string;
  path: string;
  /** [name, value] in order, names as given. */
  headers: Array<[string, string]>;
  query: Array<[string, string]>;
  body: string | undefined;
  isBase64Encoded: boolean;
  sourceIp: string;
  userAgent: string;
}

function entries(input: HeaderInput | QueryInput | undefined): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(input ?? {})) {
    for (const v of typeof value === "string" ? [value] : value) out.push([name, v]);
  }
  return out;
}

function hasHeader(headers: Array<[string, string]>, name: string): boolean {
  return headers.some(([n]) => n.toLowerCase() === name.toLowerCase());
}

function normalise(input: HttpRequestInput): NormalisedRequest {
  const rawPath = input.path ?? "/";
  const q = rawPath.indexOf("?");
  const path = q === -1 ? rawPath : rawPath.slice(0, q);
  const query = q === -1 ? [] : [...new URLSearchParams(rawPath.slice(q + 1))];
  query.push(...entries(input.query));
  const headers = entries(input.headers);
  let body: string | undefined;
  let isBase64Encoded = false;
  const b = input.body;
  if (b instanceof Uint8Array) {
    body = bytesToBase64(b);
    isBase64Encoded = true;
  } else if (typeof b === "string") {
    body = input.base64 ? toBase64(b) : b;
    isBase64Encoded = input.base64 === true;
  } else if (b !== null && b !== undefined) {
    body = JSON.stringify(b);
    if (!hasHeader(headers, "content-type")) headers.push(["content-type", "application/json"]);
    if (input.base64) {
      body = toBase64(body);
      isBase64Encoded = true;
    }
  }
  return {
    method: (input.method ?? "GET").toUpperCase(),
    path: path.startsWith("/") ? path : `/${path}`,
    headers,
    query,
    body,
    isBase64Encoded,
    sourceIp: input.sourceIp ?? "203.0.113.10",
    userAgent: input.userAgent ?? "curl/8.5.0",
  };
}

/** `X-Amzn-Trace-Id` value: the root id starts with the request time in hex seconds. */
function traceId(ms: number, seed: string): string {
  return `Root=1-${Math.floor(ms / 1000).toString(16)}-${hexFromSeed(seed, 24)}`;
}

/** Single-value map: the last value of a repeated name wins (API Gateway REST, ALB). */
function lastValue(pairs: Array<[string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [n, v] of pairs) out[n] = v;
  return out;
}

function multiValue(pairs: Array<[string, string]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [n, v] of pairs) (out[n] ??= []).push(v);
  return out;
}

/** Comma-joined map: how payload 2.0 (HTTP API, Function URLs) reports repeated names. */
function commaJoined(pairs: Array<[string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [n, v] of pairs) out[n] = out[n] === undefined ? v : `${out[n]},${v}`;
  return out;
}

function rawQueryString(pairs: Array<[string, string]>): string {
  return pairs.map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`).join("&");
}

/**
 * Path parameters from a REST resource template: `/orders/{id}` against `/orders/42` → `{ id: "42" }`;
 * a greedy `{proxy+}` takes the rest of the path. `null` when the template has no parameters or
 * does not match.
 */
export function matchResource(resource: string, path: string): Record<string, string> | null {
  const names: string[] = [];
  const pattern = resource
    .split("/")
    .map((segment) => {
      const m = /^\{([^}+]+)(\+?)\}$/.exec(segment);
      if (!m) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(m[1] as string);
      return m[2] ? "(.+)" : "([^/]+)";
    })
    .join("/");
  if (names.length === 0) return null;
  const match = new RegExp(`^${pattern}$`).exec(path);
  if (!match) return null;
  const out: Record<string, string> = {};
  names.forEach((name, i) => (out[name] = decodeURIComponent(match[i + 1] as string)));
  return out;
}

// ---------------------------------------------------------------------------------------------

/** Options of {@link apiGatewayV1}. */
export interface ApiGatewayV1Input extends HttpRequestInput {
  /** The API resource the request matched, e.g. `/orders/{id}`. Default: the path itself. */
  resource?: string;
  /** Default: matched from `resource` and `path` (or `null` when there are none). */
  pathParameters?: Record<string, string> | null;
  stageVariables?: Record<string, string> | null;
  /** Default `prod`. */
  stage?: string;
  /** Default `a1b2c3d4e5`. */
  apiId?: string;
  /**
   * `requestContext.authorizer`: what a Lambda authorizer returned (`principalId`, context keys) or
   * Cognito `claims`. AWS leaves the key out when the method has no authorizer; `@types/aws-lambda`
   * declares it required, so the default is `null` (handlers reading `authorizer?.x` see no difference).
   */
  authorizer?: Record<string, unknown> | null;
  requestId?: string;
}

/**
 * An API Gateway REST API proxy-integration event (payload format 1.0).
 *
 * Header names keep the case the client sent; a repeated header or query parameter appears with
 * its last value in `headers` / `queryStringParameters` and with all values in the `multiValue…`
 * maps; absent maps are `null`, as API Gateway sends them.
 * Follows https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html
 *
 * @example
 * const event = apiGatewayV1({ method: "GET", path: "/orders/42", resource: "/orders/{id}" });
 * event.pathParameters; // { id: "42" }
 */
export function apiGatewayV1(input: ApiGatewayV1Input = {}): APIGatewayProxyEvent {
  const w = world(input);
  const r = normalise(input);
  const apiId = input.apiId ?? "a1b2c3d4e5";
  const stage = input.stage ?? "prod";
  const resource = input.resource ?? r.path;
  const host = `${apiId}.execute-api.${w.region}.amazonaws.com`;
  const seed = `apigw-v1:${r.method}:${r.path}:${w.ms}`;
  const headers: Array<[string, string]> = [
    ["Accept", "*/*"],
    ["Host", host],
    ["User-Agent", r.userAgent],
    ["X-Amzn-Trace-Id", traceId(w.ms, seed)],
    ["X-Forwarded-For", r.sourceIp],
    ["X-Forwarded-Port", "443"],
    ["X-Forwarded-Proto", "https"],
  ].filter(([n]) => !hasHeader(r.headers, n as string)) as Array<[string, string]>;
  headers.push(...r.headers);
  return {
    resource,
    path: r.path,
    httpMethod: r.method,
    headers: lastValue(headers),
    multiValueHeaders: multiValue(headers),
    queryStringParameters: r.query.length ? lastValue(r.query) : null,
    multiValueQueryStringParameters: r.query.length ? multiValue(r.query) : null,
    pathParameters: input.pathParameters !== undefined ? input.pathParameters : matchResource(resource, r.path),
    stageVariables: input.stageVariables ?? null,
    requestContext: {
      accountId: w.accountId,
      apiId,
      authorizer: input.authorizer ?? null,
      domainName: host,
      domainPrefix: apiId,
      extendedRequestId: base64FromSeed(`${seed}:ext`, 11),
      httpMethod: r.method,
      identity: {
        accessKey: null,
        accountId: null,
        apiKey: null,
        apiKeyId: null,
        caller: null,
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: r.sourceIp,
        user: null,
        userAgent: r.userAgent,
        userArn: null,
      },
      path: `/${stage}${r.path}`,
      protocol: "HTTP/1.1",
      requestId: input.requestId ?? uuidFromSeed(`${seed}:request`),
      requestTime: clfTime(w.ms),
      requestTimeEpoch: w.ms,
      resourceId: charsFromSeed(`${seed}:resource:${resource}`, 6, ALPHANUM_LOWER),
      resourcePath: resource,
      stage,
    },
    body: r.body ?? null,
    isBase64Encoded: r.isBase64Encoded,
  };
}

// ---------------------------------------------------------------------------------------------

/** Options of {@link apiGatewayV2}. */
export interface ApiGatewayV2Input extends HttpRequestInput {
  /** Cookies as `name=value` strings; payload 2.0 moves them out of the headers into `cookies`. */
  cookies?: readonly string[];
  /** Default `$default`; use e.g. `GET /orders/{id}` for a route with parameters. */
  routeKey?: string;
  /** Default: matched from the route key's path and `path`, or left out. */
  pathParameters?: Record<string, string>;
  stageVariables?: Record<string, string>;
  /** Default `$default`. */
  stage?: string;
  /** Default `f1g2h3i4j5`. */
  apiId?: string;
  requestId?: string;
}

interface V2Parts {
  r: NormalisedRequest;
  headers: Record<string, string>;
  query: Record<string, string> | undefined;
  rawQuery: string;
  cookies: string[] | undefined;
}

/** Headers and query in payload 2.0 form: lower-case names, repeated values comma-joined. */
function v2Parts(input: HttpRequestInput & { cookies?: readonly string[] }, defaults: Array<[string, string]>): V2Parts {
  const r = normalise(input);
  const given = r.headers.map(([n, v]) => [n.toLowerCase(), v] as [string, string]);
  const cookieHeader = given.filter(([n]) => n === "cookie").flatMap(([, v]) => v.split(/;\s*/));
  const cookies = [...cookieHeader, ...(input.cookies ?? [])];
  const headers = commaJoined([...defaults.filter(([n]) => !hasHeader(given, n)), ...given.filter(([n]) => n !== "cookie")]);
  return {
    r,
    headers,
    query: r.query.length ? commaJoined(r.query) : undefined,
    rawQuery: rawQueryString(r.query),
    cookies: cookies.length ? cookies : undefined,
  };
}

/**
 * An API Gateway HTTP API event (payload format 2.0): lower-case header names, repeated headers and
 * query parameters comma-joined, cookies in `cookies[]`, optional keys left out when empty.
 * Follows https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 *
 * @example
 * const event = apiGatewayV2({ method: "POST", path: "/orders", body: { sku: "A-1" } });
 * JSON.parse(event.body!); // { sku: "A-1" }
 */
export function apiGatewayV2(input: ApiGatewayV2Input = {}): APIGatewayProxyEventV2 {
  const w = world(input);
  const apiId = input.apiId ?? "f1g2h3i4j5";
  const stage = input.stage ?? "$default";
  const routeKey = input.routeKey ?? "$default";
  const host = `${apiId}.execute-api.${w.region}.amazonaws.com`;
  const seed = `apigw-v2:${input.method ?? "GET"}:${input.path ?? "/"}:${w.ms}`;
  const { r, headers, query, rawQuery, cookies } = v2Parts(input, [
    ["accept", "*/*"],
    ["content-length", "0"],
    ["host", host],
    ["user-agent", input.userAgent ?? "curl/8.5.0"],
    ["x-amzn-trace-id", traceId(w.ms, seed)],
    ["x-forwarded-for", input.sourceIp ?? "203.0.113.10"],
    ["x-forwarded-port", "443"],
    ["x-forwarded-proto", "https"],
  ]);
  if (r.body !== undefined) headers["content-length"] = String(r.isBase64Encoded ? atob(r.body).length : new TextEncoder().encode(r.body).length);
  const routePath = routeKey === "$default" ? undefined : routeKey.split(" ")[1];
  const pathParameters = input.pathParameters ?? (routePath ? matchResource(routePath, r.path) ?? undefined : undefined);
  const event: APIGatewayProxyEventV2 = {
    version: "2.0",
    routeKey,
    rawPath: stage === "$default" ? r.path : `/${stage}${r.path}`,
    rawQueryString: rawQuery,
    ...(cookies && { cookies }),
    headers,
    ...(query && { queryStringParameters: query }),
    requestContext: {
      accountId: w.accountId,
      apiId,
      domainName: host,
      domainPrefix: apiId,
      http: { method: r.method, path: r.path, protocol: "HTTP/1.1", sourceIp: r.sourceIp, userAgent: r.userAgent },
      requestId: input.requestId ?? base64FromSeed(`${seed}:request`, 11),
      routeKey,
      stage,
      time: clfTime(w.ms),
      timeEpoch: w.ms,
    },
    ...(r.body !== undefined && { body: r.body }),
    ...(pathParameters && { pathParameters }),
    isBase64Encoded: r.isBase64Encoded,
    ...(input.stageVariables && { stageVariables: input.stageVariables }),
  };
  return event;
}

// ---------------------------------------------------------------------------------------------

/** Options of {@link functionUrl}. */
export interface FunctionUrlInput extends HttpRequestInput {
  cookies?: readonly string[];
  /** The 32-character URL id. Default `abcdefghijklmnopqrstuvwxyz234567`-style id derived from the function name. */
  urlId?: string;
  /** Default `my-function`; only seeds the URL id. */
  functionName?: string;
  requestId?: string;
}

/**
 * A Lambda Function URL request (payload 2.0, `routeKey` and `stage` `$default`, no API id: the URL
 * id takes its place). With auth type `NONE` there is no `authorizer`.
 * Follows https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html#urls-payloads
 */
export function functionUrl(input: FunctionUrlInput = {}): LambdaFunctionURLEvent {
  const w = world(input);
  const urlId = input.urlId ?? charsFromSeed(`function-url:${input.functionName ?? "my-function"}`, 32, ALPHANUM_LOWER);
  const host = `${urlId}.lambda-url.${w.region}.on.aws`;
  const seed = `function-url:${input.method ?? "GET"}:${input.path ?? "/"}:${w.ms}`;
  const { r, headers, query, rawQuery, cookies } = v2Parts(input, [
    ["accept", "*/*"],
    ["host", host],
    ["user-agent", input.userAgent ?? "curl/8.5.0"],
    ["x-amzn-tls-cipher-suite", "TLS_AES_128_GCM_SHA256"],
    ["x-amzn-tls-version", "TLSv1.3"],
    ["x-amzn-trace-id", traceId(w.ms, seed)],
    ["x-forwarded-for", input.sourceIp ?? "203.0.113.10"],
    ["x-forwarded-port", "443"],
    ["x-forwarded-proto", "https"],
  ]);
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath: r.path,
    rawQueryString: rawQuery,
    ...(cookies && { cookies }),
    headers,
    ...(query && { queryStringParameters: query }),
    requestContext: {
      accountId: "anonymous",
      apiId: urlId,
      domainName: host,
      domainPrefix: urlId,
      http: { method: r.method, path: r.path, protocol: "HTTP/1.1", sourceIp: r.sourceIp, userAgent: r.userAgent },
      requestId: input.requestId ?? uuidFromSeed(`${seed}:request`),
      routeKey: "$default",
      stage: "$default",
      time: clfTime(w.ms),
      timeEpoch: w.ms,
    },
    ...(r.body !== undefined && { body: r.body }),
    isBase64Encoded: r.isBase64Encoded,
  };
}

// ---------------------------------------------------------------------------------------------

/** Options of {@link albRequest}. */
export interface AlbInput extends HttpRequestInput {
  /** Target group name. Default `my-targets`. */
  targetGroup?: string;
  /** The target group has multi-value headers enabled: only the `multiValue…` maps are sent. */
  multiValueHeaders?: boolean;
}

/**
 * An Application Load Balancer request to a Lambda target. Header names are lower case; query
 * parameters are passed URL-encoded, as the client sent them; with no body, `body` is `""`.
 * Follows https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html
 */
export function albRequest(input: AlbInput = {}): ALBEvent {
  const w = world(input);
  const r = normalise(input);
  const tg = input.targetGroup ?? "my-targets";
  const seed = `alb:${r.method}:${r.path}:${w.ms}`;
  const given = r.headers.map(([n, v]) => [n.toLowerCase(), v] as [string, string]);
  const headers: Array<[string, string]> = [
    ...(
      [
        ["accept", "*/*"],
        ["host", `my-load-balancer-1234567890.${w.region}.elb.amazonaws.com`],
        ["user-agent", r.userAgent],
        ["x-amzn-trace-id", traceId(w.ms, seed)],
        ["x-forwarded-for", r.sourceIp],
        ["x-forwarded-port", "80"],
        ["x-forwarded-proto", "http"],
      ] as Array<[string, string]>
    ).filter(([n]) => !hasHeader(given, n)),
    ...given,
  ];
  const query = r.query.map(([n, v]) => [encodeURIComponent(n), encodeURIComponent(v)] as [string, string]);
  return {
    requestContext: {
      elb: { targetGroupArn: arn("elasticloadbalancing", w, `targetgroup/${tg}/${hexFromSeed(`tg:${tg}`, 16)}`) },
    },
    httpMethod: r.method,
    path: r.path,
    ...(input.multiValueHeaders
      ? { multiValueQueryStringParameters: multiValue(query), multiValueHeaders: multiValue(headers) }
      : { queryStringParameters: lastValue(query), headers: lastValue(headers) }),
    body: r.body ?? "",
    isBase64Encoded: r.isBase64Encoded,
  };
}

// ---------------------------------------------------------------------------------------------

/** Options of {@link apiGatewayTokenAuthorizer}. */
export interface TokenAuthorizerInput extends CommonOptions {
  /** The value of the token-source header (usually `Authorization`). Default `Bearer allow`. */
  token?: string;
  method?: string;
  /** Resource path of the method being authorised. Default `/orders`. */
  path?: string;
  stage?: string;
  apiId?: string;
}

/**
 * The input of a TOKEN Lambda authorizer: the token and the ARN of the method being called.
 * Follows https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-input.html
 */
export function apiGatewayTokenAuthorizer(input: TokenAuthorizerInput = {}): APIGatewayTokenAuthorizerEvent {
  const w = world(input);
  const path = (input.path ?? "/orders").replace(/^\//, "");
  return {
    type: "TOKEN",
    authorizationToken: input.token ?? "Bearer allow",
    methodArn: arn("execute-api", w, `${input.apiId ?? "a1b2c3d4e5"}/${input.stage ?? "prod"}/${(input.method ?? "GET").toUpperCase()}/${path}`),
  };
}

/** Options of {@link httpApiAuthorizer}. */
export interface HttpApiAuthorizerInput extends ApiGatewayV2Input {
  /** Where the identity comes from. Default `["$request.header.Authorization"]`, resolved against the headers. */
  identitySource?: readonly string[];
}

/**
 * The input of an HTTP API Lambda authorizer (payload 2.0, `type: "REQUEST"`): the request as the
 * route would see it plus `routeArn` and the resolved `identitySource` values.
 * Follows https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html
 */
export function httpApiAuthorizer(input: HttpApiAuthorizerInput = {}): APIGatewayRequestAuthorizerEventV2 {
  const given = input.headers ?? {};
  const headers = Object.keys(given).some((n) => n.toLowerCase() === "authorization") ? given : { authorization: "Bearer allow", ...given };
  const request = apiGatewayV2({ ...input, headers });
  const w = world(input);
  const sources = input.identitySource ?? ["$request.header.Authorization"];
  const identitySource = sources.map((s) => {
    const m = /^\$request\.(header|querystring)\.(.+)$/.exec(s);
    if (!m) return s;
    const name = (m[2] as string).toLowerCase();
    return (m[1] === "header" ? request.headers[name] : request.queryStringParameters?.[m[2] as string]) ?? "";
  });
  const routeKey = request.routeKey;
  const routeArnPath = routeKey === "$default" ? `${request.requestContext.http.method}${request.requestContext.http.path}` : routeKey.replace(" ", "");
  return {
    version: "2.0",
    type: "REQUEST",
    routeArn: arn("execute-api", w, `${request.requestContext.apiId}/${request.requestContext.stage}/${routeArnPath}`),
    identitySource,
    routeKey,
    rawPath: request.rawPath,
    rawQueryString: request.rawQueryString,
    cookies: request.cookies ?? [],
    headers: request.headers,
    ...(request.queryStringParameters && { queryStringParameters: request.queryStringParameters }),
    requestContext: request.requestContext,
    ...(request.pathParameters && { pathParameters: request.pathParameters }),
    ...(request.stageVariables && { stageVariables: request.stageVariables }),
  };
}

// ---------------------------------------------------------------------------------------------

/** Options of {@link cloudFrontRequest}. */
export interface CloudFrontRequestInput extends CommonOptions {
  /** Default `viewer-request`. `origin-request` events also carry the origin. */
  eventType?: "viewer-request" | "origin-request";
  method?: string;
  /** Default `/index.html`. A query string here becomes `querystring`. */
  uri?: string;
  /** Raw query string without `?`. */
  querystring?: string;
  /** Header name (any case) → value(s). `host`, `user-agent` and `accept` are added unless given. */
  headers?: HeaderInput;
  clientIp?: string;
  distributionId?: string;
  /** Default `d111111abcdef8.cloudfront.net`. */
  distributionDomainName?: string;
  /** Origin bucket domain for `origin-request` events. Default `my-bucket.s3.us-east-1.amazonaws.com`. */
  originDomainName?: string;
}

/**
 * A Lambda@Edge request event (viewer request by default). Headers are a map from lower-case name
 * to `[{ key, value }]` with the original case in `key`.
 * Follows https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-event-structure.html
 */
export function cloudFrontRequest(input: CloudFrontRequestInput = {}): CloudFrontRequestEvent {
  const w = world(input);
  const domain = input.distributionDomainName ?? "d111111abcdef8.cloudfront.net";
  const rawUri = input.uri ?? "/index.html";
  const q = rawUri.indexOf("?");
  const uri = q === -1 ? rawUri : rawUri.slice(0, q);
  const querystring = input.querystring ?? (q === -1 ? "" : rawUri.slice(q + 1));
  const pairs: Array<[string, string]> = [
    ["Host", domain],
    ["User-Agent", "curl/8.5.0"],
    ["Accept", "*/*"],
  ];
  const given = entries(input.headers);
  const all = [...pairs.filter(([n]) => !hasHeader(given, n)), ...given];
  const headers: CloudFrontHeaders = {};
  for (const [n, v] of all) (headers[n.toLowerCase()] ??= []).push({ key: n, value: v });
  const eventType = input.eventType ?? "viewer-request";
  const seed = `cloudfront:${eventType}:${uri}:${w.ms}`;
  const originDomain = input.originDomainName ?? `my-bucket.s3.${w.region}.amazonaws.com`;
  return {
    Records: [
      {
        cf: {
          config: {
            distributionDomainName: domain,
            distributionId: input.distributionId ?? "EDFDVBD6EXAMPLE",
            eventType,
            requestId: base64FromSeed(`${seed}:request`, 40, true),
          },
          request: {
            clientIp: input.clientIp ?? "203.0.113.178",
            headers,
            method: (input.method ?? "GET").toUpperCase(),
            querystring,
            uri,
            ...(eventType === "origin-request" && {
              origin: { s3: { authMethod: "none", customHeaders: {}, domainName: originDomain, path: "" } },
            }),
          },
        },
      },
    ],
  };
}

/** Options of {@link cloudFrontResponse}. */
export interface CloudFrontResponseInput extends Omit<CloudFrontRequestInput, "eventType"> {
  /** Default `viewer-response`. */
  eventType?: "viewer-response" | "origin-response";
  /** Default `200`. */
  status?: number;
  /** Response header name (any case) → value(s). Default a small HTML response's headers. */
  responseHeaders?: HeaderInput;
}

const STATUS_TEXT: Record<number, string> = { 200: "OK", 301: "Moved Permanently", 302: "Found", 304: "Not Modified", 403: "Forbidden", 404: "Not Found", 500: "Internal Server Error" };

/**
 * A Lambda@Edge response event (viewer response by default): the request as CloudFront saw it and
 * the response on its way back — typically where a function adds security headers.
 * Follows https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-event-structure.html#lambda-event-structure-response
 */
export function cloudFrontResponse(input: CloudFrontResponseInput = {}): CloudFrontResponseEvent {
  const w = world(input);
  const eventType = input.eventType ?? "viewer-response";
  const requestEvent = cloudFrontRequest({ ...input, eventType: "viewer-request" });
  const record = requestEvent.Records[0] as CloudFrontRequestEvent["Records"][number];
  const status = input.status ?? 200;
  const given = input.responseHeaders ?? {
    "Content-Type": "text/html",
    "Content-Length": "1270",
    "Last-Modified": "Mon, 12 Jan 2026 08:00:00 GMT",
    ETag: `"${hexFromSeed(`etag:${record.cf.request.uri}`, 32)}"`,
    Server: "AmazonS3",
    Date: new Date(w.ms).toUTCString(),
  };
  const headers: CloudFrontHeaders = {};
  for (const [n, v] of entries(given)) (headers[n.toLowerCase()] ??= []).push({ key: n, value: v });
  const { body: _body, ...request } = record.cf.request;
  return {
    Records: [
      {
        cf: {
          config: { ...record.cf.config, eventType },
          request,
          response: { status: String(status), statusDescription: STATUS_TEXT[status] ?? "", headers },
        },
      },
    ],
  };
}
