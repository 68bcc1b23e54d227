import { describe, expect, it } from "vitest";
import type { CriteriaSet, LevelCode, UnitAttributes } from "../catalog/criteria-set.ts";
import type {
  AssessmentResult,
  IndicatorLevelResult,
  IndicatorResult,
  IndicatorStatus,
  ReasonCode,
} from "./assessment-result.ts";
import { evaluateAssessment, type IndicatorValues } from "./evaluate-assessment.ts";
import {
  advancedValues,
  levelNames,
  modelValues,
  overrideDescription,
  overrideRuleId,
  qd319,
  regionNames,
  standardValues,
  testSet,
  unitIn,
  type RegionCode,
} from "./test-sets.ts";

function evaluate(
  values: IndicatorValues,
  unit: UnitAttributes = unitIn("DBSH"),
  year = 2024,
): AssessmentResult {
  return evaluateAssessment({ set: testSet, unit, year, values });
}

function indicatorOf(result: AssessmentResult, code: string): IndicatorResult {
  const found = [
    ...result.criteria.flatMap((criterion) => criterion.indicators),
    ...result.levels.flatMap((level) => level.conditions),
  ].find((indicator) => indicator.code === code);
  if (!found) throw new Error(`no indicator ${code}`);
  return found;
}

function at(result: AssessmentResult, code: string, level: LevelCode): IndicatorLevelResult {
  const found = indicatorOf(result, code).byLevel[level];
  if (!found) throw new Error(`indicator ${code} has no result at ${level}`);
  return found;
}

function levelOf(result: AssessmentResult, level: LevelCode) {
  const found = result.levels.find((candidate) => candidate.level === level);
  if (!found) throw new Error(`no level ${level}`);
  return found;
}

function criterionOf(result: AssessmentResult, code: string) {
  const found = result.criteria.find((criterion) => criterion.code === code);
  if (!found) throw new Error(`no criterion ${code}`);
  return found;
}

describe("criterion status from its indicators", () => {
  interface CriterionRow {
    label: string;
    values: IndicatorValues;
    status: IndicatorStatus;
    code: ReasonCode;
    met: number;
    text: string;
  }

  it.each<CriterionRow>([
    {
      label: "all indicators met",
      values: { "3.1": 85, "3.2": true },
      status: "met",
      code: "all_met",
      met: 2,
      text: "Đạt: 2/2 chỉ tiêu đạt.",
    },
    {
      label: "one value null, the rest met",
      values: { "3.1": null, "3.2": true },
      status: "missing",
      code: "indicators_missing",
      met: 1,
      text: "Chưa đủ số liệu: 1/2 chỉ tiêu chưa có số liệu hoặc ngưỡng.",
    },
    {
      label: "one value absent, the rest met",
      values: { "3.2": true },
      status: "missing",
      code: "indicators_missing",
      met: 1,
      text: "Chưa đủ số liệu: 1/2 chỉ tiêu chưa có số liệu hoặc ngưỡng.",
    },
    {
      label: "one value of the wrong type, the rest met",
      values: { "3.1": true, "3.2": true },
      status: "missing",
      code: "indicators_missing",
      met: 1,
      text: "Chưa đủ số liệu: 1/2 chỉ tiêu chưa có số liệu hoặc ngưỡng.",
    },
    {
      label: "one not met, the rest met",
      values: { "3.1": 70, "3.2": true },
      status: "not_met",
      code: "indicators_not_met",
      met: 1,
      text: "Chưa đạt: chỉ tiêu 3.1 chưa đạt.",
    },
    {
      label: "one not met and one missing",
      values: { "3.1": 70, "3.2": null },
      status: "not_met",
      code: "indicators_not_met",
      met: 0,
      text: "Chưa đạt: chỉ tiêu 3.1 chưa đạt.",
    },
    {
      label: "both not met",
      values: { "3.1": 70, "3.2": false },
      status: "not_met",
      code: "indicators_not_met",
      met: 0,
      text: "Chưa đạt: chỉ tiêu 3.1, 3.2 chưa đạt.",
    },
    {
      label: "no values",
      values: {},
      status: "missing",
      code: "indicators_missing",
      met: 0,
      text: "Chưa đủ số liệu: 2/2 chỉ tiêu chưa có số liệu hoặc ngưỡng.",
    },
  ])("$label → $status ($code)", ({ values, status, code, met, text }) => {
    const result = evaluate({ ...standardValues, "3.1": undefined, "3.2": undefined, ...values });
    expect(criterionOf(result, "3").byLevel.standard).toEqual({
      status,
      indicatorsMet: met,
      indicatorsTotal: 2,
      reason: { code, text },
    });
    // A criterion that is missing or not met never counts as met.
    expect(result.criteriaMet).toBe(status === "met" ? 4 : 3);
    expect(levelOf(result, "standard").reached).toBe(status === "met");
  });
});

