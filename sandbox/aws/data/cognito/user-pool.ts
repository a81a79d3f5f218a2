/**
 * Cognito user pool Lambda triggers (Cognito DG cognito-user-identity-pools-working-with-aws-lambda-triggers,
 * user-pool-lambda-pre-sign-up, user-pool-lambda-post-confirmation, user-pool-lambda-pre-authentication):
 * the pool invokes the trigger synchronously with the trigger's event and reads the event it gets
 * back. The response contract is checked the way Cognito checks it: a thrown error fails the API
 * call with `UserLambdaValidationException: PreSignUp failed with error <message>.`; an output that
 * is not the event (an object with a `response`) is `InvalidLambdaResponseException: Unrecognizable
 * lambda output`; a function that does not answer within 5 seconds is `UnexpectedLambdaException`.
 */
import type { ServiceHost } from "../../../service/service";
import type { TemplateFunction } from "../../../service/template";
import { TemplateError } from "../../../service/errors";
import { cognitoPostConfirmation, cognitoPreAuthentication, cognitoPreSignUp } from "../../../events/cognito";

export const TRIGGERS = ["PreSignUp", "PostConfirmation", "PreAuthentication"] as const;
export type Trigger = (typeof TRIGGERS)[number];
/** Cognito waits 5 seconds for a trigger (Cognito DG "Lambda triggers": "Amazon Cognito … times out after 5 seconds"). */
export const TRIGGER_TIMEOUT_MS = 5000;

export interface CognitoUser {
  username: string;
  status: "UNCONFIRMED" | "CONFIRMED";
  attributes: Record<string, string>;
}

export interface CognitoOutcome {
  time: number;
  action: "SignUp" | "SignIn";
  username: string;
  /** "ok", or the API error's name and message. */
  outcome: string;
}

export class UserPool {
  readonly triggers = new Map<Trigger, TemplateFunction>();
  /** What each trigger invokes: the function, or `Function:alias`. */
  private readonly targets = new Map<Trigger, string>();
  readonly users = new Map<string, CognitoUser>();
  readonly outcomes: CognitoOutcome[] = [];
  constructor(
    readonly logicalId: string,
    readonly id: string,
  ) {}

  addTrigger(trigger: unknown, fn: TemplateFunction, where: { resource: string; property: string }, target = fn.logicalId): void {
    if (typeof trigger !== "string" || !(TRIGGERS as readonly string[]).includes(trigger)) {
      throw new TemplateError(`Trigger ${JSON.stringify(trigger)} is not simulated (simulated: ${TRIGGERS.join(", ")})`, where);
    }
    this.triggers.set(trigger as Trigger, fn);
    this.targets.set(trigger as Trigger, target);
  }

  /** Runs one trigger; resolves to the event the function returned, or throws the API error Cognito returns. */
  private async run(host: ServiceHost, trigger: Trigger, event: { response: unknown }): Promise<Record<string, unknown> | undefined> {
    const fn = this.triggers.get(trigger);
    if (!fn) return undefined;
    const { response, record } = await host.invokeWithRecord(this.targets.get(trigger) ?? fn.logicalId, event, { trigger: `cognito:${this.logicalId}` });
    if (response.statusCode === 429) throw new CognitoError("TooManyRequestsException", "Too many requests");
    if (record && record.end - record.start > TRIGGER_TIMEOUT_MS) throw new CognitoError("UnexpectedLambdaException", `${trigger} invocation failed due to error TimeoutError.`);
    if (response.functionError) {
      const p = response.payload as { errorMessage?: string } | undefined;
      throw new CognitoError("UserLambdaValidationException", `${trigger} failed with error ${p?.errorMessage ?? "Unknown error"}.`);
    }
    const out = response.payload;
    if (typeof out !== "object" || out === null || Array.isArray(out) || typeof (out as { response?: unknown }).response !== "object" || (out as { response?: unknown }).response === null) {
      throw new CognitoError("InvalidLambdaResponseException", "Unrecognizable lambda output");
    }
    return out as Record<string, unknown>;
  }

  async signUp(host: ServiceHost, username: string, attributes: Record<string, string>): Promise<void> {
    const time = host.clock.now();
    const record = (outcome: string) => this.outcomes.push({ time, action: "SignUp", username, outcome });
    if (this.users.has(username)) {
      record("UsernameExistsException: User already exists");
      return;
    }
    const common = { userPoolId: this.id, userName: username, email: attributes.email ?? `${username}@example.com`, userAttributes: attributes, time: host.epoch(time), region: host.template.region, accountId: host.template.accountId };
    try {
      const out = await this.run(host, "PreSignUp", cognitoPreSignUp(common));
      const response = (out?.response ?? {}) as Record<string, unknown>;
      for (const k of ["autoConfirmUser", "autoVerifyEmail", "autoVerifyPhone"]) {
        if (response[k] !== undefined && typeof response[k] !== "boolean") throw new CognitoError("InvalidLambdaResponseException", "Unrecognizable lambda output");
      }
      const confirmed = response.autoConfirmUser === true;
      this.users.set(username, { username, status: confirmed ? "CONFIRMED" : "UNCONFIRMED", attributes });
      // Post confirmation runs when the user is confirmed, here by the pre sign-up's autoConfirmUser.
      if (confirmed) await this.run(host, "PostConfirmation", cognitoPostConfirmation(common));
      record("ok");
    } catch (e) {
      if (!(e instanceof CognitoError)) throw e;
      record(`${e.name}: ${e.message}`);
    }
  }

  async signIn(host: ServiceHost, username: string): Promise<void> {
    const time = host.clock.now();
    const user = this.users.get(username);
    const record = (outcome: string) => this.outcomes.push({ time, action: "SignIn", username, outcome });
    if (!user) return void record("UserNotFoundException: User does not exist.");
    if (user.status !== "CONFIRMED") return void record("UserNotConfirmedException: User is not confirmed.");
    try {
      await this.run(host, "PreAuthentication", cognitoPreAuthentication({ userPoolId: this.id, userName: username, email: user.attributes.email ?? `${username}@example.com`, time: host.epoch(time), region: host.template.region, accountId: host.template.accountId }));
      record("ok");
    } catch (e) {
      if (!(e instanceof CognitoError)) throw e;
      record(`${e.name}: ${e.message}`);
    }
  }
}

export class CognitoError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** A pool id like Cognito's: `<region>_<9 characters>`, derived from the logical id so it is stable. */
export function userPoolId(region: string, logicalId: string): string {
  let h = 0;
  for (const c of logicalId) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  let s = "";
  for (let i = 0; i < 9; i++) {
    s += alphabet[h % alphabet.length];
    h = Math.floor(h / alphabet.length) + (i + 1) * 7919;
  }
  return `${region}_${s}`;
}
