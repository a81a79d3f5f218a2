/**
 * The hostile-handler suite: each handler below tries to hang, exhaust, break or escape the sandbox.
 * Every test proves two things: the attempt is contained with a clear, Lambda-shaped result, and the
 * next invocation (in the same environment, or a fresh one when the attack is in init) works.
 *
 * Handlers follow one pattern: `event.ok` → return "fine"; otherwise attack. Timeouts are small
 * (1 s) and memory is 128 MB so the whole suite stays fast; virtual time makes waits free.
 */
import { describe, expect, it } from "vitest";
import { newEnvironment } from "../../sandbox/runtime/environment";
import type { FunctionConfig, InvokeResult, LambdaErrorPayload } from "../../sandbox/runtime/types";

type Check = (r: InvokeResult) => void;

/** Run one hostile invoke, check it, then prove the same environment still serves a normal request. */
async function contained(attack: string, check: Check, config: Partial<FunctionConfig> = {}, init = ""): Promise<void> {
  const src = `${init}\nexports.handler = async (event, context, callback) => { if (event.ok) return 'fine'; ${attack} };`;
  const env = await newEnvironment({ timeoutSeconds: 1, ...config, files: { "index.js": src } });
  try {
    const r = await env.invoke({});
    check(r);
    const next = await env.invoke({ ok: true });
    expect(next.status, JSON.stringify(next.payload)).toBe("success");
    expect(next.payload).toBe("fine");
  } finally {
    env.dispose();
  }
}

/** For attacks in module code: the failing environment reports the error; a fresh one works. */
async function containedAtInit(moduleCode: string, check: Check, config: Partial<FunctionConfig> = {}): Promise<void> {
  const env = await newEnvironment({ timeoutSeconds: 1, ...config, files: { "index.js": moduleCode + "\nexports.handler = async () => 'fine';" } });
  try {
    check(await env.invoke({}));
  } finally {
    env.dispose();
  }
  const fresh = await newEnvironment({ timeoutSeconds: 1, ...config, files: { "index.js": "exports.handler = async () => 'fine';" } });
  expect((await fresh.invoke({})).payload).toBe("fine");
  fresh.dispose();
}

const timedOut: Check = (r) => {
  expect(r.status).toBe("timeout");
  expect((r.payload as LambdaErrorPayload).errorType).toBe("Sandbox.Timedout");
  expect((r.payload as LambdaErrorPayload).errorMessage).toMatch(/Task timed out after 1\.00 seconds$/);
  expect(r.environmentReset).toBe(true);
};
const outOfMemory: Check = (r) => {
  expect(r.status).toBe("error");
  expect((r.payload as LambdaErrorPayload).errorType).toBe("Runtime.OutOfMemory");
  expect(r.maxMemoryUsedMB).toBe(128);
};
const errorOf =
  (errorType: string | RegExp, message?: RegExp): Check =>
  (r) => {
    expect(r.status).toBe("error");
    const p = r.payload as LambdaErrorPayload;
    if (typeof errorType === "string") expect(p.errorType).toBe(errorType);
    else expect(p.errorType).toMatch(errorType);
    if (message) expect(p.errorMessage).toMatch(message);
  };
const succeeded =
  (payload?: unknown): Check =>
  (r) => {
    expect(r.status, JSON.stringify(r.payload)).toBe("success");
    if (payload !== undefined) expect(r.payload).toEqual(payload);
  };

describe("hostile handlers: CPU", () => {
  it("a synchronous infinite loop times out through the interrupt handler", () => contained("while (true) {}", timedOut));
  it("an infinite loop that catches every exception still times out (the interrupt is uncatchable)", () =>
    contained("for (;;) { try { while (true) {} } catch (e) {} }", timedOut));
  it("an infinite chain of promise jobs times out", () => contained("const spin = () => Promise.resolve().then(spin); spin(); await new Promise(() => {});", timedOut));
  it("async recursion through await times out", () => contained("const f = async () => { await null; return f(); }; await f();", timedOut));
  it("an infinite loop inside a timer callback times out", () => contained("callback; await new Promise(() => setTimeout(() => { while (true) {} }, 10));", timedOut));
  it("a catastrophic regular expression is interrupted", () => contained("return /(a+)+$/.test('a'.repeat(40) + 'b');", timedOut));
  it("an infinite loop in a getter the runtime reads (response.then) times out", () =>
    contained("return { get then() { while (true) {} } };", (r) => expect(r.status).toBe("timeout")));
  it("an infinite loop in toJSON of the response times out", () => contained("return { toJSON() { for (;;) {} } };", timedOut));
  it("a while(true) in module code hits the 10 s init limit, then the retry is bounded by the timeout", () =>
    containedAtInit("while (true) {}", (r) => {
      expect(r.logs.some((l) => /^INIT_REPORT Init Duration: \d+\.\d\d ms\tPhase: init\tStatus: timeout$/.test(l.message))).toBe(true);
      expect(r.status).toBe("timeout");
      expect(r.durationMs).toBe(1000);
    }));
});

