/**
 * The guest `pg` module's host side: connections to the template's databases and proxies, counted
 * against `max_connections` (see database.ts). The host call for anything else goes to the hub:
 * this extension's hostCall replaces the hub's for functions of a template with a database.
 */
import type { ServiceHost } from "../../../service/service";
import type { EnvironmentOptions, HostCallInfo } from "../../../runtime/types";
import { hostReply } from "../../../runtime/types";
import type { TemplateFunction } from "../../../service/template";
import type { SdkHub } from "../../sdk/hub";
import { type Database, DatabaseError, MYSQL2_GUEST_SOURCE, PG_GUEST_SOURCE, type Proxy, QUERY_MS } from "./database";

type Props = Record<string, unknown>;

export class RdsConnections {
  private readonly clients = new Map<number, { db?: Database; proxy?: Proxy; connection?: number }>();
  private counter = 0;

  constructor(
    private readonly hub: SdkHub,
    private readonly databases: Map<string, Database>,
    private readonly proxies: Map<string, Proxy>,
    private readonly host: () => ServiceHost,
  ) {}

  /**
   * The `pg` module and its host calls, when the template has a database. The host call for
   * everything else goes to the hub (this extension's hostCall replaces the hub's for the function).
   */
  environmentOptions(fn: TemplateFunction, host: ServiceHost): Pick<EnvironmentOptions, "builtinModules" | "hostCall"> {
    // Read from the template: provisioned environments are created before attach().
    if (!host.template.other.some((r) => r.type === "AWS::RDS::DBInstance")) return {};
    const hubCall = this.hub.hostCallFor(fn);
    return {
      builtinModules: { pg: PG_GUEST_SOURCE, "mysql2/promise": MYSQL2_GUEST_SOURCE },
      hostCall: (name: string, payload: unknown, info: HostCallInfo) => (name === "lab.rds" ? Promise.resolve(this.call(fn, payload as Props, info)) : hubCall(name, payload, info)),
    };
  }

  private call(fn: TemplateFunction, p: Props, info: HostCallInfo): unknown {
    const host = this.host();
    const time = host.clock.now() + (info.elapsedMs ?? 0);
    const error = (e: DatabaseError) => Object.assign(new Error(e.message), { name: "error", code: e.code, latencyMs: 2 });
    if (p.op === "connect") {
      const endpoint = String(p.host ?? "");
      const db = [...this.databases.values()].find((d) => d.endpoint === endpoint);
      const proxy = [...this.proxies.values()].find((x) => x.endpoint === endpoint);
      if (!db && !proxy) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${endpoint || "undefined"}`), { code: "ENOTFOUND" });
      const id = ++this.counter;
      if (proxy) {
        proxy.connectClient();
        this.clients.set(id, { proxy });
        this.hub.edge(fn.logicalId, proxy.logicalId, "rds:connect");
      } else {
        try {
          const c = db!.open(fn.logicalId, time);
          this.clients.set(id, { db: db!, connection: c.id });
          this.hub.edge(fn.logicalId, db!.logicalId, "rds:connect");
        } catch (e) {
          if (e instanceof DatabaseError) throw error(e);
          throw e;
        }
      }
      // A TLS + auth handshake: a few round trips.
      return hostReply({ id }, 15);
    }
    const client = this.clients.get(Number(p.id));
    if (!client) throw new Error("Client was not connected");
    if (p.op === "query") {
      let latency = QUERY_MS;
      if (client.proxy) {
        try {
          latency = client.proxy.query(fn.logicalId, time);
        } catch (e) {
          if (e instanceof DatabaseError) throw error(e);
          throw e;
        }
      } else client.db!.queries++;
      const command = String(p.text ?? "").trim().split(/\s+/)[0]?.toUpperCase() ?? "";
      return hostReply({ command, rowCount: 0, rows: [], fields: [] }, latency);
    }
    if (p.op === "end") {
      if (client.proxy) client.proxy.closeClient();
      else if (client.connection !== undefined) client.db!.close(client.connection);
      this.clients.delete(Number(p.id));
      return hostReply(null, 1);
    }
    throw new Error(`unknown rds operation ${String(p.op)}`);
  }
}
