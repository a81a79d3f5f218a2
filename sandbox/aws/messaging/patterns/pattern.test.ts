import { describe, expect, it } from "vitest";
import { compilePattern, matchPattern, PatternError } from "./pattern";

const m = (pattern: unknown, event: unknown) => matchPattern(compilePattern(pattern), event);

// Examples from EventBridge UG "eb-event-patterns" and "eb-event-patterns-content-based-filtering".
const ec2Event = {
  version: "0",
  id: "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
  "detail-type": "EC2 Instance State-change Notification",
  source: "aws.ec2",
  account: "111122223333",
  time: "2017-12-22T18:43:48Z",
  region: "us-west-1",
  resources: ["arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0"],
  detail: { "instance-id": "i-1234567890abcdef0", state: "terminated", "c-count": 5, "source-ip": "10.0.0.255" },
};

describe("event patterns (EventBridge UG eb-event-patterns)", () => {
  it("matches exact values, AND across fields and OR within a field's array", () => {
    expect(m({ source: ["aws.ec2"], "detail-type": ["EC2 Instance State-change Notification"] }, ec2Event)).toBe(true);
    expect(m({ source: ["aws.ec2"], detail: { state: ["running", "terminated"] } }, ec2Event)).toBe(true);
    expect(m({ source: ["aws.ec2"], detail: { state: ["running"] } }, ec2Event)).toBe(false);
  });
  it("matches an array in the event when any value matches (resources)", () => {
    expect(m({ resources: ["arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0", "other"] }, ec2Event)).toBe(true);
    expect(m({ resources: ["other"] }, ec2Event)).toBe(false);
  });
  it("is case-sensitive and treats numbers by value", () => {
    expect(m({ source: ["AWS.EC2"] }, ec2Event)).toBe(false);
    expect(m({ detail: { "c-count": [5.0] } }, ec2Event)).toBe(true);
    expect(m({ detail: { "c-count": ["5"] } }, ec2Event)).toBe(false);
  });
  it("matches null and the empty string, but a missing field matches neither", () => {
    expect(m({ detail: { x: [null] } }, { detail: { x: null } })).toBe(true);
    expect(m({ detail: { x: [null] } }, { detail: {} })).toBe(false);
    expect(m({ detail: { x: [""] } }, { detail: { x: "" } })).toBe(true);
  });
  it("matches nested patterns against arrays of objects element by element", () => {
    expect(m({ detail: { items: { sku: ["BOOK-1"] } } }, { detail: { items: [{ sku: "PEN" }, { sku: "BOOK-1" }] } })).toBe(true);
  });
});

describe("content filtering (EventBridge UG eb-event-patterns-content-based-filtering)", () => {
  it("prefix, and prefix with equals-ignore-case", () => {
    expect(m({ time: [{ prefix: "2017-12-22" }] }, ec2Event)).toBe(true);
    expect(m({ detail: { service: [{ prefix: { "equals-ignore-case": "EventB" } }] } }, { detail: { service: "eventbridge" } })).toBe(true);
  });
  it("suffix, and suffix with equals-ignore-case", () => {
    expect(m({ FileName: [{ suffix: ".png" }] }, { FileName: "cat.png" })).toBe(true);
    expect(m({ FileName: [{ suffix: ".png" }] }, { FileName: "cat.PNG" })).toBe(false);
    expect(m({ FileName: [{ suffix: { "equals-ignore-case": ".png" } }] }, { FileName: "cat.PNG" })).toBe(true);
  });
  it("anything-but: a value, a list, a prefix, a suffix, ignore case, a wildcard", () => {
    expect(m({ detail: { state: [{ "anything-but": "initializing" }] } }, ec2Event)).toBe(true);
    expect(m({ detail: { state: [{ "anything-but": ["stopped", "terminated"] }] } }, ec2Event)).toBe(false);
    expect(m({ detail: { "x-limit": [{ "anything-but": 123 }] } }, { detail: { "x-limit": 124 } })).toBe(true);
    expect(m({ detail: { state: [{ "anything-but": { prefix: "init" } }] } }, { detail: { state: "initializing" } })).toBe(false);
    expect(m({ FileName: [{ "anything-but": { suffix: ".png" } }] }, { FileName: "a.txt" })).toBe(true);
    expect(m({ state: [{ "anything-but": { "equals-ignore-case": "initializing" } }] }, { state: "INITIALIZING" })).toBe(false);
    expect(m({ FilePath: [{ "anything-but": { wildcard: "*/lib/*" } }] }, { FilePath: "/usr/lib/x" })).toBe(false);
    expect(m({ FilePath: [{ "anything-but": { wildcard: "*/lib/*" } }] }, { FilePath: "/usr/bin/x" })).toBe(true);
  });
  it("anything-but does not match a missing field", () => {
    expect(m({ detail: { state: [{ "anything-but": "initializing" }] } }, { detail: {} })).toBe(false);
  });
  it("numeric ranges and equality", () => {
    const p = { detail: { "c-count": [{ numeric: [">", 0, "<=", 5] }] } };
    expect(m(p, ec2Event)).toBe(true);
    expect(m(p, { detail: { "c-count": 6 } })).toBe(false);
    expect(m(p, { detail: { "c-count": 0 } })).toBe(false);
    expect(m({ x: [{ numeric: ["=", 3.0e2] }] }, { x: 300 })).toBe(true);
    expect(m({ x: [{ numeric: [">=", 10] }] }, { x: "11" })).toBe(false);
  });
  it("IP address matching with cidr (IPv4 and IPv6)", () => {
    expect(m({ detail: { "source-ip": [{ cidr: "10.0.0.0/24" }] } }, ec2Event)).toBe(true);
    expect(m({ detail: { "source-ip": [{ cidr: "10.0.0.0/24" }] } }, { detail: { "source-ip": "10.0.1.1" } })).toBe(false);
    expect(m({ ip: [{ cidr: "2001:db8::/32" }] }, { ip: "2001:db8:1::5" })).toBe(true);
    expect(m({ ip: [{ cidr: "2001:db8::/32" }] }, { ip: "2001:db9::5" })).toBe(false);
  });
  it("exists matching (true, false) works on leaf fields", () => {
    expect(m({ detail: { state: [{ exists: true }] } }, ec2Event)).toBe(true);
    expect(m({ detail: { nope: [{ exists: false }] } }, ec2Event)).toBe(true);
    expect(m({ detail: { state: [{ exists: false }] } }, ec2Event)).toBe(false);
    expect(m({ detail: { nope: [{ exists: false }] } }, {})).toBe(true);
  });
  it("equals-ignore-case", () => {
    expect(m({ "detail-type": [{ "equals-ignore-case": "ec2 instance state-change notification" }] }, ec2Event)).toBe(true);
  });
  it("wildcard with * and escapes", () => {
    expect(m({ EventBusArn: [{ wildcard: "arn:aws:events:us-east-1:*:event-bus/*" }] }, { EventBusArn: "arn:aws:events:us-east-1:123456789012:event-bus/orders" })).toBe(true);
    expect(m({ x: [{ wildcard: "a\\*b" }] }, { x: "a*b" })).toBe(true);
    expect(m({ x: [{ wildcard: "a\\*b" }] }, { x: "aXb" })).toBe(false);
  });
  it("$or across fields", () => {
    const p = { detail: { $or: [{ "c-count": [{ numeric: [">", 10] }] }, { state: ["terminated"] }] } };
    expect(m(p, ec2Event)).toBe(true);
    expect(m(p, { detail: { "c-count": 1, state: "running" } })).toBe(false);
  });
});

