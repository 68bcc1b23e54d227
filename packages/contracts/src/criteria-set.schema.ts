import { z } from "zod";
import { communeKinds, villageSetKinds, type CriteriaSet } from "@ntm/domain";

const levelCode = z.enum(["standard", "advanced", "model", "modern"]);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày phải theo dạng YYYY-MM-DD");
const year = z.number().int().min(2000).max(2100);
const setRef = z.object({ code: z.string(), version: z.number().int().positive() }).strict();

export const legalBasisSchema = z.object({
  document: z.string().min(1),
  date: isoDate.optional(),
  article: z.string().optional(),
});

const thresholdCommon = {
  level: levelCode,
  classes: z.array(z.string().min(1)).min(1).optional(),
  fromYear: year.optional(),
  toYear: year.optional(),
  basis: legalBasisSchema,
  status: z.enum(["confirmed", "unverified"]),
  note: z.string().optional(),
};

export const thresholdSchema = z.union([
  z.object({ ...thresholdCommon, value: z.union([z.number(), z.boolean()]) }).strict(),
  z
    .object({
      ...thresholdCommon,
      relativeTo: z.object({ level: levelCode, factor: z.number().positive() }),
    })
    .strict(),
]);

export const indicatorSchema = z
  .object({
    code: z.string().min(1),
    name: z.string().min(1),
    nameEn: z.string().optional(),
    kind: z.enum(["boolean", "percent", "number"]),
    unit: z.string().optional(),
    comparator: z.enum([">=", "<=", ">", "<", "is"]),
    thresholds: z.array(thresholdSchema),
    levels: z.array(levelCode).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().optional(),
    note: z.string().optional(),
    source: z
      .discriminatedUnion("kind", [
        z
          .object({ kind: z.literal("ocopRegistry"), minStars: z.number().int().min(3).max(5) })
          .strict(),
        z
          .object({
            kind: z.literal("villageRegistry"),
            villageSetKind: z.enum(["ntm-village", "model-residential-area", "smart-village"]),
          })
          .strict(),
      ])
      .optional(),
  })
  .strict()
  .superRefine((indicator, ctx) => {
    const booleanKind = indicator.kind === "boolean";
    if (booleanKind !== (indicator.comparator === "is")) {
      ctx.addIssue({
        code: "custom",
        message: `Chỉ tiêu ${indicator.code}: kiểu Đạt/Không đạt phải dùng phép so sánh "is" và ngược lại.`,
      });
    }
    indicator.thresholds.forEach((row, index) => {
      if ("value" in row && (typeof row.value === "boolean") !== booleanKind) {
        ctx.addIssue({
          code: "custom",
          path: ["thresholds", index, "value"],
          message: `Chỉ tiêu ${indicator.code}: ngưỡng không cùng kiểu với chỉ tiêu.`,
        });
      }
    });
  });

export const criterionSchema = z
  .object({
    code: z.string().min(1),
    name: z.string().min(1),
    nameEn: z.string().optional(),
    group: z.string().optional(),
    indicators: z.array(indicatorSchema),
  })
  .strict();

const unitFlag = z.enum([
  "especiallyDisadvantaged",
  "safeZone",
  "ethnicZoneI",
  "ethnicZoneII",
  "ethnicZoneIII",
  "poorDistrict",
]);

