// The `http` stimulus end to end through the real runtime: each front door builds its event
// (sandbox/events builders), routes to the function and turns its result into the response by
// its own rules (see responses.ts for the AWS pages).
import { describe, expect, it } from "vitest";
import { createLambdaService } from "../../service/service";
import { awsExtensions } from "../index";
import type { HttpExchange } from "./extension";

const code = `
exports.handler = async (event) => {
  const path = event.rawPath ?? event.path;
  if (path.endsWith("/boom")) throw new Error("boom");
  if (path.endsWith("/bad")) return { hello: "not a proxy response" };
  if (path.endsWith("/plain")) return { version: event.version ?? "alb", seen: event.pathParameters ?? null };
  return {
    statusCode: 200,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ kind: event.version ?? (event.requestContext && event.requestContext.elb ? "alb" : "1.0"), id: event.pathParameters && event.pathParameters.id, q: event.queryStringParameters, resource: event.resource, routeKey: event.routeKey }),
  };
};`;

const template = {
  Transform: "AWS::Serverless-2016-10-31",
  Resources: {
    Orders: {
      Type: "AWS::Serverless::Function",
      Properties: {
        Handler: "index.handler",
        Runtime: "nodejs22.x",
        InlineCode: code,
        FunctionUrlConfig: { AuthType: "NONE" },
        Events: {
          Get: { Type: "Api", Properties: { Path: "/orders/{id}", Method: "get" } },
          Any: { Type: "Api", Properties: { Path: "/{proxy+}", Method: "any" } },
          Http: { Type: "HttpApi", Properties: { Path: "/orders/{id}", Method: "GET" } },
          HttpDefault: { Type: "HttpApi" },
        },
      },
    },
    Lb: { Type: "AWS::ElasticLoadBalancingV2::LoadBalancer", Properties: { Subnets: ["subnet-1"] } },
    Tg: { Type: "AWS::ElasticLoadBalancingV2::TargetGroup", Properties: { TargetType: "lambda", Targets: [{ Id: { "Fn::GetAtt": ["Orders", "Arn"] } }] } },
    Listener: {
      Type: "AWS::ElasticLoadBalancingV2::Listener",
      Properties: { LoadBalancerArn: { Ref: "Lb" }, Port: 80, Protocol: "HTTP", DefaultActions: [{ Type: "fixed-response", FixedResponseConfig: { StatusCode: "404", ContentType: "text/plain", MessageBody: "no such page" } }] },
    },
    AlbInvoke: {
      Type: "AWS::Lambda::Permission",
      Properties: { Action: "lambda:InvokeFunction", FunctionName: { "Fn::GetAtt": ["Orders", "Arn"] }, Principal: "elasticloadbalancing.amazonaws.com", SourceArn: { Ref: "Tg" } },
    },
    Rule: {
      Type: "AWS::ElasticLoadBalancingV2::ListenerRule",
      Properties: { ListenerArn: { Ref: "Listener" }, Priority: 1, Conditions: [{ Field: "path-pattern", Values: ["/orders/*"] }], Actions: [{ Type: "forward", TargetGroupArn: { Ref: "Tg" } }] },
    },
  },
};

async function run(stimuli: unknown[]): Promise<HttpExchange[]> {
  using s = await createLambdaService({ template, extensions: awsExtensions() });
  const report = await s.run({ stimuli });
  expect(report.warnings).toEqual([]);
  return (report.extensions?.http as { http: HttpExchange[] }).http;
}

