/**
 * CloudWatch Logs around a function (issue 5): subscription filters with a Lambda destination
 * (`AWS::Logs::SubscriptionFilter`, SAM `CloudWatchLogs` events) and `AWS::Logs::LogGroup`'s
 * `Ref`/`Arn`, as one service extension. See `subscriptions.ts` and `filter-pattern.ts`.
 *
 * @example
 * await simulate(templateYaml, driveYaml, { extensions: [logsExtension()] });
 * report.extensions.logs.subscriptionFilters; // per filter: matchedEvents, batches, forwardedEvents…
 */
import type { ServiceExtension } from "../../service/service";
import { LogSubscriptions, logGroupArn } from "./subscriptions";

export { compileFilterPattern, FilterPatternError } from "./filter-pattern";
export { LOG_DELIVERY_DELAY_MS, logGroupArn } from "./subscriptions";

export function logsExtension(): ServiceExtension {
  let state: LogSubscriptions | undefined;
  const need = (): LogSubscriptions => {
    if (!state) throw new Error("logs extension: not attached");
    return state;
  };
  return {
    name: "logs",
    resourceTypes: ["AWS::Logs::SubscriptionFilter", "AWS::Logs::LogGroup"],
    eventTypes: ["CloudWatchLogs"],
    attach(host) {
      state = new LogSubscriptions(host);
      state.attach();
    },
    invocationLogs(logs) {
      state?.onLogs(logs);
    },
    report() {
      return need().report();
    },
    // CloudFormation: Ref of a log group is its name; Arn ends with ":*".
    attribute(resource, attr, names) {
      if (resource.type !== "AWS::Logs::LogGroup") return undefined;
      const name = typeof resource.properties.LogGroupName === "string" ? resource.properties.LogGroupName : `${names.stackName}-${resource.logicalId}`;
      if (attr === "Ref") return name;
      if (attr === "Arn") return logGroupArn(name, names.region, names.accountId);
      return undefined;
    },
  };
}
