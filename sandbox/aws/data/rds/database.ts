/**
 * A relational database with a connection limit, and RDS Proxy in front of it: the classic
 * "Lambda + RDS" failure (seed 004 "Lambda + RDS"). Each execution environment that opens a client
 * at init holds one database connection for as long as the environment lives — and past that: a
 * reclaimed environment never calls `end()`, so its connection stays open until the server drops it.
 * As concurrency grows the database refuses new clients the way PostgreSQL does
 * (`FATAL: sorry, too many clients already`, SQLSTATE 53300). RDS Proxy accepts the clients and
 * lends each query one of a bounded pool of database connections (MaxConnectionsPercent of the
 * database's limit), queueing when all are lent (RDS UG rds-proxy-connections).
 *
 * Kept small: queries are not parsed or run (a query takes a fixed virtual time and returns no
 * rows); connections are not pinned; the server's idle timeout is not simulated.
 */
import { TemplateError } from "../../../service/errors";

/** PostgreSQL's default max_connections; RDS derives it from instance memory (RDS UG "Maximum number of database connections"). */
export const DEFAULT_MAX_CONNECTIONS = 100;
/** Virtual time a query takes on the database. */
export const QUERY_MS = 5;
/** RDS Proxy waits this long for a free connection before failing the borrow (ConnectionBorrowTimeout default 120 s). */
export const BORROW_TIMEOUT_MS = 120_000;

export class DatabaseError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = "error";
  }
}

export interface Connection {
  id: number;
  /** Logical id of the function whose environment opened it. */
  function: string;
  openedAt: number;
  via?: string;
}

export class Database {
  readonly connections = new Map<number, Connection>();
  peak = 0;
  refused = 0;
  queries = 0;
  opened = 0;
  constructor(
    readonly logicalId: string,
    readonly endpoint: string,
    readonly maxConnections: number,
    readonly engine: "postgres" | "mysql" = "postgres",
  ) {}

  /** Opens one server connection, or refuses it when max_connections are in use. */
  open(fn: string, time: number, via?: string): Connection {
    // PostgreSQL keeps a few slots for superusers; the simulator lets every slot go to clients.
    if (this.connections.size >= this.maxConnections) {
      this.refused++;
      // PostgreSQL: FATAL 53300; MySQL: ER_CON_COUNT_ERROR (errno 1040).
      if (this.engine === "mysql") throw new DatabaseError("Too many connections", "ER_CON_COUNT_ERROR");
      throw new DatabaseError("sorry, too many clients already", "53300");
    }
    const c: Connection = { id: ++this.opened, function: fn, openedAt: time, ...(via && { via }) };
    this.connections.set(c.id, c);
    this.peak = Math.max(this.peak, this.connections.size);
    return c;
  }

  close(id: number): void {
    this.connections.delete(id);
  }
}

/**
 * RDS Proxy: clients connect to the proxy (cheap, no database connection yet); each query borrows a
 * pooled database connection for its duration. The pool holds at most MaxConnectionsPercent of
 * the database's max_connections (default 100).
 */
export class Proxy {
  /** End times (virtual ms) of the borrows in progress, one per lent connection. */
  private lent: number[] = [];
  clientConnections = 0;
  peakClients = 0;
  peakBorrowed = 0;
  waits = 0;
  borrowTimeouts = 0;
  private pool: Connection[] = [];
  constructor(
    readonly logicalId: string,
    readonly endpoint: string,
    readonly db: Database,
    readonly maxPool: number,
  ) {}

  connectClient(): void {
    this.clientConnections++;
    this.peakClients = Math.max(this.peakClients, this.clientConnections);
  }

  closeClient(): void {
    this.clientConnections = Math.max(0, this.clientConnections - 1);
  }

