import { z } from "zod";
import type {
  DossierState,
  RegimeConfig,
  RevocationFlag,
  CheckResult,
  MergerRecognition,
  StepCode,
} from "@ntm/domain";
import { isoDateSchema, yearSchema } from "./api.schemas.ts";

const text = (max = 2000) => z.string().trim().min(1, "Không được để trống").max(max);
const count = z.number().int().min(0, "Phải từ 0 trở lên");

export const stepCodeSchema = z.enum([
  "self_assessment",
  "front_comments",
  "public_posting",
  "satisfaction_survey",
  "verification",
  "appraisal",
  "council_vote",
  "decision",
  "revocation_proposal",
  "revocation_review",
  "revocation_decision",
]);

/** What each step records; the domain checks the rules (broadcasts, satisfaction, votes). */
export const stepDataSchemas = {
  self_assessment: z.object({ reportNumber: text(100), reportDate: isoDateSchema }),
  front_comments: z.object({
    comments: z
      .array(z.object({ organisation: text(200), date: isoDateSchema, content: text() }))
      .max(50),
  }),
  public_posting: z.object({
    postingFrom: isoDateSchema,
    postingTo: isoDateSchema,
    places: z.array(text(200)).min(1, "Ghi ít nhất một nơi niêm yết").max(50),
    broadcasts: z.array(isoDateSchema).max(100),
  }),
  satisfaction_survey: z.object({
    formsIssued: count,
    formsReturned: count,
    formsSatisfied: count,
    contents: z
      .array(
        z.object({
          commune: z.string().trim().max(200).optional(),
          content: text(200),
          rate: z.number().min(0).max(100),
        }),
      )
      .max(500)
      .default([]),
  }),
  verification: z.object({
    reportNumber: text(100),
    reportDate: isoDateSchema,
    noticeDate: isoDateSchema,
    noConstructionDebt: z.boolean(),
    debtEvidence: z.string().trim().max(500),
    securityNotComplicated: z.boolean(),
  }),
  appraisal: z.object({ siteVisitDate: isoDateSchema, siteVisitNote: text() }),
  council_vote: z.object({
    meetingDate: isoDateSchema,
    members: z
      .array(z.object({ name: text(200), vote: z.enum(["for", "against", "abstain"]) }))
      .max(100),
  }),
  decision: z.object({
    decisionNumber: text(100),
    decisionDate: isoDateSchema,
    signer: text(200),
    publishedOn: isoDateSchema,
  }),
  revocation_proposal: z.object({
    reportNumber: text(100),
    reportDate: isoDateSchema,
    reason: text(),
  }),
  revocation_review: z.object({
    reportNumber: text(100),
    reportDate: isoDateSchema,
    conclusion: text(),
  }),
  revocation_decision: z.object({
    decisionNumber: text(100),
    decisionDate: isoDateSchema,
    signer: text(200),
    publishedOn: isoDateSchema,
  }),
} satisfies Record<StepCode, z.ZodType>;

export const createDossierInputSchema = z.object({
  kind: z.enum(["recognition", "revocation"]).default("recognition"),
  unitCode: text(50),
  year: yearSchema,
  requestedLevel: z.enum(["standard", "advanced", "model"]).default("standard"),
  batchId: z.number().int().positive(),
});
export type CreateDossierInput = z.infer<typeof createDossierInputSchema>;

export const dossierListQuerySchema = z.object({
  unit: z.string().optional(),
  batch: z.coerce.number().int().positive().optional(),
  status: z.enum(["open", "decided"]).optional(),
});

export const dossierReturnInputSchema = z.object({
  reasons: z
    .array(
      z.object({
        criterionCode: z.string().trim().max(20).optional(),
        document: z.string().trim().max(200).optional(),
        text: text(),
      }),
    )
    .min(1, "Nêu ít nhất một lý do")
    .max(50),
});
export type DossierReturnInput = z.infer<typeof dossierReturnInputSchema>;

export const dossierConfirmInputSchema = z.object({
  criteria: z.array(z.string().max(20)).min(1).max(100),
});

export const dossierBatchInputSchema = z.object({
  provinceCode: text(50),
  name: text(200),
  year: yearSchema,
  deadline: isoDateSchema,
});

export const revocationWatchQuerySchema = z.object({ unit: z.string().min(1), year: yearSchema });

export interface BatchDto {
  id: number;
  provinceCode: string;
  name: string;
  year: number;
  deadline: string;
}

export interface DossierSummaryDto {
  id: number;
  kind: DossierState["kind"];
  unitCode: string;
  unitName: string;
  year: number;
  requestedLevel: string;
  status: DossierState["status"];
  currentStep: StepCode;
  currentStepName: string;
  actingRole: string;
  round: number;
  batch: BatchDto | null;
  due: string | null;
  overdue: boolean;
  demo: boolean;
}

export interface DossierEventDto {
  id: number;
  at: string;
  username: string;
  role: string;
  type: string;
  step: string | null;
  round: number;
  payload: unknown;
}

export interface DossierDocumentDto {
  id: number;
  stepCode: string;
  fileName: string;
  mimeType: string;
  size: number;
  uploadedBy: string;
  uploadedAt: string;
}

export interface SnapshotDiffRow {
  criterionCode: string;
  name: string;
  atFiling: string;
  now: string;
}

export interface RecognitionHistoryDto {
  id: number;
  unitCode: string;
  level: string;
  year: number;
  decisionNumber: string;
  decisionDate: string;
  dossierId: number | null;
  endedOn: string | null;
  endReason: string | null;
  revokedByDecision: string | null;
}

export interface DossierDetailDto extends DossierSummaryDto {
  regime: RegimeConfig;
  state: DossierState;
  dueDates: { code: string; due: string }[];
  conditions: CheckResult[];
  /** Criteria whose status today differs from the snapshot. */
  snapshotDiff: SnapshotDiffRow[];
  events: DossierEventDto[];
  documents: DossierDocumentDto[];
  actions: { complete: boolean; confirm: boolean; return: boolean; confirmable: string[] };
  history: RecognitionHistoryDto[];
  lineage: {
    predecessors: { code: string; name: string; effectiveDate: string }[];
    merger: MergerRecognition | null;
  };
}

export interface WatchRowDto {
  unitCode: string;
  unitName: string;
  recognisedLevel: string;
  decisionNumber: string;
  flag: RevocationFlag | null;
  criteriaMet: number | null;
  criteriaTotal: number | null;
}

export interface WatchResponse {
  unit: { code: string; name: string; level: string };
  year: number;
  setCode: string | null;
  keyCriteria: string[];
  communes: WatchRowDto[];
  candidates: WatchRowDto[];
  /** For a district: its communes' revocations. */
  district: { flag: RevocationFlag | null } | null;
}

export interface InboxItemDto extends DossierSummaryDto {
  why: string;
}
