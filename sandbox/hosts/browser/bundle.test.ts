/**
 * The browser host must bundle for a browser: no Node built-ins, nothing from Next or React, and
 * the runtime (with the QuickJS wasm) in a chunk of its own that the worker loads with `import()`.
 * Bundled here with esbuild (tsx's own bundler, always installed with it) as a stand-in for the
 * app's bundler; the real-browser check runs with the app's e2e suite.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

interface Metafile {
  inputs: Record<string, unknown>;
  outputs: Record<string, { entryPoint?: string; inputs: Record<string, unknown>; imports: { path: string; kind: string }[] }>;
}
interface Esbuild {
  build(options: Record<string, unknown>): Promise<{ metafile: Metafile }>;
}
const esbuild = createRequire(createRequire(import.meta.url).resolve("tsx/package.json"))("esbuild") as Esbuild;

async function bundle(entry: string): Promise<Metafile> {
  const result = await esbuild.build({
    entryPoints: [new URL(entry, import.meta.url).pathname],
    bundle: true,
    platform: "browser",
    format: "esm",
    splitting: true,
    write: false,
    outdir: "/virtual-out",
    metafile: true,
    logLevel: "silent",
    loader: { ".wasm": "file" },
  });
  return result.metafile;
}

const forbidden = (inputs: string[]) => inputs.filter((i) => /^node:|(^|\/)node_modules\/(next|react|react-dom)\/|(^|\/)app\//.test(i));

describe("browser host bundle", () => {
  it("the client bundles without Node built-ins, Next or React, and without the engine", async () => {
    const meta = await bundle("./index.ts");
    const inputs = Object.keys(meta.inputs);
    expect(forbidden(inputs)).toEqual([]);
    expect(inputs.some((i) => i.includes("quickjs"))).toBe(false);
    expect(inputs.some((i) => i.endsWith("runtime/environment.ts"))).toBe(false);
  });

  it("the worker bundles for the browser and loads the runtime lazily, in a chunk of its own", async () => {
    const meta = await bundle("./simulator.worker.ts");
    expect(forbidden(Object.keys(meta.inputs))).toEqual([]);
    // The engine is in the bundle (so the checks below are not vacuous)…
    expect(Object.keys(meta.inputs).some((i) => i.includes("quickjs"))).toBe(true);
    const entry = Object.values(meta.outputs).find((o) => o.entryPoint?.endsWith("simulator.worker.ts"));
    expect(entry).toBeDefined();
    // The entry imports the runtime only dynamically: nothing of QuickJS or the runtime is reachable
    // from it through static imports.
    expect(entry?.imports.some((i) => i.kind === "dynamic-import")).toBe(true);
    const staticClosure = new Set<string>();
    const visit = (path: string) => {
      if (staticClosure.has(path)) return;
      staticClosure.add(path);
      for (const i of meta.outputs[path]?.imports ?? []) if (i.kind === "import-statement") visit(i.path);
    };
    const entryPath = Object.entries(meta.outputs).find(([, o]) => o === entry)?.[0] ?? "";
    visit(entryPath);
    const staticInputs = [...staticClosure].flatMap((p) => Object.keys(meta.outputs[p]?.inputs ?? {}));
    expect(staticInputs.some((i) => i.endsWith("engine-server.ts"))).toBe(true);
    expect(staticInputs.some((i) => i.includes("quickjs") || i.endsWith("runtime/environment.ts"))).toBe(false);
  });
});
