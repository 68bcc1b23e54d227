import { z } from "zod";
import { isoDateSchema } from "./api.schemas.ts";

const levelCode = z.enum(["standard", "advanced", "model", "modern"]);

const decisionSchema = z.object({
  document: z.string().trim().min(1, "Cần số quyết định của tỉnh"),
  date: isoDateSchema,
});

/** Thresholds a province enters from its own decision: a new version of its set. */
export const catalogOverrideInputSchema = z.object({
  provinceCode: z.string().trim().min(1),
  /** The date the province's decision applies from; the set in force then is the base. */
  effectiveFrom: isoDateSchema,
  basis: decisionSchema,
  name: z.string().trim().min(1).max(300).optional(),
  entries: z
    .array(
      z.object({
        indicatorCode: z.string().trim().min(1),
        level: levelCode,
        classes: z.array(z.string().min(1)).min(1).optional(),
        value: z.union([z.number(), z.boolean()]),
      }),
    )
    .min(1, "Cần ít nhất một ngưỡng")
    .max(500),
});
export type CatalogOverrideInput = z.infer<typeof catalogOverrideInputSchema>;

/** How a province treats a 2021–2025 recognition once the 2026–2030 set is in force. */
export const carryOverInputSchema = z.object({
  mode: z.enum(["keep_until_reassessed", "reassess_by", "lapse_at_new_set"]),
  deadline: isoDateSchema.optional(),
  /** Null: no text deciding it was found. */
  basis: z
    .object({ document: z.string().trim().min(1), date: isoDateSchema.optional() })
    .nullable(),
  note: z.string().trim().max(1000).optional(),
});
export type CarryOverInput = z.infer<typeof carryOverInputSchema>;

export const carryOverResponseSchema = z.object({
  provinceCode: z.string(),
  rule: carryOverInputSchema,
  /** The rule in words. */
  text: z.string(),
  /** The date the new period's set is in force from. */
  newSetFrom: z.string(),
  /** True while the province has not chosen: the product's default applies. */
  isDefault: z.boolean(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
  can: z.object({ edit: z.boolean() }),
});
export type CarryOverResponse = z.infer<typeof carryOverResponseSchema>;
