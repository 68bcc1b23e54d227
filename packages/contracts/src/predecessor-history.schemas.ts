import { z } from "zod";
import { isoDateSchema } from "./api.schemas.ts";

export const predecessorHistoryQuerySchema = z.object({ asOf: isoDateSchema.optional() });

const predecessorYearSchema = z.object({
  year: z.number(),
  criteriaMet: z.number(),
  criteriaTotal: z.number(),
  /** The level the stored result reached, null below the standard level. */
  level: z.string().nullable(),
});

const predecessorRecognitionSchema = z.object({
  level: z.string(),
  year: z.number(),
  decisionNumber: z.string(),
  decisionDate: z.string(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
});

/**
 * A unit version the asked unit was formed from, with its own 2021–2025 results and recognitions.
 * `partial`: only part of its area passed, so its figures describe a different territory.
 */
export const predecessorHistorySchema = z.object({
  code: z.string(),
  name: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  kind: z.enum(["full", "partial"]),
  effectiveDate: z.string(),
  depth: z.number(),
  years: z.array(predecessorYearSchema),
  recognitions: z.array(predecessorRecognitionSchema),
});
export type PredecessorHistoryDto = z.infer<typeof predecessorHistorySchema>;

/** The 2021–2025 history of the units a unit was formed from; never summed into one figure. */
export const predecessorHistoryResponseSchema = z.object({
  unit: z.object({ code: z.string(), name: z.string(), validFrom: z.string() }),
  fromYear: z.number(),
  toYear: z.number(),
  predecessors: z.array(predecessorHistorySchema),
});
export type PredecessorHistoryResponse = z.infer<typeof predecessorHistoryResponseSchema>;
