/**
 * The guest side of the simulated AWS SDK for JavaScript v3: for each registered package, the
 * CommonJS source of a module that exports the client (`new DynamoDBClient({ region })`,
 * `client.send(command)`), the aggregated client (`new DynamoDB({}).putItem(input)`), one
 * `XCommand` class per operation and the service's exceptions, shaped like SDK v3's:
 * `name`, `message`, `$fault`, `$metadata { httpStatusCode, requestId, attempts, totalRetryDelay }`
 * (https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/handling-exceptions.html).
 *
 * `send` crosses into the host with `__host.call("aws", { package, operation, input })`. Binary
 * values travel as `{ "$b64": "…" }` both ways (the bridge is JSON); a host output of
 * `{ "$stream": "…" }` becomes a Uint8Array with the SDK's stream mixin
 * (`transformToString`, `transformToByteArray`), as S3's `GetObject` Body offers.
 */

/** Everything the guest module needs to know about one package. */
export interface GuestModuleSpec {
  package: string;
  clientName: string;
  operations: readonly string[];
  /** Exception classes exported by name (they extend the service's `<Service>ServiceException`). */
  exceptions?: readonly string[];
}

/** `DynamoDBClient` → `DynamoDB`: the service id the SDK uses for its base exception and aggregated client. */
export function serviceIdOf(clientName: string): string {
  return clientName.replace(/Client$/, "");
}

/** The CommonJS source of one `@aws-sdk/client-*` module. */
export function guestModuleSource(spec: GuestModuleSpec): string {
  const serviceId = serviceIdOf(spec.clientName);
  const config = JSON.stringify({
    pkg: spec.package,
    client: spec.clientName,
    service: serviceId,
    ops: spec.operations,
    exceptions: spec.exceptions ?? [],
  });
  return `'use strict';
var SPEC = ${config};
${GUEST_RUNTIME}
module.exports = __lambdaLabBuild(SPEC, __host);
`;
}

/**
 * Shared guest code. Kept in plain ES5-ish JavaScript: it runs inside QuickJS as a builtin module
 * (no TypeScript transform), with the guest's own globals (Buffer, TextEncoder, atob/btoa).
 */
