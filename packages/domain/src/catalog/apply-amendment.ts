import type { ApplyOverrideResult, ThresholdOverride } from "./apply-override.ts";
import { replaceThresholdRows } from "./apply-override.ts";
import type { CriteriaSet, LegalBasis } from "./criteria-set.ts";

export interface AmendmentDefinition {
  /** The same code as the amended set: an amendment is a later version of it. */
  code: string;
  version: number;
  name?: string | undefined;
  amends: { code: string; version: number };
  basis: LegalBasis;
  effectiveFrom: string;
  /** Replaced threshold rows; empty when the amending text has not been transcribed. */
  overrides: ThresholdOverride[];
  note?: string | undefined;
}

/**
 * Builds the amended version: the amended set with the changed rows replaced, in force from the
 * amendment's date, carrying the amending decision as its own legal basis.
 */
export function applyAmendment(
  base: CriteriaSet,
  amendment: AmendmentDefinition,
): ApplyOverrideResult {
  const { criteria, levels, unknown } = replaceThresholdRows(base, amendment.overrides);
  if (unknown.length > 0) return { ok: false, unknownIndicators: unknown };
  const set: CriteriaSet = {
    ...base,
    version: amendment.version,
    name: amendment.name ?? base.name,
    criteria,
    levels,
    effectiveFrom: amendment.effectiveFrom,
    amendment: {
      amends: amendment.amends,
      basis: amendment.basis,
      effectiveFrom: amendment.effectiveFrom,
      changedIndicators: amendment.overrides.map((item) => item.indicatorCode),
      ...(amendment.note ? { note: amendment.note } : {}),
    },
  };
  return { ok: true, set };
}
