/** The event picker's options, built on the server from content/events/index.json. */
import manifest from "@/content/events/index.json";
import type { CatalogueGroup } from "./events";

export function catalogueGroups(): CatalogueGroup[] {
  return manifest.services.map((s) => ({
    id: s.id,
    title: s.title,
    events: manifest.events.filter((e) => e.service === s.id).map((e) => ({ id: e.id, title: e.title })),
  }));
}
