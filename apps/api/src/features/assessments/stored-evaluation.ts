import {
  evaluateAssessment,
  type CriteriaSet,
  type IndicatorValues,
  type UnitAttributes,
} from "@ntm/domain";

/** What a stored result keeps of an evaluation: the figures lists and reports read. */
export interface StoredEvaluation {
  criteriaMet: number;
  criteriaTotal: number;
  level: string | null;
  valuesEntered: number;
  /** Each criterion's status at the set's first level, in the set's order. */
  criteria: { code: string; status: string }[];
}

/**
 * Evaluates a commune-year for storage only. The scorecard builds its reasons on demand from the
 * same engine, so nothing here keeps them.
 */
export function evaluateForStorage(input: {
  set: CriteriaSet;
  unit: UnitAttributes;
  year: number;
  values: IndicatorValues;
}): StoredEvaluation {
  const result = evaluateAssessment(input);
  const first = result.levels[0]?.level;
  return {
    criteriaMet: result.criteriaMet,
    criteriaTotal: result.criteriaTotal,
    level: result.level,
    valuesEntered: result.valuesEntered,
    criteria: result.criteria.map((criterion) => ({
      code: criterion.code,
      status: (first && criterion.byLevel[first]?.status) || "missing",
    })),
  };
}
