/**
 * The HTTP routers as a service extension: the `http` stimulus of a drive file
 * (`http: { api, method, path, headers, query, body }`) goes through the template's API Gateway
 * REST API, HTTP API, function URL or Application Load Balancer to the function that serves it,
 * with the event that front door sends (built by `sandbox/events`), and the function's result
 * becomes the HTTP response by that front door's rules (`responses.ts`). The report's `http`
 * section lists every request and response in the order they arrived.
 */
import { apiGatewayTokenAuthorizer, apiGatewayV1, apiGatewayV2, albRequest, functionUrl, httpApiAuthorizer, type BodyInput, type HeaderInput, type QueryInput } from "../../events/http";
import { DriveError, TemplateError } from "../../service/errors";
import { invokeAllowed } from "../iam/permissions";
import type { ServiceExtension, ServiceHost } from "../../service/service";
import type { SdkHub } from "../sdk/hub";
import { discoverApis, elbArn, functionUrlId, httpWarnings, idFrom, restApiId, type HttpApiDef, type HttpRoute } from "./apis";
import { decide, identityValues, type AuthDecision, type AuthorizerDef } from "./authorizers";
import { toHttpResponse, noRoute, REST_INTEGRATION_TIMEOUT_MS, HTTP_API_INTEGRATION_TIMEOUT_MS, type HttpResponse } from "./responses";
import { albAction, matchHttpApi, matchRoute } from "./routing";

/** One request of the `http` stimulus, as a drive file gives it. */
export interface HttpStimulus {
  /** The API's logical id (`ServerlessRestApi`, `ServerlessHttpApi`, `MyApi`, `<Function>Url`, a load balancer); optional when the template has one. */
  api?: string;
  method?: string;
  /** The path after the stage (`/orders/42?status=open` works too). */
  path?: string;
  headers?: HeaderInput;
  query?: QueryInput;
  body?: BodyInput;
  /** Send a string body base64-encoded (binary media). */
  base64?: boolean;
  sourceIp?: string;
  /** A function URL with AuthType AWS_IAM needs a SigV4-signed request: say it is signed. */
  signed?: boolean;
}

/** One request and its response in the report. */
export interface HttpExchange {
  stimulus?: number;
  api: string;
  kind: HttpApiDef["kind"];
  method: string;
  path: string;
  /** The route that served it (`GET /orders/{id}`, `$default`, an ALB rule), if any. */
  route?: string;
  function?: string;
  requestId?: string;
  /** Virtual ms: when the request arrived and when the response left. */
  start: number;
  end: number;
  statusCode: number;
  headers: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
  body: string;
  isBase64Encoded: boolean;
  /** Why the front door answered itself (malformed response, function error, no route…). */
  error?: string;
}

const STIMULUS_KEYS = new Set(["api", "method", "path", "headers", "query", "body", "base64", "sourceIp", "signed"]);
const METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);

function parseStimulus(spec: unknown, path: string): HttpStimulus {
  if (typeof spec !== "object" || spec === null || Array.isArray(spec)) throw new DriveError(`${path}.http`, "must be a mapping: { api, method, path, headers, query, body }");
  for (const k of Object.keys(spec)) if (!STIMULUS_KEYS.has(k)) throw new DriveError(`${path}.http.${k}`, `unknown key (known: ${[...STIMULUS_KEYS].join(", ")})`);
  const s = spec as HttpStimulus;
  if (s.method !== undefined && (typeof s.method !== "string" || !METHODS.has(s.method.toUpperCase()))) throw new DriveError(`${path}.http.method`, `must be one of ${[...METHODS].join(", ")}`);
  if (s.path !== undefined && (typeof s.path !== "string" || !s.path.startsWith("/"))) throw new DriveError(`${path}.http.path`, "must be a path starting with /");
  return s;
}

function routeKey(r: HttpRoute): string {
  return r.path === "$default" ? "$default" : `${r.method} ${r.path}`;
}

/**
 * A load balancer invokes its Lambda targets as `elasticloadbalancing.amazonaws.com`: without an
 * `AWS::Lambda::Permission` for that principal, registering the target fails, as ELB says
 * (ELB DG lambda-functions, "Permissions to invoke the Lambda function").
 */
