/**
 * Reading and changing one value deep inside an event by a JavaScript-style path —
 * `Records[0].s3.object.key`, `headers["content-type"]`, `detail-type` — for
 * `lambda-lab events show <name> --set path=value` and for lessons that vary one field.
 *
 * Grammar: a property name (any characters but `.`, `[` and `]`), then any number of `.name`,
 * `[index]` or `["quoted name"]` (JSON string syntax, single quotes also accepted).
 */

/** A path that does not parse, or does not lead to a place in the event. */
export class InvalidEventPathError extends Error {
  override name = "InvalidEventPathError";
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

export type PathSegment = string | number;

/** Splits a path into property names and array indexes. Throws {@link InvalidEventPathError}. */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let i = 0;
  const fail = (what: string): never => {
    throw new InvalidEventPathError(path, `Invalid path "${path}": ${what} at position ${i}`);
  };
  const readName = () => {
    const start = i;
    while (i < path.length && !".[]".includes(path.charAt(i))) i++;
    if (i === start) fail("expected a property name");
    segments.push(path.slice(start, i));
  };
  if (path.length === 0) fail("the path is empty");
  if (path.charAt(0) !== "[") readName();
  while (i < path.length) {
    const c = path.charAt(i);
    if (c === ".") {
      i++;
      readName();
    } else if (c === "[") {
      i++;
      const q = path.charAt(i);
      if (q === '"' || q === "'") {
        let j = i + 1;
        while (j < path.length && path.charAt(j) !== q) j += path.charAt(j) === "\\" ? 2 : 1;
        if (j >= path.length) fail("unterminated quoted name");
        const body = path.slice(i + 1, j);
        try {
          segments.push(JSON.parse(`"${q === "'" ? body.replace(/\\'/g, "'").replace(/"/g, '\\"') : body}"`) as string);
        } catch {
          fail("invalid escape in quoted name");
        }
        i = j + 1;
      } else {
        const m = /^\d+/.exec(path.slice(i));
        if (!m) fail('expected an array index or a quoted name after "["');
        segments.push(Number((m as RegExpExecArray)[0]));
        i += (m as RegExpExecArray)[0].length;
      }
      if (path.charAt(i) !== "]") fail('expected "]"');
      i++;
    } else {
      fail(`unexpected "${c}"`);
    }
  }
  return segments;
}

/** Formats segments back into a path (`Records[0].s3`, `headers["content-type"]`). */
export function formatPath(segments: readonly PathSegment[]): string {
  return segments
    .map((s, i) => (typeof s === "number" ? `[${s}]` : /^[^.[\]"']+$/.test(s) ? (i === 0 ? s : `.${s}`) : `[${JSON.stringify(s)}]`))
    .join("");
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

function step(container: unknown, segment: PathSegment, done: readonly PathSegment[], path: string, forWrite: boolean): unknown {
  const where = done.length ? formatPath(done) : "the event";
  if (typeof segment === "number") {
    if (!Array.isArray(container)) throw new InvalidEventPathError(path, `Cannot use "${path}": ${where} is ${describe(container)}, not an array`);
    const limit = forWrite ? container.length : container.length - 1;
    if (segment > limit) {
      throw new InvalidEventPathError(
        path,
        `Cannot use "${path}": ${where} has ${container.length} item${container.length === 1 ? "" : "s"}${container.length ? ` (indexes 0–${container.length - 1})` : ""}`,
      );
    }
    return container[segment];
  }
  if (typeof container !== "object" || container === null || Array.isArray(container)) {
    throw new InvalidEventPathError(path, `Cannot use "${path}": ${where} is ${describe(container)}, not an object`);
  }
  if (!forWrite && !Object.prototype.hasOwnProperty.call(container, segment)) {
    const keys = Object.keys(container);
    throw new InvalidEventPathError(
      path,
      `Cannot use "${path}": ${where} has no property "${segment}"${keys.length ? ` (it has: ${keys.slice(0, 12).join(", ")}${keys.length > 12 ? ", …" : ""})` : ""}`,
    );
  }
  return (container as Record<string, unknown>)[segment];
}

/**
 * The value at `path`. Throws {@link InvalidEventPathError} saying where the path stops matching.
 *
 * @example
 * getPath(s3Put(), "Records[0].s3.bucket.name"); // "my-bucket"
 */
export function getPath(event: unknown, path: string): unknown {
  const segments = parsePath(path);
  let current = event;
  segments.forEach((s, i) => (current = step(current, s, segments.slice(0, i), path, false)));
  return current;
}

/** Whether `path` parses and leads to an existing value. */
export function hasPath(event: unknown, path: string): boolean {
  try {
    getPath(event, path);
    return true;
  } catch (e) {
    if (e instanceof InvalidEventPathError) return false;
    throw e;
  }
}

/**
 * A deep copy of `event` with the value at `path` replaced (or added: the last property of an
 * object may be new, and an array index may be one past the end, to append). Every container on
 * the way must exist. The input is not changed. Throws {@link InvalidEventPathError}.
 *
 * @example
 * const event = setPath(s3Put(), "Records[0].s3.object.key", "photos/cat.jpg");
 */
export function setPath<T>(event: T, path: string, value: unknown): T {
  const segments = parsePath(path);
  const copy = structuredClone(event);
  let container: unknown = copy;
  segments.slice(0, -1).forEach((s, i) => (container = step(container, s, segments.slice(0, i), path, false)));
  const last = segments[segments.length - 1] as PathSegment;
  step(container, last, segments.slice(0, -1), path, true); // validates the container and index
  (container as Record<PathSegment, unknown>)[last] = value;
  return copy;
}

/**
 * Applies a `path=value` assignment as the CLI's `--set` takes it. The value is read as JSON
 * (`42`, `true`, `null`, `{"a":1}`, `"quoted"`), except that it stays a plain string when the
 * current value at the path is a string or when it is not valid JSON — so
 * `Records[0].s3.object.key=123` keeps the key a string, and `body=hello` needs no quotes.
 *
 * @example
 * applyAssignment(s3Put(), "Records[0].s3.object.size=2048"); // size becomes the number 2048
 */
export function applyAssignment<T>(event: T, assignment: string): T {
  const eq = assignment.indexOf("=");
  if (eq <= 0) throw new InvalidEventPathError(assignment, `Invalid assignment "${assignment}": expected path=value`);
  const path = assignment.slice(0, eq);
  const raw = assignment.slice(eq + 1);
  let value: unknown = raw;
  const current = hasPath(event, path) ? getPath(event, path) : undefined;
  if (typeof current !== "string") {
    try {
      value = JSON.parse(raw);
    } catch {
      value = raw;
    }
  }
  return setPath(event, path, value);
}
