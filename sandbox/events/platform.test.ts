import { describe, expect, it } from "vitest";
import { cognitoCustomMessage, cognitoPostConfirmation, cognitoPreAuthentication, cognitoPreSignUp } from "./cognito";
import { cloudFormationCustomResource, iotRule, lambdaDestinationRecord, secretsManagerRotation, stepFunctionsTask } from "./platform";

describe("Cognito user pool triggers", () => {
  it("share one envelope whose user name is the user's sub", () => {
    for (const e of [cognitoPreSignUp(), cognitoPostConfirmation(), cognitoPreAuthentication(), cognitoCustomMessage()]) {
      expect(e).toMatchObject({ version: "1", region: "us-east-1", userPoolId: "us-east-1_Ab12Cd34E" });
      expect(e.callerContext.clientId).toMatch(/^[a-z0-9]{26}$/);
      expect(e.request.userAttributes.email).toBe("jane@example.com");
    }
    const post = cognitoPostConfirmation();
    expect(post.userName).toBe(post.request.userAttributes.sub);
    expect(post.userName).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("set the trigger source and the response each trigger reads", () => {
    expect(cognitoPreSignUp().triggerSource).toBe("PreSignUp_SignUp");
    expect(cognitoPreSignUp().response).toEqual({ autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false });
    expect(cognitoPostConfirmation().triggerSource).toBe("PostConfirmation_ConfirmSignUp");
    expect(cognitoCustomMessage().request.codeParameter).toBe("{####}");
  });

  it("take a user, extra attributes, client metadata and a region", () => {
    const e = cognitoPreSignUp({ email: "bob@example.com", userName: "bob", userAttributes: { name: "Bob" }, clientMetadata: { plan: "pro" }, region: "eu-west-1" });
    expect([e.userName, e.userPoolId, e.request.userAttributes, e.request.clientMetadata]).toEqual([
      "bob",
      "eu-west-1_Ab12Cd34E",
      { email: "bob@example.com", name: "Bob" },
      { plan: "pro" },
    ]);
  });
});

describe("cloudFormationCustomResource", () => {
  it("Create: ServiceToken in the properties and a pre-signed response URL naming the stack, resource and request", () => {
    const e = cloudFormationCustomResource({ properties: { Size: "2" } });
    expect(e.RequestType).toBe("Create");
    expect(e.ResourceProperties).toEqual({ ServiceToken: "arn:aws:lambda:us-east-1:123456789012:function:my-custom-resource", Size: "2" });
    const url = new URL(e.ResponseURL);
    expect(url.host).toBe("cloudformation-custom-resource-response-useast1.s3.amazonaws.com");
    expect(decodeURIComponent(url.pathname.slice(1))).toBe(`${e.StackId}|${e.LogicalResourceId}|${e.RequestId}`);
    expect(url.searchParams.get("X-Amz-Date")).toBe("20260115T093000Z");
    expect("PhysicalResourceId" in e).toBe(false);
  });

  it("Update and Delete carry the physical id; Update also the old properties", () => {
    const u = cloudFormationCustomResource({ requestType: "Update", properties: { Size: "3" }, oldProperties: { Size: "2" } });
    expect([u.PhysicalResourceId, u.OldResourceProperties.Size, u.ResourceProperties.Size]).toEqual([expect.stringMatching(/^my-stack-MyCustomResource-/), "2", "3"]);
    const d = cloudFormationCustomResource({ requestType: "Delete", physicalResourceId: "res-1" });
    expect([d.RequestType, d.PhysicalResourceId]).toEqual(["Delete", "res-1"]);
  });
});

describe("stepFunctionsTask", () => {
  it("passes the input and a context object whose ARNs agree with the names", () => {
    const e = stepFunctionsTask({ input: { a: 1 }, stateMachine: "M", state: "S", executionName: "run-1" });
    expect(e.input).toEqual({ a: 1 });
    expect(e.context.Execution).toMatchObject({ Id: "arn:aws:states:us-east-1:123456789012:execution:M:run-1", Name: "run-1", Input: { a: 1 } });
    expect(e.context.StateMachine).toEqual({ Id: "arn:aws:states:us-east-1:123456789012:stateMachine:M", Name: "M" });
    expect(Date.parse(e.context.Execution.StartTime)).toBeLessThan(Date.parse(e.context.State.EnteredTime));
    expect(e.context.Task).toBeUndefined();
  });

  it("adds a task token for .waitForTaskToken", () => {
    expect(stepFunctionsTask({ taskToken: true }).context.Task?.Token).toMatch(/^AQC[A-Za-z0-9+/]{300,}$/);
    expect(stepFunctionsTask({ taskToken: "tok" }).context.Task).toEqual({ Token: "tok" });
  });
});

describe("iotRule and secretsManagerRotation", () => {
  it("IoT: the selected payload plus topic() and timestamp()", () => {
    expect(iotRule({ payload: { t: 1 }, topic: "a/b" })).toEqual({ t: 1, topic: "a/b", timestamp: 1768469400123 });
    expect(iotRule({ payload: { t: 1 }, withTopicAndTimestamp: false })).toEqual({ t: 1 });
  });

  it("Secrets Manager: the step, the secret ARN with its random suffix, the version token", () => {
    const e = secretsManagerRotation({ step: "testSecret", secretName: "db" });
    expect(e.Step).toBe("testSecret");
    expect(e.SecretId).toMatch(/^arn:aws:secretsmanager:us-east-1:123456789012:secret:db-[A-Za-z]{6}$/);
    expect(e.ClientRequestToken).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("lambdaDestinationRecord", () => {
  it("on success: condition Success, one attempt, the response, no functionError", () => {
    const r = lambdaDestinationRecord({ requestPayload: { a: 1 }, responsePayload: { ok: true }, functionName: "f" });
    expect(r.requestContext).toMatchObject({ condition: "Success", approximateInvokeCount: 1, functionArn: "arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST" });
    expect([r.requestPayload, r.responsePayload, r.responseContext]).toEqual([{ a: 1 }, { ok: true }, { statusCode: 200, executedVersion: "$LATEST" }]);
  });

  it("on failure: RetriesExhausted after 3 attempts, functionError Unhandled and the error payload", () => {
    const r = lambdaDestinationRecord({ condition: "RetriesExhausted" });
    expect(r.requestContext.approximateInvokeCount).toBe(3);
    expect(r.responseContext.functionError).toBe("Unhandled");
    expect(r.responsePayload).toMatchObject({ errorType: "Error", errorMessage: "Payment service unavailable" });
  });
});