describe("a criterion without indicators at a level", () => {
  it("is missing with no_indicators and keeps the level from being reached", () => {
    const set: CriteriaSet = {
      ...testSet,
      criteria: [
        ...testSet.criteria,
        { code: "19", name: "Quốc phòng và An ninh", indicators: [] },
      ],
    };
    const result = evaluateAssessment({
      set,
      unit: unitIn("DBSH"),
      year: 2024,
      values: modelValues,
    });
    expect(result.criteria.at(-1)?.byLevel.standard).toEqual({
      status: "missing",
      indicatorsMet: 0,
      indicatorsTotal: 0,
      reason: { code: "no_indicators", text: "Chưa có chỉ tiêu." },
    });
    expect([result.criteriaMet, result.criteriaTotal, result.level]).toEqual([4, 5, null]);
  });
});

describe("threshold selection by region", () => {
  interface RegionRow {
    region: RegionCode | undefined;
    code: string;
    value: number;
    status: IndicatorStatus;
    reason: ReasonCode;
    threshold: number | undefined;
    classValue: RegionCode | undefined;
  }

  it.each<RegionRow>([
    // 9.2 has a general row (75) and rows for TDMNPB (70) and ĐBSCL (85).
    {
      region: "DBSH",
      code: "9.2",
      value: 80,
      status: "met",
      reason: "met",
      threshold: 75,
      classValue: undefined,
    },
    {
      region: "TN",
      code: "9.2",
      value: 74.9,
      status: "not_met",
      reason: "not_met",
      threshold: 75,
      classValue: undefined,
    },
    {
      region: "TDMNPB",
      code: "9.2",
      value: 72,
      status: "met",
      reason: "met",
      threshold: 70,
      classValue: "TDMNPB",
    },
    {
      region: "DBSCL",
      code: "9.2",
      value: 80,
      status: "not_met",
      reason: "not_met",
      threshold: 85,
      classValue: "DBSCL",
    },
    {
      region: undefined,
      code: "9.2",
      value: 80,
      status: "met",
      reason: "met",
      threshold: 75,
      classValue: undefined,
    },
    // 15.2 has class-specific rows only, none for ĐBSCL.
    {
      region: "TN",
      code: "15.2",
      value: 26.5,
      status: "met",
      reason: "met",
      threshold: 26.5,
      classValue: "TN",
    },
    {
      region: "DBSH",
      code: "15.2",
      value: 20,
      status: "not_met",
      reason: "not_met",
      threshold: 16.5,
      classValue: "DBSH",
    },
    {
      region: "DBSCL",
      code: "15.2",
      value: 10,
      status: "missing",
      reason: "no_threshold",
      threshold: undefined,
      classValue: undefined,
    },
    {
      region: undefined,
      code: "15.2",
      value: 10,
      status: "missing",
      reason: "no_threshold",
      threshold: undefined,
      classValue: undefined,
    },
  ])(
    "$code for region $region, value $value → $status ($reason), threshold $threshold",
    ({ region, code, value, status, reason, threshold, classValue }) => {
      const result = evaluate({ ...standardValues, [code]: value }, unitIn(region));
      const atStandard = at(result, code, "standard");
      expect(atStandard.status).toBe(status);
      expect(atStandard.reason.code).toBe(reason);
      expect(atStandard.threshold?.value).toBe(threshold);
      expect(atStandard.threshold?.classValue).toBe(classValue);
      expect(atStandard.threshold?.classLabel).toBe(
        classValue ? regionNames[classValue] : undefined,
      );
    },
  );

  it.each<{ region: RegionCode | undefined; where: string }>([
    { region: "DBSCL", where: "Đồng bằng sông Cửu Long" },
    { region: undefined, where: "chưa xác định" },
  ])("explains a missing threshold for region $region ($where)", ({ region, where }) => {
    const result = evaluate(standardValues, unitIn(region));
    expect(at(result, "15.2", "standard").reason.text).toBe(
      `Chưa có ngưỡng mức đạt chuẩn cho vùng/nhóm ${where}, năm 2024.`,
    );
    // Every value is good, yet the criterion cannot be met without a threshold.
    expect(criterionOf(result, "15").byLevel.standard?.status).toBe("missing");
    expect(result.level).toBeNull();
  });

  it("reports the unit's classification on the result", () => {
    const result = evaluate(standardValues, unitIn("TN"));
    expect(result.classValue).toBe("TN");
    expect(result.classLabel).toBe("Tây Nguyên");
    expect(result.overrideRule).toBeUndefined();
  });

  it("leaves the classification out for a unit without region", () => {
    const result = evaluate(standardValues, unitIn(undefined));
    expect(result).not.toHaveProperty("classValue");
    expect(result).not.toHaveProperty("classLabel");
  });
});