function checkAlbPermissions(host: ServiceHost, all: Map<string, HttpApiDef>): void {
  const names = { region: host.template.region, accountId: host.template.accountId, stackName: host.template.stackName };
  for (const api of all.values()) {
    for (const tg of Object.values(api.targetGroups ?? {})) {
      const fn = host.template.functions.find((f) => f.logicalId === tg.function);
      if (!fn) continue;
      const tgArn = elbArn("AWS::ElasticLoadBalancingV2::TargetGroup", tg.logicalId, names) ?? tg.logicalId;
      if (!invokeAllowed(host.template, fn, { principal: "elasticloadbalancing.amazonaws.com", sourceArn: tgArn })) {
        throw new TemplateError(`elasticloadbalancing principal does not have permission to invoke ${fn.arn} from target group ${tgArn} (add an AWS::Lambda::Permission with Principal elasticloadbalancing.amazonaws.com)`, { resource: tg.logicalId, property: "Targets" });
      }
    }
  }
}

/** The event a Lambda authorizer receives (APIGW DG api-gateway-lambda-authorizer-input, http-api-lambda-authorizer). */
function authorizerEvent(api: HttpApiDef, def: AuthorizerDef, routeEvent: unknown, values: string[], methodArn: string, r: { token: string; method: string; path: string; base: Record<string, unknown>; routeKey: string }): unknown {
  if (api.kind === "rest") {
    if (def.kind === "TOKEN") return { ...apiGatewayTokenAuthorizer({ token: r.token }), methodArn };
    return { type: "REQUEST", methodArn, ...(routeEvent as object) };
  }
  if (def.payloadFormat === "1.0") return { version: "1.0", type: "REQUEST", methodArn, identitySource: values.join(","), authorizationToken: values[0], ...(routeEvent as object) };
  const v2 = httpApiAuthorizer({ ...(r.base as object), routeKey: r.routeKey, stage: api.stage, apiId: api.apiId, identitySource: def.identity });
  return { ...v2, identitySource: values };
}

