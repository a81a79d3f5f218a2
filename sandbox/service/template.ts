/**
 * The SAM template subset Lambda Lab simulates (issue 4, "An architecture is a SAM template"):
 * parse YAML/JSON, resolve `Parameters`, `Globals`, `Ref`, `Fn::GetAtt`, `Fn::Sub` (and `Fn::Join`,
 * `Fn::Select`), and normalise each resource into the model the service runs.
 *
 * Anything outside the subset is reported by name: a warning when ignoring it cannot mislead (tags,
 * tracing, a VPC), an error when it would (a Python runtime, conditions, an image package).
 * Every error is a {@link TemplateError} naming the resource and the property.
 */
import { ConfigError, resolveFunctionConfig, utf8Length } from "../runtime/config";
import type { Architecture, LayerSource, LogFormat, LogLevel, NodeRuntime, SourceFiles } from "../runtime/types";
import { TemplateError } from "./errors";
import { expandPolicies, type PolicyStatement } from "./policies";
import { loadYaml, YamlSyntaxError } from "./yaml";

// ---- the model --------------------------------------------------------------------------------

export type TargetKind = "sqs" | "sns" | "eventbridge" | "lambda" | "s3";

/** Where a dead letter or destination record goes: a resource of the template, or an outside ARN. */
export interface TargetRef {
  kind: TargetKind;
  arn: string;
  /** Logical id when the target is in the template (deliveries to outside ARNs fail). */
  logicalId?: string;
}

export interface AsyncConfig {
  maximumRetryAttempts?: number;
  maximumEventAgeInSeconds?: number;
  onSuccess?: TargetRef;
  onFailure?: TargetRef;
}

export interface TemplateFunction {
  logicalId: string;
  functionName: string;
  arn: string;
  handler: string;
  runtime: NodeRuntime;
  architecture: Architecture;
  memoryMB: number;
  timeoutSeconds: number;
  ephemeralStorageMB: number;
  environment: Record<string, string>;
  logFormat: LogFormat;
  applicationLogLevel?: LogLevel;
  files: SourceFiles;
  layers: LayerSource[];
  reservedConcurrency?: number;
  /** Provisioned concurrency on the AutoPublishAlias (SAM requires the alias). */
  provisionedConcurrency?: number;
  autoPublishAlias?: string;
  deadLetter?: TargetRef;
  /** `EventInvokeConfig` of the function (applies to every qualifier without its own). */
  asyncConfig?: AsyncConfig;
  /** The execution role's statements (inline and expanded SAM policy templates), for IAM checks. */
  policies: PolicyStatement[];
  /** `Events` entries, kept for the event-source layer (issue 5). */
  events: { name: string; type: string; properties: Record<string, unknown> }[];
  /** `FunctionUrlConfig` (AuthType, Cors, InvokeMode), kept for the HTTP routers (issue 5). */
  functionUrlConfig?: Record<string, unknown>;
}

export interface TemplateLayer {
  logicalId: string;
  name: string;
  arn: string;
  files: SourceFiles;
}

/** `AWS::Lambda::Version`: publishes the function's current code and configuration at deploy. */
export interface TemplateVersion {
  logicalId: string;
  function: string;
  provisionedConcurrency?: number;
}

export interface TemplateAlias {
  logicalId: string;
  function: string;
  name: string;
  /** A version number, or `$LATEST`. */
  version: string;
  /** Additional version → weight (0–1). */
  weights: Record<string, number>;
  provisionedConcurrency?: number;
}

/** `AWS::Lambda::EventInvokeConfig`: async settings of one qualifier. */
export interface TemplateEventInvokeConfig {
  logicalId: string;
  function: string;
  qualifier: string;
  config: AsyncConfig;
}

/** A queue, topic, bus or bucket that holds what is delivered to it. */
export interface TemplateTarget {
  logicalId: string;
  kind: Exclude<TargetKind, "lambda">;
  type: string;
  name: string;
  arn: string;
  url?: string;
  fifo?: boolean;
  properties: Record<string, unknown>;
}

export interface TemplateWarning {
  resource: string;
  property?: string;
  message: string;
}

/** A resource of a type the core does not simulate, kept for extensions (issue 5). */
export interface OtherResource {
  logicalId: string;
  type: string;
  properties: Record<string, unknown>;
}

export interface ParsedTemplate {
  description?: string;
  region: string;
  accountId: string;
  stackName: string;
  parameters: Record<string, string>;
  functions: TemplateFunction[];
  layers: TemplateLayer[];
  versions: TemplateVersion[];
  aliases: TemplateAlias[];
  eventInvokeConfigs: TemplateEventInvokeConfig[];
  targets: TemplateTarget[];
  other: OtherResource[];
  warnings: TemplateWarning[];
}

export interface TemplateOptions {
  /** Values for `Parameters`, overriding defaults. */
  parameters?: Record<string, string | number | boolean | string[]>;
  /**
   * Files of the project, keyed by path relative to the template's folder: `CodeUri: src/` takes
   * the files under `src/`. The CLI fills this from disk; the browser from its editor tabs.
   */
  files?: Record<string, string>;
  /** Loads a `CodeUri` / `ContentUri` folder when `files` does not hold it (the CLI reads the disk). */
  codeLoader?: (path: string) => SourceFiles | Promise<SourceFiles>;
  region?: string;
  accountId?: string;
  stackName?: string;
  /** Resource types an extension simulates: not reported as "not simulated". */
  extensionResourceTypes?: readonly string[];
  /** `Events` types an extension simulates. */
  extensionEventTypes?: readonly string[];
  /** Name of the template file, for syntax error messages. */
  fileName?: string;
  /**
   * `Ref` (attr "Ref") and `Fn::GetAtt` values of resource types an extension simulates (an API id,
   * a table's StreamArn…). Return undefined to fall back to the built-in names and ARNs.
   */
  attribute?: (resource: { logicalId: string; type: string; properties: Record<string, unknown> }, attr: string, names: { region: string; accountId: string; stackName: string }) => string | undefined;
}

// ---- limits (LAMBDA.md §8; API CreateFunction, PutFunctionEventInvokeConfig) -------------------

/** Deployment package limit, unzipped, layers included: 250 MB (DG gettingstarted-limits). */
export const MAX_UNZIPPED_BYTES = 250 * 1024 * 1024;

const NODE_RUNTIMES: readonly NodeRuntime[] = ["nodejs18.x", "nodejs20.x", "nodejs22.x", "nodejs24.x"];
const LOG_LEVELS: readonly LogLevel[] = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"];

/** Function properties that change nothing observable in the simulator: accepted silently. */
const INERT_FUNCTION_PROPS = new Set(["Description", "Tags", "AutoPublishCodeSha256", "AutoPublishAliasAllProperties", "PropagateTags", "CodeSigningConfigArn", "RuntimeManagementConfig", "PermissionsBoundary", "RolePath"]);
/** Function properties that are not simulated; ignoring them is harmless enough for a warning. */
const WARN_FUNCTION_PROPS = new Set([
  "Tracing",
  "VpcConfig",
  "KmsKeyArn",
  "FileSystemConfigs",
  "Role",
  "AssumeRolePolicyDocument",
  "DeploymentPreference",
  "FunctionUrlConfig",
  "SnapStart",
  "ReservedConcurrentExecutionsUnlimited",
  "RecursiveLoop",
  "SourceKMSKeyArn",
]);
/** Function properties that would mislead if ignored: errors. */
const ERROR_FUNCTION_PROPS: Record<string, string> = {
  PackageType: "container image functions are not simulated (use a ZIP package: CodeUri or InlineCode)",
  ImageUri: "container image functions are not simulated (use a ZIP package: CodeUri or InlineCode)",
  ImageConfig: "container image functions are not simulated",
  Condition: "conditions are not simulated",
  CapacityProviderConfig: "Lambda Managed Instances are not simulated",
};

const KNOWN_FUNCTION_PROPS = new Set([
  "Handler",
  "Runtime",
  "InlineCode",
  "CodeUri",
  "FunctionName",
  "MemorySize",
  "Timeout",
  "Architectures",
  "Environment",
  "EphemeralStorage",
  "Layers",
  "ReservedConcurrentExecutions",
  "ProvisionedConcurrencyConfig",
  "AutoPublishAlias",
  "DeadLetterQueue",
  "EventInvokeConfig",
  "Policies",
  "Events",
  "LoggingConfig",
]);