describe("region override (QĐ 318 Điều 1: xã ĐBKK, xã ATK use the TDMNPB thresholds)", () => {
  interface OverrideRow {
    label: string;
    unit: UnitAttributes;
    code: string;
    level: LevelCode;
    values: IndicatorValues;
    status: IndicatorStatus;
    threshold: number;
    overridden: boolean;
  }

  it.each<OverrideRow>([
    {
      label: "an especially disadvantaged commune of the delta gets TDMNPB income at standard",
      unit: unitIn("DBSH", ["especiallyDisadvantaged"]),
      code: "10.1",
      level: "standard",
      values: { ...standardValues, "10.1": 45 },
      status: "met",
      threshold: 41,
      overridden: true,
    },
    {
      label: "a safe-zone commune of the delta gets TDMNPB income at standard",
      unit: unitIn("DBSH", ["safeZone"]),
      code: "10.1",
      level: "standard",
      values: { ...standardValues, "10.1": 40.9 },
      status: "not_met",
      threshold: 41,
      overridden: true,
    },
    {
      label: "the same commune without the flag keeps the delta income",
      unit: unitIn("DBSH"),
      code: "10.1",
      level: "standard",
      values: { ...standardValues, "10.1": 45 },
      status: "not_met",
      threshold: 52,
      overridden: false,
    },
    {
      label: "flags outside the rule change nothing",
      unit: unitIn("DBSH", ["ethnicZoneIII", "poorDistrict"]),
      code: "10.1",
      level: "standard",
      values: { ...standardValues, "10.1": 45 },
      status: "not_met",
      threshold: 52,
      overridden: false,
    },
    {
      label: "the override also applies at the advanced level",
      unit: unitIn("DBSH", ["especiallyDisadvantaged"]),
      code: "10.1",
      level: "advanced",
      values: { ...advancedValues, "10.1": 46 },
      status: "met",
      threshold: 45,
      overridden: true,
    },
    {
      label: "the override gives a ĐBSCL commune a threshold where its region has none",
      unit: unitIn("DBSCL", ["safeZone"]),
      code: "15.2",
      level: "standard",
      values: { ...standardValues, "15.2": 24 },
      status: "met",
      threshold: 24,
      overridden: true,
    },
    {
      label: "a general row does not depend on the region, so no override is reported",
      unit: unitIn("DBSH", ["especiallyDisadvantaged"]),
      code: "3.1",
      level: "standard",
      values: { ...standardValues, "3.1": 80 },
      status: "met",
      threshold: 80,
      overridden: false,
    },
  ])("$label", ({ unit, code, level, values, status, threshold, overridden }) => {
    const result = evaluate(values, unit);
    const atLevel = at(result, code, level);
    expect(atLevel.status).toBe(status);
    expect(atLevel.threshold?.value).toBe(threshold);
    expect(atLevel.threshold?.overrideRule).toBe(overridden ? overrideRuleId : undefined);
    expect(atLevel.reason.text.includes(`Áp dụng: ${overrideDescription}.`)).toBe(overridden);
  });

  it("reports the rule on the result and the forced class", () => {
    const result = evaluate(
      standardValues,
      unitIn("DBSH", ["especiallyDisadvantaged", "safeZone"]),
    );
    expect(result.classValue).toBe("TDMNPB");
    expect(result.classLabel).toBe(regionNames.TDMNPB);
    expect(result.overrideRule).toEqual({ id: overrideRuleId, description: overrideDescription });
  });

  it("spells out the rule in the reason", () => {
    const result = evaluate({ ...standardValues, "10.1": 45 }, unitIn("DBSH", ["safeZone"]));
    expect(at(result, "10.1", "standard").reason.text).toBe(
      "Đạt: 45 triệu đồng/người/năm (ngưỡng ≥ 41 triệu đồng/người/năm, mức đạt chuẩn, " +
        "vùng/nhóm Trung du và miền núi phía Bắc, ngưỡng chưa đối chiếu văn bản). " +
        `Áp dụng: ${overrideDescription}.`,
    );
  });

  it("carries the override into the model income derived from the TDMNPB advanced threshold", () => {
    const result = evaluate(
      { ...modelValues, "10.1": 49.5 },
      unitIn("DBSH", ["especiallyDisadvantaged"]),
    );
    const atModel = at(result, "10.1", "model");
    expect(atModel.status).toBe("met");
    expect(atModel.threshold?.value).toBe(49.5);
    expect(atModel.threshold?.derived).toEqual({
      fromLevel: "advanced",
      factor: 1.1,
      baseValue: 45,
    });
    expect(atModel.threshold?.overrideRule).toBe(overrideRuleId);
    expect(atModel.threshold?.classValue).toBe("TDMNPB");
    expect(atModel.reason.text).toContain(`Áp dụng: ${overrideDescription}.`);
    expect(result.level).toBe("model");
  });
});

