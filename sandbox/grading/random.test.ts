import { describe, expect, it } from "vitest";
import { caseSeed, drawInputs, placeholders, randomInputsSchema, seededRandom, substitute } from "./random";

describe("seeded inputs", () => {
  const spec = randomInputsSchema.parse({
    fields: {
      n: { int: [1, 100] },
      price: { number: [0, 50], decimals: 2 },
      name: { pick: ["Ada", "Grace", "Linus"] },
      word: { string: { length: [3, 8] } },
      id: { uuid: true },
      skus: { list: { length: [2, 4], of: { string: { length: 5, alphabet: "ABCDEF" } }, unique: true } },
      item: { object: { qty: { int: [1, 3] }, sku: { pick: ["a", "b"] } } },
      source: { const: "aws:sqs" },
    },
  });

  it("draws the same inputs for the same seed and different ones for another seed", () => {
    expect(drawInputs(spec, 42)).toEqual(drawInputs(spec, 42));
    expect(drawInputs(spec, 42)).not.toEqual(drawInputs(spec, 43));
    expect(drawInputs(spec, 42)).toHaveLength(3); // count defaults to 3
  });

  it("keeps every value inside its generator's bounds", () => {
    for (let seed = 0; seed < 200; seed++) {
      for (const i of drawInputs(spec, seed)) {
        expect(Number.isInteger(i.n) && (i.n as number) >= 1 && (i.n as number) <= 100).toBe(true);
        expect(i.price as number).toBeGreaterThanOrEqual(0);
        expect(i.price as number).toBeLessThanOrEqual(50);
        expect(Math.round((i.price as number) * 100)).toBeCloseTo((i.price as number) * 100, 6);
        expect(["Ada", "Grace", "Linus"]).toContain(i.name);
        expect(i.word).toMatch(/^[a-z]{3,8}$/);
        expect(i.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        const skus = i.skus as string[];
        expect(skus.length).toBeGreaterThanOrEqual(2);
        expect(new Set(skus).size).toBe(skus.length);
        expect(skus.every((s) => /^[A-F]{5}$/.test(s))).toBe(true);
        expect(i.source).toBe("aws:sqs");
        expect(i.item).toEqual({ qty: expect.any(Number) as unknown, sku: expect.stringMatching(/^[ab]$/) as unknown });
      }
    }
  });

  it("gives each case its own stream within a run", () => {
    expect(caseSeed(7, "a")).not.toBe(caseSeed(7, "b"));
    expect(caseSeed(7, "a")).toBe(caseSeed(7, "a"));
    const r = seededRandom(1);
    const xs = Array.from({ length: 1000 }, r);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });

  it("refuses empty fields, reversed ranges, one-value picks and unknown generators", () => {
    expect(() => randomInputsSchema.parse({ fields: {} })).toThrow(/at least one field/);
    expect(() => randomInputsSchema.parse({ fields: { n: { int: [5, 1] } } })).toThrow(/min ≤ max/);
    expect(() => randomInputsSchema.parse({ fields: { n: { pick: [1] } } })).toThrow(/at least two/);
    expect(() => randomInputsSchema.parse({ fields: { n: { dice: 6 } } })).toThrow();
    expect(() => randomInputsSchema.parse({ fields: { "a-b": { int: [1, 2] } } })).toThrow(/identifiers/);
  });
});

describe("encoded and alternative generators", () => {
  it("draws JSON strings, base64 (as Kinesis data) and one of several generators", () => {
    const spec = randomInputsSchema.parse({
      count: 10,
      fields: {
        body: { json: { object: { orderId: { const: "o-1" }, n: { int: [1, 3] } } } },
        data: { base64: { object: { t: { number: [0, 40] }, s: { const: "é" } } } },
        either: { oneOf: [{ int: [1, 5] }, { pick: ["not json", "null"] }] },
      },
    });
    const draws = drawInputs(spec, 3);
    for (const d of draws) {
      expect(JSON.parse(d.body as string)).toMatchObject({ orderId: "o-1" });
      expect(JSON.parse(Buffer.from(d.data as string, "base64").toString("utf8"))).toMatchObject({ s: "é" });
    }
    expect(new Set(draws.map((d) => typeof d.either))).toEqual(new Set(["number", "string"]));
  });
});

describe("placeholders", () => {
  it("replace a whole string with the value itself and interpolate inside text", () => {
    const inputs = { n: 7, name: "Ada", order: { id: "o-1" } };
    expect(substitute({ n: "{{n}}", greeting: "Hello, {{name}}!", body: "{{order|json}}", raw: "{{ order }}", keep: "{{other}}", list: ["{{n}}"] }, inputs)).toEqual({
      n: 7,
      greeting: "Hello, Ada!",
      body: '{"id":"o-1"}',
      raw: { id: "o-1" },
      keep: "{{other}}",
      list: [7],
    });
    expect(substitute("id={{order}}", inputs)).toBe('id={"id":"o-1"}');
  });

  it("lists the names a template uses", () => {
    expect([...placeholders({ a: "{{x}}", b: ["n={{y|json}}"], c: { d: 1 } })].sort()).toEqual(["x", "y"]);
  });
});
