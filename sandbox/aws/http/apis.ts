/**
 * The HTTP front doors of a template, read from it as SAM and CloudFormation define them:
 * - API Gateway REST APIs (payload 1.0): `Api` events of functions, on the implicit
 *   `ServerlessRestApi` (stage `Prod`) or an `AWS::Serverless::Api` (`RestApiId`, `StageName`);
 * - API Gateway HTTP APIs (payload 2.0 by default, `PayloadFormatVersion: "1.0"` possible):
 *   `HttpApi` events, on `ServerlessHttpApi` (stage `$default`) or an `AWS::Serverless::HttpApi`;
 *   an event without Path and Method is the `$default` route;
 * - Lambda function URLs: a function's `FunctionUrlConfig` (SAM names it `<Function>Url`);
 * - Application Load Balancers: `AWS::ElasticLoadBalancingV2::LoadBalancer`, its `Listener`s
 *   (default actions) and `ListenerRule`s (path-pattern / http-request-method conditions, by
 *   priority), forwarding to a `TargetGroup` of `TargetType: lambda`
 *   (`lambda.multi_value_headers.enabled` attribute).
 * (SAM DG sam-property-function-api, sam-property-function-httpapi, sam-resource-function
 * FunctionUrlConfig; ELB application lambda-functions.)
 */
import { TemplateError } from "../../service/errors";
import type { ParsedTemplate, TemplateFunction } from "../../service/template";
import { readAuthorizers, type AuthorizerDef } from "./authorizers";

export type ApiKind = "rest" | "http" | "url" | "alb";

export interface HttpRoute {
  /** Upper-case method, or `ANY`. */
  method: string;
  /** Resource path (`/orders/{id}`, `/{proxy+}`) or `$default`. */
  path: string;
  /** The function's logical id. */
  function: string;
  payloadFormat: "1.0" | "2.0";
  /** The SAM event name the route came from. */
  event?: string;
  /** The Lambda authorizer in front of it (the API's default unless the event says otherwise). */
  authorizer?: string;
}

export type AlbAction =
  | { type: "forward"; targetGroup: string }
  | { type: "fixed-response"; statusCode: number; contentType?: string; body?: string };

export interface AlbRule {
  logicalId: string;
  priority: number;
  pathPatterns?: string[];
  methods?: string[];
  action: AlbAction;
}

export interface AlbTargetGroup {
  logicalId: string;
  name: string;
  function?: string;
  multiValueHeaders: boolean;
}

export interface HttpApiDef {
  /** The name a drive file uses: the API's logical id (`ServerlessRestApi`, `MyFunctionUrl`, the load balancer's id). */
  id: string;
  kind: ApiKind;
  /** API id / URL id (REST, HTTP, URL). */
  apiId: string;
  stage: string;
  /** The base URL a client would call. */
  url: string;
  routes: HttpRoute[];
  /** Function URLs: `NONE` or `AWS_IAM`. */
  authType?: string;
  /** Lambda authorizers of an explicit REST/HTTP API, by name, and its DefaultAuthorizer. */
  authorizers?: Map<string, AuthorizerDef>;
  defaultAuthorizer?: string;
  /** A CloudFormation `AWS::Lambda::Url` (its public access needs an AWS::Lambda::Permission; SAM adds it for FunctionUrlConfig). */
  explicitUrl?: boolean;
  /** ALB: rules by priority, the default action, the target groups. */
  rules?: AlbRule[];
  defaultAction?: AlbAction;
  targetGroups?: Record<string, AlbTargetGroup>;
}

const ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

/** A stable pseudo-random id of `length` lower-case letters and digits, from a name (FNV-1a). */
export function idFrom(name: string, length: number): string {
  let h = 2166136261 >>> 0;
  let out = "";
  for (let round = 0; out.length < length; round++) {
    for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619) >>> 0;
    h = Math.imul(h ^ round, 16777619) >>> 0;
    let x = h;
    for (let k = 0; k < 4 && out.length < length; k++) {
      out += ALNUM[x % 36];
      x = Math.floor(x / 36);
    }
  }
  return out;
}

