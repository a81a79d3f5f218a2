/** `npm start`'s launcher refuses clearly, before building anything, when it cannot run. */
import { spawn } from "node:child_process";
import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

function runStart(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env: { ...process.env, ...env } });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) => resolve({ code, out }));
  });
}

describe("npm start", () => {
  let busy: Server;
  let port: number;
  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((r) => busy.listen(0, r));
    port = (busy.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((r) => busy.close(() => r())));

  it("says which port is taken and how to choose another", async () => {
    const { code, out } = await runStart({ PORT: String(port) });
    expect(code).toBe(1);
    expect(out).toContain(`error: Port ${port} is already in use. Stop the program using it, or choose another port: PORT=${port + 1} npm start`);
  }, 30_000);

  it("names a malformed DATABASE_URL", async () => {
    const { code, out } = await runStart({ PORT: String(port), DATABASE_URL: "mysql://root@localhost/db" });
    expect(code).toBe(1);
    expect(out).toMatch(/^error: DATABASE_URL uses "mysql:"/m);
  }, 30_000);

  it("names each invalid variable", async () => {
    const { code, out } = await runStart({ PORT: "http", TEACHER_SIGNUP: "everyone" });
    expect(code).toBe(1);
    expect(out).toMatch(/Invalid configuration:\n {2}- PORT: .*\n {2}- TEACHER_SIGNUP: /);
  }, 30_000);
});
