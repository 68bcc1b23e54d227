import { z } from "zod";
import {
  fundingSources,
  type BoundaryGeometry,
  type ComparedYear,
  milestoneKinds,
  targetKinds,
  type BehindCommune,
  type PathStep,
  type PlanCheck,
  type PlanRollup,
  type TargetProgress,
} from "@ntm/domain";
import { isoDateSchema, yearSchema } from "./api.schemas.ts";

const money = z
  .number({ message: "Số tiền phải là số" })
  .min(0, "Số tiền không được âm")
  .max(1e15, "Số tiền quá lớn");

/* ---------- targets ---------- */
export const targetInputSchema = z
  .object({
    unitCode: z.string().trim().min(1, "Chọn đơn vị"),
    name: z.string().trim().min(3, "Nhập tên mục tiêu").max(300),
    kind: z.enum(targetKinds),
    baselineYear: yearSchema,
    deadlineYear: yearSchema,
    value: z.number({ message: "Giá trị mục tiêu phải là số" }).min(0).max(100000),
    level: z.enum(["standard", "advanced", "model", "modern"]).nullable().default(null),
    measure: z.enum(["count", "share"]).nullable().default(null),
    perYear: z.boolean().default(false),
    excludeRecognised: z.boolean().default(false),
    valueUnit: z.string().trim().max(50).nullable().default(null),
    communeCodes: z.array(z.string().min(1)).max(5000).nullable().default(null),
    entered: z
      .array(z.object({ year: yearSchema, value: z.number().min(0) }))
      .max(50)
      .default([]),
    source: z.string().trim().max(300).nullable().default(null),
    milestones: z
      .array(
        z.object({
          year: yearSchema,
          value: z.number({ message: "Giá trị của mốc phải là số" }).min(0).max(100000),
        }),
      )
      .max(20)
      .default([]),
    othersGainPerYear: z
      .number({ message: "Số tiêu chí tăng mỗi năm phải là số" })
      .int("Số tiêu chí tăng mỗi năm phải là số nguyên")
      .min(1, "Số tiêu chí tăng mỗi năm từ 1 trở lên")
      .max(19, "Số tiêu chí tăng mỗi năm không quá 19")
      .nullable()
      .default(null),
    /** For a count of OCOP products: the fewest stars a product counts with. */
    minStars: z
      .number({ message: "Số sao phải là số" })
      .int("Số sao phải là số nguyên")
      .min(3, "Sản phẩm OCOP được công nhận từ 3 sao")
      .max(5, "Sản phẩm OCOP cao nhất 5 sao")
      .nullable()
      .optional(),
  })
  .refine((input) => input.deadlineYear >= input.baselineYear, {
    message: "Năm hạn phải từ năm gốc trở đi",
    path: ["deadlineYear"],
  })
  .refine((input) => input.milestones.length === 0 || milestoneKinds.includes(input.kind), {
    message:
      "Mốc theo năm chỉ dùng cho mục tiêu số (tỷ lệ) xã đạt chuẩn, bình quân tiêu chí hoặc số liệu nhập",
    path: ["milestones"],
  })
  .refine(
    (input) =>
      input.milestones.every(
        (step) => step.year > input.baselineYear && step.year < input.deadlineYear,
      ),
    { message: "Năm của mốc phải sau năm gốc và trước năm hạn", path: ["milestones"] },
  )
  .refine(
    (input) => new Set(input.milestones.map((step) => step.year)).size === input.milestones.length,
    { message: "Mỗi năm chỉ có một mốc", path: ["milestones"] },
  )
  .refine((input) => input.othersGainPerYear === null || input.kind === "communesAtLevel", {
    message: "Mức tăng tiêu chí của các xã còn lại chỉ dùng cho mục tiêu số xã đạt chuẩn",
    path: ["othersGainPerYear"],
  })
  .refine((input) => input.kind !== "villagesRecognised" || input.measure !== null, {
    message: "Chọn số thôn hoặc tỷ lệ thôn",
    path: ["measure"],
  })
  .refine((input) => input.kind !== "communesAtLevel" || input.level !== null, {
    message: "Chọn mức đạt chuẩn",
    path: ["level"],
  })
  .refine((input) => input.measure !== "share" || input.value <= 100, {
    message: "Tỷ lệ không quá 100 %",
    path: ["value"],
  });
export type TargetInput = z.infer<typeof targetInputSchema>;

export const targetUpdateSchema = z.object({
  version: z.number().int().min(0),
  target: targetInputSchema,
});

export const targetsQuerySchema = z.object({ year: yearSchema.optional() });

