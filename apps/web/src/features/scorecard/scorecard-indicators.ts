import type { Scorecard } from "@ntm/contracts";
import type { IndicatorResult } from "@ntm/domain";

export interface IndicatorEntry {
  indicator: IndicatorResult;
  /** Absent for a level condition (model commune), which belongs to no criterion. */
  criterionCode?: string;
}

/** What decides whether an indicator may be changed on a scorecard. */
export type EntryRights = Pick<Scorecard, "permissions" | "set" | "sourced">;

/** Every indicator and level condition of a scorecard, each once. */
export function listIndicators(scorecard: Scorecard): IndicatorEntry[] {
  const seen = new Set<string>();
  const entries: IndicatorEntry[] = [];
  for (const criterion of scorecard.criteria) {
    for (const indicator of criterion.indicators) {
      if (seen.has(indicator.code)) continue;
      seen.add(indicator.code);
      entries.push({ indicator, criterionCode: criterion.code });
    }
  }
  for (const level of scorecard.levels) {
    for (const condition of level.conditions) {
      if (seen.has(condition.code)) continue;
      seen.add(condition.code);
      entries.push({ indicator: condition });
    }
  }
  return entries;
}

/**
 * Whether the user may write on an indicator (its evidence files): department accounts only on
 * their own criteria.
 */
export function canWriteEntry(scorecard: EntryRights, entry: IndicatorEntry): boolean {
  const { canEdit, editableCriteria } = scorecard.permissions;
  if (!canEdit) return false;
  if (editableCriteria === "all") return true;
  if (!entry.criterionCode) return false;
  return (
    editableCriteria.includes(entry.criterionCode) ||
    editableCriteria.includes(`${scorecard.set.code}:${entry.criterionCode}`)
  );
}

/**
 * Whether the user may type an indicator's value and note: never one the village registry gives
 * that year (the server refuses it; the villages the commune recognises make it).
 */
export function canEditEntry(scorecard: EntryRights, entry: IndicatorEntry): boolean {
  return !scorecard.sourced?.[entry.indicator.code] && canWriteEntry(scorecard, entry);
}
