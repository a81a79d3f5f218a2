/** Sample events from content/events on the server (by catalogue id, e.g. "s3/put"). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CONTENT_DIR } from "./course";

export function readCatalogueEvent(id: string): unknown {
  if (!/^[a-z0-9-]+\/[a-z0-9-]+$/.test(id)) throw new Error(`Not a catalogue event id: "${id}"`);
  return JSON.parse(readFileSync(/*turbopackIgnore: true*/ join(CONTENT_DIR, "events", `${id}.json`), "utf8"));
}