describe("the http stimulus", () => {
  it("REST API: routes /orders/{id} with payload 1.0 and returns the function's response", async () => {
    const [x] = await run([{ http: { api: "ServerlessRestApi", method: "GET", path: "/orders/42?status=open" } }]);
    expect(x).toMatchObject({ api: "ServerlessRestApi", kind: "rest", route: "GET /orders/{id}", function: "Orders", statusCode: 200 });
    expect(JSON.parse(x!.body)).toEqual({ kind: "1.0", id: "42", q: { status: "open" }, resource: "/orders/{id}" });
    expect(x!.end).toBeGreaterThan(x!.start);
  });

  it("REST API: a malformed result is 502 and a function error 502, a greedy proxy catches the rest", async () => {
    const xs = await run([
      { http: { api: "ServerlessRestApi", path: "/x/bad" } },
      { http: { api: "ServerlessRestApi", path: "/x/boom" } },
    ]);
    expect(xs.map((x) => [x.route, x.statusCode, x.body])).toEqual([
      ["ANY /{proxy+}", 502, '{"message":"Internal server error"}'],
      ["ANY /{proxy+}", 502, '{"message":"Internal server error"}'],
    ]);
    expect(xs[0]!.error).toBe("Execution failed due to configuration error: Malformed Lambda proxy response");
  });

  it("HTTP API: payload 2.0 with routeKey and the $default route; a plain object result becomes 200 JSON", async () => {
    const xs = await run([
      { http: { api: "ServerlessHttpApi", path: "/orders/7" } },
      { http: { api: "ServerlessHttpApi", method: "POST", path: "/anything/plain" } },
    ]);
    expect(JSON.parse(xs[0]!.body)).toMatchObject({ kind: "2.0", id: "7", routeKey: "GET /orders/{id}" });
    expect(xs[1]).toMatchObject({ route: "$default", statusCode: 200, headers: { "content-type": "application/json" } });
    expect(JSON.parse(xs[1]!.body)).toEqual({ version: "2.0", seen: null });
  });

  it("function URL: every path reaches the function with payload 2.0", async () => {
    const [x] = await run([{ http: { api: "OrdersUrl", path: "/orders/9" } }]);
    expect(x).toMatchObject({ kind: "url", statusCode: 200 });
    expect(JSON.parse(x!.body)).toMatchObject({ kind: "2.0", routeKey: "$default" });
  });

  it("ALB: a matching rule forwards to the Lambda target group; otherwise the default fixed response", async () => {
    const xs = await run([
      { http: { api: "Lb", path: "/orders/1" } },
      { http: { api: "Lb", path: "/elsewhere" } },
    ]);
    expect(xs[0]).toMatchObject({ kind: "alb", route: "Rule", statusCode: 200 });
    expect(JSON.parse(xs[0]!.body)).toMatchObject({ kind: "alb" });
    expect(xs[1]).toMatchObject({ route: "default", statusCode: 404, body: "no such page" });
  });

  it("a drive file naming an API that does not exist fails with the stimulus path", async () => {
    await expect(run([{ http: { api: "Nope", path: "/" } }])).rejects.toThrow(/stimuli\[0\]\.http\.api: no API "Nope" in the template \(APIs: ServerlessRestApi, ServerlessHttpApi, OrdersUrl, Lb\)/);
  });

  it("a Lambda target without a permission for elasticloadbalancing.amazonaws.com fails at deploy, as ELB refuses to register it", async () => {
    const { AlbInvoke: _omit, ...resources } = template.Resources;
    void _omit;
    await expect(createLambdaService({ template: { ...template, Resources: resources }, extensions: awsExtensions() })).rejects.toThrow(
      /^Tg\.Targets: elasticloadbalancing principal does not have permission to invoke arn:aws:lambda:us-east-1:123456789012:function:Orders from target group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup\/Tg\//,
    );
  });

  it("a path given with the stage (/Prod/orders/5) is routed as /orders/5", async () => {
    const [x] = await run([{ http: { api: "ServerlessRestApi", path: "/Prod/orders/5" } }]);
    expect(x).toMatchObject({ route: "GET /orders/{id}", statusCode: 200 });
  });
});

