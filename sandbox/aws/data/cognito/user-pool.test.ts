// Cognito user pool triggers and their response contract (Cognito DG user-pool-lambda-pre-sign-up,
// user-pool-lambda-post-confirmation, user-pool-lambda-pre-authentication).
import { describe, expect, it } from "vitest";
import { createLambdaService } from "../../../service/service";
import { fn, template } from "../../../service/testing";
import { SdkHub } from "../../sdk/hub";
import { dataExtension } from "../index";

async function run(preSignUp: string, drive: unknown) {
  const hub = new SdkHub();
  using s = await createLambdaService({
    template: template({
      Pool: { Type: "AWS::Cognito::UserPool", Properties: {} },
      PreSignUp: fn(preSignUp, { Events: { SignUp: { Type: "Cognito", Properties: { UserPool: { Ref: "Pool" }, Trigger: "PreSignUp" } } } }),
      Welcome: fn(`exports.handler = async (e) => { console.log("welcome", e.userName); return e; };`, { Events: { Confirmed: { Type: "Cognito", Properties: { UserPool: { Ref: "Pool" }, Trigger: ["PostConfirmation"] } } } }),
    }),
    extensions: [hub.extension, dataExtension(hub)],
  });
  const report = await s.run(drive as object);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the report's extension section is JSON, read by shape
  return { report, pool: (report.extensions?.data as Record<string, any>).resources.Pool };
}

const signUp = (username: string, email: string) => ({ cognito: { userPool: "Pool", signUp: { username, email } } });

describe("Cognito triggers", () => {
  it("a PreSignUp that returns the event with autoConfirmUser confirms the user and runs PostConfirmation", async () => {
    const { report, pool } = await run(
      `exports.handler = async (event) => { if (event.request.userAttributes.email.endsWith("@example.com")) event.response.autoConfirmUser = true; return event; };`,
      { stimuli: [signUp("ada", "ada@example.com"), signUp("bob", "bob@elsewhere.org")] },
    );
    expect(pool.users).toEqual([
      { username: "ada", status: "CONFIRMED", attributes: { email: "ada@example.com" } },
      { username: "bob", status: "UNCONFIRMED", attributes: { email: "bob@elsewhere.org" } },
    ]);
    expect(report.invocations.map((i) => i.function)).toEqual(["PreSignUp", "Welcome", "PreSignUp"]);
    expect(report.invocations[0]?.trigger).toBe("cognito:Pool");
  });

  it("a thrown error fails the sign-up with UserLambdaValidationException: PreSignUp failed with error …", async () => {
    const { pool } = await run(`exports.handler = async () => { throw new Error("Sign-ups are closed"); };`, { stimuli: [signUp("ada", "ada@example.com")] });
    expect(pool.requests[0].outcome).toBe("UserLambdaValidationException: PreSignUp failed with error Sign-ups are closed.");
    expect(pool.users).toEqual([]);
  });

  it("returning something other than the event is InvalidLambdaResponseException: Unrecognizable lambda output", async () => {
    const { pool } = await run(`exports.handler = async (event) => ({ autoConfirmUser: true });`, { stimuli: [signUp("ada", "ada@example.com")] });
    expect(pool.requests[0].outcome).toBe("InvalidLambdaResponseException: Unrecognizable lambda output");
  });
});
