/**
 * Byte-level helpers the event builders need, written against web standards only (`TextEncoder`,
 * `btoa`/`atob`) so they run unchanged in a browser Web Worker and in Node.
 *
 * - base64 of UTF-8 text (Kinesis `data`, SQS binary attributes, API Gateway bodies, …);
 * - MD5, because SQS puts the real MD5 of the body in `md5OfBody` and handlers sometimes check it;
 * - deterministic UUID-shaped ids derived from a seed, so builders are reproducible by default;
 * - a gzip *encoder* for CloudWatch Logs subscription payloads (see {@link gzipStored}).
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Standard base64 (with padding) of raw bytes. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  // Chunked so very large payloads do not overflow the argument limit of String.fromCharCode.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Raw bytes of a standard base64 string. Throws on invalid base64. */
export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** base64 of the UTF-8 encoding of `text` — what AWS does with string payloads. */
export function toBase64(text: string): string {
  return bytesToBase64(utf8(text));
}

/** The UTF-8 text a base64 string encodes. Throws on invalid base64 or invalid UTF-8. */
export function fromBase64(base64: string): string {
  return decoder.decode(base64ToBytes(base64));
}

// ---------------------------------------------------------------------------------------------
// MD5 (RFC 1321). Small, synchronous, no dependencies; Web Crypto has no MD5.

const MD5_S = [
  7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
  5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15,
  21, 6, 10, 15, 21, 6, 10, 15, 21,
];
const MD5_K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

/** MD5 digest of bytes (or of the UTF-8 encoding of a string), as 32 lower-case hex digits. */
export function md5Hex(input: string | Uint8Array): string {
  const data = typeof input === "string" ? utf8(input) : input;
  const bitLength = data.length * 8;
  const paddedLength = (((data.length + 8) >> 6) + 1) << 6;
  const buffer = new Uint8Array(paddedLength);
  buffer.set(data);
  buffer[data.length] = 0x80;
  const view = new DataView(buffer.buffer);
  view.setUint32(paddedLength - 8, bitLength >>> 0, true);
  view.setUint32(paddedLength - 4, Math.floor(bitLength / 2 ** 32), true);

  let a0 = 0x67452301;
  let b0 = 0xefcdab89;
  let c0 = 0x98badcfe;
  let d0 = 0x10325476;
  const m = new Uint32Array(16);
  for (let offset = 0; offset < paddedLength; offset += 64) {
    for (let j = 0; j < 16; j++) m[j] = view.getUint32(offset + j * 4, true);
    let a = a0;
    let b = b0;
    let c = c0;
    let d = d0;
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (i < 32) {
        f = (d & b) | (~d & c);
        g = (5 * i + 1) % 16;
      } else if (i < 48) {
        f = b ^ c ^ d;
        g = (3 * i + 5) % 16;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) % 16;
      }
      const s = MD5_S[i] as number;
      const sum = (a + f + (MD5_K[i] as number) + (m[g] as number)) >>> 0;
      a = d;
      d = c;
      c = b;
      b = (b + ((sum << s) | (sum >>> (32 - s)))) >>> 0;
    }
    a0 = (a0 + a) >>> 0;
    b0 = (b0 + b) >>> 0;
    c0 = (c0 + c) >>> 0;
    d0 = (d0 + d) >>> 0;
  }
  const out = new DataView(new ArrayBuffer(16));
  out.setUint32(0, a0, true);
  out.setUint32(4, b0, true);
  out.setUint32(8, c0, true);
  out.setUint32(12, d0, true);
  let hex = "";
  for (let i = 0; i < 16; i++) hex += out.getUint8(i).toString(16).padStart(2, "0");
  return hex;
}

// ---------------------------------------------------------------------------------------------
// SHA-256 (FIPS 180-4). Synchronous, unlike Web Crypto's digest; SQS FIFO content-based
// deduplication ids are the SHA-256 of the body.

