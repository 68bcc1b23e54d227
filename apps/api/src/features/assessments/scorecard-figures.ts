import {
  allocateDenseValues,
  allocateResults,
  compiledOutcomes,
  createPlanCache,
  evaluateInto,
  outcomesOf,
  resolveClass,
  setDenseValue,
  valuesOf,
  type AssessmentResult,
  type CriteriaSet,
  type IndicatorValues,
  type UnitAttributes,
} from "@ntm/domain";
import type { ScorecardResponse } from "@ntm/contracts";

/** What a scorecard's answer says of its commune's evaluation: headline figures and letters. */
export type ScorecardFigures = Pick<
  ScorecardResponse,
  | "classValue"
  | "classLabel"
  | "overrideRule"
  | "criteriaMet"
  | "criteriaTotal"
  | "level"
  | "nextLevel"
  | "valuesEntered"
  | "valuesExpected"
  | "values"
  | "outcomes"
>;

// One plan per (set version, class, year), kept for as long as the set cache holds the version.
const plans = createPlanCache();

/**
 * A commune-year's figures and outcome letters from the compiled plan's statuses: the same the
 * reasoned engine's result gives (`figuresOfResult`), without building its reason texts, which
 * the answer does not carry (the web writes them from the set version it holds).
 */
export function scorecardFigures(input: {
  set: CriteriaSet;
  unit: UnitAttributes;
  year: number;
  values: IndicatorValues;
}): ScorecardFigures {
  const { set, unit, year, values } = input;
  const plan = plans.planFor(set, unit, year);
  const dense = allocateDenseValues(plan, 1);
  const entered: Record<string, number | boolean> = {};
  plan.valueCodes.forEach((code, slot) => {
    const value = values[code];
    setDenseValue(dense, 0, slot, value);
    if (value !== null && value !== undefined) entered[code] = value;
  });
  const results = allocateResults(plan, 1);
  evaluateInto(plan, dense, results, 0, 1);
  const resolved = resolveClass(set, unit);
  const level = results.level[0] ?? -1;
  const next = results.nextLevel[0] ?? -1;
  return {
    ...(resolved.value ? { classValue: resolved.value } : {}),
    ...(resolved.label ? { classLabel: resolved.label } : {}),
    ...(resolved.rule
      ? { overrideRule: { id: resolved.rule.id, description: resolved.rule.description } }
      : {}),
    criteriaMet: results.criteriaMet[0] ?? 0,
    criteriaTotal: plan.criteriaCount,
    level: level >= 0 ? (plan.levels[level] ?? null) : null,
    nextLevel: next >= 0 ? (plan.levels[next] ?? null) : null,
    valuesEntered: results.valuesEntered[0] ?? 0,
    valuesExpected: plan.expectedSlots.length,
    values: entered,
    outcomes: compiledOutcomes(plan, results, 0),
  };
}

/** The same figures from a result of the reasoned engine (a save, which stores that result). */
export function figuresOfResult(result: AssessmentResult): ScorecardFigures {
  return {
    ...(result.classValue ? { classValue: result.classValue } : {}),
    ...(result.classLabel ? { classLabel: result.classLabel } : {}),
    ...(result.overrideRule ? { overrideRule: result.overrideRule } : {}),
    criteriaMet: result.criteriaMet,
    criteriaTotal: result.criteriaTotal,
    level: result.level,
    nextLevel: result.nextLevel,
    valuesEntered: result.valuesEntered,
    valuesExpected: result.valuesExpected,
    values: valuesOf(result),
    outcomes: outcomesOf(result),
  };
}
