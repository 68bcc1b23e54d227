import type { SummaryResponse } from "@ntm/contracts";

/**
 * Whether a province's communes lie in districts: not from 1/7/2025, when communes sit right under
 * the province and a district column would only repeat the province's name.
 */
export function showsDistricts(summary: SummaryResponse): boolean {
  return (
    summary.unit.level !== "province" ||
    summary.units.some((row) => row.parentName !== null && row.parentName !== summary.unit.name)
  );
}
