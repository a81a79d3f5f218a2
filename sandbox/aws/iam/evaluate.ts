/**
 * IAM identity-policy evaluation for a function's execution role, as AWS's policy evaluation logic
 * for a request within one account describes it
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html):
 * an explicit Deny in any statement wins; otherwise an Allow that matches both the action and the
 * resource allows; otherwise the request is implicitly denied (default deny).
 *
 * Matching follows the IAM JSON policy reference: `Action`/`NotAction` are matched without regard
 * to case, `Resource`/`NotResource` (ARNs) with case, and both accept the multi-character wildcard
 * `*` and the single-character wildcard `?` anywhere.
 */
import type { TemplateFunction } from "../../service/template";

/** A statement as evaluated: the service layer's expanded statements, plus NotAction/NotResource. */
export interface IamStatement {
  Effect: "Allow" | "Deny";
  Action?: readonly string[];
  NotAction?: readonly string[];
  Resource?: readonly string[];
  NotResource?: readonly string[];
}

/** "allow", "explicitDeny" (a Deny matched) or "implicitDeny" (nothing allowed it). */
export type Decision = "allow" | "explicitDeny" | "implicitDeny";

const patternCache = new Map<string, RegExp>();

/** An IAM pattern (`*`, `?`) as a regular expression; `ignoreCase` for actions. */
function patternOf(pattern: string, ignoreCase: boolean): RegExp {
  const key = `${ignoreCase ? "i" : "c"}${pattern}`;
  let re = patternCache.get(key);
  if (!re) {
    const body = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
    re = new RegExp(`^${body}$`, ignoreCase ? "is" : "s");
    patternCache.set(key, re);
  }
  return re;
}

/** Does an action such as "dynamodb:PutItem" match an IAM action pattern ("dynamodb:*", "dynamodb:Put?tem")? */
export function actionMatches(pattern: string, action: string): boolean {
  return patternOf(pattern, true).test(action);
}

/** Does a resource ARN match an IAM resource pattern (case-sensitive)? */
export function resourceMatches(pattern: string, arn: string): boolean {
  return patternOf(pattern, false).test(arn);
}

function statementApplies(s: IamStatement, action: string, resource: string): boolean {
  const actionOk = s.NotAction !== undefined ? !s.NotAction.some((p) => actionMatches(p, action)) : (s.Action ?? []).some((p) => actionMatches(p, action));
  if (!actionOk) return false;
  if (s.NotResource !== undefined) return !s.NotResource.some((p) => resourceMatches(p, resource));
  return (s.Resource ?? ["*"]).some((p) => resourceMatches(p, resource));
}

/** Evaluate identity-based statements for one action on one resource. */
export function authorize(statements: readonly IamStatement[], action: string, resource: string): Decision {
  let allowed = false;
  for (const s of statements) {
    if (!statementApplies(s, action, resource)) continue;
    // An explicit deny overrides any allow (evaluation logic, "explicit deny").
    if (s.Effect === "Deny") return "explicitDeny";
    allowed = true;
  }
  return allowed ? "allow" : "implicitDeny";
}

/**
 * The role SAM creates for a function is `<Function>Role`; a function assumes it with a session
 * named after the function, so a denied call names `arn:aws:sts::<account>:assumed-role/<role>/<function>`.
 */
export function roleSessionArn(fn: Pick<TemplateFunction, "logicalId" | "functionName">, accountId: string): string {
  return `arn:aws:sts::${accountId}:assumed-role/${fn.logicalId}Role/${fn.functionName}`;
}

/**
 * AWS's wording of an access-denied message for an identity-based policy
 * (IAM UG troubleshoot_access-denied: "User: <principal> is not authorized to perform: <action> on
 * resource: <arn> because no identity-based policy allows the <action> action", and "… with an
 * explicit deny in an identity-based policy").
 */
export function accessDeniedMessage(principal: string, action: string, resource: string, decision: Exclude<Decision, "allow">): string {
  const why = decision === "explicitDeny" ? "with an explicit deny in an identity-based policy" : `because no identity-based policy allows the ${action} action`;
  return `User: ${principal} is not authorized to perform: ${action} on resource: ${resource} ${why}`;
}
