// Node's util.format / util.inspect (nodejs.org/api/util.html) — compared against Node itself: each
// expression is logged inside the sandbox and formatted by the host's own util.format.
import { format } from "node:util";
import { describe, expect, it } from "vitest";
import { appMessages, invokeOnce } from "./testing";

const CASES = [
  "[{ a: 1, b: { c: [1, 2, 3] } }]",
  "['%s:%s', 'a']",
  "[{ arr: new Array(5) }]",
  "[[1, , 3]]",
  "[{ 'a-b': 1, 2: 'two', [Symbol('s')]: 3 }]",
  "[new (class Foo { constructor() { this.x = 1; } })()]",
  "[new (class Empty {})()]",
  "[{ f() {}, g: async () => 1, h: function* () {} }]",
  "[Array.from({ length: 30 }, (_, i) => i)]",
  "[Array.from({ length: 120 }, (_, i) => i)]",
  "[Array.from({ length: 26 }, (_, i) => String.fromCharCode(97 + i))]",
  "[Array.from({ length: 10 }, (_, i) => 'item-' + i)]",
  "[Array.from({ length: 8 }, (_, i) => ({ i }))]",
  "[{ s: 'x'.repeat(100) }]",
  "[{ nested: { a: { b: { c: { d: 1 } } } }, arr: [[[[1]]]] }]",
  "['%d %i %f', '42.5', 42.5, '1e3']",
  "[new Map([[{ k: 1 }, [1, 2]]]), new Set(['a'])]",
  "[null, undefined, true, 1n, Symbol.iterator]",
  "[{ a: undefined }, [undefined, null]]",
  "[new Uint8Array([1, 2, 3])]",
  "[Buffer.from('hello world')]",
  "['a', 1, { b: 2 }, ['c']]",
  "[{ date: new Date(0), re: /x/g }]",
  "[Object.assign(Object.create(null), { a: 1 })]",
  "[{ longKeyNumberOne: 'value one', longKeyNumberTwo: 'value two', longKeyNumberThree: 'value three' }]",
  "[[{ a: 1, b: 2 }, { a: 3, b: 4 }]]",
  "[-0, [-0], 0.1 + 0.2, [1.5, -2, 3e21, NaN, Infinity]]",
  "[new Number(3), new String('s'), new Boolean(false)]",
  "[function () {}, class A {}, class extends Array {}]",
  "[{ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8 }]",
  "[{ items: [{ id: 1, name: 'apple', price: 1.25 }, { id: 2, name: 'banana', price: 0.5 }, { id: 3, name: 'cherry', price: 3 }] }]",
  "[{ statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ message: 'hello world', ok: true }) }]",
  "[{ Records: [{ eventSource: 'aws:sqs', body: '{\"a\":1}', messageAttributes: {} }] }]",
  "['multi\\nline', { s: 'multi\\nline' }]",
  "[{ fn: Math.max, arrow: (a) => a }]",
  "[new Array(3).fill({ x: 1 })]",
  "['%s', [1, [2, [3, [4]]]]]",
  "['%s', null, '%s']",
  "['%j %%', { a: [1] }]",
  "[(() => { class MyErr extends Error {} const e = new MyErr('m'); e.stack = 'Error: m'; return e; })()]",
  "[(() => { class ValidationError extends Error {} const e = new ValidationError('v'); e.stack = 'Error: v'; return e; })()]",
];

describe("console formatting matches Node's util.format", () => {
  it.each(CASES)("console.log(...%s)", async (expr) => {
    const r = await invokeOnce(`exports.handler = async () => { console.log(...${expr}); };`);
    const expected = format(...(eval(expr) as unknown[]));
    expect(appMessages(r)).toEqual([expected]);
  });
});
