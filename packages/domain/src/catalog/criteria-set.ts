import type { VillageSetKind, VillageSetRules } from "../villages/village-set.ts";

/** Level codes a criteria set may declare; a set lists the ones it uses, in ascending order. */
export type LevelCode = "standard" | "advanced" | "model" | "modern";

export type IndicatorKind = "boolean" | "percent" | "number";

/** `>=`/`<=`/`>`/`<` compare numbers; `is` expects the boolean value given as threshold. */
export type Comparator = ">=" | "<=" | ">" | "<" | "is";

/** Whether a threshold has been checked against the legal text it cites. */
export type VerificationStatus = "confirmed" | "unverified";

export interface LegalBasis {
  /** Document number, e.g. "318/QĐ-TTg". */
  document: string;
  /** ISO date of the document, e.g. "2022-03-08". */
  date?: string;
  /** Article, appendix or item, e.g. "Phụ lục I, tiêu chí 3". */
  article?: string;
}

export interface ThresholdValueAbsolute {
  value: number | boolean;
}

/** A threshold defined relative to another level's threshold (QĐ 319: model income ≥ 110 % of advanced). */
export interface ThresholdValueRelative {
  relativeTo: { level: LevelCode; factor: number };
}

export type Threshold = (ThresholdValueAbsolute | ThresholdValueRelative) & {
  level: LevelCode;
  /** Classification values this row applies to; absent means every value. */
  classes?: string[];
  /** First and last year (inclusive) the row applies to; absent means the whole period of the set. */
  fromYear?: number;
  toYear?: number;
  basis: LegalBasis;
  status: VerificationStatus;
  note?: string;
};

export interface Indicator {
  code: string;
  name: string;
  nameEn?: string;
  kind: IndicatorKind;
  /** Display unit for numbers, e.g. "triệu đồng/người/năm". Percent indicators use "%". */
  unit?: string;
  comparator: Comparator;
  thresholds: Threshold[];
  /** Levels the indicator belongs to; absent means every level where a threshold resolves. */
  levels?: LevelCode[];
  /** Lower and upper bounds accepted on entry (percent is always 0–100). */
  min?: number;
  max?: number;
  /** Counts must be whole numbers. */
  integer?: boolean;
  note?: string;
  /** Where the value comes from when it is not entered by hand. */
  source?: IndicatorSource;
}

/**
 * A value read from another register of the product: the OCOP registry's count of products of
 * `minStars` or more with a valid certificate in the commune on 31/12 of the year (a yes/no
 * indicator is met from one product).
 */
export type IndicatorSource =
  | { kind: "ocopRegistry"; minStars: number }
  /**
   * The village registry: the commune's villages recognised under the province's village set of
   * this kind in force that year (QĐ 319: a model commune has at least one smart village). Where
   * the province has no such set, the value is entered by hand.
   */
  | { kind: "villageRegistry"; villageSetKind: VillageSetKind };

export interface Criterion {
  code: string;
  name: string;
  nameEn?: string;
  group?: string;
  indicators: Indicator[];
}

export interface ClassificationValue {
  code: string;
  name: string;
  nameEn?: string;
}

export type ClassificationKind = "region" | "communeGroup";

export interface Classification {
  kind: ClassificationKind;
  values: ClassificationValue[];
}

/** A unit flag that forces a classification value for threshold lookup (QĐ 318 Điều 1). */
export interface ClassificationOverrideRule {
  id: string;
  /** The rule applies when the unit has any of these flags. */
  whenAnyFlag: UnitFlag[];
  useClass: string;
  basis: LegalBasis;
  status: VerificationStatus;
  description: string;
}

export interface LevelDefinition {
  code: LevelCode;
  name: string;
  nameEn?: string;
  /** A level that must also be reached, and whose thresholds apply where this level has none. */
  inherits?: LevelCode;
  /** Conditions beyond the criteria (QĐ 319 model commune: smart village, outstanding field). */
  conditions?: Indicator[];
  basis?: LegalBasis;
}

export interface CriteriaSet {
  code: string;
  version: number;
  name: string;
  nameEn?: string;
  /** Unit level the set measures. */
  unitLevel: "commune" | "district" | "village";
  /** For a village set: what it recognises and where it applies. */
  village?: VillageSetRules;
  fromYear: number;
  toYear: number;
  /** Province the set belongs to; absent for a national set. */
  provinceCode?: string;
  /** The national set a provincial set was derived from. */
  basedOn?: { code: string; version: number };
  basis: LegalBasis;
  classification: Classification;
  classificationOverrides?: ClassificationOverrideRule[];
  levels: LevelDefinition[];
  criteria: Criterion[];
  note?: string;
  /**
   * ISO date from which this version is in force; absent means 1 January of `fromYear`. A later
   * version (an amendment, a province's new decision) takes over from its date, and the earlier
   * version stays in force for the years before it.
   */
  effectiveFrom?: string;
  /** The decision this version applies on top of an earlier version of the same set. */
  amendment?: SetAmendment;
}

/** An amending decision: its own legal basis and start date, and what it changed. */
export interface SetAmendment {
  /** The version it amends. */
  amends: { code: string; version: number };
  basis: LegalBasis;
  effectiveFrom: string;
  /** Indicators whose threshold rows the amendment replaced; empty when its content is unknown. */
  changedIndicators: string[];
  note?: string;
}

export type UnitFlag =
  | "especiallyDisadvantaged"
  | "safeZone"
  | "ethnicZoneI"
  | "ethnicZoneII"
  | "ethnicZoneIII"
  | "poorDistrict";

/** The attributes of a unit that the catalog uses to pick thresholds. */
export interface UnitAttributes {
  code: string;
  name: string;
  region?: string;
  communeGroup?: string;
  flags: UnitFlag[];
}
