import { describe, expect, it } from "vitest";
import { marshall, marshallItem, unmarshall, unmarshallItem } from "./dynamodb";

describe("marshall", () => {
  it("maps each JavaScript type to its DynamoDB attribute type", () => {
    expect(marshall("x")).toEqual({ S: "x" });
    expect(marshall(42)).toEqual({ N: "42" });
    expect(marshall(-0.5)).toEqual({ N: "-0.5" });
    expect(marshall(12345678901234567890n)).toEqual({ N: "12345678901234567890" });
    expect(marshall(true)).toEqual({ BOOL: true });
    expect(marshall(null)).toEqual({ NULL: true });
    expect(marshall(Uint8Array.of(1, 2, 3))).toEqual({ B: "AQID" });
    expect(marshall(new Set(["a", "b"]))).toEqual({ SS: ["a", "b"] });
    expect(marshall(new Set([1, 2]))).toEqual({ NS: ["1", "2"] });
    expect(marshall(new Set([Uint8Array.of(255)]))).toEqual({ BS: ["/w=="] });
    expect(marshall([1, "a", [true]])).toEqual({ L: [{ N: "1" }, { S: "a" }, { L: [{ BOOL: true }] }] });
    expect(marshall({ a: { b: 1 } })).toEqual({ M: { a: { M: { b: { N: "1" } } } } });
  });

  it("leaves out undefined properties, as the SDK's removeUndefinedValues does", () => {
    expect(marshallItem({ pk: "USER#1", nickname: undefined })).toEqual({ pk: { S: "USER#1" } });
  });

  it("refuses what DynamoDB cannot store, naming the path", () => {
    expect(() => marshallItem({ order: { total: Number.NaN } })).toThrow(/Cannot marshall "order.total": NaN/);
    expect(() => marshallItem({ tags: new Set() })).toThrow(/"tags": DynamoDB does not store empty sets/);
    expect(() => marshallItem({ mixed: new Set(["a", 1]) })).toThrow(/"mixed": a set must hold only/);
    expect(() => marshallItem({ at: new Date(0) })).toThrow(/"at": only plain objects/);
    expect(() => marshallItem({ items: [1, () => 2] })).toThrow(/"items\[1\]": a function has no DynamoDB type/);
    expect(() => marshall(undefined)).toThrow(/the value: a undefined/);
  });
});

describe("unmarshall", () => {
  it("round-trips an item", () => {
    const item = { pk: "ORDER#1", total: 59.9, paid: false, note: null, lines: [{ sku: "A", qty: 2 }], tags: new Set(["x"]), ns: new Set([1, 2]) };
    expect(unmarshallItem(marshallItem(item))).toEqual(item);
  });

  it("decodes binary to bytes", () => {
    expect(unmarshall({ B: "AQID" })).toEqual(Uint8Array.of(1, 2, 3));
  });
});
