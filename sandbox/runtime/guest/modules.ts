/**
 * Guest sources of the Node.js built-ins the simulator provides, compiled lazily (on first
 * `require` or first use by the runtime) so a cold start only pays for what a handler uses.
 * Each is the body of `function (exports, require, module, INTERNAL)`.
 *
 * They aim at "faithful enough" for handler code: the common API surface with Node's output formats
 * (util.inspect for common values, fs error codes and messages), not the whole of Node.
 * No backticks in these sources (they sit inside String.raw).
 */

const INSPECT = String.raw`
var nodeStack = INTERNAL.nodeStack, isNativeError = INTERNAL.isNativeError;
var JSONstringify = JSON.stringify, keys = Object.keys, objToString = Object.prototype.toString;
var identRe = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
function quote(s) {
  var q = s.indexOf("'") === -1 ? "'" : s.indexOf('"') === -1 ? '"' : "'";
  var out = '';
  for (var i = 0; i < s.length; i++) {
    var c = s[i], code = s.charCodeAt(i);
    if (c === q || c === '\\') out += '\\' + c;
    else if (c === '\n') out += '\\n';
    else if (c === '\t') out += '\\t';
    else if (c === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += '\\x' + (code < 16 ? '0' : '') + code.toString(16).toUpperCase();
    else out += c;
  }
  return q + out + q;
}
function fnName(f) { try { return f.name || ''; } catch (e) { return ''; } }
function ctorName(o) {
  try {
    var p = Object.getPrototypeOf(o);
    if (p === null) return null;
    var c = p.constructor;
    return c && typeof c.name === 'string' ? c.name : '';
  } catch (e) { return ''; }
}
function formatKey(k) {
  if (typeof k === 'symbol') return '[' + k.toString() + ']';
  return identRe.test(k) ? k : quote(k);
}
function formatNumber(n) { return n === 0 && 1 / n < 0 ? '-0' : String(n); }
function formatPrimitive(v) {
  switch (typeof v) {
    case 'string': return null;
    case 'number': return formatNumber(v);
    case 'bigint': return v + 'n';
    case 'boolean': return String(v);
    case 'undefined': return 'undefined';
    case 'symbol': return v.toString();
  }
  return v === null ? 'null' : undefined;
}
function reduceToSingle(out, braces, base, breakLength, indent) {
  var start = braces[0], end = braces[1];
  if (out.length === 0) return start + (base ? ' ' + base : '') + (start.slice(-1) === '{' || start.slice(-1) === '[' ? '' : '') + end.replace(/^\s*/, '');
  var totalLength = out.length + start.length;
  for (var i = 0; i < out.length; i++) totalLength += out[i].length;
  var single = true;
  for (var j = 0; j < out.length; j++) if (out[j].indexOf('\n') !== -1) { single = false; break; }
  if (single && totalLength + indent.length <= breakLength) {
    return start + ' ' + (base ? base + ' ' : '') + out.join(', ') + ' ' + end;
  }
  var ind = indent + '  ';
  return start + (base ? ' ' + base : '') + '\n' + ind + out.join(',\n' + ind) + '\n' + indent + end;
}
function groupArray(out, indent, breakLength) {
  // Node groups long arrays of short items into columns; approximate: 16 items max per row when short.
  if (out.length <= 6) return out;
  var maxLen = 0;
  for (var i = 0; i < out.length; i++) { if (out[i].indexOf('\n') !== -1) return out; if (out[i].length > maxLen) maxLen = out[i].length; }
  if (maxLen > 6) return out;
  var perRow = Math.min(Math.max(1, Math.floor((breakLength - indent.length) / (maxLen + 2))), 16, Math.round(Math.sqrt(2.5 * (maxLen + 2) * out.length) / (maxLen + 2)));
  if (perRow <= 1) return out;
  var rows = [];
  for (var r = 0; r < out.length; r += perRow) {
    var row = [];
    for (var c = r; c < Math.min(r + perRow, out.length); c++) {
      var s = out[c];
      row.push(c === Math.min(r + perRow, out.length) - 1 ? s : (s + ',' + ' '.repeat(maxLen - s.length)).slice(0, maxLen + 1));
    }
    rows.push(row.join(' '));
  }
  return rows;
}
function inspectValue(v, ctx, depth, indent) {
  var p = formatPrimitive(v);
  if (p !== undefined && p !== null) return p;
  if (typeof v === 'string') return depth === 0 && ctx.top ? v : quote(v);
  if (typeof v === 'function') {
    var n = fnName(v), kind = 'Function';
    try { var cn = v.constructor && v.constructor.name; if (cn === 'AsyncFunction' || cn === 'GeneratorFunction' || cn === 'AsyncGeneratorFunction') kind = cn; } catch (e) { }
    try { if (/^class[\s{]/.test(Function.prototype.toString.call(v))) return '[class ' + (n || '(anonymous)') + ']'; } catch (e) { }
    var fk = keys(v);
    var base = '[' + kind + (n ? ': ' + n : ' (anonymous)') + ']';
    if (fk.length === 0 || depth > ctx.depth) return base;
    return inspectObjectBody(v, ctx, depth, indent, base, fk);
  }
  if (ctx.seen.indexOf(v) !== -1) return '[Circular *1]';
  if (isNativeError(v)) {
    var st;
    try { st = nodeStack(v); } catch (e) { st = '[' + String(v) + ']'; }
    var ek = keys(v).filter(function (k) { return k !== 'stack' && k !== 'message'; });
    if (ek.length && depth <= ctx.depth) {
      ctx.seen.push(v);
      var eo = ek.map(function (k) { return formatKey(k) + ': ' + inspectValue(v[k], ctx, depth + 1, indent + '  '); });
      ctx.seen.pop();
      return st + ' ' + reduceToSingle(eo, ['{', '}'], '', ctx.breakLength, indent);
    }
    return depth > 0 ? '[' + st.split('\n').join('\n' + indent) + ']' : st;
  }
  var tag = objToString.call(v);
  if (v instanceof Date) { var t = v.getTime(); return t !== t ? 'Invalid Date' : v.toISOString(); }
  if (v instanceof RegExp) return String(v);
  if (depth > ctx.depth) {
    if (Array.isArray(v)) return '[Array]';
    var cn2 = ctorName(v);
    return '[' + (cn2 === null ? 'Object: null prototype' : cn2 || 'Object') + ']';
  }
  ctx.seen.push(v);
  try {
    var out = [], ind2 = indent + '  ';
    if (Array.isArray(v)) {
      var holes = 0, shown = Math.min(v.length, ctx.maxArrayLength);
      for (var i = 0; i < shown; i++) {
        if (!Object.prototype.hasOwnProperty.call(v, i)) { holes++; continue; }
        if (holes) { out.push('<' + holes + ' empty item' + (holes > 1 ? 's' : '') + '>'); holes = 0; }
        out.push(inspectValue(v[i], ctx, depth + 1, ind2));
      }
      if (holes) out.push('<' + holes + ' empty item' + (holes > 1 ? 's' : '') + '>');
      if (v.length > shown) out.push('... ' + (v.length - shown) + ' more item' + (v.length - shown > 1 ? 's' : ''));
      var extra = keys(v).filter(function (k) { return !(String(k >>> 0) === k && (k >>> 0) < 4294967295); });
      for (var x = 0; x < extra.length; x++) out.push(formatKey(extra[x]) + ': ' + inspectValue(v[extra[x]], ctx, depth + 1, ind2));
      var an = ctorName(v);
      var pre = an && an !== 'Array' ? an + '(' + v.length + ') ' : '';
      return pre + reduceToSingle(groupArray(out, indent, ctx.breakLength), ['[', ']'], '', ctx.breakLength, indent);
    }
    if (v instanceof Map) {
      v.forEach(function (val, k) { out.push(inspectValue(k, ctx, depth + 1, ind2) + ' => ' + inspectValue(val, ctx, depth + 1, ind2)); });
      return reduceToSingle(out, ['Map(' + v.size + ') {', '}'], '', ctx.breakLength, indent);
    }
    if (v instanceof Set) {
      v.forEach(function (val) { out.push(inspectValue(val, ctx, depth + 1, ind2)); });
      return reduceToSingle(out, ['Set(' + v.size + ') {', '}'], '', ctx.breakLength, indent);
    }
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
      var tn = ctorName(v) || 'TypedArray';
      var n2 = Math.min(v.length, tn === 'Buffer' ? 50 : ctx.maxArrayLength);
      if (tn === 'Buffer') {
        var hex = [];
        for (var b = 0; b < n2; b++) hex.push((v[b] < 16 ? '0' : '') + v[b].toString(16));
        return '<Buffer' + (hex.length ? ' ' + hex.join(' ') : '') + (v.length > n2 ? ' ... ' + (v.length - n2) + ' more byte' + (v.length - n2 > 1 ? 's' : '') : '') + '>';
      }
      for (var q = 0; q < n2; q++) out.push(typeof v[q] === 'bigint' ? v[q] + 'n' : formatNumber(v[q]));
      if (v.length > n2) out.push('... ' + (v.length - n2) + ' more items');
      return tn + '(' + v.length + ') ' + reduceToSingle(groupArray(out, indent, ctx.breakLength), ['[', ']'], '', ctx.breakLength, indent);
    }
    if (v instanceof ArrayBuffer) return 'ArrayBuffer { byteLength: ' + v.byteLength + ' }';
    if (v instanceof Promise) return 'Promise { <unknown> }';
    if (v instanceof WeakMap) return 'WeakMap { <items unknown> }';
    if (v instanceof WeakSet) return 'WeakSet { <items unknown> }';
    if (typeof v === 'object' && v !== null && (tag === '[object Number]' || tag === '[object String]' || tag === '[object Boolean]')) {
      return '[' + tag.slice(8, -1) + ': ' + inspectValue(v.valueOf(), { top: false, seen: [], depth: 0, breakLength: 80, maxArrayLength: 100 }, 1, '') + ']';
    }
    var cn3 = ctorName(v), prefix = '';
    if (cn3 === null) prefix = '[Object: null prototype]';
    else if (cn3 && cn3 !== 'Object') prefix = cn3;
    var st2 = '';
    try { var tg = v[Symbol.toStringTag]; if (typeof tg === 'string' && tg && tg !== cn3) st2 = ' [' + tg + ']'; } catch (e) { }
    return inspectObjectBody(v, ctx, depth, indent, prefix + st2, null);
  } finally {
    ctx.seen.pop();
  }
}
function inspectObjectBody(v, ctx, depth, indent, base, ks) {
  var out = [], ind2 = indent + '  ';
  var own = ks || keys(v);
  var syms = Object.getOwnPropertySymbols(v).filter(function (s) { try { return Object.getOwnPropertyDescriptor(v, s).enumerable; } catch (e) { return false; } });
  var all = own.concat(syms);
  if (typeof v === 'function') ctx.seen.push(v);
  try {
    for (var i = 0; i < all.length; i++) {
      var k = all[i], desc;
      try { desc = Object.getOwnPropertyDescriptor(v, k); } catch (e) { desc = undefined; }
      var s;
      if (desc && (desc.get || desc.set)) s = desc.get && desc.set ? '[Getter/Setter]' : desc.get ? '[Getter]' : '[Setter]';
      else {
        var val;
        try { val = desc ? desc.value : v[k]; } catch (e) { val = undefined; }
        s = inspectValue(val, ctx, depth + 1, ind2);
      }
      out.push(formatKey(k) + ': ' + s);
    }
  } finally { if (typeof v === 'function') ctx.seen.pop(); }
  if (base && out.length === 0) return base === '[Object: null prototype]' ? base + ' {}' : base + ' {}';
  return reduceToSingle(out, [base ? base + ' {' : '{', '}'], '', ctx.breakLength, indent);
}
function inspect(v, opts) {
  var o = opts && typeof opts === 'object' ? opts : {};
  var depth = o.depth === null ? Infinity : typeof o.depth === 'number' ? o.depth : 2;
  return inspectValue(v, { top: false, seen: [], depth: depth, breakLength: typeof o.breakLength === 'number' ? o.breakLength : 80, maxArrayLength: typeof o.maxArrayLength === 'number' ? o.maxArrayLength : 100 }, 0, '');
}
inspect.custom = Symbol.for('nodejs.util.inspect.custom');
inspect.defaultOptions = { depth: 2 };
function formatValue(v) {
  if (typeof v === 'string') return v;
  return inspect(v);
}
// util.format (Node lib/internal/util/inspect.js formatWithOptions)
function format(args) {
  var first = args[0], a = 1, str = '';
  if (typeof first === 'string') {
    if (args.length === 1) return first;
    var last = 0;
    for (var i = 0; i < first.length - 1; i++) {
      if (first.charCodeAt(i) !== 37) continue; // '%'
      var c = first[i + 1], rep = null;
      if (a < args.length) {
        var arg = args[a];
        switch (c) {
          case 's':
            if (typeof arg === 'number') rep = formatNumber(arg);
            else if (typeof arg === 'bigint') rep = arg + 'n';
            else if (typeof arg !== 'object' || arg === null) rep = String(arg);
            else if (isNativeError(arg)) rep = nodeStack(arg);
            else rep = inspect(arg, { depth: 0 });
            break;
          case 'j':
            try { rep = JSONstringify(arg); if (rep === undefined) rep = 'undefined'; } catch (e) { rep = '[Circular]'; }
            break;
          case 'd':
            rep = typeof arg === 'bigint' ? arg + 'n' : typeof arg === 'symbol' ? 'NaN' : formatNumber(Number(arg));
            break;
          case 'i':
            rep = typeof arg === 'bigint' ? arg + 'n' : typeof arg === 'symbol' ? 'NaN' : formatNumber(parseInt(arg));
            break;
          case 'f':
            rep = typeof arg === 'symbol' ? 'NaN' : formatNumber(parseFloat(arg));
            break;
          case 'o': rep = inspect(arg, { depth: 4 }); break;
          case 'O': rep = inspect(arg); break;
          case 'c': rep = ''; break;
          case '%': str += first.slice(last, i) + '%'; last = i + 2; i++; continue;
          default: continue;
        }
        if (last !== i) str += first.slice(last, i);
        str += rep;
        last = i + 2;
        i++;
        a++;
      } else if (c === '%') {
        str += first.slice(last, i) + '%';
        last = i + 2;
        i++;
      }
    }
    if (last !== 0) { if (last < first.length) str += first.slice(last); }
    else str = first;
  } else {
    a = 0;
  }
  while (a < args.length) {
    var v = args[a];
    str += (a > 0 || typeof first === 'string' ? ' ' : '') + formatValue(v);
    a++;
  }
  return str;
}
function jsonReplacer(k, v) { return typeof v === 'bigint' ? v.toString() : v; }
function structuredClone(value) {
  var seen = new Map();
  function dataCloneError(what) { var e = new Error(what + ' could not be cloned.'); e.name = 'DataCloneError'; e.code = 25; return e; }
  function clone(v) {
    if (typeof v === 'function') throw dataCloneError(String(v).slice(0, 60));
    if (typeof v === 'symbol') throw dataCloneError(v.toString());
    if (v === null || typeof v !== 'object') return v;
    if (seen.has(v)) return seen.get(v);
    var out;
    if (Array.isArray(v)) { out = new Array(v.length); seen.set(v, out); for (var i = 0; i < v.length; i++) if (i in v) out[i] = clone(v[i]); return out; }
    if (v instanceof Date) return new Date(v.getTime());
    if (v instanceof RegExp) return new RegExp(v.source, v.flags);
    if (v instanceof Map) { out = new Map(); seen.set(v, out); v.forEach(function (x, k) { out.set(clone(k), clone(x)); }); return out; }
    if (v instanceof Set) { out = new Set(); seen.set(v, out); v.forEach(function (x) { out.add(clone(x)); }); return out; }
    if (v instanceof ArrayBuffer) return v.slice(0);
    if (ArrayBuffer.isView(v)) { var C = v.constructor === undefined || ctorName(v) === 'Buffer' ? Uint8Array : v.constructor; return new C(v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength)); }
    if (isNativeError(v)) { var e = new Error(v.message); e.name = v.name; e.stack = v.stack; return e; }
    if (v instanceof Promise || v instanceof WeakMap || v instanceof WeakSet) throw dataCloneError('#<' + ctorName(v) + '>');
    out = {};
    seen.set(v, out);
    var ks = keys(v);
    for (var j = 0; j < ks.length; j++) out[ks[j]] = clone(v[ks[j]]);
    return out;
  }
  if (arguments.length === 0) throw new TypeError("Failed to execute 'structuredClone': 1 argument required, but only 0 present.");
  return clone(value);
}
exports.inspect = inspect;
exports.format = format;
exports.jsonReplacer = jsonReplacer;
exports.structuredClone = structuredClone;
`;