describe("the http stimulus against limits (Lambda DG services-apigateway-errors; APIGW DG limits)", () => {
  const slow = (props: Record<string, unknown>) => ({
    Transform: "AWS::Serverless-2016-10-31",
    Resources: {
      Slow: {
        Type: "AWS::Serverless::Function",
        Properties: {
          Handler: "index.handler",
          Runtime: "nodejs22.x",
          InlineCode: "exports.handler = async (e) => { await new Promise((r) => setTimeout(r, 40000)); return { statusCode: 200, body: 'late' }; };",
          Events: { Get: { Type: "Api", Properties: { Path: "/slow", Method: "get" } }, Http: { Type: "HttpApi", Properties: { Path: "/slow", Method: "get" } } },
          ...props,
        },
      },
    },
  });

  it("a REST API gives up after 29 seconds with 504 while the function runs on; an HTTP API after 30 s with 503", async () => {
    using s = await createLambdaService({ template: slow({ Timeout: 60 }), extensions: awsExtensions() });
    const report = await s.run({ stimuli: [{ http: { api: "ServerlessRestApi", path: "/slow" } }, { at: "2m", http: { api: "ServerlessHttpApi", path: "/slow" } }] });
    const [rest, http] = (report.extensions?.http as { http: HttpExchange[] }).http;
    expect(rest).toMatchObject({ statusCode: 504, body: '{"message":"Endpoint request timed out"}', start: 0, end: 29_000 });
    expect(http).toMatchObject({ statusCode: 503, body: '{"message":"Service Unavailable"}', end: 120_000 + 30_000 });
    expect(report.invocations.map((i) => i.status)).toEqual(["success", "success"]);
  });

  it("a throttled function is 500 from a REST API (Lambda refused the invoke), with the generic body", async () => {
    using s = await createLambdaService({ template: slow({ ReservedConcurrentExecutions: 0 }), extensions: awsExtensions() });
    const report = await s.run({ stimuli: [{ http: { api: "ServerlessRestApi", path: "/slow" } }] });
    const [x] = (report.extensions?.http as { http: HttpExchange[] }).http;
    expect(x).toMatchObject({ statusCode: 500, body: '{"message":"Internal server error"}' });
    expect(report.summary.throttles).toBe(1);
  });
});

describe("the http stimulus: auth, binary bodies, cookies, aliases", () => {
  const echo = (props: Record<string, unknown>, events?: Record<string, unknown>) => ({
    Transform: "AWS::Serverless-2016-10-31",
    Resources: {
      Echo: {
        Type: "AWS::Serverless::Function",
        Properties: {
          Handler: "index.handler",
          Runtime: "nodejs22.x",
          InlineCode: `exports.handler = async (e) => ({ statusCode: 200, cookies: ["seen=1; Path=/"], body: JSON.stringify({ body: e.body, b64: e.isBase64Encoded, cookies: e.cookies ?? null, version: process.env.AWS_LAMBDA_FUNCTION_VERSION }) });`,
          ...(events ? { Events: events } : {}),
          ...props,
        },
      },
    },
  });

  it("a function URL with AuthType AWS_IAM refuses unsigned requests with 403 before the function runs (Lambda DG urls-auth)", async () => {
    using s = await createLambdaService({ template: echo({ FunctionUrlConfig: { AuthType: "AWS_IAM" } }), extensions: awsExtensions() });
    const report = await s.run({ stimuli: [{ http: { path: "/" } }, { http: { path: "/", signed: true } }] });
    const xs = (report.extensions?.http as { http: HttpExchange[] }).http;
    expect(xs.map((x) => x.statusCode)).toEqual([403, 200]);
    expect(xs[0]!.body).toBe('{"Message":"Forbidden"}');
    expect(report.invocations).toHaveLength(1);
  });

  it("binary request bodies arrive base64 with isBase64Encoded; request cookies arrive in cookies[]; response cookies become set-cookie", async () => {
    using s = await createLambdaService({ template: echo({}, { Any: { Type: "HttpApi" } }), extensions: awsExtensions() });
    const report = await s.run({ stimuli: [{ http: { method: "POST", path: "/up", body: "hi", base64: true, headers: { cookie: "a=1; b=2" } } }] });
    const [x] = (report.extensions?.http as { http: HttpExchange[] }).http;
    expect(JSON.parse(x!.body)).toMatchObject({ body: "aGk=", b64: true, cookies: ["a=1", "b=2"] });
    expect(x!.multiValueHeaders).toEqual({ "set-cookie": ["seen=1; Path=/"] });
  });

  it("a function with AutoPublishAlias is invoked through its alias, as SAM wires its events", async () => {
    using s = await createLambdaService({ template: echo({ AutoPublishAlias: "live" }, { Any: { Type: "HttpApi" } }), extensions: awsExtensions() });
    const report = await s.run({ stimuli: [{ http: { path: "/" } }] });
    expect(report.invocations[0]).toMatchObject({ qualifier: "live", version: "1" });
  });
});

