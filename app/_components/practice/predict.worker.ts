/**
 * Runs a "predict the output" setup on the simulator in the browser, after the learner has answered,
 * so they can see the real output. The page terminates the worker if it overruns.
 */
import { runPrediction, type PredictionSetup } from "@/sandbox/grading/observe";

interface Job {
  setup: PredictionSetup;
  catalogue: Record<string, unknown>;
}

self.onmessage = async (message: MessageEvent<Job>) => {
  const { setup, catalogue } = message.data;
  try {
    const run = await runPrediction(setup, { catalogue: (id) => catalogue[id] });
    const logs = run.results.flatMap((r) => r.logs.map((l) => l.message));
    self.postMessage({ ok: true, observed: run.observed, logs });
  } catch (error) {
    self.postMessage({ ok: false, error: (error as Error).message });
  }
};
