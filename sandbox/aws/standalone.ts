/**
 * The simulated AWS for one function run outside a simulation (`lambda-lab invoke --template`):
 * the template is deployed on a Lambda service with `awsExtensions()` so its tables, queues and
 * buckets exist, and the function — run elsewhere, e.g. in the Node worker pool — gets the guest
 * SDK modules and a `hostCall` answered by those services. The clock does not run: calls happen at
 * virtual time 0 plus their elapsed time, and event sources (streams, queues, schedules) do not
 * fire; use `simulate` for those.
 */
import { createLambdaService, type LambdaService, type LambdaServiceOptions, type ServiceExtension, type ServiceHost } from "../service/service";
import type { TemplateFunction } from "../service/template";
import type { EnvironmentOptions } from "../runtime/types";
import { awsExtensions } from "./index";

export interface StandaloneAws {
  service: LambdaService;
  /** The SDK modules and host calls for one function of the template. */
  environmentOptions(fn: TemplateFunction): Pick<EnvironmentOptions, "builtinModules" | "hostCall">;
}

/** Deploy `options.template` with the simulated AWS around it. Dispose `service` when done. */
export async function standaloneAws(options: Omit<LambdaServiceOptions, "extensions">): Promise<StandaloneAws> {
  const extensions = awsExtensions();
  let host: ServiceHost | undefined;
  const capture: ServiceExtension = { name: "standalone", attach: (h) => void (host = h) };
  const service = await createLambdaService({ ...options, extensions: [...extensions, capture] });
  return {
    service,
    environmentOptions(fn) {
      if (!host) throw new Error("standaloneAws: the service is not deployed");
      let out: Pick<EnvironmentOptions, "builtinModules" | "hostCall"> = {};
      // Merged as the service merges its extensions' options: modules added up, the last hostCall wins.
      for (const e of extensions) {
        const o = e.environmentOptions?.(fn, host);
        if (o) out = { builtinModules: { ...(out.builtinModules ?? {}), ...(o.builtinModules ?? {}) }, ...(o.hostCall ? { hostCall: o.hostCall } : out.hostCall ? { hostCall: out.hostCall } : {}) };
      }
      return out;
    },
  };
}
