/**
 * Guest sources of `@aws-sdk/util-dynamodb` (marshall / unmarshall) and `@aws-sdk/lib-dynamodb`
 * (the DocumentClient), run inside QuickJS as builtin modules. They follow the SDK v3 packages'
 * behaviour (https://docs.aws.amazon.com/AWSJavaScriptSDK/v3/latest/Package/-aws-sdk-lib-dynamodb/):
 * the DocumentClient marshals plain JavaScript values in the input, sends the low-level command
 * through the wrapped `DynamoDBClient`, and unmarshalls the output.
 */

export const UTIL_DYNAMODB_SOURCE = String.raw`'use strict';
function isBytes(v) { return v instanceof Uint8Array || v instanceof ArrayBuffer; }
function describe(v) { return Object.prototype.toString.call(v); }
function marshallValue(v, options) {
  options = options || {};
  if (v === null) return { NULL: true };
  if (v === undefined) throw new Error('Pass options.removeUndefinedValues=true to remove undefined values from map/array/set.');
  switch (typeof v) {
    case 'string':
      if (v === '' && options.convertEmptyValues) return { NULL: true };
      return { S: v };
    case 'number':
      if (!Number.isFinite(v)) throw new Error('Special numeric value ' + String(v) + ' is not allowed');
      return { N: String(v) };
    case 'bigint': return { N: v.toString() };
    case 'boolean': return { BOOL: v };
    case 'object': break;
    default: throw new Error('Unsupported type passed: ' + String(v) + '. Pass options.convertClassInstanceToMap=true to marshall typeof object as map attribute.');
  }
  if (isBytes(v)) return { B: v instanceof ArrayBuffer ? new Uint8Array(v) : v };
  if (v && typeof v.value === 'string' && v.constructor && v.constructor.name === 'NumberValue') return { N: v.value };
  if (Array.isArray(v)) {
    var list = [];
    for (var i = 0; i < v.length; i++) {
      if (v[i] === undefined && options.removeUndefinedValues) continue;
      list.push(marshallValue(v[i], options));
    }
    return { L: list };
  }
  if (v instanceof Set) {
    var items = Array.from(v).filter(function (x) { return !(x === undefined && options.removeUndefinedValues); });
    if (items.length === 0) {
      if (options.convertEmptyValues) return { NULL: true };
      throw new Error('Pass a non-empty set, or options.convertEmptyValues=true.');
    }
    if (items.every(function (x) { return typeof x === 'string'; })) return { SS: items };
    if (items.every(function (x) { return typeof x === 'number' || typeof x === 'bigint'; })) return { NS: items.map(String) };
    if (items.every(isBytes)) return { BS: items };
    throw new Error('Only Number Set (NS), Binary Set (BS) or String Set (SS) are allowed.');
  }
  if (v instanceof Map) {
    var m = {};
    v.forEach(function (x, k) { if (!(x === undefined && options.removeUndefinedValues)) m[k] = marshallValue(x, options); });
    return { M: m };
  }
  var proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null && !options.convertClassInstanceToMap) {
    throw new Error('Unsupported type passed: ' + describe(v) + '. Pass options.convertClassInstanceToMap=true to marshall typeof object as map attribute.');
  }
  return { M: marshallMap(v, options) };
}
function marshallMap(obj, options) {
  var out = {};
  Object.keys(obj).forEach(function (k) {
    var x = obj[k];
    if (x === undefined && options && options.removeUndefinedValues) return;
    if (typeof x === 'function') return;
    out[k] = marshallValue(x, options);
  });
  return out;
}
function marshall(data, options) {
  if (data === null || typeof data !== 'object' || Array.isArray(data) || data instanceof Set || isBytes(data)) return marshallValue(data, options);
  return marshallMap(data, options);
}
function convertNumber(s, options) {
  if (options && options.wrapNumbers) return { value: s };
  var n = Number(s);
  if (Number.isInteger(n) && !Number.isSafeInteger(n)) {
    throw new Error('Number ' + s + ' is greater than Number.MAX_SAFE_INTEGER. Use options.wrapNumbers to get string value.');
  }
  return n;
}
function unmarshallValue(v, options) {
  if (v.S !== undefined) return v.S;
  if (v.N !== undefined) return convertNumber(v.N, options);
  if (v.BOOL !== undefined) return v.BOOL;
  if (v.NULL !== undefined) return null;
  if (v.B !== undefined) return v.B;
  if (v.SS !== undefined) return new Set(v.SS);
  if (v.NS !== undefined) return new Set(v.NS.map(function (n) { return convertNumber(n, options); }));
  if (v.BS !== undefined) return new Set(v.BS);
  if (v.L !== undefined) return v.L.map(function (x) { return unmarshallValue(x, options); });
  if (v.M !== undefined) return unmarshall(v.M, options);
  throw new Error('Unsupported type passed: ' + JSON.stringify(v));
}
function unmarshall(data, options) {
  var out = {};
  Object.keys(data || {}).forEach(function (k) { out[k] = unmarshallValue(data[k], options); });
  return out;
}
exports.marshall = marshall;
exports.unmarshall = unmarshall;
exports.convertToAttr = marshallValue;
exports.convertToNative = unmarshallValue;
`;

