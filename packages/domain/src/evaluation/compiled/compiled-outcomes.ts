import type { AssessmentOutcomes } from "../outcomes.ts";
import type { CompiledPlan } from "./compile-plan.ts";
import { EntryStatus, type CompiledResults } from "./evaluate-many.ts";

/** The letter of each entry status, as `outcomesOf` writes the reason code it stands for. */
const letterOf: Record<number, string> = {
  [EntryStatus.met]: "m",
  [EntryStatus.notMet]: "n",
  [EntryStatus.missingValue]: "v",
  [EntryStatus.noThreshold]: "v",
  [EntryStatus.invalidValue]: "i",
};

/**
 * A commune's outcome letters (what `outcomesOf` gives for the engine's result) read from the
 * statuses the compiled plan wrote: what a scorecard's answer carries, without building the
 * reasoned result and its texts only to drop them.
 */
export function compiledOutcomes(
  plan: CompiledPlan,
  results: CompiledResults,
  commune: number,
): AssessmentOutcomes {
  const levelCount = plan.levels.length;
  const entryBase = commune * plan.entryCount;
  const letterAt = (item: number, level: number) => {
    const entry = plan.itemLevelEntry[item * levelCount + level] ?? -1;
    return entry < 0 ? "-" : (letterOf[results.entryStatus[entryBase + entry] ?? 0] ?? "v");
  };
  // Items are laid out as the plan judges them: the criteria's indicators, then each level's
  // conditions.
  let item = 0;
  const indicators: Record<string, string> = {};
  for (const criterion of plan.set.criteria) {
    for (const indicator of criterion.indicators) {
      let letters = "";
      for (let level = 0; level < levelCount; level += 1) letters += letterAt(item, level);
      indicators[indicator.code] = letters;
      item += 1;
    }
  }
  const conditions: AssessmentOutcomes["conditions"] = {};
  plan.set.levels.forEach((definition, level) => {
    const count = definition.conditions?.length ?? 0;
    if (count === 0) return;
    let letters = "";
    for (let index = 0; index < count; index += 1) {
      letters += letterAt(item, level);
      item += 1;
    }
    conditions[definition.code] = letters;
  });
  return { indicators, conditions };
}
