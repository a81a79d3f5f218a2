/**
 * Which route (and function) serves a request.
 *
 * - REST APIs pick the most specific resource: a literal segment beats a `{param}`, which beats a
 *   greedy `{proxy+}`; a method beats `ANY` on the same resource. A path no resource serves — or a
 *   method the resource lacks — is answered `403 {"message":"Missing Authentication Token"}`
 *   (APIGW DG api-gateway-set-up-simple-proxy "proxy resource"; the 403 is API Gateway's answer for
 *   an unknown resource or method).
 * - HTTP APIs use the most specific route in the same order, then `$default`; with no match,
 *   `404 {"message":"Not Found"}` (APIGW DG http-api-develop-routes, "Routing API requests").
 * - ALB listener rules are evaluated in priority order, lowest first; the first whose conditions
 *   all hold acts, else the listener's default action (ELB DG listener-update-rules;
 *   path patterns are case-sensitive and take `*` and `?`: ELB DG rule-condition-types).
 */
import type { AlbAction, AlbRule, HttpRoute } from "./apis";

export interface RouteMatch {
  route: HttpRoute;
  pathParameters: Record<string, string> | null;
}

/** Segment kinds, most specific first: literal 3, `{param}` 2, greedy `{proxy+}` 1. */
function score(template: string, path: string): { score: number[]; params: Record<string, string> } | undefined {
  const t = template.split("/").slice(1);
  const p = path.split("/").slice(1);
  const params: Record<string, string> = {};
  const out: number[] = [];
  for (let i = 0; i < t.length; i++) {
    const seg = t[i] as string;
    const greedy = /^\{([^}]+)\+\}$/.exec(seg);
    if (greedy) {
      const rest = p.slice(i).join("/");
      if (rest === "") return undefined; // {proxy+} needs at least one segment
      params[greedy[1] as string] = safeDecode(rest);
      out.push(1);
      return { score: out, params };
    }
    const value = p[i];
    if (value === undefined) return undefined;
    const param = /^\{([^}]+)\}$/.exec(seg);
    if (param) {
      if (value === "") return undefined;
      params[param[1] as string] = safeDecode(value);
      out.push(2);
    } else if (seg === value) out.push(3);
    else return undefined;
  }
  if (p.length !== t.length) return undefined;
  return { score: out, params };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function better(a: number[], b: number[]): boolean {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? -1;
    const y = b[i] ?? -1;
    if (x !== y) return x > y;
  }
  return false;
}

/** The most specific route for a method and path, ignoring `$default`. */
export function matchRoute(routes: readonly HttpRoute[], method: string, path: string): RouteMatch | undefined {
  let best: { m: RouteMatch; s: number[] } | undefined;
  const normalised = path === "" ? "/" : path;
  for (const route of routes) {
    if (route.path === "$default") continue;
    if (route.method !== "ANY" && route.method !== method) continue;
    const r = route.path === "/" ? (normalised === "/" ? { score: [4], params: {} } : undefined) : score(route.path, normalised);
    if (!r) continue;
    // A route for the method beats ANY on the same path.
    const s = [...r.score, route.method === "ANY" ? 0 : 1];
    if (!best || better(s, best.s)) best = { m: { route, pathParameters: Object.keys(r.params).length ? r.params : null }, s };
  }
  return best?.m;
}

/** HTTP API: the most specific route, else `$default`. */
export function matchHttpApi(routes: readonly HttpRoute[], method: string, path: string): RouteMatch | undefined {
  return matchRoute(routes, method, path) ?? (() => {
    const d = routes.find((r) => r.path === "$default");
    return d ? { route: d, pathParameters: null } : undefined;
  })();
}

const patternCache = new Map<string, RegExp>();

/** ALB path pattern: case-sensitive, `*` any characters, `?` one character. */
export function albPathMatches(pattern: string, path: string): boolean {
  let re = patternCache.get(pattern);
  if (!re) {
    re = new RegExp("^" + pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".") + "$", "s");
    patternCache.set(pattern, re);
  }
  return re.test(path);
}

/** The action an ALB listener takes for a request: the first matching rule by priority, else the default. */
export function albAction(rules: readonly AlbRule[], defaultAction: AlbAction, method: string, path: string): { action: AlbAction; rule?: string } {
  for (const r of rules) {
    if (r.pathPatterns && !r.pathPatterns.some((p) => albPathMatches(p, path))) continue;
    if (r.methods && !r.methods.includes(method)) continue;
    return { action: r.action, rule: r.logicalId };
  }
  return { action: defaultAction };
}
