/**
 * Guest source of Node's `zlib`, enough for handlers that decode what AWS sends compressed — a
 * CloudWatch Logs subscription's `awslogs.data` is base64 of gzip (CloudWatch Logs UG
 * SubscriptionFilters, https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/SubscriptionFilters.html).
 *
 * - Decompression is complete (RFC 1951 stored, fixed and dynamic Huffman blocks; RFC 1952 gzip
 *   members, concatenated members, CRC-32/ISIZE checks; RFC 1950 zlib with its Adler-32):
 *   `gunzipSync`, `inflateSync`, `inflateRawSync`, `unzipSync` and their callback forms.
 * - Compression (`gzipSync`, `deflateSync`, `deflateRawSync`, callback forms) writes valid streams
 *   of stored (uncompressed) blocks: every decoder reads them; only the size differs from Node's.
 * - Errors carry Node's messages, `code` and `errno` (`incorrect header check` Z_DATA_ERROR -3,
 *   `unexpected end of file` Z_BUF_ERROR -5). No streams (`createGunzip`), no brotli.
 *
 * The body of `function (exports, require, module, INTERNAL)`; no backticks (it sits in String.raw).
 */
export const ZLIB = String.raw`
var Buf = INTERNAL.lib('buffer').Buffer, timers = INTERNAL.lib('timers');
function zerr(msg, code, errno) { var e = new Error(msg); e.errno = errno; e.code = code; return e; }
function eof() { return zerr('unexpected end of file', 'Z_BUF_ERROR', -5); }
function bad(msg) { return zerr(msg, 'Z_DATA_ERROR', -3); }
function toBytes(input) {
  if (typeof input === 'string') return Buf.from(input);
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  var e = new TypeError('The "buffer" argument must be of type string or an instance of Buffer, TypedArray, DataView, or ArrayBuffer. Received ' + (input === null ? 'null' : typeof input));
  e.code = 'ERR_INVALID_ARG_TYPE';
  throw e;
}
var crcTable = null;
function crc32(bytes, start) {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (var n = 0; n < 256; n++) { var c = n; for (var k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; crcTable[n] = c >>> 0; }
  }
  var crc = (start === undefined ? 0 : start) ^ 0xffffffff;
  for (var i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
function adler32(bytes) {
  var a = 1, b = 0;
  for (var i = 0; i < bytes.length; i++) { a = (a + bytes[i]) % 65521; b = (b + a) % 65521; }
  return ((b << 16) | a) >>> 0;
}

// ---- inflate (RFC 1951), after zlib's puff.c -----------------------------------------------------
var LBASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
var LEXT = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
var DBASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
var DEXT = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
var CLORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
function Huffman(lengths, off, n) {
  this.counts = new Uint16Array(16); this.symbols = new Uint16Array(n);
  var offs = new Uint16Array(16), i, sum = 0;
  for (i = 0; i < n; i++) this.counts[lengths[off + i]]++;
  this.counts[0] = 0;
  for (i = 1; i < 16; i++) { offs[i] = sum; sum += this.counts[i]; }
  for (i = 0; i < n; i++) if (lengths[off + i]) this.symbols[offs[lengths[off + i]]++] = i;
}
var FIXED_L, FIXED_D;
function fixedTrees() {
  if (FIXED_L) return;
  var l = new Uint8Array(288), i;
  for (i = 0; i < 144; i++) l[i] = 8;
  for (; i < 256; i++) l[i] = 9;
  for (; i < 280; i++) l[i] = 7;
  for (; i < 288; i++) l[i] = 8;
  FIXED_L = new Huffman(l, 0, 288);
  var d = new Uint8Array(30); for (i = 0; i < 30; i++) d[i] = 5;
  FIXED_D = new Huffman(d, 0, 30);
}
function Inflater(src, start) { this.s = src; this.p = start; this.b = 0; this.n = 0; this.out = new Uint8Array(Math.max(1024, src.length * 4)); this.o = 0; }
Inflater.prototype.bit = function () {
  if (this.n === 0) { if (this.p >= this.s.length) throw eof(); this.b = this.s[this.p++]; this.n = 8; }
  var v = this.b & 1; this.b >>>= 1; this.n--; return v;
};
Inflater.prototype.bits = function (k) { var v = 0; for (var i = 0; i < k; i++) v |= this.bit() << i; return v; };
Inflater.prototype.put = function (v) {
  if (this.o === this.out.length) { var grown = new Uint8Array(this.out.length * 2); grown.set(this.out); this.out = grown; }
  this.out[this.o++] = v;
};
Inflater.prototype.sym = function (h) {
  var code = 0, first = 0, index = 0;
  for (var len = 1; len < 16; len++) {
    code |= this.bit();
    var count = h.counts[len];
    if (code - first < count) return h.symbols[index + code - first];
    index += count; first += count; first <<= 1; code <<= 1;
  }
  throw bad('invalid code');
};
Inflater.prototype.codes = function (lt, dt) {
  for (;;) {
    var sym = this.sym(lt);
    if (sym < 256) this.put(sym);
    else if (sym === 256) return;
    else {
      sym -= 257;
      if (sym >= 29) throw bad('invalid literal/length code');
      var len = LBASE[sym] + this.bits(LEXT[sym]);
      var ds = this.sym(dt);
      if (ds >= 30) throw bad('invalid distance code');
      var dist = DBASE[ds] + this.bits(DEXT[ds]);
      if (dist > this.o) throw bad('invalid distance too far back');
      for (var i = 0; i < len; i++) this.put(this.out[this.o - dist]);
    }
  }
};
Inflater.prototype.dynamic = function () {
  var hlit = this.bits(5) + 257, hdist = this.bits(5) + 1, hclen = this.bits(4) + 4, i;
  if (hlit > 286 || hdist > 30) throw bad('too many length or distance symbols');
  var cl = new Uint8Array(19);
  for (i = 0; i < hclen; i++) cl[CLORDER[i]] = this.bits(3);
  var ct = new Huffman(cl, 0, 19), ll = new Uint8Array(hlit + hdist), n = 0;
  while (n < hlit + hdist) {
    var sym = this.sym(ct);
    if (sym < 16) { ll[n++] = sym; continue; }
    var prev = 0, rep;
    if (sym === 16) { if (n === 0) throw bad('invalid bit length repeat'); prev = ll[n - 1]; rep = 3 + this.bits(2); }
    else if (sym === 17) rep = 3 + this.bits(3);
    else rep = 11 + this.bits(7);
    if (n + rep > hlit + hdist) throw bad('invalid bit length repeat');
    while (rep-- > 0) ll[n++] = prev;
  }
  return [new Huffman(ll, 0, hlit), new Huffman(ll, hlit, hdist)];
};
Inflater.prototype.run = function () {
  var last;
  do {
    last = this.bit();
    var type = this.bits(2);
    if (type === 0) {
      this.n = 0; // stored blocks start at a byte boundary
      if (this.p + 4 > this.s.length) throw eof();
      var len = this.s[this.p] | (this.s[this.p + 1] << 8), nlen = this.s[this.p + 2] | (this.s[this.p + 3] << 8);
      this.p += 4;
      if (len !== (~nlen & 0xffff)) throw bad('invalid stored block lengths');
      if (this.p + len > this.s.length) throw eof();
      for (var i = 0; i < len; i++) this.put(this.s[this.p++]);
    } else if (type === 1) { fixedTrees(); this.codes(FIXED_L, FIXED_D); }
    else if (type === 2) { var t = this.dynamic(); this.codes(t[0], t[1]); }
    else throw bad('invalid block type');
  } while (!last);
  return this.out.subarray(0, this.o);
};
function u32le(s, p) { return (s[p] | (s[p + 1] << 8) | (s[p + 2] << 16) | (s[p + 3] << 24)) >>> 0; }
function concat(parts) {
  var total = 0, i; for (i = 0; i < parts.length; i++) total += parts[i].length;
  var out = Buf.alloc(total), p = 0;
  for (i = 0; i < parts.length; i++) { out.set(parts[i], p); p += parts[i].length; }
  return out;
}
function inflateRawBytes(src) { return concat([new Inflater(src, 0).run()]); }
function gunzipBytes(src) {
  var parts = [], p = 0;
  do {
    if (src.length - p < 2 || src[p] !== 0x1f || src[p + 1] !== 0x8b) { if (p === 0) throw (src.length < 2 ? eof() : bad('incorrect header check')); break; }
    if (src.length - p < 10) throw eof();
    if (src[p + 2] !== 8) throw bad('unknown compression method');
    var flg = src[p + 3];
    p += 10;
    if (flg & 4) { if (p + 2 > src.length) throw eof(); p += 2 + (src[p] | (src[p + 1] << 8)); }
    if (flg & 8) { while (p < src.length && src[p] !== 0) p++; p++; }
    if (flg & 16) { while (p < src.length && src[p] !== 0) p++; p++; }
    if (flg & 2) p += 2;
    if (p > src.length) throw eof();
    var inf = new Inflater(src, p), data = inf.run();
    p = inf.p;
    if (p + 8 > src.length) throw eof();
    if (u32le(src, p) !== crc32(data) || u32le(src, p + 4) !== (data.length >>> 0)) throw bad('incorrect data check');
    p += 8;
    parts.push(data);
  } while (p < src.length);
  return concat(parts);
}
function inflateBytes(src) {
  if (src.length < 2) throw eof();
  var cmf = src[0], flg = src[1];
  if ((cmf & 15) !== 8 || ((cmf << 8) | flg) % 31 !== 0) throw bad('incorrect header check');
  if (flg & 32) throw zerr('Missing dictionary', 'Z_NEED_DICT', 2);
  var inf = new Inflater(src, 2), data = inf.run(), p = inf.p;
  if (p + 4 > src.length) throw eof();
  if ((((src[p] << 24) | (src[p + 1] << 16) | (src[p + 2] << 8) | src[p + 3]) >>> 0) !== adler32(data)) throw bad('incorrect data check');
  return concat([data]);
}
function unzipBytes(src) { return src.length >= 2 && src[0] === 0x1f && src[1] === 0x8b ? gunzipBytes(src) : inflateBytes(src); }

// ---- compression: stored blocks ------------------------------------------------------------------
function storedBlocks(data) {
  var blocks = Math.max(1, Math.ceil(data.length / 65535)), out = new Uint8Array(blocks * 5 + data.length), p = 0;
  for (var b = 0; b < blocks; b++) {
    var chunk = data.subarray(b * 65535, Math.min((b + 1) * 65535, data.length));
    out[p++] = b === blocks - 1 ? 1 : 0;
    out[p++] = chunk.length & 255; out[p++] = chunk.length >>> 8;
    out[p++] = ~chunk.length & 255; out[p++] = (~chunk.length >>> 8) & 255;
    out.set(chunk, p); p += chunk.length;
  }
  return out;
}
function deflateRawBytes(data) { return concat([storedBlocks(data)]); }
function deflateBytes(data) {
  var a = adler32(data);
  return concat([new Uint8Array([0x78, 0x01]), storedBlocks(data), new Uint8Array([a >>> 24, (a >>> 16) & 255, (a >>> 8) & 255, a & 255])]);
}
function gzipBytes(data) {
  var c = crc32(data), n = data.length >>> 0;
  return concat([new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]), storedBlocks(data), new Uint8Array([c & 255, (c >>> 8) & 255, (c >>> 16) & 255, c >>> 24, n & 255, (n >>> 8) & 255, (n >>> 16) & 255, n >>> 24])]);
}

function syncForm(fn) { return function (buffer, options) { return fn(toBytes(buffer)); }; }
function callbackForm(fn) {
  return function (buffer, options, callback) {
    if (typeof options === 'function') callback = options;
    if (typeof callback !== 'function') { var e = new TypeError('The "callback" argument must be of type function. Received ' + typeof callback); e.code = 'ERR_INVALID_ARG_TYPE'; throw e; }
    var bytes = toBytes(buffer);
    timers.setImmediate(function () {
      var result, error = null;
      try { result = fn(bytes); } catch (err) { error = err; }
      if (error) callback(error); else callback(null, result);
    });
  };
}
var forms = { gunzip: gunzipBytes, inflate: inflateBytes, inflateRaw: inflateRawBytes, unzip: unzipBytes, gzip: gzipBytes, deflate: deflateBytes, deflateRaw: deflateRawBytes };
for (var name in forms) { exports[name + 'Sync'] = syncForm(forms[name]); exports[name] = callbackForm(forms[name]); }
exports.crc32 = function (data, value) { return crc32(typeof data === 'string' ? Buf.from(data) : toBytes(data), value); };
exports.constants = { Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4, Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3, Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_NO_COMPRESSION: 0, Z_BEST_SPEED: 1, Z_BEST_COMPRESSION: 9, Z_DEFAULT_COMPRESSION: -1 };
`;
