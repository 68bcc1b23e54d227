import { describe, expect, it } from "vitest";
import type { CriteriaSet, Indicator, LevelCode, Threshold } from "../catalog/criteria-set.ts";
import { levelChain, selectThreshold, type ThresholdLookup } from "./select-threshold.ts";
import { qd318, qd319, testSet, type RegionCode } from "./test-sets.ts";

function indicatorOf(code: string): Indicator {
  const found = testSet.criteria
    .flatMap((criterion) => criterion.indicators)
    .find((indicator) => indicator.code === code);
  if (!found) throw new Error(`no indicator ${code}`);
  return found;
}

function lookup(
  indicator: Indicator,
  level: LevelCode,
  classValue: string | undefined,
  year: number,
  set: CriteriaSet = testSet,
): ThresholdLookup {
  return selectThreshold({ set, indicator, level, classValue, year });
}

function summary(result: ThresholdLookup) {
  return result.kind === "found"
    ? { kind: result.kind, level: result.level, value: result.value }
    : result;
}

function numberRow(value: number, extra: Partial<Threshold> = {}): Threshold {
  return { level: "standard", value, basis: qd318, status: "confirmed", ...extra } as Threshold;
}

function indicatorWith(thresholds: Threshold[], extra: Partial<Indicator> = {}): Indicator {
  return {
    code: "T.1",
    name: "Chỉ tiêu thử",
    kind: "number",
    comparator: ">=",
    thresholds,
    ...extra,
  };
}

describe("levelChain", () => {
  it.each<{ level: LevelCode; chain: LevelCode[] }>([
    { level: "standard", chain: ["standard"] },
    { level: "advanced", chain: ["advanced", "standard"] },
    { level: "model", chain: ["model", "advanced", "standard"] },
    { level: "modern", chain: [] },
  ])("the $level level draws on $chain", ({ level, chain }) => {
    expect(levelChain(testSet, level).map((definition) => definition.code)).toEqual(chain);
  });

  it("stops on a cycle of inherits", () => {
    const set: CriteriaSet = {
      ...testSet,
      levels: [
        { code: "standard", name: "a", inherits: "advanced" },
        { code: "advanced", name: "b", inherits: "standard" },
      ],
    };
    expect(levelChain(set, "advanced").map((definition) => definition.code)).toEqual([
      "advanced",
      "standard",
    ]);
  });
});

