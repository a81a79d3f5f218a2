/**
 * Module resolution and loading on the host side: Node's CommonJS resolution over the function's
 * files (/var/task) and layers (/opt), Lambda's handler-module lookup (RIC UserFunction.js
 * `_tryRequire`), and the source transforms (sucrase) that turn ES modules and TypeScript into
 * CommonJS the guest loader can run.
 */
import { transform } from "sucrase";
import type { NodeRuntime } from "./types";
import type { ResolvedFunctionConfig } from "./config";

/** Node built-ins the sandbox simulates (guest modules in guest/modules.ts). */
export const SIMULATED_BUILTINS: readonly string[] = [
  "fs",
  "fs/promises",
  "path",
  "path/posix",
  "util",
  "util/types",
  "events",
  "buffer",
  "url",
  "querystring",
  "os",
  "crypto",
  "timers",
  "timers/promises",
  "assert",
  "string_decoder",
  "process",
  "console",
  "stream",
  "stream/promises",
  "zlib",
];

/** Node built-ins that exist on Lambda but not in the sandbox: requiring one fails, naming it. */
export const UNSUPPORTED_BUILTINS: readonly string[] = [
  "child_process",
  "cluster",
  "dgram",
  "diagnostics_channel",
  "dns",
  "dns/promises",
  "domain",
  "http",
  "http2",
  "https",
  "inspector",
  "module",
  "net",
  "perf_hooks",
  "punycode",
  "readline",
  "repl",
  "sys",
  "tls",
  "trace_events",
  "tty",
  "v8",
  "vm",
  "wasi",
  "worker_threads",
  "async_hooks",
  "constants",
  "stream/web",
  "stream/consumers",
  "test",
  "sqlite",
];

export type ModuleFormat = "cjs" | "esm" | "ts" | "json";

export type Resolution =
  | readonly ["builtin", string]
  | readonly ["unsupported", string]
  | readonly ["host", string]
  | readonly ["file", string]
  | readonly ["missing", string];

/** The read-only code of a function: /var/task files and /opt layer files by absolute path. */
export class CodeTree {
  readonly files = new Map<string, string>();
  readonly dirs = new Set<string>(["/", "/var", "/var/task", "/opt"]);

  constructor(cfg: ResolvedFunctionConfig) {
    // Later layers override earlier ones (DG chapter-layers: "layers are merged in order").
    for (const layer of cfg.layers) for (const [k, v] of Object.entries(layer.files)) this.add("/opt/" + k, v);
    for (const [k, v] of Object.entries(cfg.files)) this.add("/var/task/" + k, v);
  }

  private add(path: string, text: string): void {
    this.files.set(path, text);
    let d = dirname(path);
    while (!this.dirs.has(d)) {
      this.dirs.add(d);
      d = dirname(d);
    }
  }

  isFile(p: string): boolean {
    return this.files.has(p);
  }
}

export function dirname(p: string): string {
  const i = p.lastIndexOf("/");
  return i <= 0 ? "/" : p.slice(0, i);
}

/** POSIX path resolution (no symlinks). */
export function resolvePath(from: string, request: string): string {
  const parts = (request.startsWith("/") ? request : from + "/" + request).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "" || p === ".") continue;
    if (p === "..") out.pop();
    else out.push(p);
  }
  return "/" + out.join("/");
}

function nodeModulesPaths(from: string): string[] {
  const out: string[] = [];
  let d = from;
  for (;;) {
    if (!d.endsWith("/node_modules")) out.push((d === "/" ? "" : d) + "/node_modules");
    if (d === "/") break;
    d = dirname(d);
  }
  return out;
}

/** NODE_PATH of the Node.js runtimes (LAMBDA.md §3). */
export function nodePath(runtime: NodeRuntime): string[] {
  const major = runtime.slice(6, 8);
  return [`/opt/nodejs/node${major}/node_modules`, "/opt/nodejs/node_modules", "/var/runtime/node_modules"];
}