const GUEST_RUNTIME = String.raw`
function __lambdaLabBuild(SPEC, host) {
  var exportsObj = {};
  function isBytes(v) { return v instanceof Uint8Array || v instanceof ArrayBuffer; }
  function toB64(v) {
    var u = v instanceof ArrayBuffer ? new Uint8Array(v) : v;
    var s = '';
    for (var i = 0; i < u.length; i += 0x8000) s += String.fromCharCode.apply(null, Array.prototype.slice.call(u.subarray(i, i + 0x8000)));
    return btoa(s);
  }
  function fromB64(b) {
    var s = atob(b);
    var u = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) u[i] = s.charCodeAt(i);
    return u;
  }
  function encode(v) {
    if (v === null || typeof v !== 'object') return v;
    if (isBytes(v)) return { $b64: toB64(v) };
    if (Array.isArray(v)) return v.map(encode);
    if (v instanceof Set) return { $set: Array.from(v).map(encode) };
    if (v instanceof Date) return v.toISOString();
    var out = {};
    for (var k in v) if (Object.prototype.hasOwnProperty.call(v, k) && v[k] !== undefined) out[k] = encode(v[k]);
    return out;
  }
  // Plain JSON values cross as they are; only bytes, sets and dates need markers.
  function needsEncoding(v) {
    if (v === null || typeof v !== 'object') return false;
    if (isBytes(v) || v instanceof Set || v instanceof Date) return true;
    if (Array.isArray(v)) { for (var i = 0; i < v.length; i++) if (needsEncoding(v[i])) return true; return false; }
    for (var k in v) if (needsEncoding(v[k])) return true;
    return false;
  }
  function streamOf(u) {
    // The SDK's sdkStreamMixin: a body read once, as a string or bytes.
    u.transformToString = function (encoding) { return Promise.resolve(new TextDecoder(encoding || 'utf-8').decode(u)); };
    u.transformToByteArray = function () { return Promise.resolve(u); };
    u.transformToWebStream = function () { throw new Error('transformToWebStream is not simulated by Lambda Lab: use transformToString() or transformToByteArray()'); };
    return u;
  }
  function decode(v) {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map(decode);
    var keys = Object.keys(v);
    if (keys.length === 1 && keys[0] === '$b64' && typeof v.$b64 === 'string') return fromB64(v.$b64);
    if (keys.length === 1 && keys[0] === '$stream' && typeof v.$stream === 'string') return streamOf(fromB64(v.$stream));
    if (keys.length === 1 && keys[0] === '$set' && Array.isArray(v.$set)) return new Set(v.$set.map(decode));
    if (keys.length === 1 && keys[0] === '$date' && typeof v.$date === 'string') return new Date(v.$date);
    var out = {};
    for (var i = 0; i < keys.length; i++) out[keys[i]] = decode(v[keys[i]]);
    return out;
  }

  // Exceptions: <Service>ServiceException and one subclass per declared error name.
  function ServiceException(options) {
    var e = new Error(options.message);
    Object.setPrototypeOf(e, new.target ? new.target.prototype : ServiceException.prototype);
    e.name = options.name;
    e.$fault = options.$fault;
    e.$metadata = options.$metadata || {};
    return e;
  }
  ServiceException.prototype = Object.create(Error.prototype, { constructor: { value: ServiceException, writable: true, configurable: true } });
  Object.defineProperty(ServiceException, 'name', { value: SPEC.service + 'ServiceException' });
  exportsObj[SPEC.service + 'ServiceException'] = ServiceException;
  var errorClasses = {};
  function errorClass(name) {
    if (errorClasses[name]) return errorClasses[name];
    var C = function (options) {
      var e = ServiceException.call(this, Object.assign({ name: name, $fault: 'client' }, options || {}));
      Object.setPrototypeOf(e, C.prototype);
      return e;
    };
    C.prototype = Object.create(ServiceException.prototype, { constructor: { value: C, writable: true, configurable: true } });
    Object.defineProperty(C, 'name', { value: name });
    errorClasses[name] = C;
    return C;
  }
  for (var x = 0; x < SPEC.exceptions.length; x++) exportsObj[SPEC.exceptions[x]] = errorClass(SPEC.exceptions[x]);
  function toError(d) {
    if (d.sdkClientSide) { var plain = new Error(d.message); if (d.name !== 'Error') plain.name = d.name; return plain; }
    var C = errorClass(d.name);
    var e = new C({ message: d.message, $fault: d.$fault, $metadata: d.$metadata });
    var fields = d.fields || {};
    for (var k in fields) if (Object.prototype.hasOwnProperty.call(fields, k)) e[k] = decode(fields[k]);
    if (e.message === undefined || e.message === '') e.message = d.message;
    // SDK v3 copies the service's "Message" into message and keeps both (AWS JSON protocol errors).
    return e;
  }

  function middlewareStack() {
    return { add: function () {}, addRelativeTo: function () {}, use: function () {}, remove: function () { return false; }, clone: function () { return middlewareStack(); } };
  }

  var sharedStack = middlewareStack();
  // Commands: one class per operation, holding its input.
  function commandClass(op, simulated) {
    var C = function (input) {
      if (!(this instanceof C)) throw new TypeError("Class constructor " + op + "Command cannot be invoked without 'new'");
      this.input = input === undefined ? {} : input;
    };
    // Commands are made per call: one shared, inert middleware stack.
    C.prototype.middlewareStack = sharedStack;
    Object.defineProperty(C, 'name', { value: op + 'Command' });
    C.prototype.__lambdaLab = { pkg: SPEC.pkg, op: op, simulated: simulated };
    return C;
  }
  var commands = {};
  for (var i = 0; i < SPEC.ops.length; i++) {
    commands[SPEC.ops[i]] = commandClass(SPEC.ops[i], true);
    exportsObj[SPEC.ops[i] + 'Command'] = commands[SPEC.ops[i]];
  }

  function call(op, input) {
    var payload;
    try {
      var given = input === undefined ? {} : input;
      payload = { package: SPEC.pkg, operation: op, input: needsEncoding(given) ? encode(given) : given };
    } catch (err) {
      return Promise.reject(err);
    }
    return host.call('aws', payload).then(function (reply) {
      if (reply && reply.$error) throw toError(reply.$error);
      if (reply && reply.output !== undefined) return reply.binary ? decode(reply.output) : reply.output;
      return reply;
    });
  }

  function Client(config) {
    if (!(this instanceof Client)) throw new TypeError("Class constructor " + SPEC.client + " cannot be invoked without 'new'");
    var cfg = Object.assign({}, config || {});
    var region = cfg.region || (typeof process !== 'undefined' && process.env && process.env.AWS_REGION) || 'us-east-1';
    // SDK v3 resolves config values to async providers: await client.config.region().
    cfg.region = function () { return Promise.resolve(typeof region === 'function' ? region() : region); };
    cfg.serviceId = SPEC.service;
    this.config = cfg;
    this.middlewareStack = middlewareStack();
  }
  Object.defineProperty(Client, 'name', { value: SPEC.client });
  Client.prototype.send = function (command, optionsOrCb, cb) {
    var callback = typeof optionsOrCb === 'function' ? optionsOrCb : cb;
    var p;
    var meta = command && command.__lambdaLab;
    if (!meta) {
      p = Promise.reject(new TypeError(SPEC.client + '.send: expected a command such as new ' + (SPEC.ops[0] || 'X') + 'Command(input) from ' + SPEC.pkg));
    } else if (meta.pkg !== SPEC.pkg) {
      p = Promise.reject(new TypeError(SPEC.client + '.send: ' + meta.op + 'Command belongs to ' + meta.pkg + ', not ' + SPEC.pkg));
    } else {
      p = call(meta.op, command.input);
    }
    if (typeof callback === 'function') {
      p.then(function (v) { callback(null, v); }, function (e) { callback(e); });
      return undefined;
    }
    return p;
  };
  Client.prototype.destroy = function () {};
  exportsObj[SPEC.client] = Client;

  // The aggregated client: new DynamoDB({}).putItem(input) — the same calls as send().
  function Aggregated(config) {
    Client.call(this, config);
  }
  Aggregated.prototype = Object.create(Client.prototype, { constructor: { value: Aggregated, writable: true, configurable: true } });
  Object.defineProperty(Aggregated, 'name', { value: SPEC.service });
  SPEC.ops.forEach(function (op) {
    Aggregated.prototype[op.charAt(0).toLowerCase() + op.slice(1)] = function (input, optionsOrCb, cb) {
      return this.send(new commands[op](input), optionsOrCb, cb);
    };
  });
  if (SPEC.service !== SPEC.client) exportsObj[SPEC.service] = Aggregated;
  exportsObj.__lambdaLab = { call: call, encode: encode, decode: decode, package: SPEC.pkg };

  // A command this simulator does not implement still imports (as it would from the real SDK) and
  // fails clearly when sent, naming the operation.
  var unknown = {};
  return new Proxy(exportsObj, {
    get: function (target, prop) {
      if (prop in target || typeof prop !== 'string') return target[prop];
      if (/^[A-Z][A-Za-z0-9]*Command$/.test(prop)) {
        var op = prop.slice(0, -'Command'.length);
        return unknown[op] || (unknown[op] = commandClass(op, false));
      }
      return undefined;
    },
  });
}
`;
