/**
 * Type-checks JSON values against TypeScript types with the compiler API, for the sample-event
 * catalogue test. Each value is written into one in-memory module as
 *
 *     export const e0 = { …the JSON… } satisfies AwsLambda.S3Event;
 *
 * Inlining the JSON text (rather than `import x from "./put.json"`) matters: a JSON module import
 * widens every string to `string`, so `"eventSource": "aws:kafka"` or `"RequestType": "Create"`
 * would fail against literal types, and it skips excess-property checks that catch misspelt keys.
 * The module is virtual (served by a wrapped compiler host) and sits in this folder, so
 * `aws-lambda` resolves from the repository's node_modules with the repository's tsconfig options.
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "../..");
const VIRTUAL = join(here, "__events_typecheck__.ts").split("\\").join("/");

export interface TypecheckItem {
  /** What to name in a diagnostic, e.g. `content/events/s3/put.json`. */
  label: string;
  /** The JSON value (will be serialised into the module). */
  value: unknown;
  /** A type expression whose leading name is exported by `typeFrom`. */
  type: string;
  typeFrom: "aws-lambda" | "lambda-lab";
}

export interface TypecheckDiagnostic {
  label: string;
  message: string;
  /** The line of the value the compiler pointed at (e.g. `"bucket": {}`), when it is in an item. */
  near?: string;
}

let options: ts.CompilerOptions | undefined;
const libCache = new Map<string, ts.SourceFile>();

function compilerOptions(): ts.CompilerOptions {
  if (options) return options;
  const configPath = join(repoRoot, "tsconfig.json");
  const read = ts.readConfigFile(configPath, (p) => readFileSync(p, "utf8"));
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, "\n"));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, repoRoot, undefined, configPath);
  options = { ...parsed.options, noEmit: true, incremental: false, tsBuildInfoFile: undefined, types: [], plugins: [] };
  return options;
}

/** Writes the module; returns its text and, per item, the line range it occupies. */
function render(items: readonly TypecheckItem[]): { text: string; ranges: Array<{ label: string; from: number; to: number }> } {
  const lines = [
    'import type * as AwsLambda from "aws-lambda";',
    'import type * as LambdaLab from "../../sandbox/events/types";',
    "",
  ];
  const ranges: Array<{ label: string; from: number; to: number }> = [];
  items.forEach((item, i) => {
    const ns = item.typeFrom === "aws-lambda" ? "AwsLambda" : "LambdaLab";
    const from = lines.length;
    lines.push(`// ${item.label}`);
    lines.push(...`export const e${i} = ${JSON.stringify(item.value, null, 2)} satisfies ${ns}.${item.type};`.split("\n"));
    ranges.push({ label: item.label, from, to: lines.length - 1 });
  });
  return { text: `${lines.join("\n")}\n`, ranges };
}

/**
 * Type-checks every item in one program. Returns one diagnostic per problem, labelled with the item
 * it belongs to (or with the file name for a problem outside the items).
 */
export function typecheckEvents(items: readonly TypecheckItem[]): TypecheckDiagnostic[] {
  const opts = compilerOptions();
  const { text, ranges } = render(items);
  const host = ts.createCompilerHost(opts, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (fileName === VIRTUAL) return ts.createSourceFile(fileName, text, languageVersion, true);
    const cached = libCache.get(fileName);
    if (cached) return cached;
    const sf = getSourceFile(fileName, languageVersion, onError, shouldCreate);
    if (sf && fileName.includes("node_modules")) libCache.set(fileName, sf);
    return sf;
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (f) => f === VIRTUAL || fileExists(f);
  const readFile = host.readFile.bind(host);
  host.readFile = (f) => (f === VIRTUAL ? text : readFile(f));

  const program = ts.createProgram([VIRTUAL], opts, host);
  const diagnostics = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics(), ...ts.getPreEmitDiagnostics(program)];
  const seen = new Set<string>();
  const out: TypecheckDiagnostic[] = [];
  for (const d of diagnostics) {
    const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    let label = d.file?.fileName ?? "(compiler options)";
    let near: string | undefined;
    if (d.file && d.file.fileName === VIRTUAL && d.start !== undefined) {
      const line = d.file.getLineAndCharacterOfPosition(d.start).line;
      const range = ranges.find((r) => line >= r.from && line <= r.to);
      label = range?.label ?? "(generated module header)";
      if (range) near = (text.split("\n")[line] ?? "").trim();
    }
    const key = `${label}\n${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ label, message, ...(near !== undefined && { near }) });
  }
  return out;
}

/** Diagnostics as one readable block for an assertion message. */
export function formatDiagnostics(diagnostics: readonly TypecheckDiagnostic[]): string {
  return diagnostics
    .map((d) => `${d.label}:${d.near ? ` near ${d.near}` : ""}\n  ${d.message.split("\n").join("\n  ")}`)
    .join("\n");
}
