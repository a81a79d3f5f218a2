import { describe, expect, it } from "vitest";
import { parseSchedule, ScheduleExpressionError } from "./schedule";

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
const next = (expr: string, after: string) => iso(parseSchedule(expr).next(Date.parse(after)));

describe("rate expressions (EventBridge UG eb-scheduled-rule-pattern)", () => {
  it("fires every period counted from when the rule was created", () => {
    const s = parseSchedule("rate(5 minutes)");
    expect(s.next(0, 0)).toBe(300_000);
    expect(s.next(300_000, 0)).toBe(600_000);
    expect(s.next(299_999, 0)).toBe(300_000);
    expect(parseSchedule("rate(1 day)").next(0)).toBe(86_400_000);
    expect(parseSchedule("rate(2 hours)").next(10, 5)).toBe(5 + 7_200_000);
  });
  it("a value of 1 takes the singular unit; above 1, the plural", () => {
    expect(() => parseSchedule("rate(1 minutes)")).toThrow(/rate\(1 minute\)/);
    expect(() => parseSchedule("rate(5 minute)")).toThrow(/rate\(5 minutes\)/);
    expect(() => parseSchedule("rate(0 minutes)")).toThrow(/positive/);
    expect(() => parseSchedule("rate(5 seconds)")).toThrow(/unit must be/);
    expect(() => parseSchedule("rate(five minutes)")).toThrow(ScheduleExpressionError);
  });
});

describe("cron expressions (EventBridge UG eb-scheduled-rule-pattern examples)", () => {
  it("cron(0 10 * * ? *): 10:00 UTC every day", () => {
    expect(next("cron(0 10 * * ? *)", "2026-03-04T09:00:00Z")).toBe("2026-03-04T10:00:00.000Z");
    expect(next("cron(0 10 * * ? *)", "2026-03-04T10:00:00Z")).toBe("2026-03-05T10:00:00.000Z");
  });
  it("cron(15 12 * * ? *): 12:15 every day", () => {
    expect(next("cron(15 12 * * ? *)", "2026-12-31T12:15:30Z")).toBe("2027-01-01T12:15:00.000Z");
  });
  it("cron(0 18 ? * MON-FRI *): 18:00 Monday to Friday", () => {
    // 2026-01-02 is a Friday; after 18:00 the next is Monday the 5th.
    expect(next("cron(0 18 ? * MON-FRI *)", "2026-01-02T18:00:00Z")).toBe("2026-01-05T18:00:00.000Z");
  });
  it("cron(0 8 1 * ? *): 08:00 on the first of every month", () => {
    expect(next("cron(0 8 1 * ? *)", "2026-01-01T08:00:00Z")).toBe("2026-02-01T08:00:00.000Z");
  });
  it("cron(0/10 * ? * MON-FRI *): every 10 minutes on weekdays", () => {
    expect(next("cron(0/10 * ? * MON-FRI *)", "2026-01-02T23:55:00Z")).toBe("2026-01-05T00:00:00.000Z");
    expect(next("cron(0/10 * ? * MON-FRI *)", "2026-01-05T00:01:00Z")).toBe("2026-01-05T00:10:00.000Z");
  });
  it("cron(0/5 8-17 ? * MON-FRI *): every 5 minutes between 8:00 and 17:55 on weekdays", () => {
    expect(next("cron(0/5 8-17 ? * MON-FRI *)", "2026-01-05T17:55:00Z")).toBe("2026-01-06T08:00:00.000Z");
  });
  it("cron(0 9 ? * 2#1 *): 09:00 on the first Monday of each month", () => {
    expect(next("cron(0 9 ? * 2#1 *)", "2026-01-06T00:00:00Z")).toBe("2026-02-02T09:00:00.000Z");
  });
  it("L: the last day of the month; nL: the last given weekday; W: the nearest weekday; LW", () => {
    expect(next("cron(0 0 L * ? *)", "2026-02-01T00:00:00Z")).toBe("2026-02-28T00:00:00.000Z");
    expect(next("cron(0 0 L * ? *)", "2028-02-01T00:00:00Z")).toBe("2028-02-29T00:00:00.000Z");
    expect(next("cron(0 0 ? * 6L *)", "2026-01-01T00:00:00Z")).toBe("2026-01-30T00:00:00.000Z"); // last Friday
    expect(next("cron(0 0 3W * ? *)", "2026-01-01T00:00:00Z")).toBe("2026-01-02T00:00:00.000Z"); // the 3rd is a Saturday
    expect(next("cron(0 0 1W * ? *)", "2026-02-01T00:00:00Z")).toBe("2026-02-02T00:00:00.000Z"); // the 1st is a Sunday
    expect(next("cron(0 0 LW * ? *)", "2026-05-01T00:00:00Z")).toBe("2026-05-29T00:00:00.000Z"); // 31 May is a Sunday
  });
  it("months by name, lists, wrapping ranges and a year field", () => {
    expect(next("cron(30 6 1 JAN,JUL ? *)", "2026-02-01T00:00:00Z")).toBe("2026-07-01T06:30:00.000Z");
    expect(next("cron(0 0 ? * FRI-MON *)", "2026-01-06T00:00:00Z")).toBe("2026-01-09T00:00:00.000Z");
    expect(next("cron(0 0 1 1 ? 2030)", "2026-01-01T00:00:00Z")).toBe("2030-01-01T00:00:00.000Z");
    expect(next("cron(0 0 1 1 ? 2026)", "2026-01-01T00:00:00Z")).toBeUndefined();
  });
});

describe("invalid schedule expressions are refused as PutRule refuses them", () => {
  it.each([
    ["cron(0 10 * * * *)", /one of day-of-month and day-of-week must be \?/],
    ["cron(0 10 ? * ? *)", /one of day-of-month and day-of-week must be \?/],
    ["cron(0 10 * * ?)", /6 fields/],
    ["cron(60 10 * * ? *)", /Minutes value 60 is outside 0–59/],
    ["cron(0 24 * * ? *)", /Hours value 24/],
    ["cron(0 0 ? * FUNDAY *)", /Day-of-week value "FUNDAY"/],
    ["cron(0 0 ? * 2#6 *)", /1–5/],
    ["cron(0 0 1 13 ? *)", /Month value 13/],
    ["cron(0/0 0 1 1 ? *)", /increment/],
    ["every 5 minutes", /expected rate/],
  ])("%s", (expr, re) => {
    expect(() => parseSchedule(expr)).toThrow(re);
    expect(() => parseSchedule(expr)).toThrow(/^Parameter ScheduleExpression is not valid\./);
  });
});

describe("one-time schedules (EventBridge Scheduler at())", () => {
  it("fire once", () => {
    expect(next("at(2026-05-01T12:00:00)", "2026-01-01T00:00:00Z")).toBe("2026-05-01T12:00:00.000Z");
    expect(next("at(2026-05-01T12:00:00)", "2026-06-01T00:00:00Z")).toBeUndefined();
  });
});
