import { z } from "zod";
import { isoDateSchema, yearSchema } from "./api.schemas.ts";
import { batchSchema } from "./dossiers.schemas.ts";

const dossierKindSchema = z.enum(["recognition", "revocation"]);
const filingLevelSchema = z.enum(["standard", "advanced", "model"]);

export const filingOptionsQuerySchema = z.object({
  kind: dossierKindSchema.default("recognition"),
});

/**
 * What a user needs to file a dossier without typing codes: whether the regime in force lets its
 * role file, the units of its scope it may file for, and the batches still open.
 */
export const filingOptionsSchema = z.object({
  kind: dossierKindSchema,
  canFile: z.boolean(),
  /** The access policy's reason (why the user may not file, or why it may). */
  reason: z.string(),
  /** Recognition: the assessed communes of the scope; revocation: its recognised communes. */
  units: z.array(
    z.object({ code: z.string(), name: z.string(), parentName: z.string().nullable() }),
  ),
  /** Batches of the province whose deadline is today or later, the nearest first. */
  batches: z.array(batchSchema),
  today: isoDateSchema,
});
export type FilingOptions = z.infer<typeof filingOptionsSchema>;

export const filingCheckQuerySchema = z.object({
  unit: z.string().trim().min(1, "Chọn xã").max(50),
  year: yearSchema,
  level: filingLevelSchema.default("standard"),
});

/** How a unit stands before a recognition dossier is filed, read from its evaluation. */
export const filingCheckSchema = z.object({
  unit: z.object({ code: z.string(), name: z.string() }),
  year: z.number(),
  level: filingLevelSchema,
  criteriaMet: z.number(),
  criteriaTotal: z.number(),
  /** The criteria not met at the level asked (or without data), in numeric order. */
  unmet: z.array(
    z.object({ code: z.string(), name: z.string(), status: z.enum(["not_met", "missing"]) }),
  ),
  /** A dossier of the unit still in progress: a second one would be refused. */
  openDossierId: z.number().nullable(),
  /** Why the unit already holds this recognition (a second one would be refused), or null. */
  duplicate: z.string().nullable(),
});
export type FilingCheck = z.infer<typeof filingCheckSchema>;