/** The 32-character URL id of a function URL resource. */
export function functionUrlId(logicalId: string): string {
  return idFrom(`url:${logicalId}`, 32);
}

/** The `Ref` of an API resource: its API id. */
export function restApiId(logicalId: string): string {
  return idFrom(`api:${logicalId}`, 10);
}

/** ARNs of the load-balancer resources, as `Ref` returns them (deterministic from the logical id). */
export function elbArn(type: string, logicalId: string, names: { region: string; accountId: string; stackName: string }): string | undefined {
  const base = `arn:aws:elasticloadbalancing:${names.region}:${names.accountId}`;
  const hex = idFrom(`elb:${logicalId}`, 16).replace(/[g-z]/g, (c) => ((c.charCodeAt(0) - 103) % 16).toString(16));
  switch (type) {
    case "AWS::ElasticLoadBalancingV2::LoadBalancer":
      return `${base}:loadbalancer/app/${logicalId}/${hex}`;
    case "AWS::ElasticLoadBalancingV2::Listener":
      return `${base}:listener/app/${logicalId}/${hex}`;
    case "AWS::ElasticLoadBalancingV2::ListenerRule":
      return `${base}:listener-rule/app/${logicalId}/${hex}`;
    case "AWS::ElasticLoadBalancingV2::TargetGroup":
      return `${base}:targetgroup/${logicalId}/${hex}`;
    default:
      return undefined;
  }
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === "object" && x !== null && !Array.isArray(x);
const str = (x: unknown): string | undefined => (typeof x === "string" ? x : typeof x === "number" ? String(x) : undefined);

/** A problem with the template's HTTP resources, naming the resource and property. */
function templateError(message: string, resource: string, property: string): TemplateError {
  return new TemplateError(message, { resource, property });
}

function functionByArn(t: ParsedTemplate, arn: string | undefined): TemplateFunction | undefined {
  if (arn === undefined) return undefined;
  return t.functions.find((f) => f.arn === arn || arn.startsWith(f.arn + ":") || f.functionName === arn || f.logicalId === arn);
}

/** Properties of the HTTP resources and events the routers ignore (they change behaviour on AWS). */
const IGNORED_API_PROPS = ["Cors", "CorsConfiguration", "DefinitionBody", "DefinitionUri", "Domain", "MethodSettings", "AccessLogSetting", "AccessLogSettings", "GatewayResponses", "Models", "BinaryMediaTypes", "Variables", "StageVariables", "DefaultRouteSettings", "RouteSettings"];
const IGNORED_EVENT_PROPS = ["RequestModel", "RequestParameters", "RouteSettings", "TimeoutInMillis"];

/** What the routers read from the template but do not simulate, as `{ resource, property, message }`. */
export function httpWarnings(t: ParsedTemplate): { resource: string; property: string; message: string }[] {
  const out: { resource: string; property: string; message: string }[] = [];
  for (const r of t.other) {
    if (r.type !== "AWS::Serverless::Api" && r.type !== "AWS::Serverless::HttpApi") continue;
    for (const k of IGNORED_API_PROPS) if (r.properties[k] !== undefined) out.push({ resource: r.logicalId, property: k, message: `${k} is not simulated by the HTTP routers (ignored)` });
    const auth = isObj(r.properties.Auth) ? r.properties.Auth : {};
    if (auth.DefaultAuthorizer === "AWS_IAM") out.push({ resource: r.logicalId, property: "Auth.DefaultAuthorizer", message: "IAM authorization (SigV4) is not simulated: requests pass" });
    for (const name of readAuthorizers(t, r.logicalId, r.type === "AWS::Serverless::Api" ? "rest" : "http").unsupported) {
      out.push({ resource: r.logicalId, property: `Auth.Authorizers.${name}`, message: "only Lambda authorizers of the template's functions are simulated (Cognito, JWT and IAM authorizers are ignored: requests pass)" });
    }
  }
  for (const f of t.functions) {
    for (const e of f.events) {
      if (e.type !== "Api" && e.type !== "HttpApi") continue;
      for (const k of IGNORED_EVENT_PROPS) if (e.properties[k] !== undefined) out.push({ resource: f.logicalId, property: `Events.${e.name}.Properties.${k}`, message: `${k} is not simulated by the HTTP routers (ignored)` });
    }
    const cfg = f.functionUrlConfig;
    if (cfg?.Cors !== undefined) out.push({ resource: f.logicalId, property: "FunctionUrlConfig.Cors", message: "Cors is not simulated by the HTTP routers (ignored)" });
    if (cfg?.InvokeMode === "RESPONSE_STREAM") out.push({ resource: f.logicalId, property: "FunctionUrlConfig.InvokeMode", message: "response streaming is not simulated: the response is buffered" });
  }
  return out;
}

/** Every HTTP API of a template, by the id a drive file names it with. */
export function discoverApis(t: ParsedTemplate): Map<string, HttpApiDef> {
  const apis = new Map<string, HttpApiDef>();
  const names = { region: t.region, accountId: t.accountId, stackName: t.stackName };
  const explicit = new Map<string, { kind: "rest" | "http"; logicalId: string; stage: string }>();
  for (const r of t.other) {
    if (r.type === "AWS::Serverless::Api") explicit.set(restApiId(r.logicalId), { kind: "rest", logicalId: r.logicalId, stage: str(r.properties.StageName) ?? "Prod" });
    if (r.type === "AWS::Serverless::HttpApi") explicit.set(restApiId(r.logicalId), { kind: "http", logicalId: r.logicalId, stage: str(r.properties.StageName) ?? "$default" });
  }
  const apiFor = (kind: "rest" | "http", ref: unknown, fn: string, event: string): HttpApiDef => {
    let logicalId = kind === "rest" ? "ServerlessRestApi" : "ServerlessHttpApi";
    let stage = kind === "rest" ? "Prod" : "$default";
    if (ref !== undefined) {
      const e = explicit.get(str(ref) ?? "");
      if (!e || e.kind !== kind) throw templateError(`${kind === "rest" ? "RestApiId" : "ApiId"} must refer to an ${kind === "rest" ? "AWS::Serverless::Api" : "AWS::Serverless::HttpApi"} of the template`, fn, `Events.${event}.Properties`);
      logicalId = e.logicalId;
      stage = e.stage;
    }
    let api = apis.get(logicalId);
    if (!api) {
      const apiId = restApiId(logicalId);
      const host = `${apiId}.execute-api.${t.region}.amazonaws.com`;
      const auth = readAuthorizers(t, logicalId, kind);
      api = { id: logicalId, kind, apiId, stage, url: kind === "rest" || stage !== "$default" ? `https://${host}/${stage}` : `https://${host}`, routes: [], ...(auth.authorizers.size ? { authorizers: auth.authorizers } : {}), ...(auth.default ? { defaultAuthorizer: auth.default } : {}) };
      apis.set(logicalId, api);
    }
    return api;
  };
  /** The authorizer of an event's route: its Auth.Authorizer (NONE: none), else the API's default. */
  const authorizerOf = (api: HttpApiDef, p: Obj, fn: string, event: string): { authorizer?: string } => {
    const a = isObj(p.Auth) ? str(p.Auth.Authorizer) : undefined;
    const name = a ?? api.defaultAuthorizer;
    if (name === undefined || name === "NONE" || name === "AWS_IAM") return {};
    if (!api.authorizers?.has(name)) throw templateError(`no Lambda authorizer ${name} on ${api.id} (authorizers: ${[...(api.authorizers?.keys() ?? [])].join(", ") || "none"})`, fn, `Events.${event}.Properties.Auth`);
    return { authorizer: name };
  };
  for (const f of t.functions) {
    for (const e of f.events) {
      if (e.type === "Api") {
        const p = e.properties;
        const path = str(p.Path);
        const method = str(p.Method);
        if (!path || !method) throw templateError("an Api event needs Path and Method", f.logicalId, `Events.${e.name}.Properties`);
        const api = apiFor("rest", p.RestApiId, f.logicalId, e.name);
        api.routes.push({ method: method.toUpperCase(), path, function: f.logicalId, payloadFormat: "1.0", event: e.name, ...authorizerOf(api, p, f.logicalId, e.name) });
      } else if (e.type === "HttpApi") {
        const p = e.properties;
        const path = str(p.Path);
        const method = str(p.Method);
        const format = str(p.PayloadFormatVersion) ?? "2.0";
        if (format !== "1.0" && format !== "2.0") throw templateError(`PayloadFormatVersion must be "1.0" or "2.0" (got ${format})`, f.logicalId, `Events.${e.name}.Properties.PayloadFormatVersion`);
        const api = apiFor("http", p.ApiId, f.logicalId, e.name);
        const route: HttpRoute = path && method ? { method: method.toUpperCase(), path, function: f.logicalId, payloadFormat: format, event: e.name } : { method: "ANY", path: "$default", function: f.logicalId, payloadFormat: format, event: e.name };
        api.routes.push({ ...route, ...authorizerOf(api, p, f.logicalId, e.name) });
      }
    }
    if (f.functionUrlConfig) {
      const id = `${f.logicalId}Url`;
      const urlId = idFrom(`url:${f.functionName}`, 32);
      const authType = str(f.functionUrlConfig.AuthType) ?? "";
      if (authType !== "NONE" && authType !== "AWS_IAM") throw templateError(`AuthType must be NONE or AWS_IAM (got ${authType || "nothing"})`, f.logicalId, "FunctionUrlConfig.AuthType");
      apis.set(id, { id, kind: "url", apiId: urlId, stage: "$default", url: `https://${urlId}.lambda-url.${t.region}.on.aws`, routes: [{ method: "ANY", path: "$default", function: f.logicalId, payloadFormat: "2.0" }], authType });
    }
  }
  // CloudFormation's AWS::Lambda::Url (SAM's FunctionUrlConfig makes one, with its permission).
  for (const r of t.other) {
    if (r.type !== "AWS::Lambda::Url") continue;
    const fn = functionByArn(t, str(r.properties.TargetFunctionArn));
    if (!fn) throw templateError("TargetFunctionArn must name a function of the template", r.logicalId, "TargetFunctionArn");
    const authType = str(r.properties.AuthType) ?? "";
    if (authType !== "NONE" && authType !== "AWS_IAM") throw templateError(`AuthType must be NONE or AWS_IAM (got ${authType || "nothing"})`, r.logicalId, "AuthType");
    const urlId = functionUrlId(r.logicalId);
    apis.set(r.logicalId, { id: r.logicalId, kind: "url", apiId: urlId, stage: "$default", url: `https://${urlId}.lambda-url.${t.region}.on.aws`, routes: [{ method: "ANY", path: "$default", function: fn.logicalId, payloadFormat: "2.0" }], authType, explicitUrl: true });
  }
  // Application Load Balancers.
  const byArn = new Map<string, { logicalId: string; type: string; properties: Obj }>();
  for (const r of t.other) {
    const arn = elbArn(r.type, r.logicalId, names);
    if (arn) byArn.set(arn, r);
  }
  const resolveRef = (v: unknown): string | undefined => {
    const s = str(v);
    if (s === undefined) return undefined;
    return byArn.get(s)?.logicalId ?? s;
  };
  const targetGroups: Record<string, AlbTargetGroup> = {};
  for (const r of t.other) {
    if (r.type !== "AWS::ElasticLoadBalancingV2::TargetGroup") continue;
    if (str(r.properties.TargetType) !== "lambda") continue;
    const targets = Array.isArray(r.properties.Targets) ? r.properties.Targets : [];
    const fn = functionByArn(t, str(isObj(targets[0]) ? targets[0].Id : undefined));
    const attrs = Array.isArray(r.properties.TargetGroupAttributes) ? r.properties.TargetGroupAttributes : [];
    const mv = attrs.some((a) => isObj(a) && a.Key === "lambda.multi_value_headers.enabled" && String(a.Value) === "true");
    targetGroups[r.logicalId] = { logicalId: r.logicalId, name: str(r.properties.Name) ?? r.logicalId, ...(fn ? { function: fn.logicalId } : {}), multiValueHeaders: mv };
  }
  const actionOf = (actions: unknown, resource: string, property: string): AlbAction => {
    const a = Array.isArray(actions) ? actions[0] : undefined;
    if (!isObj(a)) throw templateError("needs one action (forward or fixed-response)", resource, property);
    if (a.Type === "forward") {
      const tgArn = str(a.TargetGroupArn) ?? (isObj(a.ForwardConfig) && Array.isArray(a.ForwardConfig.TargetGroups) && isObj(a.ForwardConfig.TargetGroups[0]) ? str(a.ForwardConfig.TargetGroups[0].TargetGroupArn) : undefined);
      const tg = resolveRef(tgArn);
      if (!tg || !targetGroups[tg]) throw templateError("forward needs a TargetGroupArn of a lambda target group of the template", resource, property);
      return { type: "forward", targetGroup: tg };
    }
    if (a.Type === "fixed-response" && isObj(a.FixedResponseConfig)) {
      const c = a.FixedResponseConfig;
      const ct = str(c.ContentType);
      const body = str(c.MessageBody);
      return { type: "fixed-response", statusCode: Number(c.StatusCode ?? 200), ...(ct !== undefined ? { contentType: ct } : {}), ...(body !== undefined ? { body } : {}) };
    }
    throw templateError(`action type ${String(a.Type)} is not simulated (forward, fixed-response)`, resource, property);
  };
  for (const lb of t.other) {
    if (lb.type !== "AWS::ElasticLoadBalancingV2::LoadBalancer") continue;
    const listener = t.other.find((r) => r.type === "AWS::ElasticLoadBalancingV2::Listener" && resolveRef(r.properties.LoadBalancerArn) === lb.logicalId);
    if (!listener) continue;
    const rules: AlbRule[] = [];
    for (const r of t.other) {
      if (r.type !== "AWS::ElasticLoadBalancingV2::ListenerRule" || resolveRef(r.properties.ListenerArn) !== listener.logicalId) continue;
      const rule: AlbRule = { logicalId: r.logicalId, priority: Number(r.properties.Priority ?? 50000), action: actionOf(r.properties.Actions, r.logicalId, "Actions") };
      for (const c of Array.isArray(r.properties.Conditions) ? r.properties.Conditions : []) {
        if (!isObj(c)) continue;
        const values = (cfg: unknown): string[] => (isObj(cfg) && Array.isArray(cfg.Values) ? cfg.Values.map(String) : Array.isArray(c.Values) ? c.Values.map(String) : []);
        if (c.Field === "path-pattern") rule.pathPatterns = values(c.PathPatternConfig);
        else if (c.Field === "http-request-method") rule.methods = values(c.HttpRequestMethodConfig).map((m) => m.toUpperCase());
      }
      rules.push(rule);
    }
    rules.sort((a, b) => a.priority - b.priority);
    const defaultAction = actionOf(listener.properties.DefaultActions, listener.logicalId, "DefaultActions");
    const name = str(lb.properties.Name) ?? `${t.stackName}-${lb.logicalId}`.slice(0, 32);
    const routes: HttpRoute[] = [];
    for (const a of [defaultAction, ...rules.map((r) => r.action)]) {
      const fn = a.type === "forward" ? targetGroups[a.targetGroup]?.function : undefined;
      if (fn && !routes.some((r) => r.function === fn)) routes.push({ method: "ANY", path: "$default", function: fn, payloadFormat: "1.0" });
    }
    apis.set(lb.logicalId, { id: lb.logicalId, kind: "alb", apiId: name, stage: "", url: `http://${name}-${idFrom(lb.logicalId, 10)}.${t.region}.elb.amazonaws.com`, routes, rules, defaultAction, targetGroups });
  }
  return apis;
}
