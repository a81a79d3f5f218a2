/**
 * The guest side of the runtime: the part of Lambda's Node.js runtime (RIC) that lives inside the
 * sandbox — console, module loader, timers, the context object and the completion rules.
 *
 * It is one source string, evaluated once per QuickJS context as a function of two arguments:
 * `H`, the allow-listed host functions (never stored on `globalThis`), and `C`, the configuration.
 * Intrinsics are captured before any user code runs, so a handler that replaces `JSON.stringify`,
 * `Array.prototype.push` or `Promise.prototype.then` does not change what the runtime reports.
 * Larger Node modules (util.inspect, Buffer, events, fs …) live in `modules.ts` and are compiled
 * lazily on first use, to keep a cold start small.
 *
 * No backticks in this source (it sits inside String.raw).
 */
export const CORE_SOURCE = String.raw`(function (H, C) {
'use strict';
var G = globalThis;
var O = Object, RA = Reflect.apply, defineProperty = O.defineProperty, keys = O.keys, getProto = O.getPrototypeOf;
var hasOwn = O.prototype.hasOwnProperty, objToString = O.prototype.toString;
var JSONstringify = JSON.stringify, JSONparse = JSON.parse, isArray = Array.isArray;
C = JSONparse(C);
var Str = String, ErrorC = Error, SyntaxErrorC = SyntaxError, TypeErrorC = TypeError, RangeErrorC = RangeError;
var PromiseC = Promise, promiseThen = Promise.prototype.then, promiseResolve = Promise.resolve;
var MapC = Map, mapGet = Map.prototype.get, mapSet = Map.prototype.set, mapDelete = Map.prototype.delete, mapHas = Map.prototype.has;
var mapForEach = Map.prototype.forEach, mapSizeGet = O.getOwnPropertyDescriptor(Map.prototype, 'size').get;
var strSplit = String.prototype.split, strSlice = String.prototype.slice, strIndexOf = String.prototype.indexOf, strReplace = String.prototype.replace;
var strCharCodeAt = String.prototype.charCodeAt, strLastIndexOf = String.prototype.lastIndexOf, strTrim = String.prototype.trim;
var arrJoin = Array.prototype.join, arrSlice = Array.prototype.slice, arrShift = Array.prototype.shift;
var funcToString = Function.prototype.toString, MathFloor = Math.floor, MathMax = Math.max, NumberC = Number, DateC = Date;
var dateToISO = Date.prototype.toISOString;
function call(fn, self, a, b, c) { return RA(fn, self, arguments.length > 2 ? arrSlice.call(arguments, 2) : []); }
function push(arr, v) { defineProperty(arr, arr.length, { value: v, writable: true, enumerable: true, configurable: true }); }
function split(s, sep) { return RA(strSplit, s, [sep]); }
function startsWith(s, p) { return RA(strSlice, s, [0, p.length]) === p; }
var LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'];
var minLevel = C.minLevel, jsonLogs = C.logFormat === 'JSON';

// ---- lazy libraries (modules.ts) --------------------------------------------------------------
var libs = O.create(null);
function lib(name) {
  var m = libs[name];
  if (m) return m.exports;
  m = { exports: {} };
  libs[name] = m;
  var fn = H.lib(name);
  RA(fn, m.exports, [m.exports, requireBuiltin, m, INTERNAL]);
  return m.exports;
}

// ---- errors in the runtime's shapes (RIC Errors.js) -------------------------------------------
function isNativeError(e) {
  try { return e instanceof ErrorC || RA(objToString, e, []) === '[object Error]'; } catch (x) { return false; }
}
// Error shaping (RIC Errors.js) lives in the lazily compiled 'rterrors' module: only failures pay for it.
function E() { return lib('rterrors'); }
function nodeStack(e) { return E().nodeStack(e); }
function toRapidResponse(e) {
  try { return E().toRapidResponse(e); }
  catch (x) { return { errorType: 'Runtime.Unknown', errorMessage: 'the runtime could not describe the error', trace: [] }; }
}
function runtimeError(name, message, stackFrames) {
  var e = new ErrorC(message);
  defineProperty(e, 'name', { value: name, writable: true, configurable: true, enumerable: false });
  if (stackFrames !== undefined) e.stack = stackFrames;
  return e;
}

// ---- console (RIC LogPatch.js) ----------------------------------------------------------------
function formatArgs(args) {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  try { return lib('inspect').format(args); } catch (e) { return safeFormat(args); }
}
// Used when util.format itself fails (a handler tampered with the intrinsics it relies on): plain
// strings and JSON, built only from functions captured before any user code ran.
function safeFormat(args) {
  var parts = [];
  for (var i = 0; i < args.length; i++) {
    var v = args[i], s;
    try {
      if (typeof v === 'string') s = v;
      else if (v !== null && typeof v === 'object') { s = JSONstringify(v); if (s === undefined) s = Str(v); }
      else s = Str(v);
    } catch (x) { s = '[unprintable]'; }
    push(parts, s);
  }
  return RA(arrJoin, parts, [' ']);
}
function jsonBody(args) {
  try { return jsonBodyUnsafe(args); } catch (e) { return '"message":' + JSONstringify(safeFormat(args)); }
}
function jsonBodyUnsafe(args) { return E().jsonBody(args); }
// Nothing bigger than CloudWatch's event size crosses to the host: a guest must not make the host
// copy a string larger than its own heap can take.
var MAX_EVENT = 262144, MAX_RESPONSE = 6291556;
function cut(s) { return s.length > MAX_EVENT ? RA(strSlice, s, [0, MAX_EVENT]) + '… [truncated to 256 KB]' : s; }
function emit(level, args) {
  if (level < minLevel) return;
  if (jsonLogs) {
    var body = jsonBody(args);
    if (body.length > MAX_EVENT) body = '"message":' + JSONstringify(cut(safeFormat(args)));
    H.log(level, '', body);
  } else H.log(level, cut(formatArgs(args)));
}
// An error payload is capped like a log event (RIC would send it whole; its size is what the caller
// would reject): very long messages and traces are cut.
function errorJson(e) {
  var p = toRapidResponse(e), j = JSONstringify(p);
  if (j.length <= MAX_EVENT) return j;
  if (typeof p.errorMessage === 'string') p.errorMessage = cut(p.errorMessage);
  if (isArray(p.trace) && p.trace.length > 50) p.trace = RA(arrSlice, p.trace, [0, 50]);
  j = JSONstringify(p);
  return j.length <= MAX_EVENT * 2 ? j : JSONstringify({ errorType: Str(p.errorType), errorMessage: cut(Str(p.errorMessage)) });
}
function logError(msg, err) { try { E().logError(msg, err); } catch (x) { } }
var groupIndent = { value: '' };
function levelFn(level) {
  return function () {
    var args = arrSlice.call(arguments);
    if (groupIndent.value && args.length && typeof args[0] === 'string') args[0] = groupIndent.value + args[0];
    emit(level, args);
  };
}
function extra(name) { return function () { return RA(lib('console')[name], undefined, arrSlice.call(arguments)); }; }
var consoleObj = {
  log: levelFn(2), info: levelFn(2), warn: levelFn(3), error: levelFn(4), debug: levelFn(1), trace: levelFn(0), fatal: levelFn(5),
  dir: extra('dir'), table: extra('table'), assert: extra('assert'), count: extra('count'), countReset: extra('countReset'), time: extra('time'),
  timeEnd: extra('timeEnd'), timeLog: extra('timeLog'), group: extra('group'), groupCollapsed: extra('groupCollapsed'), groupEnd: extra('groupEnd')
};

// ---- lazily compiled parts: Date, timers, process (modules.ts) --------------------------------
function uncaught(e) {
  logError('Uncaught Exception', e);
  H.crash(errorJson(e));
}
function guarded(fn, self, args) {
  try { RA(fn, self, args); } catch (e) { uncaught(e); }
}
var resolvedPromise = RA(promiseResolve, PromiseC, [undefined]);
function queueMicrotaskImpl(cb) {
  if (typeof cb !== 'function') { var e = new TypeErrorC('The "callback" argument must be of type function. Received ' + typeof cb); e.code = 'ERR_INVALID_ARG_TYPE'; throw e; }
  RA(promiseThen, resolvedPromise, [function () { guarded(cb, undefined, []); }]);
}
var envTarget = O.create(O.prototype);
var envKeys = keys(C.env);
for (var i = 0; i < envKeys.length; i++) envTarget[envKeys[i]] = C.env[envKeys[i]];
// process.env stores strings, as Node's does: assigned values are converted with String().
var env = new Proxy(envTarget, {
  set: function (t, k, v) { t[k] = typeof k === 'symbol' ? v : Str(v); return true; },
  defineProperty: function (t, k, d) { if ('value' in d && typeof k !== 'symbol') d.value = Str(d.value); return Reflect.defineProperty(t, k, d); }
});

// ---- globals ----------------------------------------------------------------------------------
function defGlobal(name, value) { defineProperty(G, name, { value: value, writable: true, configurable: true, enumerable: false }); }
function lazyGlobal(name, get) {
  defineProperty(G, name, {
    get: function () { var v = get(); defGlobal(name, v); return v; },
    set: function (v) { defGlobal(name, v); },
    configurable: true, enumerable: false
  });
}
defGlobal('console', consoleObj);
defGlobal('global', G);
defGlobal('queueMicrotask', queueMicrotaskImpl);
function timersLib() { return lib('timers'); }
// name:module:export — globals compiled on first use.
var LAZY = split('process:process:,Date:date:Date,performance:date:performance,setTimeout:timers:setTimeout,setInterval:timers:setInterval,' +
  'clearTimeout:timers:clearTimeout,clearInterval:timers:clearInterval,setImmediate:timers:setImmediate,clearImmediate:timers:clearImmediate,' +
  'Buffer:buffer:Buffer,TextEncoder:buffer:TextEncoder,TextDecoder:buffer:TextDecoder,atob:buffer:atob,btoa:buffer:btoa,' +
  'structuredClone:inspect:structuredClone,URL:url:URL,URLSearchParams:url:URLSearchParams,crypto:crypto:webcrypto,' +
  'AbortController:events:AbortController,AbortSignal:events:AbortSignal,EventTarget:events:EventTarget,Event:events:Event', ',');
function lazyFrom(mod, key) { return function () { var m = lib(mod); return key ? m[key] : m; }; }
for (var li = 0; li < LAZY.length; li++) { var parts = split(LAZY[li], ':'); lazyGlobal(parts[0], lazyFrom(parts[1], parts[2])); }
lazyGlobal('Intl', lazyFrom('intl', 'Intl'));
// Number.prototype.toLocaleString with en-US grouping (QuickJS has no Intl): compiled on first use.
defineProperty(NumberC.prototype, 'toLocaleString', {
  get: function () { var f = lib('intl').numberToLocaleString; try { defineProperty(NumberC.prototype, 'toLocaleString', { value: f, writable: true, configurable: true, enumerable: false }); } catch (e) { } return f; },
  set: function (v) { defineProperty(NumberC.prototype, 'toLocaleString', { value: v, writable: true, configurable: true, enumerable: false }); },
  configurable: true, enumerable: false
});
// V8's Error.captureStackTrace, which libraries call in custom error constructors.
if (typeof ErrorC.captureStackTrace !== 'function') {
  defineProperty(ErrorC, 'captureStackTrace', { value: function captureStackTrace(obj) {
    if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) throw new TypeErrorC('Invalid argument');
    var frames = new ErrorC().stack;
    var nl = typeof frames === 'string' ? RA(strIndexOf, frames, ['\n']) : -1;
    defineProperty(obj, 'stack', { value: nl >= 0 ? RA(strSlice, frames, [nl + 1]) : '', writable: true, configurable: true, enumerable: false });
  }, writable: true, configurable: true, enumerable: false });
  ErrorC.stackTraceLimit = 10;
}
// Node 22 has fetch; the sandbox has no network, so it exists only to fail clearly.
defGlobal('fetch', function fetch(input) {
  var e = new TypeErrorC('fetch is not available in Lambda Lab: functions here have no network access (requested ' + Str(input && input.url ? input.url : input) + '). Use the simulated AWS SDK to reach AWS services.');
  e.code = 'ERR_NOT_SIMULATED';
  return RA(promiseThen, resolvedPromise, [function () { throw e; }]);
});
// Lambda's RIC defines globalThis.awslambda (response streaming helpers).
defGlobal('awslambda', { streamifyResponse: function (h) { return h; }, HttpResponseStream: { from: function (s) { return s; } } });

// ---- modules (CommonJS registry; ES modules arrive transformed to CommonJS) -------------------
var SIMULATED = C.builtins; // names of simulated Node built-ins
var moduleCache = O.create(null);
function requireBuiltin(name) {
  if (startsWith(name, 'node:')) name = RA(strSlice, name, [5]);
  if (name === 'fs/promises') return lib('fs').promises;
  if (name === 'path/posix') return lib('path');
  if (name === 'util/types') return lib('util').types;
  if (name === 'timers/promises') return lib('timers').promises;
  if (name === 'stream/promises') return lib('stream').promises;
  if (name === 'process') return lib('process');
  if (name === 'console') return consoleObj;
  return lib(name);
}
function moduleNotFound(request, parent, extra) {
  var stack = [];
  for (var m = parent; m; m = m.parent) push(stack, '- ' + m.filename);
  push(stack, '- /var/runtime/index.mjs');
  var e = new ErrorC('Cannot find module \'' + request + '\'' + (extra || '') + '\nRequire stack:\n' + RA(arrJoin, stack, ['\n']));
  e.code = 'MODULE_NOT_FOUND';
  e.requireStack = RA(arrSlice, stack, []);
  return e;
}
function Module(filename, parent) {
  this.id = filename; this.filename = filename; this.path = dirname(filename); this.exports = {};
  this.parent = parent; this.loaded = false; this.children = [];
}
// The bridge host modules (e.g. the simulated AWS SDK) use to await the host: JSON in, JSON out.
var HOST_BRIDGE = O.freeze({
  call: function (name, payload) {
    var json = payload === undefined ? '' : JSONstringify(payload);
    if (json !== undefined && json.length > MAX_RESPONSE) return RA(promiseThen, resolvedPromise, [function () { throw new RangeErrorC('host call payload over ' + MAX_RESPONSE + ' characters'); }]);
    return H.hostCall(cut(Str(name)), json === undefined ? '' : json);
  }
});
function dirname(p) { var i = RA(strLastIndexOf, p, ['/']); return i <= 0 ? '/' : RA(strSlice, p, [0, i]); }
function makeRequire(mod) {
  function require(request) {
    if (typeof request !== 'string' || request === '') {
      var e = new TypeErrorC('The "id" argument must be of type string. Received ' + (request === '' ? "''" : typeof request));
      e.code = request === '' ? 'ERR_INVALID_ARG_VALUE' : 'ERR_INVALID_ARG_TYPE';
      throw e;
    }
    if (request.length > 4096) throw moduleNotFound(RA(strSlice, request, [0, 64]) + '…', mod, '');
    var r = H.resolve(request, mod ? mod.path : '/var/task');
    var kind = r[0], target = r[1];
    if (kind === 'builtin') return requireBuiltin(target);
    if (kind === 'unsupported') throw moduleNotFound(request, mod, ' (Lambda Lab does not simulate the Node.js built-in \'' + target + '\': the sandbox has no processes, sockets or host access)');
    if (kind === 'missing') throw moduleNotFound(request, mod, '');
    var cached = moduleCache[target];
    if (cached) return cached.exports;
    var m = new Module(target, mod);
    moduleCache[target] = m;
    if (mod) push(mod.children, m);
    try {
      var compiled = H.compile(target);
      if (!compiled[0]) {
        var se = compiled[1];
        if (typeof se === 'string') { se = new SyntaxErrorC(se); se.stack = '    at ' + target + ':' + compiled[2] + ':' + compiled[3] + '\n'; }
        throw se;
      }
      var fn = compiled[1], meta = { url: 'file://' + target, filename: target, dirname: m.path };
      var ret = RA(fn, m.exports, [m.exports, makeRequire(m), m, target, m.path, meta, kind === 'host' ? HOST_BRIDGE : undefined]);
      if (ret && typeof ret.then === 'function') m.evaluation = ret; // ES module with top-level await
    } catch (err) {
      delete moduleCache[target];
      throw err;
    }
    m.loaded = true;
    return m.exports;
  }
  require.resolve = function (request) {
    var r = H.resolve(request, mod ? mod.path : '/var/task');
    if (r[0] === 'builtin') return r[1];
    if (r[0] === 'file' || r[0] === 'host') return r[1];
    throw moduleNotFound(request, mod, '');
  };
  require.cache = moduleCache;
  require.main = undefined;
  return require;
}
defGlobal('require', undefined);
delete G.require;
var K = {
  RA: RA, defineProperty: defineProperty, keys: keys, arrSlice: arrSlice, strSlice: strSlice, MapC: MapC, mapGet: mapGet, mapSet: mapSet,
  mapDelete: mapDelete, mapForEach: mapForEach, promiseThen: promiseThen, resolvedPromise: resolvedPromise, MathFloor: MathFloor,
  NumberC: NumberC, TypeErrorC: TypeErrorC, RealDate: DateC, setPrototypeOf: O.setPrototypeOf, BigIntC: BigInt, Str: Str,
  JSONstringify: JSONstringify, strSplit: strSplit, strTrim: strTrim, strIndexOf: strIndexOf, ErrorC: ErrorC, SyntaxErrorC: SyntaxErrorC, arrJoin: arrJoin,
  push: push
};
var INTERNAL = {
  nodeStack: nodeStack, isNativeError: isNativeError, H: H, C: C, K: K, emit: emit, env: env, push: push, minLevel: minLevel, jsonLogs: jsonLogs, groupIndent: groupIndent,
  guarded: guarded, uncaught: uncaught, runtimeError: runtimeError, lib: lib,
  getRequestId: function () { return currentRequestId; }
};

// ---- init: load the handler (RIC UserFunction.js) ---------------------------------------------
var handlerFn = null, handlerIsAsync = false, handlerArgs = 0;
var currentRequestId = undefined;
function classifyInitError(e) { return E().classifyInitError(e); }
function resolveHandler(obj, path) {
  var parts = split(path, '.'), cur = obj;
  for (var i = 0; i < parts.length; i++) cur = cur && cur[parts[i]];
  return cur;
}
function initDone(err) {
  if (err === null) { H.initDone(true, ''); return; }
  var e = classifyInitError(err);
  logError('Uncaught Exception', e);
  H.initDone(false, errorJson(e));
}
function finishInit(exportsObj, fullHandler, handlerPath) {
  var fn = resolveHandler(exportsObj, handlerPath);
  if (!fn) throw E().handlerNotFound(fullHandler + ' is undefined or not exported');
  if (typeof fn !== 'function') throw E().handlerNotFound(fullHandler + ' is not a function');
  handlerFn = fn;
  try { handlerIsAsync = !!(fn.constructor && fn.constructor.name === 'AsyncFunction'); } catch (x) { handlerIsAsync = false; }
  handlerArgs = fn.length;
  if (C.runtime === 'nodejs24.x') {
    if (handlerArgs >= 3 && !handlerIsAsync) throw E().callbackHandlerDeprecated();
  } else if (handlerArgs === 3 && !handlerIsAsync && env.AWS_LAMBDA_NODEJS_DISABLE_CALLBACK_WARNING === undefined) {
    emit(3, [E().CALLBACK_WARNING]);
  }
}
function init() {
  var full = C.handler;
  try {
    if (RA(strIndexOf, full, ['..']) >= 0) throw runtimeError('Runtime.MalformedHandlerName', "'" + full + "' is not a valid handler name. Use absolute paths when specifying root directories in handler names.");
    var slash = RA(strLastIndexOf, full, ['/']);
    var base = slash >= 0 ? RA(strSlice, full, [slash + 1]) : full;
    var moduleRoot = slash >= 0 ? RA(strSlice, full, [0, slash + 1]) : '';
    var dot = RA(strIndexOf, base, ['.']);
    if (dot < 0) throw runtimeError('Runtime.MalformedHandlerName', 'Bad handler', 'Runtime.MalformedHandlerName: Bad handler\n    at _splitHandlerString (file:///var/runtime/index.mjs:1049:11)');
    var moduleName = RA(strSlice, base, [0, dot]), handlerPath = RA(strSlice, base, [dot + 1]);
    var r = H.entry(moduleRoot + moduleName);
    if (r[0] !== 'file') {
      var nf = new ErrorC("Cannot find module '" + moduleName + "'\nRequire stack:\n- /var/runtime/index.mjs");
      nf.code = 'MODULE_NOT_FOUND';
      throw nf;
    }
    var entryRequire = makeRequire(null);
    var exportsObj = entryRequire(r[1]);
    var m = moduleCache[r[1]];
    if (m && m.evaluation) {
      RA(promiseThen, m.evaluation, [function () {
        try { finishInit(m.exports, full, handlerPath); initDone(null); } catch (e2) { initDone(e2); }
      }, function (e3) { initDone(e3); }]);
      return;
    }
    finishInit(exportsObj, full, handlerPath);
    initDone(null);
  } catch (e) { initDone(e); }
}

// ---- invoke (RIC Runtime.js + CallbackContext.js) ---------------------------------------------
var exitListener = null;
// The invoke's outcome waits here until the host takes it after a job round (take(), one plain call):
// a host callback per invoke cost more than the rest of a trivial invoke's crossings together.
// The first outcome since the last take wins, as the host's guard did. Kinds: '1' a response, '0'
// an error payload (body: JSON text, never empty), '2' a response over the limit (body: its size).
var outcomeKind = '', outcomeBody = '';
function report(ok, body, size) {
  if (outcomeKind !== '') return;
  if (size !== undefined) { outcomeKind = '2'; outcomeBody = '' + size; }
  else { outcomeKind = ok ? '1' : '0'; outcomeBody = body; }
}
// Kind and body in one string, or for a large body the kind alone: the body then crosses by itself
// (takeBody), so a response near the memory limit is not copied into a second string.
function take() {
  var k = outcomeKind;
  if (k === '' || outcomeBody.length > 65536) return k;
  var o = k + outcomeBody;
  outcomeKind = ''; outcomeBody = '';
  return o;
}
function takeBody() { var b = outcomeBody; outcomeKind = ''; outcomeBody = ''; return b; }
function isPromise(o) { try { return !!(o && o.then && typeof o.then === 'function'); } catch (x) { return false; } }
function postResponse(result) {
  var body;
  try { body = JSONstringify(result === undefined ? null : result); }
  catch (x) { throw E().stringifyError(); }
  if (body === undefined) body = 'null';
  // An oversized response is measured here and only its size crosses to the host.
  // More characters than the limit has bytes is always too large; its size is reported as its length
  // in characters (exact for ASCII JSON, a lower bound otherwise) without scanning it.
  if (body.length > MAX_RESPONSE) { report(true, '', body.length); return; }
  report(true, body);
}
function postError(err) {
  logError('Invoke Error', err);
  report(false, errorJson(err));
}
// One invoke's callback state (RIC CallbackContext.js): 'completed' guards the response, 'finished'
// lets only the first call of callback/succeed/fail/done through (RIC onlyAllowFirstCall: set after
// the call), 'wait' is callbackWaitsForEmptyEventLoop. Only the functions the handler receives close
// over it; the rest take it as an argument (closures were the larger part of a trivial invoke).
function completeWith(st, result) {
  if (st.completed) {
    emit(4, ['Invocation has already been reported as done. Cannot call complete more than once per invocation.']);
    return;
  }
  st.completed = true;
  postResponse(result);
}
function callbackWith(st, err, result) {
  exitListener = null;
  if (err !== undefined && err !== null) postError(err);
  else if (!st.wait) completeWith(st, result);
  else exitListener = function () { timersLib().setImmediate(function () { completeWith(st, result); }); };
}
function doneWith(st, err, result) {
  exitListener = null;
  if (err !== undefined && err !== null) postError(err);
  else completeWith(st, result);
}
function failWith(st, e) { if (e === undefined || e === null) doneWith(st, 'handled'); else doneWith(st, e, null); }
// An empty event loop before the handler completed (the invoke's default exit listener).
function exitWith(st) {
  st.completed = true;
  if (handlerIsAsync || C.runtime === 'nodejs24.x') {
    var ex = E().nodeJsExit();
    logError('Invoke Error', ex);
    report(false, errorJson(ex));
  } else report(true, 'null');
}
// The invoke's data arrive as separate strings: parsing one JSON object of them cost a tenth of a
// trivial invoke. clientContext and identity are JSON text, '' when absent.
function invoke(eventJson, requestId, invokedFunctionArn, traceId, clientContextJson, identityJson) {
  currentRequestId = requestId;
  var event = JSONparse(eventJson);
  var st = { completed: false, finished: false, wait: true };
  var context = {};
  if (C.runtime !== 'nodejs24.x') {
    defineProperty(context, 'callbackWaitsForEmptyEventLoop', {
      get: function () { return st.wait; },
      set: function (v) { st.wait = v; },
      enumerable: true, configurable: true
    });
    context.succeed = function (a, b) { if (!st.finished) { doneWith(st, null, a); st.finished = true; } };
    context.fail = function (a, b) { if (!st.finished) { failWith(st, a); st.finished = true; } };
    context.done = function (a, b) { if (!st.finished) { doneWith(st, a, b); st.finished = true; } };
  }
  context.functionVersion = C.version;
  context.functionName = C.functionName;
  context.memoryLimitInMB = C.memoryLimitInMB;
  context.logGroupName = C.logGroupName;
  context.logStreamName = C.logStreamName;
  context.clientContext = clientContextJson === '' ? undefined : JSONparse(clientContextJson);
  context.identity = identityJson === '' ? undefined : JSONparse(identityJson);
  context.invokedFunctionArn = invokedFunctionArn;
  context.awsRequestId = requestId;
  context.getRemainingTimeInMillis = function getRemainingTimeInMillis() { return H.remaining(); };
  // Straight to the proxy's target: the set trap would only convert the string to a string.
  envTarget._X_AMZN_TRACE_ID = traceId;
  var callback = function (a, b) { if (!st.finished) { callbackWith(st, a, b); st.finished = true; } };
  // nodejs24.x has no callback members: the promise settles through the unguarded done. Otherwise
  // through the context's members as they are after the handler ran (RIC reads them then).
  var settle = C.runtime === 'nodejs24.x'
    ? { succeed: function (r) { doneWith(st, null, r); }, fail: function (e) { failWith(st, e); } }
    : context;
  exitListener = st;
  try {
    var result = RA(handlerFn, undefined, [event, context, callback]);
    if (isPromise(result)) {
      // RIC: result.then(succeed, fail).catch(fail). Native promises go through the captured then;
      // any other thenable through its own.
      var p = result instanceof PromiseC ? RA(promiseThen, result, [settle.succeed, settle.fail]) : result.then(settle.succeed, settle.fail);
      if (p instanceof PromiseC) RA(promiseThen, p, [undefined, settle.fail]);
    } else if (C.runtime === 'nodejs24.x') {
      settle.succeed(result);
    }
  } catch (err) {
    if (C.runtime === 'nodejs24.x') settle.fail(err); else callback(err);
  }
}
// The host calls this when the event loop is empty (BeforeExitListener).
// exitListener is the invoke's state (the default listener, exitWith) or a callback's own listener.
function drained() {
  var l = exitListener;
  exitListener = null;
  if (l === null) return false;
  if (typeof l === 'function') l(); else exitWith(l);
  return true;
}

return {
  init: init,
  invoke: invoke,
  take: take,
  takeBody: takeBody,
  drained: drained,
  nextDue: function () { return libs.timers ? lib('timers').nextDue() : -1; },
  runNext: function (now) { return libs.timers ? lib('timers').runNext(now) : false; },
  ticks: function () { if (libs.timers) lib('timers').runTicks(); },
  uncaught: uncaught
};
})`;
