import { z } from "zod";
import { roles } from "@ntm/domain";
import { validationMessages } from "./validation-messages.ts";
import { permissionsSchema } from "./permissions.schemas.ts";

const levelCode = z.enum(["standard", "advanced", "model", "modern"]);
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày phải theo dạng YYYY-MM-DD");
export const yearSchema = z.coerce
  .number({ message: "Năm phải là số" })
  .int("Năm phải là số nguyên")
  .min(2000, "Năm phải từ 2000")
  .max(2100, "Năm phải trước 2100");

/** Largest value of a PostgreSQL `integer` column: ids and versions beyond it name no row. */
export const int4Max = 2_147_483_647;
/** A numeric id in a path or query: a positive whole number within the database's range. */
export const idSchema = z.coerce
  .number({ error: validationMessages.id.vi })
  .int(validationMessages.id.vi)
  .positive(validationMessages.id.vi)
  .max(int4Max, validationMessages.idRange.vi);

export const roleSchema = z.enum(roles);

/* ---------- auth ---------- */
export const loginInputSchema = z.object({
  username: z.string().trim().min(1, "Nhập tên đăng nhập").max(100),
  password: z.string().min(1, "Nhập mật khẩu").max(200),
});
export type LoginInput = z.infer<typeof loginInputSchema>;

export const currentUserSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  unitCode: z.string(),
  unitName: z.string(),
  unitLevel: z.string(),
  /** Department only: criteria in charge, as "setCode:criterionCode". */
  criteria: z.array(z.string()),
  departmentName: z.string().nullable(),
  /** After an administrator's reset: the user must choose a new password before anything else. */
  mustChangePassword: z.boolean(),
  /** What the access policy lets the user do in its own scope, so clients show only those controls. */
  permissions: permissionsSchema,
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

/* ---------- units ---------- */
export const unitFlagSchema = z.enum([
  "especiallyDisadvantaged",
  "safeZone",
  "ethnicZoneI",
  "ethnicZoneII",
  "ethnicZoneIII",
  "poorDistrict",
]);

export const unitSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(["province", "district", "commune", "village"]),
  parentCode: z.string().nullable(),
  validFrom: isoDateSchema,
  validTo: isoDateSchema.nullable(),
  region: z.string().nullable(),
  communeGroup: z.string().nullable(),
  flags: z.array(unitFlagSchema),
  assessed: z.boolean(),
  childCount: z.number().int().optional(),
});
export type UnitDto = z.infer<typeof unitSchema>;

export const unitListQuerySchema = z.object({
  parent: z.string().optional(),
  asOf: isoDateSchema.optional(),
  q: z.string().max(100).optional(),
  level: z.enum(["province", "district", "commune", "village"]).optional(),
});

export const unitListSchema = z.object({ asOf: isoDateSchema, units: z.array(unitSchema) });

/** A unit version at the other end of a lineage link; `partial` when only part of its area. */
const unitLinkSchema = z.object({
  code: z.string(),
  validFrom: z.string(),
  name: z.string(),
  kind: z.enum(["full", "partial"]),
  effectiveDate: z.string(),
});

export const unitDetailSchema = unitSchema.extend({
  path: z.array(z.object({ code: z.string(), name: z.string(), level: z.string() })),
  /** Lineage of this version: the versions it was formed from and those that took it over. */
  predecessors: z.array(unitLinkSchema),
  successors: z.array(unitLinkSchema),
});
export type UnitDetail = z.infer<typeof unitDetailSchema>;

