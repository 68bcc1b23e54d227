import type {
  ClassificationOverrideRule,
  CriteriaSet,
  UnitAttributes,
} from "../catalog/criteria-set.ts";

export interface ResolvedClass {
  /** The classification value used for threshold lookup, if the unit has one. */
  value: string | undefined;
  /** Display name of the value, e.g. "Tây Nguyên". */
  label: string | undefined;
  /** The override rule that forced the value, when one did. */
  rule: ClassificationOverrideRule | undefined;
}

/** Picks the classification value (region or commune group) that selects a unit's thresholds. */
export function resolveClass(set: CriteriaSet, unit: UnitAttributes): ResolvedClass {
  const rule = set.classificationOverrides?.find((candidate) =>
    candidate.whenAnyFlag.some((flag) => unit.flags.includes(flag)),
  );
  const own = set.classification.kind === "region" ? unit.region : unit.communeGroup;
  const value = rule ? rule.useClass : own;
  const label = set.classification.values.find((candidate) => candidate.code === value)?.name;
  return { value, label, rule };
}
