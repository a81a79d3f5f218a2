import { describe, expect, it } from "vitest";
import { buildSearchIndex, searchLessons } from "./search";

const index = buildSearchIndex({
  modules: [
    {
      title: "The execution model",
      lessons: [
        { id: "execution-model/cold-starts", title: "Cold starts and warm starts", headings: [{ text: "Provisioned concurrency", anchor: "provisioned-concurrency" }], text: "A cold start happens when Lambda creates a new execution environment." },
        { id: "execution-model/layers", title: "Layers", headings: [], text: "Layers package libraries. Cold starts grow with package size." },
      ],
    },
    { title: "Scaling", lessons: [{ id: "scaling/concurrency", title: "Concurrency and throttling", headings: [], text: "Reserved concurrency caps a function. Provisioned concurrency keeps environments initialised." }] },
  ],
});

describe("lesson search", () => {
  it("ranks title matches above body matches", () => {
    expect(searchLessons(index, "cold").map((h) => h.doc.id)).toEqual(["execution-model/cold-starts", "execution-model/layers"]);
  });

  it("requires every word, matches word prefixes, ignores case and accents", () => {
    expect(searchLessons(index, "PROVISIONED conc").map((h) => h.doc.id)).toEqual(["scaling/concurrency", "execution-model/cold-starts"]);
    expect(searchLessons(index, "thrôttl").map((h) => h.doc.id)).toEqual(["scaling/concurrency"]);
    expect(searchLessons(index, "cold zebra")).toEqual([]);
  });

  it("lands on the matching heading", () => {
    expect(searchLessons(index, "provisioned")[0]!.href).toBe("/learn/execution-model/cold-starts#provisioned-concurrency");
  });

  it("does not treat the query as a regular expression", () => {
    expect(() => searchLessons(index, "(.*")).not.toThrow();
    expect(searchLessons(index, "")).toEqual([]);
  });
});
