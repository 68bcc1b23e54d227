import { describe, expect, it } from "vitest";
import { compareYears, type StoredYearResult } from "./compare-years.ts";

const merger = [
  { predecessorCode: "A", successorCode: "N", effectiveDate: "2025-07-01" },
  { predecessorCode: "B", successorCode: "N", effectiveDate: "2025-07-01" },
  { predecessorCode: "A0", successorCode: "A", effectiveDate: "2020-01-01" },
];
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
    const row = compareYears("N", merger, results).find((entry) => entry.year === year);
    expect(row?.own?.criteriaMet ?? null).toBe(own);
    expect(row?.predecessors.map((entry) => entry.unitCode)).toEqual(predecessors);
    expect(row?.note).toContain(note);
  });

  it("a unit without mergers is compared with itself only, years ascending", () => {
    expect(
      compareYears("X", merger, results).map((row) => [row.year, row.own?.criteriaMet]),
    ).toEqual([[2024, 3]]);
    expect(compareYears("N", merger, results).map((row) => row.year)).toEqual([
      2019, 2022, 2024, 2026,
    ]);
  });
});