const levelCodeSchema = z.enum(["standard", "advanced", "model", "modern"]);
const unitRefSchema = z.object({ code: z.string(), name: z.string(), level: z.string() });
/** A result computed by the domain, described by its own type. */
const domainObject = <T>(description: string) =>
  z.custom<T>().meta({ type: "object", description });

export const targetSchema = z.object({
  id: z.number(),
  unitCode: z.string(),
  unitName: z.string(),
  name: z.string(),
  kind: z.enum(targetKinds),
  baselineYear: z.number(),
  deadlineYear: z.number(),
  value: z.number(),
  level: levelCodeSchema.nullable(),
  measure: z.enum(["count", "share"]).nullable(),
  perYear: z.boolean(),
  excludeRecognised: z.boolean(),
  valueUnit: z.string().nullable(),
  communeCodes: z.array(z.string()).nullable(),
  entered: z.array(z.object({ year: z.number(), value: z.number() })),
  source: z.string().nullable(),
  milestones: z.array(z.object({ year: z.number(), value: z.number() })),
  othersGainPerYear: z.number().nullable(),
  minStars: z.number().nullable(),
  demo: z.boolean(),
  version: z.number(),
  /** The target in words. */
  requirement: z.string(),
});
export type TargetDto = z.infer<typeof targetSchema>;

export const targetWithProgressSchema = z.object({
  target: targetSchema,
  progress: domainObject<TargetProgress>(
    "Tiến độ: giá trị thực tế, khoảng cách, trạng thái và lý do",
  ),
  /**
   * For a target of a unit above the one viewed (a province target seen by a district): the
   * viewed unit's communes in it and those of them behind. Absent for the unit's own targets.
   */
  share: z
    .object({
      unitCode: z.string(),
      unitName: z.string(),
      communes: z.number(),
      behind: z.array(domainObject<BehindCommune>("Một xã chưa đạt yêu cầu của mục tiêu")),
    })
    .optional(),
});
export type TargetWithProgress = z.infer<typeof targetWithProgressSchema>;

export const unitTargetsResponseSchema = z.object({
  unit: unitRefSchema,
  /** Latest year with results: the year progress is judged on. */
  year: z.number(),
  targets: z.array(targetWithProgressSchema),
  /** Targets of the units above that name some of this unit's communes, with its share. */
  fromAbove: z.array(targetWithProgressSchema),
  counts: z.record(z.string(), z.number()),
});
export type UnitTargetsResponse = Omit<z.infer<typeof unitTargetsResponseSchema>, "counts"> & {
  counts: Record<TargetProgress["status"], number>;
};

/* ---------- plans ---------- */
const taskSchema = z.object({
  title: z.string().trim().min(1, "Nhập tên nhiệm vụ").max(300),
  owner: z.string().trim().min(1, "Nhập người/đơn vị chủ trì").max(200),
  due: isoDateSchema,
  progress: z.number().int().min(0).max(100),
});

export const planInputSchema = z.object({
  version: z.number().int().min(0),
  criteria: z.array(z.string().min(1)).max(50),
  landUseFeeRevenue: money.nullable().default(null),
  items: z
    .array(
      z.object({
        criterionCode: z.string().min(1),
        investment: money,
        funding: z.partialRecord(z.enum(fundingSources), money),
        tasks: z.array(taskSchema).max(100),
      }),
    )
    .max(50),
});
export type PlanInput = z.infer<typeof planInputSchema>;

export const planResponseSchema = z.object({
  unit: unitRefSchema,
  year: z.number(),
  /** null when the commune has no plan for the year yet. */
  plan: z
    .object({
      criteria: z.array(z.string()),
      landUseFeeRevenue: z.number().nullable(),
      items: planInputSchema.shape.items,
    })
    .nullable(),
  version: z.number(),
  check: domainObject<PlanCheck>("Kiểm tra kế hoạch: cơ cấu vốn và lý do").nullable(),
  criteria: z.array(z.object({ code: z.string(), name: z.string() })),
  /** The level the commune holds in the previous year's results, and what is missing for the next. */
  currentLevel: levelCodeSchema.nullable(),
  nextLevel: levelCodeSchema.nullable(),
  path: z.array(domainObject<PathStep>("Một bước trên đường tới mức tiếp theo")),
  demo: z.boolean(),
  /** What the access policy lets the user do with this plan. */
  can: z.object({ edit: z.boolean() }),
});
export type PlanResponse = z.infer<typeof planResponseSchema>;

export const planRollupResponseSchema = z.object({
  unit: unitRefSchema,
  year: z.number(),
  rollup: domainObject<PlanRollup>("Tổng hợp kế hoạch: vốn theo nguồn và theo tiêu chí"),
  criteria: z.array(z.object({ code: z.string(), name: z.string() })),
  communes: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      criteriaPlanned: z.number(),
      criteriaAchieved: z.number().nullable(),
      investment: z.number(),
      funded: z.number(),
    }),
  ),
});
export type PlanRollupResponse = z.infer<typeof planRollupResponseSchema>;

