/**
 * Schedule expressions of EventBridge rules and EventBridge Scheduler (EventBridge UG
 * eb-scheduled-rule-pattern; Scheduler UG schedule-types): `rate(value unit)` and AWS's six-field
 * `cron(minutes hours day-of-month month day-of-week year)`, always in UTC here.
 *
 * @example
 * const s = parseSchedule("cron(0 10 ? * MON-FRI *)");
 * new Date(s.next(Date.UTC(2026, 0, 2, 11))).toISOString(); // "2026-01-05T10:00:00.000Z" (Monday)
 */

export class ScheduleExpressionError extends Error {
  override name = "ScheduleExpressionError";
  constructor(
    readonly expression: string,
    readonly reason: string,
  ) {
    // EventBridge PutRule answers a ValidationException "Parameter ScheduleExpression is not valid."
    super(`Parameter ScheduleExpression is not valid. Reason: ${reason} (in ${JSON.stringify(expression)})`);
  }
}

export interface Schedule {
  readonly expression: string;
  readonly kind: "rate" | "cron" | "at";
  /** The first fire time strictly after `after` (epoch ms), or undefined when there is none. */
  next(after: number, createdAt?: number): number | undefined;
}

const RATE_UNITS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** Parse `rate(…)`, `cron(…)` or Scheduler's one-time `at(yyyy-mm-ddThh:mm:ss)`. */
export function parseSchedule(expression: string): Schedule {
  const e = expression.trim();
  const m = /^(rate|cron|at)\((.*)\)$/.exec(e);
  if (!m) throw new ScheduleExpressionError(expression, "expected rate(value unit), cron(minutes hours day-of-month month day-of-week year) or at(yyyy-mm-ddThh:mm:ss)");
  const [, kind, body] = m as unknown as [string, "rate" | "cron" | "at", string];
  if (kind === "rate") return rate(expression, body);
  if (kind === "at") return at(expression, body);
  return cron(expression, body);
}

function rate(expression: string, body: string): Schedule {
  const m = /^\s*(\d+)\s+([a-z]+)\s*$/.exec(body);
  if (!m) throw new ScheduleExpressionError(expression, "a rate is rate(value unit) with a positive whole value and minute(s), hour(s) or day(s)");
  const value = Number(m[1]);
  const unit = m[2] as string;
  const singular = unit.replace(/s$/, "");
  const ms = RATE_UNITS[singular];
  if (!ms) throw new ScheduleExpressionError(expression, `unit must be minute, minutes, hour, hours, day or days (got ${unit})`);
  if (value < 1) throw new ScheduleExpressionError(expression, "the value must be a positive number");
  // "If the value is equal to 1, then the unit must be singular … greater than 1, plural" (eb-scheduled-rule-pattern).
  if (value === 1 && unit !== singular) throw new ScheduleExpressionError(expression, `a value of 1 takes the singular unit: rate(1 ${singular})`);
  if (value > 1 && unit === singular) throw new ScheduleExpressionError(expression, `a value above 1 takes the plural unit: rate(${value} ${singular}s)`);
  const period = value * ms;
  return {
    expression,
    kind: "rate",
    // A rate schedule counts from when the rule was created: created + period, + 2 periods…
    next(after, createdAt = 0) {
      if (after < createdAt) return createdAt + period;
      return createdAt + (Math.floor((after - createdAt) / period) + 1) * period;
    },
  };
}

function at(expression: string, body: string): Schedule {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(body)) throw new ScheduleExpressionError(expression, "a one-time schedule is at(yyyy-mm-ddThh:mm:ss)");
  const time = Date.parse(`${body}Z`);
  if (!Number.isFinite(time)) throw new ScheduleExpressionError(expression, `${body} is not a date`);
  return { expression, kind: "at", next: (after) => (time > after ? time : undefined) };
}

// ---- cron ------------------------------------------------------------------------------------

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

interface Field {
  name: string;
  min: number;
  max: number;
  names?: string[];
}
const F: Record<"minutes" | "hours" | "dom" | "month" | "dow" | "year", Field> = {
  minutes: { name: "Minutes", min: 0, max: 59 },
  hours: { name: "Hours", min: 0, max: 23 },
  dom: { name: "Day-of-month", min: 1, max: 31 },
  month: { name: "Month", min: 1, max: 12, names: MONTHS },
  dow: { name: "Day-of-week", min: 1, max: 7, names: DAYS },
  year: { name: "Year", min: 1970, max: 2199 },
};

