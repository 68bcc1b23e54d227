import { describe, expect, it } from "vitest";
import type { LevelCode } from "../catalog/criteria-set.ts";
import { evaluateTarget } from "./evaluate-target.ts";
import type { TargetCommune, TargetDefinition, TargetStatus } from "./target.ts";

const levels: LevelCode[] = ["standard", "advanced", "model"];

/** A commune from its criteria met by year (19 criteria); 19 means recognised (standard). */
function commune(code: string, byYear: Record<number, number>, level?: LevelCode): TargetCommune {
  const results = Object.fromEntries(
    Object.entries(byYear).map(([year, met]) => [
      Number(year),
      {
        criteriaMet: met,
        criteriaTotal: 19,
        level: met === 19 ? (level ?? "standard") : null,
        unmet: Array.from({ length: 19 - met }, (_, index) => String(19 - index)).reverse(),
      },
    ]),
  );
  return { code, name: `Xã ${code}`, parentName: "Huyện Thử", results };
}

const base: Omit<TargetDefinition, "kind" | "value"> = { baselineYear: 2022, deadlineYear: 2025 };

interface Row {
  name: string;
  target: TargetDefinition;
  communes: TargetCommune[];
  year: number;
  status: TargetStatus;
  actual: number | null;
  gap: number | null;
  behind: string[];
}

