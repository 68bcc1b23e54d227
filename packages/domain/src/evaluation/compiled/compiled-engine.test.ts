import { describe, expect, it } from "vitest";
import konTumData from "../../../../../data/criteria/kon-tum-override-2021-2025.json";
import national2021Data from "../../../../../data/criteria/vn-commune-2021-2025.json";
import national2026Data from "../../../../../data/criteria/vn-commune-2026-2030.json";
import type {
  CriteriaSet,
  Indicator,
  UnitAttributes,
  UnitFlag,
} from "../../catalog/criteria-set.ts";
import { applyOverride, type OverrideDefinition } from "../../catalog/apply-override.ts";
import { evaluateAssessment, type IndicatorValues } from "../evaluate-assessment.ts";
import { assessmentFromOutcomes, outcomesOf } from "../outcomes.ts";
import type { IndicatorValue } from "../evaluate-indicator.ts";
import { testSet } from "../test-sets.ts";
import { compareWithEngine } from "./compare-with-engine.ts";
import { compiledOutcomes } from "./compiled-outcomes.ts";
import { Compare, compileCriteriaSet, type CompiledPlan } from "./compile-plan.ts";
import { packValues } from "./dense-values.ts";
import { describeCompiledResult } from "./describe-result.ts";
import {
  CriterionStatus,
  EntryStatus,
  evaluateMany,
  type CompiledResults,
} from "./evaluate-many.ts";
import { createPlanCache } from "./plan-cache.ts";

const national2021 = national2021Data as unknown as CriteriaSet;
const national2026 = national2026Data as unknown as CriteriaSet;
const konTumOverride = konTumData as unknown as OverrideDefinition;
const konTumApplied = applyOverride(national2021, konTumOverride);
if (!konTumApplied.ok) throw new Error("The Kon Tum override names unknown indicators.");
const konTum = konTumApplied.set;

/** The hand-made set with every comparator, a count with bounds and a level without conditions. */
const everyComparator: CriteriaSet = {
  ...testSet,
  code: "test-every-comparator",
  criteria: [
    ...testSet.criteria.map((criterion) => ({
      ...criterion,
      indicators: criterion.indicators.map((indicator): Indicator =>
        indicator.code === "3.1"
          ? { ...indicator, comparator: ">" }
          : indicator.code === "15.2"
            ? { ...indicator, comparator: "<" }
            : indicator,
      ),
    })),
    {
      code: "20",
      name: "Tiêu chí thử có số đếm",
      indicators: [
        {
          code: "20.1",
          name: "Số câu lạc bộ văn hóa",
          kind: "number",
          integer: true,
          min: 1,
          max: 40,
          comparator: ">=",
          thresholds: [
            { level: "standard", value: 3, basis: testSet.basis, status: "confirmed" },
            { level: "model", value: 6, basis: testSet.basis, status: "confirmed" },
          ],
        },
        {
          code: "20.2",
          name: "Số vụ vi phạm môi trường",
          kind: "number",
          comparator: "<",
          // A wrong-kind row for Tây Nguyên: the engine never meets it, whatever the value.
          thresholds: [
            { level: "advanced", value: 2, basis: testSet.basis, status: "confirmed" },
            {
              level: "advanced",
              classes: ["TN"],
              value: true,
              basis: testSet.basis,
              status: "confirmed",
            },
          ],
        },
      ],
    },
  ],
};

/** A small deterministic generator (the domain's tests use no randomness of the platform). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** An indicator's threshold values with the index of their level (relative rows resolved). */
function thresholdsOf(
  set: CriteriaSet,
  indicator: Indicator,
): { level: number; value: number | boolean }[] {
  const levelOf = (code: string) => set.levels.findIndex((level) => level.code === code);
  const rows: { level: number; value: number | boolean }[] = [];
  for (const row of indicator.thresholds) {
    if ("value" in row) rows.push({ level: levelOf(row.level), value: row.value });
  }
  for (const row of indicator.thresholds) {
    if (!("relativeTo" in row)) continue;
    for (const base of indicator.thresholds) {
      if (
        "value" in base &&
        typeof base.value === "number" &&
        base.level === row.relativeTo.level
      ) {
        const value = Math.round(base.value * row.relativeTo.factor * 1000) / 1000;
        rows.push({ level: levelOf(row.level), value });
      }
    }
  }
  return rows;
}