type DaySpec =
  | { kind: "any" }
  | { kind: "set"; values: Set<number> }
  | { kind: "last"; offset: number } // L, L-3 (day of month)
  | { kind: "weekday"; day: number } // 15W
  | { kind: "lastWeekday" } // LW
  | { kind: "lastDow"; dow: number } // 5L
  | { kind: "nth"; dow: number; n: number }; // 3#2

function cron(expression: string, body: string): Schedule {
  const parts = body.trim().split(/\s+/);
  if (parts.length !== 6) throw new ScheduleExpressionError(expression, `cron needs 6 fields (minutes hours day-of-month month day-of-week year), got ${parts.length}`);
  const [mi, ho, dm, mo, dw, yr] = parts as [string, string, string, string, string, string];
  const bad = (reason: string): never => {
    throw new ScheduleExpressionError(expression, reason);
  };
  // "You can't specify the Day-of-month and Day-of-week fields in the same cron expression. If you
  // specify a value or a * in one of the fields, you must use a ? in the other." (eb-scheduled-rule-pattern)
  if ((dm === "?") === (dw === "?")) bad("one of day-of-month and day-of-week must be ? (and only one)");
  const minutes = set(mi, F.minutes, bad);
  const hours = set(ho, F.hours, bad);
  const months = set(mo, F.month, bad);
  const years = set(yr, F.year, bad);
  const dom = dm === "?" ? ({ kind: "any" } as DaySpec) : domSpec(dm, bad);
  const dow = dw === "?" ? ({ kind: "any" } as DaySpec) : dowSpec(dw, bad);
  const minuteList = [...minutes].sort((a, b) => a - b);
  const hourList = [...hours].sort((a, b) => a - b);
  const lastYear = Math.max(...years);
  const dayMatches = (y: number, m: number, d: number): boolean => {
    const spec = dm === "?" ? dow : dom;
    return daySpecMatches(spec, dm === "?", y, m, d);
  };
  return {
    expression,
    kind: "cron",
    next(after) {
      // Whole minutes: the first minute strictly after `after`.
      const start = Math.floor(after / 60_000) * 60_000 + 60_000;
      const s = new Date(start);
      let y = s.getUTCFullYear();
      let mo0 = s.getUTCMonth() + 1;
      let d = s.getUTCDate();
      let first = true;
      while (y <= lastYear) {
        if (!years.has(y)) {
          y++;
          mo0 = 1;
          d = 1;
          first = false;
          continue;
        }
        if (!months.has(mo0)) {
          ({ y, m: mo0 } = nextMonth(y, mo0));
          d = 1;
          first = false;
          continue;
        }
        const dim = daysIn(y, mo0);
        for (; d <= dim; d++) {
          if (!dayMatches(y, mo0, d)) {
            first = false;
            continue;
          }
          const h0 = first ? s.getUTCHours() : 0;
          for (const h of hourList) {
            if (h < h0) continue;
            const mMin = first && h === h0 ? s.getUTCMinutes() : 0;
            const minute = minuteList.find((x) => x >= mMin);
            if (minute !== undefined) return Date.UTC(y, mo0 - 1, d, h, minute);
          }
          first = false;
        }
        ({ y, m: mo0 } = nextMonth(y, mo0));
        d = 1;
        first = false;
      }
      return undefined;
    },
  };
}

function nextMonth(y: number, m: number): { y: number; m: number } {
  return m === 12 ? { y: y + 1, m: 1 } : { y, m: m + 1 };
}

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** 1 = Sunday … 7 = Saturday, as AWS's cron counts. */
function weekday(y: number, m: number, d: number): number {
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 1;
}

