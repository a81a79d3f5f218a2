/**
 * `@aws-sdk/client-sts` `GetCallerIdentity`: who the function runs as — its execution role's
 * session (STS APIReference API_GetCallerIdentity: "No permissions are required to perform this
 * operation", so no IAM check).
 */
import { roleSessionArn } from "../iam/evaluate";
import type { AwsServiceDefinition } from "./hub";

export function stsService(): AwsServiceDefinition {
  return {
    package: "@aws-sdk/client-sts",
    clientName: "STSClient",
    operations: {
      GetCallerIdentity: {
        action: "",
        resource: () => "*",
        latencyMs: 5,
        run: (_input: unknown, ctx) => ({
          // A role session's user id is the role id and the session name (IAM UG reference_policies_variables).
          UserId: `AROA${ctx.fn.logicalId.toUpperCase().replace(/[^A-Z0-9]/g, "").slice(0, 17)}:${ctx.fn.functionName}`,
          Account: ctx.accountId,
          Arn: roleSessionArn(ctx.fn, ctx.accountId),
        }),
      },
    },
  };
}
