import { z } from "zod";
import type {
  DossierState,
  RegimeConfig,
  RevocationFlag,
  CheckResult,
  MergerRecognition,
  StepCode,
} from "@ntm/domain";
import { idSchema, isoDateSchema, roleSchema, yearSchema } from "./api.schemas.ts";

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

const regimeConfigSchema = z.custom<RegimeConfig>().meta({
  type: "object",
  description: "Quy trình: các bước, vai trò thực hiện, hạn và quy tắc số",
});

export const regimeVersionSchema = z.object({
  id: z.number(),
  code: z.string(),
  version: z.number(),
  kind: z.enum(["recognition", "revocation"]),
  name: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  /** Whether this is the newest version of its code (the one new dossiers follow). */
  current: z.boolean(),
  importedAt: z.string(),
  importedBy: z.string(),
  dossiers: z.number(),
  regime: regimeConfigSchema,
});
export type RegimeVersionDto = z.infer<typeof regimeVersionSchema>;

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
  batch: idSchema.optional(),
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

export const batchSchema = z.object({
  id: z.number(),
  provinceCode: z.string(),
  name: z.string(),
  year: z.number(),
  deadline: z.string(),
});
export type BatchDto = z.infer<typeof batchSchema>;

export const dossierSummarySchema = z.object({
  id: z.number(),
  kind: z.enum(["recognition", "revocation"]),
  unitCode: z.string(),
  unitName: z.string(),
  year: z.number(),
  requestedLevel: z.string(),
  status: z.enum(["open", "decided"]),
  currentStep: stepCodeSchema,
  currentStepName: z.string(),
  actingRole: z.string(),
  round: z.number(),
  batch: batchSchema.nullable(),
  due: z.string().nullable(),
  overdue: z.boolean(),
  demo: z.boolean(),
});
export type DossierSummaryDto = z.infer<typeof dossierSummarySchema>;

export const dossierEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  username: z.string(),
  role: z.string(),
  type: z.string(),
  step: z.string().nullable(),
  round: z.number(),
  payload: z.unknown(),
});
export type DossierEventDto = z.infer<typeof dossierEventSchema>;

export const dossierDocumentSchema = z.object({
  id: z.number(),
  stepCode: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
});
export type DossierDocumentDto = z.infer<typeof dossierDocumentSchema>;

export const snapshotDiffRowSchema = z.object({
  criterionCode: z.string(),
  name: z.string(),
  atFiling: z.string(),
  now: z.string(),
});
export type SnapshotDiffRow = z.infer<typeof snapshotDiffRowSchema>;

export const recognitionHistorySchema = z.object({
  id: z.number(),
  unitCode: z.string(),
  level: z.string(),
  year: z.number(),
  decisionNumber: z.string(),
  decisionDate: z.string(),
  dossierId: z.number().nullable(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  revokedByDecision: z.string().nullable(),
  signer: z.string().nullable(),
  /** "merger": recognised by decision after a merger (CV 267), without a dossier. */
  basis: z.string().nullable(),
});
export type RecognitionHistoryDto = z.infer<typeof recognitionHistorySchema>;

const requestedLevelSchema = z.enum(["standard", "advanced", "model"]);

const mergerRecognitionSchema = z.object({
  path: z.enum(["decision", "full_procedure"]),
  level: requestedLevelSchema.nullable(),
  reason: z.string(),
}) satisfies z.ZodType<MergerRecognition>;

/** A commune formed by a merger: its predecessors and the CV 267 rule's outcome. */
export const lineageSchema = z.object({
  predecessors: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      effectiveDate: z.string(),
      /** "partial": only part of the predecessor's area passed to this unit. */
      kind: z.enum(["full", "partial"]),
      /** The level the predecessor held on the day before the merger. */
      recognisedLevel: z.string().nullable(),
    }),
  ),
  merger: mergerRecognitionSchema.nullable(),
});
export type LineageDto = z.infer<typeof lineageSchema>;

const checkResultSchema = z.object({
  code: z.string(),
  label: z.string(),
  met: z.boolean(),
  reason: z.string(),
}) satisfies z.ZodType<CheckResult>;

