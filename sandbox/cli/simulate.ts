/**
 * `lambda-lab simulate <template.yaml> --drive <stimuli>`: run a SAM template against a drive file
 * on the simulated Lambda service (sandbox/service) and print a readable summary or the JSON
 * report; and `lambda-lab invoke --template <template.yaml> <LogicalId>`: invoke one function of a
 * template like `sam local invoke`.
 *
 * The simulation runs in this process (many environments at once, on a virtual clock); the
 * engine's interrupt enforces timeouts. `invoke --template` runs in the Node host's worker pool,
 * with its hard stop, like `lambda-lab invoke <file>`.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { createNodePool } from "../hosts/node/pool";
import { SandboxHostError } from "../hosts/session";
import type { FunctionConfig, HostCallInfo, SourceFiles } from "../runtime/types";
import { formatDuration, parseDuration } from "../service/duration";
import { parseDrive } from "../service/drive";
import { DriveError, LambdaApiError, TemplateError } from "../service/errors";
import { awsExtensions, type HttpExchange } from "../aws";
import { standaloneAws, type StandaloneAws } from "../aws/standalone";
import { simulate } from "../service/service";
import type { RunReport } from "../service/types";
import type { EventSource } from "./args";
import { readEvent, type EventInputDeps } from "./event-input";
import type { CliIo } from "./invoke";
import { EXIT, UsageError } from "./usage";

// UsageError's `command` names the help to point at.
const SIMULATE = "simulate";

export const SIMULATE_HELP = `Usage: lambda-lab simulate <template.yaml> --drive <stimuli.yaml|json> [options]

Runs a SAM template (AWS::Serverless-2016-10-31) on the simulated Lambda service, on a virtual
clock: the drive file says what happens when (invocations, deployments, alias moves), and the run
reports every invocation, cold starts, throttles, retries, dead letters, destinations, metrics
and cost. Same template, drive file and seed: same report. The drive-file format is documented in
sandbox/service/README.md.

Options:
  --drive <file>              The stimuli (YAML or JSON), required
  --duration <time>           Virtual time to run, e.g. 10m, 90s, 5000 (ms); default: the drive
                              file's, else until no work is left
  --out <file>                Also write the JSON report to <file>
  --json                      Print the JSON report instead of the summary
  --seed <n>                  Seed of the run's random choices (weighted aliases, ids); default 1
  --parameter Key=Value       A template parameter (repeatable)
  --free-tier                 Apply the monthly free tier to the cost
  --metrics-period <time>     Period of the metrics, e.g. 1s (default 1m, as CloudWatch)
  --show-logs                 Print the log lines, by log group and stream, after the summary
  --no-logs                   Keep no log lines in the report (load runs)
  -h, --help                  Show this help

Exit codes: 0 the run completed (function errors are part of the report), 2 a template, drive file
or option is wrong (the message names the resource, property or stimulus), 3 internal error.

Example:
  lambda-lab simulate template.yaml --drive load.yaml --duration 10m --out report.json
`;

export const TEMPLATE_INVOKE_HELP = `Usage: lambda-lab invoke --template <template.yaml> <LogicalId> [options]

Invokes one function of a SAM template, with the template's settings (handler, memory, timeout,
environment, layers, code from InlineCode or CodeUri), like \`sam local invoke\`.

Options:
  --event <name> | --event-file <path> | --event -     The event (default {})
  --times <N>                 Invoke N times in one warm environment (default 1)
  --parameter Key=Value       A template parameter (repeatable)
  -h, --help                  Show this help
`;

export interface SimulateArgs {
  help: boolean;
  template: string;
  drive: string;
  duration: string | undefined;
  out: string | undefined;
  json: boolean;
  seed: number | string | undefined;
  parameters: Record<string, string>;
  freeTier: boolean;
  logs: boolean;
  showLogs: boolean;
  metricsPeriod: string | undefined;
}

function parse<const T extends ParseArgsConfig>(config: T) {
  try {
    return parseArgs<T>(config);
  } catch (error) {
    const message =
      error instanceof Error
        ? (error.message.split("\n")[0] ?? error.message)
        : String(error);
    throw new UsageError(message, SIMULATE);
  }
}

function parameters(list: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of Array.isArray(list) ? (list as string[]) : []) {
    const eq = pair.indexOf("=");
    if (eq <= 0)
      throw new UsageError(
        `--parameter expects Key=Value, got "${pair}"`,
        SIMULATE,
      );
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

export function parseSimulateArgs(argv: readonly string[]): SimulateArgs {
  const { values, positionals } = parse({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      drive: { type: "string" },
      duration: { type: "string" },
      out: { type: "string" },
      json: { type: "boolean" },
      seed: { type: "string" },
      parameter: { type: "string", multiple: true },
      "free-tier": { type: "boolean" },
      "no-logs": { type: "boolean" },
      "show-logs": { type: "boolean" },
      "metrics-period": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const help = values.help === true;
  const base: SimulateArgs = {
    help,
    template: "",
    drive: "",
    duration: undefined,
    out: undefined,
    json: false,
    seed: undefined,
    parameters: {},
    freeTier: false,
    logs: true,
    showLogs: false,
    metricsPeriod: undefined,
  };
  if (help) return base;
  if (positionals.length === 0)
    throw new UsageError(
      "Missing <template.yaml>: the SAM template to run",
      SIMULATE,
    );
  if (positionals.length > 1)
    throw new UsageError(
      `Unexpected argument "${positionals[1]}" (only one template is taken)`,
      SIMULATE,
    );
  const drive = values.drive;
  if (typeof drive !== "string" || drive === "")
    throw new UsageError(
      "Missing --drive <file>: the stimuli to run",
      SIMULATE,
    );
  const period = values["metrics-period"];
  if (typeof period === "string") {
    const ms = parseDuration(period);
    if (ms === undefined || ms < 1000 || ms > 3_600_000 || ms % 1000 !== 0)
      throw new UsageError(
        `--metrics-period must be whole seconds from 1s to 1h, got "${period}"`,
        SIMULATE,
      );
  }
  const seed = values.seed;
  return {
    help,
    template: positionals[0] ?? "",
    drive,
    duration: typeof values.duration === "string" ? values.duration : undefined,
    out: typeof values.out === "string" ? values.out : undefined,
    json: values.json === true,
    seed:
      typeof seed === "string"
        ? /^\d+$/.test(seed)
          ? Number(seed)
          : seed
        : undefined,
    parameters: parameters(values.parameter),
    freeTier: values["free-tier"] === true,
    logs: values["no-logs"] !== true,
    showLogs: values["show-logs"] === true,
    metricsPeriod:
      typeof values["metrics-period"] === "string"
        ? values["metrics-period"]
        : undefined,
  };
}

// ---- files -------------------------------------------------------------------------------------

const MAX_FILES = 500;
const MAX_BYTES = 5 * 1024 * 1024;

/** A CodeUri / ContentUri folder relative to the template, as a map of text files. */
export function loadFolder(templateDir: string, uri: string): SourceFiles {
  const root = resolve(templateDir, uri);
  const info = statSync(root, { throwIfNoEntry: false });
  if (!info)
    throw new Error(`no such folder ${uri} (relative to the template)`);
  if (info.isFile())
    return {
      [root.split(sep).pop() ?? "index.js"]: readFileSync(root, "utf8"),
    };
  const files: SourceFiles = {};
  let count = 0;
  let total = 0;
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (e.name.startsWith(".") || e.name === "node_modules") continue;
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) {
        const bytes = readFileSync(full);
        if (bytes.subarray(0, 8192).includes(0)) continue;
        count++;
        total += bytes.byteLength;
        if (count > MAX_FILES || total > MAX_BYTES)
          throw new Error(
            `${uri} holds more than ${MAX_FILES} files or 5 MB of text`,
          );
        files[relative(root, full).split(sep).join("/")] =
          bytes.toString("utf8");
      }
    }
  };
  walk(root);
  return files;
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    throw new UsageError(`${what} ${path}: no such file`, SIMULATE);
  }
}

