import {
  allocateDenseValues,
  allocateResults,
  createPlanCache,
  CriterionStatus,
  evaluateInto,
  setDenseValue,
  type CompiledPlan,
  type CompiledResults,
  type CriteriaSet,
  type DenseValues,
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

const statusWords: Record<number, string> = {
  [CriterionStatus.met]: "met",
  [CriterionStatus.notMet]: "not_met",
  [CriterionStatus.missing]: "missing",
};

interface PlanBuffers {
  dense: DenseValues;
  results: CompiledResults;
  criterionCodes: string[];
}

/**
 * Evaluates commune-years for storage with the compiled engine: each (set version, class, year)
 * compiled once, one commune's values laid into a reused dense buffer, statuses only. Reasons are
 * built from the same statuses when a scorecard asks for them, so none are built here.
 */
export function createStorageEvaluator() {
  const plans = createPlanCache();
  const buffers = new Map<CompiledPlan, PlanBuffers>();
  const buffersOf = (plan: CompiledPlan) => {
    let found = buffers.get(plan);
    if (!found) {
      found = {
        dense: allocateDenseValues(plan, 1),
        results: allocateResults(plan, 1),
        criterionCodes: plan.set.criteria.map((criterion) => criterion.code),
      };
      buffers.set(plan, found);
    }
    return found;
  };
  return {
    evaluate(input: {
      set: CriteriaSet;
      unit: UnitAttributes;
      year: number;
      values: IndicatorValues;
    }): StoredEvaluation {
      const plan = plans.planFor(input.set, input.unit, input.year);
      const { dense, results, criterionCodes } = buffersOf(plan);
      plan.valueCodes.forEach((code, slot) => setDenseValue(dense, 0, slot, input.values[code]));
      evaluateInto(plan, dense, results, 0, 1);
      const levels = plan.levels.length;
      const level = results.level[0] ?? -1;
      return {
        criteriaMet: results.criteriaMet[0] ?? 0,
        criteriaTotal: plan.criteriaCount,
        level: level >= 0 ? (plan.levels[level] ?? null) : null,
        valuesEntered: results.valuesEntered[0] ?? 0,
        criteria: criterionCodes.map((code, criterion) => ({
          code,
          status:
            levels > 0
              ? (statusWords[results.criterionStatus[criterion * levels] ?? 0] ?? "missing")
              : "missing",
        })),
      };
    },
  };
}