/**
 * A value for an indicator. A good commune aims at a level (`target`): it passes every threshold
 * of that level and below, not the stricter ones above. The others sit near the thresholds
 * (exactly on one, a little above or below), and a few values are missing, out of range, not
 * whole or of the wrong kind.
 */
function valueFor(
  set: CriteriaSet,
  indicator: Indicator,
  next: () => number,
  target: number | undefined,
): IndicatorValue {
  const roll = next();
  if (target === undefined && roll < 0.05) return roll < 0.03 ? null : undefined;
  if (target === undefined && roll < 0.08) {
    if (indicator.kind === "boolean") return next() < 0.5 ? 1 : 0;
    const odd = [-1, 100.5, 1.5, true, Number.NaN, Number.POSITIVE_INFINITY, 41];
    return odd[Math.floor(next() * odd.length)] as IndicatorValue;
  }
  const rows = thresholdsOf(set, indicator);
  const within = rows.filter((row) => target !== undefined && row.level <= target);
  if (indicator.kind === "boolean") {
    const pass = rows.find((row) => typeof row.value === "boolean")?.value !== false;
    if (target !== undefined) return within.length > 0 ? pass : !pass;
    return next() < 0.7 ? pass : !pass;
  }
  const numbers = (list: typeof rows) =>
    list.flatMap((row) => (typeof row.value === "number" ? [row.value] : []));
  const high = indicator.kind === "percent" ? 100 : (indicator.max ?? 200);
  const low = indicator.min ?? 0;
  const upward = indicator.comparator === ">=" || indicator.comparator === ">";
  const clamp = (value: number) => Math.min(high, Math.max(low, value));
  if (target !== undefined) {
    const aimed = numbers(within);
    const margin = indicator.integer ? 1 : 0.5;
    if (aimed.length === 0) return upward ? low : high;
    return clamp(upward ? Math.max(...aimed) + margin : Math.min(...aimed) - margin);
  }
  const all = numbers(rows);
  const around = all[Math.floor(next() * all.length)];
  if (around === undefined) return Math.round(low + next() * (high - low));
  const steps = indicator.integer ? [-1, 0, 0, 1] : [-0.5, -0.01, 0, 0, 0.01, 0.5, 5, -5];
  return clamp(around + (steps[Math.floor(next() * steps.length)] ?? 0));
}

interface SampleCommune {
  unit: UnitAttributes;
  year: number;
  values: IndicatorValues;
}

const allFlags: UnitFlag[] = ["especiallyDisadvantaged", "safeZone", "ethnicZoneI", "poorDistrict"];

function sampleOf(set: CriteriaSet, count: number, seed: number): SampleCommune[] {
  const next = random(seed);
  const classes = [...set.classification.values.map((value) => value.code), undefined];
  const indicators = [
    ...set.criteria.flatMap((criterion) => criterion.indicators),
    ...set.levels.flatMap((level) => level.conditions ?? []),
  ];
  return Array.from({ length: count }, (_, index) => {
    const classValue = classes[index % classes.length];
    const flags = allFlags.filter(() => next() < 0.12);
    const unit: UnitAttributes = {
      code: `${set.code}-${index}`,
      name: `Xã Mẫu ${index}`,
      ...(classValue && set.classification.kind === "region" ? { region: classValue } : {}),
      ...(classValue && set.classification.kind === "communeGroup"
        ? { communeGroup: classValue }
        : {}),
      flags,
    };
    const year = set.fromYear + Math.floor(next() * (set.toYear - set.fromYear + 1));
    const target = next() < 0.4 ? Math.floor(next() * set.levels.length) : undefined;
    const values: Record<string, IndicatorValue> = {};
    for (const indicator of indicators) {
      values[indicator.code] = valueFor(set, indicator, next, target);
    }
    return { unit, year, values: values as IndicatorValues };
  });
}