describe("year-dependent thresholds (income rows per year)", () => {
  interface YearRow {
    region: RegionCode;
    year: number;
    value: number;
    status: IndicatorStatus;
    reason: ReasonCode;
    threshold: number | undefined;
    fromYear: number | undefined;
    toYear: number | undefined;
  }

  it.each<YearRow>([
    {
      region: "TN",
      year: 2022,
      value: 42,
      status: "met",
      reason: "met",
      threshold: 39,
      fromYear: 2022,
      toYear: 2023,
    },
    {
      region: "TN",
      year: 2023,
      value: 42,
      status: "met",
      reason: "met",
      threshold: 39,
      fromYear: 2022,
      toYear: 2023,
    },
    {
      region: "TN",
      year: 2024,
      value: 42,
      status: "not_met",
      reason: "not_met",
      threshold: 47,
      fromYear: 2024,
      toYear: 2025,
    },
    {
      region: "TN",
      year: 2025,
      value: 47,
      status: "met",
      reason: "met",
      threshold: 47,
      fromYear: 2024,
      toYear: 2025,
    },
    {
      region: "TN",
      year: 2021,
      value: 42,
      status: "missing",
      reason: "no_threshold",
      threshold: undefined,
      fromYear: undefined,
      toYear: undefined,
    },
    {
      region: "TDMNPB",
      year: 2022,
      value: 38,
      status: "met",
      reason: "met",
      threshold: 33,
      fromYear: 2022,
      toYear: 2023,
    },
    {
      region: "TDMNPB",
      year: 2024,
      value: 38,
      status: "not_met",
      reason: "not_met",
      threshold: 41,
      fromYear: 2024,
      toYear: 2025,
    },
    // A class-specific row without years beats the general rows of each year.
    {
      region: "DBSH",
      year: 2022,
      value: 50,
      status: "not_met",
      reason: "not_met",
      threshold: 52,
      fromYear: undefined,
      toYear: undefined,
    },
    {
      region: "DBSH",
      year: 2024,
      value: 52,
      status: "met",
      reason: "met",
      threshold: 52,
      fromYear: undefined,
      toYear: undefined,
    },
  ])(
    "income $value in $year for $region → $status (threshold $threshold)",
    ({ region, year, value, status, reason, threshold, fromYear, toYear }) => {
      const result = evaluate({ ...standardValues, "10.1": value }, unitIn(region), year);
      const atStandard = at(result, "10.1", "standard");
      expect(atStandard.status).toBe(status);
      expect(atStandard.reason.code).toBe(reason);
      expect(atStandard.threshold?.value).toBe(threshold);
      expect(atStandard.threshold?.fromYear).toBe(fromYear);
      expect(atStandard.threshold?.toYear).toBe(toYear);
      expect(result.year).toBe(year);
    },
  );

  it("the same income gives different results in 2022 and 2024", () => {
    const values = { ...standardValues, "10.1": 42 };
    const in2022 = evaluate(values, unitIn("TN"), 2022);
    const in2024 = evaluate(values, unitIn("TN"), 2024);
    expect([in2022.level, in2022.criteriaMet]).toEqual(["standard", 4]);
    expect([in2024.level, in2024.criteriaMet]).toEqual([null, 3]);
  });
});