export const criteriaSetSchema = z
  .object({
    code: z.string().regex(/^[a-z0-9-]+$/, "Mã bộ tiêu chí chỉ gồm chữ thường, số và dấu gạch"),
    version: z.number().int().positive(),
    name: z.string().min(1),
    nameEn: z.string().optional(),
    unitLevel: z.enum(["commune", "district", "village"]),
    village: z
      .object({
        kind: z.enum(villageSetKinds),
        excludedCommuneKinds: z.array(z.enum(communeKinds)).optional(),
        illustrative: z.boolean().optional(),
      })
      .strict()
      .optional(),
    fromYear: year,
    toYear: year,
    provinceCode: z.string().optional(),
    basedOn: z.object({ code: z.string(), version: z.number().int().positive() }).optional(),
    basis: legalBasisSchema,
    classification: z.object({
      kind: z.enum(["region", "communeGroup"]),
      values: z
        .array(
          z.object({ code: z.string(), name: z.string(), nameEn: z.string().optional() }).strict(),
        )
        .min(1),
    }),
    classificationOverrides: z
      .array(
        z
          .object({
            id: z.string(),
            whenAnyFlag: z.array(unitFlag).min(1),
            useClass: z.string(),
            basis: legalBasisSchema,
            status: z.enum(["confirmed", "unverified"]),
            description: z.string(),
          })
          .strict(),
      )
      .optional(),
    levels: z
      .array(
        z.object({
          code: levelCode,
          name: z.string(),
          nameEn: z.string().optional(),
          inherits: levelCode.optional(),
          conditions: z.array(indicatorSchema).optional(),
          basis: legalBasisSchema.optional(),
        }),
      )
      .min(1),
    criteria: z.array(criterionSchema).min(1),
    note: z.string().optional(),
    effectiveFrom: isoDate.optional(),
    amendment: z
      .object({
        amends: setRef,
        basis: legalBasisSchema,
        effectiveFrom: isoDate,
        changedIndicators: z.array(z.string()),
        note: z.string().optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((set, ctx) => {
    if (set.toYear < set.fromYear) {
      ctx.addIssue({ code: "custom", message: "Năm kết thúc phải sau năm bắt đầu." });
    }
    if (set.unitLevel === "village" && (!set.village || !set.provinceCode)) {
      ctx.addIssue({
        code: "custom",
        path: ["village"],
        message: "Bộ tiêu chí thôn do tỉnh ban hành: cần mã tỉnh và loại công nhận (village.kind).",
      });
    }
    if (set.unitLevel !== "village" && set.village) {
      ctx.addIssue({
        code: "custom",
        path: ["village"],
        message: "Chỉ bộ tiêu chí cấp thôn có phần village.",
      });
    }
    if (set.effectiveFrom && Number(set.effectiveFrom.slice(0, 4)) > set.toYear) {
      ctx.addIssue({
        code: "custom",
        path: ["effectiveFrom"],
        message: `Ngày hiệu lực phải trong giai đoạn ${set.fromYear}–${set.toYear} của bộ.`,
      });
    }
    const classCodes = new Set(set.classification.values.map((value) => value.code));
    const levelCodes = new Set(set.levels.map((level) => level.code));
    const seen = new Set<string>();
    const indicators = [
      ...set.criteria.flatMap((criterion) => criterion.indicators),
      ...set.levels.flatMap((level) => level.conditions ?? []),
    ];
    for (const indicator of indicators) {
      if (seen.has(indicator.code)) {
        ctx.addIssue({ code: "custom", message: `Mã chỉ tiêu ${indicator.code} bị trùng.` });
      }
      seen.add(indicator.code);
      for (const row of indicator.thresholds) {
        if (!levelCodes.has(row.level)) {
          ctx.addIssue({
            code: "custom",
            message: `Chỉ tiêu ${indicator.code}: mức ${row.level} không có trong bộ tiêu chí.`,
          });
        }
        for (const cls of row.classes ?? []) {
          if (!classCodes.has(cls)) {
            ctx.addIssue({
              code: "custom",
              message: `Chỉ tiêu ${indicator.code}: vùng/nhóm ${cls} không có trong phân loại của bộ.`,
            });
          }
        }
      }
    }
    const duplicates = (codes: string[]) =>
      codes.filter((code, index) => codes.indexOf(code) !== index);
    for (const code of duplicates(set.levels.map((level) => level.code))) {
      ctx.addIssue({ code: "custom", message: `Mức ${code} được khai báo hai lần.` });
    }
    for (const code of duplicates(set.criteria.map((criterion) => criterion.code))) {
      ctx.addIssue({ code: "custom", message: `Mã tiêu chí ${code} bị trùng.` });
    }
    for (const level of set.levels) {
      const seenLevels = new Set<string>();
      let current: (typeof set.levels)[number] | undefined = level;
      while (current?.inherits) {
        if (!levelCodes.has(current.inherits)) {
          ctx.addIssue({
            code: "custom",
            message: `Mức ${current.code} kế thừa mức ${current.inherits} không có trong bộ.`,
          });
          break;
        }
        if (seenLevels.has(current.code)) {
          ctx.addIssue({
            code: "custom",
            message: `Các mức kế thừa nhau thành vòng (${level.code}).`,
          });
          break;
        }
        seenLevels.add(current.code);
        const parent: string = current.inherits;
        current = set.levels.find((candidate) => candidate.code === parent);
      }
    }
    for (const indicator of indicators) {
      for (const row of indicator.thresholds) {
        if (
          "relativeTo" in row &&
          (!levelCodes.has(row.relativeTo.level) || row.relativeTo.level === row.level)
        ) {
          ctx.addIssue({
            code: "custom",
            message: `Chỉ tiêu ${indicator.code}: ngưỡng tương đối phải dựa trên một mức khác có trong bộ.`,
          });
        }
        if ("relativeTo" in row && indicator.kind === "boolean") {
          ctx.addIssue({
            code: "custom",
            message: `Chỉ tiêu ${indicator.code}: chỉ tiêu Đạt/Không không có ngưỡng tương đối.`,
          });
        }
        const from = row.fromYear ?? set.fromYear;
        const to = row.toYear ?? set.toYear;
        if (from > to || from < set.fromYear || to > set.toYear) {
          ctx.addIssue({
            code: "custom",
            message: `Chỉ tiêu ${indicator.code}: khoảng năm ${from}–${to} nằm ngoài giai đoạn ${set.fromYear}–${set.toYear} của bộ.`,
          });
        }
      }
    }
    for (const rule of set.classificationOverrides ?? []) {
      if (!classCodes.has(rule.useClass)) {
        ctx.addIssue({
          code: "custom",
          message: `Quy tắc ${rule.id}: vùng ${rule.useClass} không có.`,
        });
      }
    }
  }) satisfies z.ZodType<CriteriaSet, unknown>;

const thresholdOverrideSchema = z.object({
  indicatorCode: z.string(),
  /** Replaces every threshold row of these levels of the indicator. */
  levels: z.array(levelCode).min(1),
  thresholds: z.array(thresholdSchema).min(1),
});

/** A provincial override file: thresholds replaced on top of a national set, stored as a new set. */
export const provincialOverrideSchema = z
  .object({
    kind: z.literal("provincial-override"),
    code: z.string().regex(/^[a-z0-9-]+$/),
    version: z.number().int().positive(),
    name: z.string().min(1),
    provinceCode: z.string().min(1),
    basedOn: z.object({ code: z.string(), version: z.number().int().positive() }),
    basis: legalBasisSchema,
    /** From this date the provincial version replaces the province's earlier one. */
    effectiveFrom: isoDate.optional(),
    overrides: z.array(thresholdOverrideSchema).min(1),
  })
  .strict();

export type ProvincialOverride = z.infer<typeof provincialOverrideSchema>;

/**
 * An amending decision as a later version of the same set, in force from its own date. Its
 * changed rows may be empty when the amending text has not been transcribed; the note says so.
 */
export const catalogAmendmentSchema = z
  .object({
    kind: z.literal("amendment"),
    code: z.string().regex(/^[a-z0-9-]+$/),
    version: z.number().int().positive(),
    name: z.string().min(1).optional(),
    amends: setRef,
    basis: legalBasisSchema.extend({ date: isoDate }),
    effectiveFrom: isoDate,
    overrides: z.array(thresholdOverrideSchema),
    note: z.string().optional(),
  })
  .strict()
  .refine((amendment) => amendment.amends.code === amendment.code, {
    message: "Văn bản sửa đổi là một phiên bản sau của chính bộ tiêu chí nó sửa (cùng mã).",
    path: ["amends"],
  })
  .refine((amendment) => amendment.version > amendment.amends.version, {
    message: "Phiên bản sửa đổi phải lớn hơn phiên bản được sửa.",
    path: ["version"],
  })
  .refine((amendment) => amendment.overrides.length > 0 || Boolean(amendment.note?.trim()), {
    message: "Văn bản sửa đổi không có ngưỡng thay đổi phải có ghi chú giải thích.",
    path: ["note"],
  });

export type CatalogAmendment = z.infer<typeof catalogAmendmentSchema>;
