// Node.js API docs for each module (path, util, events, buffer, url, querystring, os, crypto, assert); WHATWG globals as in Node.
import { describe, expect, it } from "vitest";
import { invokeOnce } from "./testing";

async function value(code: string): Promise<unknown> {
  const r = await invokeOnce(`exports.handler = async () => { ${code} };`);
  if (r.status !== "success") throw new Error(JSON.stringify(r.payload));
  return r.payload;
}

describe("simulated Node built-ins", () => {
  it("path", async () => {
    expect(await value("const p = require('path'); return [p.join('/a/b', '../c', 'd.js'), p.resolve('x'), p.basename('/a/b.txt', '.txt'), p.extname('a.tar.gz'), p.dirname('/a/b/c'), p.relative('/a/b', '/a/c/d'), p.parse('/home/u/f.txt'), p.normalize('a//b/../c/'), p.isAbsolute('/x')];")).toEqual([
      "/a/c/d.js",
      "/var/task/x",
      "b",
      ".gz",
      "/a/b",
      "../c/d",
      { root: "/", dir: "/home/u", base: "f.txt", ext: ".txt", name: "f" },
      "a/c/",
      true,
    ]);
  });

  it("node:-prefixed forms resolve to the same modules", async () => {
    expect(await value("return require('node:path') === require('path') && require('node:fs') === require('fs') && require('node:fs/promises') === require('fs').promises;")).toBe(true);
  });

  it("util: format, inspect, promisify, types", async () => {
    expect(
      await value(`const util = require('util');
      const sleep = util.promisify((ms, cb) => setTimeout(() => cb(null, ms), ms));
      const waited = await sleep(50);
      return [util.format('%s=%d', 'x', 1), util.inspect({ a: [1, { b: 2 }] }), waited, util.types.isPromise(Promise.resolve()), util.isDeepStrictEqual({ a: [1] }, { a: [1] })];`),
    ).toEqual(["x=1", "{ a: [ 1, { b: 2 } ] }", 50, true, true]);
  });

  it("events: EventEmitter on/once/off/emit, error without listener throws, events.once", async () => {
    expect(
      await value(`const EventEmitter = require('events');
      const e = new EventEmitter(); const seen = [];
      e.on('x', (v) => seen.push('on:' + v)); e.once('x', (v) => seen.push('once:' + v));
      e.emit('x', 1); e.emit('x', 2);
      let threw; try { e.emit('error', new Error('unhandled')); } catch (err) { threw = err.message; }
      setTimeout(() => e.emit('ready', 'go'), 10);
      const [arg] = await EventEmitter.once(e, 'ready');
      class Mine extends EventEmitter {}
      return [seen, threw, arg, e.listenerCount('x'), new Mine() instanceof EventEmitter];`),
    ).toEqual([["on:1", "once:1", "on:2"], "unhandled", "go", 1, true]);
  });

  it("Buffer, TextEncoder/TextDecoder, atob/btoa", async () => {
    expect(
      await value(`const b = Buffer.from('héllo');
      return [b.length, b.toString('hex'), b.toString('base64'), Buffer.from('aGk=', 'base64').toString(), Buffer.concat([Buffer.from('a'), Buffer.from('b')]).toString(), Buffer.isBuffer(b),
        new TextDecoder().decode(new TextEncoder().encode('✓')), btoa('hi'), atob('aGk='), JSON.stringify(Buffer.from([1, 2])), Buffer.byteLength('€'), Buffer.alloc(3, 'a').toString(), b.slice(1, 3).toString('hex')];`),
    ).toEqual([6, "68c3a96c6c6f", "aMOpbGxv", "hi", "ab", true, "✓", "aGk=", "hi", '{"type":"Buffer","data":[1,2]}', 3, "aaa", "c3a9"]);
  });

  it("url and URLSearchParams, querystring", async () => {
    expect(
      await value(`const { URL, URLSearchParams, fileURLToPath } = require('url'); const qs = require('querystring');
      const u = new URL('https://user:pw@Example.com:443/p/a%20b?x=1&y=2&x=3#h');
      u.searchParams.append('z', 'a b');
      return [u.host, u.hostname, u.port, u.pathname, u.search, u.hash, u.origin, u.searchParams.getAll('x'), u.href, new URL('../q', 'https://e.com/a/b/c').href,
        new URLSearchParams({ a: '1', b: 'two words' }).toString(), qs.parse('a=1&b=2&a=3&c=x%20y'), qs.stringify({ k: 'v w', n: 1 }), fileURLToPath('file:///var/task/x.js')];`),
    ).toEqual([
      "example.com",
      "example.com",
      "",
      "/p/a%20b",
      "?x=1&y=2&x=3&z=a+b",
      "#h",
      "https://example.com",
      ["1", "3"],
      "https://user:pw@example.com/p/a%20b?x=1&y=2&x=3&z=a+b#h",
      "https://e.com/a/q",
      "a=1&b=two+words",
      { a: ["1", "3"], b: "2", c: "x y" },
      "k=v%20w&n=1",
      "/var/task/x.js",
    ]);
  });

  it("os reports a Lambda-like Linux host", async () => {
    expect(await value("const os = require('os'); return [os.platform(), os.tmpdir(), os.EOL, os.totalmem(), os.arch(), os.cpus().length >= 2];")).toEqual(["linux", "/tmp", "\n", 128 * 1024 * 1024, "x64", true]);
  });

  it("crypto: randomUUID, randomBytes, createHash (sha256/sha1/md5), createHmac, globalThis.crypto", async () => {
    expect(
      await value(`const c = require('crypto');
      return [/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(c.randomUUID()), c.randomBytes(16).length,
        c.createHash('sha256').update('abc').digest('hex'), c.createHash('sha1').update('abc').digest('base64'), c.createHash('md5').update('').digest('hex'),
        c.createHmac('sha256', 'key').update('The quick brown fox jumps over the lazy dog').digest('hex'), typeof crypto.randomUUID(), crypto.getRandomValues(new Uint8Array(4)).length];`),
    ).toEqual([
      true,
      16,
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
      "qZk+NkcGgWq6PiVxeFDCbJzQ2J0=",
      "d41d8cd98f00b204e9800998ecf8427e",
      "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
      "string",
      4,
    ]);
  });

  it("crypto.subtle.digest computes SHA-256 as Web Crypto does", async () => {
    expect(await value("const d = await crypto.subtle.digest('SHA-256', new TextEncoder().encode('abc')); return Buffer.from(d).toString('hex');")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });

  it("process.env stores strings, as Node's does", async () => {
    expect(await value("process.env.N = 5; process.env.B = true; return [typeof process.env.N, process.env.N, process.env.B, 'N' in process.env, delete process.env.N, 'N' in process.env];")).toEqual(["string", "5", "true", true, true, false]);
  });

  it("structuredClone copies Maps, Dates and cycles, and refuses functions", async () => {
    expect(
      await value(`const o = { d: new Date(0), m: new Map([[1, { x: 1 }]]) }; o.self = o;
      const c = structuredClone(o);
      let err; try { structuredClone({ f() {} }); } catch (e) { err = e.name; }
      return [c !== o, c.self === c, c.d.getTime(), c.m.get(1).x, err];`),
    ).toEqual([true, true, 0, 1, "DataCloneError"]);
  });

  it("formats numbers and dates like Node with LANG=en_US.UTF-8 and TZ=UTC (a small Intl subset)", async () => {
    expect(
      await value(
        "const d = new Date(Date.UTC(2024, 6, 4, 15, 5, 9)); return [(1234567.891).toLocaleString(), (-5).toLocaleString(), new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(1234.5), (0.256).toLocaleString('en-US', { style: 'percent' }), (3.14159).toLocaleString(undefined, { maximumFractionDigits: 2 }), d.toLocaleString(), d.toLocaleDateString(), d.toLocaleTimeString(), String(d), Intl.DateTimeFormat().resolvedOptions().timeZone];",
      ),
    ).toEqual(["1,234,567.891", "-5", "$1,234.50", "26%", "3.14", "7/4/2024, 3:05:09 PM", "7/4/2024", "3:05:09 PM", "Thu Jul 04 2024 15:05:09 GMT+0000 (Coordinated Universal Time)", "UTC"]);
  });

  it("stream: Readable.from, async iteration, Transform, Writable, pipeline (stream/promises), PassThrough", async () => {
    expect(
      await value(`const { Readable, Transform, Writable, PassThrough } = require('stream'); const { pipeline } = require('node:stream/promises');
      const out = []; for await (const c of Readable.from(['a', 'b', 'c'])) out.push(c);
      const got = [];
      await pipeline(Readable.from(['x', 'y']), new Transform({ transform(c, e, cb) { cb(null, c.toString().toUpperCase()); } }), new Writable({ write(c, e, cb) { got.push(c.toString()); cb(); } }));
      const body = Readable.from(Buffer.from('hello body')); body.setEncoding('utf8'); let text = ''; for await (const c of body) text += c;
      const pt = new PassThrough(); const chunks = []; pt.on('data', (c) => chunks.push(c.toString())); pt.write('1'); pt.end('2'); await new Promise((r) => pt.on('end', r));
      return [out, got, text, chunks];`),
    ).toEqual([["a", "b", "c"], ["X", "Y"], "hello body", ["1", "2"]]);
  });

  it("assert throws AssertionError", async () => {
    expect(await value("const assert = require('assert'); try { assert.strictEqual(1, 2); } catch (e) { return [e.name, e.code]; }")).toEqual(["AssertionError", "ERR_ASSERTION"]);
  });

  it("timers/promises and string_decoder", async () => {
    expect(await value("const { setTimeout: sleep } = require('timers/promises'); const v = await sleep(100, 'v'); const { StringDecoder } = require('string_decoder'); const d = new StringDecoder('utf8'); const e = Buffer.from('€'); return [v, d.write(e.slice(0, 1)) + d.write(e.slice(1))];")).toEqual(["v", "€"]);
  });
});
