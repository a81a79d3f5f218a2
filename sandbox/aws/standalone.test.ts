// `lambda-lab invoke --template` gives the function the simulated AWS of its template: its SDK
// calls reach the template's table, with IAM, while the function runs in the Node worker pool.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { CliIo } from "../cli/invoke";
import { parseTemplateInvokeArgs, runTemplateInvoke } from "../cli/simulate";
import { UsageError } from "../cli/usage";

const root = fileURLToPath(new URL("../../", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "lambda-lab-standalone-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("invoke --template with the simulated AWS", () => {
  it("CreateOrder writes to the template's table: 201, then 409 for the same id (state kept across --times)", async () => {
    const eventFile = join(work, "create.json");
    writeFileSync(eventFile, JSON.stringify({ httpMethod: "POST", path: "/orders", body: JSON.stringify({ id: "A-1", total: 42 }) }));
    const io: CliIo & { out: string; err: string } = {
      out: "",
      err: "",
      cwd: root,
      stdout: { write: (t: string) => (io.out += t) },
      stderr: { write: (t: string) => (io.err += t) },
      readStdin: () => Promise.resolve("{}"),
      catalogueEvent: () => Promise.reject(new UsageError("no catalogue here", "invoke")),
    };
    const args = parseTemplateInvokeArgs(["--template", join("content", "templates", "api-dynamodb", "template.yaml"), "CreateOrder", "--event-file", eventFile, "--times", "2"]);
    expect(await runTemplateInvoke(args, io)).toBe(0);
    const lines = io.out.trim().split("\n").map((l) => JSON.parse(l) as { statusCode: number });
    expect(lines.map((l) => l.statusCode)).toEqual([201, 409]);
    expect(io.err).not.toMatch(/not simulated/);
  }, 30_000);
});
