import { applyOverride, type CriteriaSet } from "@ntm/domain";
import type { ProvincialOverride } from "@ntm/contracts";
import { invalid } from "../../http/app-error.ts";

/** Builds the full provincial set, or refuses an override of indicators the base set lacks. */
export function materialiseOverride(base: CriteriaSet, override: ProvincialOverride): CriteriaSet {
  const result = applyOverride(base, override);
  if (result.ok) return result.set;
  const codes = result.unknownIndicators.join(", ");
  throw invalid(
    `Bộ tiêu chí gốc không có chỉ tiêu: ${codes}.`,
    `The base set has no indicator: ${codes}.`,
  );
}