export class ModuleResolver {
  constructor(
    private readonly tree: CodeTree,
    private readonly runtime: NodeRuntime,
    private readonly hostModules: Record<string, string>,
  ) {}

  private loadAsFile(p: string): string | undefined {
    if (this.tree.isFile(p)) return p;
    for (const ext of [".js", ".json", ".cjs", ".mjs", ".ts", ".mts", ".cts"]) {
      if (this.tree.isFile(p + ext)) return p + ext;
    }
    // TypeScript convention: import "./util.js" where the source is util.ts.
    if (p.endsWith(".js") && this.tree.isFile(p.slice(0, -3) + ".ts")) return p.slice(0, -3) + ".ts";
    return undefined;
  }

  private loadAsDirectory(p: string): string | undefined {
    const pj = this.tree.files.get(p + "/package.json");
    if (pj !== undefined) {
      try {
        const pkg = JSON.parse(pj) as { main?: unknown; exports?: unknown };
        const exp = pkg.exports;
        let target: unknown = undefined;
        if (typeof exp === "string") target = exp;
        else if (exp && typeof exp === "object") {
          const dot = (exp as Record<string, unknown>)["."] ?? exp;
          if (typeof dot === "string") target = dot;
          else if (dot && typeof dot === "object") {
            const d = dot as Record<string, unknown>;
            target = d.require ?? d.node ?? d.default ?? d.import;
            if (target && typeof target === "object") target = (target as Record<string, unknown>).default;
          }
        }
        if (typeof target !== "string" && typeof pkg.main === "string") target = pkg.main;
        if (typeof target === "string") {
          const m = resolvePath(p, target);
          const f = this.loadAsFile(m) ?? this.loadIndex(m);
          if (f) return f;
        }
      } catch {
        /* an unreadable package.json is ignored, as Node does for "main" */
      }
    }
    return this.loadIndex(p);
  }

  private loadIndex(p: string): string | undefined {
    for (const f of ["index.js", "index.json", "index.cjs", "index.mjs", "index.ts"]) {
      if (this.tree.isFile(p + "/" + f)) return p + "/" + f;
    }
    return undefined;
  }

  /** Resolve `require(request)` from a module in directory `fromDir`. */
  resolve(request: string, fromDir: string): Resolution {
    let name = request;
    const prefixed = name.startsWith("node:");
    if (prefixed) name = name.slice(5);
    if (SIMULATED_BUILTINS.includes(name)) return ["builtin", name];
    if (UNSUPPORTED_BUILTINS.includes(name)) return ["unsupported", name];
    if (prefixed) return ["missing", request];
    if (name.startsWith("./") || name.startsWith("../") || name.startsWith("/") || name === "." || name === "..") {
      const p = resolvePath(fromDir, name);
      const f = this.loadAsFile(p) ?? this.loadAsDirectory(p);
      return f ? ["file", f] : ["missing", request];
    }
    for (const dir of [...nodeModulesPaths(fromDir), ...nodePath(this.runtime)]) {
      const p = dir + "/" + name;
      const f = this.loadAsFile(p) ?? this.loadAsDirectory(p);
      if (f) return ["file", f];
    }
    // Modules the host provides live in /var/runtime/node_modules, the last NODE_PATH entry.
    if (Object.prototype.hasOwnProperty.call(this.hostModules, name)) return ["host", name];
    return ["missing", request];
  }

  /** Nearest package.json says "type": "module" (RIC `_hasFolderPackageJsonTypeModule`). */
  packageTypeModule(dir: string): boolean {
    let d = dir;
    for (;;) {
      if (d.endsWith("/node_modules")) return false;
      const pj = this.tree.files.get((d === "/" ? "" : d) + "/package.json");
      if (pj !== undefined) {
        try {
          return (JSON.parse(pj) as { type?: unknown }).type === "module";
        } catch {
          return false;
        }
      }
      if (d === "/") return false;
      d = dirname(d);
    }
  }