const sets: [string, CriteriaSet, number][] = [
  ["the national set 2021–2025", national2021, 400],
  ["the national set 2026–2030", national2026, 300],
  ["the Kon Tum set (provincial, from the national one)", konTum, 300],
  ["a set with every comparator, a count and a relative threshold", everyComparator, 500],
];

interface Run {
  sample: SampleCommune[];
  runs: { plan: CompiledPlan; results: CompiledResults; commune: SampleCommune }[];
}

function runCompiled(set: CriteriaSet, sample: SampleCommune[]): Run {
  const cache = createPlanCache();
  return {
    sample,
    runs: sample.map((commune) => {
      const plan = cache.planFor(set, commune.unit, commune.year);
      const results = evaluateMany(plan, packValues(plan, [commune.values]));
      return { plan, results, commune };
    }),
  };
}

describe.each(sets)("the compiled plan of %s", (_, set, count) => {
  const run = runCompiled(set, sampleOf(set, count, count + set.code.length));

  it("gives every commune the engine's criteria met, level and every indicator status", () => {
    const differences = run.runs.flatMap(({ plan, results, commune }) =>
      compareWithEngine(plan, results, 0, evaluateAssessment({ set, ...commune })).map(
        (text) => `${commune.unit.code} ${commune.year}: ${text}`,
      ),
    );
    expect(differences.slice(0, 10)).toEqual([]);
  }, 60_000);

  it("covers every status and every level in the sample, so the comparison means something", () => {
    const entries = new Set<number>();
    const criteria = new Set<number>();
    const levels = new Set<number>();
    for (const { results } of run.runs) {
      for (const status of results.entryStatus) entries.add(status);
      for (const status of results.criterionStatus) criteria.add(status);
      levels.add(results.level[0] ?? -1);
    }
    expect([...entries]).toEqual(
      expect.arrayContaining([
        EntryStatus.met,
        EntryStatus.notMet,
        EntryStatus.missingValue,
        EntryStatus.invalidValue,
      ]),
    );
    expect([...criteria].sort()).toEqual([
      CriterionStatus.met,
      CriterionStatus.notMet,
      CriterionStatus.missing,
    ]);
    expect([...levels].sort()).toEqual([-1, ...set.levels.map((_, index) => index)]);
  });

  it("gives the scorecard the engine's result with every reason text, from the statuses", () => {
    for (const { plan, results, commune } of run.runs.slice(0, 150)) {
      expect(describeCompiledResult(plan, results, 0, commune)).toEqual(
        evaluateAssessment({ set, ...commune }),
      );
    }
  }, 60_000);

  it("gives the scorecard's outcome letters of the engine's result, from the statuses", () => {
    const differing = run.runs.filter(
      ({ plan, results, commune }) =>
        JSON.stringify(compiledOutcomes(plan, results, 0)) !==
        JSON.stringify(outcomesOf(evaluateAssessment({ set, ...commune }))),
    );
    expect(differing.map(({ commune }) => `${commune.unit.code} ${commune.year}`)).toEqual([]);
    // Every letter occurs, so the comparison covers each status an answer can carry.
    const letters = run.runs
      .map(({ plan, results }) => {
        const outcomes = compiledOutcomes(plan, results, 0);
        return [...Object.values(outcomes.indicators), ...Object.values(outcomes.conditions)];
      })
      .join("");
    for (const letter of ["m", "n", "v", "i"]) expect(letters).toContain(letter);
  }, 60_000);

  it("lets the web rebuild the engine's whole result (criteria, levels, reasons) from those letters", () => {
    for (const { plan, results, commune } of run.runs.slice(0, 150)) {
      const engine = evaluateAssessment({ set, ...commune });
      const rebuilt = assessmentFromOutcomes({
        set,
        unit: commune.unit,
        year: commune.year,
        values: commune.values,
        classValue: engine.classValue,
        overrideRuleId: engine.overrideRule?.id,
        outcomes: compiledOutcomes(plan, results, 0),
      });
      expect(rebuilt).toEqual(engine);
    }
  }, 60_000);
});

