import { z } from "zod";

/** `POST /api/admin/reform-import`: a dry run unless `dryRun` is false. */
export const reformImportBodySchema = z
  .object({
    dryRun: z.boolean().default(true),
    /** A new province code, or an old one for the new province that took it over (62 → 51). */
    province: z
      .string()
      .regex(/^\d{2}$/, "Mã tỉnh gồm 2 chữ số")
      .optional(),
  })
  .strict();

const typeCounts = { xa: z.number(), phuong: z.number(), dacKhu: z.number() };

/** What the import did (or, in a dry run, would do), with the checks against the data. */
export const reformImportResultSchema = z.object({
  dryRun: z.boolean(),
  effectiveDate: z.string(),
  provinces: z.array(z.string()),
  source: z.object({ provinces: z.number(), units: z.number(), ...typeCounts }),
  create: z.object({ provinces: z.number(), units: z.number(), ...typeCounts }),
  alreadyPresent: z.number(),
  close: z.object({ provinces: z.number(), districts: z.number(), communes: z.number() }),
  links: z.object({ full: z.number(), partial: z.number(), alreadyPresent: z.number() }),
  oldCommunesWithoutSuccessor: z.array(z.string()),
  newUnitsWithoutPredecessor: z.array(z.string()),
  missingInDatabase: z.array(z.string()),
  newUnitsWithoutPredecessorInDatabase: z.array(z.string()),
  closedWithoutSuccessor: z.array(z.string()),
  notInData: z.array(z.string()),
  regionChoices: z.array(
    z.object({ code: z.string(), name: z.string(), candidates: z.array(z.string()) }),
  ),
  /** Villages moved to the commune that took over theirs; those of a divided commune to place. */
  villages: z.object({
    moved: z.number(),
    toPlace: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        communeCode: z.string(),
        candidates: z.array(z.string()),
      }),
    ),
  }),
  unchanged: z.boolean(),
});
export type ReformImportResult = z.infer<typeof reformImportResultSchema>;
