import type { ReportSubmissionDto } from "@ntm/contracts";
import { matchesSearch } from "@ntm/domain";
import { readUrlState, urlField, writeUrlState, type UrlFields } from "../../lib/use-url-state.ts";

/** What the list of reports can be narrowed to; every filter lives in the URL's search. */
export const statusFilters = ["open", "overdue", "missing", "late", "on_time", "pending"] as const;
export type StatusFilter = (typeof statusFilters)[number];

export interface ReportFilters {
  type: number | null;
  year: number | null;
  period: string;
  status: StatusFilter | null;
  /** Words of the unit's name, with or without diacritics. */
  q: string;
  /** The report open in the drawer. */
  report: number | null;
}

const id = urlField.optionalInteger(1, 2_147_483_647);

/** How each filter reads from and writes to the URL (a bad value is no filter). */
export const reportFilterFields: UrlFields<ReportFilters> = {
  type: id,
  year: urlField.optionalInteger(2000, 2100),
  period: urlField.text(),
  status: urlField.oneOf(statusFilters, null),
  q: urlField.text(),
  report: id,
};

export const readFilters = (params: URLSearchParams) => readUrlState(params, reportFilterFields);
export const writeFilters = (params: URLSearchParams, patch: Partial<ReportFilters>) =>
  writeUrlState(params, reportFilterFields, patch);

/** The list's link for a set of filters, e.g. from a rate-board cell. */
export function reportsLink(filters: Partial<Omit<ReportFilters, "report" | "q">>) {
  const search = writeFilters(new URLSearchParams(), filters).toString();
  return search ? `/reports?${search}` : "/reports";
}

function matchesStatus(row: ReportSubmissionDto, status: StatusFilter) {
  switch (status) {
    case "open":
      return row.state !== "submitted";
    // Overdue: not sent by the due date, or sent after it — what "Nhắc nộp" and the board chase.
    case "overdue":
      return row.timeliness === "missing" || row.timeliness === "late";
    default:
      return row.timeliness === status;
  }
}

/** The rows the filters keep, the latest period first, then by unit name. */
export function filterReports(rows: readonly ReportSubmissionDto[], filters: ReportFilters) {
  return rows
    .filter((row) => filters.type === null || row.typeId === filters.type)
    .filter((row) => filters.year === null || row.periodKey.startsWith(`${filters.year}-`))
    .filter((row) => !filters.period || row.periodKey === filters.period)
    .filter((row) => filters.status === null || matchesStatus(row, filters.status))
    .filter((row) => !filters.q.trim() || matchesSearch(row.unitName, filters.q))
    .sort(
      (a, b) =>
        b.periodKey.localeCompare(a.periodKey) || a.unitName.localeCompare(b.unitName, "vi"),
    );
}