describe("selectThreshold", () => {
  interface LookupRow {
    code: string;
    level: LevelCode;
    classValue: RegionCode | undefined;
    year: number;
    expected: ReturnType<typeof summary>;
  }

  it.each<LookupRow>([
    {
      code: "3.1",
      level: "standard",
      classValue: "DBSH",
      year: 2024,
      expected: { kind: "found", level: "standard", value: 80 },
    },
    {
      code: "3.1",
      level: "model",
      classValue: undefined,
      year: 2024,
      expected: { kind: "found", level: "standard", value: 80 },
    },
    {
      code: "9.2",
      level: "advanced",
      classValue: "TDMNPB",
      year: 2024,
      expected: { kind: "found", level: "advanced", value: 80 },
    },
    {
      code: "9.2",
      level: "advanced",
      classValue: "DBSCL",
      year: 2024,
      expected: { kind: "found", level: "advanced", value: 90 },
    },
    {
      code: "15.2",
      level: "standard",
      classValue: "DBSCL",
      year: 2024,
      expected: { kind: "noThreshold", level: "standard" },
    },
    {
      code: "15.2",
      level: "standard",
      classValue: undefined,
      year: 2024,
      expected: { kind: "noThreshold", level: "standard" },
    },
    {
      code: "15.2",
      level: "advanced",
      classValue: "DBSH",
      year: 2024,
      expected: { kind: "notApplicable" },
    },
    {
      code: "15.3",
      level: "standard",
      classValue: "DBSH",
      year: 2024,
      expected: { kind: "notApplicable" },
    },
    {
      code: "10.1",
      level: "standard",
      classValue: "TN",
      year: 2021,
      expected: { kind: "noThreshold", level: "standard" },
    },
    {
      code: "10.1",
      level: "standard",
      classValue: "TN",
      year: 2023,
      expected: { kind: "found", level: "standard", value: 39 },
    },
    {
      code: "10.1",
      level: "standard",
      classValue: "TN",
      year: 2024,
      expected: { kind: "found", level: "standard", value: 47 },
    },
    {
      code: "10.1",
      level: "model",
      classValue: "DBSH",
      year: 2024,
      expected: { kind: "found", level: "model", value: 66 },
    },
    {
      code: "10.1",
      level: "model",
      classValue: "TN",
      year: 2021,
      expected: { kind: "found", level: "model", value: 60.5 },
    },
    {
      code: "10.1",
      level: "model",
      classValue: "TDMNPB",
      year: 2025,
      expected: { kind: "found", level: "model", value: 49.5 },
    },
  ])(
    "$code at $level for $classValue in $year → $expected.kind $expected.value",
    ({ code, level, classValue, year, expected }) => {
      expect(summary(lookup(indicatorOf(code), level, classValue, year))).toEqual(expected);
    },
  );

  it("reports how a relative threshold was derived", () => {
    const result = lookup(indicatorOf("10.1"), "model", "DBSH", 2024);
    expect(result).toMatchObject({
      kind: "found",
      level: "model",
      value: 66,
      row: { relativeTo: { level: "advanced", factor: 1.1 }, basis: qd319 },
      derived: { fromLevel: "advanced", factor: 1.1, baseValue: 60 },
    });
  });

  interface SpecificityRow {
    classValue: RegionCode;
    year: number;
    value: number;
  }

  // Listed from the least specific to the most specific, so the order of rows cannot decide.
  const layered = indicatorWith([
    numberRow(1),
    numberRow(2, { fromYear: 2024, toYear: 2024 }),
    numberRow(3, { classes: ["DBSH"] }),
    numberRow(4, { classes: ["DBSH"], fromYear: 2024, toYear: 2024 }),
  ]);

  it.each<SpecificityRow>([
    { classValue: "DBSH", year: 2024, value: 4 },
    { classValue: "DBSH", year: 2023, value: 3 },
    { classValue: "TN", year: 2024, value: 2 },
    { classValue: "TN", year: 2023, value: 1 },
  ])(
    "picks the most specific row: class and year, class, year, general ($classValue $year → $value)",
    ({ classValue, year, value }) => {
      expect(summary(lookup(layered, "standard", classValue, year))).toEqual({
        kind: "found",
        level: "standard",
        value,
      });
      const reversed = indicatorWith([...layered.thresholds].reverse());
      expect(summary(lookup(reversed, "standard", classValue, year))).toEqual({
        kind: "found",
        level: "standard",
        value,
      });
    },
  );

  it.each<{ year: number; value: number | undefined }>([
    { year: 2021, value: undefined },
    { year: 2022, value: 10 },
    { year: 2023, value: 10 },
    { year: 2024, value: 20 },
    { year: 2030, value: 20 },
  ])("treats fromYear and toYear as inclusive ($year → $value)", ({ year, value }) => {
    const indicator = indicatorWith([
      numberRow(10, { fromYear: 2022, toYear: 2023 }),
      numberRow(20, { fromYear: 2024 }),
    ]);
    const result = lookup(indicator, "standard", "DBSH", year);
    expect(result.kind === "found" ? result.value : undefined).toBe(value);
  });

  it("does not fall back to an inherited level when the level has rows but none match", () => {
    const indicator = indicatorWith([
      numberRow(10),
      numberRow(20, { level: "advanced", classes: ["DBSH"] }),
    ]);
    expect(summary(lookup(indicator, "advanced", "TN", 2024))).toEqual({
      kind: "noThreshold",
      level: "advanced",
    });
  });

  it("gives no threshold when a relative row has no base", () => {
    const indicator = indicatorWith([
      {
        level: "model",
        relativeTo: { level: "advanced", factor: 1.1 },
        basis: qd319,
        status: "confirmed",
      },
    ]);
    expect(summary(lookup(indicator, "model", "DBSH", 2024))).toEqual({
      kind: "noThreshold",
      level: "model",
    });
  });

  it("gives no threshold, instead of looping forever, when relative rows refer to each other", () => {
    const indicator = indicatorWith([
      {
        level: "advanced",
        relativeTo: { level: "model", factor: 0.9 },
        basis: qd319,
        status: "confirmed",
      },
      {
        level: "model",
        relativeTo: { level: "advanced", factor: 1.1 },
        basis: qd319,
        status: "confirmed",
      },
    ]);
    expect(summary(lookup(indicator, "model", "DBSH", 2024))).toEqual({
      kind: "noThreshold",
      level: "model",
    });
    const selfReferring = indicatorWith([
      {
        level: "model",
        relativeTo: { level: "model", factor: 1.1 },
        basis: qd319,
        status: "confirmed",
      },
    ]);
    expect(summary(lookup(selfReferring, "model", "DBSH", 2024))).toEqual({
      kind: "noThreshold",
      level: "model",
    });
  });

  it("resolves the base of a relative row even when the indicator counts only at the derived level", () => {
    const indicator = indicatorWith(
      [
        numberRow(60, { level: "advanced" }),
        {
          level: "model",
          relativeTo: { level: "advanced", factor: 1.1 },
          basis: qd319,
          status: "confirmed",
        },
      ],
      { levels: ["model"] },
    );
    expect(summary(lookup(indicator, "model", "DBSH", 2024))).toEqual({
      kind: "found",
      level: "model",
      value: 66,
    });
    expect(summary(lookup(indicator, "advanced", "DBSH", 2024))).toEqual({ kind: "notApplicable" });
  });

  it.each<{ base: number; factor: number; value: number }>([
    { base: 60, factor: 1.1, value: 66 },
    { base: 55, factor: 1.1, value: 60.5 },
    { base: 45, factor: 1.1, value: 49.5 },
    { base: 62.3, factor: 1.1, value: 68.53 },
    { base: 70, factor: 1.15, value: 80.5 },
  ])(
    "computes $factor × $base as exactly $value, without floating-point noise",
    ({ base, factor, value }) => {
      const indicator = indicatorWith([
        numberRow(base, { level: "advanced" }),
        {
          level: "model",
          relativeTo: { level: "advanced", factor },
          basis: qd319,
          status: "confirmed",
        },
      ]);
      const result = lookup(indicator, "model", "DBSH", 2024);
      expect(result.kind === "found" ? result.value : undefined).toBe(value);
    },
  );
});
