import type { LevelCode } from "../catalog/criteria-set.ts";

/**
 * What a target measures:
 * - `communesAtLevel`: number (or share, in %) of communes holding a level or above;
 * - `averageCriteria`: average criteria met per commune;
 * - `minCriteria`: no commune below `value` criteria;
 * - `gainOverBaseline`: each commune gains `value` criteria over the baseline year (per year if
 *   `perYear`);
 * - `maintenance`: every commune recognised in the baseline year meets all criteria;
 * - `enteredValue`: a figure the office enters itself (districts recognised, share of villages,
 *   OCOP products of 3 stars or more);
 * - `villagesRecognised`: villages recognised by their commune as NTM villages (count, or share in
 *   % of the villages of the target's communes), read from the village registry.
 */
export const targetKinds = [
  "communesAtLevel",
  "averageCriteria",
  "minCriteria",
  "gainOverBaseline",
  "maintenance",
  "enteredValue",
  "ocopProducts",
  "villagesRecognised",
] as const;
export type TargetKind = (typeof targetKinds)[number];

export const targetStatuses = ["met", "onTrack", "atRisk", "offTrack", "noData"] as const;
export type TargetStatus = (typeof targetStatuses)[number];

export const targetStatusNames: Record<TargetStatus, string> = {
  met: "Đạt",
  onTrack: "Đúng tiến độ",
  atRisk: "Có nguy cơ",
  offTrack: "Chậm tiến độ",
  noData: "Chưa có số liệu",
};

export interface TargetDefinition {
  kind: TargetKind;
  /** Year whose results are the starting point (the year the target was set). */
  baselineYear: number;
  /** Year by whose end the target must be reached. */
  deadlineYear: number;
  /** Target value: communes, %, criteria, criteria gained, or the entered figure. */
  value: number;
  /** For `communesAtLevel`: the level, counted with the levels above it. */
  level?: LevelCode | null;
  /** For `communesAtLevel`: count communes, or their share in % of the communes in scope. */
  measure?: "count" | "share";
  /** For `gainOverBaseline`: `value` criteria each year rather than once. */
  perYear?: boolean;
  /** Leave out communes already recognised in the baseline year ("the other communes"). */
  excludeRecognised?: boolean;
  /** For `enteredValue`: the unit of the figure, e.g. "huyện", "%", "sản phẩm". */
  valueUnit?: string | null;
  /** For `enteredValue`: the figure by year, as entered; for `villagesRecognised`, as counted. */
  entered?: readonly { year: number; value: number }[];
  /**
   * Values to reach in years before the deadline ("1 xã năm 2024, 3 xã năm 2025"); the deadline's
   * value is `value`. For the aggregate kinds (count or share, average, entered figure).
   */
  milestones?: readonly TargetMilestone[];
  /**
   * For `communesAtLevel`: the communes not at the level gain at least this many criteria each
   * year ("các xã còn lại mỗi năm tăng từ 1 đến 2 tiêu chí"); those gaining fewer are behind.
   */
  othersGainPerYear?: number | null;
  /** For `ocopProducts`: the fewest stars a product counts with (figures in `entered`). */
  minStars?: number | null;
}

export interface TargetMilestone {
  year: number;
  value: number;
}

/** Kinds a value per year applies to: those judged on one figure. */
export const milestoneKinds: readonly TargetKind[] = [
  "communesAtLevel",
  "averageCriteria",
  "enteredValue",
  "ocopProducts",
  "villagesRecognised",
];

/** One commune's stored result for one year. */
export interface CommuneYearResult {
  criteriaMet: number;
  criteriaTotal: number;
  level: LevelCode | null;
  /** Codes of the criteria not met (first level) in that year. */
  unmet: readonly string[];
}

export interface TargetCommune {
  code: string;
  name: string;
  parentName?: string | null;
  /** Stored results by year; a missing year means no evaluation that year. */
  results: Readonly<Record<number, CommuneYearResult>>;
}

export interface TargetInput {
  target: TargetDefinition;
  /** Communes in the target's scope (its unit's communes, or its named set). */
  communes: readonly TargetCommune[];
  /** Levels of the criteria set, lowest first. */
  levels: readonly LevelCode[];
  /** The year of the latest results the evaluation may use. */
  year: number;
  /** For `ocopProducts`: the products that do not count in the year judged, and why. */
  ocopBehind?: readonly BehindCommune[];
}

export interface BehindCommune {
  code: string;
  name: string;
  parentName: string | null;
  criteriaMet: number | null;
  /** What the commune must reach, in the target's own terms (criteria met, or a level). */
  required: string;
  /** Codes of the criteria still not met. */
  missing: string[];
  /** Whether its own pace since the baseline would reach the target in time. */
  onPace: boolean;
  /** For a gain each year: criteria gained over the previous year (negative when lost). */
  gained?: number | null;
}

export interface TargetProgress {
  status: TargetStatus;
  statusName: string;
  /** The rule used to decide the status, in Vietnamese, with the figures. */
  rule: string;
  /** The year whose results were used: the evaluation year, or the deadline if it is past. */
  year: number;
  actual: number | null;
  target: number;
  /** What is still needed (0 when met), in the target's unit. */
  gap: number | null;
  /** Unit of `actual`, `target` and `gap`, in Vietnamese. */
  unit: string;
  /** The figure for each year with data, baseline first. */
  series: { year: number; actual: number | null }[];
  /** Communes that keep the target from being met, most behind first. */
  behind: BehindCommune[];
  /** Communes the figure is computed on. */
  communes: number;
  /**
   * The value of the year the status was judged against: the milestone of the year in view, or
   * the next one; null for a target without milestones.
   */
  milestone: TargetMilestone | null;
}

/** The part of a target that falls on some of its communes (a district's share of a province target). */
export interface TargetShare {
  /** Communes of the part the target is computed on. */
  communes: number;
  /** Those of them that keep the target from being met. */
  behind: BehindCommune[];
  /** The status rule in words, naming only the part's own communes. */
  rule: string;
}
