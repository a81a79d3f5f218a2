import { describe, expect, it } from "vitest";
import { HttpError } from "../http";
import { MAX_CUSTOM_EXERCISE_BYTES, parseCustomExercise, publicExercise } from "./items";

const yaml = `
id: echo
instructions: Echo the event.
stub: { index.mjs: "export const handler = async () => null;" }
solution: { index.mjs: "export const handler = async (e) => e;" }
tests:
  - { id: echoes, name: echoes the event, points: 2, event: { a: 1 }, expect: { response: { a: 1 } } }
  - { id: secret, name: echoes a secret, points: 3, hidden: true, event: { b: 2 }, expect: { response: { b: 2 } } }
`;

function status(fn: () => unknown): number | "ok" {
  try {
    fn();
    return "ok";
  } catch (error) {
    if (error instanceof HttpError) return error.status;
    throw error;
  }
}

describe("custom exercises", () => {
  it("reads YAML and JSON in the exercise format", () => {
    const spec = parseCustomExercise(yaml);
    expect(spec.tests.map((t) => [t.id, t.points, t.hidden])).toEqual([
      ["echoes", 2, false],
      ["secret", 3, true],
    ]);
    expect(parseCustomExercise(JSON.stringify(spec)).id).toBe("echo");
  });

  it("refuses malformed ones, naming the path at fault", () => {
    expect(() => parseCustomExercise("id: x\ninstructions: y\n")).toThrow(/stub/);
    expect(() => parseCustomExercise("{ not yaml: [")).toThrow(/not valid YAML or JSON/);
    expect(() => parseCustomExercise(yaml.replace("tests:", "function: { timeoutSeconds: 60 }\ntests:"))).toThrow(/timeoutSeconds/);
  });

  it("refuses oversized ones with 413", () => {
    expect(status(() => parseCustomExercise(yaml + "#".repeat(MAX_CUSTOM_EXERCISE_BYTES)))).toBe(413);
  });

  it("shows students the stub and visible tests, never the solution or the hidden tests", () => {
    const view = JSON.stringify(publicExercise(parseCustomExercise(yaml)));
    expect(view).not.toContain("echoes a secret");
    expect(view).not.toContain("async (e) => e");
    expect(publicExercise(parseCustomExercise(yaml)).hiddenTests).toBe(1);
  });
});
