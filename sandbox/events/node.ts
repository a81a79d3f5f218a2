/**
 * Node-only: reads the catalogue from a folder (`content/events` by default). Imported by the CLI
 * and tests as `sandbox/events/node`; never by browser code, which imports the JSON instead.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { EventCatalogueError, type LoadedCatalogue, parseManifest } from "./manifest";

/** The default catalogue folder, relative to the repository root. */
export const CATALOGUE_DIR = "content/events";

/**
 * Reads and validates `<dir>/index.json`, then every event file it lists. Throws
 * {@link EventCatalogueError} naming the file at fault (missing, not JSON, bad manifest).
 *
 * @example
 * const catalogue = loadCatalogue();
 * const event = getEvent(catalogue, "s3/put");
 */
export function loadCatalogue(dir: string = CATALOGUE_DIR): LoadedCatalogue {
  const root = resolve(dir);
  const manifestPath = join(root, "index.json");
  const manifest = parseManifest(readJson(manifestPath), manifestPath);
  const events: Record<string, unknown> = {};
  for (const entry of manifest.events) events[entry.id] = readJson(join(root, entry.file));
  return { manifest, events };
}

function readJson(path: string): unknown {
  if (!existsSync(path)) throw new EventCatalogueError(`Missing catalogue file ${path}`);
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new EventCatalogueError(`${path} is not valid JSON: ${(e as Error).message}`);
  }
}
