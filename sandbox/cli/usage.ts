/** Help texts and the usage error of the `lambda-lab` CLI. */

/** A mistake in how the CLI was called: printed with a hint, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
  constructor(
    message: string,
    /** The command whose `--help` to point at. */
    readonly command: "" | "invoke" | "events" | "events list" | "events show" | "simulate" = "",
  ) {
    super(message);
  }
}

export const EXIT = { ok: 0, functionError: 1, usage: 2, internal: 3 } as const;

export const MAIN_HELP = `Usage: lambda-lab <command> [options]

Run AWS Lambda Node.js handlers locally in the Lambda Lab simulator (like \`sam local\`, no Docker).

Commands:
  invoke <file>            Invoke a handler with an event; response on stdout, logs on stderr
  events list              List the sample events of the catalogue
  events show <name>       Print a sample event (optionally with fields changed)
  simulate <template.yaml> --drive <file>
                           Run a SAM template on the simulated Lambda service (virtual clock)

Run \`lambda-lab <command> --help\` for the options of a command.
`;

export const INVOKE_HELP = `Usage: lambda-lab invoke <file> [options]
       lambda-lab invoke --template <template.yaml> <LogicalId> [options]   (see invoke --template --help)

Invokes the handler in <file> (.js, .mjs, .cjs or .ts) in a simulated Lambda execution environment.
The files of <file>'s directory are the function's code (node_modules and dot-folders are skipped),
so a handler can import its own modules.

Prints the response payload of each invocation on stdout (one JSON document per line) and the
function's log lines (START … END, REPORT) on stderr.

Options:
  --handler <file.export>   Lambda's handler setting (default: <file's name>.handler)
  --event <name>            A sample event from the catalogue, e.g. s3/put
                            (see \`lambda-lab events list\`)
  --event-file <path>       The event as a JSON file
  --event -                 Read the event as JSON from stdin
                            (no event option: the event is {})
  --memory <MB>             Memory size, 128–10240 (default 128)
  --timeout <seconds>       Timeout, 1–900 (default 3)
  --env KEY=VALUE           An environment variable (repeatable)
  --times <N>               Invoke N times in one warm environment (default 1)
  --log-format text|json    Lambda's log format (default text)
  -h, --help                Show this help

Exit codes: 0 success, 1 the function returned an error (stdout carries Lambda's error payload),
2 usage error, 3 internal error of the simulator.

Example:
  lambda-lab invoke fn/index.mjs --event s3/put --times 3
`;

export const EVENTS_HELP = `Usage: lambda-lab events <list|show> [options]

The sample-event catalogue, like \`sam local generate-event\`.

Commands:
  events list                          List the events: name and description
  events show <name> [--set path=value ...]
                                       Print the event as JSON; each --set changes one field
                                       (path like Records[0].s3.object.key; the value is
                                       read as JSON when it is valid JSON, else kept as text,
                                       and a field that holds a string stays a string)

Names are catalogue ids (s3/put), SAM's spelling ("s3 put") or an event name only one
service has (http-api-proxy).

Options:
  --json                               (list) Print the list as JSON
  -h, --help                           Show this help
`;