const UTIL = String.raw`
var I = INTERNAL.lib('inspect');
var custom = Symbol.for('nodejs.util.promisify.custom');
function promisify(fn) {
  if (typeof fn !== 'function') { var e = new TypeError('The "original" argument must be of type function'); e.code = 'ERR_INVALID_ARG_TYPE'; throw e; }
  if (fn[custom]) return fn[custom];
  function p() {
    var args = Array.prototype.slice.call(arguments), self = this;
    return new Promise(function (resolve, reject) {
      args.push(function (err, value) { if (err) reject(err); else resolve(value); });
      Reflect.apply(fn, self, args);
    });
  }
  Object.setPrototypeOf(p, Object.getPrototypeOf(fn));
  Object.defineProperty(p, custom, { value: p });
  return p;
}
promisify.custom = custom;
function callbackify(fn) {
  return function () {
    var args = Array.prototype.slice.call(arguments), cb = args.pop(), self = this;
    Reflect.apply(fn, self, args).then(function (v) { INTERNAL.processObj.nextTick(cb, null, v); }, function (e) { INTERNAL.processObj.nextTick(cb, e || new Error('Promise was rejected with a falsy value')); });
  };
}
function inherits(ctor, superCtor) {
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}
function deprecate(fn, msg) {
  var warned = false;
  return function () {
    if (!warned) { warned = true; INTERNAL.processObj.emitWarning({ name: 'DeprecationWarning', message: msg }); }
    return Reflect.apply(fn, this, arguments);
  };
}
function isDeepStrictEqual(a, b) {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof Map || a instanceof Set) {
    if (a.size !== b.size) return false;
    var ok = true;
    a.forEach(function (v, k) { if (!b.has(k) || (a instanceof Map && !isDeepStrictEqual(v, b.get(k)))) ok = false; });
    return ok;
  }
  var ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (var i = 0; i < ka.length; i++) if (!Object.prototype.hasOwnProperty.call(b, ka[i]) || !isDeepStrictEqual(a[ka[i]], b[ka[i]])) return false;
  return true;
}
var types = {
  isPromise: function (v) { return v instanceof Promise; },
  isDate: function (v) { return v instanceof Date; },
  isRegExp: function (v) { return v instanceof RegExp; },
  isNativeError: INTERNAL.isNativeError,
  isMap: function (v) { return v instanceof Map; },
  isSet: function (v) { return v instanceof Set; },
  isAsyncFunction: function (v) { return typeof v === 'function' && v.constructor && v.constructor.name === 'AsyncFunction'; },
  isUint8Array: function (v) { return v instanceof Uint8Array; },
  isArrayBuffer: function (v) { return v instanceof ArrayBuffer; },
  isTypedArray: function (v) { return ArrayBuffer.isView(v) && !(v instanceof DataView); }
};
exports.format = function () { return I.format(Array.prototype.slice.call(arguments)); };
exports.formatWithOptions = function (o) { return I.format(Array.prototype.slice.call(arguments, 1)); };
exports.inspect = I.inspect;
exports.promisify = promisify;
exports.callbackify = callbackify;
exports.inherits = inherits;
exports.deprecate = deprecate;
exports.isDeepStrictEqual = isDeepStrictEqual;
exports.types = types;
exports.isArray = Array.isArray;
exports.TextEncoder = INTERNAL.lib('buffer').TextEncoder;
exports.TextDecoder = INTERNAL.lib('buffer').TextDecoder;
`;

