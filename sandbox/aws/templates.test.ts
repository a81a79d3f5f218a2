// content/templates/api-dynamodb end to end through the CLI (`lambda-lab simulate <template>
// --drive <drive> --json`): API Gateway REST → Lambda → DynamoDB, with IAM on the SDK calls.
import { describe, expect, it } from "vitest";
import { runTemplateCli } from "./testing";
import type { RunReport } from "../service/types";
import type { HttpExchange } from "./http/extension";

function simulateTemplate(name: string, json: boolean): Promise<string> {
  return runTemplateCli(name, { json });
}

describe("content/templates/api-dynamodb through the CLI", () => {
  it("answers each request as API Gateway would: 201, 409, 200, 404, 403 for an unknown path, 502 for an IAM denial, 400", async () => {
    const report = JSON.parse(await simulateTemplate("api-dynamodb", true)) as RunReport;
    expect(report.warnings).toEqual([]);
    const http = (report.extensions?.http as { http: HttpExchange[] }).http;
    expect(http.map((x) => [x.method, x.path, x.statusCode])).toEqual([
      ["POST", "/orders", 201],
      ["POST", "/orders", 409],
      ["GET", "/orders/A-1", 200],
      ["GET", "/orders/B-2", 404],
      ["GET", "/customers", 403],
      ["DELETE", "/orders/A-1", 502],
      ["POST", "/orders", 400],
    ]);
    expect(JSON.parse(http[2]!.body)).toEqual({ id: "A-1", total: 42, status: "NEW" });
    expect(http[4]!.body).toBe('{"message":"Missing Authentication Token"}');
    // The DELETE reached the function; its role could not delete, so the function failed.
    const denied = report.invocations.find((i) => i.errorType === "AccessDeniedException");
    expect(denied?.errorMessage).toBe(
      "User: arn:aws:sts::123456789012:assumed-role/OrdersRole/Orders is not authorized to perform: dynamodb:DeleteItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/lab-api-orders because no identity-based policy allows the dynamodb:DeleteItem action",
    );
    const aws = report.extensions?.aws as { accessDenied: unknown[]; edges: unknown[] };
    expect(aws.accessDenied).toHaveLength(1);
    expect(aws.edges).toEqual(expect.arrayContaining([{ from: "ServerlessRestApi", to: "CreateOrder", kind: "http:rest" }, { from: "CreateOrder", to: "OrdersTable", kind: "sdk:dynamodb:PutItem" }]));
    const table = (report.extensions?.data as { resources: Record<string, { items: unknown[] }> }).resources.OrdersTable;
    expect(table?.items).toEqual([{ id: "A-1", total: 42, status: "NEW" }]);
  });

  it("prints the HTTP responses in the summary", async () => {
    const out = await simulateTemplate("api-dynamodb", false);
    expect(out).toContain("HTTP: 7 request(s)");
    expect(out).toMatch(/GET \/customers {2}→ 403 {2}\{"message":"Missing Authentication Token"\}/);
  });
});

describe("content/templates/lambda-chaining through the CLI", () => {
  it("the orchestrator pays for its callees' time: parallel calls take the longest callee, sequential ones the sum", async () => {
    const report = JSON.parse(await simulateTemplate("lambda-chaining", true)) as RunReport;
    expect(report.warnings).toEqual([]);
    const http = (report.extensions?.http as { http: HttpExchange[] }).http;
    expect(http.map((x) => [x.path, x.statusCode])).toEqual([
      ["/profile/u-1", 200],
      ["/profile/u-2", 200],
      ["/profile/u-1", 200],
      ["/profile-sequential/u-1", 200],
    ]);
    // u-2's recommendations failed: Invoke answered with FunctionError, the orchestrator degraded.
    expect(JSON.parse(http[1]!.body)).toMatchObject({ user: { id: "u-2" }, recommendations: [] });
    const profile = report.invocations.filter((i) => i.function === "Profile");
    const callee = (name: string) => report.invocations.find((i) => i.function === name && !i.coldStart)!.duration;
    const [, , parallel, sequential] = profile.map((p) => p.duration);
    expect(parallel).toBeGreaterThanOrEqual(callee("Orders"));
    expect(parallel).toBeLessThan(callee("Orders") + callee("Users"));
    expect(sequential).toBeGreaterThanOrEqual(callee("Users") + callee("Orders") + callee("Recommendations"));
    // Callees show who called them; the audit ran as an Event invocation.
    expect(new Set(report.invocations.filter((i) => i.function !== "Profile").map((i) => i.trigger))).toEqual(new Set(["sdk:Profile"]));
    expect(report.invocations.filter((i) => i.function === "Audit").map((i) => i.invocationType)).toEqual(["Event", "Event", "Event", "Event"]);
    const aws = report.extensions?.aws as { edges: unknown[] };
    expect(aws.edges).toEqual(expect.arrayContaining([{ from: "Profile", to: "Users", kind: "invoke:RequestResponse" }, { from: "Profile", to: "Audit", kind: "invoke:Event" }]));
  });
});

