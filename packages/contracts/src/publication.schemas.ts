import { z } from "zod";
import { publicationKinds, targetStatuses } from "@ntm/domain";

/* ---------- the province's choice (signed in) ---------- */
export const publicationKindSchema = z.enum(publicationKinds, {
  message: "Loại dữ liệu công khai không hợp lệ",
});

export const publicationEntrySchema = z.object({
  year: z.number({ message: "Năm phải là số" }).int("Năm phải là số nguyên"),
  kinds: z.array(publicationKindSchema).max(publicationKinds.length * 2),
});

export const publicationInputSchema = z.object({
  entries: z.array(publicationEntrySchema).max(50, "Tối đa 50 năm"),
});
export type PublicationInput = z.infer<typeof publicationInputSchema>;

export const publicationResponseSchema = z.object({
  provinceCode: z.string(),
  provinceName: z.string(),
  entries: z.array(z.object({ year: z.number(), kinds: z.array(publicationKindSchema) })),
  /** The years a province may choose from: the programme's first year to the current one. */
  years: z.array(z.number()),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
  can: z.object({ edit: z.boolean() }),
});
export type PublicationResponse = z.infer<typeof publicationResponseSchema>;

/* ---------- the public page (no session) ---------- */
const levelSchema = z.enum(["standard", "advanced", "model", "modern"]);

export const publicProvinceListSchema = z.object({
  provinces: z.array(z.object({ code: z.string(), name: z.string(), years: z.array(z.number()) })),
});
export type PublicProvinceList = z.infer<typeof publicProvinceListSchema>;

export const publicProvinceSchema = z.object({
  code: z.string(),
  name: z.string(),
  years: z.array(z.object({ year: z.number(), kinds: z.array(publicationKindSchema) })),
});
export type PublicProvince = z.infer<typeof publicProvinceSchema>;

const recognitionSchema = z.object({
  level: levelSchema,
  levelName: z.string(),
  year: z.number(),
  decisionNumber: z.string(),
  decisionDate: z.string(),
});

export const publicCommunesSchema = z.object({
  year: z.number(),
  demo: z.boolean(),
  communes: z.array(
    z.object({ code: z.string(), name: z.string(), recognition: recognitionSchema.nullable() }),
  ),
});
export type PublicCommunes = z.infer<typeof publicCommunesSchema>;

export const publicCriteriaSchema = z.object({
  year: z.number(),
  demo: z.boolean(),
  communes: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      criteriaMet: z.number(),
      criteriaTotal: z.number(),
    }),
  ),
});
export type PublicCriteria = z.infer<typeof publicCriteriaSchema>;

export const publicCommuneCriteriaSchema = z.object({
  year: z.number(),
  demo: z.boolean(),
  code: z.string(),
  name: z.string(),
  setName: z.string(),
  criteriaMet: z.number(),
  criteriaTotal: z.number(),
  criteria: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      status: z.enum(["met", "not_met", "missing"]),
    }),
  ),
});
export type PublicCommuneCriteria = z.infer<typeof publicCommuneCriteriaSchema>;

export const publicDecisionsSchema = z.object({
  year: z.number(),
  demo: z.boolean(),
  decisions: z.array(
    z.object({
      kind: z.enum(["recognition", "revocation"]),
      unitCode: z.string(),
      unitName: z.string(),
      level: levelSchema,
      levelName: z.string(),
      decisionNumber: z.string(),
      decisionDate: z.string(),
      /** The decision's PDF on the public page, when the province holds one. */
      pdfUrl: z.string().nullable(),
    }),
  ),
});
export type PublicDecisions = z.infer<typeof publicDecisionsSchema>;

export const publicTargetsSchema = z.object({
  year: z.number(),
  demo: z.boolean(),
  targets: z.array(
    z.object({
      id: z.number(),
      unitName: z.string(),
      name: z.string(),
      requirement: z.string(),
      deadlineYear: z.number(),
      status: z.enum(targetStatuses),
      statusName: z.string(),
      actual: z.number().nullable(),
      target: z.number(),
      unit: z.string(),
    }),
  ),
});
export type PublicTargets = z.infer<typeof publicTargetsSchema>;
