import { describe, expect, it } from "vitest";
import { toPublicQuestion } from "@/app/_lib/questions";
import { questionBank } from "../content/questions";
import { revealQuestion } from "./reveal";

describe("the answer key shown after answering", () => {
  it("marks exactly the right options, with an explanation for every option, for every choice question", () => {
    for (const q of questionBank().questions) {
      const r = revealQuestion(q);
      expect(r.explanation.length, q.id).toBeGreaterThan(0);
      if (q.type === "single" || q.type === "multiple") {
        expect(r.options!.map((o) => o.correct), q.id).toEqual(q.options.map((o) => o.correct));
        expect(r.options!.every((o) => o.explanation.length > 0), q.id).toBe(true);
      }
      if (q.type === "predict" && q.options) expect(r.options!.filter((o) => o.correct), q.id).toHaveLength(1);
      if (q.type === "ordering") expect(r.order!.map((i) => i.id), q.id).toEqual(q.items.map((i) => i.id));
    }
  });

  it("is not part of what the browser gets before answering", () => {
    for (const q of questionBank().questions) {
      const json = JSON.stringify(toPublicQuestion(q, "x"));
      expect(json, q.id).not.toContain('"correct"');
      expect(json, q.id).not.toContain(JSON.stringify(q.explanation));
    }
  });
});
