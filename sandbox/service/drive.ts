/**
 * The drive file: what happens during a run, at which virtual times (issue 4, "The stimuli
 * format"). YAML or JSON; documented with examples in sandbox/service/README.md. Every mistake is
 * a {@link DriveError} naming the entry (`stimuli[2].count`).
 */
import { parseDuration } from "./duration";
import { DriveError } from "./errors";
import type { InvocationType } from "./types";
import { loadYaml, YamlSyntaxError } from "./yaml";

/** Sync request limit: 6 MB (6,291,456 bytes); async: 1 MB (API Invoke: "For asynchronous invocations, the maximum payload size is 1 MB"). */
export const MAX_SYNC_REQUEST_BYTES = 6_291_456;
export const MAX_ASYNC_REQUEST_BYTES = 1_048_576;
/** A run covers at most a week of virtual time (async events live 6 hours at most). */
export const MAX_RUN_MS = 7 * 24 * 3_600_000;
/** Repeats of one stimulus. */
export const MAX_COUNT = 10_000_000;

export interface InvokeStimulus {
  kind: "invoke";
  index: number;
  at: number;
  count: number;
  every: number;
  /** "Function", "Function:alias" or "Function:3". */
  target: string;
  type: InvocationType;
  payload: unknown;
}

export interface UpdateStimulus {
  kind: "update";
  index: number;
  at: number;
  count: 1;
  every: 0;
  function: string;
  /** New source of the handler's file. */
  code?: string;
  /** New files (replace all). */
  files?: Record<string, string>;
  handler?: string;
  memorySize?: number;
  timeout?: number;
  environment?: Record<string, string>;
  publish: boolean;
}

export interface AliasStimulus {
  kind: "alias";
  index: number;
  at: number;
  count: 1;
  every: 0;
  function: string;
  name: string;
  version: string;
  weights: Record<string, number>;
}

/** A stimulus kind handled by a service extension (issue 5: http, sqs, s3, …). */
export interface ExtensionStimulus {
  kind: string;
  index: number;
  at: number;
  count: number;
  every: number;
  spec: unknown;
}

export type Stimulus = InvokeStimulus | UpdateStimulus | AliasStimulus | ExtensionStimulus;

export interface Drive {
  duration?: number;
  account?: { concurrency?: number };
  seed?: number | string;
  stimuli: Stimulus[];
}

export interface DriveOptions {
  /** Reads `payloadFile` (the CLI reads the disk relative to the drive file; the browser its files). */
  readFile?: (path: string) => string;
  /** Extra stimulus kinds that extensions handle. */
  extensionKinds?: readonly string[];
  fileName?: string;
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === "object" && x !== null && !Array.isArray(x);

const CORE_KINDS = ["invoke", "update", "alias"] as const;
const COMMON_KEYS = ["at", "count", "every"];

function utf8Bytes(s: string): number {
  return new TextEncoder().encode(s).length;
}

/**
 * Parse a drive file (YAML or JSON text, or parsed data).
 *
 * @example
 * const drive = parseDrive(`
 * stimuli:
 *   - invoke: Hello
 *     count: 3
 *     every: 1s
 * `);
 * drive.stimuli[0].count; // 3
 */
export function parseDrive(source: string | object, options: DriveOptions = {}): Drive {
  let raw: unknown;
  if (typeof source === "string") {
    try {
      raw = loadYaml(source, options.fileName ?? "drive");
    } catch (error) {
      if (error instanceof YamlSyntaxError) throw new DriveError("", `malformed YAML: ${error.message}`);
      throw error;
    }
  } else raw = source;
  if (Array.isArray(raw)) raw = { stimuli: raw };
  if (!isObj(raw)) throw new DriveError("", "a drive file is a mapping with a stimuli list");
  for (const k of Object.keys(raw)) {
    if (!["duration", "account", "stimuli", "seed"].includes(k)) throw new DriveError(k, "unknown key (expected duration, account, seed, stimuli)");
  }
  const drive: Drive = { stimuli: [] };
  if (raw.duration !== undefined) drive.duration = duration("duration", raw.duration, MAX_RUN_MS);
  if (raw.seed !== undefined) {
    if (typeof raw.seed !== "number" && typeof raw.seed !== "string") throw new DriveError("seed", "must be a number or a string");
    drive.seed = raw.seed;
  }
  if (raw.account !== undefined) {
    if (!isObj(raw.account)) throw new DriveError("account", "must be a mapping like { concurrency: 1000 }");
    for (const k of Object.keys(raw.account)) if (k !== "concurrency") throw new DriveError(`account.${k}`, "unknown account setting (expected concurrency)");
    if (raw.account.concurrency !== undefined) drive.account = { concurrency: accountConcurrency("account.concurrency", raw.account.concurrency) };
  }
  if (!Array.isArray(raw.stimuli)) throw new DriveError("stimuli", "must be a list");
  const kinds = new Set<string>([...CORE_KINDS, ...(options.extensionKinds ?? [])]);
  raw.stimuli.forEach((s, index) => drive.stimuli.push(stimulus(s, index, kinds, options)));
  return drive;
}

/** Account concurrency: 1 to 100,000 (Lambda's default is 1,000; new accounts may start lower). */
export function accountConcurrency(path: string, v: unknown): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 1 || v > 100_000) throw new DriveError(path, `must be a whole number from 1 to 100,000 (got ${JSON.stringify(v)})`);
  return v;
}