describe("levels", () => {
  interface InheritanceRow {
    code: string;
    level: LevelCode;
    thresholdLevel: LevelCode | "none";
    threshold: number | boolean | undefined;
  }

  it.each<InheritanceRow>([
    // 3.1 has only a standard row: the higher levels inherit it.
    { code: "3.1", level: "standard", thresholdLevel: "standard", threshold: 80 },
    { code: "3.1", level: "advanced", thresholdLevel: "standard", threshold: 80 },
    { code: "3.1", level: "model", thresholdLevel: "standard", threshold: 80 },
    // 9.2 has its own advanced rows; model inherits them.
    { code: "9.2", level: "standard", thresholdLevel: "standard", threshold: 75 },
    { code: "9.2", level: "advanced", thresholdLevel: "advanced", threshold: 90 },
    { code: "9.2", level: "model", thresholdLevel: "advanced", threshold: 90 },
    // 15.1 differs per level.
    { code: "15.1", level: "standard", thresholdLevel: "standard", threshold: 90 },
    { code: "15.1", level: "advanced", thresholdLevel: "advanced", threshold: 95 },
    // 15.2 is restricted to the standard level.
    { code: "15.2", level: "standard", thresholdLevel: "standard", threshold: 16.5 },
    { code: "15.2", level: "advanced", thresholdLevel: "none", threshold: undefined },
    { code: "15.2", level: "model", thresholdLevel: "none", threshold: undefined },
    // 15.3 has rows at advanced only, so it does not belong to the standard level.
    { code: "15.3", level: "standard", thresholdLevel: "none", threshold: undefined },
    { code: "15.3", level: "advanced", thresholdLevel: "advanced", threshold: 40 },
    { code: "15.3", level: "model", thresholdLevel: "advanced", threshold: 40 },
  ])(
    "$code at $level uses the $thresholdLevel threshold $threshold",
    ({ code, level, thresholdLevel, threshold }) => {
      const result = evaluate(advancedValues);
      const atLevel = indicatorOf(result, code).byLevel[level];
      if (thresholdLevel === "none") {
        expect(atLevel).toBeUndefined();
        return;
      }
      expect(atLevel?.threshold?.level).toBe(thresholdLevel);
      expect(atLevel?.threshold?.value).toBe(threshold);
    },
  );

  it.each<{ level: LevelCode; total: number; codes: string[] }>([
    { level: "standard", total: 2, codes: ["15.1", "15.2"] },
    { level: "advanced", total: 2, codes: ["15.1", "15.3"] },
    { level: "model", total: 2, codes: ["15.1", "15.3"] },
  ])("criterion 15 counts $total indicators at $level", ({ level, total, codes }) => {
    const result = evaluate(advancedValues);
    const criterion = criterionOf(result, "15");
    expect(criterion.byLevel[level]?.indicatorsTotal).toBe(total);
    expect(criterion.indicators.filter((i) => i.byLevel[level]).map((i) => i.code)).toEqual(codes);
  });

  it("a stunting rate that fails the standard level does not block the advanced criteria", () => {
    const result = evaluate({ ...advancedValues, "15.2": 30 });
    expect(criterionOf(result, "15").byLevel.standard?.status).toBe("not_met");
    expect(criterionOf(result, "15").byLevel.advanced?.status).toBe("met");
  });

  interface LevelRow {
    label: string;
    values: IndicatorValues;
    level: LevelCode | null;
    nextLevel: LevelCode | null;
    reached: [boolean, boolean, boolean];
    criteriaMet: [number, number, number];
  }

  it.each<LevelRow>([
    {
      label: "no values",
      values: {},
      level: null,
      nextLevel: "standard",
      reached: [false, false, false],
      criteriaMet: [0, 0, 0],
    },
    {
      label: "standard values",
      values: standardValues,
      level: "standard",
      nextLevel: "advanced",
      reached: [true, false, false],
      criteriaMet: [4, 1, 1],
    },
    {
      label: "advanced values",
      values: advancedValues,
      level: "advanced",
      nextLevel: "model",
      reached: [true, true, false],
      criteriaMet: [4, 4, 3],
    },
    {
      label: "model values",
      values: modelValues,
      level: "model",
      nextLevel: null,
      reached: [true, true, true],
      criteriaMet: [4, 4, 4],
    },
    {
      label: "advanced values with a standard-only indicator not met",
      values: { ...advancedValues, "15.2": 30 },
      level: null,
      nextLevel: "standard",
      reached: [false, false, false],
      criteriaMet: [3, 4, 3],
    },
    {
      label: "model values with a standard-only indicator not met",
      values: { ...modelValues, "15.2": 30 },
      level: null,
      nextLevel: "standard",
      reached: [false, false, false],
      criteriaMet: [3, 4, 4],
    },
    {
      label: "model values with a temporary house (a Không indicator at every level)",
      values: { ...modelValues, "9.1": true },
      level: null,
      nextLevel: "standard",
      reached: [false, false, false],
      criteriaMet: [3, 3, 3],
    },
  ])(
    "$label → level $level, next $nextLevel",
    ({ values, level, nextLevel, reached, criteriaMet }) => {
      const result = evaluate(values);
      expect(result.level).toBe(level);
      expect(result.nextLevel).toBe(nextLevel);
      expect(result.levels.map((l) => l.level)).toEqual(["standard", "advanced", "model"]);
      expect(result.levels.map((l) => l.reached)).toEqual(reached);
      expect(result.levels.map((l) => l.criteriaMet)).toEqual(criteriaMet);
      expect(result.levels.map((l) => l.criteriaTotal)).toEqual([4, 4, 4]);
    },
  );

  it("says why a level whose own criteria are met is not reached", () => {
    const result = evaluate({ ...modelValues, "15.2": 30 });
    const advanced = levelOf(result, "advanced");
    expect(advanced.missing).toEqual([]);
    expect(advanced.reason.text).toBe(
      `Chưa đạt ${levelNames.advanced}: cần đạt ${levelNames.standard} trước; 4/4 tiêu chí đạt ở mức này.`,
    );
    expect(levelOf(result, "model").reason.text).toBe(
      `Chưa đạt ${levelNames.model}: cần đạt ${levelNames.advanced} trước; 4/4 tiêu chí đạt ở mức này.`,
    );
  });

  it.each<{ level: LevelCode; text: string }>([
    { level: "standard", text: `Đạt ${levelNames.standard}: 4/4 tiêu chí.` },
    {
      level: "advanced",
      text: `Chưa đạt ${levelNames.advanced}: 1/4 tiêu chí, còn 4 chỉ tiêu/điều kiện chưa đạt hoặc chưa có số liệu.`,
    },
    {
      level: "model",
      text: `Chưa đạt ${levelNames.model}: cần đạt ${levelNames.advanced} trước; 1/4 tiêu chí đạt ở mức này.`,
    },
  ])("explains the $level level for standard values", ({ level, text }) => {
    expect(levelOf(evaluate(standardValues), level).reason.text).toBe(text);
  });
});

