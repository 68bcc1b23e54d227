import { z } from "zod";
import type { AssessmentResult, ThresholdUsed, UnitsSummary } from "@ntm/domain";
import { evidenceSchema, unitDetailSchema } from "./api.schemas.ts";
import { legalBasisSchema } from "./criteria-set.schema.ts";

export const levelCodeSchema = z.enum(["standard", "advanced", "model", "modern"]);
const statusSchema = z.enum(["met", "not_met", "missing"]);

export const reasonSchema = z.object({
  code: z.enum([
    "met",
    "not_met",
    "missing_value",
    "no_threshold",
    "invalid_value",
    "no_indicators",
    "indicators_not_met",
    "indicators_missing",
    "all_met",
  ]),
  /** Explanation in Vietnamese, ready to show. */
  text: z.string(),
});

export const thresholdUsedSchema = z.object({
  level: levelCodeSchema,
  comparator: z.enum([">=", "<=", ">", "<", "is"]),
  value: z.union([z.number(), z.boolean()]),
  classValue: z.string().optional(),
  classLabel: z.string().optional(),
  fromYear: z.number().optional(),
  toYear: z.number().optional(),
  basis: legalBasisSchema,
  status: z.enum(["confirmed", "unverified"]),
  note: z.string().optional(),
  derived: z
    .object({ fromLevel: levelCodeSchema, factor: z.number(), baseValue: z.number() })
    .optional(),
  overrideRule: z.string().optional(),
}) satisfies z.ZodType<ThresholdUsed>;

const indicatorResultSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(["boolean", "percent", "number"]),
  unit: z.string().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
  value: z.union([z.number(), z.boolean(), z.null()]),
  byLevel: z.partialRecord(
    levelCodeSchema,
    z.object({
      status: statusSchema,
      threshold: thresholdUsedSchema.optional(),
      reason: reasonSchema,
    }),
  ),
});

const missingItemSchema = z.object({
  criterionCode: z.string().optional(),
  criterionName: z.string().optional(),
  indicatorCode: z.string(),
  indicatorName: z.string(),
  status: z.enum(["not_met", "missing"]),
  reason: reasonSchema,
});

/** The engine's result for one commune and year: every level, criterion and indicator, with why. */
export const assessmentResultSchema = z.object({
  setCode: z.string(),
  setVersion: z.number(),
  unitCode: z.string(),
  year: z.number(),
  classValue: z.string().optional(),
  classLabel: z.string().optional(),
  overrideRule: z.object({ id: z.string(), description: z.string() }).optional(),
  criteriaMet: z.number(),
  criteriaTotal: z.number(),
  level: levelCodeSchema.nullable(),
  nextLevel: levelCodeSchema.nullable(),
  levels: z.array(
    z.object({
      level: levelCodeSchema,
      name: z.string(),
      reached: z.boolean(),
      criteriaMet: z.number(),
      criteriaTotal: z.number(),
      conditions: z.array(indicatorResultSchema),
      missing: z.array(missingItemSchema),
      reason: reasonSchema,
    }),
  ),
  criteria: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      group: z.string().optional(),
      byLevel: z.partialRecord(
        levelCodeSchema,
        z.object({
          status: statusSchema,
          indicatorsMet: z.number(),
          indicatorsTotal: z.number(),
          reason: reasonSchema,
        }),
      ),
      indicators: z.array(indicatorResultSchema),
    }),
  ),
  valuesEntered: z.number(),
  valuesExpected: z.number(),
  summary: reasonSchema,
}) satisfies z.ZodType<AssessmentResult>;

/** One letter per level of the set: m met, n not met, v no value or threshold, i refused, - n/a. */
const outcomeLettersSchema = z.string().regex(/^[mnvi-]*$/);

/** Where a registry-sourced value comes from: the village registry's set, or the OCOP registry. */
export const registrySourceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("villageRegistry"), setCode: z.string(), setName: z.string() }),
  z.object({ kind: z.literal("ocopRegistry"), minStars: z.number() }),
]);
export type RegistrySource = z.infer<typeof registrySourceSchema>;

