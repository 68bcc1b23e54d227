import type {
  Comparator,
  IndicatorKind,
  LegalBasis,
  LevelCode,
  VerificationStatus,
} from "../catalog/criteria-set.ts";

export type IndicatorStatus = "met" | "not_met" | "missing";

export type ReasonCode =
  | "met"
  | "not_met"
  | "missing_value"
  | "no_threshold"
  | "invalid_value"
  | "no_indicators"
  | "indicators_not_met"
  | "indicators_missing"
  | "all_met";

export interface Reason {
  code: ReasonCode;
  /** Explanation in Vietnamese, ready to show. */
  text: string;
}

export interface ThresholdUsed {
  level: LevelCode;
  comparator: Comparator;
  value: number | boolean;
  /** Classification value the row was chosen for, when the row is class-specific. */
  classValue?: string;
  classLabel?: string;
  fromYear?: number;
  toYear?: number;
  basis: LegalBasis;
  status: VerificationStatus;
  note?: string;
  /** Set when the threshold is a multiple of another level's threshold. */
  derived?: { fromLevel: LevelCode; factor: number; baseValue: number };
  /** Set when a unit flag forced the classification (e.g. especially disadvantaged commune). */
  overrideRule?: string;
}

export interface IndicatorLevelResult {
  status: IndicatorStatus;
  threshold?: ThresholdUsed;
  reason: Reason;
}

export interface IndicatorResult {
  code: string;
  name: string;
  kind: IndicatorKind;
  unit?: string;
  /** Entry bounds of the indicator, so a client checks a value as the server will. */
  min?: number;
  max?: number;
  integer?: boolean;
  value: number | boolean | null;
  /** Result for each level the indicator applies to. */
  byLevel: Partial<Record<LevelCode, IndicatorLevelResult>>;
}

export interface CriterionLevelResult {
  status: IndicatorStatus;
  indicatorsMet: number;
  indicatorsTotal: number;
  reason: Reason;
}

export interface CriterionResult {
  code: string;
  name: string;
  group?: string;
  byLevel: Partial<Record<LevelCode, CriterionLevelResult>>;
  indicators: IndicatorResult[];
}

export interface MissingItem {
  criterionCode?: string;
  criterionName?: string;
  indicatorCode: string;
  indicatorName: string;
  status: Exclude<IndicatorStatus, "met">;
  reason: Reason;
}

export interface LevelResult {
  level: LevelCode;
  name: string;
  reached: boolean;
  criteriaMet: number;
  criteriaTotal: number;
  /** Extra conditions of the level (model commune), evaluated like indicators. */
  conditions: IndicatorResult[];
  /** Everything that stands between the unit and this level. */
  missing: MissingItem[];
  reason: Reason;
}

export interface AssessmentResult {
  setCode: string;
  setVersion: number;
  unitCode: string;
  year: number;
  classValue?: string;
  classLabel?: string;
  overrideRule?: { id: string; description: string };
  /** Criteria met at the first level of the set ("đạt 15/19 tiêu chí"). */
  criteriaMet: number;
  criteriaTotal: number;
  /** Highest level reached, or null. */
  level: LevelCode | null;
  nextLevel: LevelCode | null;
  levels: LevelResult[];
  criteria: CriterionResult[];
  valuesEntered: number;
  valuesExpected: number;
  summary: Reason;
}
