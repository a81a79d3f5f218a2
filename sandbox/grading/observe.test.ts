import { describe, expect, it } from "vitest";
import { runPrediction } from "./observe";

const files = {
  "index.mjs": "let n = 0;\nconsole.log('init');\nexport const handler = async (e) => {\n  n++;\n  console.log('got', e.x);\n  if (e.fail) throw new RangeError('too big');\n  return { n };\n};\n",
};

describe("runPrediction", () => {
  it("observes the last response after warm invocations in one environment", async () => {
    const r = await runPrediction({ function: { files }, invocations: [{ event: { x: 1 } }, { event: { x: 2 } }], observe: "response" });
    expect(r.observed).toBe('{"n":2}');
    expect(r.results.map((x) => x.coldStart)).toEqual([true, false]);
  });

  it("observes application log messages of every invocation, init lines included", async () => {
    const r = await runPrediction({ function: { files }, invocations: [{ event: { x: 1 } }, { event: { x: 2 } }], observe: "logs" });
    expect(r.observed).toBe("init\ngot 1\ngot 2");
  });

  it("observes the error type and status of a failed invocation", async () => {
    const setup = { function: { files }, invocations: [{ event: { fail: true } }] };
    expect((await runPrediction({ ...setup, observe: "errorType" })).observed).toBe("RangeError");
    expect((await runPrediction({ ...setup, observe: "status" })).observed).toBe("error");
    expect((await runPrediction({ function: { files }, observe: "errorType" })).observed).toBe("(none)");
  });

  it("builds catalogue events with overrides and refuses them without a catalogue", async () => {
    const catalogue = (id: string) => (id === "x/y" ? { x: 0 } : undefined);
    const setup = { function: { files }, invocations: [{ fromCatalogue: { id: "x/y", set: { x: 9 } } }], observe: "logs" as const };
    expect((await runPrediction(setup, { catalogue })).observed).toBe("init\ngot 9");
    await expect(runPrediction(setup)).rejects.toThrow(/no catalogue was passed/);
  });
});
