import type { CriteriaSet, Indicator } from "@ntm/domain";
import { describe, expect, it } from "vitest";
import { regionSetFixture } from "./criteria-set-fixtures.ts";
import {
  canSatisfy,
  chooseValue,
  planYear,
  type PlannedIndicator,
  type Want,
} from "./indicator-plan.ts";

const levels = ["standard", "advanced", "model"] as const;

function planned(
  set: CriteriaSet,
  code: string,
  classValue: string,
  year: number,
): PlannedIndicator {
  const found = planYear(set, classValue, year).indicators.find(
    (candidate) => candidate.indicator.code === code,
  );
  if (!found) throw new Error(`no indicator ${code}`);
  return found;
}

const qualities = [0, 0.25, 0.5, 0.75, 1];

describe("chooseValue", () => {
  interface Row {
    label: string;
    code: string;
    classValue: string;
    year: number;
    wants: Want[];
    /** What the value must satisfy, for every quality. */
    check: (value: number | boolean) => boolean;
  }

  it.each<Row>([
    {
      label: "income: meets advanced (55.5), misses model at 110 % (61.05)",
      code: "10.1",
      classValue: "TN",
      year: 2024,
      wants: ["pass", "pass", "fail"],
      check: (value) => typeof value === "number" && value >= 55.5 && value <= 61,
    },
    {
      label: "income: meets model at 110 % of advanced, on a tenth",
      code: "10.1",
      classValue: "TN",
      year: 2024,
      wants: ["pass", "pass", "pass"],
      check: (value) => typeof value === "number" && value >= 61.1,
    },
    {
      label: "income of a year: misses the 2023 standard row (45.5)",
      code: "10.1",
      classValue: "TN",
      year: 2023,
      wants: ["fail"],
      check: (value) => typeof value === "number" && value < 45.5 && value > 30,
    },
    {
      label: "poverty rate (≤): meets standard, misses advanced",
      code: "11.1",
      classValue: "TDMNPB",
      year: 2023,
      wants: ["pass", "fail"],
      check: (value) => typeof value === "number" && value > 6.5 && value <= 13,
    },
    {
      label: "percent at 100 %: can only pass at exactly 100",
      code: "2.1",
      classValue: "DBSH",
      year: 2022,
      wants: ["pass"],
      check: (value) => value === 100,
    },
    {
      label: "whole count: misses standard (≥ 1) with 0",
      code: "13.1",
      classValue: "DBSH",
      year: 2022,
      wants: ["fail"],
      check: (value) => value === 0,
    },
    {
      label: "temporary houses must be 'Không' (false)",
      code: "9.1",
      classValue: "TN",
      year: 2022,
      wants: ["pass"],
      check: (value) => value === false,
    },
    {
      label: "smart villages, a model condition: missed with 0",
      code: "KM.1",
      classValue: "TN",
      year: 2024,
      wants: [undefined, undefined, "fail"],
      check: (value) => value === 0,
    },
  ])("$label", ({ code, classValue, year, wants, check }) => {
    const plan = planned(regionSetFixture, code, classValue, year);
    expect(canSatisfy(plan, wants)).toBe(true);
    for (const quality of qualities) {
      const value = chooseValue(plan, wants, quality);
      expect(check(value), `quality ${quality} gave ${String(value)}`).toBe(true);
    }
  });

  it("moves a value the good way as quality grows", () => {
    const income = planned(regionSetFixture, "10.1", "TN", 2024);
    const poverty = planned(regionSetFixture, "11.1", "TN", 2024);
    const at = (plan: PlannedIndicator, quality: number) =>
      chooseValue(plan, ["pass"], quality) as number;
    expect(at(income, 0.9)).toBeGreaterThan(at(income, 0.1));
    expect(at(poverty, 0.9)).toBeLessThan(at(poverty, 0.1));
  });

  it("drops the wants of the highest levels first when they cannot all hold", () => {
    const roads = planned(regionSetFixture, "2.1", "DBSH", 2022);
    expect(canSatisfy(roads, ["fail"])).toBe(true);
    expect(canSatisfy(roads, ["pass", "fail"])).toBe(false);
    expect(chooseValue(roads, ["pass", "fail"], 0.5)).toBe(100);
  });
});

describe("planYear", () => {
  it("lists criteria indicators, then level conditions tested at their own level", () => {
    const plan = planYear(regionSetFixture, "TN", 2024);
    const codes = plan.indicators.map((item) => item.indicator.code);
    expect(codes.slice(-2)).toEqual(["KM.1", "KM.2"]);
    const condition = plan.indicators.at(-1);
    expect(condition?.criterion).toBe(-1);
    expect(condition?.tests.map((test) => test.kind)).toEqual([
      "notApplicable",
      "notApplicable",
      "is",
    ]);
    expect(plan.reachable).toBe(levels.length - 1);
    expect(plan.criteria).toHaveLength(19);
  });

  it("marks a level unreachable where an indicator has no threshold for the class", () => {
    const onlyDbsh = (indicator: Indicator): Indicator =>
      indicator.code === "3.1"
        ? {
            ...indicator,
            thresholds: indicator.thresholds.map((row) => ({ ...row, classes: ["DBSH"] })),
          }
        : indicator;
    const set: CriteriaSet = {
      ...regionSetFixture,
      criteria: regionSetFixture.criteria.map((criterion) => ({
        ...criterion,
        indicators: criterion.indicators.map(onlyDbsh),
      })),
    };
    expect(planYear(set, "TN", 2024).reachable).toBe(-1);
    expect(planYear(set, "DBSH", 2024).reachable).toBe(2);
    expect(planYear(set, "TN", 2024).criteria[2]?.open).toBe(false);
  });

  it("has no thresholds for a year outside the income rows", () => {
    expect(planYear(regionSetFixture, "TN", 2020).reachable).toBe(-1);
  });
});
