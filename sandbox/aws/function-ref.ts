import type { TemplateFunction } from "../service/template";

/** A template function found by reference, with what `host.invoke` takes (the qualifier kept). */
export interface FunctionRef {
  target: string;
  id: string;
  fn: TemplateFunction;
}

/**
 * The function a source names (logical id, function name or ARN, maybe qualified with a version or
 * alias: `Worker:live`, `arn:…:function:worker:3`), as SNS subscriptions, EventBridge targets, event
 * source mappings and log subscription filters reference it.
 */
export function functionByRef(functions: readonly TemplateFunction[], ref: unknown): FunctionRef | undefined {
  if (typeof ref !== "string") return undefined;
  for (const f of functions) {
    for (const base of [f.arn, f.functionName, f.logicalId]) {
      if (ref === base) return { target: f.logicalId, id: f.logicalId, fn: f };
      if (ref.startsWith(base + ":")) return { target: `${f.logicalId}:${ref.slice(base.length + 1)}`, id: f.logicalId, fn: f };
    }
  }
  return undefined;
}
