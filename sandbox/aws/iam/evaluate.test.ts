// IAM policy evaluation within one account (IAM UG reference_policies_evaluation-logic,
// reference_policies_evaluation-logic_AccessPolicyLanguage_Interplay: explicit deny wins over
// allow, default deny), the element matching of the IAM JSON policy reference
// (reference_policies_elements_action / _resource / _notaction / _notresource: wildcards * and ?,
// actions case-insensitive), and the access-denied wording (IAM UG troubleshoot_access-denied).
import { describe, expect, it } from "vitest";
import { parseTemplate } from "../../service/template";
import { accessDeniedMessage, actionMatches, authorize, resourceMatches, roleSessionArn } from "./evaluate";
import { invokeAllowed, invokePermissions } from "./permissions";

const table = "arn:aws:dynamodb:us-east-1:123456789012:table/Orders";

describe("identity-based policy evaluation", () => {
  it("denies by default: no statement, or none that matches (implicit deny)", () => {
    expect(authorize([], "dynamodb:PutItem", table)).toBe("implicitDeny");
    expect(authorize([{ Effect: "Allow", Action: ["dynamodb:GetItem"], Resource: [table] }], "dynamodb:PutItem", table)).toBe("implicitDeny");
    expect(authorize([{ Effect: "Allow", Action: ["dynamodb:PutItem"], Resource: [table + "2"] }], "dynamodb:PutItem", table)).toBe("implicitDeny");
  });

  it("allows when a statement matches both the action and the resource", () => {
    expect(authorize([{ Effect: "Allow", Action: ["dynamodb:PutItem"], Resource: [table] }], "dynamodb:PutItem", table)).toBe("allow");
  });

  it("an explicit Deny overrides any Allow", () => {
    const s = [
      { Effect: "Allow" as const, Action: ["dynamodb:*"], Resource: ["*"] },
      { Effect: "Deny" as const, Action: ["dynamodb:DeleteItem"], Resource: [table] },
    ];
    expect(authorize(s, "dynamodb:DeleteItem", table)).toBe("explicitDeny");
    expect(authorize(s, "dynamodb:PutItem", table)).toBe("allow");
  });

  it("matches actions without regard to case, with * and ? wildcards", () => {
    expect(actionMatches("dynamodb:*", "dynamodb:PutItem")).toBe(true);
    expect(actionMatches("DynamoDB:putitem", "dynamodb:PutItem")).toBe(true);
    expect(actionMatches("sqs:SendMessage*", "sqs:SendMessageBatch")).toBe(true);
    expect(actionMatches("s3:Get?bject", "s3:GetObject")).toBe(true);
    expect(actionMatches("s3:Get?bject", "s3:GetObjectAcl")).toBe(false);
    expect(actionMatches("*", "lambda:InvokeFunction")).toBe(true);
    expect(actionMatches("dynamodb:Put", "dynamodb:PutItem")).toBe(false);
  });

  it("matches resource ARNs with case, with * spanning segments and ? one character", () => {
    expect(resourceMatches("arn:aws:dynamodb:*:*:table/Orders", table)).toBe(true);
    expect(resourceMatches("arn:aws:dynamodb:us-east-1:123456789012:table/orders", table)).toBe(false);
    expect(resourceMatches("arn:aws:s3:::uploads/*", "arn:aws:s3:::uploads/a/b.jpg")).toBe(true);
    expect(resourceMatches("arn:aws:s3:::uploads/*", "arn:aws:s3:::uploads")).toBe(false);
    expect(resourceMatches("arn:aws:sqs:us-east-1:123456789012:jobs-?", "arn:aws:sqs:us-east-1:123456789012:jobs-1")).toBe(true);
  });

  it("NotAction allows every action but the listed ones; NotResource every resource but the listed ones", () => {
    const notAction = [{ Effect: "Allow" as const, NotAction: ["dynamodb:DeleteItem"], Resource: ["*"] }];
    expect(authorize(notAction, "dynamodb:PutItem", table)).toBe("allow");
    expect(authorize(notAction, "dynamodb:DeleteItem", table)).toBe("implicitDeny");
    const notResource = [
      { Effect: "Allow" as const, Action: ["s3:*"], Resource: ["*"] },
      { Effect: "Deny" as const, Action: ["s3:*"], NotResource: ["arn:aws:s3:::public/*"] },
    ];
    expect(authorize(notResource, "s3:GetObject", "arn:aws:s3:::public/a.txt")).toBe("allow");
    expect(authorize(notResource, "s3:GetObject", "arn:aws:s3:::private/a.txt")).toBe("explicitDeny");
  });

  it("words a denial as AWS does, for the role session of the function", () => {
    const who = roleSessionArn({ logicalId: "OrdersFunction", functionName: "orders" }, "123456789012");
    expect(who).toBe("arn:aws:sts::123456789012:assumed-role/OrdersFunctionRole/orders");
    expect(accessDeniedMessage(who, "dynamodb:PutItem", table, "implicitDeny")).toBe(
      "User: arn:aws:sts::123456789012:assumed-role/OrdersFunctionRole/orders is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/Orders because no identity-based policy allows the dynamodb:PutItem action",
    );
    expect(accessDeniedMessage(who, "dynamodb:PutItem", table, "explicitDeny")).toMatch(/on resource: arn:aws:dynamodb:us-east-1:123456789012:table\/Orders with an explicit deny in an identity-based policy$/);
  });
});