/* ---------- departments ---------- */
export const departmentCriteriaStatusResponseSchema = z.object({
  department: z.object({
    id: z.number(),
    code: z.string(),
    name: z.string(),
    provinceCode: z.string(),
  }),
  year: z.number(),
  criteria: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      communes: z.number(),
      met: z.number(),
      notMet: z.number(),
      missing: z.number(),
      /** Communes meeting it, by year. */
      trend: z.array(z.object({ year: z.number(), met: z.number(), evaluated: z.number() })),
      failing: z.array(
        z.object({ code: z.string(), name: z.string(), parentName: z.string().nullable() }),
      ),
      planInvestment: z.number(),
      planFunded: z.number(),
    }),
  ),
});
export type DepartmentCriteriaStatusResponse = z.infer<
  typeof departmentCriteriaStatusResponseSchema
>;

/* ---------- dashboard ---------- */
export const targetsDashboardResponseSchema = z.object({
  unit: unitRefSchema,
  year: z.number(),
  years: z.array(z.number()),
  criteria: z.array(z.object({ code: z.string(), name: z.string() })),
  /** Communes by level for each year with results. */
  byYear: z.array(
    z.object({
      year: z.number(),
      byLevel: z.array(
        z.object({ level: z.union([levelCodeSchema, z.literal("none")]), count: z.number() }),
      ),
      average: z.number().nullable(),
    }),
  ),
  /** Communes × criteria for the year: "1" met, "0" not met, "-" no data, in criteria order. */
  heatmap: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      parentName: z.string().nullable(),
      criteriaMet: z.number(),
      level: levelCodeSchema.nullable(),
      statuses: z.string(),
    }),
  ),
  targets: z.array(targetWithProgressSchema),
  /** Targets of the units above that name some of this unit's communes, with its share. */
  fromAbove: z.array(targetWithProgressSchema),
  lagging: z.array(domainObject<BehindCommune>("Xã chậm tiến độ và lý do")),
});
export type TargetsDashboardResponse = z.infer<typeof targetsDashboardResponseSchema>;

/* ---------- maps ---------- */
export const mapQuerySchema = z.object({
  year: yearSchema.optional(),
  /** "communes": every assessed commune below the unit; "children": the units directly below. */
  show: z.enum(["communes", "children"]).default("communes"),
});

export const mapFeaturePropertiesSchema = z.object({
  code: z.string(),
  name: z.string(),
  parentName: z.string().nullable(),
  /** Criteria met by the commune, or the average of the communes of a district. */
  criteriaMet: z.number().nullable(),
  criteriaTotal: z.number().nullable(),
  /** The commune's level; null for a unit above communes or a commune not recognised. */
  level: levelCodeSchema.nullable(),
  communes: z.number(),
  /** Communes recognised at any level. */
  recognised: z.number(),
});
export type MapFeatureProperties = z.infer<typeof mapFeaturePropertiesSchema>;

export const unitMapResponseSchema = z.object({
  unit: unitRefSchema,
  year: z.number(),
  show: z.enum(["communes", "children"]),
  levels: z.array(levelCodeSchema),
  /** True when any shape is schematic: the map must say it is not a real boundary. */
  schematic: z.boolean(),
  /** Units shown without a stored shape. */
  withoutShape: z.array(z.object({ code: z.string(), name: z.string() })),
  geojson: z.object({
    type: z.literal("FeatureCollection"),
    features: z.array(
      z.object({
        type: z.literal("Feature"),
        id: z.string(),
        properties: mapFeaturePropertiesSchema,
        geometry: domainObject<BoundaryGeometry>("Hình GeoJSON (Polygon hoặc MultiPolygon)"),
      }),
    ),
  }),
});
export type UnitMapResponse = z.infer<typeof unitMapResponseSchema>;

/* ---------- comparison over time ---------- */
export const unitComparisonResponseSchema = z.object({
  unit: unitRefSchema,
  /** Units merged into this one, with the date of the merger. */
  predecessors: z.array(
    z.object({ code: z.string(), name: z.string(), effectiveDate: z.string() }),
  ),
  years: z.array(
    domainObject<ComparedYear>("Kết quả một năm, kể cả các xã trước sáp nhập").and(
      z.object({ predecessorNames: z.record(z.string(), z.string()) }),
    ),
  ),
});
export type UnitComparisonResponse = z.infer<typeof unitComparisonResponseSchema>;

export const departmentListItemSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  provinceCode: z.string(),
});
export type DepartmentListItem = z.infer<typeof departmentListItemSchema>;
