/**
 * Guest sources of the Node.js built-ins the simulator provides, compiled lazily (on first
 * `require` or first use by the runtime) so a cold start only pays for what a handler uses.
 * Each is the body of `function (exports, require, module, INTERNAL)`.
 *
 * They aim at "faithful enough" for handler code: the common API surface with Node's output formats
 * (util.inspect for common values, fs error codes and messages), not the whole of Node.
 * No backticks in these sources (they sit inside String.raw).
 */

import { ZLIB } from "./zlib";

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
// Node's reduceToSingleString / isBelowBreakLength (lib/internal/util/inspect.js), compact = 3.
function reduceToSingle(out, braces, base, breakLength, indent, grouped) {
  var start = braces[0], end = braces[1];
  if (out.length === 0) return start + end.replace(/^\s*/, '');
  if (!grouped) {
    var total = out.length + (out.length + indent.length + start.length + 10);
    var fits = total + out.length <= breakLength;
    for (var i = 0; fits && i < out.length; i++) { total += out[i].length; if (total > breakLength) fits = false; }
    if (fits) {
      var joined = out.join(', ');
      if (joined.indexOf('\n') === -1) return start + ' ' + joined + ' ' + end;
    }
  }
  var ind = '\n' + indent;
  return start + ind + '  ' + out.join(',' + ind + '  ') + ind + end;
}
// Node's groupArrayElements: long arrays of short items are laid out in aligned columns.
function groupArray(out, indent, breakLength, value, more) {
  var outputLength = out.length - (more ? 1 : 0);
  if (outputLength <= 6) return out;
  var totalLength = 0, maxLength = 0, dataLen = [];
  for (var i = 0; i < outputLength; i++) { var len = out[i].length; dataLen.push(len); totalLength += len + 2; if (maxLength < len) maxLength = len; }
  var actualMax = maxLength + 2;
  if (!(actualMax * 3 + indent.length < breakLength && (totalLength / actualMax > 5 || maxLength <= 6))) return out;
  var averageBias = Math.sqrt(actualMax - totalLength / out.length);
  var biasedMax = Math.max(actualMax - 3 - averageBias, 1);
  var columns = Math.min(Math.round(Math.sqrt(2.5 * biasedMax * outputLength) / biasedMax), Math.floor((breakLength - indent.length) / actualMax), 12, 15);
  if (columns <= 1) return out;
  var maxLineLength = [];
  for (var c = 0; c < columns; c++) {
    var lineLength = 0;
    for (var j = c; j < out.length; j += columns) if (dataLen[j] > lineLength) lineLength = dataLen[j];
    maxLineLength.push(lineLength + 2);
  }
  var padStart = true;
  if (value !== undefined) for (var k = 0; k < outputLength; k++) if (typeof value[k] !== 'number' && typeof value[k] !== 'bigint') { padStart = false; break; }
  var tmp = [];
  for (var r = 0; r < outputLength; r += columns) {
    var max = Math.min(r + columns, outputLength), str = '', q = r;
    for (; q < max - 1; q++) { var cell = out[q] + ', '; str += padStart ? cell.padStart(maxLineLength[q - r], ' ') : cell.padEnd(maxLineLength[q - r], ' '); }
    str += padStart ? out[q].padStart(maxLineLength[q - r] - 2, ' ') : out[q];
    tmp.push(str);
  }
  if (more) tmp.push(out[outputLength]);
  return tmp;
}
function inspectValue(v, ctx, depth, indent) {
  var p = formatPrimitive(v);
  if (p !== undefined && p !== null) return p;
  if (typeof v === 'string') return depth === 0 && ctx.top ? v : quote(v);
  if (typeof v === 'function') {
    var n = fnName(v), kind = 'Function';
    try { var cn = v.constructor && v.constructor.name; if (cn === 'AsyncFunction' || cn === 'GeneratorFunction' || cn === 'AsyncGeneratorFunction') kind = cn; } catch (e) { }
    try { if (/^class[\s{]/.test(Function.prototype.toString.call(v))) { var sup = Object.getPrototypeOf(v); return '[class ' + (n || '(anonymous)') + (sup && sup !== Function.prototype && sup.name ? ' extends ' + sup.name : '') + ']'; } } catch (e) { }
    var fk = keys(v);
    var base = '[' + kind + (n ? ': ' + n : ' (anonymous)') + ']';
    if (fk.length === 0 || depth > ctx.depth) return base;
    return inspectObjectBody(v, ctx, depth, indent, base, fk);
  }
  if (ctx.seen.indexOf(v) !== -1) return '[Circular *1]';
  if (isNativeError(v)) {
    var st;
    try { st = nodeStack(v); } catch (e) { st = '[' + String(v) + ']'; }
    // Node's improveStack: name the constructor when it differs ("ValidationError: m", "MyErr [Error]: m").
    try {
      var en = v.name, ec = ctorName(v), el = typeof en === 'string' ? en.length : 0;
      if (ec && typeof en === 'string' && en.slice(-5) === 'Error' && st.indexOf(en) === 0 && (st.length === el || st[el] === ':' || st[el] === '\n') && ec !== en) {
        st = (ec.indexOf(en) !== -1 ? ec : ec + ' [' + en + ']') + st.slice(el);
      }
    } catch (e) { }
    // Node: a stack without frames is shown in brackets; frames are indented with the value.
    st = st.indexOf('\n') === -1 ? '[' + st + ']' : indent ? st.split('\n').join('\n' + indent) : st;
    var ek = keys(v).filter(function (k) { return k !== 'stack' && k !== 'message'; });
    if (ek.length && depth <= ctx.depth) {
      ctx.seen.push(v);
      var eo = ek.map(function (k) { return formatKey(k) + ': ' + inspectValue(v[k], ctx, depth + 1, indent + '  '); });
      ctx.seen.pop();
      return st + ' ' + reduceToSingle(eo, ['{', '}'], '', ctx.breakLength, indent, st.indexOf('\n') !== -1);
    }
    return st;
  }
  var tag = objToString.call(v);
  if (v instanceof Date) { var t = v.getTime(); return t !== t ? 'Invalid Date' : v.toISOString(); }
  if (v instanceof RegExp) return String(v);
  if (depth > ctx.depth) {
    // Node prints empty arrays and objects in full even beyond the depth limit.
    if (Array.isArray(v)) return v.length === 0 && keys(v).length === 0 ? '[]' : '[Array]';
    if (keys(v).length === 0 && Object.getOwnPropertySymbols(v).length === 0 && !(v instanceof Map) && !(v instanceof Set) && !ArrayBuffer.isView(v)) {
      var en = ctorName(v);
      return en === null ? '[Object: null prototype] {}' : en && en !== 'Object' ? en + ' {}' : '{}';
    }
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
      var g = groupArray(out, indent, ctx.breakLength, v, v.length > shown);
      return pre + reduceToSingle(g, ['[', ']'], '', ctx.breakLength, indent, g !== out);
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
      var tg2 = groupArray(out, indent, ctx.breakLength, v, v.length > n2);
      return tn + '(' + v.length + ') ' + reduceToSingle(tg2, ['[', ']'], '', ctx.breakLength, indent, tg2 !== out);
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
    Reflect.apply(fn, self, args).then(function (v) { INTERNAL.lib('process').nextTick(cb, null, v); }, function (e) { INTERNAL.lib('process').nextTick(cb, e || new Error('Promise was rejected with a falsy value')); });
  };
}
function inherits(ctor, superCtor) {
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}
function deprecate(fn, msg) {
  var warned = false;
  return function () {
    if (!warned) { warned = true; INTERNAL.lib('process').emitWarning({ name: 'DeprecationWarning', message: msg }); }
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
AbortSignal.timeout = function (ms) { var s = new AbortSignal(); INTERNAL.lib('timers').setTimeout(function () { var e = new Error('The operation was aborted due to timeout'); e.name = 'TimeoutError'; e.code = 23; doAbort(s, e); }, ms).unref(); return s; };
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

const DATE = String.raw`
var H = INTERNAL.H, C = INTERNAL.C, K = INTERNAL.K, RA = K.RA, defineProperty = K.defineProperty, arrSlice = K.arrSlice, MapC = K.MapC;
var mapGet = K.mapGet, mapSet = K.mapSet, mapDelete = K.mapDelete, mapForEach = K.mapForEach, MathFloor = K.MathFloor, NumberC = K.NumberC;
var TypeErrorC = K.TypeErrorC, Str = K.Str, push = INTERNAL.push, guarded = INTERNAL.guarded, emit = INTERNAL.emit, O = Object;
var promiseThen = K.promiseThen, resolvedPromise = K.resolvedPromise, strSlice = K.strSlice;
// ---- virtual clock: Date, performance ---------------------------------------------------------
var RealDate = K.RealDate;
function VDate(a, b, c, d, e, f, g) {
  if (!new.target) return new RealDate(H.now()).toString();
  var n = arguments.length;
  var dt = n === 0 ? new RealDate(H.now()) : n === 1 ? new RealDate(a) : new RealDate(a, b, n > 2 ? c : 1, n > 3 ? d : 0, n > 4 ? e : 0, n > 5 ? f : 0, n > 6 ? g : 0);
  K.setPrototypeOf(dt, new.target.prototype);
  return dt;
}
VDate.prototype = RealDate.prototype;
defineProperty(RealDate.prototype, 'constructor', { value: VDate, writable: true, configurable: true, enumerable: false });
VDate.now = function now() { return MathFloor(H.now()); };
VDate.parse = RealDate.parse;
VDate.UTC = RealDate.UTC;
var performanceObj = {
  now: function () { return H.mono(); },
  timeOrigin: H.now() - H.mono(),
  mark: function () { }, measure: function () { },
  toJSON: function () { return { timeOrigin: this.timeOrigin }; }
};

// Node prints the zone name after the offset; QuickJS does not.
var protoToString = RealDate.prototype.toString;
var I = INTERNAL.lib('intl');
defineProperty(RealDate.prototype, 'toString', { value: function toString() { var s = RA(protoToString, this, []); return s === 'Invalid Date' ? s : s + ' (Coordinated Universal Time)'; }, writable: true, configurable: true, enumerable: false });
defineProperty(RealDate.prototype, 'toLocaleString', { value: I.dateToLocaleString, writable: true, configurable: true, enumerable: false });
defineProperty(RealDate.prototype, 'toLocaleDateString', { value: I.dateToLocaleDateString, writable: true, configurable: true, enumerable: false });
defineProperty(RealDate.prototype, 'toLocaleTimeString', { value: I.dateToLocaleTimeString, writable: true, configurable: true, enumerable: false });
exports.Date = VDate;
exports.performance = performanceObj;
`;

const TIMERS = String.raw`
var H = INTERNAL.H, C = INTERNAL.C, K = INTERNAL.K, RA = K.RA, defineProperty = K.defineProperty, arrSlice = K.arrSlice, MapC = K.MapC;
var mapGet = K.mapGet, mapSet = K.mapSet, mapDelete = K.mapDelete, mapForEach = K.mapForEach, MathFloor = K.MathFloor, NumberC = K.NumberC;
var TypeErrorC = K.TypeErrorC, Str = K.Str, push = INTERNAL.push, guarded = INTERNAL.guarded, emit = INTERNAL.emit, O = Object;
var promiseThen = K.promiseThen, resolvedPromise = K.resolvedPromise, strSlice = K.strSlice;
// ---- timers (Node semantics on the simulator's clock) -----------------------------------------
var timers = new MapC(), nextTimerId = 1, timerSeq = 0, immediates = [], immediateHead = 0;
var TIMEOUT_MAX = 2147483647;
function Timeout(id, cb, args, ms, repeat) {
  this._id = id; this._cb = cb; this._args = args; this._ms = ms; this._repeat = repeat; this._ref = true; this._due = 0; this._seq = 0; this._destroyed = false;
}
Timeout.prototype.ref = function () { this._ref = true; return this; };
Timeout.prototype.unref = function () { this._ref = false; return this; };
Timeout.prototype.hasRef = function () { return this._ref; };
Timeout.prototype.refresh = function () { if (!this._destroyed) schedule(this); return this; };
Timeout.prototype.close = function () { clearTimer(this); return this; };
Timeout.prototype[Symbol.toPrimitive] = function () { return this._id; };
function schedule(t) { t._due = H.mono() + t._ms; t._seq = ++timerSeq; RA(mapSet, timers, [t._id, t]); }
function delayOf(ms) { ms = NumberC(ms); return ms >= 1 && ms <= TIMEOUT_MAX ? ms : 1; }
function checkCallback(cb) {
  if (typeof cb !== 'function') {
    var e = new TypeErrorC('The "callback" argument must be of type function. Received ' + (cb === undefined ? 'undefined' : typeof cb));
    e.code = 'ERR_INVALID_ARG_TYPE';
    throw e;
  }
}
function setTimeoutImpl(cb, ms) {
  checkCallback(cb);
  var t = new Timeout(nextTimerId++, cb, arrSlice.call(arguments, 2), delayOf(ms), false);
  schedule(t);
  return t;
}
function setIntervalImpl(cb, ms) {
  checkCallback(cb);
  var t = new Timeout(nextTimerId++, cb, arrSlice.call(arguments, 2), delayOf(ms), true);
  schedule(t);
  return t;
}
function clearTimer(t) {
  if (t === null || t === undefined) return;
  var id = typeof t === 'object' ? t._id : NumberC(t);
  var x = RA(mapGet, timers, [id]);
  if (x) { x._destroyed = true; RA(mapDelete, timers, [id]); }
}
function Immediate(cb, args) { this._cb = cb; this._args = args; this._ref = true; this._cleared = false; }
Immediate.prototype.ref = function () { this._ref = true; return this; };
Immediate.prototype.unref = function () { this._ref = false; return this; };
Immediate.prototype.hasRef = function () { return this._ref; };
function setImmediateImpl(cb) {
  checkCallback(cb);
  var im = new Immediate(cb, arrSlice.call(arguments, 1));
  push(immediates, im);
  return im;
}
function clearImmediateImpl(im) { if (im instanceof Immediate) im._cleared = true; }
function pendingImmediate() {
  while (immediateHead < immediates.length && immediates[immediateHead]._cleared) immediateHead++;
  if (immediateHead >= immediates.length) { immediates = []; immediateHead = 0; return null; }
  return immediates[immediateHead];
}
// Earliest due time among timers that keep the loop alive; -1 when the loop is empty.
function nextDue() {
  var im = pendingImmediate();
  var best = -1;
  RA(mapForEach, timers, [function (t) { if (t._ref && (best < 0 || t._due < best)) best = t._due; }]);
  if (im) return best >= 0 && best < H.mono() ? best : H.mono();
  return best;
}
function runNext(now) {
  var pick = null;
  RA(mapForEach, timers, [function (t) {
    if (t._due <= now && (pick === null || t._due < pick._due || (t._due === pick._due && t._seq < pick._seq))) pick = t;
  }]);
  if (pick !== null) {
    if (pick._repeat) { pick._due = now + pick._ms; pick._seq = ++timerSeq; }
    else { pick._destroyed = true; RA(mapDelete, timers, [pick._id]); }
    guarded(pick._cb, pick, pick._args);
    return true;
  }
  var im = pendingImmediate();
  if (im) {
    immediateHead++;
    im._cleared = true;
    guarded(im._cb, im, im._args);
    return true;
  }
  return false;
}
var tickQueue = [], tickScheduled = false;
// process.nextTick: the host runs this queue before each microtask drain (Node's processTicksAndRejections).
function runTicks() {
  while (tickQueue.length) {
    var q = tickQueue; tickQueue = [];
    for (var i = 0; i < q.length; i++) guarded(q[i][0], undefined, q[i][1]);
  }
  tickScheduled = false;
}
function nextTick(cb) {
  checkCallback(cb);
  push(tickQueue, [cb, arrSlice.call(arguments, 1)]);
  if (!tickScheduled) { tickScheduled = true; H.tick(); }
}

exports.setTimeout = setTimeoutImpl; exports.setInterval = setIntervalImpl; exports.clearTimeout = clearTimer; exports.clearInterval = clearTimer;
exports.setImmediate = setImmediateImpl; exports.clearImmediate = clearImmediateImpl; exports.nextDue = nextDue; exports.runNext = runNext; exports.nextTick = nextTick; exports.runTicks = runTicks;
exports.promises = {
  setTimeout: function (ms, value) { return new Promise(function (resolve) { setTimeoutImpl(resolve, ms, value); }); },
  setImmediate: function (value) { return new Promise(function (resolve) { setImmediateImpl(resolve, value); }); }
};
`;

const PROCESS = String.raw`
var H = INTERNAL.H, C = INTERNAL.C, K = INTERNAL.K, RA = K.RA, defineProperty = K.defineProperty, arrSlice = K.arrSlice, MapC = K.MapC;
var mapGet = K.mapGet, mapSet = K.mapSet, mapDelete = K.mapDelete, mapForEach = K.mapForEach, MathFloor = K.MathFloor, NumberC = K.NumberC;
var TypeErrorC = K.TypeErrorC, Str = K.Str, push = INTERNAL.push, guarded = INTERNAL.guarded, emit = INTERNAL.emit, O = Object;
var promiseThen = K.promiseThen, resolvedPromise = K.resolvedPromise, strSlice = K.strSlice;
// ---- process (only what is harmless) ----------------------------------------------------------
var env = INTERNAL.env;
function ExitError(code) {
  var e = INTERNAL.runtimeError('Runtime.ExitError', 'RequestId: ' + INTERNAL.getRequestId() + ' Error: Runtime exited ' + (code ? 'with error: exit status ' + code : 'without providing a reason'));
  return e;
}
var processObj = {
  env: env,
  version: C.nodeVersion,
  versions: { node: RA(strSlice, C.nodeVersion, [1]) },
  platform: 'linux',
  arch: C.arch,
  argv: ['/var/lang/bin/node', '/var/runtime/index.mjs'],
  execArgv: [],
  pid: 8,
  ppid: 1,
  title: 'node',
  release: { name: 'node' },
  exitCode: undefined,
  cwd: function () { return '/var/task'; },
  uptime: function () { return H.mono() / 1000; },
  hrtime: function (prev) {
    var ms = H.mono(), s = MathFloor(ms / 1000), ns = MathFloor((ms - s * 1000) * 1e6);
    if (prev) { s -= prev[0]; ns -= prev[1]; if (ns < 0) { s--; ns += 1e9; } }
    return [s, ns];
  },
  nextTick: INTERNAL.lib('timers').nextTick,
  memoryUsage: function () { var u = H.memory(); return { rss: u[0], heapTotal: u[1], heapUsed: u[2], external: 0, arrayBuffers: 0 }; },
  exit: function (code) { H.exit(code === undefined ? 0 : NumberC(code) | 0); throw INTERNAL.runtimeError('Runtime.ExitError', 'process.exit called'); },
  on: function () { return processObj; }, once: function () { return processObj; }, off: function () { return processObj; },
  removeListener: function () { return processObj; }, emitWarning: function (w) { emit(3, ['(node:8) ' + (w && w.name ? w.name : 'Warning') + ': ' + (w && w.message ? w.message : Str(w))]); }
};
processObj.hrtime.bigint = function () { return K.BigIntC(MathFloor(H.mono() * 1e6)); };
processObj.memoryUsage.rss = function () { return H.memory()[0]; };
defineProperty(processObj, 'stdout', { get: function () { return { write: function (s) { H.log(2, Str(s)); return true; } }; } });
defineProperty(processObj, 'stderr', { get: function () { return { write: function (s) { H.log(4, Str(s)); return true; } }; } });

module.exports = processObj;
`;

const FS = String.raw`
var H = INTERNAL.H, Buf = INTERNAL.lib('buffer').Buffer, timers = INTERNAL.lib('timers');
var DESCR = { ENOENT: [-2, 'no such file or directory'], EEXIST: [-17, 'file already exists'], ENOTDIR: [-20, 'not a directory'],
  EISDIR: [-21, 'illegal operation on a directory'], ENOTEMPTY: [-39, 'directory not empty'], EROFS: [-30, 'read-only file system'],
  ENOSPC: [-28, 'no space left on device'], EACCES: [-13, 'permission denied'], EINVAL: [-22, 'invalid argument'], EBUSY: [-16, 'resource busy or locked'],
  ENOSYS: [-38, 'function not implemented'], ENAMETOOLONG: [-36, 'name too long'] };
function fsError(code, syscall, path, dest) {
  if (code === 'ERR_FS_EISDIR') {
    var e0 = new Error('Path is a directory: ' + syscall + ' returned EISDIR (is a directory) ' + path);
    e0.name = 'SystemError'; e0.code = 'ERR_FS_EISDIR'; e0.errno = 21; e0.syscall = syscall; e0.path = path;
    return e0;
  }
  var d = DESCR[code] || [-1, 'unknown error'];
  var e = new Error(code + ': ' + d[1] + ', ' + syscall + " '" + path + "'" + (dest ? " -> '" + dest + "'" : ''));
  e.errno = d[0]; e.code = code; e.syscall = syscall; e.path = path;
  if (dest) e.dest = dest;
  return e;
}
function toPath(p, name) {
  if (typeof p === 'string') {
    if (p.length > 4096) throw fsError('ENAMETOOLONG', 'open', p.slice(0, 64) + '…');
    return p;
  }
  if (p instanceof Uint8Array) return Buf.from(p).toString();
  if (p && typeof p === 'object' && p.href && p.protocol === 'file:') return decodeURIComponent(p.pathname);
  var e = new TypeError('The "' + (name || 'path') + '" argument must be of type string or an instance of Buffer or URL. Received ' + (p === null ? 'null' : typeof p));
  e.code = 'ERR_INVALID_ARG_TYPE';
  throw e;
}
function abs(p) { return INTERNAL.lib('path').resolve(p); }
function encodingOf(o) { return typeof o === 'string' ? o : o && o.encoding ? o.encoding : null; }
function flagOf(o, dflt) { return o && typeof o === 'object' && o.flag ? o.flag : dflt; }
function readFileSync(p, o) {
  if (typeof p === 'number') throw fsError('EBADF', 'read', String(p));
  var path = toPath(p), enc = encodingOf(o);
  var utf8 = enc === 'utf8' || enc === 'utf-8';
  var r = H.fs('read', path, utf8);
  if (r[0]) throw fsError(r[0], r[0] === 'EISDIR' ? 'read' : 'open', path);
  if (utf8) return r[1];
  var b = Buf.from(r[1]);
  return enc ? b.toString(enc) : b;
}
function dataOf(data, o) {
  if (typeof data === 'string') {
    var enc = encodingOf(o);
    // Large strings are encoded here so the host can check the space before copying anything.
    if ((!enc || enc === 'utf8' || enc === 'utf-8') && data.length <= 1048576) return data;
    data = Buf.from(data, enc || 'utf8');
  }
  if (data instanceof ArrayBuffer) return data;
  if (ArrayBuffer.isView(data)) return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
  var e = new TypeError('The "data" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received ' + (data === null ? 'null' : typeof data));
  e.code = 'ERR_INVALID_ARG_TYPE';
  throw e;
}
function writeFileSync(p, data, o) {
  var path = toPath(p), flag = flagOf(o, 'w');
  var r = H.fs('write', path, dataOf(data, o), flag[0] === 'a', flag.indexOf('x') >= 0);
  if (r[0]) throw fsError(r[0], 'open', path);
}
function appendFileSync(p, data, o) {
  var path = toPath(p);
  var r = H.fs('write', path, dataOf(data, o), true, false);
  if (r[0]) throw fsError(r[0], 'open', path);
}
function Stats(a) {
  this.dev = 2049; this.mode = a[4]; this.nlink = 1; this.uid = 993; this.gid = 990; this.rdev = 0; this.blksize = 4096;
  this.ino = 0; this.size = a[1]; this.blocks = Math.ceil(a[1] / 512);
  this.atimeMs = a[2]; this.mtimeMs = a[2]; this.ctimeMs = a[2]; this.birthtimeMs = a[3];
  this.atime = new Date(a[2]); this.mtime = new Date(a[2]); this.ctime = new Date(a[2]); this.birthtime = new Date(a[3]);
  Object.defineProperty(this, '_file', { value: a[0] === 1 });
}
Stats.prototype.isFile = function () { return this._file; };
Stats.prototype.isDirectory = function () { return !this._file; };
Stats.prototype.isSymbolicLink = function () { return false; };
Stats.prototype.isFIFO = Stats.prototype.isSocket = Stats.prototype.isBlockDevice = Stats.prototype.isCharacterDevice = function () { return false; };
function statSync(p, o) {
  var path = toPath(p);
  var r = H.fs('stat', path);
  if (r[0]) { if (o && o.throwIfNoEntry === false && r[0] === 'ENOENT') return undefined; throw fsError(r[0], 'stat', path); }
  return new Stats(r[1]);
}
function lstatSync(p, o) {
  var path = toPath(p);
  var r = H.fs('stat', path);
  if (r[0]) { if (o && o.throwIfNoEntry === false && r[0] === 'ENOENT') return undefined; throw fsError(r[0], 'lstat', path); }
  return new Stats(r[1]);
}
function Dirent(name, dir, parent) { this.name = name; this.parentPath = parent; this.path = parent; Object.defineProperty(this, '_dir', { value: dir }); }
Dirent.prototype.isFile = function () { return !this._dir; };
Dirent.prototype.isDirectory = function () { return this._dir; };
Dirent.prototype.isSymbolicLink = function () { return false; };
function readdirSync(p, o) {
  var path = toPath(p);
  var r = H.fs('readdir', path);
  if (r[0]) throw fsError(r[0], 'scandir', path);
  var list = r[1], out = [];
  for (var i = 0; i < list.length; i++) out.push(o && o.withFileTypes ? new Dirent(list[i][0], list[i][1] === 1, abs(path)) : list[i][0]);
  return out;
}
function mkdirSync(p, o) {
  var path = toPath(p), recursive = !!(o && typeof o === 'object' && o.recursive);
  var r = H.fs('mkdir', path, recursive);
  if (r[0]) throw fsError(r[0], 'mkdir', path);
  return recursive ? r[1] : undefined;
}
function unlinkSync(p) { var path = toPath(p); var r = H.fs('unlink', path); if (r[0]) throw fsError(r[0], 'unlink', path); }
function rmSync(p, o) {
  var path = toPath(p);
  var r = H.fs('rm', path, !!(o && o.recursive), !!(o && o.force), false);
  if (r[0]) throw fsError(r[0], r[0] === 'ENOENT' ? 'lstat' : 'rm', path);
}
function rmdirSync(p, o) {
  var path = toPath(p);
  var r = H.fs('rm', path, !!(o && o.recursive), false, true);
  if (r[0]) throw fsError(r[0], 'rmdir', path);
}
function renameSync(a, b) { var pa = toPath(a, 'oldPath'), pb = toPath(b, 'newPath'); var r = H.fs('rename', pa, pb); if (r[0]) throw fsError(r[0], 'rename', pa, pb); }
function copyFileSync(a, b, mode) { var pa = toPath(a, 'src'), pb = toPath(b, 'dest'); var r = H.fs('copy', pa, pb, ((mode | 0) & 1) === 1); if (r[0]) throw fsError(r[0], 'copyfile', pa, pb); }
function accessSync(p, mode) { var path = toPath(p); var r = H.fs('access', path, ((mode | 0) & 2) === 2); if (r[0]) throw fsError(r[0], 'access', path); }
function existsSync(p) { try { return H.fs('stat', toPath(p))[0] === ''; } catch (e) { return false; } }
function realpathSync(p) { var path = toPath(p); var r = H.fs('stat', path); if (r[0]) throw fsError(r[0], 'lstat', path); return abs(path); }
var tmpCounter = 0;
function mkdtempSync(prefix) {
  var chars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', bytes = new Uint8Array(H.random(6)), s = '';
  for (var i = 0; i < 6; i++) s += chars[bytes[i] % chars.length];
  var path = toPath(prefix, 'prefix') + s;
  mkdirSync(path);
  return path;
}
var sync = { readFileSync: readFileSync, writeFileSync: writeFileSync, appendFileSync: appendFileSync, statSync: statSync, lstatSync: lstatSync,
  readdirSync: readdirSync, mkdirSync: mkdirSync, unlinkSync: unlinkSync, rmSync: rmSync, rmdirSync: rmdirSync, renameSync: renameSync,
  copyFileSync: copyFileSync, accessSync: accessSync, existsSync: existsSync, realpathSync: realpathSync, mkdtempSync: mkdtempSync };
// Callback and promise forms complete on a later turn of the event loop, as libuv's thread pool does.
function later(fn) { timers.setImmediate(fn); }
function callbackForm(fn) {
  return function () {
    var args = Array.prototype.slice.call(arguments), cb = args.pop();
    if (typeof cb !== 'function') { var e = new TypeError('The "cb" argument must be of type function. Received ' + typeof cb); e.code = 'ERR_INVALID_ARG_TYPE'; throw e; }
    var err = null, val;
    try { val = Reflect.apply(fn, undefined, args); } catch (x) { err = x; }
    later(function () { if (err) cb(err); else cb(null, val); });
  };
}
function promiseForm(fn) {
  return function () {
    var args = arguments;
    return new Promise(function (resolve, reject) {
      var err = null, val;
      try { val = Reflect.apply(fn, undefined, args); } catch (x) { err = x; }
      later(function () { if (err) reject(err); else resolve(val); });
    });
  };
}
var promises = {};
Object.keys(sync).forEach(function (k) {
  var base = k.slice(0, -4);
  exports[k] = sync[k];
  if (k === 'existsSync') return;
  exports[base] = callbackForm(sync[k]);
  promises[base === 'lstat' || base === 'stat' || base === 'readdir' || base === 'realpath' || base === 'mkdtemp' || base === 'rmdir' ? base : base] = promiseForm(sync[k]);
});
exports.exists = function (p, cb) { var v = existsSync(p); later(function () { cb(v); }); };
promises.access = promiseForm(accessSync);
promises.constants = exports.constants = { F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1, COPYFILE_EXCL: 1, O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2 };
exports.promises = promises;
exports.Stats = Stats;
exports.Dirent = Dirent;
function notSimulated(name) { return function () { var e = new Error('fs.' + name + ' is not simulated by Lambda Lab; use readFile/writeFile (sync, callback or promise forms)'); e.code = 'ERR_NOT_SIMULATED'; throw e; }; }
['createReadStream', 'createWriteStream', 'openSync', 'open', 'watch', 'watchFile', 'symlinkSync', 'symlink', 'linkSync', 'chmodSync', 'chmod'].forEach(function (n) { exports[n] = notSimulated(n); });
`;

const URL_MODULE = String.raw`
var QS_SAFE = /[A-Za-z0-9*\-._]/;
function encodeParam(s) {
  var b = INTERNAL.lib('buffer').utf8Encode(String(s)), out = '';
  for (var i = 0; i < b.length; i++) {
    var c = String.fromCharCode(b[i]);
    if (b[i] < 128 && QS_SAFE.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += '%' + (b[i] < 16 ? '0' : '') + b[i].toString(16).toUpperCase();
  }
  return out;
}
function decodeParam(s) { try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch (e) { return s; } }
function URLSearchParams(init) {
  this._list = [];
  if (init === undefined || init === null) return;
  if (typeof init === 'string') { this._parse(init); return; }
  if (init instanceof URLSearchParams) { this._list = init._list.map(function (p) { return [p[0], p[1]]; }); return; }
  if (typeof init === 'object') {
    if (typeof init[Symbol.iterator] === 'function') { for (var p of init) this._list.push([String(p[0]), String(p[1])]); return; }
    var ks = Object.keys(init);
    for (var i = 0; i < ks.length; i++) this._list.push([ks[i], String(init[ks[i]])]);
  }
}
URLSearchParams.prototype._parse = function (s) {
  if (s[0] === '?') s = s.slice(1);
  this._list = [];
  if (!s) return;
  var parts = s.split('&');
  for (var i = 0; i < parts.length; i++) {
    if (!parts[i]) continue;
    var eq = parts[i].indexOf('=');
    this._list.push(eq < 0 ? [decodeParam(parts[i]), ''] : [decodeParam(parts[i].slice(0, eq)), decodeParam(parts[i].slice(eq + 1))]);
  }
};
URLSearchParams.prototype._update = function () { if (this._url) { var s = this.toString(); this._url._search = s ? '?' + s : ''; } };
URLSearchParams.prototype.append = function (k, v) { this._list.push([String(k), String(v)]); this._update(); };
URLSearchParams.prototype.delete = function (k) { k = String(k); this._list = this._list.filter(function (p) { return p[0] !== k; }); this._update(); };
URLSearchParams.prototype.get = function (k) { k = String(k); for (var i = 0; i < this._list.length; i++) if (this._list[i][0] === k) return this._list[i][1]; return null; };
URLSearchParams.prototype.getAll = function (k) { k = String(k); return this._list.filter(function (p) { return p[0] === k; }).map(function (p) { return p[1]; }); };
URLSearchParams.prototype.has = function (k) { return this.get(k) !== null; };
URLSearchParams.prototype.set = function (k, v) {
  k = String(k); v = String(v);
  var found = false;
  this._list = this._list.filter(function (p) { if (p[0] !== k) return true; if (found) return false; found = true; p[1] = v; return true; });
  if (!found) this._list.push([k, v]);
  this._update();
};
URLSearchParams.prototype.sort = function () { this._list.sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0; }); this._update(); };
URLSearchParams.prototype.forEach = function (cb, self) { for (var i = 0; i < this._list.length; i++) cb.call(self, this._list[i][1], this._list[i][0], this); };
URLSearchParams.prototype.keys = function () { return this._list.map(function (p) { return p[0]; })[Symbol.iterator](); };
URLSearchParams.prototype.values = function () { return this._list.map(function (p) { return p[1]; })[Symbol.iterator](); };
URLSearchParams.prototype.entries = function () { return this._list.map(function (p) { return [p[0], p[1]]; })[Symbol.iterator](); };
URLSearchParams.prototype[Symbol.iterator] = URLSearchParams.prototype.entries;
URLSearchParams.prototype.toString = function () { return this._list.map(function (p) { return encodeParam(p[0]) + '=' + encodeParam(p[1]); }).join('&'); };
Object.defineProperty(URLSearchParams.prototype, 'size', { get: function () { return this._list.length; } });
var DEFAULT_PORTS = { 'http:': '80', 'https:': '443', 'ws:': '80', 'wss:': '443', 'ftp:': '21' };
var URL_RE = /^([a-zA-Z][a-zA-Z0-9+.-]*:)(?:\/\/(?:([^:@\/?#]*)(?::([^@\/?#]*))?@)?(\[[^\]]*\]|[^:\/?#]*)(?::(\d*))?)?([^?#]*)(\?[^#]*)?(#.*)?$/;
function invalidUrl(input) { var e = new TypeError('Invalid URL'); e.code = 'ERR_INVALID_URL'; e.input = input; return e; }
function URL(input, base) {
  input = String(input).trim();
  var m = URL_RE.exec(input);
  if (!m) {
    if (base === undefined) throw invalidUrl(input);
    var b = base instanceof URL ? base : new URL(base);
    var resolved;
    if (input[0] === '/' && input[1] === '/') resolved = b.protocol + input;
    else if (input[0] === '/') resolved = b.origin + input;
    else if (input[0] === '?') resolved = b.origin + b.pathname + input;
    else if (input[0] === '#') resolved = b.origin + b.pathname + b.search + input;
    else resolved = b.origin + INTERNAL.lib('path').resolve(b.pathname.replace(/[^\/]*$/, ''), input.replace(/[?#].*$/, '')) + (input.match(/[?#].*$/) || [''])[0];
    m = URL_RE.exec(resolved);
    if (!m) throw invalidUrl(input);
  }
  this._protocol = m[1].toLowerCase();
  var special = DEFAULT_PORTS[this._protocol] !== undefined || this._protocol === 'file:';
  if (special && m[4] === undefined && this._protocol !== 'file:') throw invalidUrl(input);
  this._username = m[2] || ''; this._password = m[3] || '';
  this._hostname = (m[4] || '').toLowerCase();
  this._port = m[5] && m[5] !== DEFAULT_PORTS[this._protocol] ? m[5] : '';
  this._pathname = m[6] || (special ? '/' : '');
  if (special && this._pathname[0] !== '/') this._pathname = '/' + this._pathname;
  this._pathname = this._pathname.replace(/ /g, '%20');
  this._search = m[7] && m[7].length > 1 ? m[7] : '';
  this._hash = m[8] && m[8].length > 1 ? m[8] : '';
  this._sp = new URLSearchParams(this._search);
  this._sp._url = this;
}
function acc(name, get, set) { Object.defineProperty(URL.prototype, name, { get: get, set: set, enumerable: true, configurable: true }); }
acc('protocol', function () { return this._protocol; }, function (v) { this._protocol = String(v).replace(/:?$/, ':'); });
acc('username', function () { return this._username; }, function (v) { this._username = String(v); });
acc('password', function () { return this._password; }, function (v) { this._password = String(v); });
acc('hostname', function () { return this._hostname; }, function (v) { this._hostname = String(v); });
acc('port', function () { return this._port; }, function (v) { v = String(v); this._port = v === DEFAULT_PORTS[this._protocol] ? '' : v; });
acc('host', function () { return this._hostname + (this._port ? ':' + this._port : ''); }, function (v) { var p = String(v).split(':'); this._hostname = p[0]; this._port = p[1] || ''; });
acc('origin', function () { return DEFAULT_PORTS[this._protocol] !== undefined ? this._protocol + '//' + this.host : 'null'; });
acc('pathname', function () { return this._pathname; }, function (v) { v = String(v); this._pathname = v[0] === '/' ? v : '/' + v; });
acc('search', function () { return this._search; }, function (v) { v = String(v); this._search = v && v !== '?' ? (v[0] === '?' ? v : '?' + v) : ''; this._sp._parse(this._search); });
acc('searchParams', function () { return this._sp; });
acc('hash', function () { return this._hash; }, function (v) { v = String(v); this._hash = v && v !== '#' ? (v[0] === '#' ? v : '#' + v) : ''; });
acc('href', function () {
  var auth = this._username ? this._username + (this._password ? ':' + this._password : '') + '@' : '';
  var slashes = DEFAULT_PORTS[this._protocol] !== undefined || this._protocol === 'file:' || this._hostname ? '//' : '';
  return this._protocol + slashes + auth + this.host + this._pathname + this._search + this._hash;
}, function (v) { var u = new URL(v); for (var k in u) if (k[0] === '_') this[k] = u[k]; this._sp._url = this; });
URL.prototype.toString = function () { return this.href; };
URL.prototype.toJSON = function () { return this.href; };
URL.canParse = function (u, b) { try { new URL(u, b); return true; } catch (e) { return false; } };
function fileURLToPath(u) { var x = typeof u === 'string' ? new URL(u) : u; if (x.protocol !== 'file:') { var e = new TypeError('The URL must be of scheme file'); e.code = 'ERR_INVALID_URL_SCHEME'; throw e; } return decodeURIComponent(x.pathname); }
function pathToFileURL(p) { return new URL('file://' + encodeURI(INTERNAL.lib('path').resolve(p))); }
function legacyParse(s, parseQuery) {
  var u; try { u = new URL(s); } catch (e) { return { href: s, pathname: s, path: s, query: parseQuery ? {} : null, search: null }; }
  return { protocol: u.protocol, slashes: true, auth: u.username ? u.username + (u.password ? ':' + u.password : '') : null, host: u.host, port: u.port || null,
    hostname: u.hostname, hash: u.hash || null, search: u.search || null, query: parseQuery ? INTERNAL.lib('querystring').parse(u.search.slice(1)) : (u.search.slice(1) || null),
    pathname: u.pathname, path: u.pathname + u.search, href: u.href };
}
exports.URL = URL; exports.URLSearchParams = URLSearchParams; exports.fileURLToPath = fileURLToPath; exports.pathToFileURL = pathToFileURL;
exports.parse = legacyParse;
exports.format = function (u) { return typeof u === 'string' ? u : u instanceof URL ? u.href : (u.protocol || '') + (u.slashes || u.host ? '//' : '') + (u.host || u.hostname || '') + (u.pathname || '') + (u.search || '') + (u.hash || ''); };
exports.encodeParam = encodeParam;
`;

const QUERYSTRING = String.raw`
var U = INTERNAL.lib('url');
function qsEscape(s) { return U.encodeParam(s).replace(/\+/g, '%20').replace(/\*/g, '%2A').replace(/%2A/g, '*'); }
function qsUnescape(s) { try { return decodeURIComponent(s); } catch (e) { return s; } }
function parse(str, sep, eq) {
  sep = sep || '&'; eq = eq || '=';
  var out = Object.create(null);
  if (typeof str !== 'string' || str.length === 0) return out;
  var parts = str.split(sep);
  for (var i = 0; i < parts.length; i++) {
    if (!parts[i]) continue;
    var idx = parts[i].indexOf(eq);
    var k = qsUnescape((idx >= 0 ? parts[i].slice(0, idx) : parts[i]).replace(/\+/g, ' '));
    var v = idx >= 0 ? qsUnescape(parts[i].slice(idx + eq.length).replace(/\+/g, ' ')) : '';
    if (k in out) { if (Array.isArray(out[k])) out[k].push(v); else out[k] = [out[k], v]; } else out[k] = v;
  }
  return out;
}
function stringifyPrim(v) { return typeof v === 'string' ? v : typeof v === 'number' && isFinite(v) ? '' + v : typeof v === 'bigint' ? '' + v : typeof v === 'boolean' ? (v ? 'true' : 'false') : ''; }
function stringify(obj, sep, eq) {
  sep = sep || '&'; eq = eq || '=';
  if (obj === null || typeof obj !== 'object') return '';
  return Object.keys(obj).map(function (k) {
    var v = obj[k], ks = qsEscape(k) + eq;
    if (Array.isArray(v)) return v.map(function (x) { return ks + qsEscape(stringifyPrim(x)); }).join(sep);
    return ks + qsEscape(stringifyPrim(v));
  }).join(sep);
}
exports.parse = exports.decode = parse;
exports.stringify = exports.encode = stringify;
exports.escape = qsEscape;
exports.unescape = qsUnescape;
`;

const OS = String.raw`
var C = INTERNAL.C, H = INTERNAL.H;
var mem = Number(C.memoryLimitInMB) * 1024 * 1024;
var vcpus = Math.min(6, Math.max(2, Math.ceil(Number(C.memoryLimitInMB) / 1769)));
exports.EOL = '\n';
exports.platform = function () { return 'linux'; };
exports.type = function () { return 'Linux'; };
exports.arch = function () { return C.arch; };
exports.release = function () { return C.arch === 'arm64' ? '5.10.240-258.930.amzn2.aarch64' : '5.10.240-258.930.amzn2.x86_64'; };
exports.version = function () { return '#1 SMP Fri Sep 12 20:12:38 UTC 2025'; };
exports.machine = function () { return C.arch === 'arm64' ? 'aarch64' : 'x86_64'; };
exports.hostname = function () { return '169.254.12.1'; };
exports.homedir = function () { return '/home/sbx_user1051'; };
exports.tmpdir = function () { return '/tmp'; };
exports.endianness = function () { return 'LE'; };
exports.uptime = function () { return Math.floor(H.mono() / 1000); };
exports.loadavg = function () { return [0, 0, 0]; };
exports.totalmem = function () { return mem; };
exports.freemem = function () { return Math.max(0, mem - H.memory()[0]); };
exports.availableParallelism = function () { return vcpus; };
exports.cpus = function () { var a = []; for (var i = 0; i < vcpus; i++) a.push({ model: C.arch === 'arm64' ? '' : 'Intel(R) Xeon(R) Processor @ 2.50GHz', speed: C.arch === 'arm64' ? 0 : 2500, times: { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 } }); return a; };
exports.networkInterfaces = function () { return {}; };
exports.userInfo = function () { return { uid: 993, gid: 990, username: 'sbx_user1051', homedir: '/home/sbx_user1051', shell: null }; };
exports.constants = { signals: {}, errno: {} };
exports.devNull = '/dev/null';
`;

const CRYPTO = String.raw`
var H = INTERNAL.H, Buf = INTERNAL.lib('buffer').Buffer;
function randomBytes(n, cb) {
  if (typeof n !== 'number' || n < 0 || n > 2147483647) { var e = new RangeError('The value of "size" is out of range. It must be >= 0 && <= 2147483647. Received ' + n); e.code = 'ERR_OUT_OF_RANGE'; throw e; }
  var out = Buf.alloc(n);
  for (var off = 0; off < n; off += 65536) out.set(new Uint8Array(H.random(Math.min(65536, n - off))), off);
  if (typeof cb === 'function') { INTERNAL.lib('timers').setImmediate(cb, null, out); return; }
  return out;
}
function getRandomValues(a) {
  if (!ArrayBuffer.isView(a)) { var e = new TypeError('The data argument must be an integer-type TypedArray'); e.code = 'ERR_INVALID_ARG_TYPE'; throw e; }
  if (a.byteLength > 65536) { var q = new Error("The ArrayBufferView's byte length (" + a.byteLength + ') exceeds the number of bytes of entropy available via this API (65536)'); q.name = 'QuotaExceededError'; throw q; }
  new Uint8Array(a.buffer, a.byteOffset, a.byteLength).set(new Uint8Array(H.random(a.byteLength)));
  return a;
}
function randomUUID() { return H.uuid(); }
function randomInt(min, max) { if (max === undefined) { max = min; min = 0; } var r = new Uint32Array(H.random(4))[0] / 4294967296; return min + Math.floor(r * (max - min)); }
// ---- hashes: SHA-256, SHA-1, MD5 (pure JS) ----
function rotr(x, n) { return (x >>> n) | (x << (32 - n)); }
var K256 = [0x428a2f98,0x71374491,0xb5c0fbcf,0xe9b5dba5,0x3956c25b,0x59f111f1,0x923f82a4,0xab1c5ed5,0xd807aa98,0x12835b01,0x243185be,0x550c7dc3,0x72be5d74,0x80deb1fe,0x9bdc06a7,0xc19bf174,0xe49b69c1,0xefbe4786,0x0fc19dc6,0x240ca1cc,0x2de92c6f,0x4a7484aa,0x5cb0a9dc,0x76f988da,0x983e5152,0xa831c66d,0xb00327c8,0xbf597fc7,0xc6e00bf3,0xd5a79147,0x06ca6351,0x14292967,0x27b70a85,0x2e1b2138,0x4d2c6dfc,0x53380d13,0x650a7354,0x766a0abb,0x81c2c92e,0x92722c85,0xa2bfe8a1,0xa81a664b,0xc24b8b70,0xc76c51a3,0xd192e819,0xd6990624,0xf40e3585,0x106aa070,0x19a4c116,0x1e376c08,0x2748774c,0x34b0bcb5,0x391c0cb3,0x4ed8aa4a,0x5b9cca4f,0x682e6ff3,0x748f82ee,0x78a5636f,0x84c87814,0x8cc70208,0x90befffa,0xa4506ceb,0xbef9a3f7,0xc67178f2];
function pad(bytes, le) {
  var l = bytes.length, n = ((l + 9 + 63) >> 6) << 6, out = new Uint8Array(n);
  out.set(bytes); out[l] = 0x80;
  var bits = l * 8, hi = Math.floor(bits / 4294967296), lo = bits >>> 0;
  if (le) { for (var i = 0; i < 4; i++) { out[n - 8 + i] = (lo >>> (8 * i)) & 255; out[n - 4 + i] = (hi >>> (8 * i)) & 255; } }
  else { for (var j = 0; j < 4; j++) { out[n - 1 - j] = (lo >>> (8 * j)) & 255; out[n - 5 - j] = (hi >>> (8 * j)) & 255; } }
  return out;
}
function sha256(bytes) {
  var m = pad(bytes, false), h = [0x6a09e667,0xbb67ae85,0x3c6ef372,0xa54ff53a,0x510e527f,0x9b05688c,0x1f83d9ab,0x5be0cd19], w = new Array(64);
  for (var o = 0; o < m.length; o += 64) {
    for (var i = 0; i < 16; i++) w[i] = (m[o + 4 * i] << 24) | (m[o + 4 * i + 1] << 16) | (m[o + 4 * i + 2] << 8) | m[o + 4 * i + 3];
    for (i = 16; i < 64; i++) { var s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3), s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10); w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0; }
    var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (i = 0; i < 64; i++) {
      var t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K256[i] + w[i]) | 0;
      var t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      hh = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    h[0] = (h[0] + a) | 0; h[1] = (h[1] + b) | 0; h[2] = (h[2] + c) | 0; h[3] = (h[3] + d) | 0; h[4] = (h[4] + e) | 0; h[5] = (h[5] + f) | 0; h[6] = (h[6] + g) | 0; h[7] = (h[7] + hh) | 0;
  }
  return words(h, false);
}
function sha1(bytes) {
  var m = pad(bytes, false), h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0], w = new Array(80);
  for (var o = 0; o < m.length; o += 64) {
    for (var i = 0; i < 16; i++) w[i] = (m[o + 4 * i] << 24) | (m[o + 4 * i + 1] << 16) | (m[o + 4 * i + 2] << 8) | m[o + 4 * i + 3];
    for (i = 16; i < 80; i++) { var x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]; w[i] = (x << 1) | (x >>> 31); }
    var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (i = 0; i < 80; i++) {
      var f, k;
      if (i < 20) { f = (b & c) | (~b & d); k = 0x5a827999; } else if (i < 40) { f = b ^ c ^ d; k = 0x6ed9eba1; } else if (i < 60) { f = (b & c) | (b & d) | (c & d); k = 0x8f1bbcdc; } else { f = b ^ c ^ d; k = 0xca62c1d6; }
      var t = (((a << 5) | (a >>> 27)) + f + e + k + w[i]) | 0;
      e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    }
    h[0] = (h[0] + a) | 0; h[1] = (h[1] + b) | 0; h[2] = (h[2] + c) | 0; h[3] = (h[3] + d) | 0; h[4] = (h[4] + e) | 0;
  }
  return words(h, false);
}
var MD5S = [7,12,17,22,7,12,17,22,7,12,17,22,7,12,17,22,5,9,14,20,5,9,14,20,5,9,14,20,5,9,14,20,4,11,16,23,4,11,16,23,4,11,16,23,4,11,16,23,6,10,15,21,6,10,15,21,6,10,15,21,6,10,15,21];
var MD5K = []; for (var q = 0; q < 64; q++) MD5K[q] = Math.floor(Math.abs(Math.sin(q + 1)) * 4294967296) | 0;
function md5(bytes) {
  var m = pad(bytes, true), h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476], w = new Array(16);
  for (var o = 0; o < m.length; o += 64) {
    for (var i = 0; i < 16; i++) w[i] = m[o + 4 * i] | (m[o + 4 * i + 1] << 8) | (m[o + 4 * i + 2] << 16) | (m[o + 4 * i + 3] << 24);
    var a = h[0], b = h[1], c = h[2], d = h[3];
    for (i = 0; i < 64; i++) {
      var f, g;
      if (i < 16) { f = (b & c) | (~b & d); g = i; } else if (i < 32) { f = (d & b) | (~d & c); g = (5 * i + 1) % 16; } else if (i < 48) { f = b ^ c ^ d; g = (3 * i + 5) % 16; } else { f = c ^ (b | ~d); g = (7 * i) % 16; }
      var t = d; d = c; c = b;
      var sum = (a + f + MD5K[i] + w[g]) | 0;
      b = (b + ((sum << MD5S[i]) | (sum >>> (32 - MD5S[i])))) | 0; a = t;
    }
    h[0] = (h[0] + a) | 0; h[1] = (h[1] + b) | 0; h[2] = (h[2] + c) | 0; h[3] = (h[3] + d) | 0;
  }
  return words(h, true);
}
function words(h, le) {
  var out = Buf.alloc(h.length * 4);
  for (var i = 0; i < h.length; i++) for (var j = 0; j < 4; j++) out[i * 4 + j] = le ? (h[i] >>> (8 * j)) & 255 : (h[i] >>> (24 - 8 * j)) & 255;
  return out;
}
var ALGOS = { sha256: [sha256, 64], sha1: [sha1, 64], md5: [md5, 64] };
function algo(name) {
  var a = ALGOS[String(name).toLowerCase().replace('-', '')];
  if (!a) { var e = new Error('Digest method not supported (Lambda Lab simulates sha256, sha1 and md5): ' + name); e.code = 'ERR_CRYPTO_INVALID_DIGEST'; throw e; }
  return a;
}
function toBytes(data, enc) { return typeof data === 'string' ? Buf.from(data, enc || 'utf8') : Buf.from(data); }
function Hash(name) { this._a = algo(name); this._chunks = []; this._done = false; }
Hash.prototype.update = function (data, enc) { if (this._done) { var e = new Error('Digest already called'); e.code = 'ERR_CRYPTO_HASH_FINALIZED'; throw e; } this._chunks.push(toBytes(data, enc)); return this; };
Hash.prototype.digest = function (enc) { this._done = true; var out = this._a[0](Buf.concat(this._chunks)); return enc ? out.toString(enc) : out; };
Hash.prototype.copy = function () { var h = new Hash('sha256'); h._a = this._a; h._chunks = this._chunks.slice(); return h; };
function Hmac(name, key) {
  this._a = algo(name);
  var k = toBytes(key), bs = this._a[1];
  if (k.length > bs) k = this._a[0](k);
  var kp = Buf.alloc(bs); kp.set(k);
  this._ipad = Buf.alloc(bs); this._opad = Buf.alloc(bs);
  for (var i = 0; i < bs; i++) { this._ipad[i] = kp[i] ^ 0x36; this._opad[i] = kp[i] ^ 0x5c; }
  this._chunks = [this._ipad];
}
Hmac.prototype.update = Hash.prototype.update;
Hmac.prototype.digest = function (enc) {
  var inner = this._a[0](Buf.concat(this._chunks));
  var out = this._a[0](Buf.concat([this._opad, inner]));
  return enc ? out.toString(enc) : out;
};
function timingSafeEqual(a, b) {
  if (a.byteLength !== b.byteLength) { var e = new RangeError('Input buffers must have the same byte length'); e.code = 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH'; throw e; }
  var x = 0; for (var i = 0; i < a.length; i++) x |= a[i] ^ b[i]; return x === 0;
}
function notSimulated(name) { return function () { var e = new Error('crypto.' + name + ' is not simulated by Lambda Lab (available: randomUUID, randomBytes, randomInt, getRandomValues, createHash/createHmac for sha256, sha1, md5, timingSafeEqual)'); e.code = 'ERR_NOT_SIMULATED'; throw e; }; }
exports.randomBytes = randomBytes; exports.randomUUID = randomUUID; exports.randomInt = randomInt; exports.getRandomValues = getRandomValues;
exports.createHash = function (n) { return new Hash(n); };
exports.createHmac = function (n, k) { return new Hmac(n, k); };
exports.hash = function (n, data, enc) { return new Hash(n).update(data).digest(enc || 'hex'); };
exports.timingSafeEqual = timingSafeEqual;
exports.getHashes = function () { return ['md5', 'sha1', 'sha256']; };
['createCipheriv', 'createDecipheriv', 'createSign', 'createVerify', 'generateKeyPairSync', 'generateKeyPair', 'pbkdf2', 'pbkdf2Sync', 'scrypt', 'scryptSync', 'createECDH', 'publicEncrypt', 'privateDecrypt'].forEach(function (n) { exports[n] = notSimulated(n); });
// Web Crypto: only subtle.digest (SHA-256, SHA-1) is simulated.
var subtle = {
  digest: function (alg, data) {
    var name = String(alg && alg.name ? alg.name : alg).toUpperCase();
    var fn = name === 'SHA-256' ? sha256 : name === 'SHA-1' ? sha1 : null;
    if (!fn) return Promise.reject(Object.assign(new Error('Unrecognized algorithm name (Lambda Lab simulates SHA-256 and SHA-1)'), { name: 'NotSupportedError' }));
    var bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    var out = fn(bytes);
    return Promise.resolve(out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength));
  }
};
exports.webcrypto = { getRandomValues: getRandomValues, randomUUID: randomUUID, subtle: subtle };
exports.subtle = subtle;
`;

const ASSERT = String.raw`
var I = INTERNAL.lib('inspect'), U = INTERNAL.lib('util');
function AssertionError(o) {
  var e = new Error(o.message || (I.inspect(o.actual) + ' ' + o.operator + ' ' + I.inspect(o.expected)));
  e.name = 'AssertionError'; e.code = 'ERR_ASSERTION'; e.actual = o.actual; e.expected = o.expected; e.operator = o.operator; e.generatedMessage = !o.message;
  return e;
}
function fail(actual, expected, message, operator) { if (message instanceof Error) throw message; throw AssertionError({ actual: actual, expected: expected, message: message, operator: operator }); }
function ok(v, message) { if (!v) fail(v, true, message || 'The expression evaluated to a falsy value:\n\n  assert.ok(' + I.inspect(v) + ')\n', '=='); }
function assert(v, message) { ok(v, message); }
assert.ok = ok;
assert.equal = function (a, b, m) { if (!(a == b || (a !== a && b !== b))) fail(a, b, m, '=='); };
assert.notEqual = function (a, b, m) { if (a == b) fail(a, b, m, '!='); };
assert.strictEqual = function (a, b, m) { if (!Object.is(a, b)) fail(a, b, m || 'Expected values to be strictly equal:\n\n' + I.inspect(a) + ' !== ' + I.inspect(b) + '\n', 'strictEqual'); };
assert.notStrictEqual = function (a, b, m) { if (Object.is(a, b)) fail(a, b, m, 'notStrictEqual'); };
assert.deepStrictEqual = assert.deepEqual = function (a, b, m) { if (!U.isDeepStrictEqual(a, b)) fail(a, b, m || 'Expected values to be strictly deep-equal:\n' + I.inspect(a) + '\n\nshould equal\n\n' + I.inspect(b), 'deepStrictEqual'); };
assert.notDeepStrictEqual = assert.notDeepEqual = function (a, b, m) { if (U.isDeepStrictEqual(a, b)) fail(a, b, m, 'notDeepStrictEqual'); };
assert.fail = function (m) { fail(undefined, undefined, m || 'Failed', 'fail'); };
assert.throws = function (fn, expected, m) { try { fn(); } catch (e) { return; } fail(undefined, expected, typeof expected === 'string' ? expected : m || 'Missing expected exception.', 'throws'); };
assert.doesNotThrow = function (fn) { fn(); };
assert.rejects = function (p, expected, m) { return Promise.resolve(typeof p === 'function' ? p() : p).then(function () { fail(undefined, expected, m || 'Missing expected rejection.', 'rejects'); }, function () { }); };
assert.match = function (s, re, m) { if (!re.test(s)) fail(s, re, m || 'The input did not match the regular expression ' + re + '. Input:\n\n' + I.inspect(s) + '\n', 'match'); };
assert.AssertionError = AssertionError;
assert.strict = assert;
module.exports = assert;
`;

const STRING_DECODER = String.raw`
var B = INTERNAL.lib('buffer');
function StringDecoder(enc) { this.encoding = (enc || 'utf8').toLowerCase().replace('-', ''); this._rest = new Uint8Array(0); }
StringDecoder.prototype.write = function (buf) {
  if (this.encoding !== 'utf8') return B.Buffer.from(buf).toString(this.encoding);
  var all = new Uint8Array(this._rest.length + buf.length); all.set(this._rest); all.set(buf, this._rest.length);
  var end = all.length, i = end - 1, back = 0;
  while (i >= 0 && back < 3 && (all[i] & 0xc0) === 0x80) { i--; back++; }
  if (i >= 0) { var c = all[i], need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1; if (end - i < need) end = i; }
  this._rest = all.slice(end);
  return B.utf8Decode(all, 0, end);
};
StringDecoder.prototype.end = function (buf) { var s = buf ? this.write(buf) : ''; if (this._rest.length) { s += '\ufffd'; this._rest = new Uint8Array(0); } return s; };
exports.StringDecoder = StringDecoder;
`;

const RTERRORS = String.raw`
// Error shaping of RIC Errors.js. Compiled lazily, possibly after user code tampered with intrinsics,
// so it only uses the intrinsics the core captured before any user code ran (K).
var K = INTERNAL.K, RA = K.RA, H = INTERNAL.H, C = INTERNAL.C, JSONstringify = K.JSONstringify, Str = K.Str, keys = K.keys, defineProperty = K.defineProperty;
var isNativeError = INTERNAL.isNativeError;
function split(s, sep) { return RA(K.strSplit, s, [sep]); }
function startsWith(s, p) { return RA(K.strSlice, s, [0, p.length]) === p; }
function setOwn(o, k, v) { defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true }); }
function isErrorLike(e) {
  return !!(e && e.name && e.message && e.stack && typeof e.name === 'string' && typeof e.message === 'string' && typeof e.stack === 'string');
}
// QuickJS stacks list frames only; Node's start with "Name: message".
function nodeStack(e) {
  var stack = e.stack, head = Str(e.name) + ': ' + Str(e.message);
  if (typeof stack !== 'string' || stack === '') return head;
  if (startsWith(stack, head) || !startsWith(RA(K.strTrim, stack, []), 'at ')) return stack;
  var frames = stack;
  while (frames.length && frames[frames.length - 1] === '\n') frames = RA(K.strSlice, frames, [0, -1]);
  frames = runtimeFrames(frames);
  return frames ? head + '\n' + frames : head;
}
// The simulator's own frames (file:///var/runtime/index.mjs, and the native apply/call that enter the
// handler) are shown as the one frame Node's runtime shows there.
var RIC_FRAME = '    at Runtime.handleOnceNonStreaming (file:///var/runtime/index.mjs:1173:29)';
function runtimeFrames(frames) {
  var lines = split(frames, '\n'), out = [], sawRuntime = false;
  for (var i = 0; i < lines.length; i++) {
    var l = lines[i];
    var isRuntime = RA(K.strIndexOf, l, ['file:///var/runtime/index.mjs']) !== -1;
    var isNativeEntry = (l === '    at apply (native)' || l === '    at call (native)') && i + 1 < lines.length && RA(K.strIndexOf, lines[i + 1], ['file:///var/runtime/index.mjs']) !== -1;
    if (isNativeEntry) continue;
    if (isRuntime) { if (!sawRuntime) { K.push(out, RIC_FRAME); sawRuntime = true; } continue; }
    K.push(out, l);
  }
  return RA(K.arrJoin, out, ['\n']);
}
// RIC Errors.js escapes DEL (0x7F) as %7F in the error response.
function del(s) { return typeof s === 'string' ? RA(K.arrJoin, split(s, '\x7F'), ['%7F']) : s; }
function toRapidResponse(e) {
  try {
    if (isNativeError(e) || isErrorLike(e)) return { errorType: del(e.name), errorMessage: del(e.message), trace: split(del(nodeStack(e)), '\n') };
    return { errorType: typeof e, errorMessage: e.toString(), trace: [] };
  } catch (x) {
    return { errorType: 'handled', errorMessage: 'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack' };
  }
}
function withEnumerableProperties(k, v) {
  if (v instanceof K.ErrorC) {
    var ret = {};
    setOwn(ret, 'errorType', v.name); setOwn(ret, 'errorMessage', v.message); setOwn(ret, 'code', v.code);
    var ks = keys(v);
    for (var i = 0; i < ks.length; i++) setOwn(ret, ks[i], v[ks[i]]);
    if (typeof v.stack === 'string') setOwn(ret, 'stack', split(nodeStack(v), '\n'));
    return ret;
  }
  return v;
}
function toFormatted(e) {
  try { return '\t' + JSONstringify(e, withEnumerableProperties); }
  catch (x) { return '\t' + JSONstringify(toRapidResponse(e)); }
}
// The JSON format names an error by its constructor (RIC LogPatch.js jsonErrorReplacer); the
// runtime's own errors are classes named after the part of their type after "Runtime.".
function ctorName(e) {
  try {
    var n = e && e.constructor && e.constructor.name;
    var own = e && typeof e.name === 'string' ? e.name : '';
    if (n === 'Error' && startsWith(own, 'Runtime.')) return RA(K.strSlice, own, [8]);
    return typeof n === 'string' && n ? n : 'UnknownError';
  } catch (x) { return 'UnknownError'; }
}
function jsonErrorReplacer(k, v) {
  if (v instanceof K.ErrorC) {
    var out = {};
    setOwn(out, 'errorType', ctorName(v)); setOwn(out, 'errorMessage', v.message);
    setOwn(out, 'stackTrace', typeof v.stack === 'string' ? split(nodeStack(v), '\n') : v.stack);
    var ks = keys(v);
    for (var i = 0; i < ks.length; i++) setOwn(out, ks[i], v[ks[i]]);
    return out;
  }
  return v;
}
// RIC LogPatch.js formatJsonMessage: one argument → the value itself (errors expanded anywhere in
// it; util.format text if it cannot be serialised; no message key for undefined); several →
// util.format text with the first Error's errorType, errorMessage and stackTrace at the top level.
function jsonBody(args) {
  var I = INTERNAL.lib('inspect');
  if (args.length === 1) {
    try {
      var j = JSONstringify(args[0], jsonErrorReplacer);
      return j === undefined ? '' : '"message":' + j;
    } catch (x) {
      return '"message":' + JSONstringify(I.format([args[0]]));
    }
  }
  var body = '"message":' + JSONstringify(I.format(args));
  for (var i = 0; i < args.length; i++) {
    var e = args[i];
    if (e instanceof K.ErrorC) {
      body += ',"errorType":' + JSONstringify(ctorName(e)) + ',"errorMessage":' + JSONstringify(e.message) + ',"stackTrace":' + JSONstringify(typeof e.stack === 'string' ? split(nodeStack(e), '\n') : []);
      break;
    }
  }
  return body;
}
// RIC Errors.intoError
function intoError(err) {
  if (err instanceof K.ErrorC) return err;
  try { return new K.ErrorC(err); } catch (x) { return new K.ErrorC('[unprintable]'); }
}
// RIC LogPatch structuredConsole.logError: text → console.error(msg, toFormatted(intoError(err)));
// JSON → console.error(intoError(err)).
function logError(msg, err) {
  if (4 < INTERNAL.minLevel) return;
  var e = intoError(err);
  if (INTERNAL.jsonLogs) H.log(4, '', jsonBody([e]));
  else H.log(4, msg + ' ' + toFormatted(e));
}
function runtimeError(name, message, stack) {
  var e = new K.ErrorC(message);
  defineProperty(e, 'name', { value: name, writable: true, configurable: true, enumerable: false });
  if (stack !== undefined) e.stack = stack;
  return e;
}
function classifyInitError(e) {
  if (e instanceof K.SyntaxErrorC) {
    var first = typeof e.stack === 'string' ? split(e.stack, '\n')[0] : '';
    var at = RA(K.strIndexOf, first, ['at ']);
    var loc = at >= 0 ? ' (' + RA(K.strTrim, RA(K.strSlice, first, [at + 3]), []) + ')' : '';
    var msg = 'SyntaxError: ' + e.message + loc;
    return runtimeError('Runtime.UserCodeSyntaxError', msg, 'Runtime.UserCodeSyntaxError: ' + msg + '\n' + (typeof e.stack === 'string' ? e.stack : '') + '    at _loadUserApp (file:///var/runtime/index.mjs:1084:17)');
  }
  if (e && e.code === 'MODULE_NOT_FOUND') {
    var m = 'Error: ' + e.message;
    return runtimeError('Runtime.ImportModuleError', m, 'Runtime.ImportModuleError: ' + m + '\n    at _loadUserApp (file:///var/runtime/index.mjs:1087:17)\n    at async UserFunction.js.module.exports.load (file:///var/runtime/index.mjs:1119:21)');
  }
  return e;
}
function handlerNotFound(message) {
  return runtimeError('Runtime.HandlerNotFound', message, 'Runtime.HandlerNotFound: ' + message + '\n    at UserFunction.js.module.exports.load (file:///var/runtime/index.mjs:1151:15)');
}
function callbackHandlerDeprecated() {
  return runtimeError('Runtime.CallbackHandlerDeprecated', 'ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node.js 24. You need to modify this function to use a supported handler signature to use Node.js 24 or later. For more information see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html.');
}
var NODEJS_EXIT_MESSAGE = 'The Lambda runtime client detected an unexpected Node.js exit code. This is most commonly caused by a Promise that was never settled. For more information, see https://nodejs.org/docs/latest/api/process.html#exit-codes';
function nodeJsExit() {
  return runtimeError('Runtime.NodeJsExit', NODEJS_EXIT_MESSAGE, 'Runtime.NodeJsExit: ' + NODEJS_EXIT_MESSAGE + '\n    at process.<anonymous> (file:///var/runtime/index.mjs:1275:29)');
}
function stringifyError() {
  // nodejs18–22 RIC RAPIDClient: throw new Error('Unable to stringify response body'); the newer client names it.
  var name = C.runtime === 'nodejs24.x' ? 'Runtime.JSONStringifyError' : 'Error';
  return runtimeError(name, 'Unable to stringify response body', name + ': Unable to stringify response body\n    at _trySerializeResponse (file:///var/runtime/index.mjs:592:15)\n    at RAPIDClient.postInvocationResponse (file:///var/runtime/index.mjs:548:22)');
}
exports.nodeStack = nodeStack; exports.toRapidResponse = toRapidResponse; exports.toFormatted = toFormatted; exports.jsonBody = jsonBody;
exports.logError = logError; exports.classifyInitError = classifyInitError; exports.handlerNotFound = handlerNotFound;
exports.callbackHandlerDeprecated = callbackHandlerDeprecated; exports.nodeJsExit = nodeJsExit; exports.stringifyError = stringifyError;
// RIC WarningForCallbackHandlers.js
exports.CALLBACK_WARNING = 'AWS Lambda plans to remove support for callback-based function handlers starting with Node.js 24. You will need to update this function to use an async handler to use Node.js 24 or later. For more information and to provide feedback on this change, see https://github.com/aws/aws-lambda-nodejs-runtime-interface-client/issues/137. To disable this warning, set the AWS_LAMBDA_NODEJS_DISABLE_CALLBACK_WARNING environment variable.';
`;

const CONSOLE = String.raw`
var H = INTERNAL.H, emit = INTERNAL.emit, g = INTERNAL.groupIndent, Str = INTERNAL.K.Str;
var counts = Object.create(null), labels = Object.create(null);
function label(l) { return l === undefined ? 'default' : Str(l); }
exports.dir = function (o, opts) { emit(2, [INTERNAL.lib('inspect').inspect(o, opts)]); };
exports.table = function () { emit(2, Array.prototype.slice.call(arguments)); };
exports.assert = function (cond) {
  if (cond) return;
  var a = Array.prototype.slice.call(arguments, 1);
  if (a.length && typeof a[0] === 'string') a[0] = 'Assertion failed: ' + a[0];
  else a.unshift('Assertion failed');
  emit(4, a);
};
exports.count = function (l) { l = label(l); counts[l] = (counts[l] || 0) + 1; emit(2, [l + ': ' + counts[l]]); };
exports.countReset = function (l) { counts[label(l)] = 0; };
exports.time = function (l) { labels[label(l)] = H.mono(); };
exports.timeEnd = function (l) { l = label(l); var s = labels[l]; if (s === undefined) return; delete labels[l]; emit(2, [l + ': ' + (H.mono() - s).toFixed(3) + 'ms']); };
exports.timeLog = function (l) { l = label(l); var s = labels[l]; if (s === undefined) return; emit(2, [l + ': ' + (H.mono() - s).toFixed(3) + 'ms']); };
exports.group = exports.groupCollapsed = function () { if (arguments.length) emit(2, Array.prototype.slice.call(arguments)); g.value += '  '; };
exports.groupEnd = function () { g.value = g.value.slice(2); };
`;

const INTL = String.raw`
// A small en-US subset of ECMA-402, because QuickJS has no Intl and Lambda's Node has full ICU with
// LANG=en_US.UTF-8 and TZ=UTC. Numbers: grouping, fraction digits, currency, percent. Dates: the
// default en-US formats in UTC. Other locales are formatted as en-US.
var SYMBOLS = { USD: '$', EUR: '€', GBP: '£', JPY: '¥', INR: '₹', CNY: 'CN¥', CAD: 'CA$', AUD: 'A$' };
var ZERO_DECIMALS = { JPY: 1, KRW: 1 };
function group(intPart) {
  var out = '';
  for (var i = intPart.length; i > 0; i -= 3) out = intPart.slice(Math.max(0, i - 3), i) + (out ? ',' + out : '');
  return out;
}
function formatNumber(n, o) {
  o = o || {};
  n = Number(n);
  if (n !== n) return 'NaN';
  var style = o.style || 'decimal';
  var currency = o.currency ? String(o.currency).toUpperCase() : undefined;
  if (style === 'currency' && !currency) { var e = new TypeError('Currency code is required with currency style.'); throw e; }
  var minF = o.minimumFractionDigits, maxF = o.maximumFractionDigits;
  var dflt = style === 'currency' ? (ZERO_DECIMALS[currency] ? 0 : 2) : style === 'percent' ? 0 : 3;
  if (minF === undefined) minF = style === 'currency' ? dflt : 0;
  if (maxF === undefined) maxF = Math.max(minF, dflt);
  var v = style === 'percent' ? n * 100 : n;
  var neg = v < 0 || (v === 0 && 1 / v < 0 && false);
  if (!isFinite(v)) return (v < 0 ? '-' : '') + '∞';
  var fixed = Math.abs(v).toFixed(maxF);
  var parts = fixed.split('.'), frac = parts[1] || '';
  while (frac.length > minF && frac[frac.length - 1] === '0') frac = frac.slice(0, -1);
  var body = (o.useGrouping === false ? parts[0] : group(parts[0])) + (frac ? '.' + frac : '');
  if (style === 'currency') {
    var sym = o.currencyDisplay === 'code' ? currency + '\u00a0' : SYMBOLS[currency] || currency + '\u00a0';
    return (neg ? '-' : '') + sym + body;
  }
  if (style === 'percent') return (neg ? '-' : '') + body + '%';
  return (neg ? '-' : '') + body;
}
function NumberFormat(locales, options) {
  if (!(this instanceof NumberFormat)) return new NumberFormat(locales, options);
  this._o = options || {};
}
NumberFormat.prototype.format = function (n) { return formatNumber(n, this._o); };
NumberFormat.prototype.formatToParts = function (n) { return [{ type: 'literal', value: formatNumber(n, this._o) }]; };
NumberFormat.prototype.resolvedOptions = function () { return { locale: 'en-US', numberingSystem: 'latn', style: this._o.style || 'decimal', currency: this._o.currency, useGrouping: this._o.useGrouping !== false }; };
NumberFormat.supportedLocalesOf = function () { return ['en-US']; };
function pad2(x) { return (x < 10 ? '0' : '') + x; }
var MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
var DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
function datePart(d) { return (d.getUTCMonth() + 1) + '/' + d.getUTCDate() + '/' + d.getUTCFullYear(); }
function timePart(d) { var h = d.getUTCHours(); return ((h % 12) || 12) + ':' + pad2(d.getUTCMinutes()) + ':' + pad2(d.getUTCSeconds()) + ' ' + (h < 12 ? 'AM' : 'PM'); }
function formatDate(d, o) {
  var t = d.getTime();
  if (t !== t) return 'Invalid Date';
  o = o || {};
  if (o.dateStyle === 'long' || o.month === 'long') return MONTHS[d.getUTCMonth()] + ' ' + d.getUTCDate() + ', ' + d.getUTCFullYear();
  if (o.dateStyle === 'full') return DAYS[d.getUTCDay()] + ', ' + MONTHS[d.getUTCMonth()] + ' ' + d.getUTCDate() + ', ' + d.getUTCFullYear();
  var hasDate = o.year || o.month || o.day || o.dateStyle, hasTime = o.hour || o.minute || o.second || o.timeStyle;
  if (hasTime && !hasDate) return timePart(d);
  if (hasDate && !hasTime) return datePart(d);
  return datePart(d);
}
function DateTimeFormat(locales, options) {
  if (!(this instanceof DateTimeFormat)) return new DateTimeFormat(locales, options);
  this._o = options || {};
}
DateTimeFormat.prototype.format = function (d) { return formatDate(d === undefined ? new Date() : new Date(d), this._o); };
DateTimeFormat.prototype.resolvedOptions = function () { return { locale: 'en-US', calendar: 'gregory', numberingSystem: 'latn', timeZone: 'UTC' }; };
DateTimeFormat.supportedLocalesOf = function () { return ['en-US']; };
exports.Intl = {
  NumberFormat: NumberFormat,
  DateTimeFormat: DateTimeFormat,
  getCanonicalLocales: function (l) { return l === undefined ? [] : [].concat(l); },
  Collator: function () { return { compare: function (a, b) { return String(a).localeCompare(String(b)); } }; },
  PluralRules: function () { return { select: function (n) { return Number(n) === 1 ? 'one' : 'other'; } }; }
};
exports.numberToLocaleString = function (locales, options) { return formatNumber(this, options); };
exports.dateToLocaleString = function (locales, options) { var t = this.getTime(); return t !== t ? 'Invalid Date' : options ? formatDate(this, options) : datePart(this) + ', ' + timePart(this); };
exports.dateToLocaleDateString = function (locales, options) { var t = this.getTime(); return t !== t ? 'Invalid Date' : options ? formatDate(this, options) : datePart(this); };
exports.dateToLocaleTimeString = function () { var t = this.getTime(); return t !== t ? 'Invalid Date' : timePart(this); };
`;

const STREAM = String.raw`
// A compact stream module: Readable, Writable, Duplex, Transform, PassThrough, pipeline, finished.
// Event order and backpressure are simplified (no highWaterMark accounting); enough for handlers that
// read a body, transform it and collect the result.
var EE = INTERNAL.lib('events'), Buf = INTERNAL.lib('buffer').Buffer;
function later(fn) { Promise.resolve().then(fn); }
function inherit(C, P) { C.prototype = Object.create(P.prototype, { constructor: { value: C, writable: true, configurable: true } }); Object.setPrototypeOf(C, P); }
function toChunk(s, c, enc) { if (s._objectMode || c === null) return c; if (typeof c === 'string') return s._decoder ? c : Buf.from(c, enc); return c instanceof Uint8Array && !(c instanceof Buf) ? Buf.from(c) : c; }
function Readable(o) {
  if (!(this instanceof Readable)) return new Readable(o);
  EE.call(this);
  o = o || {};
  this._objectMode = !!(o.objectMode || o.readableObjectMode);
  this._buf = []; this._ended = false; this._endEmitted = false; this._flowing = null; this._reading = false; this.destroyed = false;
  this.readable = true; this._decoder = o.encoding || null;
  if (typeof o.read === 'function') this._read = o.read;
  if (typeof o.destroy === 'function') this._destroy = o.destroy;
}
inherit(Readable, EE);
Readable.prototype._read = function () { };
Readable.prototype.push = function (chunk, enc) {
  if (this._ended) return false;
  if (chunk === null) { this._ended = true; this._schedule(); return false; }
  chunk = toChunk(this, chunk, enc);
  if (this._decoder && !this._objectMode && typeof chunk !== 'string') chunk = Buf.from(chunk).toString(this._decoder);
  this._buf.push(chunk);
  this._schedule();
  return true;
};
Readable.prototype.unshift = function (chunk) { this._buf.unshift(chunk); };
Readable.prototype.setEncoding = function (enc) { this._decoder = enc; return this; };
Readable.prototype._schedule = function () {
  var self = this;
  if (self._scheduled) return;
  self._scheduled = true;
  later(function () { self._scheduled = false; self._flow(); });
};
Readable.prototype._flow = function () {
  if (this.destroyed) return;
  if (this._flowing) {
    while (this._flowing && this._buf.length) this.emit('data', this._buf.shift());
  } else if (this._buf.length) this.emit('readable');
  if (this._ended && this._buf.length === 0) {
    if (!this._endEmitted) { this._endEmitted = true; this.readable = false; this.emit('end'); var self = this; later(function () { self.emit('close'); }); }
    return;
  }
  if (this._flowing && !this._ended && !this._reading) {
    this._reading = true;
    var me = this;
    later(function () { me._reading = false; if (!me._ended && !me.destroyed) { var before = me._buf.length; me._read(16384); if (me._buf.length !== before || me._ended) me._schedule(); } });
  }
};
Readable.prototype.read = function () {
  if (this._buf.length === 0) { if (!this._ended) this._read(16384); if (this._ended) this._schedule(); return null; }
  var c = this._buf.shift();
  if (this._ended && this._buf.length === 0) this._schedule();
  return c;
};
Readable.prototype.on = function (ev, fn) {
  EE.prototype.on.call(this, ev, fn);
  if (ev === 'data' && this._flowing !== false) this.resume();
  if (ev === 'readable' || ev === 'end') this._schedule();
  return this;
};
Readable.prototype.addListener = Readable.prototype.on;
Readable.prototype.resume = function () { this._flowing = true; this._schedule(); return this; };
Readable.prototype.pause = function () { this._flowing = false; return this; };
Readable.prototype.isPaused = function () { return this._flowing === false; };
Readable.prototype.pipe = function (dest, opts) {
  var src = this;
  src.on('data', function (c) { dest.write(c); });
  if (!opts || opts.end !== false) src.on('end', function () { dest.end(); });
  dest.emit('pipe', src);
  return dest;
};
Readable.prototype.unpipe = function () { this.removeAllListeners('data'); return this; };
Readable.prototype.destroy = function (err) {
  if (this.destroyed) return this;
  this.destroyed = true;
  var self = this;
  var done = function (e) { later(function () { if (e) self.emit('error', e); self.emit('close'); }); };
  if (this._destroy) this._destroy(err || null, done); else done(err);
  return this;
};
Readable.prototype[Symbol.asyncIterator] = function () {
  var self = this, queue = [], waiting = null, done = false, failure = null;
  self.on('data', function (c) { if (waiting) { var w = waiting; waiting = null; w.resolve({ value: c, done: false }); } else queue.push(c); });
  self.on('end', function () { done = true; if (waiting) { var w = waiting; waiting = null; w.resolve({ value: undefined, done: true }); } });
  self.on('error', function (e) { failure = e; if (waiting) { var w = waiting; waiting = null; w.reject(e); } });
  return {
    next: function () {
      if (failure) return Promise.reject(failure);
      if (queue.length) return Promise.resolve({ value: queue.shift(), done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise(function (resolve, reject) { waiting = { resolve: resolve, reject: reject }; });
    },
    return: function () { self.destroy(); return Promise.resolve({ value: undefined, done: true }); },
    [Symbol.asyncIterator]: function () { return this; }
  };
};
Readable.from = function (it, o) {
  var r = new Readable(Object.assign({ objectMode: true }, o));
  if (typeof it === 'string' || it instanceof Uint8Array) { r._objectMode = !!(o && o.objectMode); r.push(it); r.push(null); return r; }
  var iter = it[Symbol.asyncIterator] ? it[Symbol.asyncIterator]() : it[Symbol.iterator]();
  var busy = false;
  r._read = function () {
    if (busy) return;
    busy = true;
    Promise.resolve(iter.next()).then(function (x) { busy = false; if (x.done) r.push(null); else { r.push(x.value); } }, function (e) { busy = false; r.destroy(e); });
  };
  return r;
};
function Writable(o) {
  if (!(this instanceof Writable)) return new Writable(o);
  EE.call(this);
  o = o || {};
  this._objectMode = !!(o.objectMode || o.writableObjectMode);
  this.writable = true; this._ending = false; this.writableFinished = false; this.destroyed = false; this._pending = 0; this._queue = [];
  if (typeof o.write === 'function') this._write = o.write;
  if (typeof o.final === 'function') this._final = o.final;
  if (typeof o.destroy === 'function') this._destroy = o.destroy;
}
inherit(Writable, EE);
Writable.prototype._write = function (c, e, cb) { cb(); };
Writable.prototype.write = function (chunk, enc, cb) {
  if (typeof enc === 'function') { cb = enc; enc = undefined; }
  if (this._ending) { var err = new Error('write after end'); err.code = 'ERR_STREAM_WRITE_AFTER_END'; var me0 = this; later(function () { if (cb) cb(err); me0.emit('error', err); }); return false; }
  chunk = this._objectMode ? chunk : typeof chunk === 'string' ? Buf.from(chunk, enc) : chunk;
  this._queue.push([chunk, enc || 'buffer', cb]);
  this._drainQueue();
  return true;
};
Writable.prototype._drainQueue = function () {
  var self = this;
  if (self._busy || self.destroyed) return;
  var item = self._queue.shift();
  if (!item) { if (self._ending) self._finish(); return; }
  self._busy = true;
  self._write(item[0], item[1], function (err) {
    self._busy = false;
    if (item[2]) later(function () { item[2](err || null); });
    if (err) { self.destroy(err); return; }
    later(function () { self._drainQueue(); });
  });
};
Writable.prototype._finish = function () {
  var self = this;
  if (self._finishing) return;
  self._finishing = true;
  var done = function (err) { if (err) { self.destroy(err); return; } self.writableFinished = true; self.writable = false; later(function () { self.emit('finish'); self.emit('close'); }); };
  if (self._final) self._final(done); else done();
};
Writable.prototype.end = function (chunk, enc, cb) {
  if (typeof chunk === 'function') { cb = chunk; chunk = undefined; }
  else if (typeof enc === 'function') { cb = enc; enc = undefined; }
  if (chunk !== undefined && chunk !== null) this.write(chunk, enc);
  if (cb) this.once('finish', cb);
  this._ending = true;
  this._drainQueue();
  return this;
};
Writable.prototype.cork = Writable.prototype.uncork = function () { };
Writable.prototype.destroy = Readable.prototype.destroy;
function Duplex(o) {
  if (!(this instanceof Duplex)) return new Duplex(o);
  Readable.call(this, o);
  var w = new Writable(o);
  for (var k in w) if (Object.prototype.hasOwnProperty.call(w, k) && !(k in this) || k === '_queue' || k === '_ending' || k === '_pending' || k === 'writable' || k === 'writableFinished') this[k] = w[k];
  if (o && typeof o.write === 'function') this._write = o.write;
  if (o && typeof o.final === 'function') this._final = o.final;
  this._objectMode = !!(o && (o.objectMode || o.readableObjectMode));
}
inherit(Duplex, Readable);
['write', '_drainQueue', '_finish', 'end', 'cork', 'uncork'].forEach(function (m) { Duplex.prototype[m] = Writable.prototype[m]; });
Duplex.prototype._write = function (c, e, cb) { cb(); };
function Transform(o) {
  if (!(this instanceof Transform)) return new Transform(o);
  Duplex.call(this, o);
  if (o && typeof o.transform === 'function') this._transform = o.transform;
  if (o && typeof o.flush === 'function') this._flush = o.flush;
  var self = this;
  this._write = function (chunk, enc, cb) {
    self._transform(chunk, enc, function (err, data) { if (data !== undefined && data !== null) self.push(data); cb(err); });
  };
  this._final = function (cb) {
    var fin = function (err, data) { if (data !== undefined && data !== null) self.push(data); self.push(null); cb(err); };
    if (self._flush) self._flush(fin); else fin();
  };
}
inherit(Transform, Duplex);
Transform.prototype._transform = function (c, e, cb) { cb(null, c); };
function PassThrough(o) { if (!(this instanceof PassThrough)) return new PassThrough(o); Transform.call(this, o); }
inherit(PassThrough, Transform);
function finished(stream, cb) {
  var done = false;
  function once(err) { if (done) return; done = true; cb(err); }
  stream.on('error', once);
  stream.on('end', function () { once(); });
  stream.on('finish', function () { once(); });
  return function () { };
}
function pipeline() {
  var streams = Array.prototype.slice.call(arguments);
  var cb = typeof streams[streams.length - 1] === 'function' ? streams.pop() : null;
  if (streams.length === 1 && Array.isArray(streams[0])) streams = streams[0];
  var called = false;
  function done(err) { if (called) return; called = true; if (cb) cb(err); }
  for (var i = 0; i < streams.length - 1; i++) streams[i].pipe(streams[i + 1]);
  streams.forEach(function (s) { s.on('error', function (e) { streams.forEach(function (x) { if (x !== s && x.destroy) x.destroy(); }); done(e); }); });
  var last = streams[streams.length - 1];
  finished(last, function (err) { done(err); });
  if (last instanceof Readable && !(last instanceof Writable) && last.resume) last.resume();
  return last;
}
module.exports = Readable;
Readable.Readable = Readable; Readable.Writable = Writable; Readable.Duplex = Duplex; Readable.Transform = Transform; Readable.PassThrough = PassThrough;
Readable.Stream = Readable; Readable.pipeline = pipeline; Readable.finished = finished;
Readable.promises = {
  pipeline: function () { var a = Array.prototype.slice.call(arguments); return new Promise(function (res, rej) { a.push(function (e) { if (e) rej(e); else res(); }); pipeline.apply(null, a); }); },
  finished: function (s) { return new Promise(function (res, rej) { finished(s, function (e) { if (e) rej(e); else res(); }); }); }
};
`;

/** Sources by module name. Names not listed here but known to Node fail with a clear message. */
export const GUEST_MODULES: Record<string, string> = {
  inspect: INSPECT,
  util: UTIL,
  path: PATH,
  events: EVENTS,
  buffer: BUFFER,
  date: DATE,
  timers: TIMERS,
  process: PROCESS,
  fs: FS,
  url: URL_MODULE,
  querystring: QUERYSTRING,
  os: OS,
  crypto: CRYPTO,
  assert: ASSERT,
  string_decoder: STRING_DECODER,
  rterrors: RTERRORS,
  console: CONSOLE,
  intl: INTL,
  stream: STREAM,
  zlib: ZLIB,
};
