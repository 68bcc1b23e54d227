import { z } from "zod";
import type {
  DossierState,
  RegimeConfig,
  RevocationFlag,
  CheckResult,
  MergerRecognition,
  StepCode,
} from "@ntm/domain";
import { isoDateSchema, roleSchema, yearSchema } from "./api.schemas.ts";

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

/* ---------- regimes as data (data/regimes/*.json, `ntm regimes import`) ---------- */

const recognitionSteps: readonly StepCode[] = [
  "self_assessment",
  "front_comments",
  "public_posting",
  "satisfaction_survey",
  "verification",
  "appraisal",
  "council_vote",
  "decision",
];
const revocationSteps: readonly StepCode[] = [
  "revocation_proposal",
  "revocation_review",
  "revocation_decision",
];
const originSchema = z.enum(["source", "default"]);
const percent = z.number().min(0).max(100);
const share = z.number().gt(0).lt(1);

/**
 * A dossier regime file: the ordered steps of one legal period with the acting role, documents
 * and due rule of each, and the numeric rules. Every detail says whether it comes from a cited
 * source or is a default the province sets.
 */
export const regimeFileSchema = z
  .object({
    format: z.literal("ntm-dossier-regime/1"),
    code: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,79}$/, "Mã quy trình: chữ thường, số và dấu gạch ngang"),
    name: text(300),
    kind: z.enum(["recognition", "revocation"]),
    validFrom: isoDateSchema,
    validTo: isoDateSchema.nullable(),
    basis: text(500),
    steps: z
      .array(
        z.object({
          code: stepCodeSchema,
          name: text(300),
          actingRole: roleSchema.exclude(["viewer"]),
          documents: z.array(text(300)).max(20),
          due: z.object({
            kind: z.enum(["beforeBatchDeadline", "afterPrevious"]),
            days: z.number().int().min(0).max(365),
            unit: z.enum(["calendar", "working"]).optional(),
          }),
          dueOrigin: originSchema,
        }),
      )
      .min(1),
    rules: z.object({
      minBroadcasts: z.number().int().min(1).max(100),
      broadcastWindowDays: z.number().int().min(1).max(365),
      satisfaction: z.object({
        commune: z.object({
          overall: percent,
          perContentEachCommune: percent.optional(),
          origin: originSchema,
        }),
        district: z.object({
          overall: percent,
          perContentEachCommune: percent.optional(),
          origin: originSchema,
        }),
      }),
      councilApprovalShare: z.number().min(0).lt(1),
      councilOrigin: originSchema,
      revocation: z.object({ keyShare: share, anyShare: share, districtCommuneShare: share }),
    }),
  })
  .superRefine((file, ctx) => {
    if (file.validTo !== null && file.validTo < file.validFrom) {
      ctx.addIssue({
        code: "custom",
        path: ["validTo"],
        message: "Ngày hết hiệu lực trước ngày có hiệu lực",
      });
    }
    // The state machine knows these steps: a regime may drop none and must keep their order.
    const expected = file.kind === "recognition" ? recognitionSteps : revocationSteps;
    const codes = file.steps.map((step) => step.code);
    if (codes.join(",") !== expected.join(",")) {
      ctx.addIssue({
        code: "custom",
        path: ["steps"],
        message: `Các bước phải đúng thứ tự: ${expected.join(", ")}`,
      });
    }
    if (file.rules.revocation.keyShare > file.rules.revocation.anyShare) {
      ctx.addIssue({
        code: "custom",
        path: ["rules", "revocation", "keyShare"],
        message: "Ngưỡng có tiêu chí trọng yếu phải nhỏ hơn hoặc bằng ngưỡng chung",
      });
    }
  });
export type RegimeFile = z.infer<typeof regimeFileSchema>;

export interface RegimeVersionDto {
  id: number;
  code: string;
  version: number;
  kind: RegimeConfig["kind"];
  name: string;
  validFrom: string;
  validTo: string | null;
  /** Whether this is the newest version of its code (the one new dossiers follow). */
  current: boolean;
  importedAt: string;
  importedBy: string;
  dossiers: number;
  regime: RegimeConfig;
}

export const regimeListQuerySchema = z.object({
  all: z
    .enum(["true", "false"])
    .optional()
    .transform((value) => value === "true"),
});

export const notificationEmailInputSchema = z.object({
  email: z.union([z.email("Địa chỉ e-mail không hợp lệ").max(200), z.literal(""), z.null()]),
});

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
  signer: string | null;
  /** "merger": recognised by decision after a merger (CV 267), without a dossier. */
  basis: string | null;
}

export interface DossierDetailDto extends DossierSummaryDto {
  /** The regime version the dossier was filed under (later versions do not change it). */
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
  lineage: LineageDto;
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

/** A commune formed by a merger: its predecessors and the CV 267 rule's outcome. */
export interface LineageDto {
  predecessors: {
    code: string;
    name: string;
    effectiveDate: string;
    /** The level the predecessor held on the day before the merger. */
    recognisedLevel: string | null;
  }[];
  merger: MergerRecognition | null;
}

export interface MergerDetailDto {
  unit: { code: string; name: string };
  lineage: LineageDto;
  /** The level the new commune holds now, if any. */
  currentLevel: string | null;
  history: RecognitionHistoryDto[];
  /** The signed-in user may record the decision now. */
  canDecide: boolean;
}

export interface MergedUnitDto {
  code: string;
  name: string;
  effectiveDate: string;
  predecessors: number;
  path: "decision" | "full_procedure";
  currentLevel: string | null;
}

export const mergerDecisionInputSchema = z.object({
  decisionNumber: text(100),
  decisionDate: isoDateSchema,
  signer: text(200),
});
export type MergerDecisionInput = z.infer<typeof mergerDecisionInputSchema>;