const PATH = String.raw`
function assertPath(p) { if (typeof p !== 'string') { var e = new TypeError('The "path" argument must be of type string. Received ' + (p === null ? 'null' : typeof p)); e.code = 'ERR_INVALID_ARG_TYPE'; throw e; } }
function normalizeArray(parts, allowAbove) {
  var res = [];
  for (var i = 0; i < parts.length; i++) {
    var p = parts[i];
    if (!p || p === '.') continue;
    if (p === '..') { if (res.length && res[res.length - 1] !== '..') res.pop(); else if (allowAbove) res.push('..'); }
    else res.push(p);
  }
  return res;
}
function normalize(p) {
  assertPath(p);
  if (p === '') return '.';
  var abs = p[0] === '/', trailing = p[p.length - 1] === '/';
  var out = normalizeArray(p.split('/'), !abs).join('/');
  if (!out && !abs) out = '.';
  if (out && trailing) out += '/';
  return (abs ? '/' : '') + out;
}
function join() {
  var parts = [];
  for (var i = 0; i < arguments.length; i++) { assertPath(arguments[i]); if (arguments[i]) parts.push(arguments[i]); }
  return parts.length ? normalize(parts.join('/')) : '.';
}
function resolve() {
  var resolved = '', abs = false;
  for (var i = arguments.length - 1; i >= -1 && !abs; i--) {
    var p = i >= 0 ? arguments[i] : '/var/task';
    assertPath(p);
    if (!p) continue;
    resolved = p + '/' + resolved;
    abs = p[0] === '/';
  }
  var out = normalizeArray(resolved.split('/'), !abs).join('/');
  return (abs ? '/' : '') + out || '.';
}
function isAbsolute(p) { assertPath(p); return p.length > 0 && p[0] === '/'; }
function dirname(p) {
  assertPath(p);
  if (!p) return '.';
  var end = p.length - 1;
  while (end > 0 && p[end] === '/') end--;
  var i = p.lastIndexOf('/', end);
  if (i === -1) return '.';
  if (i === 0) return '/';
  var d = p.slice(0, i);
  while (d.length > 1 && d[d.length - 1] === '/') d = d.slice(0, -1);
  return d;
}
function basename(p, ext) {
  assertPath(p);
  var end = p.length;
  while (end > 1 && p[end - 1] === '/') end--;
  p = p.slice(0, end);
  var b = p.slice(p.lastIndexOf('/') + 1);
  if (ext !== undefined && b !== ext && b.slice(-ext.length) === ext) b = b.slice(0, -ext.length);
  return b;
}
function extname(p) {
  var b = basename(p), i = b.lastIndexOf('.');
  return i <= 0 ? '' : b.slice(i);
}
function relative(from, to) {
  from = resolve(from); to = resolve(to);
  if (from === to) return '';
  var f = from.split('/').filter(Boolean), t = to.split('/').filter(Boolean), i = 0;
  while (i < f.length && i < t.length && f[i] === t[i]) i++;
  var up = [];
  for (var j = i; j < f.length; j++) up.push('..');
  return up.concat(t.slice(i)).join('/');
}
function parse(p) {
  assertPath(p);
  var root = p[0] === '/' ? '/' : '', base = basename(p), ext = extname(p), dir = dirname(p);
  if (dir === '.' && p.indexOf('/') === -1) dir = '';
  return { root: root, dir: dir, base: base, ext: ext, name: ext ? base.slice(0, -ext.length) : base };
}
function format(o) {
  var dir = o.dir || o.root || '', base = o.base || ((o.name || '') + (o.ext || ''));
  if (!dir) return base;
  return dir === o.root ? dir + base : dir + '/' + base;
}
exports.sep = '/';
exports.delimiter = ':';
exports.normalize = normalize; exports.join = join; exports.resolve = resolve; exports.isAbsolute = isAbsolute;
exports.dirname = dirname; exports.basename = basename; exports.extname = extname; exports.relative = relative;
exports.parse = parse; exports.format = format;
exports.toNamespacedPath = function (p) { return p; };
exports.posix = exports;
`;

