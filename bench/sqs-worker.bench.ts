/**
 * An SQS worker draining 100,000 messages (issue 5, "Checks"): a standard queue, Lambda's SQS
 * event source mapping with BatchSize 10 and ReportBatchItemFailures, and a worker that fails 5 %
 * of the messages on their first receive (they come back after the 30 s visibility timeout and
 * succeed). Measured on the QuickJS runtime, and with a fixed-duration fake environment that
 * computes the same partial batch response in Node (the messaging layer and the service alone).
 *
 * Run: `npm run bench -- sqs-worker` (or `node --expose-gc bench/run.js sqs-worker`).
 * `BENCH_SQS_N` changes the number of messages (default 100,000; a multiple of 20).
 * Prints a Markdown table; BENCHMARKS.md records the figures with the date and machine.
 */
import { availableParallelism, cpus, loadavg } from "node:os";
import { SdkHub } from "../sandbox/aws/sdk/hub";
import { messagingExtension } from "../sandbox/aws/messaging/index";
import { simulate, type LambdaServiceOptions, type ServiceExtension } from "../sandbox/service/service";
import { fakeFactory, fn, template } from "../sandbox/service/testing";
import { fmt, gc } from "./stats";

const N = Number(process.env.BENCH_SQS_N ?? 100_000);
/** One stimulus sends 20 messages, one of which ("fail") fails on its first receive: 5 %. */
const PER_STIMULUS = 20;
const HANDLER = `exports.handler = async (event) => ({
  batchItemFailures: event.Records
    .filter((r) => r.body === "fail" && r.attributes.ApproximateReceiveCount === "1")
    .map((r) => ({ itemIdentifier: r.messageId })),
});`;
const TEMPLATE = template({
  Jobs: { Type: "AWS::SQS::Queue", Properties: { VisibilityTimeout: 30 } },
  Worker: fn(HANDLER, { Events: { Jobs: { Type: "SQS", Properties: { Queue: { "Fn::GetAtt": ["Jobs", "Arn"] }, BatchSize: 10, FunctionResponseTypes: ["ReportBatchItemFailures"] } } } }),
});
const MESSAGES = Array.from({ length: PER_STIMULUS }, (_, i) => (i === 7 ? "fail" : `job-${i}`));

interface Row {
  scenario: string;
  messages: number;
  invocations: number;
  seconds: number;
  messagesPerSecond: number;
  failedFirst: number;
  virtualSeconds: number;
  peakRssMB: number;
  heapAfterMB: number;
}

function memorySampler(): ServiceExtension & { peakRss: number } {
  const ext = {
    name: "memory-sampler",
    peakRss: 0,
    attach(host: Parameters<NonNullable<ServiceExtension["attach"]>>[0]) {
      const tick = () => {
        ext.peakRss = Math.max(ext.peakRss, process.memoryUsage().rss);
        if (host.clock.now() < 120_000) host.clock.after(500, tick);
      };
      host.clock.after(0, tick);
    },
  };
  return ext;
}

async function scenario(name: string, options: Partial<LambdaServiceOptions>): Promise<Row> {
  gc();
  const sampler = memorySampler();
  const hub = new SdkHub();
  const t = performance.now();
  const report = await simulate(TEMPLATE, { stimuli: [{ sqs: { queue: "Jobs", messages: MESSAGES }, count: N / PER_STIMULUS, every: 1 }] }, { logs: "none", traces: false, ...options, extensions: [hub.extension, messagingExtension(hub), sampler] });
  const seconds = (performance.now() - t) / 1000;
  const heap = process.memoryUsage();
  const m = report.extensions?.messaging as { resources: Record<string, { deleted: number; visible: number; inFlight: number }>; eventSourceMappings: Record<string, { failed: number; succeeded: number }> };
  const jobs = m.resources.Jobs!;
  const esm = m.eventSourceMappings["Worker.Jobs"]!;
  if (jobs.deleted !== N || jobs.visible + jobs.inFlight !== 0) throw new Error(`queue not drained: ${JSON.stringify(jobs)}`);
  const row: Row = {
    scenario: name,
    messages: jobs.deleted,
    invocations: report.summary.invocations,
    seconds,
    messagesPerSecond: jobs.deleted / seconds,
    failedFirst: esm.failed,
    virtualSeconds: Math.max(...report.invocations.map((i) => i.end), 0) / 1000,
    peakRssMB: Math.max(sampler.peakRss, heap.rss) / 1024 / 1024,
    heapAfterMB: (heap.heapUsed + heap.external) / 1024 / 1024,
  };
  console.error(`  ${name}: ${Math.round(row.messagesPerSecond)} messages/s (${fmt(seconds, 2)} s, ${row.invocations} invocations)`);
  return row;
}

export async function run(): Promise<void> {
  if (N % PER_STIMULUS !== 0) throw new Error(`BENCH_SQS_N must be a multiple of ${PER_STIMULUS}`);
  // Load the engine once so the first scenario does not pay the wasm compile.
  await simulate(template({ W: fn("exports.handler = async () => 1;") }), { stimuli: [{ invoke: "W" }] });
  const rows: Row[] = [];
  rows.push(await scenario("QuickJS worker, BatchSize 10, ReportBatchItemFailures", {}));
  // The same partial batch response computed in Node: the messaging layer and the service alone.
  const fake = fakeFactory((event) => {
    const records = (event as { Records: { body: string; messageId: string; attributes: { ApproximateReceiveCount: string } }[] }).Records;
    return { durationMs: 5, payload: { batchItemFailures: records.filter((r) => r.body === "fail" && r.attributes.ApproximateReceiveCount === "1").map((r) => ({ itemIdentifier: r.messageId })) } };
  });
  rows.push(await scenario("Messaging + service only (fake 5 ms environment)", { environmentFactory: fake }));

  const cpu = cpus()[0]?.model ?? "unknown CPU";
  console.log(`Node ${process.version}, ${availableParallelism()} cores (${cpu}), ${new Date().toISOString()}`);
  console.log(`gc exposed: ${typeof (globalThis as { gc?: unknown }).gc === "function"}; ${N.toLocaleString("en-US")} messages, ${PER_STIMULUS} per virtual ms, 5 % failing on the first receive\n`);
  console.log(`load average: ${loadavg().map((x) => x.toFixed(1)).join(", ")}\n`);
  console.log("| Scenario | Messages deleted | Invocations | Failed first receives | Virtual time (s) | Wall time (s) | Messages/s | Peak RSS (MB) | Heap + external after (MB) |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    console.log(
      `| ${r.scenario} | ${r.messages.toLocaleString("en-US")} | ${r.invocations.toLocaleString("en-US")} | ${r.failedFirst.toLocaleString("en-US")} | ${fmt(r.virtualSeconds, 1)} | ${fmt(r.seconds, 2)} | ${Math.round(r.messagesPerSecond).toLocaleString("en-US")} | ${fmt(r.peakRssMB, 0)} | ${fmt(r.heapAfterMB, 0)} |`,
    );
  }
}
