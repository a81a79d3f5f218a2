/**
 * Small helpers for the runtime's own tests (and the hostile suite): build an environment from a
 * handler source, invoke it, and pick log lines. Not part of the public surface.
 */
import { newEnvironment } from "./environment";
import type { EnvironmentOptions, ExecutionEnvironment, FunctionConfig, InvokeOptions, InvokeResult } from "./types";

export type Source = string | Record<string, string>;

/** A FunctionConfig from a CommonJS `index.js` source or a map of files. */
export function fn(source: Source, config: Omit<FunctionConfig, "files"> = {}): FunctionConfig {
  return { ...config, files: typeof source === "string" ? { "index.js": source } : source };
}

export async function env(source: Source, config: Omit<FunctionConfig, "files"> = {}, options: EnvironmentOptions = {}): Promise<ExecutionEnvironment> {
  return newEnvironment(fn(source, config), options);
}

/** Invoke a fresh environment once and dispose it. */
export async function invokeOnce(
  source: Source,
  event: unknown = {},
  config: Omit<FunctionConfig, "files"> = {},
  options: EnvironmentOptions = {},
  invokeOptions: InvokeOptions = {},
): Promise<InvokeResult> {
  const e = await env(source, config, options);
  try {
    return await e.invoke(event, invokeOptions);
  } finally {
    e.dispose();
  }
}

/** Message texts of the log events. */
export function lines(r: { logs: { message: string }[] }): string[] {
  return r.logs.map((l) => l.message);
}

/** Application messages only (after the `ISO\trequestId\tLEVEL\t` prefix in the text format). */
export function appMessages(r: { logs: { message: string; kind: string }[] }): string[] {
  return r.logs.filter((l) => l.kind === "app").map((l) => l.message.split("\t").slice(3).join("\t"));
}

export function reportLine(r: { logs: { message: string }[] }): string {
  return lines(r).find((l) => l.startsWith("REPORT ")) ?? "";
}
