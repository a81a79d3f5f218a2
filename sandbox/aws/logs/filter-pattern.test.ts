// CloudWatch Logs filter patterns (CloudWatch Logs UG FilterAndPatternSyntax,
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html, and
// matching-terms-json-log-events: the examples below are the guide's).
import { describe, expect, it } from "vitest";
import { compileFilterPattern, FilterPatternError } from "./filter-pattern";

const lines = ["[ERROR 401] Unauthorized request", "[WARN] Retrying Task failed", "[INFO] Exiting with ERROR", "[INFO] all good"];
const matching = (pattern: string) => lines.filter(compileFilterPattern(pattern));

describe("unstructured terms", () => {
  it("an empty pattern matches every event", () => {
    expect(matching("")).toEqual(lines);
  });

  it("terms must all appear, case-sensitive", () => {
    expect(matching("ERROR")).toEqual([lines[0], lines[2]]);
    expect(matching("ERROR Unauthorized")).toEqual([lines[0]]);
    expect(matching("error")).toEqual([]);
  });

  it("a quoted phrase matches as a whole", () => {
    expect(matching('"Task failed"')).toEqual([lines[1]]);
    expect(matching('"failed Task"')).toEqual([]);
  });

  it("?terms match events with any of them", () => {
    expect(matching("?WARN ?401")).toEqual([lines[0], lines[1]]);
  });

  it("-term excludes events with it", () => {
    expect(matching("ERROR -Exiting")).toEqual([lines[0]]);
  });

  it("mixing ?terms with other terms is refused as not simulated", () => {
    expect(() => compileFilterPattern("ERROR ?WARN")).toThrow(FilterPatternError);
  });
});

describe("JSON events", () => {
  const events = [
    { level: "ERROR", message: "boom", latency: 1200, user: { id: "u-1" }, tags: ["a", "b"], retry: true },
    { level: "INFO", message: "ok", latency: 20, user: { id: "u-2" }, tags: ["c"], retry: false, extra: null },
    { level: "WARN", latency: 600 },
  ].map((e) => JSON.stringify(e));
  const pick = (pattern: string) => events.map((e, i) => (compileFilterPattern(pattern)(e) ? i : -1)).filter((i) => i >= 0);

  it("= and != on strings, with * wildcards", () => {
    expect(pick('{ $.level = "ERROR" }')).toEqual([0]);
    expect(pick("{ $.level = ERROR }")).toEqual([0]);
    expect(pick('{ $.level != "ERROR" }')).toEqual([1, 2]);
    expect(pick('{ $.user.id = "u-*" }')).toEqual([0, 1]);
  });

  it("numeric comparisons", () => {
    expect(pick("{ $.latency > 500 }")).toEqual([0, 2]);
    expect(pick("{ $.latency <= 20 }")).toEqual([1]);
    expect(pick("{ $.latency = 600 }")).toEqual([2]);
  });

  it("&&, || and parentheses", () => {
    expect(pick('{ ($.level = "ERROR" || $.level = "WARN") && $.latency > 1000 }')).toEqual([0]);
    expect(pick('{ $.level = "INFO" || $.latency >= 600 }')).toEqual([0, 1, 2]);
  });

  it("array elements, IS TRUE / FALSE / NULL and NOT EXISTS", () => {
    expect(pick('{ $.tags[1] = "b" }')).toEqual([0]);
    expect(pick("{ $.retry IS TRUE }")).toEqual([0]);
    expect(pick("{ $.retry IS FALSE }")).toEqual([1]);
    expect(pick("{ $.extra IS NULL }")).toEqual([1]);
    expect(pick("{ $.message NOT EXISTS }")).toEqual([2]);
  });

  it("a JSON pattern does not match text events (a Lambda text-format line with JSON after its prefix)", () => {
    expect(compileFilterPattern('{ $.level = "ERROR" }')('2026-01-01T00:00:00.000Z\tid\tERROR\t{"level":"ERROR"}')).toBe(false);
  });

  it("malformed patterns are errors", () => {
    expect(() => compileFilterPattern('{ $.level = "ERROR" ')).toThrow(/ends with \}/);
    expect(() => compileFilterPattern("{ level = 1 }")).toThrow(/selector/);
    expect(() => compileFilterPattern('{ $.a > "x" }')).toThrow(/compares numbers/);
    expect(() => compileFilterPattern("{ ($.a = 1 }")).toThrow(/missing \)/);
  });
});

describe("patterns not simulated", () => {
  it("space-delimited and regular-expression patterns are refused, naming the kind", () => {
    expect(() => compileFilterPattern("[ip, user, status = 404]")).toThrow(/space-delimited .* not simulated/);
    expect(() => compileFilterPattern("%ERROR [0-9]+%")).toThrow(/regular-expression .* not simulated/);
  });
});
