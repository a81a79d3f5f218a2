/**
 * The sample-event catalogue in the browser. The picker's list comes from the server as props
 * (see catalogue.ts), so the manifest stays out of the page's JavaScript; each event's JSON is
 * fetched lazily when picked.
 */

export interface CatalogueOption {
  id: string;
  title: string;
}
export interface CatalogueGroup {
  id: string;
  title: string;
  events: CatalogueOption[];
}

export async function loadCatalogueEvent(id: string): Promise<unknown> {
  if (!/^[a-z0-9-]+\/[a-z0-9-]+$/.test(id)) throw new Error(`No sample event "${id}" in the catalogue`);
  // Catalogue files are named <id>.json; the ".json" suffix keeps the bundler's pattern to them.
  const mod = (await import(`@/content/events/${id}.json`)) as { default: unknown };
  return structuredClone(mod.default);
}
