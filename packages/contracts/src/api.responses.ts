import { z } from "zod";
import { auditEntrySchema, catalogSetSummarySchema, type unitListSchema } from "./api.schemas.ts";
import { accountSummarySchema } from "./accounts.schemas.ts";
import { criteriaSetSchema } from "./criteria-set.schema.ts";

/*
 * Response bodies of the core routes (health, auth, users, catalog, audit, history, evidence).
 * Every route declares its answer, so the OpenAPI document describes it and the web reads typed
 * data instead of casting.
 */

/** A file sent as is (evidence, scans, generated documents, spreadsheets). */
export const fileDownloadSchema = z.string().meta({ format: "binary", description: "Tệp tải về" });

export type UnitListResponse = z.infer<typeof unitListSchema>;

export const okResponseSchema = z.object({ ok: z.boolean() });

export const healthResponseSchema = z.object({
  status: z.string(),
  database: z.enum(["pglite", "postgres"]),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

/** Whether this API process may take requests: its database answers and is fully migrated. */
export const readyResponseSchema = z.object({
  status: z.enum(["ready", "not-ready"]),
  database: z.enum(["pglite", "postgres"]),
  storage: z.enum(["local", "s3"]),
  migrations: z.object({
    /** The last migration this server's code knows. */
    expected: z.string(),
    /** The last one applied to the database; null when none is or it cannot be read. */
    applied: z.string().nullable(),
    pending: z.number().int(),
  }),
  /** Why not ready, in the request's language; null when ready. */
  reason: z.string().nullable(),
});
export type ReadyResponse = z.infer<typeof readyResponseSchema>;

// Roles are read back from the accounts table as text.
export const userListResponseSchema = z.object({
  users: z.array(accountSummarySchema.extend({ role: z.string() })),
});
export type UserListResponse = z.infer<typeof userListResponseSchema>;

export const createdUserSchema = z.object({
  id: z.number(),
  username: z.string(),
  role: z.string(),
  unitCode: z.string(),
});
export type CreatedUser = z.infer<typeof createdUserSchema>;

export const catalogSetListResponseSchema = z.object({ sets: z.array(catalogSetSummarySchema) });
export type CatalogSetListResponse = z.infer<typeof catalogSetListResponseSchema>;

/** One version of a criteria set with its whole definition (criteria, indicators, thresholds). */
export const catalogSetDetailSchema = catalogSetSummarySchema.extend({
  definition: criteriaSetSchema,
});
export type CatalogSetDetail = z.infer<typeof catalogSetDetailSchema>;

export const catalogImportResultSchema = z.object({
  set: catalogSetSummarySchema,
  /** Stored results evaluated again because the catalog changed. */
  reevaluated: z.number(),
});
export type CatalogImportResult = z.infer<typeof catalogImportResultSchema>;

/** An indicator's changes, newest first. */
export const valueHistoryResponseSchema = z.object({ entries: z.array(auditEntrySchema) });
export type ValueHistoryResponse = z.infer<typeof valueHistoryResponseSchema>;

export const auditListResponseSchema = z.object({
  entries: z.array(auditEntrySchema.extend({ userId: z.number().nullable() })),
});
export type AuditListResponse = z.infer<typeof auditListResponseSchema>;

export * from "./predecessor-history.schemas.ts";
