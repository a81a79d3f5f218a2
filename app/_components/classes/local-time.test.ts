import { describe, expect, it } from "vitest";
import { formatLocal } from "./local-time";

describe("formatLocal", () => {
  const due = new Date("2026-11-22T14:00:00Z");

  it("names the viewer's zone beside the date and time", () => {
    expect(formatLocal(due, "Europe/Paris")).toBe("22 Nov 2026, 15:00 CET");
    expect(formatLocal(due, "UTC")).toBe("22 Nov 2026, 14:00 UTC");
  });

  it("works without a zone (the browser's own), the call the page makes", () => {
    expect(() => formatLocal(due)).not.toThrow();
    expect(formatLocal(due)).toMatch(/^\d{1,2} Nov 2026, \d\d:\d\d \S+/);
  });
});
