/**
 * Setting values inside an event by path (`Records[0].s3.object.key`, `headers["content-type"]`),
 * for a test case's `fromCatalogue.set` overrides. Kept here (not imported from sandbox/events)
 * so the grader depends on the runtime only and takes the catalogue as data.
 */

export class EventPathError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`event path "${path}": ${message}`);
    this.name = "EventPathError";
  }
}

/** Split a path into keys: strings for properties, numbers for array indexes. */
export function parseEventPath(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new EventPathError(path, why);
  };
  if (path.length === 0) fail("empty path");
  while (i < path.length) {
    const ch = path[i];
    if (ch === "[") {
      const close = path.indexOf("]", i);
      if (close < 0) fail(`unclosed "[" at ${i}`);
      const inner = path.slice(i + 1, close);
      if (/^\d+$/.test(inner)) keys.push(Number(inner));
      else if (/^"(?:[^"\\]|\\.)*"$/.test(inner)) keys.push(JSON.parse(inner) as string);
      else if (/^'[^']*'$/.test(inner)) keys.push(inner.slice(1, -1));
      else fail(`"[${inner}]" is neither an index nor a quoted key`);
      i = close + 1;
      if (path[i] === ".") i++;
    } else {
      const m = /^[^.[\]]+/.exec(path.slice(i));
      if (!m) fail(`unexpected "${ch}" at ${i}`);
      keys.push(m![0]);
      i += m![0].length;
      if (path[i] === ".") {
        i++;
        if (i === path.length) fail("ends with '.'");
      }
    }
  }
  return keys;
}

/** Set `value` at `path` inside `root` (mutates). Every container on the way must exist. */
export function setEventPath(root: unknown, path: string, value: unknown): void {
  const keys = parseEventPath(path);
  let node: unknown = root;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    const last = k === keys.length - 1;
    if (typeof key === "number") {
      if (!Array.isArray(node)) throw new EventPathError(path, `[${key}] applied to a non-array`);
      if (key >= node.length) throw new EventPathError(path, `index ${key} out of range (length ${node.length})`);
      if (last) node[key] = value;
      else node = node[key] as unknown;
    } else {
      if (node === null || typeof node !== "object" || Array.isArray(node)) throw new EventPathError(path, `"${key}" applied to a non-object`);
      const obj = node as Record<string, unknown>;
      if (last) obj[key] = value;
      else {
        if (!(key in obj)) throw new EventPathError(path, `no "${key}" here (keys: ${Object.keys(obj).join(", ")})`);
        node = obj[key];
      }
    }
  }
}