/**
 * GET /api/units/CODE/scorecard: what is the commune's own (values, outcome letters, the
 * figures of the headline, entries, evidence, permissions) and the id of the set version that
 * explains it. Names, thresholds, legal bases and reason texts come from the set
 * (`GET /api/catalog/sets/ID`, cached for good) and are joined by `joinScorecard`.
 */
export const scorecardResponseSchema = z.object({
  unitCode: z.string(),
  year: z.number(),
  classValue: z.string().optional(),
  classLabel: z.string().optional(),
  overrideRule: z.object({ id: z.string(), description: z.string() }).optional(),
  criteriaMet: z.number(),
  criteriaTotal: z.number(),
  level: levelCodeSchema.nullable(),
  nextLevel: levelCodeSchema.nullable(),
  valuesEntered: z.number(),
  valuesExpected: z.number(),
  /** The values entered, by indicator code. */
  values: z.record(z.string(), z.union([z.number(), z.boolean()])),
  outcomes: z.object({
    /** By indicator code, one letter per level in the set's order. */
    indicators: z.record(z.string(), outcomeLettersSchema),
    /** By level, one letter per extra condition of the level, in its order. */
    conditions: z.partialRecord(levelCodeSchema, outcomeLettersSchema),
  }),
  unit: unitDetailSchema,
  set: z.object({
    id: z.number(),
    code: z.string(),
    version: z.number(),
    name: z.string(),
    provinceCode: z.string().nullable(),
  }),
  assessment: z.object({
    version: z.number(),
    updatedAt: z.string().nullable(),
    demo: z.boolean(),
  }),
  /** Note and last change per indicator code. */
  entries: z.record(
    z.string(),
    z.object({ note: z.string().nullable(), updatedAt: z.string(), updatedBy: z.string() }),
  ),
  evidence: z.record(z.string(), z.array(evidenceSchema)),
  permissions: z.object({
    canEdit: z.boolean(),
    /** Criterion codes the user may edit; "all" when not restricted to a department's criteria. */
    editableCriteria: z.union([z.array(z.string()), z.literal("all")]),
    reason: z.string(),
  }),
  /**
   * Indicators whose value a registry gives in the year: the village registry (the model commune's
   * smart village, from the villages the commune recognised under the province's set) or the
   * province's OCOP product registry once it is in use. Never typed, a typed value is refused.
   * Absent when there is none.
   */
  sourced: z.record(z.string(), registrySourceSchema).optional(),
});
export type ScorecardResponse = z.infer<typeof scorecardResponseSchema>;

/** A scorecard joined with its set version: the engine's full result and what the page needs. */
export type Scorecard = AssessmentResult &
  Pick<
    ScorecardResponse,
    "unit" | "set" | "assessment" | "entries" | "evidence" | "permissions" | "sourced"
  >;

export const summaryUnitRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  parentName: z.string().nullable(),
  criteriaMet: z.number(),
  criteriaTotal: z.number(),
  level: levelCodeSchema.nullable(),
  demo: z.boolean(),
});
export type SummaryUnitRow = z.infer<typeof summaryUnitRowSchema>;

/** GET /api/units/CODE/summary: a district or province rolled up from stored results. */
export const summaryResponseSchema = z.object({
  communes: z.number(),
  evaluated: z.number(),
  byLevel: z.array(
    z.object({ level: z.union([levelCodeSchema, z.literal("none")]), count: z.number() }),
  ),
  /** Histogram: how many communes meet exactly N criteria, for N = 0..total. */
  byCriteriaMet: z.array(z.object({ criteriaMet: z.number(), count: z.number() })),
  averageCriteriaMet: z.number().nullable(),
  unit: z.object({ code: z.string(), name: z.string(), level: z.string() }),
  year: z.number(),
  set: z
    .object({
      id: z.number(),
      code: z.string(),
      name: z.string(),
      levels: z.array(z.object({ code: levelCodeSchema, name: z.string() })),
    })
    .nullable(),
  below: z.object({ threshold: z.number(), units: z.array(summaryUnitRowSchema) }),
  units: z.array(summaryUnitRowSchema),
  demo: z.boolean(),
}) satisfies z.ZodType<Omit<UnitsSummary, "below">>;
export type SummaryResponse = z.infer<typeof summaryResponseSchema>;
