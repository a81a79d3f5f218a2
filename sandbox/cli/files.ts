/**
 * Loads a function's code for `lambda-lab invoke <file>`: every text file under `<file>`'s
 * directory, keyed by its path relative to that directory (the function's `/var/task`).
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, dirname, extname, join, relative, resolve, sep } from "node:path";
import type { SourceFiles } from "../runtime/types";
import { UsageError } from "./usage";

export const CODE_LIMITS = {
  /** Files in the function's directory (Lambda's console editor is small; so is this). */
  maxFiles: 500,
  /** Total bytes of text loaded. */
  maxTotalBytes: 5 * 1024 * 1024,
} as const;

const HANDLER_EXTENSIONS = new Set([".js", ".mjs", ".cjs", ".ts", ".mts", ".cts"]);
/** Folders that are never function code here: dependencies and tool folders. */
const SKIPPED_DIRS = new Set(["node_modules"]);

export interface LoadedFunction {
  directory: string;
  files: SourceFiles;
  /** The handler setting derived from the file name, e.g. "app.handler" for app.mjs. */
  defaultHandler: string;
  /** <file>'s key in `files`. */
  entry: string;
}

export async function loadFunctionDirectory(file: string, cwd = process.cwd()): Promise<LoadedFunction> {
  const path = resolve(cwd, file);
  const ext = extname(path);
  if (!HANDLER_EXTENSIONS.has(ext)) {
    throw new UsageError(`${file}: the handler file must be .js, .mjs, .cjs or .ts`, "invoke");
  }
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new UsageError(`${file}: no such file`, "invoke");
  if (!info.isFile()) throw new UsageError(`${file}: not a file`, "invoke");

  const directory = dirname(path);
  const files: SourceFiles = {};
  let count = 0;
  let total = 0;

  async function walk(dir: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith(".") || SKIPPED_DIRS.has(entry.name)) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        await walk(full);
        continue;
      }
      if (!entry.isFile()) continue;
      const bytes = await readFile(full);
      // Binary files (images, archives) are not code the engine can load.
      if (bytes.subarray(0, 8192).includes(0)) continue;
      count++;
      total += bytes.byteLength;
      if (count > CODE_LIMITS.maxFiles || total > CODE_LIMITS.maxTotalBytes) {
        throw new UsageError(
          `${relative(cwd, directory) || "."}: the function's directory holds more than ${CODE_LIMITS.maxFiles} files or ` +
            `${CODE_LIMITS.maxTotalBytes / 1024 / 1024} MB of text; put the handler in a folder of its own`,
          "invoke",
        );
      }
      files[relative(directory, full).split(sep).join("/")] = bytes.toString("utf8");
    }
  }
  await walk(directory);

  const entry = relative(directory, path).split(sep).join("/");
  return { directory, files, defaultHandler: `${basename(path, ext)}.handler`, entry };
}
