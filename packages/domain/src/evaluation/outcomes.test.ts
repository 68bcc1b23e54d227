import { describe, expect, it } from "vitest";
import konTumData from "../../../../data/criteria/kon-tum-override-2021-2025.json";
import national2021Data from "../../../../data/criteria/vn-commune-2021-2025.json";
import national2026Data from "../../../../data/criteria/vn-commune-2026-2030.json";
import type { CriteriaSet, Indicator, UnitAttributes, UnitFlag } from "../catalog/criteria-set.ts";
import { applyOverride, type OverrideDefinition } from "../catalog/apply-override.ts";
import type { AssessmentResult } from "./assessment-result.ts";
import { evaluateAssessment } from "./evaluate-assessment.ts";
import { assessmentFromOutcomes, outcomesOf, valuesOf } from "./outcomes.ts";
import { standardValues, testSet, unitIn } from "./test-sets.ts";

const national2021 = national2021Data as unknown as CriteriaSet;
const national2026 = national2026Data as unknown as CriteriaSet;
const konTumApplied = applyOverride(national2021, konTumData as unknown as OverrideDefinition);
if (!konTumApplied.ok) throw new Error("The Kon Tum override names unknown indicators.");

/** A small deterministic generator (the domain's tests use no randomness of the platform). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Values on, just above and below a threshold, missing, refused by the entry rule, or a yes/no. */
function valueFor(indicator: Indicator, next: () => number): number | boolean | null {
  const roll = next();
  if (roll < 0.1) return null;
  if (indicator.kind === "boolean") return roll < 0.6;
  if (roll < 0.14) return -3;
  const numbers = indicator.thresholds.flatMap((row) =>
    "value" in row && typeof row.value === "number" ? [row.value] : [],
  );
  const around = numbers[Math.floor(next() * numbers.length)] ?? 50;
  return around + [-1, 0, 0.5, 2][Math.floor(next() * 4)]!;
}

const flags: UnitFlag[] = ["especiallyDisadvantaged", "safeZone", "ethnicZoneI"];

function sample(set: CriteriaSet, count: number, seed: number) {
  const next = random(seed);
  const classes = [...set.classification.values.map((value) => value.code), undefined];
  const indicators = [
    ...set.criteria.flatMap((criterion) => criterion.indicators),
    ...set.levels.flatMap((level) => level.conditions ?? []),
  ];
  return Array.from({ length: count }, (_, index) => {
    const classValue = classes[index % classes.length];
    const unit: UnitAttributes = {
      code: `x${index}`,
      name: `Xã Mẫu ${index}`,
      ...(classValue && set.classification.kind === "region" ? { region: classValue } : {}),
      ...(classValue && set.classification.kind === "communeGroup"
        ? { communeGroup: classValue }
        : {}),
      flags: flags.filter(() => next() < 0.15),
    };
    const values: Record<string, number | boolean | null> = {};
    for (const indicator of indicators) values[indicator.code] = valueFor(indicator, next);
    const year = set.fromYear + Math.floor(next() * (set.toYear - set.fromYear + 1));
    return evaluateAssessment({ set, unit, year, values });
  });
}

function rebuilt(set: CriteriaSet, result: AssessmentResult, unitName: string) {
  return assessmentFromOutcomes({
    set,
    unit: { code: result.unitCode, name: unitName },
    year: result.year,
    values: valuesOf(result),
    classValue: result.classValue,
    overrideRuleId: result.overrideRule?.id,
    outcomes: outcomesOf(result),
  });
}

describe("a result from its outcome letters and its set", () => {
  const sets: [string, CriteriaSet][] = [
    ["the national set 2021–2025", national2021],
    ["the national set 2026–2030", national2026],
    ["the Kon Tum set", konTumApplied.set],
    ["the hand-made set with model conditions and relative thresholds", testSet],
  ];
  // A shared machine runs many suites at once: the sample is small, the time allowed generous.
  it.each(sets)("is the engine's own result on %s", { timeout: 60_000 }, (_, set) => {
    const results = sample(set, 60, set.code.length);
    const overridden = results.some((result) => result.overrideRule);
    expect(overridden).toBe((set.classificationOverrides ?? []).length > 0);
    expect(results.some((result) => result.criteriaMet > 0)).toBe(true);
    for (const [index, result] of results.entries()) {
      expect(rebuilt(set, result, `Xã Mẫu ${index}`)).toEqual(result);
    }
  });

  it("keeps the statuses the letters say, not what the set would decide again", () => {
    const result = evaluateAssessment({
      set: testSet,
      unit: unitIn("DBSH"),
      year: 2024,
      values: standardValues,
    });
    expect(result.criteria[0]?.indicators[0]?.byLevel.standard?.status).toBe("met");
    const outcomes = outcomesOf(result);
    outcomes.indicators["3.1"] = `n${outcomes.indicators["3.1"]?.slice(1) ?? ""}`;
    const changed = assessmentFromOutcomes({
      set: testSet,
      unit: { code: result.unitCode, name: "Xã Thử Nghiệm" },
      year: 2024,
      values: valuesOf(result),
      classValue: result.classValue,
      outcomes,
    });
    expect(changed.criteria[0]?.indicators[0]?.byLevel.standard?.reason.code).toBe("not_met");
    expect(changed.criteria[0]?.byLevel.standard?.status).toBe("not_met");
  });

  it("writes one letter per level and a dash where an indicator does not count", () => {
    const result = evaluateAssessment({
      set: testSet,
      unit: unitIn("DBSH"),
      year: 2024,
      values: standardValues,
    });
    const outcomes = outcomesOf(result);
    expect(outcomes.indicators["15.2"]).toBe("m--");
    expect(outcomes.conditions.model).toBe("nn");
    expect(Object.keys(valuesOf(result))).toContain("KM3");
  });
});
