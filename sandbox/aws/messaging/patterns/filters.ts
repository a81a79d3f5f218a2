/**
 * The two users of the one matcher besides EventBridge rules: Lambda event filtering of SQS
 * records (DG invocation-eventfiltering, with-sqs-filtering) and SNS subscription filter policies
 * (SNS DG sns-message-filtering, message-filtering-apply: attribute or MessageBody scope).
 */
import { compilePattern, isObj, matchPattern, PatternError, type CompiledPattern } from "./pattern";

/** Lambda allows 5 filters per event source mapping by default (DG invocation-eventfiltering). */
export const MAX_LAMBDA_FILTERS = 5;

export interface LambdaFilters {
  patterns: CompiledPattern[];
}

/** Compile `FilterCriteria` (`{ Filters: [{ Pattern: "<json>" }] }`); throws PatternError when malformed. */
export function compileFilterCriteria(criteria: unknown): LambdaFilters | undefined {
  if (criteria === undefined || criteria === null) return undefined;
  if (!isObj(criteria) || !Array.isArray(criteria.Filters)) throw new PatternError("lambda", "FilterCriteria must be { Filters: [{ Pattern: \"{...}\" }] }");
  if (criteria.Filters.length > MAX_LAMBDA_FILTERS) throw new PatternError("lambda", `at most ${MAX_LAMBDA_FILTERS} filters per event source mapping (got ${criteria.Filters.length})`);
  const patterns = criteria.Filters.map((f, i) => {
    if (!isObj(f) || f.Pattern === undefined) throw new PatternError("lambda", `Filters[${i}] needs a Pattern`);
    // SAM and CloudFormation take the pattern as a JSON string; an object is accepted for convenience.
    return compilePattern(f.Pattern, "lambda");
  });
  return { patterns };
}

/**
 * Does an SQS record pass the filters? Filters are OR-ed. Only `body` is looked into (DG
 * with-sqs-filtering): a JSON body is matched by an object pattern, a plain-string body by a
 * plain-string pattern; a JSON body with a string pattern, or the reverse, is dropped.
 */
export function sqsRecordPasses(filters: LambdaFilters | undefined, record: Record<string, unknown>): boolean {
  if (!filters || filters.patterns.length === 0) return true;
  const raw = record.body;
  let parsed: unknown;
  let isJson = false;
  if (typeof raw === "string") {
    try {
      parsed = JSON.parse(raw);
      isJson = typeof parsed === "object" && parsed !== null;
    } catch {
      isJson = false;
    }
  }
  return filters.patterns.some((p) => {
    const bodyPattern = p.source.body;
    if (bodyPattern === undefined) return matchPattern(p, record);
    if (isObj(bodyPattern) !== isJson) return false;
    return matchPattern(p, { ...record, body: isJson ? parsed : raw });
  });
}

export type FilterPolicyScope = "MessageAttributes" | "MessageBody";

export interface SnsFilterPolicy {
  scope: FilterPolicyScope;
  pattern: CompiledPattern;
}

/** SNS: at most 150 combinations of values in a policy (SNS DG subscription-filter-policy-constraints). */
export const MAX_SNS_COMBINATIONS = 150;

/** Compile a filter policy; throws PatternError ("Invalid parameter: FilterPolicy: …"). */
export function compileFilterPolicy(policy: unknown, scope: unknown = "MessageAttributes"): SnsFilterPolicy | undefined {
  if (policy === undefined || policy === null) return undefined;
  if (scope !== "MessageAttributes" && scope !== "MessageBody") throw new PatternError("sns", `FilterPolicyScope must be MessageAttributes or MessageBody (got ${JSON.stringify(scope)})`);
  const pattern = compilePattern(policy, "sns");
  if (scope === "MessageAttributes") {
    for (const v of Object.values(pattern.source)) {
      if (isObj(v)) throw new PatternError("sns", "Filter policy scope MessageAttributes does not support nested filter policy");
    }
  }
  const combos = combinations(pattern.source);
  if (combos > MAX_SNS_COMBINATIONS) throw new PatternError("sns", `Filter policy is too complex (${combos} combinations; the limit is ${MAX_SNS_COMBINATIONS})`);
  return { scope, pattern };
}

/** Product of the value counts across keys, summed over `$or` branches (SNS's complexity measure). */
function combinations(obj: Record<string, unknown>): number {
  let total = 1;
  for (const [k, v] of Object.entries(obj)) {
    if (k === "$or" && Array.isArray(v)) total *= v.reduce((n: number, b) => n + (isObj(b) ? combinations(b) : 0), 0);
    else if (Array.isArray(v)) total *= v.length;
    else if (isObj(v)) total *= combinations(v);
  }
  return total;
}

/** SNS message attributes as Publish takes them: `{ DataType, StringValue }`. */
export type SnsAttributes = Record<string, { DataType: string; StringValue?: string; BinaryValue?: unknown }>;

/**
 * Does a message pass the policy? Attribute scope: String attributes match as strings, Number as
 * numbers, String.Array as the JSON array's values; Binary attributes are not matched. Body scope:
 * the body must be a JSON object (SNS DG sns-message-filtering).
 */
export function snsMessagePasses(policy: SnsFilterPolicy | undefined, message: string, attributes: SnsAttributes = {}): boolean {
  if (!policy) return true;
  if (policy.scope === "MessageBody") {
    let body: unknown;
    try {
      body = JSON.parse(message);
    } catch {
      return false;
    }
    return isObj(body) && matchPattern(policy.pattern, body);
  }
  const view: Record<string, unknown> = {};
  for (const [name, a] of Object.entries(attributes)) {
    const type = a.DataType.split(".")[0];
    const s = a.StringValue;
    if (s === undefined) continue;
    if (type === "Number") view[name] = Number(s);
    else if (a.DataType === "String.Array") {
      try {
        const arr: unknown = JSON.parse(s);
        if (Array.isArray(arr)) view[name] = arr;
      } catch {
        // Not a JSON array: SNS refuses it at Publish; here it simply matches nothing.
      }
    } else if (type === "String") view[name] = s;
  }
  return matchPattern(policy.pattern, view);
}