/** The HTTP routers: `http` stimuli, the report's `http` list, Ref/GetAtt of API resources. */
export function httpExtension(hub?: SdkHub): ServiceExtension {
  let apis = new Map<string, HttpApiDef>();
  const authCache = new Map<string, { decision: AuthDecision; expires: number }>();
  let warnings: ReturnType<typeof httpWarnings> = [];
  const exchanges: (HttpExchange | undefined)[] = [];

  function pickApi(name: string | undefined, path: string): HttpApiDef {
    if (name === undefined) {
      if (apis.size === 1) return [...apis.values()][0] as HttpApiDef;
      throw new DriveError(`${path}.http.api`, apis.size === 0 ? "the template has no API, function URL or load balancer" : `name the API: ${[...apis.keys()].join(", ")}`);
    }
    const api = apis.get(name) ?? [...apis.values()].find((a) => a.kind === "url" && a.routes[0]?.function === name);
    if (!api) throw new DriveError(`${path}.http.api`, `no API ${JSON.stringify(name)} in the template (APIs: ${[...apis.keys()].join(", ") || "none"})`);
    return api;
  }

  async function serve(host: ServiceHost, spec: HttpStimulus, path: string): Promise<void> {
    const api = pickApi(spec.api, path);
    const method = (spec.method ?? "GET").toUpperCase();
    const rawPath = spec.path ?? "/";
    const q = rawPath.indexOf("?");
    let reqPath = q < 0 ? rawPath : rawPath.slice(0, q);
    // A path given with the stage (/Prod/orders, as in the invoke URL) is the same request.
    if ((api.kind === "rest" || (api.kind === "http" && api.stage !== "$default")) && reqPath.startsWith(`/${api.stage}/`)) reqPath = reqPath.slice(api.stage.length + 1);
    const start = host.clock.now();
    const time = host.epoch(start);
    const stimulus = /^stimuli\[(\d+)\]/.exec(path)?.[1];
    const base = { method, path: reqPath + (q < 0 ? "" : rawPath.slice(q)), ...(spec.headers ? { headers: spec.headers } : {}), ...(spec.query ? { query: spec.query } : {}), ...(spec.body !== undefined ? { body: spec.body } : {}), ...(spec.base64 ? { base64: true } : {}), ...(spec.sourceIp ? { sourceIp: spec.sourceIp } : {}), time, region: host.template.region, accountId: host.template.accountId };
    // The request's place in the list is its arrival: an authorizer or a slow function must not
    // let a later request's response come first in the report.
    const slot = exchanges.length;
    exchanges.push(undefined);
    const record = (response: HttpResponse, extra: Partial<HttpExchange>, end: number): void => {
      exchanges[slot] = ({
        ...(stimulus !== undefined ? { stimulus: Number(stimulus) } : {}),
        api: api.id,
        kind: api.kind,
        method,
        path: rawPath,
        ...extra,
        start,
        end,
        statusCode: response.statusCode,
        headers: response.headers,
        ...(response.multiValueHeaders ? { multiValueHeaders: response.multiValueHeaders } : {}),
        body: response.body,
        isBase64Encoded: response.isBase64Encoded,
        ...(response.error ? { error: response.error } : {}),
      });
    };

    let route: HttpRoute | undefined;
    let event: unknown;
    let multiValueHeaders = false;
    let routeName: string | undefined;
    switch (api.kind) {
      case "rest": {
        const m = matchRoute(api.routes, method, reqPath);
        if (!m) return record(noRoute("rest"), {}, start);
        route = m.route;
        routeName = routeKey(route);
        event = apiGatewayV1({ ...base, resource: route.path, pathParameters: m.pathParameters, stage: api.stage, apiId: api.apiId, requestId: host.rng.uuid() });
        break;
      }
      case "http": {
        const m = matchHttpApi(api.routes, method, reqPath);
        if (!m) return record(noRoute("http"), {}, start);
        route = m.route;
        routeName = routeKey(route);
        if (route.payloadFormat === "1.0") {
          event = { version: "1.0", ...apiGatewayV1({ ...base, resource: route.path === "$default" ? "$default" : route.path, pathParameters: m.pathParameters, stage: api.stage, apiId: api.apiId, requestId: host.rng.uuid() }) };
        } else {
          event = apiGatewayV2({ ...base, routeKey: routeName, ...(m.pathParameters ? { pathParameters: m.pathParameters } : {}), stage: api.stage, apiId: api.apiId, requestId: idFrom(host.rng.uuid(), 16) });
        }
        break;
      }
      case "url": {
        route = api.routes[0];
        if (!route) return record(noRoute("url"), {}, start);
        routeName = "$default";
        // AWS_IAM: unsigned requests are refused before the function runs (Lambda DG urls-auth).
        if (api.authType === "AWS_IAM" && !spec.signed) return record({ statusCode: 403, headers: { "content-type": "application/json" }, body: JSON.stringify({ Message: "Forbidden" }), isBase64Encoded: false, error: "AuthType AWS_IAM: the request is not signed" }, { route: routeName }, start);
        // A CloudFormation function URL with AuthType NONE is public only with a resource policy
        // allowing lambda:InvokeFunctionUrl to everyone (Lambda DG urls-auth); otherwise 403.
        if (api.explicitUrl && api.authType === "NONE") {
          const fnDef = host.template.functions.find((f) => f.logicalId === route?.function);
          if (fnDef && !invokeAllowed(host.template, fnDef, { principal: "*", action: "lambda:InvokeFunctionUrl" })) {
            return record({ statusCode: 403, headers: { "content-type": "application/json" }, body: JSON.stringify({ Message: "Forbidden" }), isBase64Encoded: false, error: "no AWS::Lambda::Permission allows lambda:InvokeFunctionUrl to Principal *" }, { route: routeName }, start);
          }
        }
        event = functionUrl({ ...base, urlId: api.apiId, requestId: host.rng.uuid() });
        break;
      }
      case "alb": {
        const { action, rule } = albAction(api.rules ?? [], api.defaultAction ?? { type: "fixed-response", statusCode: 404 }, method, reqPath);
        routeName = rule ?? "default";
        if (action.type === "fixed-response") {
          return record({ statusCode: action.statusCode, headers: { "content-type": action.contentType ?? "text/plain" }, body: action.body ?? "", isBase64Encoded: false }, { route: routeName }, start);
        }
        const tg = api.targetGroups?.[action.targetGroup];
        if (!tg?.function) return record({ statusCode: 503, headers: { "content-type": "text/html" }, body: "503 Service Temporarily Unavailable", isBase64Encoded: false, error: "the target group has no registered Lambda function" }, { route: routeName }, start);
        multiValueHeaders = tg.multiValueHeaders;
        route = { method: "ANY", path: "$default", function: tg.function, payloadFormat: "1.0" };
        const albEvent = albRequest({ ...base, targetGroup: tg.name, multiValueHeaders: tg.multiValueHeaders });
        // The target group's ARN as Ref gives it (and as its invoke permission names it).
        albEvent.requestContext.elb.targetGroupArn = elbArn("AWS::ElasticLoadBalancingV2::TargetGroup", tg.logicalId, { region: host.template.region, accountId: host.template.accountId, stackName: host.template.stackName }) ?? albEvent.requestContext.elb.targetGroupArn;
        event = albEvent;
        break;
      }
    }
    if (!route) return record(noRoute(api.kind), {}, start);
    // SAM points the events of a function with AutoPublishAlias at the alias.
    const targetOf = (id: string): string => {
      const f = host.template.functions.find((x) => x.logicalId === id);
      return f?.autoPublishAlias ? `${id}:${f.autoPublishAlias}` : id;
    };
    let integrationStart = start;
    if (route.authorizer && (api.kind === "rest" || api.kind === "http")) {
      const def = api.authorizers?.get(route.authorizer);
      if (def) {
        const query: Record<string, string | readonly string[]> = { ...Object.fromEntries(new URLSearchParams(q < 0 ? "" : rawPath.slice(q + 1))), ...(spec.query ?? {}) };
        const headers = { ...(spec.headers ?? {}), ...(typeof spec.body === "object" && spec.body !== null && !(spec.body instanceof Uint8Array) && !Object.keys(spec.headers ?? {}).some((h) => h.toLowerCase() === "content-type") ? { "content-type": "application/json" } : {}) };
        const values = identityValues(def.identity, headers, query);
        let decision: AuthDecision;
        const methodArn = `arn:aws:execute-api:${host.template.region}:${host.template.accountId}:${api.apiId}/${api.stage}/${method}/${reqPath.replace(/^\//, "")}`;
        if (!values) {
          // A missing identity source: 401 without invoking the authorizer.
          decision = { ok: false, statusCode: 401, body: { message: "Unauthorized" }, error: `identity source missing: ${def.identity.join(", ")}` };
        } else {
          const key = `${api.id}\u0000${def.name}\u0000${values.join("\u0000")}${api.kind === "rest" && def.kind === "TOKEN" ? "" : `\u0000${methodArn}`}`;
          const cached = authCache.get(key);
          if (cached && cached.expires > host.clock.now()) decision = cached.decision;
          else {
            const authEvent = authorizerEvent(api, def, event, values, methodArn, { token: values[0] ?? "", method, path: reqPath, base, routeKey: routeName ?? "$default" });
            hub?.edge(api.id, def.function, `authorizer:${api.kind}`);
            const { response: ar, record: arec } = await host.invokeWithRecord(targetOf(def.function), authEvent, { trigger: `authorizer:${api.id}` });
            decision = decide(api.kind, def, { ...(ar.functionError ? { functionError: ar.functionError } : {}), payload: ar.payload, throttled: ar.statusCode === 429 }, methodArn);
            if (def.ttlSeconds > 0 && (decision.ok || decision.statusCode !== 500)) authCache.set(key, { decision, expires: host.clock.now() + def.ttlSeconds * 1000 });
            // The integration starts when the authorizer has answered.
            if (arec && arec.end > host.clock.now()) {
              integrationStart = arec.end;
              await host.runUntil?.(arec.end);
            }
          }
        }
        if (!decision.ok) {
          return record({ statusCode: decision.statusCode, headers: { "content-type": "application/json" }, body: JSON.stringify(decision.body), isBase64Encoded: false, error: decision.error }, { route: routeName }, integrationStart);
        }
        const rc = (event as { requestContext: Record<string, unknown> }).requestContext;
        if (api.kind === "rest" || route.payloadFormat === "1.0") rc.authorizer = { ...(decision.principalId !== undefined ? { principalId: decision.principalId } : {}), ...decision.context, integrationLatency: Math.round(integrationStart - start) };
        else rc.authorizer = { lambda: decision.context };
      }
    }
    hub?.edge(api.id, route.function, `http:${api.kind}`);
    const { response, record: inv } = await host.invokeWithRecord(targetOf(route.function), event, { trigger: `http:${api.id}` });
    const duration = inv ? inv.end - inv.start : 0;
    const http = toHttpResponse(response, { kind: api.kind, payloadFormat: route.payloadFormat, multiValueHeaders, durationMs: duration });
    const limit = api.kind === "rest" ? REST_INTEGRATION_TIMEOUT_MS : api.kind === "http" ? HTTP_API_INTEGRATION_TIMEOUT_MS : Infinity;
    const end = integrationStart + Math.min(duration, limit);
    record(http, { route: routeName, function: route.function, requestId: response.requestId }, end);
  }

  return {
    name: "http",
    resourceTypes: [
      "AWS::Serverless::Api",
      "AWS::Serverless::HttpApi",
      "AWS::Lambda::Url",
      "AWS::ElasticLoadBalancingV2::LoadBalancer",
      "AWS::ElasticLoadBalancingV2::Listener",
      "AWS::ElasticLoadBalancingV2::ListenerRule",
      "AWS::ElasticLoadBalancingV2::TargetGroup",
    ],
    eventTypes: ["Api", "HttpApi"],
    stimulusKinds: ["http"],
    attach(host) {
      apis = discoverApis(host.template);
      warnings = httpWarnings(host.template);
      checkAlbPermissions(host, apis);
    },
    async stimulus(_kind, spec, host, path) {
      await serve(host, parseStimulus(spec, path), path);
    },
    report() {
      const resources: Record<string, unknown> = {};
      const edges: { from: string; to: string; kind: string }[] = [];
      for (const api of apis.values()) {
        resources[api.id] = { kind: api.kind, url: api.url, ...(api.stage ? { stage: api.stage } : {}), routes: api.routes.map((r) => ({ route: routeKey(r), function: r.function, payloadFormat: r.payloadFormat })), requests: exchanges.filter((e) => e?.api === api.id).length };
        for (const fn of new Set(api.routes.map((r) => r.function))) edges.push({ from: api.id, to: fn, kind: `http:${api.kind}` });
      }
      return { http: exchanges.filter((e): e is HttpExchange => e !== undefined), resources, edges, ...(warnings.length ? { warnings } : {}) };
    },
    attribute(resource, attr, names) {
      switch (resource.type) {
        case "AWS::Serverless::Api":
        case "AWS::Serverless::HttpApi":
          if (attr === "Ref") return restApiId(resource.logicalId);
          if (attr === "RootResourceId") return idFrom(`root:${resource.logicalId}`, 10);
          if (attr === "ApiEndpoint") return `https://${restApiId(resource.logicalId)}.execute-api.${names.region}.amazonaws.com`;
          return undefined;
        case "AWS::Lambda::Url":
          if (attr === "FunctionUrl") return `https://${functionUrlId(resource.logicalId)}.lambda-url.${names.region}.on.aws/`;
          return undefined;
        case "AWS::ElasticLoadBalancingV2::LoadBalancer":
          if (attr === "Ref" || attr === "LoadBalancerArn") return elbArn(resource.type, resource.logicalId, names);
          if (attr === "DNSName") return `${resource.logicalId}-${idFrom(resource.logicalId, 10)}.${names.region}.elb.amazonaws.com`;
          if (attr === "LoadBalancerName") return resource.logicalId;
          return undefined;
        case "AWS::ElasticLoadBalancingV2::Listener":
        case "AWS::ElasticLoadBalancingV2::ListenerRule":
        case "AWS::ElasticLoadBalancingV2::TargetGroup":
          if (attr === "Ref" || attr === "ListenerArn" || attr === "RuleArn" || attr === "TargetGroupArn") return elbArn(resource.type, resource.logicalId, names);
          if (attr === "TargetGroupName") return resource.logicalId;
          return undefined;
        default:
          return undefined;
      }
    },
  };
}