const rows: Row[] = [
  // Count of communes at a level: pace = gained per year so far ÷ still needed per year left.
  {
    name: "level count reached early → met",
    target: { ...base, kind: "communesAtLevel", value: 2, level: "standard" },
    communes: [commune("A", { 2022: 15, 2024: 19 }), commune("B", { 2022: 19, 2024: 19 })],
    year: 2024,
    status: "met",
    actual: 2,
    gap: 0,
    behind: [],
  },
  {
    name: "level count, pace exactly the needed pace (ratio 1) → on track",
    // +1 commune in 2 years = 0,5/year; 1 more needed in 1 year = 1/year … ratio 0,5
    // so use 4 communes: 0 → 2 in two years (1/year), need 1 more in 1 year (1/year).
    target: { ...base, kind: "communesAtLevel", value: 3, level: "standard" },
    communes: [
      commune("A", { 2022: 17, 2024: 19 }),
      commune("B", { 2022: 16, 2024: 19 }),
      commune("C", { 2022: 14, 2024: 18 }),
      commune("D", { 2022: 10, 2024: 12 }),
    ],
    year: 2024,
    status: "onTrack",
    actual: 2,
    gap: 1,
    behind: ["C", "D"],
  },
  {
    name: "level count, ratio 0,5 → at risk (lower boundary)",
    target: { ...base, kind: "communesAtLevel", value: 2, level: "standard" },
    communes: [commune("A", { 2022: 17, 2024: 19 }), commune("B", { 2022: 12, 2024: 14 })],
    year: 2024,
    status: "atRisk",
    actual: 1,
    gap: 1,
    behind: ["B"],
  },
  {
    name: "level count, ratio below 0,5 → off track",
    target: { ...base, kind: "communesAtLevel", value: 3, level: "standard" },
    communes: [
      commune("A", { 2022: 17, 2024: 19 }),
      commune("B", { 2022: 12, 2024: 14 }),
      commune("C", { 2022: 12, 2024: 13 }),
    ],
    year: 2024,
    status: "offTrack",
    actual: 1,
    gap: 2,
    behind: ["B", "C"],
  },
  {
    name: "advanced level counts the model level too",
    target: { ...base, kind: "communesAtLevel", value: 1, level: "advanced" },
    communes: [commune("A", { 2022: 19, 2024: 19 }, "model"), commune("B", { 2024: 19 })],
    year: 2024,
    status: "met",
    actual: 1,
    gap: 0,
    behind: ["B"],
  },
  {
    name: "share of communes in %, deadline passed and short → off track",
    target: { ...base, deadlineYear: 2023, kind: "communesAtLevel", value: 50, measure: "share" },
    communes: [
      commune("A", { 2022: 19, 2023: 19 }),
      commune("B", { 2022: 12, 2023: 14 }),
      commune("C", { 2022: 12, 2023: 13 }),
    ],
    year: 2024,
    status: "offTrack",
    actual: 33.3,
    gap: 16.7,
    behind: ["B", "C"],
  },
  {
    name: "no results in the year → no data",
    target: { ...base, kind: "communesAtLevel", value: 1 },
    communes: [commune("A", { 2022: 12 })],
    year: 2024,
    status: "noData",
    actual: null,
    gap: null,
    behind: [],
  },
  // Average criteria per commune.
  {
    name: "average, pace above the need → on track",
    target: { ...base, kind: "averageCriteria", value: 15 },
    communes: [commune("A", { 2022: 10, 2024: 14 }), commune("B", { 2022: 12, 2024: 14 })],
    year: 2024,
    status: "onTrack",
    actual: 14,
    gap: 1,
    behind: ["A", "B"],
  },
  {
    name: "average, pace ratio just under 1 → at risk",
    // 11 → 13 in 2 years = 1/year; need 17,3 − 13 = 4,3 in 1 year: ratio 0,23 … use a 2026 deadline:
    target: { ...base, deadlineYear: 2026, kind: "averageCriteria", value: 15.1 },
    communes: [commune("A", { 2022: 11, 2024: 13 })],
    year: 2024,
    status: "atRisk",
    actual: 13,
    gap: 2.1,
    behind: ["A"],
  },
  {
    name: "average reached → met",
    target: { ...base, kind: "averageCriteria", value: 17.3 },
    communes: [commune("A", { 2022: 17, 2024: 19 }), commune("B", { 2022: 15, 2024: 16 })],
    year: 2024,
    status: "met",
    actual: 17.5,
    gap: 0,
    behind: ["B"],
  },
  // No commune below N criteria: each commune's own pace.
  {
    name: "none below 10, every lagging commune on pace → on track",
    target: { ...base, kind: "minCriteria", value: 10 },
    communes: [commune("A", { 2022: 5, 2024: 9 }), commune("B", { 2022: 12, 2024: 13 })],
    year: 2024,
    status: "onTrack",
    actual: 1,
    gap: 1,
    behind: ["A"],
  },
  {
    name: "none below 10, half the lagging communes on pace → at risk",
    target: { ...base, kind: "minCriteria", value: 10 },
    communes: [commune("A", { 2022: 5, 2024: 9 }), commune("B", { 2022: 8, 2024: 8 })],
    year: 2024,
    status: "atRisk",
    actual: 0,
    gap: 2,
    behind: ["B", "A"],
  },
  {
    name: "none below 10, fewer than half on pace → off track",
    target: { ...base, kind: "minCriteria", value: 10 },
    communes: [
      commune("A", { 2022: 5, 2024: 9 }),
      commune("B", { 2022: 8, 2024: 8 }),
      commune("C", { 2022: 7, 2024: 7 }),
    ],
    year: 2024,
    status: "offTrack",
    actual: 0,
    gap: 3,
    behind: ["C", "B", "A"],
  },
  {
    name: "none below 10 by 2023, judged on 2023 even when 2024 is better",
    target: { ...base, deadlineYear: 2023, kind: "minCriteria", value: 10 },
    communes: [commune("A", { 2022: 5, 2023: 9, 2024: 12 }), commune("B", { 2022: 12, 2023: 13 })],
    year: 2024,
    status: "offTrack",
    actual: 1,
    gap: 1,
    behind: ["A"],
  },
  {
    name: "none below 10, all at or above → met",
    target: { ...base, kind: "minCriteria", value: 10 },
    communes: [commune("A", { 2022: 5, 2024: 10 })],
    year: 2024,
    status: "met",
    actual: 1,
    gap: 0,
    behind: [],
  },
  // Gain over a baseline year.
  {
    name: "+2 over 2022 for the other communes, recognised ones left out → met",
    target: {
      ...base,
      deadlineYear: 2023,
      kind: "gainOverBaseline",
      value: 2,
      excludeRecognised: true,
    },
    communes: [
      commune("A", { 2022: 10, 2023: 12 }),
      commune("B", { 2022: 19, 2023: 17 }),
      commune("C", { 2022: 18, 2023: 19 }),
    ],
    year: 2023,
    status: "met",
    actual: 2,
    gap: 0,
    behind: [],
  },
  {
    name: "+2 over 2022 by 2023, one commune +1 → off track at the deadline",
    target: { ...base, deadlineYear: 2023, kind: "gainOverBaseline", value: 2 },
    communes: [commune("A", { 2022: 10, 2023: 12 }), commune("B", { 2022: 10, 2023: 11 })],
    year: 2024,
    status: "offTrack",
    actual: 1,
    gap: 1,
    behind: ["B"],
  },
  {
    name: "+1 a year, every commune on the line so far → on track before the deadline",
    target: { ...base, kind: "gainOverBaseline", value: 1, perYear: true },
    communes: [commune("A", { 2022: 8, 2024: 10 }), commune("B", { 2022: 9, 2024: 12 })],
    year: 2024,
    status: "onTrack",
    actual: 2,
    gap: 0,
    behind: [],
  },
  {
    name: "+1 a year, a commune without gain → off track",
    target: { ...base, kind: "gainOverBaseline", value: 1, perYear: true },
    communes: [commune("A", { 2022: 8, 2024: 8 })],
    year: 2024,
    status: "offTrack",
    actual: 0,
    gap: 1,
    behind: ["A"],
  },
  // Maintenance of recognised communes.
  {
    name: "maintenance, a recognised commune slipped, deadline ahead → at risk",
    target: { ...base, deadlineYear: 2025, kind: "maintenance", value: 19 },
    communes: [commune("A", { 2022: 19, 2024: 18 }), commune("B", { 2022: 12, 2024: 12 })],
    year: 2024,
    status: "atRisk",
    actual: 0,
    gap: 1,
    behind: ["A"],
  },
  {
    name: "maintenance, all kept at the deadline → met",
    target: { ...base, deadlineYear: 2023, kind: "maintenance", value: 19 },
    communes: [commune("A", { 2022: 19, 2023: 19 }), commune("B", { 2022: 12, 2023: 12 })],
    year: 2024,
    status: "met",
    actual: 1,
    gap: 0,
    behind: [],
  },
  {
    name: "maintenance, slipped at the deadline → off track",
    target: { ...base, deadlineYear: 2023, kind: "maintenance", value: 19 },
    communes: [commune("A", { 2022: 19, 2023: 18 })],
    year: 2023,
    status: "offTrack",
    actual: 0,
    gap: 1,
    behind: ["A"],
  },
  // A figure entered by the office.
  {
    name: "entered OCOP count, reached → met",
    target: {
      ...base,
      deadlineYear: 2023,
      kind: "enteredValue",
      value: 10,
      valueUnit: "sản phẩm",
      entered: [
        { year: 2022, value: 6 },
        { year: 2023, value: 11 },
      ],
    },
    communes: [],
    year: 2024,
    status: "met",
    actual: 11,
    gap: 0,
    behind: [],
  },
  {
    name: "entered district count, slow → off track",
    target: {
      ...base,
      kind: "enteredValue",
      value: 3,
      valueUnit: "huyện",
      entered: [
        { year: 2022, value: 0 },
        { year: 2024, value: 0 },
      ],
    },
    communes: [],
    year: 2024,
    status: "offTrack",
    actual: 0,
    gap: 3,
    behind: [],
  },
  {
    name: "entered figure, no value for the year → no data",
    target: { ...base, kind: "enteredValue", value: 25, valueUnit: "%", entered: [] },
    communes: [],
    year: 2024,
    status: "noData",
    actual: null,
    gap: null,
    behind: [],
  },
];