// ---- summary -----------------------------------------------------------------------------------

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}

function ms(x: number | undefined): string {
  return x === undefined ? "" : `${x.toFixed(2)}`;
}

function time(t: number): string {
  return `${(t / 1000).toFixed(3)}s`;
}

function money(x: number): string {
  return `$${x.toFixed(x !== 0 && x < 0.01 ? 8 : 2)}`;
}

/** The HTTP requests of `http` stimuli and their responses (sandbox/aws/http), in arrival order. */
function renderHttp(report: RunReport): string[] {
  const section = report.extensions?.http as { http?: HttpExchange[]; warnings?: { resource: string; property: string; message: string }[] } | undefined;
  const list = section?.http ?? [];
  if (list.length === 0) return [];
  const out = ["", `HTTP: ${list.length} request(s)`];
  for (const w of section?.warnings ?? []) out.push(`  not simulated: ${w.resource}.${w.property}: ${w.message}`);
  const shown = list.length > 40 ? [...list.slice(0, 30), undefined, ...list.slice(-10)] : list;
  for (const x of shown) {
    if (!x) {
      out.push(`  … ${list.length - 40} more`);
      continue;
    }
    const body = x.isBase64Encoded ? `(base64, ${x.body.length} chars)` : x.body.length > 80 ? `${x.body.slice(0, 77)}...` : x.body;
    out.push(`  ${time(x.start)}  ${x.api}  ${x.method} ${x.path}  → ${x.statusCode}  ${body}${x.error ? `  [${x.error}]` : ""}`);
  }
  return out;
}