describe("hostile handlers: timers and the event loop", () => {
  it("a setInterval storm keeps a callback handler alive until the timeout", () =>
    contained("context.callbackWaitsForEmptyEventLoop = true; for (let i = 0; i < 2000; i++) setInterval(() => {}, 0); return new Promise(() => {});", timedOut));
  it("timers that never end do not delay an async handler's response", () =>
    contained("setInterval(() => console.log('tick'), 1); setTimeout(function again() { setTimeout(again, 1); }, 1); return 'answered';", succeeded("answered")));
  it("20,000 pending timers are contained and frozen", () => contained("for (let i = 0; i < 20000; i++) setTimeout(() => {}, 1e6 + i); return 'ok';", succeeded("ok"), { timeoutSeconds: 3, memoryMB: 1024 }));
  it("a callback called 10,000 times: the first call wins", () =>
    contained("context.callbackWaitsForEmptyEventLoop = false; for (let i = 0; i < 10000; i++) callback(null, i); return new Promise(() => {});", succeeded(0)));
  it("an unhandled rejection after the response does not leak into the next invoke", () =>
    contained("setTimeout(() => Promise.reject(new Error('late')), 5); Promise.reject(new Error('now')); return 'ok';", succeeded("ok")));
  it("process.exit() ends the invoke with Runtime.ExitError and resets the environment", () =>
    contained("process.exit(3);", (r) => {
      errorOf("Runtime.ExitError", /exit status 3$/)(r);
      expect(r.environmentReset).toBe(true);
    }));
  it("process.exit() in module code fails init with Runtime.ExitError", () => containedAtInit("process.exit(1);", errorOf("Runtime.ExitError")));
});

