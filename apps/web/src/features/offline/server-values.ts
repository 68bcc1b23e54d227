import type { ScorecardResponse } from "@ntm/contracts";
import type { IndicatorValue, ServerSide } from "./outbox-plan.ts";

/** Every indicator value a scorecard holds, with its version and who changed what when. */
export function serverSideOf(scorecard: ScorecardResponse): ServerSide {
  const values: Record<string, IndicatorValue> = {};
  for (const criterion of scorecard.criteria) {
    for (const indicator of criterion.indicators) values[indicator.code] = indicator.value;
  }
  for (const level of scorecard.levels) {
    for (const condition of level.conditions) values[condition.code] = condition.value;
  }
  return { version: scorecard.assessment.version, values, entries: scorecard.entries };
}
