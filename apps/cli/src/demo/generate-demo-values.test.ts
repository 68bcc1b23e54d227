import { readFileSync } from "node:fs";
import { criteriaSetSchema, type UnitImportRow } from "@ntm/contracts";
import {
  evaluateAssessment,
  type AssessmentResult,
  type CriteriaSet,
  type Indicator,
  type UnitAttributes,
} from "@ntm/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { buildDemoUnits } from "./build-demo-province.ts";
import { groupSetFixture, regionSetFixture } from "./criteria-set-fixtures.ts";
import { generateDemoValues, type DemoValue } from "./generate-demo-values.ts";
import { isRuralCommune } from "./load-vietnam-units.ts";
import { assignProfiles, plannedOutcome, type ProgressProfile } from "./progress-profiles.ts";

const seed = 20241;
const years = [2022, 2023, 2024];

function attributesOf(row: UnitImportRow): UnitAttributes {
  return {
    code: row.code,
    name: row.name,
    ...(row.region ? { region: row.region } : {}),
    ...(row.communeGroup ? { communeGroup: row.communeGroup } : {}),
    flags: row.flags,
  };
}

function indicatorsOf(set: CriteriaSet): Indicator[] {
  return [
    ...set.criteria.flatMap((criterion) => criterion.indicators),
    ...set.levels.flatMap((level) => level.conditions ?? []),
  ];
}

/** Engine results by unit code, then year. */
type Results = Map<string, Map<number, AssessmentResult>>;

function evaluateAll(
  set: CriteriaSet,
  units: readonly UnitImportRow[],
  values: readonly DemoValue[],
): Results {
  const entered = new Map<string, Record<string, DemoValue["value"]>>();
  for (const value of values) {
    const key = `${value.unitCode}|${value.year}`;
    entered.set(key, { ...entered.get(key), [value.indicatorCode]: value.value });
  }
  const results: Results = new Map();
  for (const unit of units.filter(isRuralCommune)) {
    const byYear = new Map<number, AssessmentResult>();
    for (const year of new Set(values.map((value) => value.year))) {
      const own = entered.get(`${unit.code}|${year}`);
      if (!own) continue;
      byYear.set(year, evaluateAssessment({ set, unit: attributesOf(unit), year, values: own }));
    }
    results.set(unit.code, byYear);
  }
  return results;
}

function resultsIn(
  results: Results,
  year: number,
  codes?: ReadonlySet<string>,
): AssessmentResult[] {
  return [...results]
    .filter(([code]) => !codes || codes.has(code))
    .flatMap(([, byYear]) => {
      const result = byYear.get(year);
      return result ? [result] : [];
    });
}

const average = (results: readonly AssessmentResult[]) =>
  results.reduce((sum, result) => sum + result.criteriaMet, 0) / results.length;
const below = (results: readonly AssessmentResult[], criteria: number) =>
  results.filter((result) => result.criteriaMet < criteria).length;
const atLevel = (results: readonly AssessmentResult[], level: string | null) =>
  results.filter((result) => result.level === level).length;

/** Every value that breaks its indicator's kind, bounds or precision. */
function malformed(set: CriteriaSet, values: readonly DemoValue[]): string[] {
  const indicators = new Map(indicatorsOf(set).map((indicator) => [indicator.code, indicator]));
  const problems: string[] = [];
  for (const { indicatorCode, value } of values) {
    const indicator = indicators.get(indicatorCode);
    const wrong = (why: string) => problems.push(`${indicatorCode}=${String(value)}: ${why}`);
    if (!indicator) {
      wrong("not in the set");
      continue;
    }
    if (value === null) continue;
    if (indicator.kind === "boolean") {
      if (typeof value !== "boolean") wrong("not a boolean");
      continue;
    }
    if (typeof value !== "number" || !Number.isFinite(value)) {
      wrong("not a number");
      continue;
    }
    if (indicator.kind === "percent" && (value < 0 || value > 100)) wrong("percent out of 0–100");
    if (indicator.min !== undefined && value < indicator.min) wrong("below min");
    if (indicator.max !== undefined && value > indicator.max) wrong("above max");
    const decimals = indicator.integer ? 1 : 10;
    if (Math.abs(value * decimals - Math.round(value * decimals)) > 1e-9)
      wrong("too many decimals");
  }
  return problems;
}

/** Commune-years where the engine does not give the level and criteria the profile planned. */
function offPlan(
  set: CriteriaSet,
  results: Results,
  profiles: ReadonlyMap<string, ProgressProfile>,
): string[] {
  const levels = set.levels.map((level) => level.code);
  const problems: string[] = [];
  for (const [code, byYear] of results) {
    const profile = profiles.get(code);
    for (const [year, result] of byYear) {
      if (!profile) {
        problems.push(`${code} ${year}: no profile`);
        continue;
      }
      const planned = plannedOutcome(profile, year, set.criteria.length);
      const level = planned.levelIndex >= 0 ? (levels[planned.levelIndex] ?? null) : null;
      if (result.criteriaMet !== planned.criteriaMet || result.level !== level) {
        problems.push(
          `${code} ${year} ${profile.tier}: planned ${planned.criteriaMet}/${level}, got ${result.criteriaMet}/${result.level}`,
        );
      }
    }
  }
  return problems;
}

