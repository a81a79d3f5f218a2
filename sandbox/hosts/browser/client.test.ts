/**
 * The browser simulator's client and protocol, with the real `simulator.worker.ts` and the real
 * runtime running in a `worker_threads` worker (testing/worker-threads-factory.ts stands in for the
 * browser's `Worker` constructor). A real-browser check comes with the app's e2e suite.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { FunctionConfig, LogEvent } from "../../runtime/types";
import { createBrowserSimulator, type BrowserSimulator, type SimulatorState } from "./client";
import { workerThreadsFactory } from "./testing/worker-threads-factory";

let sim: BrowserSimulator | undefined;
afterEach(() => sim?.dispose());

function simulator(): BrowserSimulator {
  sim = createBrowserSimulator({ createWorker: workerThreadsFactory(), hardStop: { marginMs: 500, initAllowanceMs: 1_000 } });
  return sim;
}

const counter: FunctionConfig = {
  files: {
    "index.mjs": `
let count = 0;
export const handler = async (event) => {
  count++;
  console.log("hello", event.name);
  return { count, greeting: "Hello, " + event.name };
};`,
  },
};

describe("browser simulator", () => {
  it("invokes the configured function: cold, then warm, with logs streamed to listeners", async () => {
    const s = simulator();
    const logs: { message: string; requestId: string }[] = [];
    s.onLog((event: LogEvent, requestId) => logs.push({ message: event.message, requestId }));
    s.configure(counter);
    const first = await s.invoke({ name: "Ada" });
    expect(first.payload).toEqual({ count: 1, greeting: "Hello, Ada" });
    expect(first.coldStart).toBe(true);
    const second = await s.invoke({ name: "Bo" });
    expect(second.payload).toEqual({ count: 2, greeting: "Hello, Bo" });
    expect(second.coldStart).toBe(false);
    expect(logs.filter((l) => l.requestId === second.requestId).map((l) => l.message)).toEqual(second.logs.map((l) => l.message));
    expect(logs.some((l) => /\tINFO\thello Ada$/.test(l.message))).toBe(true);
  });

  it("reset() forces a cold start; configure() replaces the function", async () => {
    const s = simulator();
    s.configure(counter);
    await s.invoke({ name: "a" });
    expect(s.state.warm).toBe(true);
    await s.reset();
    expect(s.state.warm).toBe(false);
    const afterReset = await s.invoke({ name: "b" });
    expect(afterReset.coldStart).toBe(true);
    expect(afterReset.payload).toMatchObject({ count: 1 });

    s.configure({ files: { "index.js": `exports.handler = async () => "v2";` } });
    const v2 = await s.invoke({});
    expect(v2.payload).toBe("v2");
    expect(v2.coldStart).toBe(true);
  });

  it("reports state changes: running while an invoke is in flight, idle after", async () => {
    const s = simulator();
    const states: SimulatorState["status"][] = [];
    s.onState((state) => states.push(state.status));
    s.configure(counter);
    await s.invoke({ name: "x" });
    expect(states).toContain("running");
    expect(states.at(-1)).toBe("idle");
  });

  it("terminates a stuck worker at the hard deadline, reports Lambda's timeout, and recovers with a new worker", async () => {
    const s = simulator();
    s.configure({ timeoutSeconds: 1, files: { "index.js": `exports.handler = async (e) => e.stuck ? Array(2 ** 32 - 1).indexOf(1) : "fine";` } });
    const stuck = await s.invoke({ stuck: true });
    expect(stuck.status).toBe("timeout");
    expect(stuck.payload).toEqual({
      errorType: "Sandbox.Timedout",
      errorMessage: `RequestId: ${stuck.requestId} Error: Task timed out after 1.00 seconds`,
    });
    expect(s.state.workersStarted).toBe(1);
    const next = await s.invoke({ stuck: false });
    expect(next.payload).toBe("fine");
    expect(next.coldStart).toBe(true);
    expect(s.state.workersStarted).toBe(2);
  }, 30_000);

  it("cancels an invoke through its AbortSignal (AbortError), and the next invoke works", async () => {
    const s = simulator();
    s.configure({ timeoutSeconds: 30, files: { "index.js": `exports.handler = async (e) => e.stuck ? Array(2 ** 32 - 1).indexOf(1) : "ok";` } });
    await s.invoke({ stuck: false });
    const controller = new AbortController();
    const pending = s.invoke({ stuck: true }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    expect((await s.invoke({ stuck: false })).payload).toBe("ok");
  }, 30_000);

  it("aborting an invocation that waits for its turn drops it without touching the one running", async () => {
    const s = simulator();
    s.configure(counter);
    await s.invoke({ name: "warm" });
    const controller = new AbortController();
    const running = s.invoke({ name: "A" });
    const waiting = s.invoke({ name: "B" }, { signal: controller.signal });
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: "AbortError" });
    expect((await running).payload).toEqual({ count: 2, greeting: "Hello, A" });
    expect(s.state.workersStarted).toBe(1);
    expect((await s.invoke({ name: "C" })).payload).toEqual({ count: 3, greeting: "Hello, C" });
  });

  it("refuses to invoke before configure() and after dispose()", async () => {
    const s = simulator();
    await expect(s.invoke({})).rejects.toThrow(/configure\(fn\) must be called before invoke\(\)/);
    s.configure(counter);
    s.dispose();
    expect(s.state.status).toBe("disposed");
    await expect(s.invoke({})).rejects.toMatchObject({ name: "AbortError" });
  });
});
