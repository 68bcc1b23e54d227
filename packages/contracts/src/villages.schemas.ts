import { z } from "zod";
import { villageRecognitionStates, villageSetKinds } from "@ntm/domain";
import { isoDateSchema, valuesInputSchema } from "./api.schemas.ts";
import { assessmentResultSchema } from "./scorecard.schema.ts";

const name = z
  .string("Nhập tên thôn")
  .trim()
  .min(3, "Nhập tên thôn, ví dụ: Thôn Tân An, Bản Nà Lừa, Ấp 3, Tổ dân phố 5")
  .max(120, "Tên thôn dài quá 120 ký tự");
const basis = z
  .string("Nhập số và ngày văn bản (ví dụ: Nghị quyết 05/NQ-HĐND ngày 12/03/2025)")
  .trim()
  .min(3, "Nhập số và ngày văn bản (ví dụ: Nghị quyết 05/NQ-HĐND ngày 12/03/2025)")
  .max(300);
const villageCode = z.string().min(1).max(30);

/** POST /api/communes/:code/villages: a new village of the commune from a date. */
export const villageCreateInputSchema = z
  .object({ name, validFrom: isoDateSchema, basis })
  .strict();
export type VillageCreateInput = z.infer<typeof villageCreateInputSchema>;

/** PATCH /api/villages/:code: renamed from a date (a new version), or dissolved after a date. */
export const villageEditInputSchema = z
  .object({
    effectiveFrom: isoDateSchema,
    basis,
    name: name.optional(),
    dissolve: z.boolean().optional(),
  })
  .strict()
  .refine((input) => input.name !== undefined || input.dissolve === true, {
    message: "Nhập tên mới hoặc chọn giải thể thôn.",
  });
export type VillageEditInput = z.infer<typeof villageEditInputSchema>;

/** POST /api/communes/:code/villages/merge: villages of the commune merged into a new one. */
export const villageMergeInputSchema = z
  .object({
    from: z
      .array(villageCode)
      .min(2, "Chọn ít nhất hai thôn để sáp nhập")
      .max(20, "Sáp nhập tối đa 20 thôn một lần"),
    name,
    effectiveFrom: isoDateSchema,
    basis,
  })
  .strict();
export type VillageMergeInput = z.infer<typeof villageMergeInputSchema>;

export const villageValuesInputSchema = valuesInputSchema;

const decisionNumber = z.string("Nhập số quyết định").trim().min(1, "Nhập số quyết định").max(60);
const reason = z.string("Nhập lý do").trim().min(3, "Nhập lý do").max(1000);

/** POST /api/villages/:code/recognitions/:setCode: one step of the village regime. */
export const villageRecognitionActionSchema = z.discriminatedUnion(
  "type",
  [
    z
      .object({
        type: z.literal("self_assess"),
        year: z.number().int().min(2000).max(2100),
        reportNumber: z.string("Nhập số báo cáo").trim().min(1, "Nhập số báo cáo").max(60),
        reportDate: isoDateSchema,
      })
      .strict(),
    z
      .object({ type: z.literal("recognise"), decisionNumber, decisionDate: isoDateSchema })
      .strict(),
    z.object({ type: z.literal("refuse"), reason }).strict(),
    z
      .object({
        type: z.literal("revoke"),
        decisionNumber,
        decisionDate: isoDateSchema,
        reason,
      })
      .strict(),
  ],
  { error: "Bước không hợp lệ: self_assess, recognise, refuse hoặc revoke" },
);
export type VillageRecognitionActionInput = z.infer<typeof villageRecognitionActionSchema>;

export const villageSetSummarySchema = z.object({
  id: z.number(),
  code: z.string(),
  version: z.number(),
  name: z.string(),
  kind: z.enum(villageSetKinds),
  kindName: z.string(),
  illustrative: z.boolean(),
  basis: z.object({ document: z.string(), date: z.string().optional() }),
  /** Null when the set assesses the commune's villages; otherwise why not (a ward's villages). */
  refusal: z.string().nullable(),
});

export const villageRecognitionSchema = z.object({
  setCode: z.string(),
  status: z.enum(villageRecognitionStates),
  statusName: z.string(),
  year: z.number(),
  reportNumber: z.string(),
  reportDate: z.string(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  reason: z.string().nullable(),
});

export const villageRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  results: z.array(
    z.object({
      setCode: z.string(),
      criteriaMet: z.number(),
      criteriaTotal: z.number(),
      meets: z.boolean(),
    }),
  ),
  recognitions: z.array(villageRecognitionSchema),
  /** Villages this one was formed from, when it came from a merger. */
  formedFrom: z.array(z.object({ code: z.string(), name: z.string() })),
});

/** GET /api/communes/:code/villages?year=: the commune's villages in force at the end of the year. */
export const villageListResponseSchema = z.object({
  commune: z.object({ code: z.string(), name: z.string() }),
  year: z.number(),
  canManage: z.boolean(),
  canEnter: z.boolean(),
  canRecognise: z.boolean(),
  sets: z.array(villageSetSummarySchema),
  villages: z.array(villageRowSchema),
});
export type VillageListResponse = z.infer<typeof villageListResponseSchema>;

export const villageSchema = z.object({
  code: z.string(),
  name: z.string(),
  communeCode: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

/** GET /api/villages/:code/sets/:setCode/assessments/:year: the engine's result for a village. */
export const villageScorecardResponseSchema = z.object({
  village: villageSchema,
  commune: z.object({ code: z.string(), name: z.string() }),
  set: villageSetSummarySchema,
  year: z.number(),
  version: z.number(),
  result: assessmentResultSchema,
  recognition: villageRecognitionSchema.nullable(),
  canEnter: z.boolean(),
  canRecognise: z.boolean(),
});
export type VillageScorecardResponse = z.infer<typeof villageScorecardResponseSchema>;

const countsSchema = z.object({
  villages: z.number(),
  meeting: z.number(),
  recognised: z.number(),
  recognisedShare: z.number().nullable(),
});

/** GET /api/units/:code/villages-summary?year=: villages meeting and recognised, per commune. */
export const villageSummaryResponseSchema = z.object({
  unit: z.object({ code: z.string(), name: z.string(), level: z.string() }),
  year: z.number(),
  sets: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      kindName: z.string(),
      illustrative: z.boolean(),
      total: countsSchema,
      communes: z.array(z.object({ code: z.string(), name: z.string(), counts: countsSchema })),
    }),
  ),
});
export type VillageSummaryResponse = z.infer<typeof villageSummaryResponseSchema>;
