/**
 * Helpers for the service layer's own tests: templates as data, and a fake execution environment
 * for scale tests where QuickJS itself is not what is being tested. Not part of the public surface.
 */
import type { EnvironmentOptions, ExecutionEnvironment, FunctionConfig, InvokeResult, LogEvent } from "../runtime/types";
import type { EnvironmentFactory } from "./service";

export const TRANSFORM = "AWS::Serverless-2016-10-31";

/** A SAM template object with these resources. */
export function template(resources: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { Transform: TRANSFORM, ...extra, Resources: resources };
}

/** An AWS::Serverless::Function with inline CommonJS code. */
export function fn(code: string, props: Record<string, unknown> = {}): Record<string, unknown> {
  return { Type: "AWS::Serverless::Function", Properties: { Handler: "index.handler", Runtime: "nodejs22.x", InlineCode: code, ...props } };
}

export interface FakeBehaviour {
  durationMs?: number;
  initMs?: number;
  status?: "success" | "error" | "timeout";
  payload?: unknown;
}

/**
 * An environment factory whose environments take fixed virtual time: `behave(event, config)` says
 * how long an invoke lasts and what it returns. Created and disposed environments are counted in `created` and `disposed`.
 */
export function fakeFactory(behave: (event: unknown, config: FunctionConfig) => FakeBehaviour = () => ({})): EnvironmentFactory & { created: number; disposed: number; options: EnvironmentOptions[] } {
  const f = (async (config: FunctionConfig, options: EnvironmentOptions) => {
    f.created++;
    f.options.push(options);
    let initialised = false;
    const env: ExecutionEnvironment = {
      id: `fake-${f.created}`,
      get cold() {
        return !initialised;
      },
      init() {
        initialised = true;
        return Promise.resolve({ ok: true, initDurationMs: 100, logs: [] as LogEvent[] });
      },
      invoke(event: unknown, o = {}) {
        const b = behave(event, config);
        const cold = !initialised;
        initialised = true;
        const status = b.status ?? "success";
        const r: InvokeResult = {
          requestId: o.requestId ?? "r",
          status,
          payload: b.payload ?? (status === "success" ? null : { errorType: status === "timeout" ? "Sandbox.Timedout" : "Error", errorMessage: "fake failure" }),
          ...(status === "success" ? {} : { functionError: "Unhandled" as const }),
          coldStart: cold,
          durationMs: b.durationMs ?? 10,
          billedDurationMs: Math.ceil((b.durationMs ?? 10) + (cold ? (b.initMs ?? 100) : 0)),
          ...(cold ? { initDurationMs: b.initMs ?? 100 } : {}),
          memorySizeMB: config.memoryMB ?? 128,
          maxMemoryUsedMB: 65,
          logs: [],
          environmentReset: false,
          version: config.version ?? "$LATEST",
        };
        return Promise.resolve(r);
      },
      dispose() {
        f.disposed++;
      },
      [Symbol.dispose]() {
        f.disposed++;
      },
    };
    return env;
  }) as EnvironmentFactory & { created: number; disposed: number; options: EnvironmentOptions[] };
  f.created = 0;
  f.disposed = 0;
  f.options = [];
  return f;
}