  /** Borrows a connection at `time` for `QUERY_MS`; returns the query's latency including any wait. */
  query(fn: string, time: number): number {
    this.lent = this.lent.filter((end) => end > time);
    let start = time;
    if (this.lent.length >= this.maxPool) {
      // All pooled connections are lent: wait for the first to come back.
      const sorted = [...this.lent].sort((a, b) => a - b);
      start = sorted[this.lent.length - this.maxPool]!;
      this.waits++;
      if (start - time > BORROW_TIMEOUT_MS) {
        this.borrowTimeouts++;
        throw new DatabaseError("Timed-out waiting to acquire database connection", "08006");
      }
    }
    // Grow the pool lazily up to its maximum; connections stay open in the pool (the proxy reuses them).
    if (this.pool.length < Math.min(this.maxPool, this.lent.length + 1)) this.pool.push(this.db.open(fn, time, this.logicalId));
    this.lent.push(start + QUERY_MS);
    this.peakBorrowed = Math.max(this.peakBorrowed, this.lent.filter((end) => end > start).length);
    this.db.queries++;
    return start - time + QUERY_MS;
  }
}

type Props = Record<string, unknown>;

export function databaseEndpoint(logicalId: string, props: Props): string {
  const id = (typeof props.DBInstanceIdentifier === "string" ? props.DBInstanceIdentifier : logicalId).toLowerCase();
  return `${id}.c0abcdefghij.us-east-1.rds.amazonaws.com`;
}

/** The engine family: MySQL/MariaDB/Aurora MySQL, or PostgreSQL (the default). */
export function engineOf(props: Props): "postgres" | "mysql" {
  return /mysql|mariadb/i.test(String(props.Engine ?? "")) ? "mysql" : "postgres";
}

export function proxyEndpoint(logicalId: string, props: Props): string {
  const id = (typeof props.DBProxyName === "string" ? props.DBProxyName : logicalId).toLowerCase();
  return `${id}.proxy-c0abcdefghij.us-east-1.rds.amazonaws.com`;
}

/**
 * `max_connections`: from the DB parameter group when the template sets it (here simply
 * `MaxConnections` on the instance, a simulator shortcut), else PostgreSQL's default 100.
 */
export function maxConnectionsOf(logicalId: string, props: Props): number {
  const v = props.MaxConnections ?? (props as { DBParameters?: Props }).DBParameters?.max_connections;
  if (v === undefined) return DEFAULT_MAX_CONNECTIONS;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 262_143) throw new TemplateError(`max_connections must be an integer from 1 to 262143 (got ${JSON.stringify(v)})`, { resource: logicalId, property: "MaxConnections" });
  return n;
}

/** Reads the proxy's target (a Ref to the DBInstance) and MaxConnectionsPercent (RDS UG rds-proxy-connections). */
export function proxyTarget(logicalId: string, props: Props): { target: string; maxConnectionsPercent: number } {
  const target = props.DBInstance ?? props.TargetDBInstance;
  if (typeof target !== "string") throw new TemplateError("the proxy needs its database: DBInstance: !Ref MyDatabase (a simulator shortcut for AWS::RDS::DBProxyTargetGroup)", { resource: logicalId, property: "DBInstance" });
  const pct = props.MaxConnectionsPercent === undefined ? 100 : Number(props.MaxConnectionsPercent);
  if (!Number.isInteger(pct) || pct < 1 || pct > 100) throw new TemplateError("MaxConnectionsPercent must be from 1 to 100", { resource: logicalId, property: "MaxConnectionsPercent" });
  return { target, maxConnectionsPercent: pct };
}

/**
 * The guest `mysql2/promise` module: `createConnection({ host })` → `query()` / `execute()` →
 * `[rows, fields]`, `end()`; `createPool()` with one connection (mysql2's promise API, minimal).
 */
