/**
 * `lambda-lab invoke`: Lambda's `sam local invoke`, without Docker.
 *
 * The function runs in the Node host's worker pool (one worker, a child process), so the CLI gets
 * the same hard limits as server grading: a handler stuck where the engine cannot interrupt it is
 * stopped and the CLI prints Lambda's timeout payload instead of hanging; a worker that dies, even
 * of a V8 fatal error, gives Lambda's `Runtime.ExitError`/`Runtime.OutOfMemory` payload instead of
 * taking the CLI down.
 */
import { createNodePool } from "../hosts/node/pool";
import { SandboxHostError } from "../hosts/session";
import { RequestTooLargeError } from "../runtime/config";
import type { FunctionConfig } from "../runtime/types";
import type { InvokeArgs } from "./args";
import { readEvent, type EventInputDeps } from "./event-input";
import { loadFunctionDirectory } from "./files";
import { EXIT, UsageError } from "./usage";

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
  readStdin(): Promise<string>;
  /** Catalogue lookup by name (throws a UsageError for an unknown name). */
  catalogueEvent(name: string): Promise<unknown>;
}

export async function runInvoke(args: InvokeArgs, io: CliIo): Promise<number> {
  // Inputs first (milliseconds), so a usage error never starts a worker.
  const deps: EventInputDeps = { catalogue: (name) => io.catalogueEvent(name), readStdin: () => io.readStdin() };
  const [code, event] = await Promise.all([loadFunctionDirectory(args.file, io.cwd), readEvent(args.event, deps)]);
  const config: FunctionConfig = {
    files: code.files,
    handler: args.handler ?? code.defaultHandler,
    memoryMB: args.memoryMB,
    timeoutSeconds: args.timeoutSeconds,
    environment: args.environment,
    logFormat: args.logFormat,
  };
  const pool = createNodePool({ size: 1 }); // a child process: see NodePoolOptions.isolation
  try {
    const session = await pool.newSession(config, {
      onLog: (log) => io.stderr.write(`${log.message}\n`),
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
    // The engine refusing the configuration (e.g. environment variables over 4 KB) is a usage error,
    // and so is an event over Lambda's 6 MB request limit (HTTP 413 on the real service).
    if (error instanceof SandboxHostError) throw new UsageError(error.message, "invoke");
    if (error instanceof RequestTooLargeError) throw new UsageError(`${error.errorType}: ${error.message}`, "invoke");
    throw error;
  } finally {
    await pool.dispose();
  }
}
