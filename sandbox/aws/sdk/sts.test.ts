// STS GetCallerIdentity from a function (STS APIReference API_GetCallerIdentity: no permission
// needed), and SDK packages the simulator does not implement: they load, and sending fails clearly.
import { describe, expect, it } from "vitest";
import { createLambdaService } from "../../service/service";
import { fn, template } from "../../service/testing";
import { awsExtensions } from "../index";

describe("STS and unsimulated SDK packages", () => {
  it("GetCallerIdentity names the function's role session, without any policy", async () => {
    const code = `const { STSClient, GetCallerIdentityCommand } = require("@aws-sdk/client-sts");
      exports.handler = async () => new STSClient({}).send(new GetCallerIdentityCommand({}));`;
    using s = await createLambdaService({ template: template({ Who: fn(code, { FunctionName: "who" }) }), extensions: awsExtensions() });
    expect((await s.invoke("Who", {})).payload).toEqual({ UserId: "AROAWHO:who", Account: "123456789012", Arn: "arn:aws:sts::123456789012:assumed-role/WhoRole/who" });
  });

  it("a package the simulator does not implement loads; a command sent with it fails naming the package", async () => {
    const code = `const { SecretsManagerClient, GetSecretValueCommand } = require("@aws-sdk/client-secrets-manager");
      exports.handler = async () => { try { await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: "x" })); } catch (e) { return [e.name, e.message]; } };`;
    using s = await createLambdaService({ template: template({ F: fn(code) }), extensions: awsExtensions() });
    const [name, message] = (await s.invoke("F", {})).payload as string[];
    expect(name).toBe("UnknownOperationException");
    expect(message).toMatch(/^GetSecretValueCommand of @aws-sdk\/client-secrets-manager is not simulated by Lambda Lab: the package is not simulated \(simulated packages: @aws-sdk\/client-lambda, @aws-sdk\/client-sts, /);
  });
});
