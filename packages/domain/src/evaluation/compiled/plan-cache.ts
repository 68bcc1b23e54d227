import type { CriteriaSet, UnitAttributes } from "../../catalog/criteria-set.ts";
import { resolveClass } from "../resolve-class.ts";
import { compileCriteriaSet, type CompiledPlan } from "./compile-plan.ts";

export interface PlanCache {
  /** The plan of a unit's class for a year, compiled on first use. */
  planFor(set: CriteriaSet, unit: UnitAttributes, year: number): CompiledPlan;
}

/**
 * Compiles each (set version, class, year) once. A set version never changes once imported, so
 * a plan stays valid for as long as the caller holds the set object.
 */
export function createPlanCache(): PlanCache {
  const bySet = new WeakMap<CriteriaSet, Map<string, CompiledPlan>>();
  return {
    planFor(set, unit, year) {
      const classValue = resolveClass(set, unit).value;
      let plans = bySet.get(set);
      if (!plans) {
        plans = new Map();
        bySet.set(set, plans);
      }
      const key = `${classValue ?? ""}|${year}`;
      let plan = plans.get(key);
      if (!plan) {
        plan = compileCriteriaSet(set, { classValue, year });
        plans.set(key, plan);
      }
      return plan;
    },
  };
}
