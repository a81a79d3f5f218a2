// DynamoDB expressions, rule by rule (DeveloperGuide Expressions.OperatorsAndFunctions,
// Expressions.UpdateExpressions, Expressions.ProjectionExpressions, Expressions.ExpressionAttributeNames,
// ReservedWords).
import { describe, expect, it } from "vitest";
import type { AV, Item } from "./attributes";
import { ExpressionContext, applyUpdate, evaluateCondition, parseCondition, parseProjection, parseUpdate, project } from "./expressions";

const item: Item = {
  pk: { S: "u1" },
  n: { N: "10" },
  name: { S: "Ada Lovelace" },
  tags: { SS: ["a", "b"] },
  parts: { L: [{ S: "x" }, { M: { c: { N: "1" } } }] },
  info: { M: { b: { M: { c: { S: "deep" } } } } },
  flag: { BOOL: true },
};

function cond(src: string, values: Record<string, AV> = {}, names: Record<string, string> = {}, on: Item | undefined = item): boolean {
  const ctx = new ExpressionContext(names, values);
  return evaluateCondition(parseCondition(src, "ConditionExpression", ctx), on);
}

function update(src: string, values: Record<string, AV> = {}, names: Record<string, string> = {}, on: Item = item): Item {
  return applyUpdate(parseUpdate(src, new ExpressionContext(names, values)), on);
}

describe("condition expressions", () => {
  it("compares numbers numerically and strings by bytes; mixed types are false", () => {
    expect(cond("n > :v", { ":v": { N: "9" } })).toBe(true);
    expect(cond("n < :v", { ":v": { N: "9.5" } })).toBe(false);
    expect(cond("n = :v", { ":v": { N: "10.0" } })).toBe(true);
    expect(cond("pk < :v", { ":v": { S: "u2" } })).toBe(true);
    expect(cond("n > :v", { ":v": { S: "1" } })).toBe(false);
  });

  it("<> is true when the attribute does not exist", () => {
    expect(cond("missing <> :v", { ":v": { S: "x" } })).toBe(true);
  });

  it("BETWEEN, IN, AND/OR/NOT and parentheses", () => {
    expect(cond("n BETWEEN :a AND :b", { ":a": { N: "1" }, ":b": { N: "10" } })).toBe(true);
    expect(cond("pk IN (:a, :b)", { ":a": { S: "u0" }, ":b": { S: "u1" } })).toBe(true);
    expect(cond("NOT (n = :a OR flag = :f) AND pk = :p", { ":a": { N: "1" }, ":f": { BOOL: false }, ":p": { S: "u1" } })).toBe(true);
  });

  it("functions: attribute_exists, attribute_not_exists, attribute_type, begins_with, contains, size", () => {
    expect(cond("attribute_exists(info.b.c) AND attribute_not_exists(info.z)")).toBe(true);
    expect(cond("attribute_type(tags, :t)", { ":t": { S: "SS" } })).toBe(true);
    expect(cond("begins_with(#n, :p)", { ":p": { S: "Ada" } }, { "#n": "name" })).toBe(true);
    expect(cond("contains(tags, :t) AND contains(#n, :s)", { ":t": { S: "b" }, ":s": { S: "Love" } }, { "#n": "name" })).toBe(true);
    expect(cond("size(parts) = :two AND size(#n) > :ten", { ":two": { N: "2" }, ":ten": { N: "10" } }, { "#n": "name" })).toBe(true);
    expect(cond("parts[1].c = :one", { ":one": { N: "1" } })).toBe(true);
  });

  it("a reserved word as a bare name fails; a placeholder fixes it (DeveloperGuide ReservedWords)", () => {
    expect(() => cond("name = :v", { ":v": { S: "x" } })).toThrow("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: name");
  });

  it("an undefined placeholder is named in the error", () => {
    expect(() => cond("n = :nope")).toThrow("Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :nope");
    expect(() => cond("#x = :v", { ":v": { N: "1" } })).toThrow("An expression attribute name used in the document path is not defined; attribute name: #x");
  });

  it("syntax errors name the token and what is near it", () => {
    expect(() => cond("n = = :v", { ":v": { N: "1" } })).toThrow('Invalid ConditionExpression: Syntax error; token: "=", near: "= ="');
    expect(() => cond("n =")).toThrow('Syntax error; token: "<EOF>", near: "="');
    expect(() => cond("nope(n)")).toThrow("Invalid function name; function: nope");
  });

  it("unused names and values are refused", () => {
    const ctx = new ExpressionContext({ "#a": "a" }, { ":v": { N: "1" } });
    parseCondition("n = :v", "ConditionExpression", ctx);
    expect(() => ctx.checkAllUsed()).toThrow("Value provided in ExpressionAttributeNames unused in expressions: keys: {#a}");
  });
});

describe("update expressions", () => {
  it("SET with + and -, if_not_exists and list_append read the old item", () => {
    const out = update("SET n = n + :one, m2 = if_not_exists(m2, :zero) - :one, parts = list_append(parts, :more)", { ":one": { N: "1" }, ":zero": { N: "0" }, ":more": { L: [{ S: "y" }] } });
    expect(out.n).toEqual({ N: "11" });
    expect(out.m2).toEqual({ N: "-1" });
    expect(out.parts?.L?.length).toBe(3);
  });

  it("SET on a nested path needs its parent", () => {
    expect(update("SET info.b.d = :v", { ":v": { S: "new" } }).info?.M?.b?.M?.d).toEqual({ S: "new" });
    expect(() => update("SET nope.x = :v", { ":v": { S: "new" } })).toThrow("The document path provided in the update expression is invalid for update");
  });

  it("REMOVE attributes and list elements; ADD numbers and sets; DELETE from sets", () => {
    const added = update("REMOVE flag, parts[0] ADD n :five, tags :c", { ":five": { N: "5" }, ":c": { SS: ["c"] } });
    const out = update("DELETE tags :a", { ":a": { SS: ["a"] } }, {}, added);
    expect(out.flag).toBeUndefined();
    expect(out.parts?.L).toEqual([{ M: { c: { N: "1" } } }]);
    expect(out.n).toEqual({ N: "15" });
    expect(out.tags).toEqual({ SS: ["b", "c"] });
  });

  it("arithmetic on a missing attribute fails as DynamoDB says", () => {
    expect(() => update("SET x = x + :one", { ":one": { N: "1" } })).toThrow("The provided expression refers to an attribute that does not exist in the item");
    expect(() => update("SET pk = pk + :one", { ":one": { N: "1" } })).toThrow("An operand in the update expression has an incorrect data type");
  });

  it("a section used twice, overlapping paths and ADD of a string are refused", () => {
    expect(() => update("SET a = :v SET b = :v", { ":v": { N: "1" } })).toThrow('Invalid UpdateExpression: The "SET" section can only be used once in an update expression;');
    expect(() => update("SET a = :v REMOVE a", { ":v": { N: "1" } })).toThrow("Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]");
    expect(() => update("ADD a :v", { ":v": { S: "x" } })).toThrow("Incorrect operand type for operator or function; operator: ADD, operand type: STRING");
  });
});

describe("projection expressions", () => {
  it("keeps only the projected paths, nested maps and list elements included", () => {
    const paths = parseProjection("pk, info.b.c, parts[1]", new ExpressionContext());
    expect(project(item, paths)).toEqual({ pk: { S: "u1" }, info: { M: { b: { M: { c: { S: "deep" } } } } }, parts: { L: [{ M: { c: { N: "1" } } }] } });
  });
});
