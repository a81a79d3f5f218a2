/**
 * Pool mechanics that the real engine never triggers on purpose (a thread blocked outside any
 * interrupt, a worker heap exhausted, a worker exiting), driven by a fixture worker that speaks the
 * real protocol (fixtures/mechanics-worker.ts). The same guarantees against the real runtime are in
 * pool.test.ts.
 */
import { afterAll, describe, expect, it } from "vitest";
import { createNodePool } from "./pool";

const pool = createNodePool({
  size: 1,
  isolation: "thread",
  workerData: { entry: new URL("./fixtures/mechanics-worker.ts", import.meta.url).href },
  // Small limits so the fixture's heap bomb ends quickly; short margins so the test is fast.
  resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 },
  hardStop: { marginMs: 200, initAllowanceMs: 0 },
});
afterAll(() => pool.dispose());

const config = { files: {}, timeoutSeconds: 1, functionName: "fixture" };

describe("node pool mechanics (fixture worker)", () => {
  it("reuses one environment for every event of a run", async () => {
    const results = await pool.run(config, [{ n: 1 }, { n: 2 }]);
    expect(results.map((r) => r.coldStart)).toEqual([true, false]);
    expect(results.map((r) => (r.payload as { echo: unknown }).echo)).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it("terminates a worker blocked past timeout + margin, answers Sandbox.Timedout, and keeps serving", async () => {
    const before = pool.stats();
    const started = performance.now();
    const [stuck, after] = await pool.run(config, [{ block: 60_000 }, { n: 3 }]);
    const elapsed = performance.now() - started;
    expect(stuck?.status).toBe("timeout");
    expect(stuck?.payload).toEqual({
      errorType: "Sandbox.Timedout",
      errorMessage: `RequestId: ${stuck?.requestId} Error: Task timed out after 1.00 seconds`,
    });
    expect(stuck?.functionError).toBe("Unhandled");
    expect(stuck?.environmentReset).toBe(true);
    expect(stuck?.logs.at(-1)?.message).toMatch(/^REPORT RequestId: .*\tDuration: 1000\.00 ms\t.*\tStatus: timeout$/);
    // Stopped at cap(1 s timeout) 2 s + 0.2 s margin, not after the 60 s block.
    expect(elapsed).toBeLessThan(10_000);
    // The next event ran on a new worker, in a new (cold) environment.
    expect(after?.status).toBe("success");
    expect(after?.coldStart).toBe(true);
    expect(pool.stats().workersLost).toBe(before.workersLost + 1);
  });

  it("reports a worker that exhausts its heap as Runtime.OutOfMemory, then serves the next run", async () => {
    const [oom] = await pool.run({ ...config, timeoutSeconds: 30 }, [{ oom: true }]);
    expect(oom?.status).toBe("error");
    expect(oom?.payload).toMatchObject({ errorType: "Runtime.OutOfMemory" });
    expect((oom?.payload as { errorMessage: string }).errorMessage).toMatch(/^RequestId: .* Error: Runtime exited with error: signal: killed$/);
    const [next] = await pool.run(config, [{ n: 4 }]);
    expect(next?.status).toBe("success");
  });

  it("reports a worker that exits as Runtime.ExitError with the exit status", async () => {
    const [exited] = await pool.run(config, [{ exit: 7 }]);
    expect(exited?.payload).toMatchObject({ errorType: "Runtime.ExitError" });
    expect((exited?.payload as { errorMessage: string }).errorMessage).toMatch(/exit status 7$/);
  });

  it("replaces a worker after maxSessionsPerWorker sessions", async () => {
    const recycling = createNodePool({
      size: 1,
      isolation: "thread",
      maxSessionsPerWorker: 2,
      workerData: { entry: new URL("./fixtures/mechanics-worker.ts", import.meta.url).href },
    });
    try {
      const environments = [];
      for (let i = 0; i < 3; i++) {
        const [r] = await recycling.run(config, [{ i }]);
        environments.push((r?.payload as { environment: string }).environment);
        // The replacement starts as soon as the second session ends, before anyone asks for it.
        if (i === 1) expect(recycling.stats().workersStarted).toBe(2);
      }
      expect(recycling.stats().workersStarted).toBe(2);
      expect(recycling.stats().workersLost).toBe(0);
      // A new worker counts its environments from 1 again.
      expect(environments).toEqual(["fixture-1", "fixture-2", "fixture-1"]);
    } finally {
      await recycling.dispose();
    }
  });

  it("treats a worker that never starts serving as crashed (Runtime.ExitError), without hanging", async () => {
    const silent = createNodePool({
      size: 1,
      isolation: "thread",
      startupTimeoutMs: 500,
      workerData: { entry: new URL("./fixtures/silent-worker.ts", import.meta.url).href },
    });
    try {
      const [r] = await silent.run(config, [{}]);
      expect(r?.payload).toMatchObject({ errorType: "Runtime.ExitError" });
    } finally {
      await silent.dispose();
    }
  });

  it("queues sessions while every worker is leased", async () => {
    const first = await pool.newSession(config);
    let secondReady = false;
    const second = pool.newSession(config).then((s) => {
      secondReady = true;
      return s;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(secondReady).toBe(false);
    expect(pool.stats().waiting).toBe(1);
    await first.dispose();
    const s2 = await second;
    expect((await s2.invoke({ n: 5 })).status).toBe("success");
    await s2.dispose();
  });
});