/** The readable summary `simulate` prints. */
/**
 * The state at the end of each resource the simulated AWS keeps (queues, topics, tables, buckets…):
 * its numbers, and how many entries its lists hold. Everything is in the JSON report (`--json`).
 */
function renderResources(report: RunReport): string[] {
  const entries = Object.entries(report.resources).filter(([id]) => id !== "functions" && id !== "targets");
  if (entries.length === 0) return [];
  const out = ["", "Resources at the end:"];
  for (const [id, state] of entries) {
    if (typeof state !== "object" || state === null) continue;
    const { type, ...rest } = state as Record<string, unknown>;
    const facts: string[] = [];
    // Zeros and false flags say little in a summary; lists are shown by their length.
    for (const [k, v] of Object.entries(rest)) {
      if ((typeof v === "number" && v !== 0) || v === true) facts.push(`${k} ${v}`);
      else if (Array.isArray(v) && v.length > 0) facts.push(`${k} ${v.length}`);
      if (facts.length === 12) break;
    }
    out.push(`  ${id}${typeof type === "string" ? ` (${type})` : ""}: ${facts.join(", ") || "—"}`);
  }
  return out;
}

/** The event flow, source → target, for reading the architecture off a run. */
function renderFlow(report: RunReport): string[] {
  if (report.edges.length === 0) return [];
  return ["", "Event flow:", ...report.edges.slice(0, 40).map((e) => `  ${e.from} → ${e.to} (${e.kind})`), ...(report.edges.length > 40 ? [`  … ${report.edges.length - 40} more`] : [])];
}