function daySpecMatches(spec: DaySpec, isDow: boolean, y: number, m: number, d: number): boolean {
  const dim = daysIn(y, m);
  switch (spec.kind) {
    case "any":
      return true;
    case "set":
      return spec.values.has(isDow ? weekday(y, m, d) : d);
    case "last":
      return d === dim - spec.offset;
    case "lastWeekday": {
      let last = dim;
      while (weekday(y, m, last) === 1 || weekday(y, m, last) === 7) last--;
      return d === last;
    }
    case "weekday": {
      // The weekday nearest to the given day, within the same month.
      let target = Math.min(spec.day, dim);
      const wd = weekday(y, m, target);
      if (wd === 7) target = target === 1 ? target + 2 : target - 1;
      else if (wd === 1) target = target === dim ? target - 2 : target + 1;
      return d === target;
    }
    case "lastDow":
      return weekday(y, m, d) === spec.dow && d + 7 > dim;
    case "nth":
      return weekday(y, m, d) === spec.dow && Math.ceil(d / 7) === spec.n;
  }
}

function num(text: string, f: Field, bad: (r: string) => never): number {
  const upper = text.toUpperCase();
  const named = f.names?.indexOf(upper) ?? -1;
  if (named >= 0) return named + 1;
  if (!/^\d+$/.test(text)) return bad(`${f.name} value ${JSON.stringify(text)} is not a number${f.names ? ` or a name (${f.names[0]}–${f.names[f.names.length - 1]})` : ""}`);
  const n = Number(text);
  if (n < f.min || n > f.max) return bad(`${f.name} value ${n} is outside ${f.min}–${f.max}`);
  return n;
}

/** `*`, `5`, `1-5`, `MON-FRI`, `0/15`, `*\/5`, `10-40/10`, `1,3,5` (ranges may wrap: `FRI-MON`). */
function set(text: string, f: Field, bad: (r: string) => never): Set<number> {
  const out = new Set<number>();
  for (const item of text.split(",")) {
    if (item === "") bad(`${f.name} has an empty list item`);
    const [range, stepText, extra] = item.split("/");
    if (extra !== undefined) bad(`${f.name} ${item}: only one / per item`);
    let step = 1;
    if (stepText !== undefined) {
      if (!/^\d+$/.test(stepText) || Number(stepText) < 1) bad(`${f.name} ${item}: the increment must be a positive whole number`);
      step = Number(stepText);
    }
    let lo: number;
    let hi: number;
    if (range === "*") [lo, hi] = [f.min, f.max];
    else if ((range as string).includes("-")) {
      const [a, b, c] = (range as string).split("-");
      if (c !== undefined || !a || !b) bad(`${f.name} ${item} is not a range`);
      [lo, hi] = [num(a, f, bad), num(b, f, bad)];
    } else {
      lo = num(range as string, f, bad);
      hi = stepText !== undefined ? f.max : lo;
    }
    const span = f.max - f.min + 1;
    const count = hi >= lo ? hi - lo : hi + span - lo; // a wrapping range (FRI-MON, 22-2)
    for (let i = 0; i <= count; i += step) out.add(((lo - f.min + i) % span) + f.min);
  }
  return out;
}

function domSpec(text: string, bad: (r: string) => never): DaySpec {
  if (text === "L") return { kind: "last", offset: 0 };
  if (text === "LW") return { kind: "lastWeekday" };
  const lm = /^L-(\d+)$/.exec(text);
  if (lm) {
    const offset = Number(lm[1]);
    if (offset > 30) bad(`Day-of-month L-${offset}: the offset must be at most 30`);
    return { kind: "last", offset };
  }
  const w = /^(\d+)W$/.exec(text);
  if (w) return { kind: "weekday", day: num(w[1] as string, F.dom, bad) };
  if (/[LW#]/.test(text)) bad(`Day-of-month ${text}: L, W and LW stand alone or as nW / L-n`);
  return { kind: "set", values: set(text, F.dom, bad) };
}

function dowSpec(text: string, bad: (r: string) => never): DaySpec {
  if (text === "L") return { kind: "set", values: new Set([7]) };
  const l = /^([A-Za-z0-9]+)L$/.exec(text);
  if (l) return { kind: "lastDow", dow: num(l[1] as string, F.dow, bad) };
  const nth = /^([A-Za-z0-9]+)#(\d+)$/.exec(text);
  if (nth) {
    const n = Number(nth[2]);
    if (n < 1 || n > 5) bad(`Day-of-week ${text}: the week number after # must be 1–5`);
    return { kind: "nth", dow: num(nth[1] as string, F.dow, bad), n };
  }
  if (/[LW#]/.test(text)) bad(`Day-of-week ${text}: use nL (last) or n#k (k-th) forms`);
  return { kind: "set", values: set(text, F.dow, bad) };
}
