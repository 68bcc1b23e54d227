import { describe, expect, it } from "vitest";
import type { LevelCode } from "../catalog/criteria-set.ts";
import { summariseUnits, type StoredResult } from "./summarise-units.ts";

function stored(
  unitName: string,
  criteriaMet: number,
  level: LevelCode | null = null,
): StoredResult {
  return { unitCode: unitName, unitName, criteriaMet, criteriaTotal: 19, level };
}

// Communes of Tu Mơ Rông and Đăk Glei, with invented results.
const results: StoredResult[] = [
  stored("Đăk Hà", 19, "advanced"),
  stored("Tu Mơ Rông", 19, "standard"),
  stored("Văn Xuôi", 9),
  stored("Đăk Sao", 12),
  stored("Ngọk Lây", 9),
  stored("Măng Ri", 15),
  stored("Đăk Tờ Kan", 19, "standard"),
  stored("Dục Nông", 9),
];

const levels: LevelCode[] = ["standard", "advanced", "model"];

describe("summariseUnits", () => {
  const summary = summariseUnits({
    communes: 10,
    results,
    levels,
    criteriaTotal: 19,
    belowThreshold: 10,
  });

  it("counts communes and evaluated communes separately", () => {
    expect([summary.communes, summary.evaluated]).toEqual([10, 8]);
  });

  it.each<{ level: LevelCode | "none"; count: number }>([
    { level: "standard", count: 2 },
    { level: "advanced", count: 1 },
    { level: "model", count: 0 },
    { level: "none", count: 5 },
  ])("counts $count communes at level $level", ({ level, count }) => {
    expect(summary.byLevel.find((row) => row.level === level)?.count).toBe(count);
  });

  it("lists the levels in the order given, then none", () => {
    expect(summary.byLevel.map((row) => row.level)).toEqual([
      "standard",
      "advanced",
      "model",
      "none",
    ]);
  });

  it("has a histogram bar for every N from 0 to the total", () => {
    expect(summary.byCriteriaMet).toHaveLength(20);
    expect(summary.byCriteriaMet.map((bar) => bar.criteriaMet)).toEqual(
      Array.from({ length: 20 }, (_, n) => n),
    );
    expect(summary.byCriteriaMet.reduce((sum, bar) => sum + bar.count, 0)).toBe(8);
  });

  it.each<{ criteriaMet: number; count: number }>([
    { criteriaMet: 0, count: 0 },
    { criteriaMet: 9, count: 3 },
    { criteriaMet: 10, count: 0 },
    { criteriaMet: 12, count: 1 },
    { criteriaMet: 15, count: 1 },
    { criteriaMet: 19, count: 3 },
  ])("the histogram counts $count communes meeting exactly $criteriaMet criteria", (row) => {
    expect(summary.byCriteriaMet[row.criteriaMet]).toEqual(row);
  });

  it("averages the criteria met, rounded to two decimals", () => {
    // (19 + 19 + 9 + 12 + 9 + 15 + 19 + 9) / 8 = 13.875
    expect(summary.averageCriteriaMet).toBe(13.88);
  });

  it("lists the communes below the threshold, fewest criteria first, then by Vietnamese name", () => {
    expect(summary.below.threshold).toBe(10);
    expect(summary.below.units.map((u) => [u.unitName, u.criteriaMet])).toEqual([
      ["Dục Nông", 9],
      ["Ngọk Lây", 9],
      ["Văn Xuôi", 9],
    ]);
  });

  it.each<{ threshold: number; names: string[] }>([
    { threshold: 0, names: [] },
    { threshold: 9, names: [] },
    { threshold: 13, names: ["Dục Nông", "Ngọk Lây", "Văn Xuôi", "Đăk Sao"] },
    { threshold: 15, names: ["Dục Nông", "Ngọk Lây", "Văn Xuôi", "Đăk Sao"] },
    { threshold: 16, names: ["Dục Nông", "Ngọk Lây", "Văn Xuôi", "Đăk Sao", "Măng Ri"] },
  ])("below $threshold: $names", ({ threshold, names }) => {
    const below = summariseUnits({
      communes: 10,
      results,
      levels,
      criteriaTotal: 19,
      belowThreshold: threshold,
    });
    expect(below.below.units.map((u) => u.unitName)).toEqual(names);
  });

  it("sorts Đ after D, as Vietnamese does", () => {
    const names = summariseUnits({
      communes: 3,
      results: [stored("Đăk Môn", 5), stored("Dak Nhoong", 5), stored("Ân Nghĩa", 5)],
      levels,
      criteriaTotal: 19,
      belowThreshold: 10,
    }).below.units.map((u) => u.unitName);
    expect(names).toEqual(["Ân Nghĩa", "Dak Nhoong", "Đăk Môn"]);
  });

  it("does not reorder the results it was given", () => {
    const before = results.map((r) => r.unitName);
    summariseUnits({ communes: 10, results, levels, criteriaTotal: 19, belowThreshold: 20 });
    expect(results.map((r) => r.unitName)).toEqual(before);
  });

  it("has no average and empty bars when nothing is evaluated", () => {
    const empty = summariseUnits({
      communes: 4,
      results: [],
      levels,
      criteriaTotal: 19,
      belowThreshold: 10,
    });
    expect(empty).toMatchObject({
      communes: 4,
      evaluated: 0,
      averageCriteriaMet: null,
      below: { units: [] },
    });
    expect(empty.byLevel.every((row) => row.count === 0)).toBe(true);
    expect(empty.byCriteriaMet.every((bar) => bar.count === 0)).toBe(true);
  });
});
