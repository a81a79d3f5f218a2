/**
 * The module really runs in a browser: bundled for the browser platform (no Node built-ins can be
 * resolved), then evaluated in a bare V8 context holding only web-standard globals — no `process`,
 * `Buffer` or `require` — where it must build the same catalogue as in Node.
 */
import { runInNewContext } from "node:vm";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { buildCatalogueEvents } from "./catalogue";

describe("sandbox/events in a browser", () => {
  it("bundles for the browser and builds the same catalogue with web globals only", async () => {
    const result = await build({
      entryPoints: [new URL("./index.ts", import.meta.url).pathname],
      bundle: true,
      platform: "browser",
      format: "iife",
      globalName: "LambdaLabEvents",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((f) => /(^|\/)node:|\/node\.ts$|\/generate\.ts$/.test(f))).toEqual([]);
    const code = result.outputFiles[0]?.text ?? "";
    const globals = { TextEncoder, TextDecoder, atob, btoa, structuredClone, URL, URLSearchParams };
    const json = runInNewContext(`${code}\nJSON.stringify(LambdaLabEvents.buildCatalogueEvents())`, globals) as string;
    expect(JSON.parse(json)).toStrictEqual(JSON.parse(JSON.stringify(buildCatalogueEvents())));
    const bad = runInNewContext(
      `${code}\ntry { LambdaLabEvents.setPath({ Records: [] }, "Records[2].s3", 1) } catch (e) { e.name + ": " + e.message }`,
      globals,
    ) as string;
    expect(bad).toBe('InvalidEventPathError: Cannot use "Records[2].s3": Records has 0 items');
  }, 60_000);
});
