// Route selection: API Gateway's "most specific route" (APIGW DG http-api-develop-routes, "Routing
// API requests"; REST proxy resources: api-gateway-set-up-simple-proxy) and ALB listener rules by
// priority with case-sensitive path patterns (ELB DG listener-update-rules, rule-condition-types).
import { describe, expect, it } from "vitest";
import type { HttpRoute } from "./apis";
import { albAction, albPathMatches, matchHttpApi, matchRoute } from "./routing";

const r = (method: string, path: string, fn = `${method} ${path}`): HttpRoute => ({ method, path, function: fn, payloadFormat: "2.0" });

describe("API Gateway route matching", () => {
  const routes = [r("GET", "/pets"), r("GET", "/pets/{id}"), r("GET", "/pets/dog/1"), r("ANY", "/{proxy+}"), r("ANY", "/pets/{id}"), r("POST", "/pets")];

  it("an exact path beats a path variable, which beats a greedy variable", () => {
    expect(matchRoute(routes, "GET", "/pets/dog/1")?.route.function).toBe("GET /pets/dog/1");
    expect(matchRoute(routes, "GET", "/pets/7")).toEqual({ route: routes[1], pathParameters: { id: "7" } });
    expect(matchRoute(routes, "GET", "/pets/7/toys")).toEqual({ route: routes[3], pathParameters: { proxy: "pets/7/toys" } });
  });

  it("a route for the method beats ANY on the same path", () => {
    expect(matchRoute(routes, "GET", "/pets/7")?.route.function).toBe("GET /pets/{id}");
    expect(matchRoute(routes, "DELETE", "/pets/7")?.route.function).toBe("ANY /pets/{id}");
  });

  it("path parameters are URL-decoded and {param} takes exactly one segment", () => {
    expect(matchRoute([r("GET", "/files/{name}")], "GET", "/files/a%20b")?.pathParameters).toEqual({ name: "a b" });
    expect(matchRoute([r("GET", "/files/{name}")], "GET", "/files/a/b")).toBeUndefined();
  });

  it("a greedy {proxy+} needs at least one segment", () => {
    expect(matchRoute([r("ANY", "/api/{proxy+}")], "GET", "/api")).toBeUndefined();
    expect(matchRoute([r("ANY", "/api/{proxy+}")], "GET", "/api/x")?.pathParameters).toEqual({ proxy: "x" });
  });

  it("HTTP APIs fall back to the $default route; without one nothing matches", () => {
    const withDefault = [r("GET", "/a"), { ...r("ANY", "$default"), function: "fallback" }];
    expect(matchHttpApi(withDefault, "GET", "/b")?.route.function).toBe("fallback");
    expect(matchHttpApi(withDefault, "GET", "/a")?.route.function).toBe("GET /a");
    expect(matchHttpApi([r("GET", "/a")], "GET", "/b")).toBeUndefined();
  });

  it("the root path matches only /", () => {
    expect(matchRoute([r("GET", "/")], "GET", "/")?.route.path).toBe("/");
    expect(matchRoute([r("GET", "/")], "GET", "/x")).toBeUndefined();
  });
});

describe("ALB listener rules", () => {
  it("path patterns are case-sensitive with * and ?", () => {
    expect(albPathMatches("/img/*", "/img/a/b.png")).toBe(true);
    expect(albPathMatches("/img/*", "/IMG/a.png")).toBe(false);
    expect(albPathMatches("/v?/x", "/v2/x")).toBe(true);
  });

  it("rules are evaluated lowest priority first; the default action applies when none matches", () => {
    const rules = [
      { logicalId: "Api", priority: 10, pathPatterns: ["/api/*"], action: { type: "forward" as const, targetGroup: "ApiTg" } },
      { logicalId: "Posts", priority: 5, pathPatterns: ["/api/posts*"], methods: ["POST"], action: { type: "forward" as const, targetGroup: "PostTg" } },
    ].sort((a, b) => a.priority - b.priority);
    const def = { type: "fixed-response" as const, statusCode: 404, body: "nope" };
    expect(albAction(rules, def, "POST", "/api/posts")).toMatchObject({ rule: "Posts" });
    expect(albAction(rules, def, "GET", "/api/posts")).toMatchObject({ rule: "Api" });
    expect(albAction(rules, def, "GET", "/other")).toEqual({ action: def });
  });
});
