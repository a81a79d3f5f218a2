/**
 * The `lambda-lab` command line: `invoke` (like `sam local invoke`, also `--template` for one
 * function of a SAM template), `events` (like `sam local generate-event`) and `simulate` (a SAM
 * template on the simulated Lambda service; simulate.ts). Started by `bin/lambda-lab.js`.
 *
 * Exit codes: 0 success; 1 the function returned an error; 2 usage error; 3 internal error.
 */
import { parseEventsArgs, parseInvokeArgs } from "./args";
import { readStdin } from "./event-input";
import { runInvoke, type CliIo } from "./invoke";
import { isTemplateInvoke } from "./template-option";
import { EVENTS_HELP, EXIT, INVOKE_HELP, MAIN_HELP, UsageError } from "./usage";

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    readStdin: () => readStdin(process.stdin),
    // The catalogue (and zod) load only when an event is asked for by name.
    catalogueEvent: async (name) => (await import("./events")).catalogueEvent(name),
  };
}

/** Run the CLI with `argv` (without `node` and the script); resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
        io.stderr.write(MAIN_HELP);
        return EXIT.usage;
      case "-h":
      case "--help":
      case "help":
        io.stdout.write(MAIN_HELP);
        return EXIT.ok;
      case "invoke": {
        if (isTemplateInvoke(rest)) {
          // `invoke --template <template.yaml> <LogicalId>` (simulate.ts), loaded only when used.
          const template = await import("./simulate");
          const args = template.parseTemplateInvokeArgs(rest);
          if (args.help) {
            io.stdout.write(template.TEMPLATE_INVOKE_HELP);
            return EXIT.ok;
          }
          return await template.runTemplateInvoke(args, io);
        }
        const args = parseInvokeArgs(rest);
        if (args.help) {
          io.stdout.write(INVOKE_HELP);
          return EXIT.ok;
        }
        return await runInvoke(args, io);
      }
      case "events": {
        const args = parseEventsArgs(rest);
        if (args.help) {
          io.stdout.write(EVENTS_HELP);
          return EXIT.ok;
        }
        const { runEvents } = await import("./events");
        return await runEvents(args, io);
      }
      case "simulate": {
        const simulate = await import("./simulate");
        const args = simulate.parseSimulateArgs(rest);
        if (args.help) {
          io.stdout.write(simulate.SIMULATE_HELP);
          return EXIT.ok;
        }
        return await simulate.runSimulate(args, io);
      }
      default:
        throw new UsageError(`Unknown command "${command}" (expected invoke, events or simulate)`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      const helpFor = error.command === "" ? "" : ` ${error.command.split(" ")[0]}`;
      io.stderr.write(`lambda-lab: ${error.message}\nRun \`lambda-lab${helpFor} --help\` for usage.\n`);
      return EXIT.usage;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`lambda-lab: internal error: ${message}\n`);
    return EXIT.internal;
  }
}