export function renderSummary(
  report: RunReport,
  names: { template: string; drive: string },
): string {
  const out: string[] = [];
  const s = report.summary;
  out.push(
    `Lambda Lab simulation of ${names.template} driven by ${names.drive}: ${formatDuration(report.duration)} of virtual time from ${report.startTime} (seed ${String(report.seed)})`,
  );
  if (report.truncated !== undefined)
    out.push("", `The run stopped early: ${report.truncated}.`);
  if (s.recursiveLoopsStopped > 0)
    out.push(
      "",
      `Recursive loop detection stopped ${s.recursiveLoopsStopped} destination chain(s) after 16 invocations.`,
    );
  if (report.warnings.length > 0) {
    out.push("", "Warnings (what is not simulated, and what AWS would refuse or warn about):");
    for (const w of report.warnings)
      out.push(
        `  ${w.resource}${w.property ? `.${w.property}` : ""}: ${w.message}`,
      );
  }
  out.push(
    "",
    `Invocations: ${s.invocations} (cold starts ${s.coldStarts}, errors ${s.errors}, timeouts ${s.timeouts}, retries ${s.retries}), throttles ${s.throttles}, max concurrency ${s.maxConcurrency}${s.dryRuns ? `, dry runs ${s.dryRuns}` : ""}`,
  );
  const rows = report.invocations;
  if (rows.length > 0) {
    const head = [
      "start",
      "function",
      "version",
      "trigger",
      "type",
      "try",
      "status",
      "duration",
      "billed",
      "init",
      "environment / throttle reason",
    ];
    const table = rows.map((r) => [
      time(r.start),
      r.function,
      r.version,
      r.trigger,
      r.invocationType === "Event" ? "Event" : "Sync",
      String(r.attempt),
      r.status === "throttled"
        ? "throttled"
        : r.status === "success"
          ? "success"
          : `${r.status} ${r.errorType ?? ""}`.trim(),
      r.status === "throttled" ? "" : `${ms(r.duration)} ms`,
      r.status === "throttled" ? "" : `${r.billedDuration} ms`,
      r.initDuration !== undefined ? `${ms(r.initDuration)} ms` : "",
      r.status === "throttled" ? `429 ${r.throttleReason ?? ""}` : (r.environmentId ?? ""),
    ]);
    const shown =
      table.length > 40
        ? [
            ...table.slice(0, 30),
            [
              "…",
              `${table.length - 40} more`,
              "",
              "",
              "",
              "",
              "",
              "",
              "",
              "",
              "",
            ],
            ...table.slice(-10),
          ]
        : table;
    const widths = head.map((h, i) =>
      Math.min(
        48,
        Math.max(h.length, ...shown.map((row) => (row[i] ?? "").length)),
      ),
    );
    out.push(
      "  " +
        head
          .map((h, i) => pad(h, widths[i] ?? 0))
          .join("  ")
          .trimEnd(),
    );
    for (const row of shown)
      out.push(
        "  " +
          row
            .map((c, i) => pad(c, widths[i] ?? 0))
            .join("  ")
            .trimEnd(),
      );
  }
  out.push(...renderHttp(report));
  const dlq = Object.entries(report.deadLetters);
  out.push(
    "",
    dlq.length === 0
      ? "Function dead-letter queues (DeadLetterQueue): nothing delivered"
      : "Function dead-letter queues (DeadLetterQueue):",
  );
  for (const [id, msgs] of dlq) {
    out.push(`  ${id}: ${msgs.length} message(s)`);
    for (const m of msgs.slice(0, 5)) {
      out.push(
        `    at ${time(m.time)} RequestID ${m.messageAttributes.RequestID.stringValue} ErrorCode ${m.messageAttributes.ErrorCode.stringValue} ErrorMessage ${JSON.stringify(m.messageAttributes.ErrorMessage.stringValue)} body ${m.body.length > 80 ? m.body.slice(0, 80) + "…" : m.body}`,
      );
    }
  }
  if (report.destinations.length > 0) {
    out.push("", "Destinations:");
    for (const d of report.destinations.slice(0, 20)) {
      out.push(
        `  at ${time(d.time)} ${d.source} ${d.on} → ${d.target} (${d.kind})${d.delivered ? "" : " NOT DELIVERED"}: ${d.record.requestContext.condition}, approximateInvokeCount ${d.record.requestContext.approximateInvokeCount}`,
      );
    }
    if (report.destinations.length > 20)
      out.push(`  … ${report.destinations.length - 20} more`);
  }
  out.push(...renderResources(report), ...renderFlow(report));
  const period = Object.values(report.metrics)[0]?.[0]?.period ?? 60_000;
  out.push(
    "",
    `Metrics per ${period === 60_000 ? "minute" : formatDuration(period)}:`,
  );
  for (const [fn, minutes] of Object.entries(report.metrics)) {
    for (const m of minutes) {
      const d = m.Duration;
      out.push(
        `  ${pad(fn, 16)} ${pad(m.minute === 0 ? (period === 60_000 ? "0m" : "0s") : formatDuration(m.minute), 8)} Invocations ${m.Invocations}  Errors ${m.Errors}  Throttles ${m.Throttles}  ConcurrentExecutions ${m.ConcurrentExecutions}` +
          (d
            ? `  Duration avg ${d.avg} p50 ${d.p50} p99 ${d.p99} max ${d.max} ms`
            : "") +
          (m.ProvisionedConcurrencySpilloverInvocations
            ? `  Spillover ${m.ProvisionedConcurrencySpilloverInvocations}`
            : "") +
          (m.DeadLetterErrors
            ? `  DeadLetterErrors ${m.DeadLetterErrors}`
            : "") +
          (m.AsyncEventAge !== null
            ? `  AsyncEventAge ${m.AsyncEventAge} ms`
            : ""),
      );
    }
  }
  const c = report.cost;
  out.push(
    "",
    `Cost (${c.prices.region} prices from ${c.prices.source}, read ${c.prices.readDate}; free tier ${c.freeTierApplied ? "applied" : "not applied"}):`,
  );
  out.push(
    `  requests    ${c.requests.count} × $0.20 per million = ${money(c.requests.usd)}`,
  );
  for (const l of c.compute)
    out.push(
      `  compute     ${l.architecture}: ${l.gbSeconds} GB-s = ${money(l.usd)}`,
    );
  if (c.provisioned.usd > 0)
    out.push(
      `  provisioned ${c.provisioned.gbSecondsConfigured} GB-s configured, ${c.provisioned.gbSecondsDuration} GB-s of duration = ${money(c.provisioned.usd)}`,
    );
  if (c.ephemeralStorage.usd > 0)
    out.push(
      `  /tmp        ${c.ephemeralStorage.gbSeconds} GB-s above 512 MB = ${money(c.ephemeralStorage.usd)}`,
    );
  if (c.freeTierApplied) out.push(`  free tier   −${money(c.freeTier.usd)}`);
  out.push(`  total       ${money(c.totalUsd)}`);
  return out.join("\n") + "\n";
}

