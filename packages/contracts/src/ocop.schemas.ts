import { z } from "zod";
import {
  certificateStatusNames,
  ocopGroupCodes,
  ocopPartMax,
  type CertificateStatus,
} from "@ntm/domain";
import { isoDateSchema } from "./api.schemas.ts";

export const producerKinds = [
  "cooperative",
  "enterprise",
  "household",
  "cooperative_group",
  "other",
] as const;
export type ProducerKind = (typeof producerKinds)[number];
export const producerKindNames: Record<ProducerKind, string> = {
  cooperative: "Hợp tác xã",
  enterprise: "Doanh nghiệp",
  household: "Hộ kinh doanh",
  cooperative_group: "Tổ hợp tác",
  other: "Chủ thể khác",
};

const groupSchema = z.enum(ocopGroupCodes, {
  error: "Nhóm sản phẩm không thuộc 6 nhóm của QĐ 148/QĐ-TTg",
});
const score = (part: "A" | "B" | "C") =>
  z
    .number({ error: `Điểm phần ${part} phải là số` })
    .min(0, `Điểm phần ${part} không được âm`)
    .max(ocopPartMax[part], `Điểm phần ${part} tối đa ${ocopPartMax[part]} điểm`);

export const ocopCertificateInputSchema = z.object({
  scores: z.object({ A: score("A"), B: score("B"), C: score("C") }),
  stars: z
    .number({ error: "Số sao phải là số" })
    .int("Số sao phải là số nguyên")
    .min(3, "Giấy chứng nhận OCOP chỉ cấp cho sản phẩm từ 3 sao")
    .max(5, "Sản phẩm OCOP cao nhất 5 sao"),
  decisionNumber: z.string().trim().min(3, "Nhập số quyết định công nhận").max(100),
  decisionDate: isoDateSchema,
  issuer: z.string().trim().min(3, "Nhập cơ quan ban hành quyết định").max(200),
  issuerLevel: z.enum(["province", "national"], {
    error: "Cấp ban hành là tỉnh hoặc trung ương",
  }),
});
export type OcopCertificateInput = z.infer<typeof ocopCertificateInputSchema>;

export const ocopProductInputSchema = z.object({
  name: z.string().trim().min(2, "Nhập tên sản phẩm").max(200),
  producerKind: z.enum(producerKinds, { error: "Chọn loại chủ thể" }),
  producerName: z.string().trim().min(2, "Nhập tên chủ thể").max(200),
  producerEmail: z.email("Địa chỉ thư điện tử không hợp lệ").max(200).nullable().default(null),
  groupCode: groupSchema,
  communeCode: z.string().trim().min(1, "Chọn xã"),
  certificate: ocopCertificateInputSchema,
});
export type OcopProductInput = z.infer<typeof ocopProductInputSchema>;

export const ocopReevaluateInputSchema = z.object({
  version: z.number().int().min(0),
  /** The commune on the new decision's date, when the product's commune changed (a merger). */
  communeCode: z.string().trim().min(1).nullable().default(null),
  certificate: ocopCertificateInputSchema,
});
export type OcopReevaluateInput = z.infer<typeof ocopReevaluateInputSchema>;

export const ocopRevokeInputSchema = z.object({
  version: z.number().int().min(0),
  revokedOn: isoDateSchema,
  reason: z.string().trim().min(5, "Nêu lý do thu hồi").max(1000),
  decisionNumber: z.string().trim().min(3, "Nhập số quyết định thu hồi").max(100),
});
export type OcopRevokeInput = z.infer<typeof ocopRevokeInputSchema>;

export const certificateStatuses = Object.keys(certificateStatusNames) as [
  CertificateStatus,
  ...CertificateStatus[],
];

export const ocopListQuerySchema = z.object({
  /** The province, district or commune whose products are listed. */
  unitCode: z.string().trim().min(1),
  group: groupSchema.optional(),
  stars: z.coerce.number().int().min(3).max(5).optional(),
  /** Certificates that stop being valid within this many days of the date. */
  expiringWithin: z.coerce
    .number({ error: "Số ngày phải là số" })
    .int("Số ngày phải là số nguyên")
    .min(0, "Số ngày không được âm")
    .max(3650, "Tối đa 3650 ngày")
    .optional(),
  commune: z.string().trim().min(1).optional(),
  status: z.enum(certificateStatuses).optional(),
  q: z.string().trim().max(100).optional(),
  /** The date the statuses are judged on; today when absent. */
  asOf: isoDateSchema.optional(),
});
export type OcopListQuery = z.infer<typeof ocopListQuerySchema>;

