/**
 * Speed of the sandbox (issue 3, "Speed"): cold start, warm invoke, invocations per second and
 * memory per warm environment for the QuickJS runtime, beside the same handler run in-process with
 * `node:vm` (the physical floor), and the Node pool's round trip through a worker.
 *
 * Run: `npm run bench -- sandbox` (or `node --expose-gc bench/run.js sandbox`).
 * Prints a Markdown table; BENCHMARKS.md records the figures with the date and machine.
 */
import { availableParallelism, cpus, loadavg } from "node:os";
import vm from "node:vm";
import { createNodePool } from "../sandbox/hosts/node/pool";
import { loadEngine } from "../sandbox/runtime/engine";
import { guestCalls } from "../sandbox/runtime/guest-calls";
import { newEnvironment } from "../sandbox/runtime/environment";
import type { ExecutionEnvironment, FunctionConfig } from "../sandbox/runtime/types";
import { fmt, gc, sample, summarize, throughput, type Summary } from "./stats";

/** A small handler: a little module-level work at init, a trivial async handler. */
const SOURCE = `
const greeting = "hello";
const table = Object.fromEntries(["a", "b", "c"].map((k, i) => [k, i]));
exports.handler = async (event) => ({ statusCode: 200, body: greeting + (event.n ?? table.a) });
`;
const CONFIG: FunctionConfig = { files: { "index.js": SOURCE }, handler: "index.handler" };
const EVENT = { n: 1 };

const COLD_SAMPLES = Number(process.env.BENCH_COLD ?? 200);
const WARM_SAMPLES = Number(process.env.BENCH_WARM ?? 5000);
const MEMORY_ENVS = Number(process.env.BENCH_MEMORY_ENVS ?? 100);
const THROUGHPUT_MS = 1000;

// ---- node:vm baseline -------------------------------------------------------------------------

type Handler = (event: unknown, context: unknown) => Promise<unknown>;

function vmEnvironment(): Handler {
  const sandbox = { exports: {} as { handler?: Handler } };
  const context = vm.createContext(sandbox);
  new vm.Script(SOURCE, { filename: "index.js" }).runInContext(context);
  const handler = sandbox.exports.handler;
  if (!handler) throw new Error("vm baseline: no handler");
  return handler;
}

const vmContextObject = { functionName: "my-function", awsRequestId: "bench" };

// ---- bare QuickJS baseline --------------------------------------------------------------------

async function rawQuickJsCall(): Promise<{ call: () => unknown; dispose: () => void }> {
  const QuickJS = await loadEngine();
  const runtime = QuickJS.newRuntime();
  const context = runtime.newContext();
  const fn = context.unwrapResult(context.evalCode(`(json) => JSON.stringify({ statusCode: 200, body: "hello" + JSON.parse(json).n })`));
  return {
    call: () => {
      const arg = context.newString(JSON.stringify(EVENT));
      const result = context.unwrapResult(context.callFunction(fn, context.undefined, arg));
      arg.dispose();
      const out = JSON.parse(context.getString(result)) as unknown;
      result.dispose();
      return out;
    },
    dispose: () => {
      fn.dispose();
      context.dispose();
      runtime.dispose();
    },
  };
}

/**
 * The floors under a warm invoke through the runtime's own FFI lane (sandbox/runtime/guest-calls.ts):
 * a call of a no-op (one host → guest crossing), and the least a trivial async handler costs in the
 * interpreter — event JSON in, the async call, one then, the promise job, JSON out — with no Lambda
 * semantics (no context object, no logs, no REPORT).
 */
async function ffiFloors(): Promise<{ nop: () => unknown; asyncHandler: () => unknown; dispose: () => void }> {
  const QuickJS = await loadEngine();
  const runtime = QuickJS.newRuntime();
  const context = runtime.newContext();
  const fns = context.unwrapResult(
    context.evalCode(`(function () {
      var out = '';
      var handler = async (event) => ({ statusCode: 200, body: "hello" + event.n });
      return {
        nop: function () { return 0; },
        invoke: function (json) { handler(JSON.parse(json)).then(function (r) { out = JSON.stringify(r); }); },
        take: function () { var o = out; out = ''; return o; },
      };
    })()`),
  );
  const nop = context.getProp(fns, "nop");
  const invoke = context.getProp(fns, "invoke");
  const take = context.getProp(fns, "take");
  const calls = guestCalls(runtime, context);
  const eventJson = JSON.stringify(EVENT);
  return {
    nop: () => calls.callNumber(nop),
    asyncHandler: () => {
      calls.callNumber(invoke, eventJson);
      calls.runJobs(256);
      return JSON.parse(calls.callString(take).value ?? "null") as unknown;
    },
    dispose: () => {
      calls.dispose();
      for (const h of [nop, invoke, take, fns]) h.dispose();
      context.dispose();
      runtime.dispose();
    },
  };
}

// ---- rows -------------------------------------------------------------------------------------

