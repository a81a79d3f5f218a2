// The guest zlib against Node's own: what Node compresses (stored, fixed and dynamic Huffman blocks
// at every level) the guest decompresses byte for byte, and what the guest writes Node reads.
// Then through the real runtime, as a handler requires it.
import { compileFunction } from "node:vm";
import * as nodeZlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { newEnvironment } from "../environment";
import { ZLIB } from "./zlib";

type Fn = (data: unknown, options?: unknown, cb?: unknown) => unknown;

/** The guest module evaluated in Node, with Node's Buffer and setImmediate standing in for the guest's. */
function guestZlib(): Record<string, Fn> {
  const exports: Record<string, Fn> = {};
  const INTERNAL = { lib: (name: string) => (name === "buffer" ? { Buffer } : { setImmediate }) };
  compileFunction(ZLIB, ["exports", "require", "module", "INTERNAL"])(exports, undefined, { exports }, INTERNAL);
  return exports;
}

const z = guestZlib();
const text = Buffer.from(JSON.stringify({ logEvents: Array.from({ length: 300 }, (_, i) => ({ id: String(i), message: `line ${i % 7} of the log ${"x".repeat(i % 13)}` })) }));
const noise = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 2654435761) >>> 24));

describe("guest zlib decompresses what Node compresses", () => {
  it.each([0, 1, 6, 9])("gzip level %i (text and incompressible data)", (level) => {
    for (const data of [text, noise, Buffer.alloc(0)]) {
      expect(Buffer.compare(z.gunzipSync!(nodeZlib.gzipSync(data, { level })) as Buffer, data)).toBe(0);
      expect(Buffer.compare(z.inflateSync!(nodeZlib.deflateSync(data, { level })) as Buffer, data)).toBe(0);
      expect(Buffer.compare(z.inflateRawSync!(nodeZlib.deflateRawSync(data, { level })) as Buffer, data)).toBe(0);
    }
  });

  it("fixed-Huffman blocks (Z_FIXED) and concatenated gzip members", () => {
    const fixed = nodeZlib.deflateRawSync(text, { strategy: nodeZlib.constants.Z_FIXED });
    expect((z.inflateRawSync!(fixed) as Buffer).toString()).toBe(text.toString());
    const two = Buffer.concat([nodeZlib.gzipSync("ab"), nodeZlib.gzipSync("cd")]);
    expect((z.gunzipSync!(two) as Buffer).toString()).toBe("abcd");
    expect((z.unzipSync!(nodeZlib.deflateSync("zz")) as Buffer).toString()).toBe("zz");
  });

  it("Node decompresses what the guest writes", () => {
    expect(Buffer.compare(nodeZlib.gunzipSync(z.gzipSync!(noise) as Buffer), noise)).toBe(0);
    expect(nodeZlib.inflateSync(z.deflateSync!("hello") as Buffer).toString()).toBe("hello");
    expect(nodeZlib.inflateRawSync(z.deflateRawSync!("hello") as Buffer).toString()).toBe("hello");
    expect(z.crc32!("hello")).toBe(nodeZlib.crc32("hello"));
  });

  it("errors carry Node's messages and codes", () => {
    expect(() => z.gunzipSync!(Buffer.from("not gzip"))).toThrow(expect.objectContaining({ message: "incorrect header check", code: "Z_DATA_ERROR", errno: -3 }) as Error);
    expect(() => z.gunzipSync!(nodeZlib.gzipSync(text).subarray(0, 40))).toThrow(expect.objectContaining({ message: "unexpected end of file", code: "Z_BUF_ERROR", errno: -5 }) as Error);
    const corrupt = Buffer.from(nodeZlib.gzipSync("hello"));
    corrupt.writeUInt8(corrupt.readUInt8(corrupt.length - 8) ^ 1, corrupt.length - 8);
    expect(() => z.gunzipSync!(corrupt)).toThrow("incorrect data check");
    expect(() => nodeZlib.gunzipSync(corrupt)).toThrow("incorrect data check");
  });
});

describe("zlib in a handler", () => {
  it("require('zlib').gunzipSync decodes a base64 gzip payload; gunzip works with a callback and util.promisify", async () => {
    const payload = nodeZlib.gzipSync(JSON.stringify({ messageType: "DATA_MESSAGE" }), { level: 9 }).toString("base64");
    const code = `
      const zlib = require("node:zlib");
      const { promisify } = require("util");
      exports.handler = async (e) => {
        const bytes = Buffer.from(e.data, "base64");
        const sync = JSON.parse(zlib.gunzipSync(bytes).toString("utf8"));
        const viaCallback = await new Promise((ok, ko) => zlib.gunzip(bytes, (err, out) => (err ? ko(err) : ok(out.toString()))));
        const viaPromise = (await promisify(zlib.gunzip)(bytes)).toString();
        let error; try { zlib.gunzipSync(Buffer.from("nope")); } catch (err) { error = err.code; }
        return { sync, same: viaCallback === viaPromise, error, isBuffer: Buffer.isBuffer(zlib.gzipSync("x")) };
      };`;
    using env = await newEnvironment({ runtime: "nodejs22.x", handler: "index.handler", files: { "index.js": code } });
    const r = await env.invoke({ data: payload });
    expect(r.payload).toEqual({ sync: { messageType: "DATA_MESSAGE" }, same: true, error: "Z_DATA_ERROR", isBuffer: true });
  });
});