describe("hostile handlers: memory and stack", () => {
  it("an ArrayBuffer bomb runs out of memory (Runtime.OutOfMemory)", () => contained("const a = []; for (;;) a.push(new ArrayBuffer(8 * 1024 * 1024));", outOfMemory, { timeoutSeconds: 10 }));
  it("a string-doubling bomb kept in an array runs out of memory", () =>
    contained("const keep = []; let s = 'x'; for (;;) { s = s + s; keep.push(s + '!'); }", (r) => errorOf(/Runtime.OutOfMemory|InternalError|RangeError/)(r), { timeoutSeconds: 10 }));
  it("a huge array (new Array(1e8).fill) runs out of memory", () => contained("return new Array(1e8).fill(1).length;", outOfMemory, { timeoutSeconds: 5 }));
  it("an array growing forever runs out of memory", () => contained("const a = []; for (;;) a.push(1, 2, 3, 4, 5, 6, 7, 8);", outOfMemory, { timeoutSeconds: 10 }));
  it("a single huge allocation is refused", () => contained("return new ArrayBuffer(2 ** 31).byteLength;", (r) => errorOf(/Runtime.OutOfMemory|RangeError/)(r)));
  it("an object/Map bomb runs out of memory or time, and the environment is reset either way", () =>
    contained("const m = new Map(); for (let i = 0; ; i++) m.set(i, { i, s: 'v' + i });", (r) => {
      expect(["Runtime.OutOfMemory", "Sandbox.Timedout"]).toContain((r.payload as LambdaErrorPayload).errorType);
      expect(r.environmentReset).toBe(true);
    }, { timeoutSeconds: 10 }));
  it("a memory bomb that catches the out-of-memory error is contained (and the environment stays usable)", () =>
    contained("const a = []; try { for (;;) a.push(new ArrayBuffer(8 * 1024 * 1024)); } catch (e) { return 'survived'; }", (r) => {
      // Either the runtime notices the exhausted heap, or the handler really survived (QuickJS's
      // out-of-memory error is catchable): both are contained, never a host failure.
      if (r.status === "success") expect(r.payload).toBe("survived");
      else expect((r.payload as LambdaErrorPayload).errorType).toBe("Runtime.OutOfMemory");
    }, { timeoutSeconds: 10 }));
  it("unbounded recursion is a stack overflow error, not a host crash", () =>
    contained("const f = (n) => f(n + 1) + 1; return f(0);", errorOf(/InternalError|RangeError/, /stack overflow|Maximum call stack/)));
  it("recursion through toString/valueOf coercions is contained", () =>
    contained("const o = {}; o.toString = function () { return String(this); }; return String(o);", errorOf(/InternalError|RangeError/)));
  it("a 100,000-deep response exhausts the stack while being serialised: RangeError, reset, next invoke works", () =>
    contained("let o = {}; const root = o; for (let i = 0; i < 100000; i++) { o.a = {}; o = o.a; } return root;", (r) => {
      errorOf("RangeError", /^Maximum call stack size exceeded$/)(r);
      expect(r.environmentReset).toBe(true);
    }));
  it("JSON.stringify of a very deep value inside the handler is contained the same way", () =>
    contained("let o = []; for (let i = 0; i < 200000; i++) o = [o]; try { JSON.stringify(o); } catch (e) { return 'caught'; } return 'no error';", (r) => {
      if (r.status === "success") expect(r.payload).toBe("caught");
      else errorOf("RangeError", /^Maximum call stack size exceeded$/)(r);
    }));
});

describe("hostile handlers: the response", () => {
  it("a response over 6 MB fails with Function.ResponseSizeTooLarge", () =>
    contained("return 'x'.repeat(7 * 1024 * 1024);", errorOf("Function.ResponseSizeTooLarge", /^Response payload size \(\d+ bytes\) exceeded maximum allowed payload size \(6291556 bytes\)\.$/)));
  it("a circular response cannot be stringified", () => contained("const o = {}; o.o = o; return o;", errorOf("Error", /^Unable to stringify response body$/)));
  it("a BigInt in the response cannot be stringified", () => contained("return { n: 1n };", errorOf("Error", /^Unable to stringify response body$/)));
  it("a throwing getter in the response is a stringify failure", () =>
    contained("return { get boom() { throw new Error('getter'); } };", errorOf("Error", /^Unable to stringify response body$/)));
  it("symbols in the response are dropped as JSON.stringify does", () => contained("return { s: Symbol('x'), [Symbol('k')]: 1, ok: 1 };", succeeded({ ok: 1 })));
  it("a Proxy with throwing traps as the response is contained", () =>
    contained("return new Proxy({}, { ownKeys() { throw new Error('trap'); }, get() { throw new Error('trap'); } });", errorOf("Error", /^trap$/)));
  it("a thenable whose then getter throws is an ordinary error", () => contained("return { get then() { throw new Error('then-getter'); } };", errorOf("Error", /^then-getter$/)));
  it("a Proxy wrapping the event passed back is serialised as a plain value", () =>
    contained("return new Proxy(event, { get: (t, k) => (k === 'x' ? 'spoofed' : t[k]) });", succeeded({})));
  it("an error with a throwing name getter is reported as errorType handled (RIC toRapidResponse)", () =>
    contained("const e = new Error('x'); Object.defineProperty(e, 'name', { get() { throw 1; } }); throw e;", errorOf("handled", /^callback called with Error argument, but there was a problem/)));
  it("a thrown object whose toString throws is reported without crashing the runtime", () =>
    contained("throw { toString() { throw new Error('no'); } };", errorOf("handled")));
  it("a huge error message is contained", () => contained("throw new Error('m'.repeat(5 * 1024 * 1024));", errorOf("Error")));
});

