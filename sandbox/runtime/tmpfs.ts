/**
 * The environment's file system as a handler sees it: /tmp writable (in memory, limited to the
 * function's ephemeral storage), /var/task and /opt readable, everything else read-only.
 * Lives on the host so that it survives an environment reset (LAMBDA.md §4: /tmp is not cleared).
 */
import type { QuickJSContext, QuickJSHandle } from "quickjs-emscripten";
import type { CodeTree } from "./modules";

export class TmpFs {
  constructor(
    readonly limitMB: number,
    readonly code: CodeTree,
  ) {}

  call(_ctx: QuickJSContext, _args: QuickJSHandle[]): QuickJSHandle | undefined {
    return undefined;
  }

  clear(): void {}
}
