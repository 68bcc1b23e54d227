import type { CriteriaSet, LevelCode } from "../catalog/criteria-set.ts";
import type { AssessmentResult, IndicatorResult, ReasonCode } from "./assessment-result.ts";
import { assembleAssessment, type IndicatorValues } from "./evaluate-assessment.ts";
import { explainIndicatorAtLevel, type IndicatorOutcome } from "./evaluate-indicator.ts";
import type { ResolvedClass } from "./resolve-class.ts";
import { selectThreshold } from "./select-threshold.ts";

/**
 * A commune's result without anything its criteria set already says: one letter per indicator
 * and level of the set, in the set's order of levels. `m` met, `n` not met, `v` no value (or no
 * threshold: the set tells which), `i` a value the entry rule refuses, `-` the indicator does not
 * count at that level. A level's extra conditions are one letter each, in the level's order.
 */
export interface AssessmentOutcomes {
  indicators: Record<string, string>;
  conditions: Partial<Record<LevelCode, string>>;
}

const letterOf: Record<ReasonCode, string> = {
  met: "m",
  not_met: "n",
  missing_value: "v",
  no_threshold: "v",
  invalid_value: "i",
  no_indicators: "v",
  indicators_not_met: "n",
  indicators_missing: "v",
  all_met: "m",
};

const outcomeOf: Record<string, IndicatorOutcome> = {
  m: "met",
  n: "not_met",
  v: "missing_value",
  i: "invalid_value",
};

function lettersOf(indicator: IndicatorResult, levels: readonly LevelCode[]): string {
  return levels
    .map((level) => {
      const result = indicator.byLevel[level];
      return result ? letterOf[result.reason.code] : "-";
    })
    .join("");
}

/** The outcome letters of a result, for a scorecard that travels without its set. */
export function outcomesOf(result: AssessmentResult): AssessmentOutcomes {
  const levels = result.levels.map((level) => level.level);
  const indicators: Record<string, string> = {};
  for (const criterion of result.criteria) {
    for (const indicator of criterion.indicators) {
      indicators[indicator.code] = lettersOf(indicator, levels);
    }
  }
  const conditions: AssessmentOutcomes["conditions"] = {};
  for (const level of result.levels) {
    if (level.conditions.length === 0) continue;
    conditions[level.level] = level.conditions
      .map((condition) => lettersOf(condition, [level.level]))
      .join("");
  }
  return { indicators, conditions };
}

/** The values a result holds (entered ones only), keyed by indicator code. */
export function valuesOf(result: AssessmentResult): Record<string, number | boolean> {
  const values: Record<string, number | boolean> = {};
  const take = (indicator: IndicatorResult) => {
    if (indicator.value !== null) values[indicator.code] = indicator.value;
  };
  for (const criterion of result.criteria) criterion.indicators.forEach(take);
  for (const level of result.levels) level.conditions.forEach(take);
  return values;
}

export interface OutcomesInput {
  set: CriteriaSet;
  unit: { code: string; name: string };
  year: number;
  values: IndicatorValues;
  /** The classification value the thresholds were chosen for, and the rule that forced it. */
  classValue?: string | undefined;
  overrideRuleId?: string | undefined;
  outcomes: AssessmentOutcomes;
}

/**
 * The full result (thresholds with their legal basis, every reason in Vietnamese) from a set
 * version and the outcome letters the server decided: the same result the engine gave, built
 * where the set is already held. The letters are taken as decided; the set only explains them.
 */
export function assessmentFromOutcomes(input: OutcomesInput): AssessmentResult {
  const { set, year, values, outcomes } = input;
  const rule = input.overrideRuleId
    ? set.classificationOverrides?.find((candidate) => candidate.id === input.overrideRuleId)
    : undefined;
  const resolvedClass: ResolvedClass = {
    value: input.classValue,
    label: set.classification.values.find((candidate) => candidate.code === input.classValue)?.name,
    rule,
  };
  const levelCodes = set.levels.map((level) => level.code);
  const conditionIndex = new Map(
    set.levels.flatMap((level) =>
      (level.conditions ?? []).map((indicator, index) => [indicator, index] as const),
    ),
  );
  return assembleAssessment(
    { set, unit: { ...input.unit, flags: [] }, year, values },
    resolvedClass,
    (indicator, level) => {
      const position = conditionIndex.get(indicator);
      const letter =
        position === undefined
          ? outcomes.indicators[indicator.code]?.[levelCodes.indexOf(level)]
          : outcomes.conditions[level]?.[position];
      const outcome = letter === undefined ? undefined : outcomeOf[letter];
      if (outcome === undefined) return undefined;
      const lookup = selectThreshold({ set, indicator, level, classValue: input.classValue, year });
      if (lookup.kind === "notApplicable") return undefined;
      return explainIndicatorAtLevel({
        indicator,
        level,
        resolvedClass,
        year,
        value: values[indicator.code],
        lookup,
        outcome,
      });
    },
  );
}