// ---- entry point ------------------------------------------------------------------------------

/**
 * Parse a SAM template (YAML or JSON text, or already-parsed data) into the simulator's model.
 * Throws {@link TemplateError} naming the resource and property at fault.
 *
 * @example
 * const t = await parseTemplate(`
 * Transform: AWS::Serverless-2016-10-31
 * Resources:
 *   Hello:
 *     Type: AWS::Serverless::Function
 *     Properties: { Handler: index.handler, Runtime: nodejs22.x, InlineCode: "exports.handler = async () => 1" }
 * `);
 * t.functions[0].memoryMB; // 128
 */
export async function parseTemplate(source: string | object, options: TemplateOptions = {}): Promise<ParsedTemplate> {
  let raw: unknown;
  if (typeof source === "string") {
    try {
      raw = loadYaml(source, options.fileName ?? "template");
    } catch (error) {
      if (error instanceof YamlSyntaxError) {
        throw new TemplateError(`malformed YAML: ${error.message}`, { ...(error.line !== undefined ? { line: error.line } : {}) });
      }
      throw error;
    }
  } else raw = structuredClone(source);
  return new TemplateParser(options).parse(raw);
}

// ---- the parser -------------------------------------------------------------------------------

type Json = unknown;
type Obj = Record<string, unknown>;

const NO_VALUE = Symbol("AWS::NoValue");

