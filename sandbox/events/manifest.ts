/**
 * The catalogue manifest (`content/events/index.json`) and access to the events it lists. Nothing
 * here touches a file system: the caller passes the manifest in (Node reads the folder, see
 * `sandbox/events/node.ts`; the browser app imports the JSON), so the same functions serve the CLI,
 * the web app and tests.
 */
import { z } from "zod";

/** One service group of the event picker. */
export const ManifestServiceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, "service ids are lower-case words joined by dashes"),
  title: z.string().min(1),
});

/** One event of the catalogue. */
export const ManifestEventSchema = z.strictObject({
  /** `<service>/<name>`, also the file path without `.json`. */
  id: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'event ids look like "s3/put"'),
  service: z.string().min(1),
  title: z.string().min(1),
  description: z.string().min(1),
  /** Path of the event file, relative to the manifest. */
  file: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+\.json$/),
  /** A TypeScript type expression; its leading name is exported by `typeFrom`. */
  type: z.string().regex(/^[A-Z][A-Za-z0-9]*(<.*>)?$/),
  /** `aws-lambda` (the `@types/aws-lambda` package) or `lambda-lab` (`sandbox/events/types.ts`). */
  typeFrom: z.enum(["aws-lambda", "lambda-lab"]),
  /** The `sandbox/events` builder that makes this event. */
  builder: z.string().regex(/^[a-z][A-Za-z0-9]*$/),
  /** The AWS documentation page the event follows. */
  docs: z.url({ protocol: /^https$/ }),
  /** The equivalent `sam local generate-event` arguments, where SAM has one. */
  sam: z.string().optional(),
  /** Where the event or its type departs from the obvious, and why. */
  notes: z.string().optional(),
});

export const EventManifestSchema = z
  .strictObject({
    version: z.literal(1),
    generatedBy: z.string(),
    accountId: z.string().regex(/^\d{12}$/),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/),
    time: z.iso.datetime(),
    services: z.array(ManifestServiceSchema).min(1),
    events: z.array(ManifestEventSchema).min(1),
  })
  .superRefine((m, ctx) => {
    const services = new Set(m.services.map((s) => s.id));
    const seen = new Set<string>();
    m.events.forEach((e, i) => {
      if (seen.has(e.id)) ctx.addIssue({ code: "custom", path: ["events", i, "id"], message: `duplicate event id "${e.id}"` });
      seen.add(e.id);
      if (!services.has(e.service)) ctx.addIssue({ code: "custom", path: ["events", i, "service"], message: `unknown service "${e.service}"` });
      if (!e.id.startsWith(`${e.service}/`)) ctx.addIssue({ code: "custom", path: ["events", i, "id"], message: `"${e.id}" is not under service "${e.service}"` });
      if (e.file !== `${e.id}.json`) ctx.addIssue({ code: "custom", path: ["events", i, "file"], message: `file of "${e.id}" must be "${e.id}.json"` });
    });
  });

export type ManifestService = z.infer<typeof ManifestServiceSchema>;
export type ManifestEvent = z.infer<typeof ManifestEventSchema>;
export type EventManifest = z.infer<typeof EventManifestSchema>;

/** The manifest is malformed, an id is unknown, or an event file is missing. */
export class EventCatalogueError extends Error {
  override name = "EventCatalogueError";
}

/**
 * Validates a parsed `index.json`. Throws {@link EventCatalogueError} listing every problem with
 * its JSON path, prefixed by `source` (a file name, for the message).
 */
export function parseManifest(json: unknown, source = "content/events/index.json"): EventManifest {
  const result = EventManifestSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join(".") || "(root)"}: ${i.message}`).join("\n");
    throw new EventCatalogueError(`${source} is not a valid event manifest:\n${problems}`);
  }
  return result.data;
}

/** One group of the event picker: a service and its events, in manifest order. */
export interface EventGroup {
  service: ManifestService;
  events: ManifestEvent[];
}

/**
 * The catalogue grouped by service, in manifest order — what an event picker shows.
 *
 * @example
 * for (const { service, events } of listEvents(manifest)) console.log(service.title, events.map((e) => e.id));
 */
export function listEvents(manifest: EventManifest): EventGroup[] {
  return manifest.services
    .map((service) => ({ service, events: manifest.events.filter((e) => e.service === service.id) }))
    .filter((g) => g.events.length > 0);
}

/**
 * The manifest entry for a name: an exact id (`s3/put`), SAM's spelling (`s3 put`), or an event
 * name that only one service has (`http-api-proxy`). Throws {@link EventCatalogueError} with the
 * closest ids when nothing matches.
 */
export function findEvent(manifest: EventManifest, name: string): ManifestEvent {
  const wanted = name.trim().replace(/\s+|:/g, "/").replace(/\.json$/, "");
  const exact = manifest.events.find((e) => e.id === wanted || e.sam?.replace(" ", "/") === wanted);
  if (exact) return exact;
  const byName = manifest.events.filter((e) => e.id.split("/")[1] === wanted);
  if (byName.length === 1) return byName[0] as ManifestEvent;
  const hints = byName.length > 1 ? byName.map((e) => e.id) : suggestions(manifest, wanted);
  throw new EventCatalogueError(
    `Unknown sample event "${name}".${hints.length ? ` Did you mean: ${hints.join(", ")}?` : ""} List them with \`lambda-lab events list\`.`,
  );
}

function suggestions(manifest: EventManifest, wanted: string): string[] {
  const parts = wanted.toLowerCase().split(/[/-]/).filter(Boolean);
  return manifest.events
    .map((e) => ({ id: e.id, score: parts.filter((p) => e.id.includes(p)).length }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, 5)
    .map((s) => s.id);
}

/** A manifest together with its events, keyed by id (what `loadCatalogue` in `node.ts` returns). */
export interface LoadedCatalogue {
  manifest: EventManifest;
  events: Readonly<Record<string, unknown>>;
}

/**
 * A deep copy of a catalogue event, found by {@link findEvent}'s rules — a copy, so callers may
 * edit it (e.g. with `setPath`) without changing the catalogue.
 */
export function getEvent(catalogue: LoadedCatalogue, name: string): unknown {
  const entry = findEvent(catalogue.manifest, name);
  if (!(entry.id in catalogue.events)) throw new EventCatalogueError(`Sample event "${entry.id}" is listed but its file ${entry.file} was not loaded`);
  return structuredClone(catalogue.events[entry.id]);
}

/**
 * Like {@link getEvent}, loading the one file it needs through `load(file)` (relative to the
 * manifest), which may be asynchronous — e.g. a dynamic `import()` or `fetch` in the browser.
 */
export async function loadEvent(manifest: EventManifest, name: string, load: (file: string) => unknown): Promise<unknown> {
  const entry = findEvent(manifest, name);
  const value = await load(entry.file);
  // A JSON module import yields { default: json }.
  return structuredClone(isModule(value) ? value.default : value);
}

function isModule(value: unknown): value is { default: unknown } {
  return typeof value === "object" && value !== null && Object.prototype.toString.call(value) === "[object Module]" && "default" in value;
}
