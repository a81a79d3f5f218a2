/** How the project's scripts report a failure: one clear line, no stack trace, exit 1. */
const known = new Set(["ConfigurationError", "DatabaseUrlError", "DatabaseUnreachableError", "DatabaseBusyError", "MigrationError", "StartError"]);

export function fail(error: unknown): never {
  const err = error as Error;
  if (known.has(err?.name)) {
    console.error(`error: ${err.message}`);
  } else {
    console.error("error: unexpected failure", err);
  }
  process.exit(1);
}