function isObj(x: unknown): x is Obj {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

interface RawResource {
  logicalId: string;
  type: string;
  properties: Obj;
  dependsOn: string[];
  condition?: unknown;
}

class TemplateParser {
  private readonly region: string;
  private readonly accountId: string;
  private readonly stackName: string;
  private readonly warnings: TemplateWarning[] = [];
  private params: Record<string, string | string[]> = {};
  private resources = new Map<string, RawResource>();
  /** Physical names of resources whose name may come from a property (resolved lazily). */
  private names = new Map<string, string>();
  private resolvingNames = new Set<string>();

  constructor(private readonly options: TemplateOptions) {
    this.region = options.region ?? "us-east-1";
    this.accountId = options.accountId ?? "123456789012";
    this.stackName = options.stackName ?? "lambda-lab";
  }

  private warn(resource: string, property: string | undefined, message: string): void {
    this.warnings.push({ resource, ...(property !== undefined ? { property } : {}), message });
  }

  async parse(raw: Json): Promise<ParsedTemplate> {
    if (!isObj(raw)) throw new TemplateError("a template must be a YAML or JSON mapping with a Resources section");
    for (const key of Object.keys(raw)) {
      if (!["AWSTemplateFormatVersion", "Transform", "Description", "Parameters", "Globals", "Resources", "Outputs", "Metadata", "Conditions", "Mappings", "Rules"].includes(key)) {
        throw new TemplateError(`unknown top-level section ${JSON.stringify(key)}`, { resource: key });
      }
    }
    if (raw.Conditions !== undefined) this.warn("Conditions", undefined, "conditions are not simulated; resources with a Condition are refused");
    if (raw.Mappings !== undefined) this.warn("Mappings", undefined, "mappings are not simulated (Fn::FindInMap is refused)");
    if (raw.Rules !== undefined) this.warn("Rules", undefined, "parameter rules are not checked");
    const transform = raw.Transform;
    const transforms = Array.isArray(transform) ? transform : transform === undefined ? [] : [transform];
    this.readParameters(raw.Parameters);
    if (!isObj(raw.Resources) || Object.keys(raw.Resources).length === 0) {
      throw new TemplateError("the template has no Resources", { resource: "Resources" });
    }
    const globals = this.readGlobals(raw.Globals);
    for (const [logicalId, def] of Object.entries(raw.Resources)) {
      if (!/^[A-Za-z0-9]+$/.test(logicalId)) throw new TemplateError("logical ids are alphanumeric (A-Z, a-z, 0-9)", { resource: logicalId });
      if (!isObj(def)) throw new TemplateError("a resource must be a mapping with Type and Properties", { resource: logicalId });
      if (typeof def.Type !== "string") throw new TemplateError("Type is missing", { resource: logicalId, property: "Type" });
      const props = def.Properties === undefined ? {} : def.Properties;
      if (!isObj(props)) throw new TemplateError("Properties must be a mapping", { resource: logicalId, property: "Properties" });
      const dependsOn = def.DependsOn === undefined ? [] : Array.isArray(def.DependsOn) ? def.DependsOn.map(String) : [String(def.DependsOn)];
      for (const d of dependsOn) {
        if (!isObj(raw.Resources[d])) throw new TemplateError(`DependsOn names ${JSON.stringify(d)}, which is not a resource of this template`, { resource: logicalId, property: "DependsOn" });
      }
      if (def.Condition !== undefined) throw new TemplateError("conditions are not simulated", { resource: logicalId, property: "Condition" });
      const merged = def.Type === "AWS::Serverless::Function" ? mergeGlobals(globals, props) : props;
      this.resources.set(logicalId, { logicalId, type: def.Type, properties: merged, dependsOn });
    }
    this.checkCycles();
    const usesSam = [...this.resources.values()].some((r) => r.type.startsWith("AWS::Serverless::"));
    if (usesSam && !transforms.includes("AWS::Serverless-2016-10-31")) {
      this.warn("Transform", undefined, "a SAM template declares Transform: AWS::Serverless-2016-10-31 (read as SAM anyway)");
    }

    const out: ParsedTemplate = {
      ...(typeof raw.Description === "string" ? { description: raw.Description } : {}),
      region: this.region,
      accountId: this.accountId,
      stackName: this.stackName,
      parameters: Object.fromEntries(Object.entries(this.params).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : v])),
      functions: [],
      layers: [],
      versions: [],
      aliases: [],
      eventInvokeConfigs: [],
      targets: [],
      other: [],
      warnings: this.warnings,
    };
    const ext = new Set(this.options.extensionResourceTypes ?? []);
    // Layers and targets first: functions refer to them by ARN.
    for (const r of this.resources.values()) {
      if (r.type === "AWS::Serverless::LayerVersion" || r.type === "AWS::Lambda::LayerVersion") out.layers.push(await this.layer(r));
      else if (TARGET_TYPES[r.type]) out.targets.push(this.target(r));
    }
    for (const r of this.resources.values()) {
      switch (r.type) {
        case "AWS::Serverless::Function":
          out.functions.push(await this.func(r, out));
          break;
        case "AWS::Serverless::LayerVersion":
        case "AWS::Lambda::LayerVersion":
          break;
        case "AWS::Lambda::Version":
          out.versions.push(this.version(r));
          break;
        case "AWS::Lambda::Alias":
          out.aliases.push(this.alias(r));
          break;
        case "AWS::Lambda::EventInvokeConfig":
          out.eventInvokeConfigs.push(this.eventInvokeConfig(r, out));
          break;
        case "AWS::Lambda::Function":
          out.functions.push(await this.func(this.fromCloudFormation(r), out));
          break;
        default:
          if (TARGET_TYPES[r.type]) break;
          out.other.push({ logicalId: r.logicalId, type: r.type, properties: this.resolveLoose(r) });
          if (!ext.has(r.type)) this.warn(r.logicalId, "Type", `${r.type} is not simulated (the resource is ignored)`);
      }
    }
    this.addImplicitTargets(out);
    this.checkReferences(out);
    return out;
  }

  // ---- parameters and globals -----------------------------------------------------------------

  private readParameters(section: unknown): void {
    const given = this.options.parameters ?? {};
    if (section === undefined) {
      for (const k of Object.keys(given)) throw new TemplateError(`parameter ${k} is not declared in the template`, { resource: "Parameters", property: k });
      return;
    }
    if (!isObj(section)) throw new TemplateError("Parameters must be a mapping", { resource: "Parameters" });
    for (const k of Object.keys(given)) {
      if (!(k in section)) throw new TemplateError(`parameter ${k} is not declared in the template`, { resource: "Parameters", property: k });
    }
    for (const [name, def] of Object.entries(section)) {
      if (!isObj(def)) throw new TemplateError("a parameter must be a mapping with a Type", { resource: "Parameters", property: name });
      const type = String(def.Type ?? "String");
      const value = given[name] ?? def.Default;
      if (value === undefined) {
        throw new TemplateError(`parameter ${name} has no Default and no value was given`, { resource: "Parameters", property: name });
      }
      let v: string | string[];
      if (type === "CommaDelimitedList" || type.startsWith("List<")) {
        v = Array.isArray(value) ? value.map(String) : String(value).split(",").map((s) => s.trim());
      } else {
        v = Array.isArray(value) ? value.join(",") : String(value);
      }
      if (type === "Number") {
        if (typeof v !== "string" || v.trim() === "" || !Number.isFinite(Number(v))) throw new TemplateError(`parameter ${name} must be a number (got ${JSON.stringify(v)})`, { resource: "Parameters", property: name });
        const n = Number(v);
        if (typeof def.MinValue === "number" && n < def.MinValue) throw new TemplateError(`parameter ${name} is below its MinValue ${def.MinValue}`, { resource: "Parameters", property: name });
        if (typeof def.MaxValue === "number" && n > def.MaxValue) throw new TemplateError(`parameter ${name} is above its MaxValue ${def.MaxValue}`, { resource: "Parameters", property: name });
      }
      if (Array.isArray(def.AllowedValues) && typeof v === "string" && !def.AllowedValues.map(String).includes(v)) {
        throw new TemplateError(`parameter ${name} must be one of ${def.AllowedValues.map(String).join(", ")} (got ${v})`, { resource: "Parameters", property: name });
      }
      if (typeof def.AllowedPattern === "string" && typeof v === "string" && !new RegExp(`^(?:${def.AllowedPattern})$`).test(v)) {
        throw new TemplateError(`parameter ${name} does not match its AllowedPattern ${def.AllowedPattern}`, { resource: "Parameters", property: name });
      }
      this.params[name] = v;
    }
  }

  private readGlobals(section: unknown): Obj {
    if (section === undefined) return {};
    if (!isObj(section)) throw new TemplateError("Globals must be a mapping", { resource: "Globals" });
    for (const key of Object.keys(section)) {
      if (key !== "Function") this.warn("Globals", key, `Globals.${key} is not simulated (only Globals.Function)`);
    }
    const fn = section.Function;
    if (fn === undefined) return {};
    if (!isObj(fn)) throw new TemplateError("Globals.Function must be a mapping", { resource: "Globals", property: "Function" });
    for (const key of ["FunctionName", "Events", "Policies", "InlineCode"]) {
      // SAM refuses these in Globals.
      if (key in fn && key !== "InlineCode") throw new TemplateError(`${key} is not supported in Globals (SAM refuses it)`, { resource: "Globals", property: `Function.${key}` });
    }
    return fn;
  }

  // ---- intrinsic functions --------------------------------------------------------------------

  private pseudo(name: string): string | typeof NO_VALUE | undefined {
    switch (name) {
      case "AWS::Region":
        return this.region;
      case "AWS::AccountId":
        return this.accountId;
      case "AWS::StackName":
        return this.stackName;
      case "AWS::StackId":
        return `arn:aws:cloudformation:${this.region}:${this.accountId}:stack/${this.stackName}/00000000-0000-4000-8000-000000000000`;
      case "AWS::Partition":
        return "aws";
      case "AWS::URLSuffix":
        return "amazonaws.com";
      case "AWS::NoValue":
        return NO_VALUE;
      case "AWS::NotificationARNs":
        return undefined;
      default:
        return undefined;
    }
  }

  /** Resolve every intrinsic in `value`. `where` names the resource and property for errors. */
  resolve(value: Json, where: { resource: string; property: string }): Json {
    if (Array.isArray(value)) return value.map((v) => this.resolve(v, where)).filter((v) => v !== NO_VALUE);
    if (!isObj(value)) return value;
    const keys = Object.keys(value);
    if (keys.length === 1) {
      const k = keys[0] as string;
      const arg = value[k];
      if (k === "Ref") return this.ref(arg, where);
      if (k === "Fn::GetAtt") return this.getAtt(arg, where);
      if (k === "Fn::Sub") return this.sub(arg, where);
      if (k === "Fn::Join") {
        const a = this.resolve(arg, where);
        if (!Array.isArray(a) || a.length !== 2 || typeof a[0] !== "string" || !Array.isArray(a[1])) throw new TemplateError("Fn::Join takes [delimiter, [values]]", where);
        return a[1].map((x) => this.scalar(x, where, "Fn::Join")).join(a[0]);
      }
      if (k === "Fn::Select") {
        const a = this.resolve(arg, where);
        if (!Array.isArray(a) || a.length !== 2) throw new TemplateError("Fn::Select takes [index, list]", where);
        const list = typeof a[1] === "string" ? a[1].split(",") : a[1];
        const i = Number(a[0]);
        if (!Array.isArray(list) || !Number.isInteger(i) || i < 0 || i >= list.length) throw new TemplateError(`Fn::Select index ${String(a[0])} is out of range`, where);
        return list[i] as Json;
      }
      if (k.startsWith("Fn::") || k === "Condition") {
        const known = ["Fn::If", "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not", "Fn::FindInMap", "Fn::ImportValue", "Fn::Base64", "Fn::Cidr", "Fn::GetAZs", "Fn::Transform", "Fn::Split", "Fn::Length", "Fn::ToJsonString", "Condition"];
        if (known.includes(k)) throw new TemplateError(`the intrinsic function ${k} is not simulated (supported: Ref, Fn::GetAtt, Fn::Sub, Fn::Join, Fn::Select)`, where);
        throw new TemplateError(`unknown intrinsic function ${k}`, where);
      }
    }
    const out: Obj = {};
    for (const [k, v] of Object.entries(value)) {
      const r = this.resolve(v, where);
      if (r !== NO_VALUE) out[k] = r;
    }
    return out;
  }

  private scalar(x: Json, where: { resource: string; property: string }, fn: string): string {
    if (typeof x === "string" || typeof x === "number" || typeof x === "boolean") return String(x);
    throw new TemplateError(`${fn} needs a string here, got ${JSON.stringify(x)}`, where);
  }

  private ref(arg: Json, where: { resource: string; property: string }): Json {
    if (typeof arg !== "string") throw new TemplateError("Ref takes a name", where);
    const p = this.pseudo(arg);
    if (p !== undefined) return p;
    if (arg.startsWith("AWS::")) throw new TemplateError(`unknown pseudo parameter ${arg}`, where);
    if (arg in this.params) return this.params[arg];
    // SAM's generated resources: MyFunction.Alias, MyFunction.Version.
    const dot = arg.indexOf(".");
    if (dot > 0) {
      const fn = arg.slice(0, dot);
      const r = this.resources.get(fn);
      if (r?.type === "AWS::Serverless::Function") {
        const alias = r.properties.AutoPublishAlias;
        if (arg.endsWith(".Alias") && alias !== undefined) return `${this.functionArn(fn)}:${String(this.resolve(alias, where))}`;
        if (arg.endsWith(".Version") && alias !== undefined) return `${this.functionArn(fn)}:1`;
      }
    }
    const r = this.resources.get(arg);
    if (!r) {
      const implicit = this.implicit(arg);
      if (implicit) return implicit.ref;
      throw new TemplateError(`Ref to ${JSON.stringify(arg)}, which is neither a parameter nor a resource of this template`, where);
    }
    return this.attribute(r, "Ref", where);
  }

  private getAtt(arg: Json, where: { resource: string; property: string }): Json {
    let id: string;
    let attr: string;
    if (typeof arg === "string") {
      const dot = arg.indexOf(".");
      if (dot < 0) throw new TemplateError(`Fn::GetAtt ${JSON.stringify(arg)} needs Resource.Attribute`, where);
      id = arg.slice(0, dot);
      attr = arg.slice(dot + 1);
    } else if (Array.isArray(arg) && arg.length === 2) {
      id = String(arg[0]);
      const a = this.resolve(arg[1], where);
      attr = String(a);
    } else throw new TemplateError("Fn::GetAtt takes [Resource, Attribute]", where);
    const r = this.resources.get(id);
    if (!r) {
      const implicit = this.implicit(id);
      if (implicit && implicit.attrs[attr] !== undefined) return implicit.attrs[attr];
      throw new TemplateError(`Fn::GetAtt refers to ${JSON.stringify(id)}, which is not a resource of this template`, where);
    }
    return this.attribute(r, attr, where);
  }

  private sub(arg: Json, where: { resource: string; property: string }): Json {
    let text: Json;
    let vars: Obj = {};
    if (Array.isArray(arg)) {
      if (arg.length !== 2 || !isObj(arg[1])) throw new TemplateError("Fn::Sub takes a string or [string, { Name: value }]", where);
      text = arg[0];
      vars = this.resolve(arg[1], where) as Obj;
    } else text = arg;
    if (typeof text !== "string") throw new TemplateError("Fn::Sub takes a string", where);
    return text.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
      if (inner.startsWith("!")) return "${" + inner.slice(1) + "}";
      const name = inner.trim();
      if (name in vars) return this.scalar(vars[name], where, "Fn::Sub");
      const dot = name.indexOf(".");
      if (dot > 0 && !name.startsWith("AWS::")) {
        return this.scalar(this.getAtt(name, where), where, "Fn::Sub");
      }
      const v = this.ref(name, where);
      if (Array.isArray(v)) return v.join(",");
      return this.scalar(v, where, "Fn::Sub");
    });
  }

  /** Resolve with errors (used for properties the simulator reads). */
  private prop(r: RawResource, name: string): Json {
    const v = r.properties[name];
    if (v === undefined) return undefined;
    const out = this.resolve(v, { resource: r.logicalId, property: name });
    return out === NO_VALUE ? undefined : out;
  }

  /** Resolve a whole resource's properties for extensions: unresolvable parts stay as written. */
  private resolveLoose(r: RawResource): Obj {
    const out: Obj = {};
    for (const [k, v] of Object.entries(r.properties)) {
      try {
        const x = this.resolve(v, { resource: r.logicalId, property: k });
        if (x !== NO_VALUE) out[k] = x;
      } catch (error) {
        if (!(error instanceof TemplateError)) throw error;
        this.warn(r.logicalId, k, error.message);
        out[k] = v;
      }
    }
    return out;
  }

  // ---- names, ARNs and attributes -------------------------------------------------------------

  private physicalName(r: RawResource, property: string | undefined, fallback: string): string {
    const cached = this.names.get(r.logicalId);
    if (cached !== undefined) return cached;
    let name = fallback;
    if (property && r.properties[property] !== undefined) {
      if (this.resolvingNames.has(r.logicalId)) {
        throw new TemplateError(`circular reference: ${r.logicalId}'s ${property} depends on itself`, { resource: r.logicalId, property });
      }
      this.resolvingNames.add(r.logicalId);
      try {
        const v = this.prop(r, property);
        if (typeof v !== "string" || v === "") throw new TemplateError(`${property} must be a non-empty string`, { resource: r.logicalId, property });
        name = v;
      } finally {
        this.resolvingNames.delete(r.logicalId);
      }
    }
    this.names.set(r.logicalId, name);
    return name;
  }

  private functionName(id: string): string {
    const r = this.resources.get(id);
    if (!r) return id;
    return this.physicalName(r, "FunctionName", id);
  }

  private functionArn(id: string): string {
    return `arn:aws:lambda:${this.region}:${this.accountId}:function:${this.functionName(id)}`;
  }

  private implicit(id: string): { ref: string; attrs: Record<string, string> } | undefined {
    // SAM creates <Function>Role for functions without Role.
    const m = /^(.+)Role$/.exec(id);
    if (m?.[1]) {
      const r = this.resources.get(m[1]);
      if (r?.type === "AWS::Serverless::Function") {
        const name = `${this.stackName}-${m[1]}Role`;
        return { ref: name, attrs: { Arn: `arn:aws:iam::${this.accountId}:role/${name}`, RoleId: `AROA${m[1].toUpperCase().slice(0, 17)}` } };
      }
    }
    // SAM's EventInvokeConfig destinations without a Destination create a queue or topic.
    const q = /^(.+)EventInvokeConfig(OnSuccess|OnFailure)(Queue|Topic)$/.exec(id);
    if (q?.[1]) {
      const name = `${this.stackName}-${id}`;
      if (q[3] === "Queue") {
        const arn = `arn:aws:sqs:${this.region}:${this.accountId}:${name}`;
        return { ref: `https://sqs.${this.region}.amazonaws.com/${this.accountId}/${name}`, attrs: { Arn: arn, QueueName: name } };
      }
      const arn = `arn:aws:sns:${this.region}:${this.accountId}:${name}`;
      return { ref: arn, attrs: { TopicArn: arn, TopicName: name } };
    }
    return undefined;
  }

  private attribute(r: RawResource, attr: string, where: { resource: string; property: string }): Json {
    const id = r.logicalId;
    const fail = (): never => {
      throw new TemplateError(`${r.type} ${id} has no attribute ${attr} (in the simulated subset)`, where);
    };
    const region = this.region;
    const acct = this.accountId;
    switch (r.type) {
      case "AWS::Serverless::Function":
      case "AWS::Lambda::Function": {
        if (attr === "Ref") return this.functionName(id);
        if (attr === "Arn") return this.functionArn(id);
        return fail();
      }
      case "AWS::Serverless::LayerVersion":
      case "AWS::Lambda::LayerVersion": {
        const name = this.physicalName(r, "LayerName", id);
        const arn = `arn:aws:lambda:${region}:${acct}:layer:${name}:1`;
        if (attr === "Ref" || attr === "LayerVersionArn") return arn;
        return fail();
      }
      case "AWS::Lambda::Version": {
        const fnId = this.functionOf(r, "FunctionName");
        if (attr === "Ref") return `${this.functionArn(fnId)}:1`;
        if (attr === "Version") return "1";
        if (attr === "FunctionArn") return this.functionArn(fnId);
        return fail();
      }
      case "AWS::Lambda::Alias": {
        const fnId = this.functionOf(r, "FunctionName");
        const name = this.physicalName(r, "Name", id);
        if (attr === "Ref" || attr === "AliasArn") return `${this.functionArn(fnId)}:${name}`;
        return fail();
      }
      case "AWS::SQS::Queue": {
        const fifo = r.properties.FifoQueue === true || r.properties.FifoQueue === "true";
        const name = this.physicalName(r, "QueueName", `${this.stackName}-${id}${fifo ? ".fifo" : ""}`);
        const url = `https://sqs.${region}.amazonaws.com/${acct}/${name}`;
        if (attr === "Ref" || attr === "QueueUrl") return url;
        if (attr === "Arn") return `arn:aws:sqs:${region}:${acct}:${name}`;
        if (attr === "QueueName") return name;
        return fail();
      }
      case "AWS::SNS::Topic": {
        const name = this.physicalName(r, "TopicName", `${this.stackName}-${id}`);
        const arn = `arn:aws:sns:${region}:${acct}:${name}`;
        if (attr === "Ref" || attr === "TopicArn") return arn;
        if (attr === "TopicName") return name;
        return fail();
      }
      case "AWS::Events::EventBus": {
        const name = this.physicalName(r, "Name", id);
        if (attr === "Ref" || attr === "Name") return name;
        if (attr === "Arn") return `arn:aws:events:${region}:${acct}:event-bus/${name}`;
        return fail();
      }
      case "AWS::S3::Bucket": {
        const name = this.physicalName(r, "BucketName", `${this.stackName}-${id}`.toLowerCase());
        if (attr === "Ref") return name;
        if (attr === "Arn") return `arn:aws:s3:::${name}`;
        if (attr === "DomainName") return `${name}.s3.amazonaws.com`;
        if (attr === "RegionalDomainName") return `${name}.s3.${region}.amazonaws.com`;
        return fail();
      }
      default: {
        const ext = this.options.attribute?.({ logicalId: id, type: r.type, properties: r.properties }, attr, { region, accountId: acct, stackName: this.stackName });
        if (ext !== undefined) return ext;
        // Resources the core does not simulate (or an extension does): plausible names and ARNs.
        const service = (r.type.split("::")[1] ?? "unknown").toLowerCase();
        if (attr === "Ref") return `${this.stackName}-${id}`;
        if (attr === "Arn") return `arn:aws:${service}:${region}:${acct}:${id}`;
        if (attr === "StreamArn") return `arn:aws:${service}:${region}:${acct}:table/${id}/stream/2026-01-01T00:00:00.000`;
        return `${this.stackName}-${id}-${attr}`;
      }
    }
  }

  /** The logical id of the function a property (FunctionName) points at, by name or ARN. */
  private functionOf(r: RawResource, property: string): string {
    const raw = r.properties[property];
    if (raw === undefined) throw new TemplateError(`${property} is required`, { resource: r.logicalId, property });
    // Follow the reference itself when it is a plain Ref/GetAtt, without resolving names.
    if (isObj(raw)) {
      const ref = raw.Ref;
      if (typeof ref === "string" && isFunctionType(this.resources.get(ref)?.type)) return ref;
      const ga = raw["Fn::GetAtt"];
      if (Array.isArray(ga) && typeof ga[0] === "string" && isFunctionType(this.resources.get(ga[0])?.type)) return ga[0];
    }
    const v = this.prop(r, property);
    if (typeof v === "string") {
      for (const [id, res] of this.resources) {
        if (!isFunctionType(res.type)) continue;
        if (this.functionName(id) === v || this.functionArn(id) === v) return id;
      }
    }
    throw new TemplateError(`${JSON.stringify(v)} is not a function of this template`, { resource: r.logicalId, property });
  }

  // ---- dependency cycles (CloudFormation refuses circular dependencies) ------------------------

  private checkCycles(): void {
    const deps = new Map<string, Set<string>>();
    for (const r of this.resources.values()) {
      const s = new Set<string>(r.dependsOn);
      collectRefs(r.properties, s);
      for (const d of [...s]) {
        if (!this.resources.has(d)) s.delete(d);
      }
      deps.set(r.logicalId, s);
    }
    const state = new Map<string, 1 | 2>();
    const stack: string[] = [];
    const visit = (id: string): void => {
      state.set(id, 1);
      stack.push(id);
      for (const d of deps.get(id) ?? []) {
        const s = state.get(d);
        if (s === 1) {
          const cycle = [...stack.slice(stack.indexOf(d)), d];
          throw new TemplateError(`circular dependency between resources: ${cycle.join(" → ")}`, { resource: id });
        }
        if (s === undefined) visit(d);
      }
      stack.pop();
      state.set(id, 2);
    };
    for (const id of deps.keys()) if (!state.has(id)) visit(id);
  }

  // ---- resources ------------------------------------------------------------------------------

  private int(r: RawResource, property: string, value: Json, min: number, max: number): number {
    const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
    if (typeof n !== "number" || !Number.isInteger(n) || n < min || n > max) {
      throw new TemplateError(`must be a whole number from ${min} to ${max} (got ${JSON.stringify(value)})`, { resource: r.logicalId, property });
    }
    return n;
  }

  private async code(r: RawResource, property: string, value: Json): Promise<SourceFiles> {
    const where = { resource: r.logicalId, property };
    if (isObj(value)) {
      if ("Bucket" in value || "Key" in value) throw new TemplateError("code in S3 (Bucket/Key) is not simulated; give a folder or a map of files", where);
      const files: SourceFiles = {};
      for (const [k, v] of Object.entries(value)) {
        if (typeof v !== "string") throw new TemplateError(`file ${k} must be text`, where);
        files[k] = v;
      }
      return files;
    }
    if (typeof value !== "string" || value.trim() === "") throw new TemplateError("must be a folder or a map of files", where);
    if (/^s3:\/\//.test(value)) throw new TemplateError("code in S3 is not simulated; give a folder or a map of files", where);
    const folder = normaliseFolder(value);
    const given = this.options.files;
    if (given) {
      const prefix = folder === "" ? "" : folder + "/";
      const files: SourceFiles = {};
      for (const [k, v] of Object.entries(given)) {
        const key = normaliseFolder(k);
        if (key.startsWith(prefix)) files[key.slice(prefix.length)] = v;
      }
      if (Object.keys(files).length > 0) return files;
    }
    if (this.options.codeLoader) {
      try {
        return await this.options.codeLoader(value);
      } catch (error) {
        throw new TemplateError(`cannot read ${value}: ${error instanceof Error ? error.message : String(error)}`, where);
      }
    }
    throw new TemplateError(`no files found for ${JSON.stringify(value)} (pass them as files, or use InlineCode)`, where);
  }

  private async layer(r: RawResource): Promise<TemplateLayer> {
    const arn = this.attribute(r, "Ref", { resource: r.logicalId, property: "Type" }) as string;
    const content = r.type === "AWS::Serverless::LayerVersion" ? "ContentUri" : "Content";
    const v = this.prop(r, content);
    if (v === undefined) throw new TemplateError(`${content} is required`, { resource: r.logicalId, property: content });
    for (const k of Object.keys(r.properties)) {
      if (![content, "LayerName", "Description", "CompatibleRuntimes", "CompatibleArchitectures", "LicenseInfo", "RetentionPolicy"].includes(k)) this.warn(r.logicalId, k, `${k} is not simulated`);
    }
    return { logicalId: r.logicalId, name: this.physicalName(r, "LayerName", r.logicalId), arn, files: await this.code(r, content, v) };
  }

  private target(r: RawResource): TemplateTarget {
    const kind = TARGET_TYPES[r.type] as TemplateTarget["kind"];
    const where = { resource: r.logicalId, property: "Type" };
    const arn = this.attribute(r, kind === "sqs" || kind === "eventbridge" || kind === "s3" ? "Arn" : "Ref", where) as string;
    const t: TemplateTarget = { logicalId: r.logicalId, kind, type: r.type, name: arn.split(/[:/]/).pop() ?? r.logicalId, arn, properties: this.resolveLoose(r) };
    if (kind === "sqs") {
      t.url = this.attribute(r, "Ref", where) as string;
      t.fifo = r.properties.FifoQueue === true || r.properties.FifoQueue === "true";
    }
    if (kind === "s3") t.name = this.attribute(r, "Ref", where) as string;
    if (kind === "eventbridge") t.name = this.attribute(r, "Ref", where) as string;
    return t;
  }

  private targetRef(r: RawResource, property: string, arn: Json, typeHint: string | undefined, targets: TemplateTarget[]): TargetRef {
    const where = { resource: r.logicalId, property };
    if (typeof arn !== "string" || arn === "") throw new TemplateError("must be an ARN (e.g. !GetAtt MyQueue.Arn)", where);
    const service = /^arn:aws[a-zA-Z-]*:([a-z0-9]+):/.exec(arn)?.[1];
    const byService: Record<string, TargetKind> = { sqs: "sqs", sns: "sns", events: "eventbridge", lambda: "lambda", s3: "s3" };
    const kind = service ? byService[service] : undefined;
    if (!kind) throw new TemplateError(`${arn} is not the ARN of an SQS queue, SNS topic, EventBridge bus, S3 bucket or Lambda function`, where);
    if (typeHint !== undefined) {
      const hint: Record<string, TargetKind> = { SQS: "sqs", SNS: "sns", EventBridge: "eventbridge", Lambda: "lambda", S3: "s3" };
      if (hint[typeHint] === undefined) throw new TemplateError(`Type must be SQS, SNS, Lambda, EventBridge or S3 (got ${typeHint})`, where);
      if (hint[typeHint] !== kind) throw new TemplateError(`Type ${typeHint} does not match the destination ${arn}`, where);
    }
    const t = targets.find((x) => x.arn === arn);
    if (t) return { kind, arn, logicalId: t.logicalId };
    if (kind === "lambda") {
      for (const [id, res] of this.resources) {
        if (isFunctionType(res.type) && (this.functionArn(id) === arn || arn.startsWith(this.functionArn(id) + ":"))) return { kind, arn, logicalId: id };
      }
    }
    const implicit = [...targets].find((x) => x.arn === arn);
    if (implicit) return { kind, arn, logicalId: implicit.logicalId };
    this.warn(r.logicalId, property, `${arn} is not a resource of this template: deliveries to it are not simulated and count as failed`);
    return { kind, arn };
  }

  private asyncConfig(r: RawResource, base: string, cfg: Json, targets: TemplateTarget[], sam: boolean): AsyncConfig {
    if (!isObj(cfg)) throw new TemplateError("must be a mapping", { resource: r.logicalId, property: base });
    const out: AsyncConfig = {};
    for (const k of Object.keys(cfg)) {
      if (!["MaximumRetryAttempts", "MaximumEventAgeInSeconds", "DestinationConfig", "FunctionName", "Qualifier"].includes(k)) this.warn(r.logicalId, `${base}${base ? "." : ""}${k}`, `${k} is not simulated`);
    }
    const p = (k: string) => (base ? `${base}.${k}` : k);
    // PutFunctionEventInvokeConfig: MaximumRetryAttempts 0–2, MaximumEventAgeInSeconds 60–21,600.
    if (cfg.MaximumRetryAttempts !== undefined) out.maximumRetryAttempts = this.int(r, p("MaximumRetryAttempts"), cfg.MaximumRetryAttempts, 0, 2);
    if (cfg.MaximumEventAgeInSeconds !== undefined) out.maximumEventAgeInSeconds = this.int(r, p("MaximumEventAgeInSeconds"), cfg.MaximumEventAgeInSeconds, 60, 21_600);
    const dc = cfg.DestinationConfig;
    if (dc !== undefined) {
      if (!isObj(dc)) throw new TemplateError("must be a mapping with OnSuccess and/or OnFailure", { resource: r.logicalId, property: p("DestinationConfig") });
      for (const which of ["OnSuccess", "OnFailure"] as const) {
        const d = dc[which];
        if (d === undefined) continue;
        const prop = p(`DestinationConfig.${which}`);
        if (!isObj(d)) throw new TemplateError("must be a mapping with Destination", { resource: r.logicalId, property: prop });
        const type = d.Type === undefined ? undefined : String(d.Type);
        let dest = d.Destination;
        if (dest === undefined && sam && (type === "SQS" || type === "SNS")) {
          // SAM creates the queue or topic when Destination is left out.
          const id = `${r.logicalId}EventInvokeConfig${which}${type === "SQS" ? "Queue" : "Topic"}`;
          const imp = this.implicit(id);
          if (imp) dest = type === "SQS" ? imp.attrs.Arn : imp.ref;
        }
        if (dest === undefined) throw new TemplateError("Destination is required", { resource: r.logicalId, property: `${prop}.Destination` });
        if (type === "S3" && which === "OnSuccess") throw new TemplateError("S3 buckets are supported only for on-failure destinations", { resource: r.logicalId, property: prop });
        const ref = this.targetRef(r, `${prop}.Destination`, dest, type, targets);
        if (which === "OnSuccess") out.onSuccess = ref;
        else out.onFailure = ref;
      }
    }
    return out;
  }

  private async func(r: RawResource, out: ParsedTemplate): Promise<TemplateFunction> {
    const id = r.logicalId;
    const where = (property: string) => ({ resource: id, property });
    for (const k of Object.keys(r.properties)) {
      if (ERROR_FUNCTION_PROPS[k]) throw new TemplateError(ERROR_FUNCTION_PROPS[k], where(k));
      // FunctionUrlConfig is simulated when an extension handles AWS::Lambda::Url (issue 5's HTTP routers).
      if (k === "FunctionUrlConfig" && this.options.extensionResourceTypes?.includes("AWS::Lambda::Url")) continue;
      if (WARN_FUNCTION_PROPS.has(k)) this.warn(id, k, `${k} is not simulated (ignored)`);
      else if (!KNOWN_FUNCTION_PROPS.has(k) && !INERT_FUNCTION_PROPS.has(k)) this.warn(id, k, `${k} is not simulated (ignored)`);
    }
    const handler = this.prop(r, "Handler");
    if (typeof handler !== "string" || handler === "") throw new TemplateError("Handler is required (e.g. index.handler)", where("Handler"));
    const runtime = this.prop(r, "Runtime") ?? undefined;
    if (runtime === undefined) throw new TemplateError("Runtime is required (e.g. nodejs22.x)", where("Runtime"));
    if (typeof runtime !== "string" || !NODE_RUNTIMES.includes(runtime as NodeRuntime)) {
      throw new TemplateError(`only Node.js runtimes are simulated (${NODE_RUNTIMES.join(", ")}); got ${JSON.stringify(runtime)}`, where("Runtime"));
    }
    const inline = this.prop(r, "InlineCode");
    const codeUri = this.prop(r, "CodeUri");
    if (inline !== undefined && codeUri !== undefined) throw new TemplateError("give either InlineCode or CodeUri, not both", where("InlineCode"));
    let files: SourceFiles;
    if (inline !== undefined) {
      if (typeof inline !== "string") throw new TemplateError("must be the function's source text", where("InlineCode"));
      // CloudFormation writes inline code as index.js (the handler's file name).
      const file = handler.includes(".") ? handler.slice(0, handler.lastIndexOf(".")) : "index";
      files = { [`${file}.js`]: inline };
    } else if (codeUri !== undefined) files = await this.code(r, "CodeUri", codeUri);
    else throw new TemplateError("the function has no code: give InlineCode or CodeUri", where("CodeUri"));

    // Deployment package: 250 MB unzipped, layers included (DG gettingstarted-limits).
    let codeBytes = 0;
    for (const text of Object.values(files)) codeBytes += utf8Length(text);
    if (codeBytes > MAX_UNZIPPED_BYTES) throw new TemplateError(`the function's code is ${codeBytes} bytes, over Lambda's 250 MB unzipped deployment package limit`, where(inline !== undefined ? "InlineCode" : "CodeUri"));
    const memoryMB = r.properties.MemorySize === undefined ? 128 : this.int(r, "MemorySize", this.prop(r, "MemorySize"), 128, 10_240);
    const timeoutSeconds = r.properties.Timeout === undefined ? 3 : this.int(r, "Timeout", this.prop(r, "Timeout"), 1, 900);
    let ephemeralStorageMB = 512;
    const eph = this.prop(r, "EphemeralStorage");
    if (eph !== undefined) {
      if (!isObj(eph)) throw new TemplateError("must be { Size: MB }", where("EphemeralStorage"));
      ephemeralStorageMB = this.int(r, "EphemeralStorage.Size", eph.Size, 512, 10_240);
    }
    let architecture: Architecture = "x86_64";
    const archs = this.prop(r, "Architectures");
    if (archs !== undefined) {
      if (!Array.isArray(archs) || archs.length !== 1 || (archs[0] !== "x86_64" && archs[0] !== "arm64")) {
        throw new TemplateError('must be a list of one architecture: [x86_64] or [arm64]', where("Architectures"));
      }
      architecture = archs[0];
    }
    const environment: Record<string, string> = {};
    const env = this.prop(r, "Environment");
    if (env !== undefined) {
      if (!isObj(env) || (env.Variables !== undefined && !isObj(env.Variables))) throw new TemplateError("must be { Variables: { NAME: value } }", where("Environment"));
      for (const [k, v] of Object.entries((env.Variables ?? {}))) {
        if (typeof v === "object" && v !== null) throw new TemplateError(`variable ${k} must be a string`, where("Environment.Variables"));
        environment[k] = String(v);
      }
    }
    let logFormat: LogFormat = "Text";
    let applicationLogLevel: LogLevel | undefined;
    const lc = this.prop(r, "LoggingConfig");
    if (lc !== undefined) {
      if (!isObj(lc)) throw new TemplateError("must be a mapping", where("LoggingConfig"));
      if (lc.LogFormat !== undefined) {
        if (lc.LogFormat !== "Text" && lc.LogFormat !== "JSON") throw new TemplateError("LogFormat must be Text or JSON", where("LoggingConfig.LogFormat"));
        logFormat = lc.LogFormat;
      }
      if (lc.ApplicationLogLevel !== undefined) {
        if (!LOG_LEVELS.includes(lc.ApplicationLogLevel as LogLevel)) throw new TemplateError(`ApplicationLogLevel must be one of ${LOG_LEVELS.join(", ")}`, where("LoggingConfig.ApplicationLogLevel"));
        if (logFormat !== "JSON") throw new TemplateError("ApplicationLogLevel needs LogFormat: JSON (as on Lambda)", where("LoggingConfig.ApplicationLogLevel"));
        applicationLogLevel = lc.ApplicationLogLevel as LogLevel;
      }
      for (const k of Object.keys(lc)) if (!["LogFormat", "ApplicationLogLevel"].includes(k)) this.warn(id, `LoggingConfig.${k}`, `${k} is not simulated`);
    }
    const layers: LayerSource[] = [];
    const layerList = this.prop(r, "Layers");
    if (layerList !== undefined) {
      if (!Array.isArray(layerList)) throw new TemplateError("must be a list of layer ARNs", where("Layers"));
      if (layerList.length > 5) throw new TemplateError(`a function can use at most 5 layers (got ${layerList.length})`, where("Layers"));
      for (const arn of layerList) {
        const l = out.layers.find((x) => x.arn === arn);
        if (l) {
          layers.push({ name: l.name, files: l.files });
          for (const text of Object.values(l.files)) codeBytes += utf8Length(text);
          if (codeBytes > MAX_UNZIPPED_BYTES) throw new TemplateError(`code and layers total ${codeBytes} bytes, over Lambda's 250 MB unzipped limit (layers included)`, where("Layers"));
        }
        else this.warn(id, "Layers", `layer ${String(arn)} is not in the template and is not simulated (its modules will not be found)`);
      }
    }
    let reservedConcurrency: number | undefined;
    if (r.properties.ReservedConcurrentExecutions !== undefined) {
      reservedConcurrency = this.int(r, "ReservedConcurrentExecutions", this.prop(r, "ReservedConcurrentExecutions"), 0, 1_000_000);
    }
    const aliasName = this.prop(r, "AutoPublishAlias");
    if (aliasName !== undefined && (typeof aliasName !== "string" || !/^(?!^[0-9]+$)[a-zA-Z0-9-_]{1,128}$/.test(aliasName))) {
      throw new TemplateError("an alias name is letters, digits, - and _ and not all digits", where("AutoPublishAlias"));
    }
    let provisionedConcurrency: number | undefined;
    const pc = this.prop(r, "ProvisionedConcurrencyConfig");
    if (pc !== undefined) {
      if (!isObj(pc)) throw new TemplateError("must be { ProvisionedConcurrentExecutions: n }", where("ProvisionedConcurrencyConfig"));
      // Provisioned concurrency only exists on a version or alias (DG provisioned-concurrency).
      if (aliasName === undefined) throw new TemplateError("needs AutoPublishAlias: provisioned concurrency applies to a published version or alias", where("ProvisionedConcurrencyConfig"));
      provisionedConcurrency = this.int(r, "ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions", pc.ProvisionedConcurrentExecutions, 1, 1_000_000);
      if (reservedConcurrency !== undefined && provisionedConcurrency > reservedConcurrency) {
        throw new TemplateError(`provisioned concurrency ${provisionedConcurrency} is above the function's reserved concurrency ${reservedConcurrency}`, where("ProvisionedConcurrencyConfig"));
      }
    }
    let deadLetter: TargetRef | undefined;
    const dlq = this.prop(r, "DeadLetterQueue");
    if (dlq !== undefined) {
      if (!isObj(dlq) || (dlq.Type !== "SQS" && dlq.Type !== "SNS")) throw new TemplateError("must be { Type: SQS | SNS, TargetArn: arn }", where("DeadLetterQueue"));
      deadLetter = this.targetRef(r, "DeadLetterQueue.TargetArn", dlq.TargetArn, dlq.Type, out.targets);
    }
    const eic = this.prop(r, "EventInvokeConfig");
    const asyncConfig = eic === undefined ? undefined : this.asyncConfig(r, "EventInvokeConfig", eic, out.targets, true);
    const policies = expandPolicies(this.prop(r, "Policies"), id, (p, m) => this.warn(id, p, m), this.region, this.accountId);
    const events: TemplateFunction["events"] = [];
    const evs = r.properties.Events;
    if (evs !== undefined) {
      if (!isObj(evs)) throw new TemplateError("must be a mapping of event names to { Type, Properties }", where("Events"));
      const extTypes = new Set(this.options.extensionEventTypes ?? []);
      for (const [name, e] of Object.entries(evs)) {
        if (!isObj(e) || typeof e.Type !== "string") throw new TemplateError("each event needs a Type", where(`Events.${name}`));
        const props = isObj(e.Properties) ? (this.resolveLooseValue(e.Properties, id, `Events.${name}`) as Obj) : {};
        events.push({ name, type: e.Type, properties: props });
        if (!extTypes.has(e.Type)) this.warn(id, `Events.${name}`, `event source type ${e.Type} is not simulated yet (invoke the function directly)`);
      }
    }
    const functionName = this.functionName(id);
    const f: TemplateFunction = {
      logicalId: id,
      functionName,
      arn: this.functionArn(id),
      handler,
      runtime: runtime as NodeRuntime,
      architecture,
      memoryMB,
      timeoutSeconds,
      ephemeralStorageMB,
      environment,
      logFormat,
      ...(applicationLogLevel ? { applicationLogLevel } : {}),
      files,
      layers,
      ...(reservedConcurrency !== undefined ? { reservedConcurrency } : {}),
      ...(provisionedConcurrency !== undefined ? { provisionedConcurrency } : {}),
      ...(typeof aliasName === "string" ? { autoPublishAlias: aliasName } : {}),
      ...(deadLetter ? { deadLetter } : {}),
      ...(asyncConfig ? { asyncConfig } : {}),
      policies,
      events,
      ...(isObj(r.properties.FunctionUrlConfig) ? { functionUrlConfig: this.resolveLooseValue(r.properties.FunctionUrlConfig, id, "FunctionUrlConfig") as Obj } : {}),
    };
    // The runtime's own checks (name, 4 KB of variables, reserved names), reported as template errors.
    try {
      resolveFunctionConfig({ functionName, handler, runtime: f.runtime, memoryMB, timeoutSeconds, ephemeralStorageMB, environment, files, layers, architecture, region: this.region, accountId: this.accountId });
    } catch (error) {
      if (error instanceof ConfigError) {
        const map: Record<string, string> = { functionName: "FunctionName", environment: "Environment.Variables", files: "CodeUri", layers: "Layers", handler: "Handler" };
        throw new TemplateError(error.message.replace(/^[a-zA-Z]+: /, ""), where(map[error.setting] ?? error.setting));
      }
      throw error;
    }
    return f;
  }

  /**
   * A plain CloudFormation `AWS::Lambda::Function`, read as the equivalent SAM function:
   * `Code.ZipFile` is inline code, `DeadLetterConfig.TargetArn` a DLQ.
   */
  private fromCloudFormation(r: RawResource): RawResource {
    const p = r.properties;
    const out: Obj = {};
    const where = (property: string) => ({ resource: r.logicalId, property });
    for (const [k, v] of Object.entries(p)) {
      if (k === "Code") {
        if (!isObj(v)) throw new TemplateError("must be a mapping with ZipFile", where("Code"));
        if (v.ZipFile === undefined) {
          const what = v.ImageUri !== undefined ? "container images are" : "code in S3 (S3Bucket/S3Key) is";
          throw new TemplateError(`${what} not simulated; give the source as Code.ZipFile`, where("Code"));
        }
        out.InlineCode = v.ZipFile;
      } else if (k === "DeadLetterConfig") {
        const arn = isObj(v) ? this.resolve(v.TargetArn, where("DeadLetterConfig.TargetArn")) : undefined;
        const type = typeof arn === "string" && arn.startsWith("arn:aws:sns:") ? "SNS" : "SQS";
        if (typeof arn !== "string") throw new TemplateError("must be { TargetArn: arn }", where("DeadLetterConfig"));
        out.DeadLetterQueue = { Type: type, TargetArn: arn };
      } else if (k === "TracingConfig") out.Tracing = v;
      else out[k] = v;
    }
    if (out.InlineCode === undefined) throw new TemplateError("Code is required (Code.ZipFile)", where("Code"));
    return { ...r, properties: out };
  }

  private resolveLooseValue(v: Json, resource: string, property: string): Json {
    try {
      const x = this.resolve(v, { resource, property });
      return x === NO_VALUE ? undefined : x;
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      this.warn(resource, property, error.message);
      return v;
    }
  }

  private version(r: RawResource): TemplateVersion {
    const fn = this.functionOf(r, "FunctionName");
    const pc = this.prop(r, "ProvisionedConcurrencyConfig");
    for (const k of Object.keys(r.properties)) if (!["FunctionName", "Description", "ProvisionedConcurrencyConfig", "CodeSha256"].includes(k)) this.warn(r.logicalId, k, `${k} is not simulated`);
    return {
      logicalId: r.logicalId,
      function: fn,
      ...(isObj(pc) ? { provisionedConcurrency: this.int(r, "ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions", pc.ProvisionedConcurrentExecutions, 1, 1_000_000) } : {}),
    };
  }

  private alias(r: RawResource): TemplateAlias {
    const fn = this.functionOf(r, "FunctionName");
    const name = this.prop(r, "Name");
    if (typeof name !== "string" || !/^(?!^[0-9]+$)[a-zA-Z0-9-_]{1,128}$/.test(name)) {
      throw new TemplateError("Name must be letters, digits, - and _, and not all digits", { resource: r.logicalId, property: "Name" });
    }
    const version = String(this.prop(r, "FunctionVersion") ?? "");
    const v = versionFromArn(version);
    if (!v) throw new TemplateError(`FunctionVersion must be a published version number or $LATEST (got ${JSON.stringify(version)})`, { resource: r.logicalId, property: "FunctionVersion" });
    const weights: Record<string, number> = {};
    const rc = this.prop(r, "RoutingConfig");
    if (rc !== undefined) {
      const list = isObj(rc) ? rc.AdditionalVersionWeights : undefined;
      if (!Array.isArray(list)) throw new TemplateError("must be { AdditionalVersionWeights: [{ FunctionVersion, FunctionWeight }] }", { resource: r.logicalId, property: "RoutingConfig" });
      if (list.length > 1) throw new TemplateError("an alias routes to at most one additional version", { resource: r.logicalId, property: "RoutingConfig.AdditionalVersionWeights" });
      for (const w of list) {
        const wv = isObj(w) ? versionFromArn(String(w.FunctionVersion)) : undefined;
        const weight = isObj(w) ? Number(w.FunctionWeight) : NaN;
        if (!wv || wv === "$LATEST") throw new TemplateError("FunctionVersion must be a published version number", { resource: r.logicalId, property: "RoutingConfig.AdditionalVersionWeights" });
        if (!(weight >= 0 && weight <= 1)) throw new TemplateError(`FunctionWeight must be from 0.0 to 1.0 (got ${String(isObj(w) ? w.FunctionWeight : w)})`, { resource: r.logicalId, property: "RoutingConfig.AdditionalVersionWeights" });
        weights[wv] = weight;
      }
    }
    const pc = this.prop(r, "ProvisionedConcurrencyConfig");
    return {
      logicalId: r.logicalId,
      function: fn,
      name,
      version: v,
      weights,
      ...(isObj(pc) ? { provisionedConcurrency: this.int(r, "ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions", pc.ProvisionedConcurrentExecutions, 1, 1_000_000) } : {}),
    };
  }

  private eventInvokeConfig(r: RawResource, out: ParsedTemplate): TemplateEventInvokeConfig {
    const fn = this.functionOf(r, "FunctionName");
    const q = this.prop(r, "Qualifier");
    if (typeof q !== "string" || q === "") throw new TemplateError("Qualifier is required ($LATEST, a version number or an alias name)", { resource: r.logicalId, property: "Qualifier" });
    return { logicalId: r.logicalId, function: fn, qualifier: q, config: this.asyncConfig(r, "", this.resolve(r.properties, { resource: r.logicalId, property: "Properties" }), out.targets, false) };
  }

  private addImplicitTargets(out: ParsedTemplate): void {
    const add = (ref: TargetRef | undefined) => {
      if (!ref || ref.logicalId || (ref.kind !== "sqs" && ref.kind !== "sns")) return;
      const id = [...this.resources.keys()].map((fn) => ["OnSuccess", "OnFailure"].flatMap((w) => ["Queue", "Topic"].map((k) => `${fn}EventInvokeConfig${w}${k}`))).flat().find((cand) => {
        const imp = this.implicit(cand);
        return imp && (imp.attrs.Arn === ref.arn || imp.ref === ref.arn);
      });
      if (!id) return;
      // Remove the "not in this template" warning: SAM creates this one.
      const i = this.warnings.findIndex((w) => w.message.startsWith(`${ref.arn} is not a resource`));
      if (i >= 0) this.warnings.splice(i, 1);
      ref.logicalId = id;
      if (!out.targets.some((t) => t.logicalId === id)) {
        const name = ref.arn.split(":").pop() ?? id;
        out.targets.push({
          logicalId: id,
          kind: ref.kind,
          type: ref.kind === "sqs" ? "AWS::SQS::Queue" : "AWS::SNS::Topic",
          name,
          arn: ref.arn,
          ...(ref.kind === "sqs" ? { url: `https://sqs.${this.region}.amazonaws.com/${this.accountId}/${name}`, fifo: false } : {}),
          properties: {},
        });
      }
    };
    for (const f of out.functions) {
      add(f.asyncConfig?.onSuccess);
      add(f.asyncConfig?.onFailure);
    }
  }

  private checkReferences(out: ParsedTemplate): void {
    for (const a of out.aliases) {
      const f = out.functions.find((x) => x.logicalId === a.function);
      if (f && f.autoPublishAlias === a.name) throw new TemplateError(`alias ${a.name} is already created by ${f.logicalId}'s AutoPublishAlias`, { resource: a.logicalId, property: "Name" });
    }
    for (const c of out.eventInvokeConfigs) {
      const f = out.functions.find((x) => x.logicalId === c.function);
      if (!f) continue;
      const q = c.qualifier;
      const known = q === "$LATEST" || /^\d+$/.test(q) || f.autoPublishAlias === q || out.aliases.some((a) => a.function === f.logicalId && a.name === q);
      if (!known) throw new TemplateError(`qualifier ${q} is neither $LATEST, a version nor an alias of ${f.logicalId}`, { resource: c.logicalId, property: "Qualifier" });
    }
  }
}