/** The log lines of a run, by log group and stream (`--show-logs`). */
export function renderLogs(report: RunReport): string {
  const out: string[] = ["", "Logs:"];
  for (const [group, streams] of Object.entries(report.logGroups)) {
    for (const [stream, lines] of Object.entries(streams)) {
      out.push(`  ${group} ${stream}`);
      for (const line of lines) out.push(`    ${line.replace(/\n/g, "\n    ")}`);
    }
  }
  if (out.length === 2) out.push("  (no log lines kept)");
  return out.join("\n") + "\n";
}

// ---- commands ----------------------------------------------------------------------------------

function asUsage(error: unknown, file: string): never {
  if (error instanceof TemplateError)
    throw new UsageError(`${file}: ${error.message}`, SIMULATE);
  if (error instanceof DriveError)
    throw new UsageError(`${file}: ${error.message}`, SIMULATE);
  if (error instanceof LambdaApiError)
    throw new UsageError(`${error.errorType}: ${error.message}`, SIMULATE);
  throw error;
}

export async function runSimulate(
  args: SimulateArgs,
  io: CliIo,
): Promise<number> {
  const templatePath = resolve(io.cwd, args.template);
  const drivePath = resolve(io.cwd, args.drive);
  const templateText = readText(templatePath, "template");
  const driveText = readText(drivePath, "drive file");
  const templateDir = dirname(templatePath);
  const driveDir = dirname(drivePath);
  // The simulated AWS around the functions: SDK, IAM, HTTP routers, messaging and data services.
  const extensions = awsExtensions();
  let drive;
  try {
    drive = parseDrive(driveText, {
      extensionKinds: extensions.flatMap((e) => e.stimulusKinds ?? []),
      fileName: args.drive,
      readFile: (p) => readFileSync(resolve(driveDir, p), "utf8"),
    });
  } catch (error) {
    asUsage(error, args.drive);
  }
  let report: RunReport;
  try {
    report = await simulate(templateText, drive, {
      extensions,
      templateFileName: args.template,
      codeLoader: (uri) => loadFolder(templateDir, uri),
      parameters: args.parameters,
      ...(args.seed !== undefined ? { seed: args.seed } : {}),
      ...(args.duration !== undefined ? { duration: args.duration } : {}),
      freeTier: args.freeTier,
      logs: args.logs ? "full" : "none",
      ...(args.metricsPeriod !== undefined
        ? { metricsPeriod: args.metricsPeriod }
        : {}),
    });
  } catch (error) {
    asUsage(error, error instanceof DriveError ? args.drive : args.template);
  }
  const json = JSON.stringify(report, null, 2);
  if (args.out !== undefined)
    await writeFile(resolve(io.cwd, args.out), json + "\n");
  io.stdout.write(
    args.json
      ? json + "\n"
      : renderSummary(report, { template: args.template, drive: args.drive }),
  );
  if (args.showLogs && !args.json) io.stdout.write(renderLogs(report));
  if (args.out !== undefined && !args.json)
    io.stdout.write(`\nReport written to ${args.out}\n`);
  return EXIT.ok;
}

