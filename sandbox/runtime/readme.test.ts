// The README's API example runs as a test (as quickjs-emscripten runs its README), so it cannot rot.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { newEnvironment } from "./environment";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

function tsBlocks(md: string): string[] {
  return [...md.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
}

describe("sandbox/README.md", () => {
  it("the first API example runs and its comments hold", async () => {
    const block = tsBlocks(readme)[0] ?? "";
    expect(block).toContain("newEnvironment");
    const body = block.replace(/^import .*$/m, "") + "\nreturn result;";
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<unknown>;
    const result = (await new AsyncFunction("newEnvironment", body)(newEnvironment)) as { status: string; payload: unknown; logs: { message: string }[] };
    expect(result.status).toBe("success");
    expect(result.payload).toEqual({ doubled: 42 });
    expect(result.logs.at(-1)?.message).toMatch(/^REPORT RequestId: /);
  });
});
