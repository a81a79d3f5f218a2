/**
 * `Ref` and `Fn::GetAtt` of the data resource types, as CloudFormation answers them (UserGuide
 * aws-resource-dynamodb-table, aws-resource-kinesis-stream, aws-resource-rds-dbinstance,
 * aws-resource-rds-dbproxy, aws-resource-cognito-userpool "Return values").
 */
import { TemplateError } from "../../service/errors";
import { STREAM_LABEL } from "./dynamodb/table";
import { userPoolId } from "./cognito/user-pool";
import { databaseEndpoint, engineOf, proxyEndpoint } from "./rds/database";

type Props = Record<string, unknown>;
export type Names = { region: string; accountId: string; stackName: string };

export function dataAttribute(resource: { logicalId: string; type: string; properties: Props }, attr: string, names: Names): string | undefined {
  const { logicalId: id, type, properties: p } = resource;
  switch (type) {
    case "AWS::DynamoDB::Table":
    case "AWS::Serverless::SimpleTable": {
      const name = typeof p.TableName === "string" ? p.TableName : `${names.stackName}-${id}`;
      const arn = `arn:aws:dynamodb:${names.region}:${names.accountId}:table/${name}`;
      if (attr === "Ref") return name;
      if (attr === "Arn") return arn;
      if (attr === "StreamArn") {
        if (!p.StreamSpecification) throw new TemplateError("StreamArn needs a StreamSpecification on the table", { resource: id, property: "StreamSpecification" });
        return `${arn}/stream/${STREAM_LABEL}`;
      }
      return undefined;
    }
    case "AWS::Kinesis::Stream": {
      const name = kinesisName(id, p, names);
      if (attr === "Ref") return name;
      if (attr === "Arn") return `arn:aws:kinesis:${names.region}:${names.accountId}:stream/${name}`;
      return undefined;
    }
    case "AWS::RDS::DBInstance": {
      if (attr === "Ref") return (typeof p.DBInstanceIdentifier === "string" ? p.DBInstanceIdentifier : id).toLowerCase();
      if (attr === "Endpoint.Address") return databaseEndpoint(id, p);
      if (attr === "Endpoint.Port") return engineOf(p) === "mysql" ? "3306" : "5432";
      if (attr === "DBInstanceArn") return `arn:aws:rds:${names.region}:${names.accountId}:db:${id.toLowerCase()}`;
      return undefined;
    }
    case "AWS::Cognito::UserPool": {
      const id = userPoolId(names.region, resource.logicalId);
      if (attr === "Ref" || attr === "UserPoolId") return id;
      if (attr === "Arn") return `arn:aws:cognito-idp:${names.region}:${names.accountId}:userpool/${id}`;
      if (attr === "ProviderName") return `cognito-idp.${names.region}.amazonaws.com/${id}`;
      return undefined;
    }
    case "AWS::RDS::DBProxy": {
      if (attr === "Ref") return typeof p.DBProxyName === "string" ? p.DBProxyName : id;
      if (attr === "Endpoint") return proxyEndpoint(id, p);
      if (attr === "DBProxyArn") return `arn:aws:rds:${names.region}:${names.accountId}:db-proxy:prx-${id.toLowerCase()}`;
      return undefined;
    }
    default:
      return undefined;
  }
}

/** A Kinesis stream's name: `Name`, else `<stack>-<logical id>` as CloudFormation names it. */
export function kinesisName(id: string, p: Props, names: Names): string {
  return typeof p.Name === "string" ? p.Name : `${names.stackName}-${id}`;
}

