/**
 * The sample-event catalogue in the browser: the manifest is small and bundled; each event's
 * JSON is fetched lazily when picked.
 */
import manifest from "@/content/events/index.json";

export interface CatalogueEntry {
  id: string;
  service: string;
  title: string;
  file: string;
}

export const catalogueServices = manifest.services as Array<{ id: string; title: string }>;
export const catalogueEvents = manifest.events as CatalogueEntry[];

export async function loadCatalogueEvent(id: string): Promise<unknown> {
  const entry = catalogueEvents.find((e) => e.id === id);
  if (!entry) throw new Error(`No sample event "${id}" in the catalogue`);
  // The ".json" suffix keeps the bundler's pattern to event files (not the folder's README).
  const mod = (await import(`@/content/events/${entry.file.replace(/\.json$/, "")}.json`)) as { default: unknown };
  return structuredClone(mod.default);
}
