import { z } from "zod";
import type { IndicatorKind, IndicatorStatus } from "@ntm/domain";
import { indicatorValueSchema, yearSchema } from "./api.schemas.ts";
import { registrySourceSchema, thresholdUsedSchema } from "./scorecard.schema.ts";

/* ---------- entry by commune: one or a few indicators over the communes of a scope ---------- */

export const entrySheetQuerySchema = z.object({
  year: yearSchema,
  /** Indicator codes, comma-separated; none gives the catalog only. */
  indicators: z
    .string()
    .max(400)
    .optional()
    .transform((text) =>
      (text ?? "")
        .split(",")
        .map((code) => code.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string()).max(10, "Chọn tối đa 10 chỉ tiêu một lần")),
});

export const entrySheetIndicatorSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(["boolean", "percent", "number"]),
  unit: z.string().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
  criterionCode: z.string(),
  criterionName: z.string(),
  /** Whether this user may write the indicator (a department only its own criteria). */
  writable: z.boolean(),
}) satisfies z.ZodType<{ kind: IndicatorKind }>;
export type EntrySheetIndicator = z.infer<typeof entrySheetIndicatorSchema>;

export const entrySheetCellSchema = z.object({
  value: z.union([z.number(), z.boolean(), z.null()]),
  status: z.enum(["met", "not_met", "missing"]) satisfies z.ZodType<IndicatorStatus>,
  threshold: thresholdUsedSchema.optional(),
});
export type EntrySheetCell = z.infer<typeof entrySheetCellSchema>;

export const entrySheetRowSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  parentName: z.string().nullable(),
  /** The assessment version read, sent back with the save. */
  version: z.number(),
  /** Indicator codes of this commune the user may write. */
  writable: z.array(z.string()),
  cells: z.record(z.string(), entrySheetCellSchema),
  /** The chosen indicators whose value a registry gives here (read-only), as the scorecard names them. */
  sourced: z.record(z.string(), registrySourceSchema).optional(),
});
export type EntrySheetRow = z.infer<typeof entrySheetRowSchema>;

/** GET /api/units/CODE/entry-sheet: the communes of a scope × chosen indicators. */
export const entrySheetResponseSchema = z.object({
  year: z.number(),
  unit: z.object({ code: z.string(), name: z.string(), level: z.string() }),
  set: z.object({ code: z.string(), name: z.string() }).nullable(),
  catalog: z.array(entrySheetIndicatorSchema),
  indicators: z.array(z.string()),
  rows: z.array(entrySheetRowSchema),
});
export type EntrySheetResponse = z.infer<typeof entrySheetResponseSchema>;

export const entrySheetSaveSchema = z.object({
  rows: z
    .array(
      z.object({
        unitCode: z.string().min(1),
        version: z.number().int().min(0),
        values: z
          .array(
            z.object({
              indicatorCode: z.string().min(1),
              value: indicatorValueSchema,
              note: z.string().max(2000).nullable().optional(),
            }),
          )
          .min(1)
          .max(50),
      }),
    )
    .min(1, "Cần ít nhất một xã")
    .max(300),
});
export type EntrySheetSave = z.infer<typeof entrySheetSaveSchema>;

export const entrySheetParamsSchema = z.object({ year: yearSchema });

/** One commune's outcome: each is saved in its own transaction. */
export const entrySheetRowResultSchema = z.discriminatedUnion("ok", [
  z.object({
    unitCode: z.string(),
    ok: z.literal(true),
    version: z.number(),
    criteriaMet: z.number(),
    criteriaTotal: z.number(),
  }),
  z.object({
    unitCode: z.string(),
    ok: z.literal(false),
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
]);
export type EntrySheetRowResult = z.infer<typeof entrySheetRowResultSchema>;

/** POST /api/assessments/YEAR/values-by-unit. */
export const entrySheetSaveResponseSchema = z.object({
  saved: z.number(),
  failed: z.number(),
  rows: z.array(entrySheetRowResultSchema),
});
export type EntrySheetSaveResponse = z.infer<typeof entrySheetSaveResponseSchema>;
