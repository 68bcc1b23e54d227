import { assessmentFromOutcomes, type CriteriaSet } from "@ntm/domain";
import type { Scorecard, ScorecardResponse } from "./scorecard.schema.ts";

/**
 * The scorecard as the pages show it, from the commune's answer and its set version: thresholds,
 * legal bases, names and every reason text come from the set, the statuses from the answer.
 */
export function joinScorecard(answer: ScorecardResponse, set: CriteriaSet): Scorecard {
  const result = assessmentFromOutcomes({
    set,
    unit: { code: answer.unitCode, name: answer.unit.name },
    year: answer.year,
    values: answer.values,
    classValue: answer.classValue,
    overrideRuleId: answer.overrideRule?.id,
    outcomes: answer.outcomes,
  });
  return {
    ...result,
    unit: answer.unit,
    set: answer.set,
    assessment: answer.assessment,
    entries: answer.entries,
    evidence: answer.evidence,
    permissions: answer.permissions,
    ...(answer.sourced ? { sourced: answer.sourced } : {}),
  };
}