describe("what is missing for each level", () => {
  type MissingShape = [
    criterion: string | undefined,
    indicator: string,
    IndicatorStatus,
    ReasonCode,
  ];

  interface MissingRow {
    label: string;
    values: IndicatorValues;
    level: LevelCode;
    missing: MissingShape[];
  }

  const standardGaps = { ...standardValues, "9.2": 70, "10.1": null };

  it.each<MissingRow>([
    { label: "standard values", values: standardValues, level: "standard", missing: [] },
    {
      label: "standard values",
      values: standardValues,
      level: "advanced",
      missing: [
        ["9", "9.2", "not_met", "not_met"],
        ["10", "10.1", "not_met", "not_met"],
        ["15", "15.1", "not_met", "not_met"],
        ["15", "15.3", "not_met", "not_met"],
      ],
    },
    {
      label: "standard values",
      values: standardValues,
      level: "model",
      missing: [
        ["9", "9.2", "not_met", "not_met"],
        ["10", "10.1", "not_met", "not_met"],
        ["15", "15.1", "not_met", "not_met"],
        ["15", "15.3", "not_met", "not_met"],
        [undefined, "KM3", "not_met", "not_met"],
        [undefined, "KM4", "not_met", "not_met"],
      ],
    },
    {
      label: "a gap and a hole",
      values: standardGaps,
      level: "standard",
      missing: [
        ["9", "9.2", "not_met", "not_met"],
        ["10", "10.1", "missing", "missing_value"],
      ],
    },
    {
      label: "advanced values",
      values: advancedValues,
      level: "model",
      missing: [
        ["10", "10.1", "not_met", "not_met"],
        [undefined, "KM3", "not_met", "not_met"],
        [undefined, "KM4", "not_met", "not_met"],
      ],
    },
    {
      label: "model values without the conditions",
      values: { ...modelValues, KM3: null, KM4: undefined },
      level: "model",
      missing: [
        [undefined, "KM3", "missing", "missing_value"],
        [undefined, "KM4", "missing", "missing_value"],
      ],
    },
    { label: "model values", values: modelValues, level: "model", missing: [] },
  ])("$label: $level lists $missing.length items", ({ values, level, missing }) => {
    const items = levelOf(evaluate(values), level).missing;
    expect(
      items.map((item) => [item.criterionCode, item.indicatorCode, item.status, item.reason.code]),
    ).toEqual(missing);
  });

  it("names the criterion and the indicator of each item", () => {
    const [first] = levelOf(evaluate(standardGaps), "standard").missing;
    expect(first).toEqual({
      criterionCode: "9",
      criterionName: "Nhà ở dân cư",
      indicatorCode: "9.2",
      indicatorName: "Tỷ lệ hộ có nhà ở kiên cố hoặc bán kiên cố",
      status: "not_met",
      reason: {
        code: "not_met",
        text: "Chưa đạt: 70 % (ngưỡng ≥ 75 %, mức đạt chuẩn, ngưỡng chưa đối chiếu văn bản).",
      },
    });
  });

  it("leaves the criterion out of a model condition", () => {
    const condition = levelOf(evaluate(advancedValues), "model").missing.find(
      (item) => item.indicatorCode === "KM3",
    );
    expect(condition).toEqual({
      indicatorCode: "KM3",
      indicatorName: "Có ít nhất một mô hình thôn thông minh",
      status: "not_met",
      reason: { code: "not_met", text: "Chưa đạt: Không (yêu cầu: Có, mức kiểu mẫu)." },
    });
  });
});

