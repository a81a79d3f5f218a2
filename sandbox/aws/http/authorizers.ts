/**
 * Lambda authorizers in front of API routes, as SAM configures them (`Auth.Authorizers`,
 * `Auth.DefaultAuthorizer` on an `AWS::Serverless::Api` / `AWS::Serverless::HttpApi`; an event's
 * `Auth.Authorizer`, `NONE` to opt out) and API Gateway runs them:
 *
 * - REST, TOKEN (default) or REQUEST (APIGW DG apigateway-use-lambda-authorizer,
 *   api-gateway-lambda-authorizer-input, api-gateway-lambda-authorizer-output): a missing identity
 *   source is `401 {"message":"Unauthorized"}` without invoking the authorizer; the authorizer
 *   throwing `Error("Unauthorized")` is 401 too; its IAM policy must allow `execute-api:Invoke` on
 *   the method ARN — an explicit Deny is `403 {"Message":"User is not authorized to access this
 *   resource with an explicit deny"}`, no Allow `403 {"Message":"User is not authorized to access
 *   this resource"}`; any other failure is `500 {"message": null}`. `principalId` and `context`
 *   reach the function in `requestContext.authorizer`. Results are cached for `ReauthorizeEvery`
 *   seconds (default 300) by identity source.
 * - HTTP API (APIGW DG http-api-lambda-authorizer): payload 2.0 or 1.0; with
 *   `EnableSimpleResponses`, `{ isAuthorized, context }`, else an IAM policy; a missing identity
 *   source is 401, a denial `403 {"message":"Forbidden"}`, a failure `500 {"message":"Internal
 *   Server Error"}`; `context` reaches the function in `requestContext.authorizer.lambda`. No
 *   caching unless `ReauthorizeEvery` says so.
 */
import type { ParsedTemplate } from "../../service/template";
import { authorize, type IamStatement } from "../iam/evaluate";

export interface AuthorizerDef {
  name: string;
  /** The authorizer function's logical id. */
  function: string;
  kind: "TOKEN" | "REQUEST";
  /** REST TOKEN: the header; REQUEST/HTTP: `$request.header.X` / `$request.querystring.x` sources. */
  identity: string[];
  ttlSeconds: number;
  /** HTTP API only. */
  payloadFormat?: "1.0" | "2.0";
  simpleResponses?: boolean;
}

export type AuthDecision =
  | { ok: true; context: Record<string, unknown>; principalId?: string }
  | { ok: false; statusCode: number; body: unknown; error: string };

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === "object" && x !== null && !Array.isArray(x);
const str = (x: unknown): string | undefined => (typeof x === "string" ? x : undefined);

/** Authorizers of one explicit API resource, and its default. */
export function readAuthorizers(t: ParsedTemplate, apiLogicalId: string, kind: "rest" | "http"): { authorizers: Map<string, AuthorizerDef>; default?: string; unsupported: string[] } {
  const r = t.other.find((o) => o.logicalId === apiLogicalId);
  const out = new Map<string, AuthorizerDef>();
  const unsupported: string[] = [];
  const auth = r && isObj(r.properties.Auth) ? r.properties.Auth : undefined;
  if (!auth) return { authorizers: out, unsupported };
  const fnOf = (arn: string | undefined) => t.functions.find((f) => arn !== undefined && (f.arn === arn || f.functionName === arn || f.logicalId === arn));
  for (const [name, a] of Object.entries(isObj(auth.Authorizers) ? auth.Authorizers : {})) {
    if (!isObj(a)) continue;
    const fn = fnOf(str(a.FunctionArn));
    if (!fn) {
      unsupported.push(name);
      continue;
    }
    const identity = isObj(a.Identity) ? a.Identity : {};
    const reauth = typeof identity.ReauthorizeEvery === "number" ? identity.ReauthorizeEvery : undefined;
    if (kind === "rest") {
      const type = str(a.FunctionPayloadType) === "REQUEST" ? "REQUEST" : "TOKEN";
      const sources =
        type === "TOKEN"
          ? [str(identity.Header) ?? "Authorization"]
          : [...(Array.isArray(identity.Headers) ? identity.Headers.map((h) => `$request.header.${String(h)}`) : []), ...(Array.isArray(identity.QueryStrings) ? identity.QueryStrings.map((q) => `$request.querystring.${String(q)}`) : [])];
      out.set(name, { name, function: fn.logicalId, kind: type, identity: sources, ttlSeconds: reauth ?? 300 });
    } else {
      const sources = [...(Array.isArray(identity.Headers) ? identity.Headers.map((h) => `$request.header.${String(h)}`) : []), ...(Array.isArray(identity.QueryStrings) ? identity.QueryStrings.map((q) => `$request.querystring.${String(q)}`) : [])];
      out.set(name, {
        name,
        function: fn.logicalId,
        kind: "REQUEST",
        identity: sources.length ? sources : ["$request.header.Authorization"],
        ttlSeconds: reauth ?? 0,
        payloadFormat: str(a.AuthorizerPayloadFormatVersion) === "1.0" ? "1.0" : "2.0",
        simpleResponses: a.EnableSimpleResponses === true,
      });
    }
  }
  const def = str(auth.DefaultAuthorizer);
  return { authorizers: out, ...(def && def !== "AWS_IAM" ? { default: def } : {}), unsupported };
}

