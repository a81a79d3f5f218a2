/**
 * Builders for Amazon Cognito user pool Lambda triggers. Every trigger event shares one envelope
 * (`version`, `region`, `userPoolId`, `userName`, `callerContext`, `triggerSource`, `request`,
 * `response`); the function returns the event, with `response` filled in where the trigger reads it.
 * Follows https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-identity-pools-working-with-aws-lambda-triggers.html
 */
import type {
  CustomMessageSignUpTriggerEvent,
  PostConfirmationConfirmSignUpTriggerEvent,
  PreAuthenticationTriggerEvent,
  PreSignUpEmailTriggerEvent,
} from "aws-lambda";
import { type CommonOptions, world } from "./defaults";
import { charsFromSeed, uuidFromSeed } from "./encoding";

/** Options every Cognito trigger builder takes. */
export interface CognitoTriggerInput extends CommonOptions {
  /** Default `us-east-1_Ab12Cd34E` (region prefix follows `region`). */
  userPoolId?: string;
  /** The app client id. Default a 26-character id derived from the pool. */
  clientId?: string;
  /** Default `jane@example.com`. */
  email?: string;
  /**
   * The user name. Default: the user's `sub` (a UUID), as in pools where users sign in with their
   * email address.
   */
  userName?: string;
  /** More user attributes (`name`, `custom:plan`, …). */
  userAttributes?: Record<string, string>;
  /** `clientMetadata` the app passed to the API call. Left out when not given. */
  clientMetadata?: Record<string, string>;
}

function envelope<T extends string>(triggerSource: T, input: CognitoTriggerInput) {
  const w = world(input);
  const userPoolId = input.userPoolId ?? `${w.region}_Ab12Cd34E`;
  const email = input.email ?? "jane@example.com";
  const sub = uuidFromSeed(`cognito-user:${userPoolId}:${email}`);
  return {
    sub,
    email,
    base: {
      version: "1",
      region: w.region,
      userPoolId,
      userName: input.userName ?? sub,
      callerContext: {
        awsSdkVersion: "aws-sdk-unknown-unknown",
        clientId: input.clientId ?? charsFromSeed(`cognito-client:${userPoolId}`, 26, "abcdefghijklmnopqrstuvwxyz0123456789"),
      },
      triggerSource,
    },
  };
}

/** Pre sign-up (`PreSignUp_SignUp`): the function may auto-confirm the user or refuse by throwing. */
export function cognitoPreSignUp(input: CognitoTriggerInput = {}): PreSignUpEmailTriggerEvent {
  const { email, base } = envelope("PreSignUp_SignUp", input);
  return {
    ...base,
    request: {
      userAttributes: { email, ...input.userAttributes },
      validationData: {},
      ...(input.clientMetadata && { clientMetadata: input.clientMetadata }),
    },
    response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
  };
}

/** The attributes Cognito passes for a confirmed user signed up with an email alias. */
function confirmedUser(sub: string, email: string, input: CognitoTriggerInput): Record<string, string> {
  return { sub, "cognito:email_alias": email, "cognito:user_status": "CONFIRMED", email_verified: "true", email, ...input.userAttributes };
}

/** Post confirmation (`PostConfirmation_ConfirmSignUp`): the user has just confirmed the account. */
export function cognitoPostConfirmation(input: CognitoTriggerInput = {}): PostConfirmationConfirmSignUpTriggerEvent {
  const { sub, email, base } = envelope("PostConfirmation_ConfirmSignUp", input);
  return {
    ...base,
    request: {
      userAttributes: confirmedUser(sub, email, input),
      ...(input.clientMetadata && { clientMetadata: input.clientMetadata }),
    },
    response: {},
  };
}

/** Pre authentication (`PreAuthentication_Authentication`): throwing denies the sign-in. */
export function cognitoPreAuthentication(input: CognitoTriggerInput = {}): PreAuthenticationTriggerEvent {
  const { sub, email, base } = envelope("PreAuthentication_Authentication", input);
  return {
    ...base,
    request: {
      userAttributes: confirmedUser(sub, email, input),
      validationData: {},
      ...(input.clientMetadata && { clientMetadata: input.clientMetadata }),
    },
    response: {},
  };
}

/**
 * Custom message (`CustomMessage_SignUp`): the function sets `response.emailSubject` /
 * `emailMessage` and must keep `request.codeParameter` (`{####}`) in the message.
 */
export function cognitoCustomMessage(input: CognitoTriggerInput = {}): CustomMessageSignUpTriggerEvent {
  const { sub, email, base } = envelope("CustomMessage_SignUp", input);
  return {
    ...base,
    request: {
      userAttributes: {
        sub,
        "cognito:user_status": "UNCONFIRMED",
        email_verified: "false",
        email,
        ...input.userAttributes,
      },
      codeParameter: "{####}",
      linkParameter: "{##Click Here##}",
      usernameParameter: null,
      ...(input.clientMetadata && { clientMetadata: input.clientMetadata }),
    },
    response: { smsMessage: null, emailMessage: null, emailSubject: null },
  };
}
