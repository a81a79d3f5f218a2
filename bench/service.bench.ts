/**
 * Speed of the service layer (issue 4, "Checks"): 100,000 invocations of a trivial function through
 * the simulated Lambda service, synchronous and asynchronous, with metrics, on the QuickJS runtime;
 * and the same with a fixed-duration fake environment, which measures the service's own work
 * (scheduler, concurrency, records, metrics, report) without the engine.
 *
 * Run: `npm run bench -- service` (or `node --expose-gc bench/run.js service`).
 * `BENCH_SERVICE_N` changes the number of invocations (default 100,000).
 * Prints a Markdown table; BENCHMARKS.md records the figures with the date and machine.
 */
import { availableParallelism, cpus, loadavg } from "node:os";
import { newEnvironment } from "../sandbox/runtime/environment";
import { simulate, type LambdaServiceOptions, type ServiceExtension } from "../sandbox/service/service";
import { fakeFactory, fn, template } from "../sandbox/service/testing";
import { fmt, gc } from "./stats";

const N = Number(process.env.BENCH_SERVICE_N ?? 100_000);
const TEMPLATE = template({ Hello: fn("exports.handler = async (event) => ({ ok: true, n: event.n });") });

interface Row {
  scenario: string;
  invocations: number;
  seconds: number;
  perSecond: number;
  /** CPU time of this process per invocation: what the run costs, whatever else the machine is doing. */
  cpuUs: number;
  coldStarts: number;
  peakRssMB: number;
  heapAfterMB: number;
}

/** Samples RSS once per virtual second of the run (the run's own clock), for its peak. */
function memorySampler(): ServiceExtension & { peakRss: number } {
  const ext = {
    name: "memory-sampler",
    peakRss: 0,
    attach(host: Parameters<NonNullable<ServiceExtension["attach"]>>[0]) {
      const tick = () => {
        ext.peakRss = Math.max(ext.peakRss, process.memoryUsage().rss);
        if (host.clock.now() < N) host.clock.after(1000, tick);
      };
      host.clock.after(0, tick);
    },
  };
  return ext;
}

async function scenario(name: string, type: "RequestResponse" | "Event", options: Partial<LambdaServiceOptions>): Promise<Row> {
  gc();
  const sampler = memorySampler();
  const cpu = process.cpuUsage();
  const t = performance.now();
  const report = await simulate(TEMPLATE, { stimuli: [{ invoke: "Hello", type, count: N, every: 1, payload: { n: 1 } }] }, { logs: "none", traces: false, ...options, extensions: [sampler] });
  const seconds = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  const heap = process.memoryUsage();
  const row: Row = {
    scenario: name,
    invocations: report.summary.invocations,
    seconds,
    perSecond: report.summary.invocations / seconds,
    cpuUs: (used.user + used.system) / report.summary.invocations,
    coldStarts: report.summary.coldStarts,
    peakRssMB: Math.max(sampler.peakRss, heap.rss) / 1024 / 1024,
    heapAfterMB: (heap.heapUsed + heap.external) / 1024 / 1024,
  };
  console.error(`  ${name}: ${Math.round(row.perSecond)} invocations/s, ${fmt(row.cpuUs, 1)} µs CPU each (${fmt(seconds, 2)} s; metrics minutes: ${Object.values(report.metrics)[0]?.length ?? 0})`);
  return row;
}

export async function run(): Promise<void> {
  const rows: Row[] = [];
  // Load the engine once so the first scenario does not pay the wasm compile.
  await simulate(TEMPLATE, { stimuli: [{ invoke: "Hello" }] });
  // The ceiling: the runtime alone, warm invokes back to back in one environment (no service).
  {
    const env = await newEnvironment({ files: { "index.js": "exports.handler = async (event) => ({ ok: true, n: event.n });" } });
    await env.invoke({ n: 1 });
    const count = Math.min(N, 20_000);
    gc();
    const cpu = process.cpuUsage();
    const t = performance.now();
    for (let i = 0; i < count; i++) await env.invoke({ n: 1 }, { requestId: `r${i}`, startTime: 1_767_225_600_000 + i });
    const seconds = (performance.now() - t) / 1000;
    const used = process.cpuUsage(cpu);
    const m = process.memoryUsage();
    env.dispose();
    const cpuUs = (used.user + used.system) / count;
    rows.push({ scenario: "Runtime alone: warm invokes in one environment (the ceiling)", invocations: count, seconds, perSecond: count / seconds, cpuUs, coldStarts: 0, peakRssMB: m.rss / 1024 / 1024, heapAfterMB: (m.heapUsed + m.external) / 1024 / 1024 });
    console.error(`  runtime alone: ${Math.round(count / seconds)} invocations/s, ${fmt(cpuUs, 1)} µs CPU each`);
  }
  rows.push(await scenario("QuickJS, RequestResponse, 1 ms apart", "RequestResponse", {}));
  rows.push(await scenario("QuickJS, Event (async queue), 1 ms apart", "Event", {}));
  const fake = fakeFactory(() => ({ durationMs: 1.25 }));
  rows.push(await scenario("Service only (fake 1.25 ms environment), RequestResponse", "RequestResponse", { environmentFactory: fake }));
  rows.push(await scenario("Service only (fake 1.25 ms environment), Event", "Event", { environmentFactory: fake }));
  rows.push(await scenario("QuickJS, RequestResponse, full report (logs + traces)", "RequestResponse", { logs: "full", traces: true }));

  const cpu = cpus()[0]?.model ?? "unknown CPU";
  console.log(`Node ${process.version}, ${availableParallelism()} cores (${cpu}), ${new Date().toISOString()}`);
  console.log(`gc exposed: ${typeof (globalThis as { gc?: unknown }).gc === "function"}; ${N.toLocaleString("en-US")} invocations per scenario, one every virtual ms\n`);
  console.log(`load average: ${loadavg().map((x) => x.toFixed(1)).join(", ")}\n`);
  // Invocations per CPU-second: the rate this process reaches when it has a core to itself (the
  // machine is often shared, which stretches wall time but not CPU time).
  console.log("| Scenario | Invocations | Wall time (s) | Invocations/s | CPU µs per invocation | Invocations per CPU-second | Cold starts | Peak RSS (MB) | Heap + external after (MB) |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    console.log(
      `| ${r.scenario} | ${r.invocations.toLocaleString("en-US")} | ${fmt(r.seconds, 2)} | ${Math.round(r.perSecond).toLocaleString("en-US")} | ${fmt(r.cpuUs, 1)} | ${Math.round(1e6 / r.cpuUs).toLocaleString("en-US")} | ${r.coldStarts} | ${fmt(r.peakRssMB, 0)} | ${fmt(r.heapAfterMB, 0)} |`,
    );
  }
  console.log("\nTarget (issue 4): ≥ 10,000 simulated invocations per second in Node for a trivial function.");
}