describe("hostile handlers: tampering with the runtime", () => {
  it("replacing JSON.stringify/JSON.parse does not change the response", () =>
    contained("JSON.stringify = () => '\"hacked\"'; JSON.parse = () => 'hacked'; return { real: true };", succeeded({ real: true })));
  it("replacing Array.prototype methods does not break logging or errors", () =>
    contained(
      "Array.prototype.push = () => { throw new Error('push'); }; Array.prototype.join = () => 'x'; Array.prototype.map = null; String.prototype.split = () => []; console.log('still logs', { a: 1 }); throw new Error('real error');",
      (r) => {
        errorOf("Error", /^real error$/)(r);
        expect(r.logs.some((l) => /\tINFO\tstill logs (\{ a: 1 \}|\{"a":1\})$/.test(l.message))).toBe(true);
      },
    ));
  it("replacing Promise.prototype.then does not stop an async handler from completing", () =>
    contained("const orig = Promise.prototype.then; Promise.prototype.then = function () { throw new Error('then'); }; return 'done';", succeeded("done")));
  it("setters on Object.prototype do not hijack the runtime's error objects", () =>
    contained(
      "for (const k of ['errorType', 'errorMessage', 'trace', 'stack', 'code']) Object.defineProperty(Object.prototype, k, { set() { throw new Error('setter ' + k); }, configurable: true }); throw new TypeError('kept');",
      errorOf("TypeError", /^kept$/),
    ));
  it("freezing Object.prototype and Array.prototype does not break the runtime", () =>
    contained("Object.freeze(Object.prototype); Object.freeze(Array.prototype); Object.freeze(Function.prototype); console.log('frozen'); return [1, 2];", succeeded([1, 2])));
  it("overriding console, require, module and Date at init does not affect the platform lines", () =>
    contained("return 'x';", (r) => {
      succeeded("x")(r);
      expect(r.logs.some((l) => l.message.startsWith("REPORT RequestId:"))).toBe(true);
    }, {}, "globalThis.console = null; globalThis.Date = function () { throw 1; }; globalThis.setTimeout = null; globalThis.require = null; globalThis.module = null;"));
  it("freezing the context object and dropping the callback does not break completion", () =>
    contained("context.getRemainingTimeInMillis = null; Object.freeze(context); callback = null; return 'completed';", succeeded("completed")));
  it("overwriting context.succeed changes this invoke's completion exactly as in RIC (it reads context.succeed after the handler returns), and only this invoke's", () =>
    contained("context.succeed = () => { throw new Error('no'); }; return 'completed';", errorOf("Error", /^no$/)));
  it("replacing Function.prototype.call/apply and Reflect.apply does not break the runtime", () =>
    contained("Function.prototype.call = null; Function.prototype.apply = null; Reflect.apply = () => { throw 1; }; throw new Error('after tamper');", errorOf("Error", /^after tamper$/)));
  it("a poisoned Error.prototype.toString/name is contained", () =>
    contained("Object.defineProperty(Error.prototype, 'name', { get() { throw new Error('name'); } }); Error.prototype.toString = () => { throw 2; }; throw new RangeError('x');", errorOf("RangeError", /^x$/)));
});

