/** Reads the event of `lambda-lab invoke` from a file, stdin or the catalogue. */
import { readFile } from "node:fs/promises";
import type { EventSource } from "./args";
import { UsageError } from "./usage";

/**
 * Parse JSON text, or throw a `UsageError` that names the source and the line and column of the
 * mistake. (Node 20's V8 does not always report a position, e.g. `Unexpected token '}', ..."b": }"
 * is not valid JSON`, so the position comes from `locateJsonError`.)
 */
export function parseEventJson(text: string, source: string): unknown {
  if (text.trim() === "") throw new UsageError(`${source}: the event is empty (expected a JSON document)`, "invoke");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const located = locateJsonError(text);
    const before = text.slice(0, located.position);
    const line = before.split("\n").length;
    const column = located.position - before.lastIndexOf("\n");
    throw new UsageError(
      `${source}: invalid JSON event at line ${line}, column ${column} (position ${located.position}): ${located.message}`,
      "invoke",
    );
  }
}

/**
 * Find where JSON text first goes wrong: a small recursive-descent scanner over RFC 8259's grammar
 * that reports the offset of the first character it cannot accept.
 */
export function locateJsonError(text: string): { position: number; message: string } {
  let i = 0;
  class Stop extends Error {
    constructor(
      readonly position: number,
      message: string,
    ) {
      super(message);
    }
  }
  const describe = (at: number) => (at >= text.length ? "end of input" : `'${text[at]}'`);
  const fail = (expected: string): never => {
    throw new Stop(i, `unexpected ${describe(i)}, expected ${expected}`);
  };
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i] ?? "")) i++;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail(`${word}`);
      i++;
    }
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      const ch = text[i];
      if (ch === undefined) fail("a closing quote");
      else if (ch === '"') {
        i++;
        return;
      } else if (ch === "\\") {
        const next = text[i + 1];
        if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else if (next === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else {
          i++;
          fail("a valid escape sequence");
        }
      } else if (ch < " ") fail("no control characters inside a string");
      else i++;
    }
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match || match[0] === "" || match[0] === "-") fail("a number");
    else i += match[0].length;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === "{") {
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail("a property name in double quotes");
        string();
        ws();
        if (text[i] !== ":") fail("':'");
        i++;
        value();
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return;
        }
        fail("',' or '}'");
      }
    } else if (ch === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return;
        }
        fail("',' or ']'");
      }
    } else if (ch === '"') string();
    else if (ch === "t") literal("true");
    else if (ch === "f") literal("false");
    else if (ch === "n") literal("null");
    else if (ch === "-" || (ch !== undefined && ch >= "0" && ch <= "9")) number();
    else fail("a JSON value");
  };
  try {
    value();
    ws();
    if (i < text.length) fail("end of input");
    return { position: text.length, message: "invalid JSON" };
  } catch (error) {
    if (error instanceof Stop) return { position: error.position, message: error.message };
    throw error;
  }
}

export async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

export interface EventInputDeps {
  /** Looks up a catalogue event by name; undefined when there is none. */
  catalogue(name: string): Promise<unknown>;
  readStdin(): Promise<string>;
}

export async function readEvent(source: EventSource, deps: EventInputDeps): Promise<unknown> {
  switch (source.kind) {
    case "none":
      // `sam local invoke` without an event sends {}.
      return {};
    case "stdin":
      return parseEventJson(await deps.readStdin(), "stdin");
    case "file": {
      const text = await readFile(source.path, "utf8").catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(
          error.code === "ENOENT" ? `--event-file ${source.path}: no such file` : `--event-file ${source.path}: ${error.message}`,
          "invoke",
        );
      });
      return parseEventJson(text, source.path);
    }
    case "catalogue":
      return deps.catalogue(source.name);
  }
}
