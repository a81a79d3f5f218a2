/**
 * Running a "predict the output" setup on the simulator and reading off what a learner is asked to
 * predict: the last response, the application log messages, the error type or the status. The
 * content test uses it to prove each question's expected answer, and a UI can use it to show the
 * real output after the learner answers.
 */
import { newEnvironment } from "../runtime/environment";
import type { InvokeResult, LayerSource, SourceFiles } from "../runtime/types";
import type { EventCatalogue } from "./grade";
import { setEventPath } from "./paths";
import type { CatalogueEventRef, FunctionSettings } from "./spec";

export type Observation = "response" | "logs" | "errorType" | "status";

export interface PredictionSetup {
  function: FunctionSettings & { files: SourceFiles; layers?: LayerSource[] };
  /** Invoked in order in one environment; default a single `{}` event. */
  invocations?: ({ event: unknown } | { fromCatalogue: CatalogueEventRef })[];
  observe: Observation;
}

export interface PredictionRun {
  /** The observed output in the text form predictions are written in. */
  observed: string;
  results: InvokeResult[];
}

/** Application log messages (the text after `time\trequestId\tLEVEL\t`) of the given invocations. */
export function appLogMessages(results: InvokeResult[]): string[] {
  return results.flatMap((r) => r.logs.filter((l) => l.kind === "app").map((l) => l.message.split("\t").slice(3).join("\t")));
}

/**
 * Run the setup in a fresh environment and observe the output.
 * - `response`: the last invocation's payload as JSON text (an error payload as `{"error": …}`);
 * - `logs`: every application log message of all invocations, one per line;
 * - `errorType`: the last invocation's errorType, or `(none)` when it succeeded;
 * - `status`: `success`, `error` or `timeout`.
 *
 * @example
 * const { observed } = await runPrediction({ function: { files }, observe: "response" });
 */
export async function runPrediction(setup: PredictionSetup, opts: { catalogue?: EventCatalogue } = {}): Promise<PredictionRun> {
  const { files, ...settings } = setup.function;
  const events = (setup.invocations ?? [{ event: {} }]).map((inv) => {
    if ("event" in inv) return structuredClone(inv.event);
    if (!opts.catalogue) throw new Error(`prediction uses catalogue event "${inv.fromCatalogue.id}" but no catalogue was passed`);
    const base = opts.catalogue(inv.fromCatalogue.id);
    if (base === undefined) throw new Error(`unknown catalogue event "${inv.fromCatalogue.id}"`);
    const event = structuredClone(base);
    for (const [path, value] of Object.entries(inv.fromCatalogue.set ?? {})) setEventPath(event, path, structuredClone(value));
    return event;
  });
  const env = await newEnvironment({ ...settings, files });
  try {
    const results: InvokeResult[] = [];
    for (const e of events) results.push(await env.invoke(e));
    const last = results[results.length - 1]!;
    let observed: string;
    switch (setup.observe) {
      case "response":
        observed = JSON.stringify(last.status === "success" ? (last.payload ?? null) : { error: last.payload });
        break;
      case "logs":
        observed = appLogMessages(results).join("\n");
        break;
      case "errorType":
        observed = last.status === "success" ? "(none)" : String((last.payload as { errorType?: unknown } | null)?.errorType);
        break;
      case "status":
        observed = last.status;
        break;
    }
    return { observed, results };
  } finally {
    env.dispose();
  }
}
