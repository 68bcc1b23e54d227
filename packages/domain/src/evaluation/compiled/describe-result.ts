import type { UnitAttributes } from "../../catalog/criteria-set.ts";
import type { AssessmentResult } from "../assessment-result.ts";
import { assembleAssessment, type IndicatorValues } from "../evaluate-assessment.ts";
import { explainIndicatorAtLevel, type IndicatorOutcome } from "../evaluate-indicator.ts";
import { resolveClass } from "../resolve-class.ts";
import type { CompiledPlan } from "./compile-plan.ts";
import { EntryStatus, type CompiledResults } from "./evaluate-many.ts";

const outcomes: Record<number, IndicatorOutcome> = {
  [EntryStatus.met]: "met",
  [EntryStatus.notMet]: "not_met",
  [EntryStatus.missingValue]: "missing_value",
  [EntryStatus.noThreshold]: "missing_value",
  [EntryStatus.invalidValue]: "invalid_value",
};

/**
 * The full result of one commune, with every reason in Vietnamese, from the statuses the
 * compiled plan wrote: the same result `evaluateAssessment` gives, for a scorecard that shows
 * the reasons. `values` are the commune's values, for the numbers the reasons quote.
 */
export function describeCompiledResult(
  plan: CompiledPlan,
  results: CompiledResults,
  commune: number,
  input: { unit: UnitAttributes; values: IndicatorValues },
): AssessmentResult {
  const { set, year } = plan;
  const resolvedClass = resolveClass(set, input.unit);
  if (resolvedClass.value !== plan.classValue) {
    throw new Error(
      `Plan compiled for class ${String(plan.classValue)}, unit ${input.unit.code} is ${String(resolvedClass.value)}.`,
    );
  }
  const itemOf = new Map(plan.items.map((indicator, item) => [indicator, item]));
  const levelCount = plan.levels.length;
  const entryBase = commune * plan.entryCount;
  return assembleAssessment({ set, year, ...input }, resolvedClass, (indicator, level) => {
    const item = itemOf.get(indicator);
    const entry =
      item === undefined
        ? -1
        : (plan.itemLevelEntry[item * levelCount + plan.levels.indexOf(level)] ?? -1);
    if (entry < 0) return undefined;
    return explainIndicatorAtLevel({
      indicator,
      level,
      resolvedClass,
      year,
      value: input.values[indicator.code],
      lookup: plan.entryLookup[entry] as CompiledPlan["entryLookup"][number],
      outcome: outcomes[results.entryStatus[entryBase + entry] as number] as IndicatorOutcome,
    });
  });
}
