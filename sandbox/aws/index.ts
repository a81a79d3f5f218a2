/**
 * The simulated AWS around a function (issue 5): the SDK hub (`@aws-sdk/client-*` modules in every
 * function, IAM checks), the Lambda client, the HTTP routers, the messaging and data services and
 * CloudWatch Logs subscription filters,
 * as service extensions for `createLambdaService({ extensions: awsExtensions() })`.
 * See `sandbox/aws/README.md`.
 *
 * @example
 * import { simulate } from "../service";
 * import { awsExtensions } from "../aws";
 * const report = await simulate(templateYaml, driveYaml, { extensions: awsExtensions() });
 */
import type { ServiceExtension } from "../service/service";
import { dataExtension } from "./data/index";
import { httpExtension } from "./http/extension";
import { lambdaService } from "./lambda/client";
import { logsExtension } from "./logs/index";
import { messagingExtension } from "./messaging/index";
import { SdkHub } from "./sdk/hub";
import { stsService } from "./sdk/sts";

export { SdkHub, AwsServiceError, GuestStream, DEFAULT_LATENCY_MS } from "./sdk/hub";
export type { AwsCallContext, AwsOperation, AwsServiceDefinition, SdkCallRecord } from "./sdk/hub";
export { authorize, actionMatches, resourceMatches, roleSessionArn, accessDeniedMessage } from "./iam/evaluate";
export type { Decision, IamStatement } from "./iam/evaluate";
export { lambdaService, resolveFunctionName, MAX_NESTED_SYNC_INVOKES } from "./lambda/client";
export { httpExtension } from "./http/extension";
export { dataExtension } from "./data/index";
export { messagingExtension } from "./messaging/index";
export { logsExtension, compileFilterPattern, FilterPatternError } from "./logs/index";
export type { HttpExchange, HttpStimulus } from "./http/extension";
export { discoverApis } from "./http/apis";
export type { HttpApiDef, HttpRoute } from "./http/apis";
export { toHttpResponse } from "./http/responses";
export type { HttpResponse } from "./http/responses";

export interface AwsExtensionsOptions {
  /** A hub to use (tests register extra services on it); a new one by default. */
  hub?: SdkHub;
}

/** Every simulated AWS service, as service extensions; the hub's extension comes first. */
export function awsExtensions(options: AwsExtensionsOptions = {}): ServiceExtension[] {
  const hub = options.hub ?? new SdkHub();
  // Services register when the extensions are built, before deploy: provisioned environments are
  // created before any extension's attach(), and their guest modules must already be complete.
  hub.register(lambdaService());
  hub.register(stsService());
  return [hub.extension, httpExtension(hub), messagingExtension(hub), dataExtension(hub), logsExtension()];
}
