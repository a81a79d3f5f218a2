/**
 * For tests: run a template of content/templates/ through the CLI, as a learner would
 * (`lambda-lab simulate <dir>/template.yaml --drive <dir>/drive.yaml [--json] --no-logs`).
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CliIo } from "../cli/invoke";
import { parseSimulateArgs, runSimulate } from "../cli/simulate";
import { UsageError } from "../cli/usage";
import type { RunReport } from "../service/types";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** The CLI's standard output for the template `name`; throws when the CLI exits non-zero. */
export async function runTemplateCli(name: string, { json = true } = {}): Promise<string> {
  const io: CliIo & { out: string } = {
    out: "",
    cwd: root,
    stdout: { write: (t: string) => (io.out += t) },
    stderr: { write: () => undefined },
    readStdin: () => Promise.resolve("{}"),
    catalogueEvent: () => Promise.reject(new UsageError("no catalogue here", "invoke")),
  };
  const dir = join("content", "templates", name);
  const code = await runSimulate(parseSimulateArgs([join(dir, "template.yaml"), "--drive", join(dir, "drive.yaml"), ...(json ? ["--json"] : []), "--no-logs"]), io);
  if (code !== 0) throw new Error(`lambda-lab simulate ${name} exited with ${code}`);
  return io.out;
}

/** The JSON report of the template `name`. */
export async function templateReport(name: string): Promise<RunReport> {
  return JSON.parse(await runTemplateCli(name)) as RunReport;
}
