/**
 * The Node pool with `isolation: "process"` (the default): workers are child processes, so even a
 * V8 fatal error inside one (a single allocation past its heap limit, which aborts a whole process —
 * with `worker_threads` that would be the host) ends only that child.
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

  it("survives a worker process killed by V8's fatal out-of-memory: Runtime.OutOfMemory, then serves on", async () => {
    // A worker with a 16 MB V8 heap and a 5.9 MB event (under Lambda's 6 MB limit): the copies the
    // worker makes of it (deserialise, stringify, into wasm) overshoot the heap in single
    // allocations, which V8 answers by aborting the process — here the child, not the host.
    const small = createNodePool({ size: 1, resourceLimits: { maxOldGenerationSizeMb: 16 } });
    try {
      const session = await small.newSession({ files: { "index.js": `exports.handler = async (e) => e.s.length;` } });
      expect((await session.invoke({ s: "x" })).payload).toBe(1);
      const result = await session.invoke({ s: "x".repeat(5.9 * 1024 * 1024) });
      expect(result.status).toBe("error");
      expect(result.payload).toMatchObject({ errorType: "Runtime.OutOfMemory" });
      expect(result.logs.at(-1)?.message).toMatch(/\tStatus: error\tError Type: Runtime\.OutOfMemory$/);
      expect(small.stats().workersLost).toBe(1);
      const next = await session.invoke({ s: "abc" });
      expect(next.payload).toBe(3);
      expect(next.coldStart).toBe(true);
      await session.dispose();
    } finally {
      await small.dispose();
    }
  }, 60_000);

  it("kills a child stuck in a native call at the hard stop (Sandbox.Timedout)", async () => {
    const [result] = await pool.run({ timeoutSeconds: 1, files: { "index.js": `exports.handler = async () => Array(2 ** 32 - 1).indexOf(1);` } }, [{}]);
    expect(result?.payload).toMatchObject({ errorType: "Sandbox.Timedout", errorMessage: expect.stringMatching(/Task timed out after 1\.00 seconds$/) });
    const [next] = await pool.run(counter, [{ a: 4 }]);
    expect(next?.status).toBe("success");
  }, 30_000);
});