let units: UnitImportRow[];
let rural: UnitImportRow[];
let values: DemoValue[];
let results: Results;

const districtCommunes = (name: string) => {
  const district = units.find((row) => row.level === "district" && row.name === name);
  return new Set(rural.filter((row) => row.parentCode === district?.code).map((row) => row.code));
};

beforeAll(async () => {
  units = await buildDemoUnits({ regionOf: () => "TN", seed });
  rural = units.filter(isRuralCommune);
  values = generateDemoValues({ set: regionSetFixture, units, years, seed });
  results = evaluateAll(regionSetFixture, units, values);
});

describe("generateDemoValues on Kon Tum with a region-classified set", () => {
  it("is deterministic for a seed and changes with it", () => {
    expect(generateDemoValues({ set: regionSetFixture, units, years, seed })).toEqual(values);
    const other = generateDemoValues({ set: regionSetFixture, units, years, seed: seed + 1 });
    expect(other).toHaveLength(values.length);
    expect(other).not.toEqual(values);
  });

  it("gives one value per rural commune, year and indicator (criteria and conditions)", () => {
    const codes = indicatorsOf(regionSetFixture).map((indicator) => indicator.code);
    expect(codes).toContain("KM.1");
    expect(codes).toContain("KM.2");
    expect(values).toHaveLength(rural.length * years.length * codes.length);
    expect(new Set(values.map((value) => value.unitCode))).toEqual(
      new Set(rural.map((row) => row.code)),
    );
    const keys = new Set(values.map((v) => `${v.unitCode}|${v.year}|${v.indicatorCode}`));
    expect(keys.size).toBe(values.length);
    expect(new Set(values.map((value) => value.year))).toEqual(new Set(years));
  });

  it("respects kinds, bounds and one decimal", () => {
    expect(malformed(regionSetFixture, values)).toEqual([]);
  });

  it("leaves between 2 and 5 % of the values empty", () => {
    const missing = values.filter((value) => value.value === null).length / values.length;
    expect(missing).toBeGreaterThan(0.02);
    expect(missing).toBeLessThan(0.05);
  });

  it("meets or misses each threshold so that the engine gives the planned outcome", () => {
    const profiles = assignProfiles({ units, years, seed });
    expect(offPlan(regionSetFixture, results, profiles)).toEqual([]);
  });

  it("tells the seed's story: standard communes, 2–4 advanced and 1 model by 2024", () => {
    const final = resultsIn(results, 2024);
    expect(atLevel(final, "model")).toBe(1);
    expect(atLevel(final, "advanced")).toBeGreaterThanOrEqual(2);
    expect(atLevel(final, "advanced")).toBeLessThanOrEqual(4);
    expect(atLevel(final, "standard")).toBeGreaterThanOrEqual(15);
    expect(atLevel(resultsIn(results, 2022), "model")).toBe(0);
  });

  it("has many communes in the middle and some lagging below 10 criteria in 2022", () => {
    const first = resultsIn(results, 2022);
    const middle = first.filter((result) => result.criteriaMet >= 12 && result.criteriaMet <= 17);
    expect(middle.length / first.length).toBeGreaterThan(0.3);
    expect(below(first, 10)).toBeGreaterThanOrEqual(8);
    expect(below(first, 10)).toBeLessThan(first.length / 3);
  });

  it("puts about 6 communes of Đắk Glei below 10 criteria in 2022 (seed 000)", () => {
    const dakGlei = districtCommunes("Huyện Đắk Glei");
    expect(below(resultsIn(results, 2022, dakGlei), 10)).toBeGreaterThanOrEqual(4);
    expect(below(resultsIn(results, 2022, dakGlei), 10)).toBeLessThanOrEqual(7);
    expect(below(resultsIn(results, 2024, dakGlei), 10)).toBeLessThan(
      below(resultsIn(results, 2022, dakGlei), 10),
    );
  });

  it("gives Tu Mơ Rông its first standard commune in 2024 (seed 000)", () => {
    const tuMoRong = districtCommunes("Huyện Tu Mơ Rông");
    expect(atLevel(resultsIn(results, 2022, tuMoRong), null)).toBe(tuMoRong.size);
    expect(
      tuMoRong.size - atLevel(resultsIn(results, 2024, tuMoRong), null),
    ).toBeGreaterThanOrEqual(1);
    expect(below(resultsIn(results, 2022, tuMoRong), 10)).toBeGreaterThanOrEqual(4);
  });

  it("improves on average every year, with an occasional setback", () => {
    const averages = years.map((year) => average(resultsIn(results, year)));
    expect(averages[1]).toBeGreaterThan(averages[0] ?? Infinity);
    expect(averages[2]).toBeGreaterThan(averages[1] ?? Infinity);
    const series = [...results.values()].map((byYear) =>
      years.map((year) => byYear.get(year)?.criteriaMet ?? 0),
    );
    const kept = series.filter(([first, , last]) => (last ?? 0) >= (first ?? 0));
    expect(kept.length / series.length).toBeGreaterThan(0.85);
    const setbacks = series.filter((met) =>
      met.some((value, i) => i > 0 && value < (met[i - 1] ?? 0)),
    );
    expect(setbacks.length).toBeGreaterThanOrEqual(1);
    expect(setbacks.length / series.length).toBeLessThan(0.25);
  });

  it("uses the TDMNPB thresholds for especially disadvantaged communes", () => {
    const flagged = rural.filter((row) => row.flags.includes("especiallyDisadvantaged"));
    expect(flagged.length).toBeGreaterThan(0);
    for (const row of flagged) {
      expect(results.get(row.code)?.get(2022)?.classValue).toBe("TDMNPB");
    }
  });

  it("follows a profile the caller gives, and leaves the other communes as they were", () => {
    const target = [...districtCommunes("Huyện Tu Mơ Rông")][0] ?? "";
    const model: ProgressProfile = {
      tier: "model",
      startYear: 2022,
      levelFrom: [2021, 2023, 2024],
      start: 1,
      gain: 0,
    };
    const forced = generateDemoValues({
      set: regionSetFixture,
      units,
      years,
      seed,
      profiles: new Map([[target, model]]),
    });
    const forcedResults = evaluateAll(regionSetFixture, units, forced);
    expect(years.map((year) => forcedResults.get(target)?.get(year)?.level)).toEqual([
      "standard",
      "advanced",
      "model",
    ]);
    expect(forced.filter((value) => value.unitCode !== target)).toEqual(
      values.filter((value) => value.unitCode !== target),
    );
  });

  it("gives no values for the years a commune is no longer in force", () => {
    const [first] = rural;
    const ended = units.map((row) => (row === first ? { ...row, validTo: "2022-12-31" } : row));
    const generated = generateDemoValues({ set: regionSetFixture, units: ended, years, seed });
    const own = generated.filter((value) => value.unitCode === first?.code);
    expect(new Set(own.map((value) => value.year))).toEqual(new Set([2022]));
  });

  it("never claims a level the set cannot grant for the commune's class", () => {
    const set: CriteriaSet = {
      ...regionSetFixture,
      criteria: regionSetFixture.criteria.map((criterion) => ({
        ...criterion,
        indicators: criterion.indicators.map((indicator) =>
          indicator.code === "3.1"
            ? {
                ...indicator,
                thresholds: indicator.thresholds.map((row) => ({ ...row, classes: ["DBSH"] })),
              }
            : indicator,
        ),
      })),
    };
    const generated = generateDemoValues({ set, units, years, seed });
    expect(malformed(set, generated)).toEqual([]);
    const evaluated = evaluateAll(set, units, generated);
    for (const year of years) {
      const all = resultsIn(evaluated, year);
      expect(atLevel(all, null)).toBe(all.length);
      expect(Math.max(...all.map((result) => result.criteriaMet))).toBeLessThanOrEqual(18);
    }
  });
});

