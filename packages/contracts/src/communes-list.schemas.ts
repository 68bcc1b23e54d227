import { z } from "zod";
import { idSchema, yearSchema } from "./api.schemas.ts";
import { levelCodeSchema } from "./scorecard.schema.ts";

export const criterionStatusSchema = z.enum(["met", "not_met", "missing"]);
export type CriterionStatus = z.infer<typeof criterionStatusSchema>;

const countSchema = z.coerce.number().int().min(0).max(100);

/** Most communes one export of a selection names; a larger selection is "Xuất tất cả" with a filter. */
export const maxSelectedCodes = 1000;

/**
 * GET /api/units/CODE/communes: the communes behind one figure of the overview or the dashboard.
 * Each filter is the figure's own rule, so the list is exactly as long as the figure.
 */
export const communeListQuerySchema = z.object({
  year: yearSchema,
  /** A level count ("none": evaluated, no level). */
  level: z.union([levelCodeSchema, z.literal("none")]).optional(),
  /** At this level or above (a target counting communes at a level). */
  atLeast: levelCodeSchema.optional(),
  /** A bar of the histogram: exactly N criteria met. */
  criteriaMet: countSchema.optional(),
  /** The lagging list: fewer than N criteria met. */
  below: countSchema.optional(),
  /** N criteria met or more. */
  minCriteria: countSchema.optional(),
  /** Evaluated (a stored result this year) or not yet. */
  data: z.enum(["evaluated", "missing"]).optional(),
  /** A criterion of the set in force, shown with each commune's status on it. */
  criterion: z.string().trim().min(1).max(20).optional(),
  status: criterionStatusSchema.optional(),
  /** The communes a target finds behind (its "còn thiếu"). */
  target: idSchema.optional(),
});
export type CommuneListQuery = z.infer<typeof communeListQuerySchema>;

/** The export of the list: the same filters, and the communes chosen when only some are wanted. */
export const communeListExportQuerySchema = communeListQuerySchema.extend({
  codes: z
    .string()
    .max(maxSelectedCodes * 24)
    .transform((text) => [...new Set(text.split(",").map((code) => code.trim()))].filter(Boolean))
    .pipe(z.array(z.string().max(20)).min(1).max(maxSelectedCodes))
    .optional(),
});

export const communeListRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  parentName: z.string().nullable(),
  /** Null when the commune has no stored result for the year. */
  criteriaMet: z.number().nullable(),
  criteriaTotal: z.number().nullable(),
  level: levelCodeSchema.nullable(),
  /** The commune's status on the criterion asked for; null without one. */
  criterionStatus: criterionStatusSchema.nullable(),
  demo: z.boolean(),
});
export type CommuneListRow = z.infer<typeof communeListRowSchema>;

export const communeListResponseSchema = z.object({
  unit: z.object({ code: z.string(), name: z.string(), level: z.string() }),
  /** The year of the results listed (a target past its deadline is judged at its deadline). */
  year: z.number(),
  levels: z.array(z.object({ code: levelCodeSchema, name: z.string() })),
  criterion: z.object({ code: z.string(), name: z.string() }).nullable(),
  target: z.object({ id: z.number(), name: z.string() }).nullable(),
  /** Assessed communes of the unit, before any filter. */
  communes: z.number(),
  rows: z.array(communeListRowSchema),
  demo: z.boolean(),
});
export type CommuneListResponse = z.infer<typeof communeListResponseSchema>;
