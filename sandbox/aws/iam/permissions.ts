/**
 * Resource-based policies of functions: who may invoke them. Each `AWS::Lambda::Permission` in the
 * template adds a statement to the function's policy (DG access-control-resource-based,
 * https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html): a `Principal`
 * (an account, `*`, or a service principal such as `s3.amazonaws.com`), an `Action`
 * (`lambda:InvokeFunction`), and for services the conditions `SourceArn` (ArnLike: wildcards
 * allowed) and `SourceAccount`. An event source checks it before it invokes a function; SAM
 * `Events` create their permission themselves, as SAM does.
 */
import type { ParsedTemplate, TemplateFunction } from "../../service/template";
import { actionMatches, resourceMatches } from "./evaluate";

export interface InvokePermission {
  logicalId: string;
  /** The function's logical id, when the FunctionName names a function of the template. */
  function: string | undefined;
  action: string;
  principal: string;
  sourceArn?: string;
  sourceAccount?: string;
  functionUrlAuthType?: string;
}

export interface InvokeRequestContext {
  /** A service principal ("s3.amazonaws.com") or an account id / ARN. */
  principal: string;
  /** The resource that sends the event (bucket ARN, topic ARN, rule ARN…). */
  sourceArn?: string;
  sourceAccount?: string;
  /** Default "lambda:InvokeFunction". */
  action?: string;
}

function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined;
}

/** The function a Permission's FunctionName refers to (name, ARN, partial ARN, with or without qualifier). */
function functionOf(template: ParsedTemplate, name: string | undefined): TemplateFunction | undefined {
  if (name === undefined) return undefined;
  const m = /(?:^|:function:)([A-Za-z0-9_-]+)(?::[^:]+)?$/.exec(name);
  const bare = m?.[1] ?? name;
  return template.functions.find((f) => f.functionName === bare || f.logicalId === bare || f.arn === name);
}

/** The template's `AWS::Lambda::Permission` resources. */
export function invokePermissions(template: ParsedTemplate): InvokePermission[] {
  const out: InvokePermission[] = [];
  for (const r of template.other) {
    if (r.type !== "AWS::Lambda::Permission") continue;
    const p = r.properties;
    const fn = functionOf(template, str(p.FunctionName));
    const sourceArn = str(p.SourceArn);
    const sourceAccount = str(p.SourceAccount);
    const authType = str(p.FunctionUrlAuthType);
    out.push({
      logicalId: r.logicalId,
      function: fn?.logicalId,
      action: str(p.Action) ?? "lambda:InvokeFunction",
      principal: str(p.Principal) ?? "",
      ...(sourceArn !== undefined ? { sourceArn } : {}),
      ...(sourceAccount !== undefined ? { sourceAccount } : {}),
      ...(authType !== undefined ? { functionUrlAuthType: authType } : {}),
    });
  }
  return out;
}

function principalMatches(granted: string, caller: string, accountId: string): boolean {
  if (granted === "*" || granted === caller) return true;
  // An account id grants every principal of that account (arn:aws:iam::<account>:root and its roles).
  if (/^\d{12}$/.test(granted)) return caller === granted || caller.includes(`::${granted}:`);
  return granted === `arn:aws:iam::${accountId}:root` && caller === accountId;
}

/**
 * May `request.principal` invoke `fn`? True when a Permission of the template allows it (matching
 * principal and action, and the SourceArn/SourceAccount conditions when the permission has them).
 */
export function invokeAllowed(template: ParsedTemplate, fn: TemplateFunction, request: InvokeRequestContext): boolean {
  const action = request.action ?? "lambda:InvokeFunction";
  for (const p of invokePermissions(template)) {
    if (p.function !== fn.logicalId) continue;
    if (!actionMatches(p.action, action)) continue;
    if (!principalMatches(p.principal, request.principal, template.accountId)) continue;
    if (p.sourceArn !== undefined && (request.sourceArn === undefined || !resourceMatches(p.sourceArn, request.sourceArn))) continue;
    if (p.sourceAccount !== undefined && p.sourceAccount !== (request.sourceAccount ?? template.accountId)) continue;
    return true;
  }
  return false;
}

/** What the learner should add when a service principal may not invoke a function (shown in errors and warnings). */
export function missingPermissionHint(fn: TemplateFunction, principal: string, sourceArn: string): string {
  return `no AWS::Lambda::Permission lets ${principal} invoke ${fn.functionName} from ${sourceArn} (add one with FunctionName: !GetAtt ${fn.logicalId}.Arn, Action: lambda:InvokeFunction, Principal: ${principal}, SourceArn: ${sourceArn})`;
}