const SHA256_K = Uint32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** SHA-256 digest of bytes (or of the UTF-8 encoding of a string), as 64 lower-case hex digits. */
export function sha256Hex(input: string | Uint8Array): string {
  const data = typeof input === "string" ? utf8(input) : input;
  const paddedLength = (((data.length + 8) >> 6) + 1) << 6;
  const buffer = new Uint8Array(paddedLength);
  buffer.set(data);
  buffer[data.length] = 0x80;
  const view = new DataView(buffer.buffer);
  view.setUint32(paddedLength - 8, Math.floor((data.length * 8) / 2 ** 32));
  view.setUint32(paddedLength - 4, (data.length * 8) >>> 0);
  const h = Uint32Array.from([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let offset = 0; offset < paddedLength; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
      const w15 = w[i - 15] as number;
      const w2 = w[i - 2] as number;
      const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
      const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
      w[i] = ((w[i - 16] as number) + s0 + (w[i - 7] as number) + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h as unknown as [number, number, number, number, number, number, number, number];
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + (SHA256_K[i] as number) + (w[i] as number)) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    [a, b, c, d, e, f, g, hh].forEach((v, i) => (h[i] = ((h[i] as number) + v) >>> 0));
  }
  return [...h].map((v) => v.toString(16).padStart(8, "0")).join("");
}

/**
 * A UUID-shaped id (version 4 layout) derived from `seed` by MD5, so the same seed always gives the
 * same id. Builders seed with what they are building ("sqs:my-queue:message:0"), which keeps ids
 * distinct across records and stable across runs.
 */
export function uuidFromSeed(seed: string): string {
  const hex = md5Hex(seed);
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** `length` hex digits derived from `seed` (repeating MD5 as needed). */
export function hexFromSeed(seed: string, length: number): string {
  let out = "";
  for (let i = 0; out.length < length; i++) out += md5Hex(`${seed}#${i}`);
  return out.slice(0, length);
}

/** `length` bytes derived from `seed`. */
export function bytesFromSeed(seed: string, length: number): Uint8Array {
  const hex = hexFromSeed(seed, length * 2);
  return Uint8Array.from({ length }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
}

/**
 * Canonical base64 of `length` bytes derived from `seed` — for opaque AWS values that are base64
 * (`x-amz-id-2`, SNS signatures, API Gateway's extended request ids), so they really decode.
 */
export function base64FromSeed(seed: string, length: number, urlSafe = false): string {
  const b64 = bytesToBase64(bytesFromSeed(seed, length));
  return urlSafe ? b64.replace(/\+/g, "-").replace(/\//g, "_") : b64;
}

/** `length` characters from `alphabet` derived from `seed`. Used for AWS-style opaque ids. */
export function charsFromSeed(seed: string, length: number, alphabet: string): string {
  const hex = hexFromSeed(seed, length * 2);
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet.charAt(parseInt(hex.slice(i * 2, i * 2 + 2), 16) % alphabet.length);
  return out;
}

// ---------------------------------------------------------------------------------------------
// gzip (RFC 1952) with "stored" deflate blocks (RFC 1951 §3.2.4).

let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE 802.3), as gzip's trailer needs it. */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * A valid gzip member holding `data` in uncompressed ("stored") deflate blocks.
 *
 * Why not real compression: builders must run in a browser synchronously and deterministically, and
 * `CompressionStream` is asynchronous and its output may differ between engines. Stored blocks are
 * part of the deflate format, so every gunzip (Node's `zlib.gunzipSync`, the browser's
 * `DecompressionStream("gzip")`, Python's `gzip`) decodes this exactly like what CloudWatch Logs
 * sends; only the size differs (no compression). The header's MTIME is 0 and OS is 255 ("unknown"),
 * so the bytes depend on `data` alone.
 */
export function gzipStored(data: Uint8Array): Uint8Array {
  const MAX_BLOCK = 0xffff;
  const blocks = Math.max(1, Math.ceil(data.length / MAX_BLOCK));
  const out = new Uint8Array(10 + blocks * 5 + data.length + 8);
  out.set([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
  let pos = 10;
  for (let b = 0; b < blocks; b++) {
    const start = b * MAX_BLOCK;
    const chunk = data.subarray(start, Math.min(start + MAX_BLOCK, data.length));
    out[pos++] = b === blocks - 1 ? 1 : 0; // BFINAL on the last block, BTYPE 00 (stored)
    out[pos++] = chunk.length & 0xff;
    out[pos++] = chunk.length >>> 8;
    out[pos++] = ~chunk.length & 0xff;
    out[pos++] = (~chunk.length >>> 8) & 0xff;
    out.set(chunk, pos);
    pos += chunk.length;
  }
  const trailer = new DataView(out.buffer, pos, 8);
  trailer.setUint32(0, crc32(data), true);
  trailer.setUint32(4, data.length >>> 0, true);
  return out;
}
