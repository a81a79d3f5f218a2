/** The gradebook's status filter: which (student, item) cells count as "not started", "stuck", … */
import type { Cell } from "./assignments";

export const STATUS_FILTERS = ["not-started", "submitted", "passed", "late", "stuck"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export const STATUS_FILTER_LABEL: Record<StatusFilter, string> = {
  "not-started": "not started",
  submitted: "submitted",
  passed: "passed",
  late: "late",
  stuck: "stuck (tried, not passed)",
};

export function isStatusFilter(value: unknown): value is StatusFilter {
  return typeof value === "string" && (STATUS_FILTERS as readonly string[]).includes(value);
}

/** Whether a cell matches: submitted = tried at least once or lesson completed; stuck = tried, not passed. */
export function cellMatches(cell: Cell, filter: StatusFilter): boolean {
  const done = cell.status === "passed" || cell.status === "completed";
  switch (filter) {
    case "not-started":
      return cell.status === "not-started";
    case "submitted":
      return cell.attempts > 0 || cell.status === "completed";
    case "passed":
      return done;
    case "late":
      return cell.late;
    case "stuck":
      return cell.attempts > 0 && !done;
  }
}