const EVENTS = String.raw`
function EventEmitter(opts) { EventEmitter.init.call(this, opts); }
EventEmitter.defaultMaxListeners = 10;
EventEmitter.init = function () {
  if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) { this._events = Object.create(null); this._eventsCount = 0; }
  this._maxListeners = this._maxListeners || undefined;
};
EventEmitter.prototype._events = undefined;
EventEmitter.prototype._maxListeners = undefined;
function add(self, type, listener, prepend) {
  if (typeof listener !== 'function') { var e = new TypeError('The "listener" argument must be of type function. Received ' + (listener === null ? 'null' : typeof listener)); e.code = 'ERR_INVALID_ARG_TYPE'; throw e; }
  if (self._events === undefined) EventEmitter.init.call(self);
  if (self._events.newListener !== undefined) self.emit('newListener', type, listener.listener ? listener.listener : listener);
  var list = self._events[type];
  if (list === undefined) { self._events[type] = [listener]; self._eventsCount++; }
  else if (prepend) list.unshift(listener); else list.push(listener);
  return self;
}
EventEmitter.prototype.setMaxListeners = function (n) { this._maxListeners = n; return this; };
EventEmitter.prototype.getMaxListeners = function () { return this._maxListeners === undefined ? EventEmitter.defaultMaxListeners : this._maxListeners; };
EventEmitter.prototype.emit = function (type) {
  var args = Array.prototype.slice.call(arguments, 1);
  var events = this._events;
  var list = events !== undefined ? events[type] : undefined;
  if (type === 'error' && list === undefined) {
    var er = args[0];
    if (er instanceof Error) throw er;
    var err = new Error('Unhandled error.' + (er === undefined ? '' : ' (' + INTERNAL.lib('inspect').inspect(er) + ')'));
    err.code = 'ERR_UNHANDLED_ERROR'; err.context = er;
    throw err;
  }
  if (list === undefined) return false;
  var copy = list.slice();
  for (var i = 0; i < copy.length; i++) Reflect.apply(copy[i], this, args);
  return true;
};
EventEmitter.prototype.on = EventEmitter.prototype.addListener = function (t, l) { return add(this, t, l, false); };
EventEmitter.prototype.prependListener = function (t, l) { return add(this, t, l, true); };
function onceWrapper(self, type, listener) {
  var fired = false;
  function w() { if (fired) return; fired = true; self.removeListener(type, w); return Reflect.apply(listener, self, arguments); }
  w.listener = listener;
  return w;
}
EventEmitter.prototype.once = function (t, l) { if (typeof l !== 'function') return add(this, t, l, false); return add(this, t, onceWrapper(this, t, l), false); };
EventEmitter.prototype.prependOnceListener = function (t, l) { return add(this, t, onceWrapper(this, t, l), true); };
EventEmitter.prototype.off = EventEmitter.prototype.removeListener = function (type, listener) {
  var events = this._events;
  if (events === undefined) return this;
  var list = events[type];
  if (list === undefined) return this;
  for (var i = list.length - 1; i >= 0; i--) {
    if (list[i] === listener || list[i].listener === listener) {
      list.splice(i, 1);
      if (list.length === 0) { delete events[type]; this._eventsCount--; }
      if (events.removeListener !== undefined) this.emit('removeListener', type, listener);
      break;
    }
  }
  return this;
};
EventEmitter.prototype.removeAllListeners = function (type) {
  if (this._events === undefined) return this;
  if (type === undefined) { this._events = Object.create(null); this._eventsCount = 0; }
  else if (this._events[type] !== undefined) { delete this._events[type]; this._eventsCount--; }
  return this;
};
EventEmitter.prototype.listeners = function (t) { var l = this._events && this._events[t]; return l ? l.map(function (x) { return x.listener || x; }) : []; };
EventEmitter.prototype.rawListeners = function (t) { var l = this._events && this._events[t]; return l ? l.slice() : []; };
EventEmitter.prototype.listenerCount = function (t) { var l = this._events && this._events[t]; return l ? l.length : 0; };
EventEmitter.prototype.eventNames = function () { return this._events ? Reflect.ownKeys(this._events) : []; };
EventEmitter.listenerCount = function (em, t) { return em.listenerCount(t); };
EventEmitter.once = function (em, name) {
  return new Promise(function (resolve, reject) {
    function onError(err) { em.removeListener(name, onEvent); reject(err); }
    function onEvent() { if (name !== 'error') em.removeListener('error', onError); resolve(Array.prototype.slice.call(arguments)); }
    em.once(name, onEvent);
    if (name !== 'error') em.once('error', onError);
  });
};
EventEmitter.EventEmitter = EventEmitter;
EventEmitter.errorMonitor = Symbol('events.errorMonitor');
function Event(type, init) { this.type = String(type); this.defaultPrevented = false; this.cancelable = !!(init && init.cancelable); this.timeStamp = INTERNAL.H.mono(); }
Event.prototype.preventDefault = function () { if (this.cancelable) this.defaultPrevented = true; };
Event.prototype.stopPropagation = function () { };
Event.prototype.stopImmediatePropagation = function () { this._stop = true; };
function EventTarget() { this._l = Object.create(null); }
EventTarget.prototype.addEventListener = function (t, l, o) { (this._l[t] = this._l[t] || []).push({ l: l, once: !!(o && o.once) }); };
EventTarget.prototype.removeEventListener = function (t, l) { var a = this._l[t]; if (a) this._l[t] = a.filter(function (x) { return x.l !== l; }); };
EventTarget.prototype.dispatchEvent = function (ev) {
  var a = (this._l[ev.type] || []).slice();
  ev.target = this;
  for (var i = 0; i < a.length; i++) { if (a[i].once) this.removeEventListener(ev.type, a[i].l); if (typeof a[i].l === 'function') a[i].l.call(this, ev); else a[i].l.handleEvent(ev); if (ev._stop) break; }
  var h = this['on' + ev.type]; if (typeof h === 'function') h.call(this, ev);
  return !ev.defaultPrevented;
};
function AbortSignal() { EventTarget.call(this); this.aborted = false; this.reason = undefined; this.onabort = null; }
AbortSignal.prototype = Object.create(EventTarget.prototype);
AbortSignal.prototype.constructor = AbortSignal;
AbortSignal.prototype.throwIfAborted = function () { if (this.aborted) throw this.reason; };
function abortError() { var e = new Error('This operation was aborted'); e.name = 'AbortError'; e.code = 20; return e; }
function doAbort(s, reason) { if (s.aborted) return; s.aborted = true; s.reason = reason === undefined ? abortError() : reason; s.dispatchEvent(new Event('abort')); }
AbortSignal.abort = function (r) { var s = new AbortSignal(); doAbort(s, r); return s; };
AbortSignal.timeout = function (ms) { var s = new AbortSignal(); INTERNAL.setTimeout(function () { var e = new Error('The operation was aborted due to timeout'); e.name = 'TimeoutError'; e.code = 23; doAbort(s, e); }, ms).unref(); return s; };
function AbortController() { this.signal = new AbortSignal(); }
AbortController.prototype.abort = function (r) { doAbort(this.signal, r); };
EventEmitter.Event = Event; EventEmitter.EventTarget = EventTarget; EventEmitter.AbortController = AbortController; EventEmitter.AbortSignal = AbortSignal;
module.exports = EventEmitter;
`;

