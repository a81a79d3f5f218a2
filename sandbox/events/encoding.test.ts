import { createHash } from "node:crypto";
import { gunzipSync, inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32, fromBase64, gzipStored, hexFromSeed, md5Hex, sha256Hex, toBase64, utf8, uuidFromSeed } from "./encoding";

const nodeMd5 = (data: string | Uint8Array) => createHash("md5").update(data).digest("hex");

describe("md5Hex", () => {
  it("matches Node's MD5 for empty, short, block-boundary, multi-block and non-ASCII input", () => {
    for (const s of ["", "a", "abc", "x".repeat(55), "x".repeat(56), "x".repeat(64), "y".repeat(1000), "héllo wörld ✓ 🚀"]) {
      expect(md5Hex(s), JSON.stringify(s.slice(0, 20))).toBe(nodeMd5(s));
    }
  });

  it("hashes raw bytes", () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) & 0xff);
    expect(md5Hex(bytes)).toBe(nodeMd5(bytes));
  });

  it("gives RFC 1321's test vector", () => {
    expect(md5Hex("message digest")).toBe("f96b697d7cb7938d525a2f31aaf161d0");
  });
});

describe("sha256Hex", () => {
  it("matches Node's SHA-256 for empty, block-boundary, multi-block and non-ASCII input", () => {
    for (const s of ["", "abc", "x".repeat(55), "x".repeat(56), "x".repeat(64), "y".repeat(1000), "héllo ✓ 🚀"]) {
      expect(sha256Hex(s), JSON.stringify(s.slice(0, 20))).toBe(createHash("sha256").update(s).digest("hex"));
    }
  });
});

describe("base64", () => {
  it("encodes UTF-8 text as Node's Buffer does and decodes it back", () => {
    for (const s of ["", "Hello, this is a test.", "ünïcödé ✓ 🚀", "a".repeat(100_000)]) {
      expect(toBase64(s)).toBe(Buffer.from(s, "utf8").toString("base64"));
      expect(fromBase64(toBase64(s))).toBe(s);
    }
  });

  it("refuses bytes that are not UTF-8 when decoding to text", () => {
    expect(() => fromBase64(Buffer.from([0xff, 0xfe]).toString("base64"))).toThrow();
  });
});

describe("uuidFromSeed", () => {
  it("is UUID v4-shaped, stable for a seed and different across seeds", () => {
    const a = uuidFromSeed("sqs:0");
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidFromSeed("sqs:0")).toBe(a);
    expect(uuidFromSeed("sqs:1")).not.toBe(a);
  });

  it("hexFromSeed gives as many hex digits as asked", () => {
    expect(hexFromSeed("x", 70)).toMatch(/^[0-9a-f]{70}$/);
  });
});

describe("gzipStored", () => {
  it("computes the standard CRC-32 check value", () => {
    expect(crc32(utf8("123456789"))).toBe(0xcbf43926);
  });

  it("produces gzip that Node's zlib decodes, for empty, small and multi-block (> 64 KiB) input", () => {
    for (const text of ["", '{"messageType":"DATA_MESSAGE"}', "z".repeat(200_000)]) {
      expect(gunzipSync(gzipStored(utf8(text))).toString("utf8")).toBe(text);
    }
  });

  it("uses stored deflate blocks (raw inflate of the body gives the input back) and a fixed header", () => {
    const gz = gzipStored(utf8("abc"));
    expect([...gz.subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
    expect(inflateRawSync(gz.subarray(10, gz.length - 8)).toString()).toBe("abc");
  });

  it("is deterministic", () => {
    expect(gzipStored(utf8("same"))).toEqual(gzipStored(utf8("same")));
  });
});