describe("the compiled plan", () => {
  it("resolves relative thresholds, inheritance and regional rows once, as the engine looks them up", () => {
    const plan = compileCriteriaSet(testSet, { classValue: "DBSH", year: 2024 });
    const entryOf = (code: string, level: number) => {
      const item = plan.items.findIndex((indicator) => indicator.code === code);
      return plan.itemLevelEntry[item * plan.levels.length + level] ?? -1;
    };
    const model = entryOf("10.1", 2);
    expect(plan.entryCompare[model]).toBe(Compare.atLeast);
    expect(plan.entryThreshold[model]).toBe(66);
    // 3.1 has only a standard row; advanced and model inherit it.
    expect(plan.entryThreshold[entryOf("3.1", 1)]).toBe(80);
    expect(plan.entryThreshold[entryOf("3.1", 2)]).toBe(80);
    // 15.2 counts only at the standard level.
    expect(entryOf("15.2", 1)).toBe(-1);
    const mekong = compileCriteriaSet(testSet, { classValue: "DBSCL", year: 2024 });
    const stunting = mekong.items.findIndex((indicator) => indicator.code === "15.2");
    expect(mekong.entryCompare[mekong.itemLevelEntry[stunting * 3] ?? -1]).toBe(
      Compare.noThreshold,
    );
  });

  it("evaluates many communes into one set of arrays", () => {
    const sample = sampleOf(testSet, 40, 7).map((commune) => ({
      ...commune,
      unit: { ...commune.unit, region: "DBSH", flags: [] },
      year: 2024,
    }));
    const plan = compileCriteriaSet(testSet, { classValue: "DBSH", year: 2024 });
    const results = evaluateMany(
      plan,
      packValues(
        plan,
        sample.map((commune) => commune.values),
      ),
    );
    sample.forEach((commune, index) => {
      const engine = evaluateAssessment({ set: testSet, ...commune });
      expect(compareWithEngine(plan, results, index, engine)).toEqual([]);
    });
  });

  it("is compiled once per class and year: an override rule shares the plan of the class it forces", () => {
    const cache = createPlanCache();
    const mountain = cache.planFor(
      testSet,
      { code: "a", name: "Xã A", region: "TDMNPB", flags: [] },
      2024,
    );
    const forced = cache.planFor(
      testSet,
      { code: "b", name: "Xã B", region: "DBSCL", flags: ["especiallyDisadvantaged"] },
      2024,
    );
    const delta = cache.planFor(
      testSet,
      { code: "c", name: "Xã C", region: "DBSCL", flags: [] },
      2024,
    );
    const nextYear = cache.planFor(
      testSet,
      { code: "a", name: "Xã A", region: "TDMNPB", flags: [] },
      2025,
    );
    expect(forced).toBe(mountain);
    expect(delta).not.toBe(mountain);
    expect(nextYear).not.toBe(mountain);
    expect(nextYear.entryCount).toBe(mountain.entryCount);
  });

  it("refuses to explain a commune of another class with the plan", () => {
    const plan = compileCriteriaSet(testSet, { classValue: "DBSH", year: 2024 });
    const values = { "3.1": 90 };
    const results = evaluateMany(plan, packValues(plan, [values]));
    expect(() =>
      describeCompiledResult(plan, results, 0, {
        unit: { code: "x", name: "Xã X", region: "TN", flags: [] },
        values,
      }),
    ).toThrow(/class DBSH/);
  });
});
