/**
 * The Node host pool against the real runtime, with worker threads (the suite in
 * pool-process.test.ts covers the default, child processes).
 */
import { afterAll, describe, expect, it } from "vitest";
import { hostReply, type FunctionConfig } from "../../runtime/types";
import { createNodePool } from "./pool";

const pool = createNodePool({ size: 2, isolation: "thread", hardStop: { marginMs: 500, initAllowanceMs: 1_000 } });
afterAll(() => pool.dispose());

const counter: FunctionConfig = {
  functionName: "counter",
  files: {
    "index.js": `
let count = 0;
console.log("init");
exports.handler = async (event, context) => {
  count++;
  console.log("invoked", event.n);
  return { count, n: event.n, memory: context.memoryLimitInMB };
};`,
  },
};

describe("node pool (real runtime)", () => {
  it("runs a submission's events in one fresh environment: the first cold, the rest warm", async () => {
    const results = await pool.run(counter, [{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(results.map((r) => r.status)).toEqual(["success", "success", "success"]);
    expect(results.map((r) => r.payload)).toEqual([
      { count: 1, n: 1, memory: "128" },
      { count: 2, n: 2, memory: "128" },
      { count: 3, n: 3, memory: "128" },
    ]);
    expect(results.map((r) => r.coldStart)).toEqual([true, false, false]);
    expect(results[0]?.initDurationMs).toBeGreaterThan(0);
    expect(results[1]?.initDurationMs).toBeUndefined();
  });

  it("gives each run its own environment (module state does not leak between submissions)", async () => {
    const [a] = await pool.run(counter, [{ n: 1 }]);
    const [b] = await pool.run(counter, [{ n: 1 }]);
    expect((a?.payload as { count: number }).count).toBe(1);
    expect((b?.payload as { count: number }).count).toBe(1);
  });

  it("streams every log event of a session, START … REPORT, in order", async () => {
    const seen: string[] = [];
    const session = await pool.newSession(counter, { onLog: (event) => seen.push(event.message) });
    const result = await session.invoke({ n: 7 });
    await session.dispose();
    expect(seen).toEqual(result.logs.map((l) => l.message));
    expect(seen.some((m) => m.startsWith("START RequestId: "))).toBe(true);
    expect(seen.at(-1)).toMatch(/^REPORT RequestId: /);
  });

  it("returns guest errors as results with Lambda's payload", async () => {
    const [result] = await pool.run({ files: { "index.js": `exports.handler = async () => { throw new RangeError("nope"); };` } }, [{}]);
    expect(result?.status).toBe("error");
    expect(result?.functionError).toBe("Unhandled");
    expect(result?.payload).toMatchObject({ errorType: "RangeError", errorMessage: "nope" });
  });

  it("kills a worker stuck in a native call past the hard stop, answers Sandbox.Timedout, and keeps working", async () => {
    const stuck: FunctionConfig = {
      timeoutSeconds: 1,
      files: {
        // One native call QuickJS's interrupt handler cannot stop (it checks between bytecodes):
        // ~4 billion property lookups on a sparse array, about two minutes of work.
        "index.js": `exports.handler = async () => Array(2 ** 32 - 1).indexOf(1);`,
      },
    };
    const before = pool.stats();
    const started = performance.now();
    const session = await pool.newSession(stuck);
    const result = await session.invoke({});
    const elapsed = performance.now() - started;
    expect(result.status).toBe("timeout");
    expect(result.payload).toEqual({
      errorType: "Sandbox.Timedout",
      errorMessage: `RequestId: ${result.requestId} Error: Task timed out after 1.00 seconds`,
    });
    expect(result.environmentReset).toBe(true);
    // The lines the worker had written were lost with it; the host writes Lambda's platform lines.
    expect(result.logs.map((l) => l.message.split(" ")[0])).toEqual(["INIT_START", "START", "END", "REPORT"]);
    expect(result.logs.at(-1)?.message).toMatch(/\tDuration: 1000\.00 ms\t.*\tStatus: timeout$/);
    // cap(1 s timeout) 2 s + cap(1 s init allowance, cold) 2 s + 0.5 s margin, not two minutes.
    expect(elapsed).toBeLessThan(8_000);
    expect(pool.stats().workersLost).toBe(before.workersLost + 1);

    // The same session goes on, on a new worker, in a new environment (a cold start).
    const again = await session.invoke({});
    expect(again.status).toBe("timeout");
    await session.dispose();

    // And the pool serves other submissions normally.
    const [ok] = await pool.run(counter, [{ n: 9 }]);
    expect(ok?.status).toBe("success");
    expect(ok?.payload).toMatchObject({ n: 9 });
  }, 30_000);

  it("disposing a session aborts its running invocation at once and frees the worker", async () => {
    const session = await pool.newSession({ timeoutSeconds: 30, files: { "index.js": `exports.handler = async () => Array(2 ** 32 - 1).indexOf(1);` } });
    const running = session.invoke({});
    const outcome = running.then(
      () => "resolved",
      (error: Error) => error.name,
    );
    await new Promise((r) => setTimeout(r, 300));
    const started = performance.now();
    await session.dispose();
    expect(await outcome).toBe("AbortError");
    expect(performance.now() - started).toBeLessThan(2_000);
    const [next] = await pool.run(counter, [{ n: 5 }]);
    expect(next?.status).toBe("success");
  });

  it("aborts a whole run through its signal (an overall grading budget)", async () => {
    const started = performance.now();
    await expect(
      pool.run(
        { timeoutSeconds: 30, files: { "index.js": `exports.handler = async () => Array(2 ** 32 - 1).indexOf(1);` } },
        [{}, {}],
        { signal: AbortSignal.timeout(500) },
      ),
    ).rejects.toMatchObject({ name: "AbortError" });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("lets the engine itself stop an ordinary infinite loop at the function timeout (no worker lost)", async () => {
    const before = pool.stats();
    const [result] = await pool.run({ timeoutSeconds: 1, files: { "index.js": `exports.handler = async () => { for (;;) {} };` } }, [{}]);
    expect(result?.status).toBe("timeout");
    expect(result?.payload).toMatchObject({ errorType: "Sandbox.Timedout" });
    expect(pool.stats().workersLost).toBe(before.workersLost);
  });

  it("refuses an event over Lambda's 6 MB request limit before it reaches the worker (413)", async () => {
    const session = await pool.newSession(counter);
    // 100 MB: cloned into a worker and stringified there, one allocation this size past the
    // worker's heap limit would abort the whole process, so the host must refuse it first.
    await expect(session.invoke({ n: "x".repeat(100 * 1024 * 1024) })).rejects.toMatchObject({
      name: "RequestTooLargeError",
      errorType: "RequestEntityTooLargeException",
    });
    expect((await session.invoke({ n: 1 })).status).toBe("success");
    await session.dispose();
  });

  it("runs concurrent invokes of one session one at a time, in one environment", async () => {
    const session = await pool.newSession(counter);
    const results = await Promise.all([1, 2, 3].map((n) => session.invoke({ n })));
    await session.dispose();
    expect(results.map((r) => r.payload)).toEqual([
      { count: 1, n: 1, memory: "128" },
      { count: 2, n: 2, memory: "128" },
      { count: 3, n: 3, memory: "128" },
    ]);
  });

  it("runs sessions on several workers at once", async () => {
    const results = await Promise.all([1, 2, 3, 4].map((n) => pool.run(counter, [{ n }])));
    expect(results.map((r) => (r[0]?.payload as { n: number }).n)).toEqual([1, 2, 3, 4]);
  });
});

describe("node pool host calls", () => {
  it("answers the guest's __host.call through the session's handler, across the worker boundary", async () => {
    const calls: unknown[] = [];
    const session = await pool.newSession(
      {
        files: { "index.js": `const kv = require("@lab/kv"); exports.handler = async (e) => ({ got: await kv.get(e.key) });` },
      },
      {
        environment: { builtinModules: { "@lab/kv": "exports.get = (key) => __host.call('kv.get', { key });" } },
        hostCall: async (name, payload) => {
          calls.push({ name, payload });
          if ((payload as { key: string }).key === "missing") throw Object.assign(new Error("no such key"), { name: "ResourceNotFoundException" });
          return { value: 42 };
        },
      },
    );
    const ok = await session.invoke({ key: "answer" });
    expect(ok.payload).toEqual({ got: { value: 42 } });
    const failed = await session.invoke({ key: "missing" });
    expect(failed.status).toBe("error");
    expect(failed.payload).toMatchObject({ errorType: "ResourceNotFoundException", errorMessage: "no such key" });
    expect(calls).toEqual([
      { name: "kv.get", payload: { key: "answer" } },
      { name: "kv.get", payload: { key: "missing" } },
    ]);
    await session.dispose();
  });

  it("host-call latency, error fields and call info cross the worker boundary", async () => {
    const infos: unknown[] = [];
    const session = await pool.newSession(
      {
        files: {
          "index.js": `const kv = require("@lab/kv"); exports.handler = async (e) => { const t = Date.now(); const v = await kv.get("a"); let err; try { await kv.get("missing"); } catch (x) { err = { name: x.name, fault: x.$fault, waited: Date.now() - t }; } return { v, err }; };`,
        },
      },
      {
        environment: { builtinModules: { "@lab/kv": "exports.get = (key) => __host.call('kv.get', { key });" } },
        hostCall: async (_name, payload, info) => {
          infos.push(info);
          if ((payload as { key: string }).key === "missing") throw Object.assign(new Error("gone"), { name: "NoSuchKey", latencyMs: 5, fields: { $fault: "client" } });
          return hostReply("A", 20);
        },
      },
    );
    const r = await session.invoke({});
    expect(r.payload).toEqual({ v: "A", err: { name: "NoSuchKey", fault: "client", waited: 25 } });
    expect(infos[0]).toMatchObject({ phase: "invoke" });
    await session.dispose();
  });
});
