import { describe, expect, it } from "vitest";
import { buildManifest } from "./catalogue";
import { renderCatalogue } from "./generate";

describe("renderCatalogue", () => {
  it("renders index.json and one pretty-printed JSON file per manifest entry", () => {
    const files = renderCatalogue();
    const manifest = buildManifest();
    expect([...files.keys()].sort()).toEqual(["index.json", ...manifest.events.map((e) => e.file)].sort());
    for (const [file, text] of files) {
      expect(text.endsWith("}\n"), file).toBe(true);
      expect(text, file).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    }
  });
});