/** The identity-source values of a request (undefined when one is missing: 401 without invoking). */
export function identityValues(sources: readonly string[], headers: Record<string, string | readonly string[]>, query: Record<string, string | readonly string[]>): string[] | undefined {
  const out: string[] = [];
  const first = (v: string | readonly string[] | undefined) => (v === undefined ? undefined : typeof v === "string" ? v : v[0]);
  for (const s of sources) {
    const m = /^\$request\.(header|querystring)\.(.+)$/.exec(s);
    let v: string | undefined;
    if (!m) v = first(Object.entries(headers).find(([n]) => n.toLowerCase() === s.toLowerCase())?.[1]);
    else if (m[1] === "header") v = first(Object.entries(headers).find(([n]) => n.toLowerCase() === (m[2] as string).toLowerCase())?.[1]);
    else v = first(query[m[2] as string]);
    if (v === undefined || v === "") return undefined;
    out.push(v);
  }
  return out;
}

const UNAUTHORIZED = { message: "Unauthorized" };

/** Turn the authorizer's invocation result into a decision. */
export function decide(kind: "rest" | "http", def: AuthorizerDef, result: { functionError?: string; payload: unknown; throttled?: boolean }, methodArn: string): AuthDecision {
  const fail500 = (error: string): AuthDecision => (kind === "rest" ? { ok: false, statusCode: 500, body: { message: null }, error } : { ok: false, statusCode: 500, body: { message: "Internal Server Error" }, error });
  if (result.throttled) return fail500("the authorizer was throttled");
  if (result.functionError) {
    const p = result.payload as { errorMessage?: unknown } | undefined;
    if (p?.errorMessage === "Unauthorized") return { ok: false, statusCode: 401, body: UNAUTHORIZED, error: "the authorizer said Unauthorized" };
    return fail500(`AuthorizerConfigurationException: the authorizer failed (${String(p?.errorMessage ?? "error")})`);
  }
  const p = result.payload;
  if (kind === "http" && def.simpleResponses) {
    if (!isObj(p) || typeof p.isAuthorized !== "boolean") return fail500("AuthorizerConfigurationException: a simple response needs isAuthorized (boolean)");
    if (!p.isAuthorized) return { ok: false, statusCode: 403, body: { message: "Forbidden" }, error: "the authorizer returned isAuthorized: false" };
    return { ok: true, context: isObj(p.context) ? p.context : {} };
  }
  if (!isObj(p) || !isObj(p.policyDocument)) return fail500("AuthorizerConfigurationException: the authorizer's response has no policyDocument");
  const raw = p.policyDocument.Statement;
  const statements: IamStatement[] = [];
  for (const s of Array.isArray(raw) ? raw : [raw]) {
    if (!isObj(s) || (s.Effect !== "Allow" && s.Effect !== "Deny")) return fail500("AuthorizerConfigurationException: each statement needs Effect Allow or Deny");
    const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : v === undefined ? undefined : [String(v)]);
    statements.push({ Effect: s.Effect, ...(list(s.Action) ? { Action: list(s.Action) } : {}), ...(list(s.Resource) ? { Resource: list(s.Resource) } : {}) });
  }
  const decision = authorize(statements, "execute-api:Invoke", methodArn);
  if (decision !== "allow") {
    if (kind === "http") return { ok: false, statusCode: 403, body: { message: "Forbidden" }, error: `the authorizer's policy does not allow ${methodArn}` };
    return decision === "explicitDeny"
      ? { ok: false, statusCode: 403, body: { Message: "User is not authorized to access this resource with an explicit deny" }, error: "the authorizer's policy denies the method" }
      : { ok: false, statusCode: 403, body: { Message: "User is not authorized to access this resource" }, error: "the authorizer's policy does not allow the method" };
  }
  return { ok: true, context: isObj(p.context) ? p.context : {}, ...(typeof p.principalId === "string" ? { principalId: p.principalId } : {}) };
}