interface Row {
  metric: string;
  unit: string;
  lambdaLab: Summary | number;
  vm?: Summary | number;
  target?: string;
}

function cell(x: Summary | number | undefined, digits: number): string {
  if (x === undefined) return "–";
  if (typeof x === "number") return fmt(x, digits);
  return `${fmt(x.median, digits)} / ${fmt(x.p95, digits)}`;
}

const progress = (what: string) => process.stderr.write(`… ${what}\n`);

export async function run(): Promise<void> {
  const rows: Row[] = [];
  progress("loading the engine");

  // Load the engine once (wasm compile) so the first cold start is not an outlier of loading.
  const warmupEnv = await newEnvironment(CONFIG);
  await warmupEnv.invoke(EVENT);
  warmupEnv.dispose();

  progress("cold start");
  // Cold start: new environment + init of the small handler.
  const cold = summarize(
    await sample(COLD_SAMPLES, async () => {
      const env = await newEnvironment(CONFIG);
      await env.init();
      env.dispose();
    }, 60),
  );
  const vmCold = summarize(await sample(COLD_SAMPLES, () => vmEnvironment(), 20));
  rows.push({ metric: "Cold start (new environment + init)", unit: "ms, p50 / p95", lambdaLab: cold, vm: vmCold, target: "p50 ≤ 5 ms" });

  progress("cold invoke");
  // Cold invoke: new environment + first invoke (init + handler), what a learner's first Run costs.
  const coldInvoke = summarize(
    await sample(COLD_SAMPLES, async () => {
      const env = await newEnvironment(CONFIG);
      await env.invoke(EVENT);
      env.dispose();
    }, 60),
  );
  rows.push({ metric: "Cold invoke (new environment + first invoke)", unit: "ms, p50 / p95", lambdaLab: coldInvoke });

  progress("warm invoke");
  // Warm invoke of the trivial handler, in one environment.
  const env = await newEnvironment(CONFIG);
  await env.invoke(EVENT);
  const warm = summarize(await sample(WARM_SAMPLES, () => env.invoke(EVENT), 200));
  const handler = vmEnvironment();
  const vmWarm = summarize(await sample(WARM_SAMPLES, () => handler(EVENT, vmContextObject), 200));
  rows.push({ metric: "Warm invoke (trivial handler)", unit: "ms, p50 / p95", lambdaLab: warm, vm: vmWarm, target: "p50 ≤ 0.3 ms; ≤ 20× vm" });
  // The same floor doing what Lambda's runtime client does around every handler call: the event
  // arrives as JSON and the response leaves as JSON (RIC Runtime.js / RAPIDClient).
  const eventJson = JSON.stringify(EVENT);
  const vmWarmJson = summarize(await sample(WARM_SAMPLES, async () => JSON.stringify(await handler(JSON.parse(eventJson), vmContextObject)), 200));
  rows.push({ metric: "Warm invoke vs node:vm with the runtime client's JSON in/out", unit: "ms, p50 / p95", lambdaLab: warm, vm: vmWarmJson });

  progress("throughput");
  // The engine's own floor: a bare QuickJS context calling a trivial function with the event
  // passed as JSON and the result read back as JSON, no Lambda semantics at all.
  const raw = await rawQuickJsCall();
  const rawWarm = summarize(await sample(WARM_SAMPLES, raw.call, 200));
  raw.dispose();
  rows.push({ metric: "Raw QuickJS call (JSON in, call, JSON out): the engine's floor", unit: "ms, p50 / p95", lambdaLab: rawWarm, vm: vmWarm });
  const floors = await ffiFloors();
  const ffiNop = summarize(await sample(WARM_SAMPLES, floors.nop, 200));
  const ffiAsync = summarize(await sample(WARM_SAMPLES, floors.asyncHandler, 200));
  floors.dispose();
  rows.push({ metric: "FFI call of a no-op (one host → guest crossing, guest-calls.ts)", unit: "ms, p50 / p95", lambdaLab: ffiNop });
  rows.push({ metric: "Trivial async handler in bare QuickJS via the FFI (JSON in, call, then, job, JSON out)", unit: "ms, p50 / p95", lambdaLab: ffiAsync, vm: vmWarmJson });

  // Invocations per second in one environment.
  const ips = await throughput(THROUGHPUT_MS, () => env.invoke(EVENT));
  const vmIps = await throughput(THROUGHPUT_MS, () => handler(EVENT, vmContextObject));
  rows.push({ metric: "Invocations per second (one environment)", unit: "invokes/s", lambdaLab: Math.round(ips), vm: Math.round(vmIps) });
  env.dispose();

  progress("memory");
  // Memory per warm environment: JS heap + external memory (which includes the wasm memory's
  // ArrayBuffer), RSS and the wasm memory itself, before and after MEMORY_ENVS warm environments
  // alive at once, divided by their number. Wasm memory grows but never shrinks; the phases before
  // this one keep at most two environments alive, so their high-water mark hides < 0.01 MB/env.
  // (Measured after the timings: 100 live environments first would slow the cold starts.)
  const wasmMemory = (await loadEngine()).getWasmMemory();
  const memory = () => {
    gc();
    const m = process.memoryUsage();
    return { js: m.heapUsed + m.external, rss: m.rss, wasm: wasmMemory.buffer.byteLength };
  };
  const before = memory();
  const envs: ExecutionEnvironment[] = [];
  for (let i = 0; i < MEMORY_ENVS; i++) {
    const e = await newEnvironment(CONFIG);
    await e.invoke(EVENT);
    envs.push(e);
  }
  const after = memory();
  for (const e of envs) e.dispose();
  const vmBefore = memory();
  const handlers: Handler[] = [];
  for (let i = 0; i < MEMORY_ENVS; i++) {
    const h = vmEnvironment();
    await h(EVENT, vmContextObject);
    handlers.push(h);
  }
  const vmAfter = memory();
  const mb = (bytes: number) => bytes / MEMORY_ENVS / 1024 / 1024;
  rows.push({
    metric: `Memory per warm environment (QuickJS wasm memory growth, ${MEMORY_ENVS} envs)`,
    unit: "MB",
    lambdaLab: mb(after.wasm - before.wasm),
  });
  rows.push({
    metric: `Memory per warm environment (heap + external, ${MEMORY_ENVS} envs)`,
    unit: "MB",
    lambdaLab: mb(after.js - before.js),
    vm: mb(vmAfter.js - vmBefore.js),
  });
  rows.push({
    metric: `Memory per warm environment (RSS, ${MEMORY_ENVS} envs)`,
    unit: "MB",
    lambdaLab: mb(after.rss - before.rss),
    vm: mb(vmAfter.rss - vmBefore.rss),
  });
  handlers.length = 0;

  progress("node pool");
  // The Node pool: a warm invoke through a worker (postMessage both ways + structured clone).
  const pool = createNodePool({ size: 1, isolation: "thread" });
  try {
    await pool.warmUp();
    const session = await pool.newSession(CONFIG);
    await session.invoke(EVENT);
    const pooled = summarize(await sample(Math.min(WARM_SAMPLES, 2000), () => session.invoke(EVENT), 200));
    rows.push({ metric: "Warm invoke through the Node pool, thread isolation (worker round trip)", unit: "ms, p50 / p95", lambdaLab: pooled });
    rows.push({
      metric: "Pool overhead, threads (pool warm p50 − in-process warm p50)",
      unit: "ms",
      lambdaLab: pooled.median - warm.median,
    });
    // Give the one worker back before leasing it again for the cold runs.
    await session.dispose();
    const pooledCold = summarize(
      await sample(50, async () => {
        const s = await pool.newSession(CONFIG);
        await s.invoke(EVENT);
        await s.dispose();
      }, 5),
    );
    rows.push({ metric: "Cold invoke through the Node pool, threads (session + first invoke)", unit: "ms, p50 / p95", lambdaLab: pooledCold });
  } finally {
    await pool.dispose();
  }

  // The same round trip with process isolation (a child process over IPC).
  const processPool = createNodePool({ size: 1, isolation: "process" });
  try {
    await processPool.warmUp();
    const session = await processPool.newSession(CONFIG);
    await session.invoke(EVENT);
    const pooled = summarize(await sample(Math.min(WARM_SAMPLES, 2000), () => session.invoke(EVENT), 200));
    rows.push({ metric: "Warm invoke through the Node pool, process isolation (default; IPC round trip)", unit: "ms, p50 / p95", lambdaLab: pooled });
    await session.dispose();
  } finally {
    await processPool.dispose();
  }

  const cpu = cpus()[0]?.model ?? "unknown CPU";
  console.log(`Node ${process.version}, ${availableParallelism()} cores (${cpu}), ${new Date().toISOString()}`);
  console.log(`gc exposed: ${typeof (globalThis as { gc?: unknown }).gc === "function"}; load average at the end: ${loadavg().map((x) => x.toFixed(2)).join(", ")}\n`);
  console.log("| Metric | Unit | Lambda Lab (QuickJS) | node:vm (floor) | Ratio | Target |");
  console.log("|---|---|---|---|---|---|");
  for (const row of rows) {
    const ll = typeof row.lambdaLab === "number" ? row.lambdaLab : row.lambdaLab.median;
    const v = row.vm === undefined ? undefined : typeof row.vm === "number" ? row.vm : row.vm.median;
    const ratio = v === undefined || v === 0 ? "–" : row.unit === "invokes/s" ? `${(v / ll).toFixed(1)}× slower` : `${(ll / v).toFixed(1)}×`;
    // Sub-10 µs figures (the FFI floors) get a fourth decimal.
    const digits = row.unit === "MB" ? 2 : row.unit === "invokes/s" ? 0 : ll < 0.01 ? 4 : 3;
    console.log(`| ${row.metric} | ${row.unit} | ${cell(row.lambdaLab, digits)} | ${cell(row.vm, digits)} | ${ratio} | ${row.target ?? ""} |`);
  }
}
