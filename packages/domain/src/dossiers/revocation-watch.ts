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
  "vn-commune-2026-2030": ["3", "8", "10"],
};

/**
 * How sure the key criteria of each set are. In the 2026–2030 set (QĐ 51/2025) the groups QĐ
 * 18/2022 names fall on 3 (rural economy, with the income indicator 3.1), 8 (environment and rural
 * landscape) and 10 (access to law, security and defence); no text was found saying that QĐ
 * 18/2022 applies to that set unchanged or naming its key criteria.
 */
export const revocationKeyCriteriaStatus: Record<
  string,
  { status: "confirmed" | "unverified"; note: string }
> = {
  "vn-commune-2021-2025": {
    status: "confirmed",
    note: "QĐ 18/2022/QĐ-TTg: thu nhập (10), môi trường và an toàn thực phẩm, môi trường sống (17), quốc phòng và an ninh (19).",
  },
  "kon-tum-commune-2021-2025": {
    status: "confirmed",
    note: "QĐ 18/2022/QĐ-TTg: thu nhập (10), môi trường và an toàn thực phẩm, môi trường sống (17), quốc phòng và an ninh (19).",
  },
  "vn-commune-2026-2030": {
    status: "unverified",
    note: "Chưa kiểm chứng: chưa tìm thấy văn bản nêu tiêu chí then chốt khi thu hồi theo bộ tiêu chí giai đoạn 2026–2030; tạm theo các nhóm của QĐ 18/2022/QĐ-TTg: thu nhập (3), môi trường và cảnh quan (8), an ninh, quốc phòng (10).",
  },
};

export interface WatchCriterion {
  code: string;
  name: string;
  status: IndicatorStatus;
}

const pct = (share: number) => `${Math.round(share * 1000) / 10} %`.replace(".", ",");

/** Criteria in their numeric order (2 before 10), sub-codes after their parent ("17" < "17.1"). */
function byCode(a: WatchCriterion, b: WatchCriterion) {
  const left = a.code.split(".").map(Number);
  const right = b.code.split(".").map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? -1) - (right[index] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

const named = (list: WatchCriterion[]) =>
  list.map((criterion) => `${criterion.code} ${criterion.name}`).join("; ");

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
  const unmet = criteria.filter((criterion) => criterion.status !== "met").sort(byCode);
  const share = unmet.length / criteria.length;
  const unmetCodes = unmet.map((criterion) => criterion.code);
  const key = unmet.filter((criterion) => keyCriteria.includes(criterion.code));
  const keyUnmet = key.map((criterion) => criterion.code);
  const list = named(unmet);
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
      reason: `${unmet.length}/${criteria.length} tiêu chí (${pct(share)}) không đạt, trong đó có tiêu chí then chốt ${named(key)}. Các tiêu chí không đạt: ${list}.`,
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
