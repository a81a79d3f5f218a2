// Lambda authorizers as API Gateway runs them: REST TOKEN authorizers with IAM policies and their
// 401/403/500 answers (APIGW DG apigateway-use-lambda-authorizer, api-gateway-lambda-authorizer-output),
// result caching by token (ReauthorizeEvery), and HTTP API simple responses (APIGW DG
// http-api-lambda-authorizer).
import { describe, expect, it } from "vitest";
import { createLambdaService } from "../../service/service";
import { awsExtensions } from "../index";
import type { HttpExchange } from "./extension";

const authorizer = `
exports.handler = async (event) => {
  const token = event.authorizationToken ?? event.identitySource?.[0];
  if (token === "boom") throw new Error("database down");
  if (token === "nobody") throw new Error("Unauthorized");
  if (event.version === "2.0") return { isAuthorized: token === "allow", context: { user: "u-" + token } };
  const effect = token === "allow" ? "Allow" : "Deny";
  return { principalId: "user-1", policyDocument: { Version: "2012-10-17", Statement: [{ Action: "execute-api:Invoke", Effect: effect, Resource: event.methodArn }] }, context: { tier: "gold" } };
};`;
const app = `exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(event.requestContext.authorizer) });`;

const template = {
  Transform: "AWS::Serverless-2016-10-31",
  Resources: {
    Rest: { Type: "AWS::Serverless::Api", Properties: { StageName: "prod", Auth: { DefaultAuthorizer: "Token", Authorizers: { Token: { FunctionArn: { "Fn::GetAtt": ["Auth", "Arn"] } } } } } },
    Http: {
      Type: "AWS::Serverless::HttpApi",
      Properties: { Auth: { DefaultAuthorizer: "Simple", Authorizers: { Simple: { FunctionArn: { "Fn::GetAtt": ["Auth", "Arn"] }, AuthorizerPayloadFormatVersion: "2.0", EnableSimpleResponses: true, Identity: { Headers: ["Authorization"] } } } } },
    },
    Auth: { Type: "AWS::Serverless::Function", Properties: { Handler: "index.handler", Runtime: "nodejs22.x", InlineCode: authorizer } },
    App: {
      Type: "AWS::Serverless::Function",
      Properties: {
        Handler: "index.handler",
        Runtime: "nodejs22.x",
        InlineCode: app,
        Events: {
          Get: { Type: "Api", Properties: { RestApiId: { Ref: "Rest" }, Path: "/orders", Method: "get" } },
          Open: { Type: "Api", Properties: { RestApiId: { Ref: "Rest" }, Path: "/health", Method: "get", Auth: { Authorizer: "NONE" } } },
          HttpGet: { Type: "HttpApi", Properties: { ApiId: { Ref: "Http" }, Path: "/orders", Method: "GET" } },
        },
      },
    },
  },
};

async function run(stimuli: unknown[]): Promise<{ http: HttpExchange[]; triggers: string[] }> {
  using s = await createLambdaService({ template, extensions: awsExtensions() });
  const report = await s.run({ stimuli });
  return { http: (report.extensions?.http as { http: HttpExchange[] }).http, triggers: report.invocations.map((i) => i.trigger) };
}

const rest = (token?: string, path = "/orders") => ({ http: { api: "Rest", path, ...(token !== undefined ? { headers: { Authorization: token } } : {}) } });

describe("REST API TOKEN authorizers", () => {
  it("an Allow policy lets the request through with principalId and context in requestContext.authorizer", async () => {
    const { http, triggers } = await run([rest("allow")]);
    expect(http[0]).toMatchObject({ statusCode: 200 });
    expect(JSON.parse(http[0]!.body)).toMatchObject({ principalId: "user-1", tier: "gold" });
    expect(triggers).toEqual(["authorizer:Rest", "http:Rest"]);
    // The integration starts once the authorizer has answered.
    const inv = http[0]!;
    expect(inv.end).toBeGreaterThan(inv.start);
  });

  it("answers 401, 403 (explicit deny) and 500 as API Gateway does; a missing header is 401 without invoking the authorizer", async () => {
    const { http, triggers } = await run([rest(undefined), rest("nobody"), rest("deny"), rest("boom")]);
    expect(http.map((x) => [x.statusCode, x.body])).toEqual([
      [401, '{"message":"Unauthorized"}'],
      [401, '{"message":"Unauthorized"}'],
      [403, '{"Message":"User is not authorized to access this resource with an explicit deny"}'],
      [500, '{"message":null}'],
    ]);
    expect(triggers).toEqual(["authorizer:Rest", "authorizer:Rest", "authorizer:Rest"]);
  });

  it("caches a decision by token for ReauthorizeEvery (300 s by default)", async () => {
    const { triggers } = await run([rest("allow"), { at: "10s", ...rest("allow") }, { at: "6m", ...rest("allow") }]);
    expect(triggers).toEqual(["authorizer:Rest", "http:Rest", "http:Rest", "authorizer:Rest", "http:Rest"]);
  });

  it("an event with Auth.Authorizer NONE is not authorised", async () => {
    const { http, triggers } = await run([rest(undefined, "/health")]);
    expect(http[0]!.statusCode).toBe(200);
    expect(triggers).toEqual(["http:Rest"]);
  });
});

describe("HTTP API Lambda authorizers with simple responses", () => {
  it("isAuthorized true passes context as requestContext.authorizer.lambda; false is 403 Forbidden; no header 401", async () => {
    const { http } = await run([
      { http: { api: "Http", path: "/orders", headers: { authorization: "allow" } } },
      { http: { api: "Http", path: "/orders", headers: { authorization: "deny" } } },
      { http: { api: "Http", path: "/orders" } },
    ]);
    expect(http.map((x) => x.statusCode)).toEqual([200, 403, 401]);
    expect(JSON.parse(http[0]!.body)).toEqual({ lambda: { user: "u-allow" } });
    expect(http[1]!.body).toBe('{"message":"Forbidden"}');
  });
});