export const dossierDetailSchema = dossierSummarySchema.extend({
  /** The regime version the dossier was filed under (later versions do not change it). */
  regime: regimeConfigSchema,
  state: z.custom<DossierState>().meta({
    type: "object",
    description: "Trạng thái hồ sơ: các bước, xác nhận, trả lại, ảnh chụp kết quả",
  }),
  dueDates: z.array(z.object({ code: z.string(), due: z.string() })),
  conditions: z.array(checkResultSchema),
  /** Criteria whose status today differs from the snapshot. */
  snapshotDiff: z.array(snapshotDiffRowSchema),
  events: z.array(dossierEventSchema),
  documents: z.array(dossierDocumentSchema),
  actions: z.object({
    complete: z.boolean(),
    confirm: z.boolean(),
    return: z.boolean(),
    confirmable: z.array(z.string()),
  }),
  /** What the access policy lets the user do: attach a file to the current step. */
  can: z.object({ attach: z.boolean() }),
  history: z.array(recognitionHistorySchema),
  lineage: lineageSchema,
});
export type DossierDetailDto = z.infer<typeof dossierDetailSchema>;

const revocationFlagSchema = z.object({
  rule: z.enum(["key_criteria", "half_unmet", "district_communes"]),
  unmetShare: z.number(),
  unmetCriteria: z.array(z.string()),
  keyCriteriaUnmet: z.array(z.string()),
  reason: z.string(),
}) satisfies z.ZodType<RevocationFlag>;

export const watchRowSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  recognisedLevel: z.string(),
  decisionNumber: z.string(),
  flag: revocationFlagSchema.nullable(),
  criteriaMet: z.number().nullable(),
  criteriaTotal: z.number().nullable(),
  /** A 2021–2025 recognition under the province's carry-over rule, once the 2026–2030 set is in force. */
  carryOver: z
    .object({
      status: z.enum(["in_force", "kept", "awaiting_reassessment", "reassessed", "lapsed"]),
      lapsedOn: z.string().nullable(),
      reason: z.string(),
    })
    .nullable()
    .optional(),
});
export type WatchRowDto = z.infer<typeof watchRowSchema>;

export const watchResponseSchema = z.object({
  unit: z.object({ code: z.string(), name: z.string(), level: z.string() }),
  year: z.number(),
  setCode: z.string().nullable(),
  keyCriteria: z.array(z.string()),
  /** Where the key criteria come from, and whether that was verified. */
  keyCriteriaNote: z.string().nullable().optional(),
  communes: z.array(watchRowSchema),
  candidates: z.array(watchRowSchema),
  /** For a district: its communes' revocations. */
  district: z.object({ flag: revocationFlagSchema.nullable() }).nullable(),
});
export type WatchResponse = z.infer<typeof watchResponseSchema>;

export const inboxItemSchema = dossierSummarySchema.extend({ why: z.string() });
export type InboxItemDto = z.infer<typeof inboxItemSchema>;

export const mergerDetailSchema = z.object({
  unit: z.object({ code: z.string(), name: z.string() }),
  lineage: lineageSchema,
  /** The level the new commune holds now, if any. */
  currentLevel: z.string().nullable(),
  history: z.array(recognitionHistorySchema),
  /** The signed-in user may record the decision now. */
  canDecide: z.boolean(),
});
export type MergerDetailDto = z.infer<typeof mergerDetailSchema>;

export const mergedUnitSchema = z.object({
  code: z.string(),
  name: z.string(),
  effectiveDate: z.string(),
  predecessors: z.number(),
  path: z.enum(["decision", "full_procedure"]),
  currentLevel: z.string().nullable(),
});
export type MergedUnitDto = z.infer<typeof mergedUnitSchema>;

export const regimeImportResultSchema = z.object({
  code: z.string(),
  version: z.number(),
  created: z.boolean(),
});

export const notificationEmailSchema = z.object({ email: z.string().nullable() });

export const mergerDecisionInputSchema = z.object({
  decisionNumber: text(100),
  decisionDate: isoDateSchema,
  signer: text(200),
});
export type MergerDecisionInput = z.infer<typeof mergerDecisionInputSchema>;
