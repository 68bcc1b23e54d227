import { z } from "zod";
import type { IndicatorKind, IndicatorStatus, ThresholdUsed } from "@ntm/domain";
import { indicatorValueSchema, yearSchema } from "./api.schemas.ts";

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

export interface EntrySheetIndicator {
  code: string;
  name: string;
  kind: IndicatorKind;
  unit?: string;
  min?: number;
  max?: number;
  integer?: boolean;
  criterionCode: string;
  criterionName: string;
  /** Whether this user may write the indicator (a department only its own criteria). */
  writable: boolean;
}

export interface EntrySheetCell {
  value: number | boolean | null;
  status: IndicatorStatus;
  threshold?: ThresholdUsed;
}

export interface EntrySheetRow {
  unitCode: string;
  unitName: string;
  parentName: string | null;
  /** The assessment version read, sent back with the save. */
  version: number;
  /** Indicator codes of this commune the user may write. */
  writable: string[];
  cells: Record<string, EntrySheetCell>;
}

/** GET /api/units/CODE/entry-sheet: the communes of a scope × chosen indicators. */
export interface EntrySheetResponse {
  year: number;
  unit: { code: string; name: string; level: string };
  set: { code: string; name: string } | null;
  catalog: EntrySheetIndicator[];
  indicators: string[];
  rows: EntrySheetRow[];
}

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
export type EntrySheetRowResult =
  | { unitCode: string; ok: true; version: number; criteriaMet: number; criteriaTotal: number }
  | {
      unitCode: string;
      ok: false;
      code: string;
      message: string;
      details?: { path: string; message: string }[];
    };

/** POST /api/assessments/YEAR/values-by-unit. */
export interface EntrySheetSaveResponse {
  saved: number;
  failed: number;
  rows: EntrySheetRowResult[];
}