describe("generateDemoValues with a group-classified set (2026–2030)", () => {
  const groupYears = [2026, 2027, 2028];

  it("follows the plan for every commune group", () => {
    const generated = generateDemoValues({ set: groupSetFixture, units, years: groupYears, seed });
    expect(generated).toHaveLength(rural.length * groupYears.length * 21);
    expect(malformed(groupSetFixture, generated)).toEqual([]);
    const evaluated = evaluateAll(groupSetFixture, units, generated);
    const profiles = assignProfiles({ units, years: groupYears, seed });
    expect(offPlan(groupSetFixture, evaluated, profiles)).toEqual([]);
    const classes = new Set(resultsIn(evaluated, 2026).map((result) => result.classValue));
    expect(classes).toEqual(new Set(["1", "2", "3"]));
    const final = resultsIn(evaluated, 2028);
    expect(atLevel(final, "standard")).toBeGreaterThan(0);
    expect(atLevel(final, "modern")).toBeGreaterThan(0);
    expect(average(final)).toBeGreaterThan(average(resultsIn(evaluated, 2026)));
  });
});

describe("generateDemoValues with the national catalog", () => {
  it("tells the same story with data/criteria/vn-commune-2021-2025.json", () => {
    const file = new URL("../../../../data/criteria/vn-commune-2021-2025.json", import.meta.url);
    const set = criteriaSetSchema.parse(JSON.parse(readFileSync(file, "utf8")));
    const generated = generateDemoValues({ set, units, years, seed });
    expect(generated).toHaveLength(rural.length * years.length * indicatorsOf(set).length);
    expect(malformed(set, generated)).toEqual([]);
    const evaluated = evaluateAll(set, units, generated);
    expect(offPlan(set, evaluated, assignProfiles({ units, years, seed }))).toEqual([]);
    expect(atLevel(resultsIn(evaluated, 2024), "standard")).toBeGreaterThan(0);
    const dakGlei = districtCommunes("Huyện Đắk Glei");
    expect(below(resultsIn(evaluated, 2022, dakGlei), 10)).toBeGreaterThanOrEqual(4);
    expect(average(resultsIn(evaluated, 2024))).toBeGreaterThan(
      average(resultsIn(evaluated, 2022)),
    );
  });
});
