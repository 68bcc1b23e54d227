import type { IndicatorStatus } from "../evaluation/assessment-result.ts";
import type { DossierKind, DossierUnitLevel, RequestedLevel, StepCode } from "./regime.ts";

export interface SnapshotCriterion {
  code: string;
  name: string;
  /** Status at the requested level when the dossier was filed. */
  status: IndicatorStatus;
}

/** The assessment frozen when the dossier was filed; later edits of the values do not change it. */
export interface DossierSnapshot {
  setCode: string;
  setVersion: number;
  year: number;
  criteriaMet: number;
  criteriaTotal: number;
  /** Highest level the engine found at filing time. */
  levelReached: RequestedLevel | null;
  /** Whether the engine found the requested level reached. */
  requestedLevelReached: boolean;
  criteria: SnapshotCriterion[];
  takenAt: string;
}

export interface FrontComment {
  organisation: string;
  date: string;
  content: string;
}

export interface SatisfactionContent {
  /** Districts: the commune the content was surveyed in. */
  commune?: string;
  content: string;
  rate: number;
}

export interface CouncilMember {
  name: string;
  vote: "for" | "against" | "abstain";
}

export interface StepDataMap {
  self_assessment: { reportNumber: string; reportDate: string };
  front_comments: { comments: FrontComment[] };
  public_posting: {
    postingFrom: string;
    postingTo: string;
    places: string[];
    /** ISO dates of each loudspeaker broadcast. */
    broadcasts: string[];
  };
  satisfaction_survey: {
    formsIssued: number;
    formsReturned: number;
    formsSatisfied: number;
    contents: SatisfactionContent[];
  };
  verification: {
    reportNumber: string;
    reportDate: string;
    noticeDate: string;
    noConstructionDebt: boolean;
    debtEvidence: string;
    securityNotComplicated: boolean;
  };
  appraisal: { siteVisitDate: string; siteVisitNote: string };
  council_vote: { meetingDate: string; members: CouncilMember[] };
  decision: { decisionNumber: string; decisionDate: string; signer: string; publishedOn: string };
  revocation_proposal: { reportNumber: string; reportDate: string; reason: string };
  revocation_review: { reportNumber: string; reportDate: string; conclusion: string };
  revocation_decision: {
    decisionNumber: string;
    decisionDate: string;
    signer: string;
    publishedOn: string;
  };
}

export type StepData = StepDataMap[StepCode];

export interface StepRecord {
  code: StepCode;
  status: "pending" | "completed";
  completedAt: string | null;
  completedBy: string | null;
  data: StepData | null;
}

export interface DepartmentConfirmation {
  criterionCode: string;
  by: string;
  department: string | null;
  at: string;
}

export interface ReturnReason {
  criterionCode?: string;
  document?: string;
  text: string;
}

export interface ReturnRecord {
  round: number;
  fromStep: StepCode;
  toStep: StepCode;
  by: string;
  at: string;
  reasons: ReturnReason[];
}

/** Why the revocation watch flagged a unit. */
export interface RevocationFlag {
  rule: "key_criteria" | "half_unmet" | "district_communes";
  unmetShare: number;
  unmetCriteria: string[];
  keyCriteriaUnmet: string[];
  reason: string;
}

export interface DossierState {
  kind: DossierKind;
  regimeCode: string;
  unitLevel: DossierUnitLevel;
  requestedLevel: RequestedLevel;
  status: "open" | "decided";
  currentStep: number;
  /** Starts at 1; every return opens a new round. */
  round: number;
  steps: StepRecord[];
  confirmations: DepartmentConfirmation[];
  returns: ReturnRecord[];
  snapshot: DossierSnapshot;
  /** Revocation dossiers: the watch result they were opened on. */
  revocationFlag: RevocationFlag | null;
}