/** One row of a hierarchy import file (CSV or JSON). */
export const unitImportRowSchema = z.object({
  code: z.string().trim().min(1, "Thiếu mã đơn vị"),
  name: z.string().trim().min(1, "Thiếu tên đơn vị"),
  level: z.enum(["province", "district", "commune", "village"], {
    message: "Cấp phải là province, district, commune hoặc village",
  }),
  parentCode: z.string().trim().min(1).nullable().optional(),
  validFrom: isoDateSchema.default("1900-01-01"),
  validTo: isoDateSchema.nullable().optional(),
  region: z.string().trim().min(1).nullable().optional(),
  communeGroup: z.string().trim().min(1).nullable().optional(),
  flags: z.array(unitFlagSchema).default([]),
  /** Whether the unit is assessed against the NTM criteria (rural communes, xã); default: communes. */
  assessed: z.boolean().optional(),
  successorCode: z.string().trim().min(1).nullable().optional(),
});
export type UnitImportRow = z.infer<typeof unitImportRowSchema>;

/* ---------- catalog ---------- */
export const catalogSetSummarySchema = z.object({
  id: z.number(),
  code: z.string(),
  version: z.number(),
  name: z.string(),
  unitLevel: z.string(),
  fromYear: z.number(),
  toYear: z.number(),
  provinceCode: z.string().nullable(),
  classificationKind: z.string(),
  levels: z.array(z.object({ code: levelCode, name: z.string() })),
  criteriaCount: z.number(),
  indicatorCount: z.number(),
  thresholdsConfirmed: z.number(),
  thresholdsUnverified: z.number(),
  importedAt: z.string(),
  /** The date this version is in force from (ISO). */
  effectiveFrom: z.string(),
  basis: z.object({ document: z.string(), date: z.string().optional() }),
  basedOn: z.object({ code: z.string(), version: z.number() }).nullable(),
  amendment: z
    .object({
      basis: z.object({ document: z.string(), date: z.string().optional() }),
      effectiveFrom: z.string(),
      changedIndicators: z.array(z.string()),
      note: z.string().optional(),
    })
    .nullable(),
  importedBy: z.string(),
});
export type CatalogSetSummary = z.infer<typeof catalogSetSummarySchema>;

/* ---------- assessments ---------- */
export const indicatorValueSchema = z.union([z.number(), z.boolean(), z.null()], {
  error: validationMessages.valueType.vi,
});

const m = validationMessages;
export const valuesInputSchema = z.object({
  /** The assessment version the client last read; a stale version is refused with 409. */
  version: z
    .number({ error: m.valueVersion.vi })
    .int(m.valueVersion.vi)
    .min(0, m.valueVersion.vi)
    .max(int4Max, m.valueVersion.vi),
  values: z
    .array(
      z.object({
        indicatorCode: z.string(m.indicatorCode.vi).min(1, m.indicatorCode.vi).max(50),
        value: indicatorValueSchema,
        note: z.string().max(2000, m.valueNote.vi).nullable().optional(),
      }),
    )
    .min(1, m.valuesMin.vi)
    .max(500, m.valuesMax.vi),
});
export type ValuesInput = z.infer<typeof valuesInputSchema>;

export const evidenceSchema = z.object({
  id: z.number(),
  indicatorCode: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
});
export type EvidenceDto = z.infer<typeof evidenceSchema>;

export const entrySchema = z.object({
  note: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});

export const scorecardQuerySchema = z.object({
  year: yearSchema,
  set: idSchema.optional(),
});

export const summaryQuerySchema = z.object({
  year: yearSchema,
  below: z.coerce.number().int().min(0).max(100).default(10),
});

export const historyQuerySchema = z.object({ indicator: z.string().optional() });

export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  username: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityKey: z.string(),
  unitCode: z.string().nullable(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const createUserInputSchema = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9._-]{3,50}$/, "Tên đăng nhập 3–50 ký tự: chữ thường, số, . _ -"),
  // Length and strength are the account rules of the domain, checked by the service.
  password: z.string().min(1, "Nhập mật khẩu").max(200),
  displayName: z.string().trim().min(1).max(200).optional(),
  role: roleSchema,
  unitCode: z.string().min(1),
  departmentCode: z.string().optional(),
});
export type CreateUserInput = z.infer<typeof createUserInputSchema>;
