import { describe, expect, it } from "vitest";
import type { LinkKind, SuccessorLink } from "../hierarchy/lineage.ts";
import { compareYears, type StoredYearResult } from "./compare-years.ts";

const link = (
  predecessorCode: string,
  predecessorValidFrom: string,
  successorCode: string,
  successorValidFrom: string,
  kind: LinkKind = "full",
): SuccessorLink => ({
  predecessorCode,
  predecessorValidFrom,
  successorCode,
  successorValidFrom,
  kind,
  effectiveDate: successorValidFrom,
});
const merger = [
  link("A", "2020-01-01", "N", "2025-07-01"),
  link("B", "2008-08-01", "N", "2025-07-01"),
  link("A0", "2008-08-01", "A", "2020-01-01"),
];
const versions = [
  { code: "A0", validFrom: "2008-08-01", validTo: "2019-12-31" },
  { code: "A", validFrom: "2020-01-01", validTo: "2025-06-30" },
  { code: "B", validFrom: "2008-08-01", validTo: "2025-06-30" },
  { code: "N", validFrom: "2025-07-01", validTo: null },
  { code: "X", validFrom: "2008-08-01", validTo: null },
];
const n = { code: "N", validFrom: "2025-07-01" };
const result = (unitCode: string, year: number, criteriaMet: number): StoredYearResult => ({
  unitCode,
  year,
  criteriaMet,
  criteriaTotal: 19,
  level: criteriaMet === 19 ? "standard" : null,
});
const results = [
  result("A0", 2019, 8),
  result("A", 2022, 12),
  result("B", 2022, 19),
  result("A", 2024, 15),
  result("B", 2024, 19),
  result("N", 2026, 7),
  result("X", 2024, 3),
];

describe("compareYears", () => {
  it.each([
    [2019, null, ["A0"], "đơn vị chưa hình thành; hiển thị kết quả của 1 đơn vị trước sáp nhập"],
    [2022, null, ["A", "B"], "hiển thị kết quả của 2 đơn vị trước sáp nhập"],
    [2024, null, ["A", "B"], "hiển thị kết quả của 2 đơn vị trước sáp nhập"],
    [2026, 7, [], "kết quả của chính đơn vị"],
  ])("the merged commune in %i: own %s, predecessors %j", (year, own, predecessors, note) => {
    const row = compareYears(n, merger, versions, results).find((entry) => entry.year === year);
    expect(row?.own?.criteriaMet ?? null).toBe(own);
    expect(row?.predecessors.map((entry) => entry.unitCode)).toEqual(predecessors);
    expect(row?.note).toContain(note);
  });

  it("a unit without mergers is compared with itself only, years ascending", () => {
    expect(
      compareYears({ code: "X", validFrom: "2008-08-01" }, merger, versions, results).map((row) => [
        row.year,
        row.own?.criteriaMet,
      ]),
    ).toEqual([[2024, 3]]);
    expect(compareYears(n, merger, versions, results).map((row) => row.year)).toEqual([
      2019, 2022, 2024, 2026,
    ]);
  });

  it("a code kept through a merger: its old results are a predecessor's, marked partial or full", () => {
    // New 23344 = old 23344 (full) + old 23350 (part of it); 2025 belongs to the new unit.
    const links = [
      link("23344", "2008-08-01", "23344", "2025-07-01"),
      link("23350", "2008-08-01", "23344", "2025-07-01", "partial"),
    ];
    const reused = [
      { code: "23344", validFrom: "2008-08-01", validTo: "2025-06-30" },
      { code: "23344", validFrom: "2025-07-01", validTo: null },
      { code: "23350", validFrom: "2008-08-01", validTo: "2025-06-30" },
    ];
    const rows = [result("23344", 2024, 17), result("23350", 2024, 12), result("23344", 2025, 9)];
    const years = compareYears({ code: "23344", validFrom: "2025-07-01" }, links, reused, rows);
    expect(years.map((row) => [row.year, row.own?.criteriaMet ?? null])).toEqual([
      [2024, null],
      [2025, 9],
    ]);
    expect(years[0]?.predecessors.map((row) => [row.unitCode, row.kind])).toEqual([
      ["23344", "full"],
      ["23350", "partial"],
    ]);
    expect(years[0]?.note).toContain("1 đơn vị chỉ nhập một phần địa bàn");
    // The old version of 23344 sees its own 2024 result and not the new unit's 2025.
    const old = compareYears({ code: "23344", validFrom: "2008-08-01" }, links, reused, rows);
    expect(old.map((row) => [row.year, row.own?.criteriaMet ?? null])).toEqual([[2024, 17]]);
  });
});
