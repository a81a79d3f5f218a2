// Lambda + RDS (seed 004 "Lambda + RDS"): a client opened at init holds one database connection per
// execution environment, so concurrency exhausts max_connections (PostgreSQL: "sorry, too many
// clients already", SQLSTATE 53300); RDS Proxy pools connections (RDS UG rds-proxy-connections).
import { describe, expect, it } from "vitest";
import { createLambdaService } from "../../../service/service";
import { fn, template } from "../../../service/testing";
import { SdkHub } from "../../sdk/hub";
import { dataExtension } from "../index";

const code = `
  const { Client } = require("pg");
  const client = new Client({ host: process.env.DB_HOST });
  const ready = client.connect();
  exports.handler = async () => {
    await ready;
    await new Promise((r) => setTimeout(r, 100));
    const r = await client.query("SELECT 1");
    return r.command;
  };`;

async function run(host: unknown) {
  const hub = new SdkHub();
  using s = await createLambdaService({
    template: template({
      Db: { Type: "AWS::RDS::DBInstance", Properties: { Engine: "postgres", MaxConnections: 5 } },
      Proxy: { Type: "AWS::RDS::DBProxy", Properties: { DBInstance: "Db", MaxConnectionsPercent: 40 } },
      Api: fn(code, { Environment: { Variables: { DB_HOST: host } } }),
    }),
    extensions: [hub.extension, dataExtension(hub)],
  });
  const report = await s.run({ stimuli: [{ invoke: "Api", count: 8 }] });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the report's extension section is JSON, read by shape
  return { report, data: report.extensions?.data as Record<string, any> };
}

describe("RDS connections", () => {
  it("8 concurrent environments against max_connections 5: 3 fail at init with too many clients", async () => {
    const { report, data } = await run({ "Fn::GetAtt": ["Db", "Endpoint.Address"] });
    const statuses = report.invocations.map((i) => i.status);
    expect(statuses.filter((s) => s === "success")).toHaveLength(5);
    expect(statuses.filter((s) => s === "error")).toHaveLength(3);
    expect(report.invocations.find((i) => i.status === "error")?.errorMessage).toBe("sorry, too many clients already");
    expect(data.resources.Db).toMatchObject({ peakConnections: 5, refusedConnections: 3, openConnections: 5 });
  });

  it("through RDS Proxy all 8 succeed on a pool of 2 database connections (40% of 5)", async () => {
    const { report, data } = await run({ "Fn::GetAtt": ["Proxy", "Endpoint"] });
    expect(report.invocations.every((i) => i.status === "success")).toBe(true);
    expect(data.resources.Db.peakConnections).toBeLessThanOrEqual(2);
    expect(data.resources.Proxy).toMatchObject({ maxPoolConnections: 2, peakClientConnections: 8 });
  });

  it("mysql2/promise against a MySQL instance: the refused connection is ER_CON_COUNT_ERROR, Too many connections", async () => {
    const hub = new SdkHub();
    using s = await createLambdaService({
      template: template({
        Db: { Type: "AWS::RDS::DBInstance", Properties: { Engine: "mysql", MaxConnections: 1 } },
        Api: fn(
          `const mysql = require("mysql2/promise");
          const ready = mysql.createConnection({ host: process.env.DB_HOST });
          exports.handler = async () => {
            const conn = await ready.catch((e) => e);
            if (conn instanceof Error) return [conn.code, conn.errno, conn.message];
            await new Promise((r) => setTimeout(r, 100));
            const [rows] = await conn.query("SELECT 1");
            return rows;
          };`,
          { Environment: { Variables: { DB_HOST: { "Fn::GetAtt": ["Db", "Endpoint.Address"] } } } },
        ),
      }),
      extensions: [hub.extension, dataExtension(hub)],
    });
    const report = await s.run({ stimuli: [{ invoke: "Api", count: 2 }] });
    expect(report.invocations.map((i) => i.response)).toEqual([[], ["ER_CON_COUNT_ERROR", 1040, "Too many connections"]]);
  });
});