function duration(path: string, v: unknown, max: number): number {
  const ms = parseDuration(v);
  if (ms === undefined) throw new DriveError(path, `must be milliseconds or a duration like "500ms", "10s", "2m", "1h" (got ${JSON.stringify(v)})`);
  if (ms > max) throw new DriveError(path, `${JSON.stringify(v)} is longer than the simulator's limit of ${max / 3_600_000} hours`);
  return ms;
}

function stimulus(s: unknown, index: number, kinds: Set<string>, options: DriveOptions): Stimulus {
  const path = `stimuli[${index}]`;
  if (!isObj(s)) throw new DriveError(path, "a stimulus is a mapping like { at: 0s, invoke: MyFunction }");
  const present = Object.keys(s).filter((k) => kinds.has(k));
  if (present.length !== 1) {
    const unknown = Object.keys(s).filter((k) => !COMMON_KEYS.includes(k) && !["type", "payload", "payloadFile"].includes(k));
    if (present.length === 0) throw new DriveError(path, `needs one of ${[...kinds].join(", ")}${unknown.length ? ` (unknown: ${unknown.join(", ")})` : ""}`);
    throw new DriveError(path, `has more than one kind (${present.join(", ")}); use one stimulus each`);
  }
  const kind = present[0] as string;
  const at = s.at === undefined ? 0 : duration(`${path}.at`, s.at, MAX_RUN_MS);
  let count = 1;
  if (s.count !== undefined) {
    if (typeof s.count !== "number" || !Number.isInteger(s.count) || s.count < 1 || s.count > MAX_COUNT) throw new DriveError(`${path}.count`, `must be a whole number from 1 to ${MAX_COUNT.toLocaleString("en-US")} (got ${JSON.stringify(s.count)})`);
    count = s.count;
  }
  const every = s.every === undefined ? 0 : duration(`${path}.every`, s.every, MAX_RUN_MS);
  if (kind === "invoke") {
    for (const k of Object.keys(s)) if (![...COMMON_KEYS, "invoke", "type", "payload", "payloadFile"].includes(k)) throw new DriveError(`${path}.${k}`, "unknown key for an invoke stimulus");
    if (typeof s.invoke !== "string" || !/^[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?$/.test(s.invoke)) throw new DriveError(`${path}.invoke`, 'must be a function\'s logical id, optionally with ":alias" or ":version"');
    const type = s.type ?? "RequestResponse";
    if (type !== "RequestResponse" && type !== "Event" && type !== "DryRun") throw new DriveError(`${path}.type`, `must be RequestResponse, Event or DryRun (got ${JSON.stringify(type)})`);
    if (s.payload !== undefined && s.payloadFile !== undefined) throw new DriveError(path, "give payload or payloadFile, not both");
    let payload: unknown = s.payload ?? {};
    if (s.payloadFile !== undefined) {
      if (typeof s.payloadFile !== "string") throw new DriveError(`${path}.payloadFile`, "must be a path");
      if (!options.readFile) throw new DriveError(`${path}.payloadFile`, "files cannot be read here; give payload inline");
      let text: string;
      try {
        text = options.readFile(s.payloadFile);
      } catch (error) {
        throw new DriveError(`${path}.payloadFile`, `cannot read ${s.payloadFile}: ${error instanceof Error ? error.message : String(error)}`);
      }
      try {
        payload = JSON.parse(text) as unknown;
      } catch (error) {
        throw new DriveError(`${path}.payloadFile`, `${s.payloadFile} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    // Lambda refuses oversized requests before anything runs (RequestEntityTooLargeException, 413).
    const json = JSON.stringify(payload);
    const size = utf8Bytes(json);
    const limit = type === "Event" ? MAX_ASYNC_REQUEST_BYTES : MAX_SYNC_REQUEST_BYTES;
    if (size > limit) throw new DriveError(`${path}.payload`, `payload is ${size} bytes, over Lambda's ${type === "Event" ? "1 MB asynchronous" : "6 MB synchronous"} limit (${limit} bytes): RequestEntityTooLargeException`);
    return { kind: "invoke", index, at, count, every, target: s.invoke, type, payload };
  }
  if (kind === "update") {
    const u = s.update;
    if (!isObj(u)) throw new DriveError(`${path}.update`, 'must be a mapping like { function: MyFunction, code: "…", publish: true }');
    for (const k of Object.keys(u)) if (!["function", "code", "files", "handler", "memorySize", "timeout", "environment", "publish"].includes(k)) throw new DriveError(`${path}.update.${k}`, "unknown key (expected function, code, files, handler, memorySize, timeout, environment, publish)");
    if (count !== 1 || every !== 0) throw new DriveError(path, "an update happens once (no count or every)");
    if (typeof u.function !== "string") throw new DriveError(`${path}.update.function`, "must be a function's logical id");
    if (u.code !== undefined && typeof u.code !== "string") throw new DriveError(`${path}.update.code`, "must be source text");
    if (u.files !== undefined && (!isObj(u.files) || Object.values(u.files).some((v) => typeof v !== "string"))) throw new DriveError(`${path}.update.files`, "must map file names to source text");
    if (u.handler !== undefined && typeof u.handler !== "string") throw new DriveError(`${path}.update.handler`, "must be like index.handler");
    const int = (k: string, min: number, max: number): number | undefined => {
      const v = u[k];
      if (v === undefined) return undefined;
      if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) throw new DriveError(`${path}.update.${k}`, `must be a whole number from ${min} to ${max} (got ${JSON.stringify(v)})`);
      return v;
    };
    const memorySize = int("memorySize", 128, 10_240);
    const timeout = int("timeout", 1, 900);
    if (u.environment !== undefined && !isObj(u.environment)) throw new DriveError(`${path}.update.environment`, "must map variable names to values");
    if (u.publish !== undefined && typeof u.publish !== "boolean") throw new DriveError(`${path}.update.publish`, "must be true or false");
    const out: UpdateStimulus = { kind: "update", index, at, count: 1, every: 0, function: u.function, publish: u.publish === true };
    if (typeof u.code === "string") out.code = u.code;
    if (isObj(u.files)) out.files = u.files as Record<string, string>;
    if (typeof u.handler === "string") out.handler = u.handler;
    if (memorySize !== undefined) out.memorySize = memorySize;
    if (timeout !== undefined) out.timeout = timeout;
    if (isObj(u.environment)) out.environment = Object.fromEntries(Object.entries(u.environment).map(([k, v]) => [k, String(v)]));
    return out;
  }
  if (kind === "alias") {
    const a = s.alias;
    if (!isObj(a)) throw new DriveError(`${path}.alias`, 'must be a mapping like { function: MyFunction, name: live, version: "1" }');
    for (const k of Object.keys(a)) if (!["function", "name", "version", "weights"].includes(k)) throw new DriveError(`${path}.alias.${k}`, "unknown key (expected function, name, version, weights)");
    if (count !== 1 || every !== 0) throw new DriveError(path, "an alias change happens once (no count or every)");
    if (typeof a.function !== "string") throw new DriveError(`${path}.alias.function`, "must be a function's logical id");
    // Alias names: (?!^[0-9]+$)([a-zA-Z0-9-_]+) (API CreateAlias).
    if (typeof a.name !== "string" || !/^(?!^[0-9]+$)[a-zA-Z0-9-_]{1,128}$/.test(a.name)) throw new DriveError(`${path}.alias.name`, "an alias name is letters, digits, - and _, and not all digits");
    const version = String(a.version ?? "");
    if (!/^(\$LATEST|[1-9]\d*)$/.test(version)) throw new DriveError(`${path}.alias.version`, `must be a version number or $LATEST (got ${JSON.stringify(a.version)})`);
    const weights: Record<string, number> = {};
    if (a.weights !== undefined) {
      if (!isObj(a.weights)) throw new DriveError(`${path}.alias.weights`, 'must map one additional version to a weight, like { "2": 0.1 }');
      const entries = Object.entries(a.weights);
      if (entries.length > 1) throw new DriveError(`${path}.alias.weights`, "an alias routes to at most one additional version");
      for (const [v, w] of entries) {
        if (!/^[1-9]\d*$/.test(v)) throw new DriveError(`${path}.alias.weights`, `additional version ${JSON.stringify(v)} must be a published version number`);
        if (typeof w !== "number" || !(w >= 0 && w <= 1)) throw new DriveError(`${path}.alias.weights.${v}`, `weight must be from 0.0 to 1.0 (got ${JSON.stringify(w)})`);
        if (v === version) throw new DriveError(`${path}.alias.weights`, "the additional version must differ from the alias's version");
        weights[v] = w;
      }
      if (version === "$LATEST" && entries.length > 0) throw new DriveError(`${path}.alias.version`, "weighted routing needs a published version, not $LATEST");
    }
    return { kind: "alias", index, at, count: 1, every: 0, function: a.function, name: a.name, version, weights };
  }
  return { kind, index, at, count, every, spec: s[kind] };
}
