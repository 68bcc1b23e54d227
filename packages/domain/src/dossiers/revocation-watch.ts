import type { IndicatorStatus } from "../evaluation/assessment-result.ts";
import type { RevocationFlag } from "./dossier-state.ts";
import type { RegimeRules } from "./regime.ts";

/**
 * Criteria whose failure, with 30 % to under 50 % of criteria unmet, makes a commune a revocation
 * candidate (QĐ 18/2022): income, environment and food safety, living environment, defence and
 * security. In the 2021–2025 set (QĐ 318) income is 10, environment and food safety is 17 and
 * defence and security is 19; "living environment" has no criterion of its own there, its
 * indicators (landscape, waste, cemeteries, clean water use) sit inside criterion 17, so 17 covers both.
 */
export const revocationKeyCriteria: Record<string, string[]> = {
  "vn-commune-2021-2025": ["10", "17", "19"],
  "kon-tum-commune-2021-2025": ["10", "17", "19"],
};

export interface WatchCriterion {
  code: string;
  name: string;
  status: IndicatorStatus;
}

const pct = (share: number) => `${Math.round(share * 1000) / 10} %`.replace(".", ",");

/**
 * Flags a recognised commune (or a district on its own criteria) when it no longer keeps the set:
 * ≥ 50 % of criteria unmet, or 30 % to under 50 % unmet with a key criterion among them. A criterion
 * without data counts as unmet: it cannot be shown to be kept.
 */
export function revocationFlag(options: {
  criteria: WatchCriterion[];
  keyCriteria: readonly string[];
  rules: RegimeRules["revocation"];
}): RevocationFlag | null {
  const { criteria, keyCriteria, rules } = options;
  if (criteria.length === 0) return null;
  const unmet = criteria.filter((criterion) => criterion.status !== "met");
  const share = unmet.length / criteria.length;
  const unmetCodes = unmet.map((criterion) => criterion.code);
  const keyUnmet = unmetCodes.filter((code) => keyCriteria.includes(code));
  const list = unmet.map((criterion) => `${criterion.code} ${criterion.name}`).join("; ");
  if (share >= rules.anyShare) {
    return {
      rule: "half_unmet",
      unmetShare: share,
      unmetCriteria: unmetCodes,
      keyCriteriaUnmet: keyUnmet,
      reason: `${unmet.length}/${criteria.length} tiêu chí (${pct(share)}) không đạt, từ ${pct(rules.anyShare)} trở lên: ${list}.`,
    };
  }
  if (share >= rules.keyShare && keyUnmet.length > 0) {
    return {
      rule: "key_criteria",
      unmetShare: share,
      unmetCriteria: unmetCodes,
      keyCriteriaUnmet: keyUnmet,
      reason: `${unmet.length}/${criteria.length} tiêu chí (${pct(share)}) không đạt, trong đó có tiêu chí ${keyUnmet.join(", ")} (thu nhập, môi trường, an ninh quốc phòng): ${list}.`,
    };
  }
  return null;
}

/** Districts: flagged when ≥ 30 % of their recognised communes have been revoked. */
export function districtRevocationFlag(options: {
  communesRecognised: number;
  communesRevoked: number;
  rules: RegimeRules["revocation"];
}): RevocationFlag | null {
  const { communesRecognised, communesRevoked, rules } = options;
  const total = communesRecognised + communesRevoked;
  if (total === 0) return null;
  const share = communesRevoked / total;
  if (share < rules.districtCommuneShare) return null;
  return {
    rule: "district_communes",
    unmetShare: share,
    unmetCriteria: [],
    keyCriteriaUnmet: [],
    reason: `${communesRevoked}/${total} xã (${pct(share)}) đã bị thu hồi quyết định công nhận, từ ${pct(rules.districtCommuneShare)} trở lên.`,
  };
}
