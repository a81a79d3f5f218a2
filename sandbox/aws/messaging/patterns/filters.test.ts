import { describe, expect, it } from "vitest";
import { compileFilterCriteria, compileFilterPolicy, snsMessagePasses, sqsRecordPasses } from "./filters";

const record = (body: string) => ({ messageId: "m1", body, attributes: { ApproximateReceiveCount: "1" }, messageAttributes: {}, eventSource: "aws:sqs" });

describe("Lambda event filtering of SQS records (DG with-sqs-filtering)", () => {
  // The DG's example: keep records whose RequestCode starts with "BBB".
  const f = compileFilterCriteria({ Filters: [{ Pattern: '{ "body" : { "RequestCode" : [ { "prefix": "BBB" } ] } }' }] });
  it("matches a JSON body by an object pattern on body", () => {
    expect(sqsRecordPasses(f, record('{"RecordNumber":1234,"RequestCode":"BBBB"}'))).toBe(true);
    expect(sqsRecordPasses(f, record('{"RecordNumber":1234,"RequestCode":"AAAA"}'))).toBe(false);
  });
  it("drops a plain-string body when the pattern expects JSON, and the reverse", () => {
    expect(sqsRecordPasses(f, record("BBBB plain"))).toBe(false);
    const plain = compileFilterCriteria({ Filters: [{ Pattern: '{ "body": ["hello"] }' }] });
    expect(sqsRecordPasses(plain, record("hello"))).toBe(true);
    expect(sqsRecordPasses(plain, record('{"a":"hello"}'))).toBe(false);
  });
  it("ORs several filters and filters on metadata without a body pattern", () => {
    const two = compileFilterCriteria({ Filters: [{ Pattern: '{"body":{"kind":["a"]}}' }, { Pattern: '{"body":{"kind":["b"]}}' }] });
    expect(sqsRecordPasses(two, record('{"kind":"b"}'))).toBe(true);
    expect(sqsRecordPasses(two, record('{"kind":"c"}'))).toBe(false);
    const meta = compileFilterCriteria({ Filters: [{ Pattern: '{"attributes":{"ApproximateReceiveCount":["1"]}}' }] });
    expect(sqsRecordPasses(meta, record("anything"))).toBe(true);
  });
  it("refuses more than 5 filters and malformed criteria", () => {
    expect(() => compileFilterCriteria({ Filters: Array(6).fill({ Pattern: '{"body":["a"]}' }) })).toThrow(/at most 5 filters/);
    expect(() => compileFilterCriteria({ Filters: [{ Pattern: '{"body": "a"}' }] })).toThrow(/^Invalid filter pattern definition\./);
    expect(() => compileFilterCriteria({ Pattern: "x" })).toThrow(/FilterCriteria must be/);
  });
});

describe("SNS subscription filter policies (SNS DG sns-message-filtering)", () => {
  it("matches String, Number and String.Array attributes", () => {
    const p = compileFilterPolicy({ store: ["example_corp"], price_usd: [{ numeric: [">=", 100] }], customer_interests: ["soccer"] });
    const attrs = {
      store: { DataType: "String", StringValue: "example_corp" },
      price_usd: { DataType: "Number", StringValue: "210.75" },
      customer_interests: { DataType: "String.Array", StringValue: '["basketball","soccer"]' },
    };
    expect(snsMessagePasses(p, "hi", attrs)).toBe(true);
    expect(snsMessagePasses(p, "hi", { ...attrs, price_usd: { DataType: "Number", StringValue: "5" } })).toBe(false);
  });
  it("a message without the attribute does not match, unless exists: false", () => {
    expect(snsMessagePasses(compileFilterPolicy({ store: ["example_corp"] }), "hi", {})).toBe(false);
    expect(snsMessagePasses(compileFilterPolicy({ store: [{ exists: false }] }), "hi", {})).toBe(true);
  });
  it("MessageBody scope matches the JSON body, nested", () => {
    const p = compileFilterPolicy({ order: { type: ["large"] } }, "MessageBody");
    expect(snsMessagePasses(p, '{"order":{"type":"large"}}')).toBe(true);
    expect(snsMessagePasses(p, '{"order":{"type":"small"}}')).toBe(false);
    expect(snsMessagePasses(p, "not json")).toBe(false);
  });
  it("refuses nested policies in attribute scope, an unknown scope and over 150 combinations", () => {
    expect(() => compileFilterPolicy({ a: { b: ["x"] } })).toThrow(/does not support nested filter policy/);
    expect(() => compileFilterPolicy({ a: ["x"] }, "Body")).toThrow(/FilterPolicyScope must be/);
    const big = { a: Array.from({ length: 10 }, (_, i) => `a${i}`), b: Array.from({ length: 16 }, (_, i) => `b${i}`) };
    expect(() => compileFilterPolicy(big)).toThrow(/too complex/);
  });
});
