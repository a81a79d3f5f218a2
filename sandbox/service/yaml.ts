/**
 * YAML (and JSON) loading for templates and drive files, with CloudFormation's short intrinsic
 * forms (`!Ref X`, `!GetAtt X.Arn`, `!Sub "..."`, …) turned into their long forms (`{ Ref: X }`,
 * `{ "Fn::GetAtt": [X, Arn] }`) by a custom tag schema, so the resolver sees one shape.
 */
import { parseDocument, YAMLMap, YAMLSeq, type CollectionTag, type ScalarTag } from "yaml";

/** Every short form CloudFormation defines. Only some are simulated; the rest fail clearly later. */
const INTRINSICS = [
  "Ref",
  "GetAtt",
  "Sub",
  "Join",
  "Select",
  "Split",
  "If",
  "Equals",
  "And",
  "Or",
  "Not",
  "FindInMap",
  "ImportValue",
  "Base64",
  "Cidr",
  "GetAZs",
  "Transform",
  "Length",
  "ToJsonString",
  "Condition",
] as const;

function longName(short: string): string {
  return short === "Ref" || short === "Condition" ? short : `Fn::${short}`;
}

function buildTags(): (ScalarTag | CollectionTag)[] {
  const tags: (ScalarTag | CollectionTag)[] = [];
  for (const short of INTRINSICS) {
    const key = longName(short);
    tags.push({
      tag: `!${short}`,
      resolve: (value: string) => ({ [key]: short === "GetAtt" ? splitGetAtt(value) : value }),
    });
    tags.push({
      tag: `!${short}`,
      collection: "seq",
      nodeClass: YAMLSeq,
      resolve: (seq: YAMLSeq) => ({ [key]: seq.toJSON() as unknown }),
    } as unknown as CollectionTag);
    tags.push({
      tag: `!${short}`,
      collection: "map",
      nodeClass: YAMLMap,
      resolve: (map: YAMLMap) => ({ [key]: map.toJSON() as unknown }),
    } as unknown as CollectionTag);
  }
  return tags;
}

function splitGetAtt(value: string): string[] {
  const dot = value.indexOf(".");
  return dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)];
}

const TAGS = buildTags();

/** A document that could not be parsed: `line` and `column` are 1-based. */
export class YamlSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
    readonly detail: string,
  ) {
    super(`${file}${line !== undefined ? `:${line}${column !== undefined ? `:${column}` : ""}` : ""}: ${detail}`);
    this.name = "YamlSyntaxError";
  }
}

/**
 * Parse YAML or JSON text (JSON is YAML) into plain data, short intrinsic tags expanded.
 * Throws {@link YamlSyntaxError} with the line and column of the first problem; an unknown `!Tag`
 * is an error too (YAML itself would only warn and drop it).
 */
export function loadYaml(text: string, file = "template"): unknown {
  const doc = parseDocument(text, { customTags: TAGS, prettyErrors: true, uniqueKeys: true });
  const problem = doc.errors[0] ?? doc.warnings.find((w) => w.code === "TAG_RESOLVE_FAILED");
  if (problem) {
    const pos = problem.linePos?.[0];
    const detail = problem.message.split("\n")[0] ?? problem.message;
    throw new YamlSyntaxError(file, pos?.line, pos?.col, detail.replace(/ at line \d+, column \d+:?$/, ""));
  }
  return doc.toJS({ maxAliasCount: 100 }) as unknown;
}