describe("the complex example of eb-event-patterns-content-based-filtering", () => {
  const pattern = {
    time: [{ prefix: "2017-10-02" }],
    detail: {
      state: [{ "anything-but": "initializing" }],
      "c-count": [{ numeric: [">", 0, "<=", 5] }],
      "d-count": [{ numeric: ["<", 10] }],
      "x-limit": [{ "anything-but": [100, 200, 300] }],
    },
  };
  const event = { time: "2017-10-02T18:43:48Z", detail: { state: "running", "c-count": 5, "d-count": 9, "x-limit": 301 } };
  it("matches the page's event, and not when one condition fails", () => {
    expect(m(pattern, event)).toBe(true);
    expect(m(pattern, { ...event, detail: { ...event.detail, "x-limit": 200 } })).toBe(false);
    expect(m(pattern, { ...event, detail: { ...event.detail, state: "initializing" } })).toBe(false);
    expect(m(pattern, { ...event, time: "2017-10-03T00:00:00Z" })).toBe(false);
  });
});

describe("malformed patterns are refused in EventBridge's words", () => {
  const bad = (p: unknown) => {
    try {
      compilePattern(p);
    } catch (e) {
      expect(e).toBeInstanceOf(PatternError);
      return (e as Error).message;
    }
    throw new Error("accepted");
  };
  it.each([
    ['{"source": "aws.ec2"}', /^Event pattern is not valid\. Reason: Match value must be an array/],
    ['{"source": []}', /Empty arrays are not allowed/],
    ['{"x": [{"prefixx": "a"}]}', /Unrecognized match type prefixx/],
    ['{"x": [{"exists": "yes"}]}', /exists match pattern must be either true or false/],
    ['{"x": [{"numeric": [">", "a"]}]}', /must be numeric/],
    ['{"x": [{"numeric": ["<", 5, ">", 1]}]}', /lower bound/],
    ['{"x": [{"numeric": [">", 5, "<", 1]}]}', /Bad numeric range/],
    ['{"x": [{"wildcard": "a**b"}]}', /Consecutive wildcard characters/],
    ['{"x": [{"cidr": "10.0.0.0/33"}]}', /Nonstandard IP address/],
    ['{"x": [{"anything-but": [1, "a"]}]}', /all strings or all numbers/],
    ['{"$or": [{"a": [1]}]}', /at least 2/],
    ["{not json", /not valid JSON/],
  ])("%s", (p, re) => {
    expect(bad(p)).toMatch(re);
  });
});

describe("dialects", () => {
  it("Lambda filters refuse wildcard and cidr, which its filter rule syntax does not list (DG invocation-eventfiltering)", () => {
    expect(() => compilePattern({ a: [{ wildcard: "x*" }] }, "lambda")).toThrow(/^Invalid filter pattern definition\./);
    expect(() => compilePattern({ a: [{ cidr: "10.0.0.0/8" }] }, "lambda")).toThrow(PatternError);
    expect(matchPattern(compilePattern({ $or: [{ a: [1] }, { b: [2] }] }, "lambda"), { b: 2 })).toBe(true);
  });
  it("SNS filter policies refuse wildcard in SNS's words", () => {
    expect(() => compilePattern({ a: [{ wildcard: "x*" }] }, "sns")).toThrow(/^Invalid parameter: FilterPolicy: Unrecognized match type wildcard/);
  });
});
