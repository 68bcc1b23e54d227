import type { ReportSubmissionDto } from "@ntm/contracts";
import { matchesSearch } from "@ntm/domain";
import { readUrlState, urlField, writeUrlState, type UrlFields } from "../../lib/use-url-state.ts";

/** What the list of reports can be narrowed to; every filter lives in the URL's search. */
export const statusFilters = ["open", "overdue", "missing", "late", "on_time", "pending"] as const;
export type StatusFilter = (typeof statusFilters)[number];

/** The orders a column heading gives; "-" first is the descending one. */
export const reportSorts = ["period", "-period", "unit", "-unit", "due", "-due"] as const;
export type ReportSort = (typeof reportSorts)[number];
export type ReportSortColumn = "period" | "unit" | "due";

export interface ReportFilters {
  type: number | null;
  year: number | null;
  period: string;
  status: StatusFilter | null;
  /** Words of the unit's name, with or without diacritics. */
  q: string;
  /** The report open in the drawer. */
  report: number | null;
  /** The column the list is ordered by; the latest period first when none is chosen. */
  sort: ReportSort | null;
  page: number;
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
  sort: urlField.oneOf(reportSorts, null),
  page: urlField.integer(1, 1, 100_000),
};

export const readFilters = (params: URLSearchParams) => readUrlState(params, reportFilterFields);
export const writeFilters = (params: URLSearchParams, patch: Partial<ReportFilters>) =>
  writeUrlState(params, reportFilterFields, patch);

/** The list's link for a set of filters, e.g. from a rate-board cell. */
export function reportsLink(
  filters: Partial<Omit<ReportFilters, "report" | "q" | "sort" | "page">>,
) {
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

const byUnit = (a: ReportSubmissionDto, b: ReportSubmissionDto) =>
  a.unitName.localeCompare(b.unitName, "vi");

const compareBy: Record<
  ReportSortColumn,
  (a: ReportSubmissionDto, b: ReportSubmissionDto) => number
> = {
  period: (a, b) => a.periodKey.localeCompare(b.periodKey) || -byUnit(a, b),
  unit: (a, b) => byUnit(a, b) || b.periodKey.localeCompare(a.periodKey),
  due: (a, b) => a.dueDate.localeCompare(b.dueDate) || -byUnit(a, b),
};

/** The column and direction of a sort word, as the table's heading shows it. */
export function sortOrderOf(sort: ReportSort | null, column: ReportSortColumn) {
  const chosen = sort ?? "-period";
  if (chosen === column) return "ascend" as const;
  if (chosen === `-${column}`) return "descend" as const;
  return null;
}

/** The sort word for a heading's click; the default order needs no word in the URL. */
export function sortWordOf(
  column: ReportSortColumn,
  order: "ascend" | "descend" | null | undefined,
): ReportSort | null {
  if (!order) return null;
  const word = (order === "ascend" ? column : `-${column}`) as ReportSort;
  return word === "-period" ? null : word;
}

/** The rows the filters keep, in the chosen order (the latest period first, then by unit name). */
export function filterReports(rows: readonly ReportSubmissionDto[], filters: ReportFilters) {
  const sort = filters.sort ?? "-period";
  const descending = sort.startsWith("-");
  const compare = compareBy[sort.replace("-", "") as ReportSortColumn];
  return rows
    .filter((row) => filters.type === null || row.typeId === filters.type)
    .filter((row) => filters.year === null || row.periodKey.startsWith(`${filters.year}-`))
    .filter((row) => !filters.period || row.periodKey === filters.period)
    .filter((row) => filters.status === null || matchesStatus(row, filters.status))
    .filter((row) => !filters.q.trim() || matchesSearch(row.unitName, filters.q))
    .sort((a, b) => (descending ? -compare(a, b) : compare(a, b)));
}