  /**
   * Lambda's handler-module lookup for `<moduleRoot><module>` under /var/task (RIC UserFunction.js
   * `_tryRequire`): extensionless, `.js` (CommonJS unless "type":"module"), then `.mjs`, `.cjs`,
   * and — a simulator extension — `.ts`, `.mts`, `.cts`.
   */
  entry(modulePath: string): Resolution {
    const base = resolvePath("/var/task", modulePath);
    for (const ext of ["", ".js", ".mjs", ".cjs", ".ts", ".mts", ".cts"]) {
      if (this.tree.isFile(base + ext)) return ["file", base + ext];
    }
    return ["missing", modulePath];
  }

  /** How a file is loaded. */
  formatOf(path: string, source: string): ModuleFormat {
    if (path.endsWith(".json")) return "json";
    if (path.endsWith(".mjs")) return "esm";
    if (path.endsWith(".cjs")) return "cjs";
    if (path.endsWith(".ts") || path.endsWith(".mts") || path.endsWith(".cts")) return "ts";
    if (path.endsWith(".js") && this.packageTypeModule(dirname(path))) return "esm";
    // Node 22.12+ detects ES module syntax in an ambiguous .js file (--experimental-detect-module is
    // on by default since 22.7); Node 18 and 20 load it as CommonJS and fail on `export`.
    if ((this.runtime === "nodejs22.x" || this.runtime === "nodejs24.x") && hasModuleSyntax(source)) return "esm";
    return "cjs";
  }
}

const MODULE_SYNTAX = /(^|[\n;])\s*(import\s*[\w{*'"]|export\s+(const|let|var|function|async|class|default|\{|\*))/;

export function hasModuleSyntax(source: string): boolean {
  return MODULE_SYNTAX.test(source);
}

/** A transform failure, with the 1-based line and column sucrase reported. */
export class TransformError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = "TransformError";
  }
}

const transformCache = new Map<string, string>();
const TRANSFORM_CACHE_MAX = 256;

/**
 * The CommonJS text of a module (the body of the loader's wrapper function). ES modules and
 * TypeScript go through sucrase (imports → require, types stripped), which keeps line numbers.
 * Results are cached per process by format and source.
 */
export function toCommonJs(format: ModuleFormat, source: string, path: string): string {
  // CommonJS runs as is, unless it uses dynamic import(), which becomes a require as in Node.
  if (format === "cjs" && !/\bimport\s*\(/.test(source)) return source;
  if (format === "json") return "module.exports = " + jsonModuleBody(source, path) + ";";
  const key = format + "\0" + source;
  const hit = transformCache.get(key);
  if (hit !== undefined) return hit;
  let code: string;
  try {
    code = transform(source, {
      transforms: format === "ts" ? ["typescript", "imports"] : ["imports"],
      disableESTransforms: true,
      filePath: path,
      preserveDynamicImport: false,
      keepUnusedImports: false,
    }).code;
  } catch (e) {
    const err = e as { message?: string; loc?: { line: number; column: number } };
    const msg = String(err.message ?? e).replace(/\s*\(\d+:\d+\)$/, "");
    throw new TransformError(msg, err.loc?.line ?? 1, (err.loc?.column ?? 0) + 1);
  }
  code = code.replace(/\bimport\.meta\b/g, "__lambda_import_meta");
  if (transformCache.size >= TRANSFORM_CACHE_MAX) {
    const first = transformCache.keys().next();
    if (!first.done) transformCache.delete(first.value);
  }
  transformCache.set(key, code);
  return code;
}

function jsonModuleBody(source: string, path: string): string {
  try {
    JSON.parse(source);
  } catch (e) {
    throw new TransformError(`${path}: ${(e as Error).message}`, 1, 1);
  }
  return source;
}