export interface TemplateInvokeArgs {
  help: boolean;
  template: string;
  logicalId: string;
  event: EventSource;
  times: number;
  parameters: Record<string, string>;
}

export function parseTemplateInvokeArgs(
  argv: readonly string[],
): TemplateInvokeArgs {
  const { values, positionals } = parse({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      template: { type: "string" },
      event: { type: "string" },
      "event-file": { type: "string" },
      times: { type: "string" },
      parameter: { type: "string", multiple: true },
      help: { type: "boolean", short: "h" },
    },
  });
  const help = values.help === true;
  const template = typeof values.template === "string" ? values.template : "";
  if (help)
    return {
      help,
      template,
      logicalId: "",
      event: { kind: "none" },
      times: 1,
      parameters: {},
    };
  if (template === "")
    throw new UsageError("--template needs the template file", "invoke");
  if (positionals.length !== 1)
    throw new UsageError(
      "Give one <LogicalId>: the function of the template to invoke",
      "invoke",
    );
  let event: EventSource = { kind: "none" };
  if (values.event !== undefined && values["event-file"] !== undefined)
    throw new UsageError(
      "Use either --event or --event-file, not both",
      "invoke",
    );
  if (typeof values.event === "string")
    event =
      values.event === "-"
        ? { kind: "stdin" }
        : { kind: "catalogue", name: values.event };
  else if (typeof values["event-file"] === "string")
    event =
      values["event-file"] === "-"
        ? { kind: "stdin" }
        : { kind: "file", path: values["event-file"] };
  const timesRaw = typeof values.times === "string" ? values.times : "1";
  if (
    !/^\d+$/.test(timesRaw) ||
    Number(timesRaw) < 1 ||
    Number(timesRaw) > 10_000
  )
    throw new UsageError(
      `--times must be between 1 and 10000, got "${timesRaw}"`,
      "invoke",
    );
  return {
    help,
    template,
    logicalId: positionals[0] ?? "",
    event,
    times: Number(timesRaw),
    parameters: parameters(values.parameter),
  };
}

