/**
 * Argument parsing for `lambda-lab invoke` and `lambda-lab events`, with `node:util` `parseArgs`.
 * Every mistake becomes a `UsageError` whose message says which option is wrong and why.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { RESERVED_ENV_KEYS } from "../runtime/config";
import type { LogFormat } from "../runtime/types";
import { UsageError } from "./usage";

export type EventSource =
  | { kind: "none" }
  | { kind: "catalogue"; name: string }
  | { kind: "file"; path: string }
  | { kind: "stdin" };

export interface InvokeArgs {
  help: boolean;
  file: string;
  handler: string | undefined;
  event: EventSource;
  memoryMB: number;
  timeoutSeconds: number;
  environment: Record<string, string>;
  times: number;
  logFormat: LogFormat;
}

// Lambda's limits (LAMBDA.md §8).
export const LIMITS = {
  memoryMB: { min: 128, max: 10_240 },
  timeoutSeconds: { min: 1, max: 900 },
  times: { min: 1, max: 10_000 },
} as const;

/** Lambda's rule for environment variable keys (API `Environment.Variables`). */
const ENV_KEY = /^[a-zA-Z]([a-zA-Z0-9_])+$/;

function parse<const T extends ParseArgsConfig>(config: T, command: UsageError["command"]) {
  try {
    return parseArgs<T>(config);
  } catch (error) {
    // parseArgs' messages are already precise ("Unknown option '--bogus'"); keep the first line.
    const message = error instanceof Error ? (error.message.split("\n")[0] ?? error.message) : String(error);
    throw new UsageError(message, command);
  }
}

function integer(option: string, raw: string | undefined, fallback: number, range: { min: number; max: number }): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw.trim())) {
    throw new UsageError(`--${option} must be a whole number between ${range.min} and ${range.max}, got "${raw}"`, "invoke");
  }
  const value = Number(raw);
  if (value < range.min || value > range.max) {
    throw new UsageError(`--${option} must be between ${range.min} and ${range.max}, got ${value}`, "invoke");
  }
  return value;
}

export function parseInvokeArgs(argv: readonly string[]): InvokeArgs {
  const { values, positionals } = parse(
    {
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        handler: { type: "string" },
        event: { type: "string" },
        "event-file": { type: "string" },
        memory: { type: "string" },
        timeout: { type: "string" },
        env: { type: "string", multiple: true },
        times: { type: "string" },
        "log-format": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    },
    "invoke",
  );
  const help = values.help === true;
  const empty: InvokeArgs = {
    help,
    file: "",
    handler: undefined,
    event: { kind: "none" },
    memoryMB: 128,
    timeoutSeconds: 3,
    environment: {},
    times: 1,
    logFormat: "Text",
  };
  if (help) return empty;

  if (positionals.length === 0) throw new UsageError("Missing <file>: the handler's source file", "invoke");
  if (positionals.length > 1) throw new UsageError(`Unexpected argument "${positionals[1]}" (only one <file> is taken)`, "invoke");
  const file = positionals[0] ?? "";

  const handler = values.handler;
  if (handler !== undefined && handler.trim() === "") throw new UsageError("--handler must not be empty", "invoke");

  let event: EventSource = { kind: "none" };
  const eventName = values.event;
  const eventFile = values["event-file"];
  if (eventName !== undefined && eventFile !== undefined) {
    throw new UsageError("Use either --event or --event-file, not both", "invoke");
  }
  if (eventName !== undefined) {
    if (eventName === "") throw new UsageError("--event needs a catalogue name or - for stdin", "invoke");
    event = eventName === "-" ? { kind: "stdin" } : { kind: "catalogue", name: eventName };
  } else if (eventFile !== undefined) {
    if (eventFile === "") throw new UsageError("--event-file needs a path", "invoke");
    event = eventFile === "-" ? { kind: "stdin" } : { kind: "file", path: eventFile };
  }

  const environment: Record<string, string> = {};
  for (const pair of values.env ?? []) {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw new UsageError(`--env expects KEY=VALUE, got "${pair}"`, "invoke");
    const key = pair.slice(0, eq);
    if (!ENV_KEY.test(key)) {
      throw new UsageError(
        `--env key "${key}" is not a valid Lambda environment variable name (a letter, then letters, digits or _)`,
        "invoke",
      );
    }
    if (RESERVED_ENV_KEYS.includes(key)) {
      throw new UsageError(`--env key "${key}" is reserved by Lambda and cannot be set`, "invoke");
    }
    environment[key] = pair.slice(eq + 1);
  }

  const rawFormat = values["log-format"];
  let logFormat: LogFormat = "Text";
  if (rawFormat !== undefined) {
    const lower = rawFormat.toLowerCase();
    if (lower === "text") logFormat = "Text";
    else if (lower === "json") logFormat = "JSON";
    else throw new UsageError(`--log-format must be text or json, got "${rawFormat}"`, "invoke");
  }

  return {
    help,
    file,
    handler,
    event,
    memoryMB: integer("memory", values.memory, 128, LIMITS.memoryMB),
    timeoutSeconds: integer("timeout", values.timeout, 3, LIMITS.timeoutSeconds),
    environment,
    times: integer("times", values.times, 1, LIMITS.times),
    logFormat,
  };
}

export interface EventsArgs {
  help: boolean;
  action: "list" | "show" | undefined;
  name: string | undefined;
  json: boolean;
  /**
   * `--set path=value` assignments, in order, as typed. They are applied with the catalogue's
   * `applyAssignment` (the value is read as JSON when valid, else kept as text; a field that is a
   * string stays a string).
   */
  set: string[];
}

export function parseEventsArgs(argv: readonly string[]): EventsArgs {
  const { values, positionals } = parse(
    {
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        set: { type: "string", multiple: true },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    },
    "events",
  );
  const help = values.help === true;
  const [action, name, extra] = positionals;
  if (action !== undefined && action !== "list" && action !== "show") {
    throw new UsageError(`Unknown events command "${action}" (expected list or show)`, "events");
  }
  if (help) return { help, action, name, json: false, set: [] };
  if (action === undefined) throw new UsageError("Missing events command: list or show", "events");
  if (action === "list") {
    if (name !== undefined) throw new UsageError(`Unexpected argument "${name}"`, "events list");
    if (values.set) throw new UsageError("--set only applies to events show", "events list");
  }
  if (action === "show") {
    if (name === undefined) throw new UsageError("Missing <name>: which event to show (see lambda-lab events list)", "events show");
    if (extra !== undefined) throw new UsageError(`Unexpected argument "${extra}"`, "events show");
    if (values.json) throw new UsageError("--json only applies to events list", "events show");
  }
  const set = values.set ?? [];
  for (const pair of set) {
    if (pair.indexOf("=") <= 0) throw new UsageError(`--set expects path=value, got "${pair}"`, "events show");
  }
  return { help, action, name, json: values.json === true, set };
}
