/**
 * The Node pool with `isolation: "process"`: workers are child processes, so even a V8 fatal error
 * inside one (a single allocation past its heap limit, which aborts a whole process — with
 * `worker_threads` that would be the host) ends only that child.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { FunctionConfig } from "../../runtime/types";
import { createNodePool } from "./pool";

const pool = createNodePool({
  size: 1,
  isolation: "process",
  resourceLimits: { maxOldGenerationSizeMb: 64 },
  hardStop: { marginMs: 500, initAllowanceMs: 1_000 },
});
afterAll(() => pool.dispose());

const counter: FunctionConfig = {
  files: { "index.js": `let n = 0; exports.handler = async (e) => ({ n: ++n, echo: e });` },
};

describe("node pool, process isolation (real runtime)", () => {
  it("runs events in one environment in a child process: cold, then warm", async () => {
    const results = await pool.run(counter, [{ a: 1 }, { a: 2 }]);
    expect(results.map((r) => r.payload)).toEqual([
      { n: 1, echo: { a: 1 } },
      { n: 2, echo: { a: 2 } },
    ]);
    expect(results.map((r) => r.coldStart)).toEqual([true, false]);
  });

  it("survives a guest that makes the engine copy a string larger than the worker's heap limit", async () => {
    // The guest has 1 GB; the child's V8 heap has 64 MB. Copying the 100 MB log line out of
    // QuickJS is one allocation past the limit: V8 aborts the child process. The host gets
    // Runtime.OutOfMemory as data and the pool goes on.
    const before = pool.stats();
    const [result] = await pool.run(
      {
        memoryMB: 1024,
        timeoutSeconds: 30,
        files: { "index.js": `exports.handler = async () => { console.log("x".repeat(100 * 1024 * 1024)); return "unreachable"; };` },
      },
      [{}],
    );
    expect(result?.status).toBe("error");
    expect(result?.payload).toMatchObject({ errorType: "Runtime.OutOfMemory" });
    expect(result?.logs.at(-1)?.message).toMatch(/\tStatus: error\tError Type: Runtime\.OutOfMemory$/);
    expect(pool.stats().workersLost).toBe(before.workersLost + 1);
    const [next] = await pool.run(counter, [{ a: 3 }]);
    expect(next?.payload).toEqual({ n: 1, echo: { a: 3 } });
  }, 60_000);

  it("kills a child stuck in a native call at the hard stop (Sandbox.Timedout)", async () => {
    const [result] = await pool.run({ timeoutSeconds: 1, files: { "index.js": `exports.handler = async () => Array(2 ** 32 - 1).indexOf(1);` } }, [{}]);
    expect(result?.payload).toMatchObject({ errorType: "Sandbox.Timedout", errorMessage: expect.stringMatching(/Task timed out after 1\.00 seconds$/) });
    const [next] = await pool.run(counter, [{ a: 4 }]);
    expect(next?.status).toBe("success");
  }, 30_000);
});