/** `lambda-lab invoke --template <file> <LogicalId>`: one function of a template, in the worker pool. */
export async function runTemplateInvoke(
  args: TemplateInvokeArgs,
  io: CliIo,
): Promise<number> {
  const templatePath = resolve(io.cwd, args.template);
  const text = readText(templatePath, "template");
  let config: FunctionConfig;
  // The template deployed with the simulated AWS, so the function's SDK calls reach its tables,
  // queues and buckets (sandbox/aws/standalone.ts); the function itself runs in the worker pool.
  let aws: StandaloneAws | undefined;
  let sdk: ReturnType<StandaloneAws["environmentOptions"]>;
  try {
    aws = await standaloneAws({
      template: text,
      templateFileName: args.template,
      parameters: args.parameters,
      codeLoader: (uri) => loadFolder(dirname(templatePath), uri),
      logs: "none",
    });
    const t = aws.service.template;
    const f = t.functions.find((x) => x.logicalId === args.logicalId);
    if (!f)
      throw new UsageError(
        `${args.template} has no function ${JSON.stringify(args.logicalId)} (functions: ${t.functions.map((x) => x.logicalId).join(", ") || "none"})`,
        "invoke",
      );
    for (const w of t.warnings)
      io.stderr.write(
        `lambda-lab: not simulated: ${w.resource}${w.property ? `.${w.property}` : ""}: ${w.message}\n`,
      );
    config = {
      functionName: f.functionName,
      handler: f.handler,
      runtime: f.runtime,
      architecture: f.architecture,
      memoryMB: f.memoryMB,
      timeoutSeconds: f.timeoutSeconds,
      ephemeralStorageMB: f.ephemeralStorageMB,
      environment: f.environment,
      logFormat: f.logFormat,
      ...(f.applicationLogLevel
        ? { applicationLogLevel: f.applicationLogLevel }
        : {}),
      files: f.files,
      layers: f.layers,
    };
    sdk = aws.environmentOptions(f);
  } catch (error) {
    aws?.service.dispose();
    if (error instanceof TemplateError)
      throw new UsageError(`${args.template}: ${error.message}`, "invoke");
    throw error;
  }
  const deps: EventInputDeps = {
    catalogue: (name) => io.catalogueEvent(name),
    readStdin: () => io.readStdin(),
  };
  const source: EventSource = args.event.kind === "file" ? { kind: "file", path: resolve(io.cwd, args.event.path) } : args.event;
  const event = await readEvent(source, deps);
  const pool = createNodePool({ size: 1 });
  try {
    const session = await pool.newSession(config, {
      onLog: (log) => io.stderr.write(`${log.message}\n`),
      ...(sdk.builtinModules ? { environment: { builtinModules: sdk.builtinModules } } : {}),
      ...(sdk.hostCall ? { hostCall: (name: string, payload: unknown, info?: HostCallInfo) => sdk.hostCall?.(name, payload, info ?? { elapsedMs: 0, offsetMs: 0, phase: "invoke" }) } : {}),
    });
    let failed = false;
    try {
      for (let i = 0; i < args.times; i++) {
        const result = await session.invoke(event);
        io.stdout.write(`${JSON.stringify(result.payload ?? null)}\n`);
        if (result.status !== "success" || result.functionError) failed = true;
      }
    } finally {
      await session.dispose();
    }
    return failed ? EXIT.functionError : EXIT.ok;
  } catch (error) {
    if (error instanceof SandboxHostError)
      throw new UsageError(error.message, "invoke");
    throw error;
  } finally {
    await pool.dispose();
    aws.service.dispose();
  }
}

/** `invoke` with `--template` goes here (main.ts checks with template-option.ts). */
export { isTemplateInvoke } from "./template-option";