function isFunctionType(type: string | undefined): boolean {
  return type === "AWS::Serverless::Function" || type === "AWS::Lambda::Function";
}

const TARGET_TYPES: Record<string, TemplateTarget["kind"] | undefined> = {
  "AWS::SQS::Queue": "sqs",
  "AWS::SNS::Topic": "sns",
  "AWS::Events::EventBus": "eventbridge",
  "AWS::S3::Bucket": "s3",
};

function versionFromArn(v: string): string | undefined {
  const last = v.includes(":") ? v.slice(v.lastIndexOf(":") + 1) : v;
  if (last === "$LATEST" || /^[1-9]\d*$/.test(last)) return last;
  return undefined;
}

function normaliseFolder(p: string): string {
  let s = p.replace(/\\/g, "/");
  while (s.startsWith("./")) s = s.slice(2);
  return s.replace(/\/+$/, "");
}

/** Collect the logical ids an expression refers to (Ref, GetAtt, ${X} in Sub). */
function collectRefs(v: unknown, out: Set<string>): void {
  if (Array.isArray(v)) {
    for (const x of v) collectRefs(x, out);
    return;
  }
  if (!isObj(v)) return;
  for (const [k, x] of Object.entries(v)) {
    if (k === "Ref" && typeof x === "string") out.add(x.split(".")[0] ?? x);
    else if (k === "Fn::GetAtt") {
      if (typeof x === "string") out.add(x.split(".")[0] ?? x);
      else if (Array.isArray(x) && typeof x[0] === "string") out.add(x[0]);
    } else if (k === "Fn::Sub") {
      const text = Array.isArray(x) ? x[0] : x;
      if (typeof text === "string") {
        for (const m of text.matchAll(/\$\{([^}!][^}]*)\}/g)) out.add((m[1] ?? "").trim().split(".")[0] ?? "");
      }
      if (Array.isArray(x)) collectRefs(x[1], out);
    } else collectRefs(x, out);
  }
}

/** SAM's Globals merge: maps merged (resource wins), lists appended after the globals, scalars replaced. */
function mergeGlobals(globals: Obj, props: Obj): Obj {
  const out: Obj = { ...globals };
  for (const [k, v] of Object.entries(props)) {
    const g = out[k];
    if (isObj(g) && isObj(v) && !isIntrinsic(g) && !isIntrinsic(v)) out[k] = mergeGlobals(g, v);
    else if (Array.isArray(g) && Array.isArray(v)) out[k] = [...g, ...v];
    else out[k] = v;
  }
  return out;
}

function isIntrinsic(o: Obj): boolean {
  const keys = Object.keys(o);
  return keys.length === 1 && (keys[0] === "Ref" || (keys[0] ?? "").startsWith("Fn::"));
}