describe("what the routers do not simulate", () => {
  it("Cors and IAM authorization of an API are reported in the http section's warnings", async () => {
    const t = {
      Transform: "AWS::Serverless-2016-10-31",
      Resources: {
        Api: { Type: "AWS::Serverless::Api", Properties: { StageName: "v1", Cors: "'*'", Auth: { DefaultAuthorizer: "AWS_IAM" } } },
        F: { Type: "AWS::Serverless::Function", Properties: { Handler: "index.handler", Runtime: "nodejs22.x", InlineCode: "exports.handler = async () => ({ statusCode: 200, body: 'ok' })", Events: { Get: { Type: "Api", Properties: { RestApiId: { Ref: "Api" }, Path: "/", Method: "get" } } } } },
      },
    };
    using s = await createLambdaService({ template: t, extensions: awsExtensions() });
    const report = await s.run({ stimuli: [{ http: { api: "Api", path: "/v1/" } }] });
    const section = report.extensions?.http as { http: HttpExchange[]; warnings: { resource: string; property: string }[]; resources: Record<string, { url: string }> };
    expect(section.http[0]).toMatchObject({ statusCode: 200, body: "ok" });
    expect(section.warnings.map((w) => `${w.resource}.${w.property}`)).toEqual(["Api.Cors", "Api.Auth.DefaultAuthorizer"]);
    expect(section.resources.Api!.url).toMatch(/^https:\/\/[a-z0-9]{10}\.execute-api\.us-east-1\.amazonaws\.com\/v1$/);
  });
});

describe("CloudFormation function URLs (AWS::Lambda::Url)", () => {
  const cfn = (withPermission: boolean) => ({
    Transform: "AWS::Serverless-2016-10-31",
    Resources: {
      F: { Type: "AWS::Serverless::Function", Properties: { Handler: "index.handler", Runtime: "nodejs22.x", InlineCode: "exports.handler = async () => 'hi'" } },
      FUrl: { Type: "AWS::Lambda::Url", Properties: { TargetFunctionArn: { "Fn::GetAtt": ["F", "Arn"] }, AuthType: "NONE" } },
      ...(withPermission
        ? { Public: { Type: "AWS::Lambda::Permission", Properties: { Action: "lambda:InvokeFunctionUrl", FunctionName: { Ref: "F" }, Principal: "*", FunctionUrlAuthType: "NONE" } } }
        : {}),
    },
  });

  it("AuthType NONE is public only with a permission for lambda:InvokeFunctionUrl to * (Lambda DG urls-auth): 403 without it", async () => {
    for (const [withPermission, status] of [[true, 200], [false, 403]] as const) {
      using s = await createLambdaService({ template: cfn(withPermission), extensions: awsExtensions() });
      const report = await s.run({ stimuli: [{ http: { api: "FUrl", path: "/" } }] });
      const [x] = (report.extensions?.http as { http: HttpExchange[] }).http;
      expect(x!.statusCode).toBe(status);
      if (status === 200) expect(x!.body).toBe("hi");
      expect(report.warnings).toEqual([]);
    }
  });
});

