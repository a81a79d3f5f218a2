/**
 * Runs a whole architecture (a SAM template and a drive file) on the simulated Lambda service,
 * with the simulated AWS around it (SDK, IAM, HTTP routers, messaging and data services), off the
 * page's thread. The page terminates the worker if a run overruns.
 */
import { awsExtensions } from "@/sandbox/aws";
import { simulate } from "@/sandbox/service";

self.onmessage = async (message: MessageEvent<{ template: string; drive: string }>) => {
  try {
    const report = await simulate(message.data.template, message.data.drive, { extensions: awsExtensions() });
    self.postMessage({ ok: true, report });
  } catch (error) {
    self.postMessage({ ok: false, error: `${(error as Error).name}: ${(error as Error).message}` });
  }
};