describe("hostile handlers: escaping to the host", () => {
  const ALLOWED_GLOBALS = new Set([
    // ECMAScript intrinsics QuickJS provides
    "Object", "Function", "Array", "Number", "parseFloat", "parseInt", "Infinity", "NaN", "undefined", "Boolean", "String", "Symbol", "Date", "Promise",
    "RegExp", "Error", "AggregateError", "EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError", "InternalError", "globalThis",
    "JSON", "Math", "Intl", "ArrayBuffer", "SharedArrayBuffer", "Atomics", "Uint8Array", "Int8Array", "Uint16Array", "Int16Array", "Uint32Array", "Int32Array",
    "Float16Array", "Float32Array", "Float64Array", "Uint8ClampedArray", "BigUint64Array", "BigInt64Array", "DataView", "Map", "BigInt", "Set", "WeakMap",
    "WeakSet", "Proxy", "Reflect", "FinalizationRegistry", "WeakRef", "decodeURI", "decodeURIComponent", "encodeURI", "encodeURIComponent", "escape",
    "unescape", "eval", "isFinite", "isNaN", "Iterator",
    // what Lambda's Node.js runtime gives a handler (simulated)
    "console", "process", "global", "setTimeout", "setInterval", "clearTimeout", "clearInterval", "setImmediate", "clearImmediate", "queueMicrotask",
    "performance", "Buffer", "TextEncoder", "TextDecoder", "atob", "btoa", "structuredClone", "URL", "URLSearchParams", "crypto", "AbortController",
    "AbortSignal", "EventTarget", "Event", "awslambda", "fetch",
  ]);

  it("enumerating globalThis shows only intrinsics and the simulated Node globals", () =>
    contained("return Reflect.ownKeys(globalThis).filter((k) => typeof k === 'string');", (r) => {
      const unexpected = (r.payload as string[]).filter((k) => !ALLOWED_GLOBALS.has(k));
      expect(unexpected).toEqual([]);
    }));
  it("constructor.constructor('return this')() reaches only the guest's own global", () =>
    contained(
      "const g = ({}).constructor.constructor('return this')(); return [g === globalThis, typeof g.require, typeof g.window, typeof g.document, typeof g.Deno, typeof g.__lambda, typeof g.H, typeof g.XMLHttpRequest];",
      succeeded([true, "undefined", "undefined", "undefined", "undefined", "undefined", "undefined", "undefined"]),
    ));
  it("Function and eval based escapes see the same sandbox global", () =>
    contained(
      "const viaFn = Function('return typeof XMLHttpRequest + typeof importScripts + typeof postMessage')(); const viaEval = (0, eval)('typeof require + typeof module'); const viaAsync = await (async function () {}).constructor('return typeof WebAssembly')(); return [viaFn, viaEval, viaAsync];",
      succeeded(["undefinedundefinedundefined", "undefinedundefined", "undefined"]),
    ));
  it("reaching host internals through process fails: no binding, dlopen, mainModule, kill, or real env", () =>
    contained(
      "return [typeof process.binding, typeof process.dlopen, typeof process.mainModule, typeof process.kill, typeof process._linkedBinding, process.env.HOME === undefined, process.env.PATH];",
      succeeded(["undefined", "undefined", "undefined", "undefined", "undefined", true, "/var/lang/bin:/usr/local/bin:/usr/bin/:/bin:/opt/bin"]),
    ));
  it("fetch exists as in Node 22 but only fails clearly: there is no network", () =>
    contained(
      "return await fetch('http://169.254.169.254/latest/meta-data/').then(() => 'reached', (e) => [e.name, e.code, e.message]);",
      succeeded(["TypeError", "ERR_NOT_SIMULATED", "fetch is not available in Lambda Lab: functions here have no network access (requested http://169.254.169.254/latest/meta-data/). Use the simulated AWS SDK to reach AWS services."]),
    ));
  it("require('child_process') fails, naming the module", () =>
    contained("return require('child_process').execSync('id');", errorOf("Error", /Cannot find module 'child_process'.*does not simulate/s)));
  it.each(["http", "https", "net", "worker_threads", "vm", "v8", "module", "inspector"])("require('%s') fails", (name) =>
    contained(`return typeof require('${name}');`, errorOf("Error", new RegExp(`Cannot find module '${name}'`))));
  it("dynamic import('fs') yields the simulated fs: host files are not there", () =>
    contained(
      "const fs = await import('fs'); const out = []; for (const p of ['/etc/passwd', '/proc/self/environ', process.cwd() + '/../../etc/hostname']) { try { fs.readFileSync(p); out.push('READ ' + p); } catch (e) { out.push(e.code); } } return out;",
      succeeded(["ENOENT", "ENOENT", "ENOENT"]),
    ));
  it("the host functions object is not reachable from the guest (no stray global, not on console or process)", () =>
    contained(
      "const seen = new Set(); const found = []; const walk = (o, d) => { if (!o || (typeof o !== 'object' && typeof o !== 'function') || seen.has(o) || d > 3) return; seen.add(o); for (const k of Reflect.ownKeys(o)) { let v; try { v = o[k]; } catch { continue; } if (typeof v === 'function' && ['hostCall', 'initDone', 'crash', 'entry', 'tick', 'remaining', 'memory'].includes(String(k))) found.push(String(k)); walk(v, d + 1); } }; walk(globalThis, 0); return found;",
      succeeded([]),
      { timeoutSeconds: 5 },
    ));
  it("fn.caller / arguments.callee cannot climb from a callback into the runtime's own frames", () =>
    contained(
      "const E = require('events'); const out = []; function spy() { out.push(typeof spy.caller, typeof arguments.callee.caller); } const e = new E(); e.on('x', spy); e.emit('x'); setTimeout(spy, 1); await new Promise((r) => setTimeout(r, 5)); return out;",
      succeeded(["undefined", "undefined", "undefined", "undefined"]),
    ));
  it("require.cache and module.parent expose only guest modules", () =>
    contained("return [Object.keys(require.cache), module.parent, typeof module.constructor._load];", succeeded([["/var/task/index.js"], null, "undefined"])));
});

