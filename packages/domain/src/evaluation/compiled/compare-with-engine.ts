import type { AssessmentResult, IndicatorResult, ReasonCode } from "../assessment-result.ts";
import type { CompiledPlan } from "./compile-plan.ts";
import { CriterionStatus, EntryStatus, type CompiledResults } from "./evaluate-many.ts";

const entryReason: Record<number, ReasonCode> = {
  [EntryStatus.met]: "met",
  [EntryStatus.notMet]: "not_met",
  [EntryStatus.missingValue]: "missing_value",
  [EntryStatus.noThreshold]: "no_threshold",
  [EntryStatus.invalidValue]: "invalid_value",
};

const criterionWord: Record<number, string> = {
  [CriterionStatus.met]: "met",
  [CriterionStatus.notMet]: "not_met",
  [CriterionStatus.missing]: "missing",
};

/**
 * Where a commune's compiled statuses differ from the reasoned engine's result for the same
 * commune: criteria met, levels, values entered, every criterion and every indicator at every
 * level (by reason code, finer than the status). Empty when they agree.
 */
export function compareWithEngine(
  plan: CompiledPlan,
  results: CompiledResults,
  commune: number,
  engine: AssessmentResult,
): string[] {
  const differences: string[] = [];
  const differ = (what: string, compiled: unknown, reasoned: unknown) => {
    if (compiled !== reasoned) {
      differences.push(`${what}: compiled ${String(compiled)}, engine ${String(reasoned)}`);
    }
  };
  const levelCount = plan.levels.length;
  const levelAt = (index: number) => (index >= 0 ? (plan.levels[index] ?? null) : null);
  differ("criteria met", results.criteriaMet[commune], engine.criteriaMet);
  differ("level", levelAt(results.level[commune] ?? -1), engine.level);
  differ("next level", levelAt(results.nextLevel[commune] ?? -1), engine.nextLevel);
  differ("values entered", results.valuesEntered[commune], engine.valuesEntered);
  differ("values expected", plan.expectedSlots.length, engine.valuesExpected);

  let item = 0;
  const compareItem = (indicator: IndicatorResult, levels: readonly number[]) => {
    for (const level of levels) {
      const code = plan.levels[level];
      const entry = plan.itemLevelEntry[item * levelCount + level] ?? -1;
      const compiled =
        entry < 0
          ? "none"
          : entryReason[results.entryStatus[commune * plan.entryCount + entry] ?? 0];
      const reasoned = code ? (indicator.byLevel[code]?.reason.code ?? "none") : "none";
      differ(`${indicator.code} at ${String(code)}`, compiled, reasoned);
    }
    item += 1;
  };
  const allLevels = plan.levels.map((_, index) => index);
  engine.criteria.forEach((criterion, index) => {
    for (const indicator of criterion.indicators) compareItem(indicator, allLevels);
    plan.levels.forEach((code, level) => {
      const cell = (commune * plan.criteriaCount + index) * levelCount + level;
      const compiled = criterionWord[results.criterionStatus[cell] ?? 0];
      differ(`criterion ${criterion.code} at ${code}`, compiled, criterion.byLevel[code]?.status);
    });
  });
  engine.levels.forEach((level, index) => {
    const at = commune * levelCount + index;
    differ(`${level.level} reached`, results.levelReached[at] === 1, level.reached);
    differ(`${level.level} criteria met`, results.levelCriteriaMet[at], level.criteriaMet);
    differ(`${level.level} missing`, results.levelMissing[at], level.missing.length);
    for (const condition of level.conditions) compareItem(condition, [index]);
  });
  differ("items", item, plan.items.length);
  return differences;
}