describe("model commune (QĐ 319)", () => {
  interface IncomeRow {
    region: RegionCode;
    advanced: number;
    threshold: number;
    income: number;
    status: IndicatorStatus;
  }

  it.each<IncomeRow>([
    // ĐBSH advanced 60 → model 66 (60 × 1.1 is 66.00000000000001 in floating point).
    { region: "DBSH", advanced: 60, threshold: 66, income: 66, status: "met" },
    { region: "DBSH", advanced: 60, threshold: 66, income: 65.99, status: "not_met" },
    { region: "DBSH", advanced: 60, threshold: 66, income: 80, status: "met" },
    // General advanced 55 → 60.5.
    { region: "TN", advanced: 55, threshold: 60.5, income: 60.5, status: "met" },
    { region: "TN", advanced: 55, threshold: 60.5, income: 60.49, status: "not_met" },
    // TDMNPB advanced 45 → 49.5.
    { region: "TDMNPB", advanced: 45, threshold: 49.5, income: 49.5, status: "met" },
    { region: "TDMNPB", advanced: 45, threshold: 49.5, income: 49.49, status: "not_met" },
  ])(
    "$region: income $income against 110 % of $advanced = $threshold is $status",
    ({ region, advanced, threshold, income, status }) => {
      const result = evaluate({ ...modelValues, "10.1": income }, unitIn(region));
      const atModel = at(result, "10.1", "model");
      expect(atModel.status).toBe(status);
      expect(atModel.threshold).toMatchObject({
        level: "model",
        value: threshold,
        derived: { fromLevel: "advanced", factor: 1.1, baseValue: advanced },
        basis: qd319,
      });
      expect(at(result, "10.1", "advanced").status).toBe("met");
      expect(levelOf(result, "advanced").reached).toBe(true);
      expect(result.level).toBe(status === "met" ? "model" : "advanced");
    },
  );

  it("explains the derived threshold, its base and that the base is unverified", () => {
    const result = evaluate(modelValues);
    const atModel = at(result, "10.1", "model");
    expect(atModel.threshold?.status).toBe("unverified");
    expect(atModel.reason.text).toBe(
      "Đạt: 66 triệu đồng/người/năm (ngưỡng ≥ 66 triệu đồng/người/năm, mức kiểu mẫu, " +
        "vùng/nhóm Đồng bằng sông Hồng, bằng 110 % của mức nâng cao (60 triệu đồng/người/năm), " +
        "ngưỡng chưa đối chiếu văn bản).",
    );
  });

  interface ConditionRow {
    smartVillage: boolean | null;
    outstandingField: boolean | null;
    reached: boolean;
  }

  it.each<ConditionRow>([
    { smartVillage: true, outstandingField: true, reached: true },
    { smartVillage: true, outstandingField: false, reached: false },
    { smartVillage: false, outstandingField: true, reached: false },
    { smartVillage: null, outstandingField: true, reached: false },
    { smartVillage: true, outstandingField: null, reached: false },
  ])(
    "smart village $smartVillage, outstanding field $outstandingField → model $reached",
    ({ smartVillage, outstandingField, reached }) => {
      const result = evaluate({ ...modelValues, KM3: smartVillage, KM4: outstandingField });
      const model = levelOf(result, "model");
      expect(model.reached).toBe(reached);
      expect(model.criteriaMet).toBe(4);
      expect(model.conditions.map((c) => c.code)).toEqual(["KM3", "KM4"]);
      expect(result.level).toBe(reached ? "model" : "advanced");
      expect(result.nextLevel).toBe(reached ? null : "model");
    },
  );

  it("is not reached when the advanced level is not, even with every model condition met", () => {
    const result = evaluate({ ...modelValues, "15.2": 30 });
    const model = levelOf(result, "model");
    expect(model.criteriaMet).toBe(4);
    expect(model.missing).toEqual([]);
    expect(model.reached).toBe(false);
  });

  it("evaluates the conditions only at the model level", () => {
    const result = evaluate(modelValues);
    expect(levelOf(result, "standard").conditions).toEqual([]);
    expect(levelOf(result, "advanced").conditions).toEqual([]);
    expect(Object.keys(indicatorOf(result, "KM3").byLevel)).toEqual(["model"]);
  });
});

describe("counts", () => {
  interface CountRow {
    label: string;
    values: IndicatorValues;
    criteriaMet: number;
    valuesEntered: number;
    summary: string;
    summaryCode: ReasonCode;
  }

  it.each<CountRow>([
    {
      label: "no values",
      values: {},
      criteriaMet: 0,
      valuesEntered: 0,
      summary: "Xã Thử Nghiệm đạt 0/4 tiêu chí, chưa đạt xã đạt chuẩn nông thôn mới.",
      summaryCode: "indicators_not_met",
    },
    {
      label: "two criteria with gaps",
      values: { ...standardValues, "9.2": 70, "10.1": null },
      criteriaMet: 2,
      valuesEntered: 9,
      summary: "Xã Thử Nghiệm đạt 2/4 tiêu chí, chưa đạt xã đạt chuẩn nông thôn mới.",
      summaryCode: "indicators_not_met",
    },
    {
      label: "standard values",
      values: standardValues,
      criteriaMet: 4,
      valuesEntered: 10,
      summary: "Xã Thử Nghiệm đạt 4/4 tiêu chí, xã đạt chuẩn nông thôn mới.",
      summaryCode: "all_met",
    },
    {
      label: "model values",
      values: modelValues,
      criteriaMet: 4,
      valuesEntered: 10,
      summary: "Xã Thử Nghiệm đạt 4/4 tiêu chí, xã nông thôn mới kiểu mẫu.",
      summaryCode: "all_met",
    },
    {
      label: "one indicator and one condition, plus codes outside the set",
      values: { "3.1": 80, "3.2": null, KM3: true, "99.9": 5, "10.1 ": 50 },
      criteriaMet: 0,
      valuesEntered: 2,
      summary: "Xã Thử Nghiệm đạt 0/4 tiêu chí, chưa đạt xã đạt chuẩn nông thôn mới.",
      summaryCode: "indicators_not_met",
    },
  ])(
    "$label → đạt $criteriaMet/4 tiêu chí, $valuesEntered/10 values",
    ({ values, criteriaMet, valuesEntered, summary, summaryCode }) => {
      const result = evaluate(values);
      expect(result.criteriaMet).toBe(criteriaMet);
      expect(result.criteriaTotal).toBe(4);
      expect(result.valuesEntered).toBe(valuesEntered);
      expect(result.valuesExpected).toBe(10);
      expect(result.summary).toEqual({ code: summaryCode, text: summary });
    },
  );

  it("identifies the set, the unit and the year", () => {
    const result = evaluate(standardValues, unitIn("TN"), 2023);
    expect(result).toMatchObject({
      setCode: "test-xa-2021-2025",
      setVersion: 1,
      unitCode: "xa-TN",
      year: 2023,
    });
    expect(result.criteria.map((c) => c.code)).toEqual(["3", "9", "10", "15"]);
  });

  it("keeps the entered value and the unit on each indicator", () => {
    const result = evaluate({ ...standardValues, "3.1": null });
    expect(indicatorOf(result, "3.1")).toMatchObject({ kind: "percent", unit: "%", value: null });
    expect(indicatorOf(result, "10.1")).toMatchObject({
      kind: "number",
      unit: "triệu đồng/người/năm",
      value: 53,
    });
    expect(indicatorOf(result, "3.2")).not.toHaveProperty("unit");
  });
});

