import {
  certifiedStars,
  issuerLevelNames,
  issuerRule,
  ocopPartMax,
  ocopPartNames,
  ocopParts,
  starBandRules,
  type IssuerLevel,
  type OcopPart,
  type OcopStars,
  type StarBandRule,
} from "./catalog.ts";

export type OcopScores = Record<OcopPart, number>;

/** A refusal of an evaluation, with the field it is about. */
export interface OcopProblem {
  field: string;
  message: string;
}

export interface OcopRating {
  total: number;
  /** The stars of the total's band; null when the scores do not give 3 stars or more. */
  stars: OcopStars | null;
  /** How the stars were reached, in Vietnamese. */
  reasons: string[];
  /** The band rule used and its legal basis. */
  rule: StarBandRule;
  problems: OcopProblem[];
}

/** The band rule in force on a date: the latest whose start is on or before it. */
export function bandRuleOn(date: string): StarBandRule {
  const rules = starBandRules.filter((rule) => rule.validFrom <= date);
  return rules.at(-1) ?? (starBandRules[0] as StarBandRule);
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * Rates a product from its scores by part on the evaluation date: each part within its maximum,
 * the total's band, and, when stars are claimed (as written on a decision), that they match.
 */
export function rateProduct(input: {
  scores: OcopScores;
  date: string;
  claimedStars?: number | null;
  issuerLevel?: IssuerLevel | null;
}): OcopRating {
  const problems: OcopProblem[] = [];
  const reasons: string[] = [];
  for (const part of ocopParts) {
    const value = input.scores[part];
    if (!Number.isFinite(value) || value < 0 || value > ocopPartMax[part]) {
      problems.push({
        field: `scores.${part}`,
        message: `${ocopPartNames[part]}: ${value} điểm vượt quá mức tối đa ${ocopPartMax[part]} điểm (hoặc âm).`,
      });
    }
  }
  const total = round(input.scores.A + input.scores.B + input.scores.C);
  const rule = bandRuleOn(input.date);
  const band = rule.bands.find((b) => total >= b.min && total < b.max + 1);
  const basis = `${rule.basis.document}${rule.basis.status === "unverified" ? " (khung điểm chưa xác minh)" : ""}`;
  const stars =
    band && (certifiedStars as readonly number[]).includes(band.stars)
      ? (band.stars as OcopStars)
      : null;
  if (problems.length === 0) {
    reasons.push(
      `Tổng điểm ${total}/100 (A ${input.scores.A}, B ${input.scores.B}, C ${input.scores.C}).`,
    );
    if (band) {
      reasons.push(`Từ ${band.min} đến ${band.max} điểm: hạng ${band.stars} sao theo ${basis}.`);
    }
    if (stars === null) {
      problems.push({
        field: "scores",
        message: `Tổng điểm ${total} dưới 50 điểm: sản phẩm không đạt 3 sao, không được cấp giấy chứng nhận OCOP.`,
      });
    }
  }
  const claimed = input.claimedStars;
  if (claimed !== undefined && claimed !== null) {
    if (!(certifiedStars as readonly number[]).includes(claimed)) {
      problems.push({
        field: "stars",
        message: `Số sao ${claimed} ngoài khung: giấy chứng nhận OCOP chỉ cấp cho hạng 3, 4 hoặc 5 sao.`,
      });
    } else if (stars !== null && problems.length === 0 && claimed !== stars) {
      problems.push({
        field: "stars",
        message: `Số sao ${claimed} không khớp tổng điểm ${total}: theo ${basis}, ${band?.min}–${band?.max} điểm là ${stars} sao.`,
      });
    }
  }
  if (stars !== null && input.issuerLevel && problems.length === 0) {
    const required = issuerRule.levelOf[stars];
    if (required !== input.issuerLevel) {
      problems.push({
        field: "certificate.issuerLevel",
        message: `Sản phẩm ${stars} sao do ${issuerLevelNames[required]} công nhận, không phải ${issuerLevelNames[input.issuerLevel]}.`,
      });
    }
  }
  return { total, stars: problems.length === 0 ? stars : null, reasons, rule, problems };
}