export const DOCUMENT_CLIENT_SOURCE = String.raw`'use strict';
var util = require('@aws-sdk/util-dynamodb');
var low = require('@aws-sdk/client-dynamodb');
function mapValues(obj, f) {
  if (!obj) return obj;
  var out = {};
  Object.keys(obj).forEach(function (k) { out[k] = f(obj[k], k); });
  return out;
}
// Which fields of each command hold plain values (in) and which come back marshalled (out).
var SPECS = {
  Get: { low: 'GetItem', input: function (i, m) { return Object.assign({}, i, { Key: util.marshall(i.Key, m) }); }, output: ['Item'] },
  Put: { low: 'PutItem', input: function (i, m) { return Object.assign({}, i, { Item: util.marshall(i.Item, m), ExpressionAttributeValues: values(i, m) }); }, output: ['Attributes'] },
  Update: { low: 'UpdateItem', input: function (i, m) { return Object.assign({}, i, { Key: util.marshall(i.Key, m), ExpressionAttributeValues: values(i, m) }); }, output: ['Attributes'] },
  Delete: { low: 'DeleteItem', input: function (i, m) { return Object.assign({}, i, { Key: util.marshall(i.Key, m), ExpressionAttributeValues: values(i, m) }); }, output: ['Attributes'] },
  Query: { low: 'Query', input: function (i, m) { return Object.assign({}, i, { ExpressionAttributeValues: values(i, m), ExclusiveStartKey: i.ExclusiveStartKey && util.marshall(i.ExclusiveStartKey, m) }); }, output: ['Items', 'LastEvaluatedKey'] },
  Scan: { low: 'Scan', input: function (i, m) { return Object.assign({}, i, { ExpressionAttributeValues: values(i, m), ExclusiveStartKey: i.ExclusiveStartKey && util.marshall(i.ExclusiveStartKey, m) }); }, output: ['Items', 'LastEvaluatedKey'] },
  BatchWrite: { low: 'BatchWriteItem', input: function (i, m) {
    return Object.assign({}, i, { RequestItems: mapValues(i.RequestItems, function (list) {
      return list.map(function (r) {
        if (r.PutRequest) return { PutRequest: { Item: util.marshall(r.PutRequest.Item, m) } };
        if (r.DeleteRequest) return { DeleteRequest: { Key: util.marshall(r.DeleteRequest.Key, m) } };
        return r;
      });
    }) });
  }, output: ['UnprocessedItems'] },
  BatchGet: { low: 'BatchGetItem', input: function (i, m) {
    return Object.assign({}, i, { RequestItems: mapValues(i.RequestItems, function (r) { return Object.assign({}, r, { Keys: (r.Keys || []).map(function (k) { return util.marshall(k, m); }) }); }) });
  }, output: ['Responses'] },
  TransactWrite: { low: 'TransactWriteItems', input: function (i, m) {
    return Object.assign({}, i, { TransactItems: (i.TransactItems || []).map(function (t) {
      var out = {};
      Object.keys(t).forEach(function (kind) {
        var x = t[kind];
        var y = Object.assign({}, x, { ExpressionAttributeValues: values(x, m) });
        if (x.Key) y.Key = util.marshall(x.Key, m);
        if (x.Item) y.Item = util.marshall(x.Item, m);
        out[kind] = y;
      });
      return out;
    }) });
  }, output: [] },
};
function values(i, m) { return i.ExpressionAttributeValues && util.marshall(i.ExpressionAttributeValues, m); }
function unmarshallOutput(name, out, u) {
  var res = Object.assign({}, out);
  if (res.Item) res.Item = util.unmarshall(res.Item, u);
  if (res.Attributes) res.Attributes = util.unmarshall(res.Attributes, u);
  if (res.Items) res.Items = res.Items.map(function (x) { return util.unmarshall(x, u); });
  if (res.LastEvaluatedKey) res.LastEvaluatedKey = util.unmarshall(res.LastEvaluatedKey, u);
  if (res.Responses) res.Responses = mapValues(res.Responses, function (l) { return l.map(function (x) { return util.unmarshall(x, u); }); });
  return res;
}
function makeCommand(name) {
  function C(input) {
    if (!(this instanceof C)) throw new TypeError("Class constructor " + name + "Command cannot be invoked without 'new'");
    this.input = input || {};
  }
  Object.defineProperty(C, 'name', { value: name + 'Command' });
  C.prototype.__docKind = name;
  return C;
}
function DynamoDBDocumentClient(client, translateConfig) {
  this.client = client;
  this.config = client && client.config;
  this.translateConfig = translateConfig || {};
  this.middlewareStack = client && client.middlewareStack;
}
DynamoDBDocumentClient.from = function (client, translateConfig) {
  if (!client || typeof client.send !== 'function') throw new TypeError('DynamoDBDocumentClient.from: pass a DynamoDBClient');
  return new DynamoDBDocumentClient(client, translateConfig);
};
DynamoDBDocumentClient.prototype.send = function (command, optionsOrCb, cb) {
  var self = this;
  var callback = typeof optionsOrCb === 'function' ? optionsOrCb : cb;
  var p;
  var kind = command && command.__docKind;
  if (!kind) p = this.client.send(command);
  else {
    var spec = SPECS[kind];
    var m = this.translateConfig.marshallOptions;
    var u = this.translateConfig.unmarshallOptions;
    try {
      var input = spec.input(command.input, m);
      Object.keys(input).forEach(function (k) { if (input[k] === undefined) delete input[k]; });
      p = this.client.send(new low[spec.low + 'Command'](input)).then(function (out) { return unmarshallOutput(kind, out, u); });
    } catch (e) {
      p = Promise.reject(e);
    }
  }
  if (callback) { p.then(function (r) { callback(null, r); }, function (e) { callback(e); }); return undefined; }
  return p;
};
DynamoDBDocumentClient.prototype.destroy = function () {};
function DynamoDBDocument(client, translateConfig) { DynamoDBDocumentClient.call(this, client, translateConfig); }
DynamoDBDocument.prototype = Object.create(DynamoDBDocumentClient.prototype);
DynamoDBDocument.from = function (client, translateConfig) { return new DynamoDBDocument(client, translateConfig); };
Object.keys(SPECS).forEach(function (name) {
  var C = makeCommand(name);
  exports[name + 'Command'] = C;
  var method = name.charAt(0).toLowerCase() + name.slice(1);
  DynamoDBDocument.prototype[method] = function (input, cb) { return this.send(new C(input), cb); };
});
// paginateQuery / paginateScan: async iterators over pages, following LastEvaluatedKey (SDK v3 paginators).
function paginator(kind) {
  return async function* (config, input) {
    if (!config || !config.client) throw new TypeError('paginate' + kind + ': pass { client: documentClient }');
    var key = input && input.ExclusiveStartKey;
    do {
      var page = Object.assign({}, input);
      if (key) page.ExclusiveStartKey = key;
      if (config.pageSize) page.Limit = config.pageSize;
      var out = await config.client.send(new exports[kind + 'Command'](page));
      yield out;
      key = out.LastEvaluatedKey;
    } while (key);
  };
}
exports.paginateQuery = paginator('Query');
exports.paginateScan = paginator('Scan');
exports.DynamoDBDocumentClient = DynamoDBDocumentClient;
exports.DynamoDBDocument = DynamoDBDocument;
exports.NumberValue = function NumberValue(value) { this.value = String(value); };
`;