const certificateSchema = z.object({
  id: z.number(),
  scores: z.object({ A: z.number(), B: z.number(), C: z.number() }),
  total: z.number(),
  stars: z.number(),
  communeCode: z.string(),
  decisionNumber: z.string(),
  decisionDate: z.string(),
  issuer: z.string(),
  issuerLevel: z.enum(["province", "national"]),
  expiresOn: z.string(),
  revokedOn: z.string().nullable(),
  revokeReason: z.string().nullable(),
  revokeDecision: z.string().nullable(),
  origin: z.enum(["certified", "reevaluated", "imported"]),
});
export type OcopCertificateDto = z.infer<typeof certificateSchema>;

const statusSchema = z.object({
  status: z.enum(certificateStatuses),
  name: z.string(),
  daysLeft: z.number(),
  reason: z.string(),
});

export const ocopProductSchema = z.object({
  id: z.number(),
  name: z.string(),
  producerKind: z.enum(producerKinds),
  producerName: z.string(),
  producerEmail: z.string().nullable(),
  group: z.object({ code: z.string(), name: z.string() }),
  commune: z.object({ code: z.string(), name: z.string() }),
  provinceCode: z.string(),
  demo: z.boolean(),
  version: z.number(),
  certificate: certificateSchema,
  status: statusSchema,
  /** Whether the user may re-evaluate or revoke it. */
  canWrite: z.boolean(),
});
export type OcopProductDto = z.infer<typeof ocopProductSchema>;

export const ocopEventSchema = z.object({
  at: z.string(),
  username: z.string(),
  action: z.string(),
  note: z.string(),
});

export const ocopProductDetailSchema = ocopProductSchema.extend({
  asOf: z.string(),
  certificates: z.array(certificateSchema),
  history: z.array(ocopEventSchema),
  /** How the stars of the current certificate follow from its scores, and the rule's basis. */
  reasons: z.array(z.string()),
  basis: z.object({ document: z.string(), status: z.string(), note: z.string().nullable() }),
});
export type OcopProductDetail = z.infer<typeof ocopProductDetailSchema>;

export const ocopListResponseSchema = z.object({
  asOf: z.string(),
  unit: z.object({ code: z.string(), name: z.string() }),
  tally: z.object({
    total: z.number(),
    byStars: z.object({ 3: z.number(), 4: z.number(), 5: z.number() }),
    expiring: z.number(),
    expired: z.number(),
    revoked: z.number(),
  }),
  products: z.array(ocopProductSchema),
  /** Whether the user may add products in this unit (and import a list). */
  canWrite: z.boolean(),
  communes: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type OcopListResponse = z.infer<typeof ocopListResponseSchema>;

export const ocopCatalogSchema = z.object({
  groups: z.array(z.object({ code: z.string(), name: z.string(), basis: z.string() })),
  parts: z.array(z.object({ code: z.string(), name: z.string(), max: z.number() })),
  bandRules: z.array(
    z.object({
      validFrom: z.string(),
      document: z.string(),
      status: z.string(),
      note: z.string().nullable(),
      bands: z.array(z.object({ stars: z.number(), min: z.number(), max: z.number() })),
    }),
  ),
  validityMonths: z.number(),
  noticeDays: z.number(),
  producerKinds: z.array(z.object({ code: z.string(), name: z.string() })),
  /** The level that recognises each number of stars. */
  issuerLevels: z.record(z.string(), z.enum(["province", "national"])),
});
export type OcopCatalog = z.infer<typeof ocopCatalogSchema>;

export const ocopImportQuerySchema = z.object({
  unitCode: z.string().trim().min(1),
  /** A large sheet: stored and imported by a background job (202 with the job). */
  background: z.enum(["true", "false"]).default("false"),
});
export const ocopImportResultSchema = z.object({ imported: z.number() });