describe("hostile handlers: crashing the shared engine", () => {
  it("an engine crash in one environment resets the others built on the same module, which then recover", async () => {
    const bystander = await newEnvironment({ timeoutSeconds: 1, files: { "index.js": "let n = 0; exports.handler = async () => ++n;" } });
    expect((await bystander.invoke({})).payload).toBe(1);
    expect((await bystander.invoke({})).payload).toBe(2);
    const attacker = await newEnvironment({ timeoutSeconds: 1, files: { "index.js": "exports.handler = async () => { let o = {}; const r = o; for (let i = 0; i < 100000; i++) { o.a = {}; o = o.a; } return r; };" } });
    const crash = await attacker.invoke({});
    expect((crash.payload as LambdaErrorPayload).errorType).toBe("RangeError");
    attacker.dispose();
    // The bystander's module died with the attacker's: it re-initialises (module state lost) and works.
    const after = await bystander.invoke({});
    expect(after.status).toBe("success");
    expect(after.payload).toBe(1);
    const fresh = await newEnvironment({ files: { "index.js": "exports.handler = async () => 'fine';" } });
    expect((await fresh.invoke({})).payload).toBe("fine");
    fresh.dispose();
    bystander.dispose();
  });
});

describe("hostile handlers: logs and /tmp", () => {
  it("a flood of log lines is capped with one truncation line", () =>
    contained("for (let i = 0; i < 50000; i++) console.log('flood ' + i); return 'ok';", (r) => {
      succeeded("ok")(r);
      expect(r.logs.length).toBeLessThan(20000);
      expect(r.logs.some((l) => l.message.includes("further line(s) dropped"))).toBe(true);
    }, { timeoutSeconds: 30 }));
  it("a single 10 MB log message is cut to CloudWatch's 256 KB event size", () =>
    contained("console.log('y'.repeat(10 * 1024 * 1024)); return 'ok';", (r) => {
      succeeded("ok")(r);
      expect(Math.max(...r.logs.map((l) => l.message.length))).toBeLessThan(300 * 1024);
    }, { memoryMB: 256 }));
  it("filling /tmp beyond the ephemeral storage limit fails with ENOSPC, and the next invoke can still use /tmp", () =>
    contained(
      "const fs = require('fs'); const chunk = Buffer.alloc(4 * 1024 * 1024); for (let i = 0; ; i++) fs.writeFileSync('/tmp/fill' + i, chunk);",
      (r) => errorOf("Error", /^ENOSPC: no space left on device, open '\/tmp\/fill128'$/)(r),
      { timeoutSeconds: 30 },
    ));
  it("writing outside /tmp fails with EROFS", () =>
    contained("require('fs').writeFileSync('/var/task/index.js', 'pwned');", errorOf("Error", /^EROFS: read-only file system, open '\/var\/task\/index.js'$/)));
  it("a 10 MB module name or file path is refused in the guest, not copied to the host", () =>
    contained(
      "const big = 'a'.repeat(10 * 1024 * 1024); const out = []; try { require(big); } catch (e) { out.push(e.code); } try { require('fs').readFileSync('/tmp/' + big); } catch (e) { out.push(e.code); } return out;",
      succeeded(["MODULE_NOT_FOUND", "ENAMETOOLONG"]),
      { memoryMB: 256 },
    ));
  it("path traversal out of /tmp cannot write elsewhere", () =>
    contained("require('fs').writeFileSync('/tmp/../var/task/x.js', 'pwned');", errorOf("Error", /^EROFS: read-only file system/)));
});