describe("evaluateTarget", () => {
  it.each(rows)("$name", ({ target, communes, year, status, actual, gap, behind }) => {
    const result = evaluateTarget({ target, communes, levels, year });
    expect(result.status).toBe(status);
    expect(result.actual).toBe(actual);
    expect(result.gap).toBe(gap);
    expect(result.behind.map((row) => row.code)).toEqual(behind);
    expect(result.rule.length).toBeGreaterThan(10);
  });

  it("explains the pace rule with the figures, in Vietnamese", () => {
    const result = evaluateTarget({
      target: { ...base, kind: "communesAtLevel", value: 2, level: "standard" },
      communes: [commune("A", { 2022: 17, 2024: 19 }), commune("B", { 2022: 12, 2024: 14 })],
      levels,
      year: 2024,
    });
    expect(result.rule).toBe(
      "năm 2024: 1 xã, mục tiêu 2 xã. Tốc độ từ năm 2022: +0,5 xã/năm; cần +1 xã/năm trong 1 năm còn lại — đạt từ 50 % đến dưới 100 % tốc độ cần thiết.",
    );
    expect(result.statusName).toBe("Có nguy cơ");
    expect(result.series).toEqual([
      { year: 2022, actual: 0 },
      { year: 2023, actual: null },
      { year: 2024, actual: 1 },
    ]);
  });

  it("lists what a lagging commune still misses", () => {
    const result = evaluateTarget({
      target: { ...base, kind: "minCriteria", value: 17 },
      communes: [commune("A", { 2022: 14, 2024: 16 })],
      levels,
      year: 2024,
    });
    expect(result.behind).toEqual([
      {
        code: "A",
        name: "Xã A",
        parentName: "Huyện Thử",
        criteriaMet: 16,
        required: "≥ 17 tiêu chí",
        missing: ["17", "18", "19"],
        onPace: true,
      },
    ]);
  });
});
