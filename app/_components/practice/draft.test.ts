import { describe, expect, it } from "vitest";
import { gradeAnswer, parseAnswer, toPublicQuestion } from "@/app/_lib/questions";
import { questionBank } from "@/app/_server/content/questions";
import { draftFrom, emptyDraft, toAnswer } from "./draft";

const bank = questionBank().questions;

describe("answer drafts", () => {
  it("is incomplete until answered, except ordering (any order is an answer) and code (the stub is one)", () => {
    for (const q of bank) {
      const p = toPublicQuestion(q, "t");
      const a = toAnswer(p, emptyDraft(p));
      if (p.type === "ordering" || p.type === "code") expect(a, q.id).not.toBeNull();
      else expect(a, q.id).toBeNull();
    }
  });

  it("builds a payload the server accepts for every question in the bank, and reads it back", () => {
    for (const q of bank) {
      const p = toPublicQuestion(q, "t");
      const d = emptyDraft(p);
      if (p.type === "single" || p.type === "multiple") d.selected = [p.options[0]!.id];
      if (p.type === "true-false") d.value = false;
      if (p.type === "short") d.text = "an answer";
      if (p.type === "predict") {
        if (p.options) d.selected = [p.options[1]!.id];
        else d.text = "{}";
      }
      const answer = toAnswer(p, d);
      expect(() => parseAnswer(q, answer), q.id).not.toThrow();
      expect(toAnswer(p, draftFrom(p, answer)), q.id).toEqual(answer);
      if (q.type !== "code") expect(gradeAnswer(q, answer).score, q.id).toBeGreaterThanOrEqual(0);
    }
  });
});
