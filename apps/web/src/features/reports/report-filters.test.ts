import { describe, expect, it } from "vitest";
import type { ReportSubmissionDto } from "@ntm/contracts";
import {
  filterReports,
  readFilters,
  reportsLink,
  sortOrderOf,
  sortWordOf,
  writeFilters,
} from "./report-filters.ts";

const row = (
  id: number,
  unitName: string,
  periodKey: string,
  fields: Partial<ReportSubmissionDto> = {},
): ReportSubmissionDto => ({
  id,
  typeId: 1,
  typeName: "Báo cáo tháng của UBND xã",
  periodKey,
  periodLabel: periodKey,
  dueDate: "2026-05-10",
  unitCode: String(id),
  unitName,
  departmentCode: null,
  state: "draft",
  timeliness: "missing",
  timelinessReason: "",
  narrative: "",
  figures: null,
  submittedAt: null,
  submittedBy: null,
  returnReason: null,
  version: 0,
  canSubmit: false,
  canReturn: false,
  canRead: false,
  canRemind: true,
  remindedOn: null,
  ...fields,
});

const rows = [
  row(1, "Xã Đăk Pék", "2026-M04"),
  row(2, "Xã Đăk Choong", "2026-M04", { state: "submitted", timeliness: "late" }),
  row(3, "Xã Tê Xăng", "2026-M04", { state: "submitted", timeliness: "on_time" }),
  row(4, "Xã Đăk Pék", "2025-M12", { typeId: 2, timeliness: "pending" }),
];

describe("the reports list's filters in the URL", () => {
  it("reads what a rate-board cell links to", () => {
    const link = reportsLink({ type: 1, period: "2026-M04", status: "missing" });
    expect(link).toBe("/reports?type=1&period=2026-M04&status=missing");
    const filters = readFilters(new URLSearchParams(link.split("?")[1]));
    expect(filters).toEqual({
      type: 1,
      year: null,
      period: "2026-M04",
      status: "missing",
      q: "",
      report: null,
      sort: null,
      page: 1,
    });
    expect(filterReports(rows, filters).map((r) => r.id)).toEqual([1]);
  });

  it("ignores values a hand-typed URL gets wrong", () => {
    expect(
      readFilters(new URLSearchParams("type=abc&year=99&status=gone&report=-3&sort=x&page=0")),
    ).toEqual({
      type: null,
      year: null,
      period: "",
      status: null,
      q: "",
      report: null,
      sort: null,
      page: 1,
    });
  });

  it("keeps the other parameters when one changes, and drops a cleared one", () => {
    const next = writeFilters(new URLSearchParams("type=1&status=late&tab=x"), {
      status: null,
      report: 7,
    });
    expect(next.toString()).toBe("type=1&tab=x&report=7");
  });

  it("narrows by year, overdue (late or missing), not submitted and a name without diacritics", () => {
    const all = readFilters(new URLSearchParams());
    expect(filterReports(rows, { ...all, year: 2025 }).map((r) => r.id)).toEqual([4]);
    expect(filterReports(rows, { ...all, status: "overdue" }).map((r) => r.id)).toEqual([2, 1]);
    expect(filterReports(rows, { ...all, status: "open" }).map((r) => r.id)).toEqual([1, 4]);
    expect(filterReports(rows, { ...all, q: "dak pek" }).map((r) => r.id)).toEqual([1, 4]);
  });

  it("orders by the column in the URL, the latest period first when none is chosen", () => {
    const all = readFilters(new URLSearchParams());
    expect(filterReports(rows, all).map((r) => r.id)).toEqual([2, 1, 3, 4]);
    const byDue = [
      row(5, "Xã A", "2026-M04", { dueDate: "2026-05-20" }),
      row(6, "Xã B", "2026-M03", { dueDate: "2026-04-10" }),
    ];
    const sorted = readFilters(new URLSearchParams("sort=due&page=2"));
    expect(sorted.sort).toBe("due");
    expect(sorted.page).toBe(2);
    expect(filterReports(byDue, sorted).map((r) => r.id)).toEqual([6, 5]);
    expect(filterReports(rows, { ...all, sort: "unit" }).map((r) => r.unitName)).toEqual([
      "Xã Đăk Choong",
      "Xã Đăk Pék",
      "Xã Đăk Pék",
      "Xã Tê Xăng",
    ]);
  });

  it("turns a heading's click into a short URL word and back", () => {
    expect(sortWordOf("due", "ascend")).toBe("due");
    expect(sortWordOf("unit", "descend")).toBe("-unit");
    expect(sortWordOf("period", "descend")).toBeNull();
    expect(sortWordOf("unit", null)).toBeNull();
    expect(sortOrderOf(null, "period")).toBe("descend");
    expect(sortOrderOf("due", "due")).toBe("ascend");
    expect(sortOrderOf("due", "period")).toBeNull();
    expect(writeFilters(new URLSearchParams(), { sort: "-due", page: 1 }).toString()).toBe(
      "sort=-due",
    );
  });
});
