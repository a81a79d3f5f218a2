/**
 * `lambda-lab events list` and `lambda-lab events show <name> [--set path=value ...]`: the sample
 * event catalogue (`content/events`), like `sam local generate-event`.
 */
import { fileURLToPath } from "node:url";
import {
  applyAssignment,
  EventCatalogueError,
  getEvent,
  InvalidEventPathError,
  listEvents,
  type LoadedCatalogue,
} from "../events";
import { loadCatalogue } from "../events/node";
import type { EventsArgs } from "./args";
import type { CliIo } from "./invoke";
import { EXIT, UsageError } from "./usage";

/** The catalogue that ships with Lambda Lab, found from this file rather than the working directory. */
export const CATALOGUE_DIR = fileURLToPath(new URL("../../content/events", import.meta.url));

let cached: LoadedCatalogue | undefined;
function catalogue(): LoadedCatalogue {
  return (cached ??= loadCatalogue(CATALOGUE_DIR));
}

/** A deep copy of a catalogue event; an unknown name is a usage error with suggestions. */
export async function catalogueEvent(name: string): Promise<unknown> {
  try {
    return getEvent(catalogue(), name);
  } catch (error) {
    if (error instanceof EventCatalogueError && /^Unknown sample event/.test(error.message)) {
      throw new UsageError(error.message, "invoke");
    }
    throw error;
  }
}

export async function runEvents(args: EventsArgs, io: CliIo): Promise<number> {
  const { manifest } = catalogue();
  if (args.action === "list") {
    if (args.json) {
      const rows = manifest.events.map(({ id, service, title, description }) => ({ id, service, title, description }));
      io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return EXIT.ok;
    }
    const width = Math.max(...manifest.events.map((e) => e.id.length));
    for (const group of listEvents(manifest)) {
      io.stdout.write(`${group.service.title}\n`);
      for (const event of group.events) io.stdout.write(`  ${event.id.padEnd(width)}  ${event.title}\n`);
    }
    return EXIT.ok;
  }
  const name = args.name ?? "";
  let event: unknown;
  try {
    event = getEvent(catalogue(), name);
  } catch (error) {
    if (error instanceof EventCatalogueError) throw new UsageError(error.message, "events show");
    throw error;
  }
  for (const assignment of args.set) {
    try {
      event = applyAssignment(event, assignment);
    } catch (error) {
      if (error instanceof InvalidEventPathError) throw new UsageError(`--set ${assignment}: ${error.message}`, "events show");
      throw error;
    }
  }
  io.stdout.write(`${JSON.stringify(event, null, 2)}\n`);
  return EXIT.ok;
}
