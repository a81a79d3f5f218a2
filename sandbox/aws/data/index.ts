/**
 * The data services around a function (issue 5): DynamoDB tables and their streams, Kinesis
 * streams, the stream event source mapping, S3 buckets with notifications and recursive loop
 * detection, and a relational database with a connection limit (RDS, RDS Proxy). One service
 * extension: `dataExtension(hub)` registers the SDK operations on the hub and drives the event
 * sources on the service's virtual clock. See `README.md` beside this file.
 */
import type { SdkHub } from "../sdk/hub";
import type { ServiceExtension, ServiceHost } from "../../service/service";
import { DataServices } from "./services";

export { DataServices } from "./services";
export { Table, tableDefinition } from "./dynamodb/table";
export { parseCondition, parseUpdate, parseProjection, evaluateCondition, applyUpdate, ExpressionContext } from "./dynamodb/expressions";

/** The data extension: resource types, SAM event kinds and drive-file stimuli it simulates. */
export function dataExtension(hub: SdkHub): ServiceExtension {
  const data = new DataServices(hub);
  return {
    name: "data",
    resourceTypes: ["AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable", "AWS::Kinesis::Stream", "AWS::RDS::DBInstance", "AWS::RDS::DBProxy", "AWS::Cognito::UserPool", "AWS::Lambda::EventSourceMapping"],
    eventTypes: ["DynamoDB", "Kinesis", "S3", "Cognito"],
    stimulusKinds: ["s3", "dynamodb", "kinesis", "cognito"],
    attach: (host: ServiceHost) => data.attach(host),
    stimulus: (kind, spec, host, path) => data.stimulus(kind, spec, path),
    environmentOptions: (fn, host) => data.environmentOptions(fn, host),
    report: () => data.report(),
    attribute: (resource, attr, names) => data.attribute(resource, attr, names),
  };
}
