import { z } from "zod";
import { isoDateSchema, unitFlagSchema, unitSchema } from "./api.schemas.ts";

/**
 * The type of a commune-level unit. The type is the first words of the unit's official name
 * ("Xã Đăk Pék", "Phường Quang Trung"), so it is stored there; only xã are assessed.
 */
export const unitKinds = ["xa", "phuong", "dac_khu", "thi_tran"] as const;
export const unitKindSchema = z.enum(unitKinds, {
  message: "Loại đơn vị phải là xã, phường, đặc khu hoặc thị trấn",
});
export type UnitKind = z.infer<typeof unitKindSchema>;

export const unitKindPrefixes: Record<UnitKind, string> = {
  xa: "Xã",
  phuong: "Phường",
  dac_khu: "Đặc khu",
  thi_tran: "Thị trấn",
};

/** A commune-level name split into its type and its proper name; other levels have no type. */
export function splitUnitName(
  name: string,
  level: string,
): { kind: UnitKind | null; properName: string } {
  if (level === "commune") {
    for (const kind of unitKinds) {
      const prefix = `${unitKindPrefixes[kind]} `;
      if (name.startsWith(prefix)) return { kind, properName: name.slice(prefix.length).trim() };
    }
  }
  return { kind: null, properName: name };
}

/** The official name of a commune-level unit of a type. */
export const unitFullName = (kind: UnitKind, properName: string) =>
  `${unitKindPrefixes[kind]} ${properName.trim()}`;

export const communeGroupSchema = z.enum(["1", "2", "3"], {
  message: "Nhóm xã phải là 1, 2 hoặc 3",
});

/**
 * A dated change of a unit by its province: the fields given change from `effectiveFrom`, the
 * others keep their values. For a commune `name` is the proper name without its type ("Đăk Pék"),
 * for a higher unit the whole name.
 */
export const unitChangeInputSchema = z
  .object({
    effectiveFrom: isoDateSchema,
    basis: z
      .string()
      .trim()
      .min(3, "Ghi căn cứ của thay đổi (số, ngày văn bản)")
      .max(300, "Căn cứ dài tối đa 300 ký tự"),
    name: z
      .string()
      .trim()
      .min(1, "Tên đơn vị không được để trống")
      .max(100, "Tên đơn vị dài tối đa 100 ký tự")
      .optional(),
    kind: unitKindSchema.optional(),
    flags: z.array(unitFlagSchema).max(6).optional(),
    communeGroup: communeGroupSchema.nullable().optional(),
    region: z.string().trim().min(1).max(20).optional(),
  })
  .strict();
export type UnitChangeInput = z.infer<typeof unitChangeInputSchema>;

/** A unit as the province's list of units shows it, with what the user may do on it. */
export const unitAdminRowSchema = unitSchema.extend({
  kind: unitKindSchema.nullable(),
  properName: z.string(),
  parentName: z.string().nullable(),
  /** Regions of the units a merged unit was formed from, when they differ (the province chooses). */
  regionCandidates: z.array(z.string()).nullable(),
  can: z.object({ edit: z.boolean() }),
});
export type UnitAdminRow = z.infer<typeof unitAdminRowSchema>;

export const unitAdminListSchema = z.object({
  asOf: isoDateSchema,
  units: z.array(unitAdminRowSchema),
});
export type UnitAdminList = z.infer<typeof unitAdminListSchema>;

export const unitAdminQuerySchema = z.object({
  asOf: isoDateSchema.optional(),
  q: z.string().max(100).optional(),
});

/** A unit version's attributes as the audit keeps them before and after a change. */
export const unitStateSchema = z.object({
  name: z.string(),
  flags: z.array(z.string()),
  communeGroup: z.string().nullable(),
  region: z.string().nullable(),
  assessed: z.boolean(),
  validFrom: isoDateSchema,
  validTo: isoDateSchema.nullable(),
});
export type UnitState = z.infer<typeof unitStateSchema>;

export const unitChangeEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  username: z.string(),
  effectiveFrom: isoDateSchema,
  basis: z.string(),
  before: unitStateSchema,
  after: unitStateSchema,
  reevaluatedYears: z.array(z.number()),
});
export type UnitChangeEntry = z.infer<typeof unitChangeEntrySchema>;

/** Every version of a unit, oldest first, and the changes made in the app, newest first. */
export const unitHistorySchema = z.object({
  code: z.string(),
  versions: z.array(unitSchema.extend({ kind: unitKindSchema.nullable() })),
  changes: z.array(unitChangeEntrySchema),
});
export type UnitHistory = z.infer<typeof unitHistorySchema>;

export const unitChangeResultSchema = z.object({
  unit: unitAdminRowSchema,
  /** The years whose stored results of the unit were evaluated again. */
  reevaluatedYears: z.array(z.number()),
});
export type UnitChangeResult = z.infer<typeof unitChangeResultSchema>;