describe("unverified thresholds", () => {
  it.each<{ values: IndicatorValues; label: string }>([
    { label: "standard values", values: standardValues },
    { label: "model values", values: modelValues },
    { label: "no values", values: {} },
  ])("are called out in every reason that uses one ($label)", ({ values }) => {
    const result = evaluate(values);
    const levelResults = [
      ...result.criteria.flatMap((criterion) => criterion.indicators),
      ...result.levels.flatMap((level) => level.conditions),
    ].flatMap((indicator) => Object.values(indicator.byLevel));
    const withThreshold = levelResults.filter((r) => r.threshold);
    expect(withThreshold.length).toBeGreaterThan(10);
    for (const r of withThreshold) {
      expect(r.reason.text.includes("ngưỡng chưa đối chiếu văn bản")).toBe(
        r.threshold?.status === "unverified",
      );
    }
  });

  it.each<{ code: string; level: LevelCode; status: "confirmed" | "unverified" }>([
    { code: "3.1", level: "standard", status: "confirmed" },
    { code: "3.1", level: "advanced", status: "confirmed" },
    { code: "9.2", level: "standard", status: "unverified" },
    { code: "10.1", level: "advanced", status: "unverified" },
    // The QĐ 319 rule is confirmed, but the advanced income it multiplies is not.
    { code: "10.1", level: "model", status: "unverified" },
    { code: "KM3", level: "model", status: "confirmed" },
  ])("$code at $level is $status", ({ code, level, status }) => {
    expect(at(evaluate(modelValues), code, level).threshold?.status).toBe(status);
  });
});

describe("derived thresholds take verification and region from their base", () => {
  interface DerivedRow {
    label: string;
    region: RegionCode;
    baseStatus: "confirmed" | "unverified";
    status: "confirmed" | "unverified";
    classValue: RegionCode | undefined;
  }

  it.each<DerivedRow>([
    {
      label: "a confirmed regional base",
      region: "DBSH",
      baseStatus: "confirmed",
      status: "confirmed",
      classValue: "DBSH",
    },
    {
      label: "an unverified regional base",
      region: "DBSH",
      baseStatus: "unverified",
      status: "unverified",
      classValue: "DBSH",
    },
    {
      label: "a confirmed general base",
      region: "TN",
      baseStatus: "confirmed",
      status: "confirmed",
      classValue: undefined,
    },
  ])("$label → $status, class $classValue", ({ region, baseStatus, status, classValue }) => {
    const set = JSON.parse(JSON.stringify(testSet)) as CriteriaSet;
    for (const row of set.criteria.find((c) => c.code === "10")?.indicators[0]?.thresholds ?? []) {
      if (row.level === "advanced") row.status = baseStatus;
    }
    const result = evaluateAssessment({
      set,
      unit: unitIn(region),
      year: 2024,
      values: { ...modelValues, "10.1": 70 },
    });
    const threshold = at(result, "10.1", "model").threshold;
    expect(threshold?.status).toBe(status);
    expect(threshold?.classValue).toBe(classValue);
    expect(threshold?.basis).toEqual(qd319);
    expect(at(result, "10.1", "model").reason.text.includes("chưa đối chiếu văn bản")).toBe(
      status === "unverified",
    );
  });
});

describe("purity", () => {
  function deepFreeze<T>(value: T): T {
    if (value && typeof value === "object") {
      for (const inner of Object.values(value)) deepFreeze(inner);
      Object.freeze(value);
    }
    return value;
  }

  it("neither mutates its input nor depends on anything else", () => {
    const set = deepFreeze(JSON.parse(JSON.stringify(testSet)) as CriteriaSet);
    const unit = deepFreeze(unitIn("DBSH", ["safeZone"]));
    const values = deepFreeze({ ...modelValues });
    const first = evaluateAssessment({ set, unit, year: 2024, values });
    const second = evaluateAssessment({ set, unit, year: 2024, values });
    expect(second).toEqual(first);
    expect(set).toEqual(testSet);
  });
});