export const MYSQL2_GUEST_SOURCE = String.raw`'use strict';
function fail(e) {
  var err = new Error(e.message);
  if (e.code) err.code = e.code;
  if (e.code === 'ER_CON_COUNT_ERROR') { err.errno = 1040; err.sqlState = '08004'; }
  throw err;
}
function Connection(id) { this.id = id; this._ended = false; }
Connection.prototype.query = function (sql) {
  if (this._ended) return Promise.reject(new Error("Can't add new command when connection is in closed state"));
  return __host.call('lab.rds', { op: 'query', id: this.id, text: String(typeof sql === 'object' && sql ? sql.sql : sql) })
    .then(function (r) { return [r.rows, r.fields]; }, fail);
};
Connection.prototype.execute = Connection.prototype.query;
Connection.prototype.end = function () {
  var self = this;
  if (this._ended) return Promise.resolve();
  return __host.call('lab.rds', { op: 'end', id: this.id }).then(function () { self._ended = true; });
};
function createConnection(config) {
  config = typeof config === 'string' ? { uri: config } : (config || {});
  var host = config.host || (config.uri && /@([^:/]+)/.exec(config.uri) || [])[1];
  return __host.call('lab.rds', { op: 'connect', host: host }).then(function (r) { return new Connection(r.id); }, fail);
}
function createPool(config) {
  var conn = null;
  var get = function () { return conn || (conn = createConnection(config)); };
  return {
    query: function (sql) { return get().then(function (c) { return c.query(sql); }); },
    execute: function (sql) { return get().then(function (c) { return c.execute(sql); }); },
    end: function () { return conn ? conn.then(function (c) { return c.end(); }) : Promise.resolve(); },
  };
}
exports.createConnection = createConnection;
exports.createPool = createPool;
`;

/** The guest `pg` module: `new Client({ host }).connect()`, `query(text)`, `end()` (node-postgres' API, minimal). */
export const PG_GUEST_SOURCE = String.raw`'use strict';
function Client(config) {
  if (!(this instanceof Client)) throw new TypeError("Class constructor Client cannot be invoked without 'new'");
  config = typeof config === 'string' ? { connectionString: config } : (config || {});
  var host = config.host || (config.connectionString && /@([^:/]+)/.exec(config.connectionString) || [])[1] || process.env.PGHOST;
  this.host = host;
  this.id = undefined;
  this._ended = false;
}
function fail(e) {
  var err = new Error(e.message);
  err.name = 'error';
  if (e.code) err.code = e.code;
  err.severity = 'FATAL';
  throw err;
}
Client.prototype.connect = function (cb) {
  var self = this;
  if (this.id !== undefined) return Promise.reject(new Error('Client has already been connected. You cannot reuse a client.'));
  var p = __host.call('lab.rds', { op: 'connect', host: this.host }).then(function (r) { self.id = r.id; }, fail);
  if (cb) { p.then(function () { cb(null); }, cb); return undefined; }
  return p;
};
Client.prototype.query = function (text, values, cb) {
  if (typeof values === 'function') { cb = values; values = undefined; }
  if (typeof text === 'object' && text) text = text.text;
  var p = this.id === undefined || this._ended
    ? Promise.reject(new Error(this._ended ? 'Client was closed and is not queryable' : 'Client was not connected'))
    : __host.call('lab.rds', { op: 'query', id: this.id, text: String(text) }).catch(fail);
  if (cb) { p.then(function (r) { cb(null, r); }, cb); return undefined; }
  return p;
};
Client.prototype.end = function (cb) {
  var self = this;
  var p = this.id === undefined || this._ended ? Promise.resolve() : __host.call('lab.rds', { op: 'end', id: this.id }).then(function () { self._ended = true; });
  if (cb) { p.then(function () { cb(null); }, cb); return undefined; }
  return p;
};
function Pool(config) { this.config = config || {}; this._client = null; }
Pool.prototype.query = function (text, values) {
  var self = this;
  var ready = this._client ? Promise.resolve() : (this._client = new Client(this.config)).connect();
  return ready.then(function () { return self._client.query(text, values); });
};
Pool.prototype.end = function () { return this._client ? this._client.end() : Promise.resolve(); };
exports.Client = Client;
exports.Pool = Pool;
exports.default = { Client: Client, Pool: Pool };
`;