describe("resource-based policies of functions (AWS::Lambda::Permission; DG access-control-resource-based)", () => {
  const yaml = `
Transform: AWS::Serverless-2016-10-31
Resources:
  Thumbs:
    Type: AWS::Serverless::Function
    Properties: { Handler: index.handler, Runtime: nodejs22.x, InlineCode: "exports.handler = async () => 1" }
  FromUploads:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: !GetAtt Thumbs.Arn
      Principal: s3.amazonaws.com
      SourceArn: arn:aws:s3:::uploads-*
      SourceAccount: !Ref AWS::AccountId
`;

  it("a service principal may invoke the function when the SourceArn and SourceAccount conditions hold", async () => {
    const t = await parseTemplate(yaml, { extensionResourceTypes: ["AWS::Lambda::Permission"] });
    const fn = t.functions[0]!;
    expect(invokePermissions(t)).toMatchObject([{ logicalId: "FromUploads", function: "Thumbs", principal: "s3.amazonaws.com" }]);
    expect(invokeAllowed(t, fn, { principal: "s3.amazonaws.com", sourceArn: "arn:aws:s3:::uploads-eu" })).toBe(true);
    expect(invokeAllowed(t, fn, { principal: "s3.amazonaws.com", sourceArn: "arn:aws:s3:::other" })).toBe(false);
    expect(invokeAllowed(t, fn, { principal: "s3.amazonaws.com", sourceArn: "arn:aws:s3:::uploads-eu", sourceAccount: "111122223333" })).toBe(false);
    expect(invokeAllowed(t, fn, { principal: "sns.amazonaws.com", sourceArn: "arn:aws:s3:::uploads-eu" })).toBe(false);
    expect(t.warnings.filter((w) => w.resource === "FromUploads")).toEqual([]);
  });
});

describe("statements from a template's Policies", () => {
  it("keeps NotAction and NotResource of inline statements for evaluation", async () => {
    const t = await parseTemplate({
      Transform: "AWS::Serverless-2016-10-31",
      Resources: {
        F: {
          Type: "AWS::Serverless::Function",
          Properties: { Handler: "index.handler", Runtime: "nodejs22.x", InlineCode: "exports.handler = async () => 1", Policies: [{ Statement: [{ Effect: "Allow", NotAction: "dynamodb:DeleteItem", NotResource: "arn:aws:dynamodb:*:*:table/Audit" }] }] },
        },
      },
    });
    const policies = t.functions[0]!.policies;
    expect(authorize(policies, "dynamodb:PutItem", table)).toBe("allow");
    expect(authorize(policies, "dynamodb:DeleteItem", table)).toBe("implicitDeny");
    expect(authorize(policies, "dynamodb:PutItem", "arn:aws:dynamodb:us-east-1:123456789012:table/Audit")).toBe("implicitDeny");
  });
});
