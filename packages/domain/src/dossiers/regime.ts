import type { Role } from "../access/roles.ts";

export type DossierKind = "recognition" | "revocation";
export type DossierUnitLevel = "commune" | "district";
/** Levels a dossier can ask for: communes standard/advanced/model, districts standard/advanced. */
export type RequestedLevel = "standard" | "advanced" | "model";

export type StepCode =
  | "self_assessment"
  | "front_comments"
  | "public_posting"
  | "satisfaction_survey"
  | "verification"
  | "appraisal"
  | "council_vote"
  | "decision"
  | "revocation_proposal"
  | "revocation_review"
  | "revocation_decision";

/**
 * When a step is due: a number of days before the batch deadline, or after the previous step.
 * Days are calendar days unless `unit` is "working" (weekends and public holidays skipped).
 */
export type StepDueRule = {
  kind: "beforeBatchDeadline" | "afterPrevious";
  days: number;
  unit?: "calendar" | "working";
};

/** Whether a detail comes from a cited source or is a default the province must confirm. */
export type ConfigOrigin = "source" | "default";

export interface StepDefinition {
  code: StepCode;
  name: string;
  actingRole: Role;
  /** Documents that belong to the step (names as the offices use them). */
  documents: string[];
  due: StepDueRule;
  dueOrigin: ConfigOrigin;
}

export interface SatisfactionRule {
  /** Minimum overall share of satisfied residents, in percent. */
  overall: number;
  /** Districts: minimum share for every content in every commune, in percent. */
  perContentEachCommune?: number;
  origin: ConfigOrigin;
}

export interface RegimeRules {
  minBroadcasts: number;
  broadcastWindowDays: number;
  satisfaction: Record<DossierUnitLevel, SatisfactionRule>;
  /** Share of council members voting for, strictly above which the council approves. */
  councilApprovalShare: number;
  councilOrigin: ConfigOrigin;
  /** Revocation watch: share of unmet criteria that starts the key-criteria rule, and the share that alone triggers. */
  revocation: { keyShare: number; anyShare: number; districtCommuneShare: number };
}

/**
 * A legal regime and period: the ordered steps, who acts, and the numeric rules. Regimes are data
 * (data/regimes/*.json, imported as numbered versions); a dossier keeps the version it was filed under.
 */
export interface RegimeConfig {
  code: string;
  /** The stored version of this code (1, 2, …), numbered when a file is imported. */
  version: number;
  name: string;
  kind: DossierKind;
  /** ISO dates; validTo inclusive, null while in force. */
  validFrom: string;
  validTo: string | null;
  basis: string;
  steps: StepDefinition[];
  rules: RegimeRules;
}

/** The regime of a kind in force on a date (the filing date of the dossier), among the current versions. */
export function regimeFor(
  kind: DossierKind,
  date: string,
  available: readonly RegimeConfig[],
): RegimeConfig | undefined {
  return available.find(
    (regime) =>
      regime.kind === kind &&
      regime.validFrom <= date &&
      (regime.validTo === null || regime.validTo >= date),
  );
}

export const requestedLevelNames: Record<
  DossierUnitLevel,
  Partial<Record<RequestedLevel, string>>
> = {
  commune: {
    standard: "xã đạt chuẩn nông thôn mới",
    advanced: "xã đạt chuẩn nông thôn mới nâng cao",
    model: "xã nông thôn mới kiểu mẫu",
  },
  district: {
    standard: "huyện đạt chuẩn nông thôn mới",
    advanced: "huyện đạt chuẩn nông thôn mới nâng cao",
  },
};