const BUFFER = String.raw`
var B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
var B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
var B64REV = new Int16Array(256).fill(-1);
for (var i = 0; i < 64; i++) { B64REV[B64.charCodeAt(i)] = i; B64REV[B64URL.charCodeAt(i)] = i; }
function utf8Encode(s) {
  var out = new Uint8Array(s.length * 3), n = 0;
  for (var i = 0; i < s.length; i++) {
    var c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      var d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00); i++; } else c = 0xfffd;
    } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out[n++] = c;
    else if (c < 0x800) { out[n++] = 0xc0 | (c >> 6); out[n++] = 0x80 | (c & 63); }
    else if (c < 0x10000) { out[n++] = 0xe0 | (c >> 12); out[n++] = 0x80 | ((c >> 6) & 63); out[n++] = 0x80 | (c & 63); }
    else { out[n++] = 0xf0 | (c >> 18); out[n++] = 0x80 | ((c >> 12) & 63); out[n++] = 0x80 | ((c >> 6) & 63); out[n++] = 0x80 | (c & 63); }
  }
  return out.subarray(0, n);
}
function utf8Decode(b, start, end) {
  var s = '', chunk = [];
  for (var i = start; i < end;) {
    var c = b[i], cp = 0xfffd, need = 0;
    if (c < 0x80) { cp = c; need = 0; }
    else if (c >= 0xc2 && c < 0xe0) { need = 1; cp = c & 31; }
    else if (c >= 0xe0 && c < 0xf0) { need = 2; cp = c & 15; }
    else if (c >= 0xf0 && c < 0xf5) { need = 3; cp = c & 7; }
    else { i++; chunk.push(0xfffd); continue; }
    if (i + need >= end + (need ? 0 : 1) && need) { chunk.push(0xfffd); i++; continue; }
    var ok = true;
    for (var k = 1; k <= need; k++) { var x = b[i + k]; if ((x & 0xc0) !== 0x80) { ok = false; break; } cp = (cp << 6) | (x & 63); }
    if (!ok) { chunk.push(0xfffd); i++; continue; }
    i += need + 1;
    if (cp >= 0x10000) { cp -= 0x10000; chunk.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 1023)); } else chunk.push(cp);
    if (chunk.length > 8000) { s += String.fromCharCode.apply(null, chunk); chunk = []; }
  }
  return s + String.fromCharCode.apply(null, chunk);
}
function b64Encode(b, url) {
  var T = url ? B64URL : B64, out = '', i = 0;
  for (; i + 2 < b.length; i += 3) { var n = (b[i] << 16) | (b[i + 1] << 8) | b[i + 2]; out += T[n >> 18] + T[(n >> 12) & 63] + T[(n >> 6) & 63] + T[n & 63]; }
  if (i < b.length) {
    var m = b[i] << 16 | (i + 1 < b.length ? b[i + 1] << 8 : 0);
    out += T[m >> 18] + T[(m >> 12) & 63] + (i + 1 < b.length ? T[(m >> 6) & 63] : (url ? '' : '=')) + (url ? '' : '=');
  }
  return out;
}
function b64Decode(s) {
  var out = new Uint8Array(Math.ceil(s.length * 3 / 4)), n = 0, acc = 0, bits = 0;
  for (var i = 0; i < s.length; i++) {
    var c = s.charCodeAt(i);
    if (c === 61) break;
    var v = c < 256 ? B64REV[c] : -1;
    if (v < 0) continue;
    acc = (acc << 6) | v; bits += 6;
    if (bits >= 8) { bits -= 8; out[n++] = (acc >> bits) & 255; }
  }
  return out.subarray(0, n);
}
function normEnc(e) {
  var x = e === undefined || e === null ? 'utf8' : String(e).toLowerCase();
  if (x === 'utf-8') return 'utf8';
  if (x === 'binary') return 'latin1';
  if (x === 'ucs2' || x === 'ucs-2' || x === 'utf16le' || x === 'utf-16le') return 'utf16le';
  if (x === 'utf8' || x === 'hex' || x === 'base64' || x === 'base64url' || x === 'latin1' || x === 'ascii') return x;
  var err = new TypeError('Unknown encoding: ' + e); err.code = 'ERR_UNKNOWN_ENCODING'; throw err;
}
function encode(s, enc) {
  enc = normEnc(enc);
  if (enc === 'utf8') return utf8Encode(s);
  if (enc === 'base64' || enc === 'base64url') return b64Decode(s);
  if (enc === 'hex') {
    var n = s.length >> 1, out = new Uint8Array(n), k = 0;
    for (var i = 0; i < n; i++) { var v = parseInt(s.substr(i * 2, 2), 16); if (v !== v) break; out[k++] = v; }
    return out.subarray(0, k);
  }
  if (enc === 'utf16le') { var u = new Uint8Array(s.length * 2); for (var j = 0; j < s.length; j++) { var c = s.charCodeAt(j); u[j * 2] = c & 255; u[j * 2 + 1] = c >> 8; } return u; }
  var l = new Uint8Array(s.length);
  for (var q = 0; q < s.length; q++) l[q] = s.charCodeAt(q) & 255;
  return l;
}
function decode(b, enc, start, end) {
  enc = normEnc(enc);
  if (enc === 'utf8') return utf8Decode(b, start, end);
  var sub = b.subarray(start, end);
  if (enc === 'base64') return b64Encode(sub, false);
  if (enc === 'base64url') return b64Encode(sub, true);
  var s = '', i;
  if (enc === 'hex') { for (i = 0; i < sub.length; i++) s += (sub[i] < 16 ? '0' : '') + sub[i].toString(16); return s; }
  if (enc === 'utf16le') { for (i = 0; i + 1 < sub.length; i += 2) s += String.fromCharCode(sub[i] | (sub[i + 1] << 8)); return s; }
  for (i = 0; i < sub.length; i++) s += String.fromCharCode(enc === 'ascii' ? sub[i] & 127 : sub[i]);
  return s;
}
class Buffer extends Uint8Array {
  static from(v, encOrOffset, length) {
    if (typeof v === 'string') { var e = encode(v, encOrOffset); return new Buffer(e.buffer, e.byteOffset, e.length); }
    if (v instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && v instanceof SharedArrayBuffer)) {
      var off = encOrOffset === undefined ? 0 : encOrOffset >>> 0;
      return new Buffer(v, off, length === undefined ? v.byteLength - off : length >>> 0);
    }
    if (ArrayBuffer.isView(v)) { var c = new Buffer(v.byteLength); c.set(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)); return c; }
    if (Array.isArray(v) || (v && typeof v.length === 'number')) { var a = new Buffer(v.length); for (var i = 0; i < v.length; i++) a[i] = v[i] & 255; return a; }
    if (v && v.type === 'Buffer' && Array.isArray(v.data)) return Buffer.from(v.data);
    var err = new TypeError('The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object. Received ' + (v === null ? 'null' : typeof v));
    err.code = 'ERR_INVALID_ARG_TYPE'; throw err;
  }
  static alloc(n, fill, enc) { var b = new Buffer(n); if (fill !== undefined && fill !== 0) b.fill(fill, 0, n, enc); return b; }
  static allocUnsafe(n) { return new Buffer(n); }
  static allocUnsafeSlow(n) { return new Buffer(n); }
  static isBuffer(b) { return b instanceof Buffer; }
  static isEncoding(e) { try { normEnc(e); return typeof e === 'string'; } catch (x) { return false; } }
  static byteLength(v, enc) { if (typeof v !== 'string') return v.byteLength; return encode(v, enc).length; }
  static concat(list, total) {
    if (total === undefined) { total = 0; for (var i = 0; i < list.length; i++) total += list[i].length; }
    var out = Buffer.alloc(total), pos = 0;
    for (var j = 0; j < list.length && pos < total; j++) { var b = list[j]; var n = Math.min(b.length, total - pos); out.set(n === b.length ? b : b.subarray(0, n), pos); pos += n; }
    return out;
  }
  static compare(a, b) { return a.compare(b); }
  get parent() { return this.buffer; }
  toString(enc, start, end) {
    start = start === undefined ? 0 : Math.max(0, start | 0);
    end = end === undefined ? this.length : Math.min(this.length, end | 0);
    if (end <= start) return '';
    return decode(this, enc, start, end);
  }
  toJSON() { return { type: 'Buffer', data: Array.prototype.slice.call(this) }; }
  equals(o) { if (this.length !== o.length) return false; for (var i = 0; i < this.length; i++) if (this[i] !== o[i]) return false; return true; }
  compare(o) { var n = Math.min(this.length, o.length); for (var i = 0; i < n; i++) { if (this[i] !== o[i]) return this[i] < o[i] ? -1 : 1; } return this.length === o.length ? 0 : this.length < o.length ? -1 : 1; }
  slice(s, e) { return this.subarray(s, e); }
  subarray(s, e) { var u = Uint8Array.prototype.subarray.call(this, s, e); return new Buffer(u.buffer, u.byteOffset, u.length); }
  write(str, offset, length, enc) {
    if (typeof offset === 'string') { enc = offset; offset = 0; length = undefined; }
    else if (typeof length === 'string') { enc = length; length = undefined; }
    offset = offset >>> 0;
    var b = encode(str, enc), n = Math.min(b.length, this.length - offset, length === undefined ? Infinity : length);
    this.set(b.subarray(0, n), offset);
    return n;
  }
  copy(target, tStart, sStart, sEnd) {
    tStart = tStart || 0; sStart = sStart || 0; sEnd = sEnd === undefined ? this.length : sEnd;
    var n = Math.min(sEnd - sStart, target.length - tStart);
    if (n <= 0) return 0;
    target.set(this.subarray(sStart, sStart + n), tStart);
    return n;
  }
  fill(v, start, end, enc) {
    if (typeof start === 'string') { enc = start; start = 0; end = this.length; }
    start = start === undefined ? 0 : start; end = end === undefined ? this.length : end;
    if (typeof v === 'string') {
      var b = encode(v, enc);
      if (b.length === 0) return Uint8Array.prototype.fill.call(this, 0, start, end);
      for (var i = start; i < end; i++) this[i] = b[(i - start) % b.length];
      return this;
    }
    return Uint8Array.prototype.fill.call(this, v, start, end);
  }
  indexOf(v, from, enc) {
    if (typeof v === 'number') return Uint8Array.prototype.indexOf.call(this, v, from);
    var n = typeof v === 'string' ? encode(v, enc) : v;
    from = from === undefined ? 0 : from < 0 ? Math.max(0, this.length + from) : from;
    outer: for (var i = from; i <= this.length - n.length; i++) { for (var j = 0; j < n.length; j++) if (this[i + j] !== n[j]) continue outer; return i; }
    return -1;
  }
  includes(v, from, enc) { return this.indexOf(v, from, enc) !== -1; }
  readUInt8(o) { return this[o || 0]; }
  readInt8(o) { var v = this[o || 0]; return v > 127 ? v - 256 : v; }
  readUInt16LE(o) { o = o || 0; return this[o] | (this[o + 1] << 8); }
  readUInt16BE(o) { o = o || 0; return (this[o] << 8) | this[o + 1]; }
  readUInt32LE(o) { o = o || 0; return (this[o] | (this[o + 1] << 8) | (this[o + 2] << 16)) + this[o + 3] * 0x1000000; }
  readUInt32BE(o) { o = o || 0; return this[o] * 0x1000000 + ((this[o + 1] << 16) | (this[o + 2] << 8) | this[o + 3]); }
  readInt32LE(o) { o = o || 0; return this[o] | (this[o + 1] << 8) | (this[o + 2] << 16) | (this[o + 3] << 24); }
  readInt32BE(o) { o = o || 0; return (this[o] << 24) | (this[o + 1] << 16) | (this[o + 2] << 8) | this[o + 3]; }
  writeUInt8(v, o) { o = o || 0; this[o] = v; return o + 1; }
  writeUInt16LE(v, o) { o = o || 0; this[o] = v; this[o + 1] = v >>> 8; return o + 2; }
  writeUInt16BE(v, o) { o = o || 0; this[o] = v >>> 8; this[o + 1] = v; return o + 2; }
  writeUInt32LE(v, o) { o = o || 0; this[o] = v; this[o + 1] = v >>> 8; this[o + 2] = v >>> 16; this[o + 3] = v >>> 24; return o + 4; }
  writeUInt32BE(v, o) { o = o || 0; this[o] = v >>> 24; this[o + 1] = v >>> 16; this[o + 2] = v >>> 8; this[o + 3] = v; return o + 4; }
  writeInt32LE(v, o) { return this.writeUInt32LE(v >>> 0, o); }
  writeInt32BE(v, o) { return this.writeUInt32BE(v >>> 0, o); }
}
Buffer.poolSize = 8192;
Buffer.prototype.readUint8 = Buffer.prototype.readUInt8;
Buffer.prototype.readUint16LE = Buffer.prototype.readUInt16LE;
Buffer.prototype.readUint32BE = Buffer.prototype.readUInt32BE;
Buffer.prototype.readUint32LE = Buffer.prototype.readUInt32LE;
function TextEncoder() { }
TextEncoder.prototype.encoding = 'utf-8';
TextEncoder.prototype.encode = function (s) { var e = utf8Encode(s === undefined ? '' : String(s)); return new Uint8Array(e); };
TextEncoder.prototype.encodeInto = function (s, dest) { var e = utf8Encode(String(s)); var n = Math.min(e.length, dest.length); dest.set(e.subarray(0, n)); return { read: s.length, written: n }; };
function TextDecoder(label, opts) {
  var l = label === undefined ? 'utf-8' : String(label).toLowerCase();
  if (l !== 'utf-8' && l !== 'utf8' && l !== 'unicode-1-1-utf-8') { var e = new RangeError('The "' + label + '" encoding is not supported'); e.code = 'ERR_ENCODING_NOT_SUPPORTED'; throw e; }
  this.encoding = 'utf-8'; this.fatal = !!(opts && opts.fatal); this.ignoreBOM = !!(opts && opts.ignoreBOM);
}
TextDecoder.prototype.decode = function (input) {
  if (input === undefined) return '';
  var b = input instanceof ArrayBuffer ? new Uint8Array(input) : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  var start = !this.ignoreBOM && b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  return utf8Decode(b, start, b.length);
};
function btoa(s) {
  s = String(s);
  for (var i = 0; i < s.length; i++) if (s.charCodeAt(i) > 255) { var e = new Error('Invalid character'); e.name = 'InvalidCharacterError'; e.code = 5; throw e; }
  return b64Encode(encode(s, 'latin1'), false);
}
function atob(s) {
  s = String(s).replace(/[\t\n\f\r ]/g, '');
  if (/[^A-Za-z0-9+/=]/.test(s) || s.length % 4 === 1) { var e = new Error('The string to be decoded is not correctly encoded.'); e.name = 'InvalidCharacterError'; e.code = 5; throw e; }
  return decode(b64Decode(s), 'latin1', 0, Math.floor(s.replace(/=+$/, '').length * 3 / 4));
}
exports.Buffer = Buffer;
exports.TextEncoder = TextEncoder;
exports.TextDecoder = TextDecoder;
exports.atob = atob;
exports.btoa = btoa;
exports.constants = { MAX_LENGTH: 4294967296, MAX_STRING_LENGTH: 536870888 };
exports.kMaxLength = 4294967296;
exports.utf8Encode = utf8Encode;
exports.utf8Decode = utf8Decode;
`;

/** Sources by module name. Names not listed here but known to Node fail with a clear message. */
export const GUEST_MODULES: Record<string, string> = {
  inspect: INSPECT,
  util: UTIL,
  path: PATH,
  events: EVENTS,
  buffer: BUFFER,
};
