import { z } from "zod";
import {
  fundingSources,
  type BoundaryGeometry,
  type ComparedYear,
  targetKinds,
  type BehindCommune,
  type LevelCode,
  type PathStep,
  type PlanCheck,
  type PlanRollup,
  type TargetKind,
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
  })
  .refine((input) => input.deadlineYear >= input.baselineYear, {
    message: "Năm hạn phải từ năm gốc trở đi",
    path: ["deadlineYear"],
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

export interface TargetDto {
  id: number;
  unitCode: string;
  unitName: string;
  name: string;
  kind: TargetKind;
  baselineYear: number;
  deadlineYear: number;
  value: number;
  level: LevelCode | null;
  measure: "count" | "share" | null;
  perYear: boolean;
  excludeRecognised: boolean;
  valueUnit: string | null;
  communeCodes: string[] | null;
  entered: { year: number; value: number }[];
  source: string | null;
  demo: boolean;
  version: number;
  /** The target in words. */
  requirement: string;
}

export interface TargetWithProgress {
  target: TargetDto;
  progress: TargetProgress;
}

export interface UnitTargetsResponse {
  unit: { code: string; name: string; level: string };
  /** Latest year with results: the year progress is judged on. */
  year: number;
  targets: TargetWithProgress[];
  counts: Record<TargetProgress["status"], number>;
}

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

export interface PlanResponse {
  unit: { code: string; name: string; level: string };
  year: number;
  /** null when the commune has no plan for the year yet. */
  plan: {
    criteria: string[];
    landUseFeeRevenue: number | null;
    items: PlanInput["items"];
  } | null;
  version: number;
  check: PlanCheck | null;
  criteria: { code: string; name: string }[];
  /** The level the commune holds in the previous year's results, and what is missing for the next. */
  currentLevel: LevelCode | null;
  nextLevel: LevelCode | null;
  path: PathStep[];
  demo: boolean;
}

export interface PlanRollupResponse {
  unit: { code: string; name: string; level: string };
  year: number;
  rollup: PlanRollup;
  criteria: { code: string; name: string }[];
  communes: {
    code: string;
    name: string;
    criteriaPlanned: number;
    criteriaAchieved: number | null;
    investment: number;
    funded: number;
  }[];
}

/* ---------- departments ---------- */
export interface DepartmentCriteriaStatusResponse {
  department: { id: number; code: string; name: string; provinceCode: string };
  year: number;
  criteria: {
    code: string;
    name: string;
    communes: number;
    met: number;
    notMet: number;
    missing: number;
    /** Communes meeting it, by year. */
    trend: { year: number; met: number; evaluated: number }[];
    failing: { code: string; name: string; parentName: string | null }[];
    planInvestment: number;
    planFunded: number;
  }[];
}

/* ---------- dashboard ---------- */
export interface TargetsDashboardResponse {
  unit: { code: string; name: string; level: string };
  year: number;
  years: number[];
  criteria: { code: string; name: string }[];
  /** Communes by level for each year with results. */
  byYear: {
    year: number;
    byLevel: { level: LevelCode | "none"; count: number }[];
    average: number | null;
  }[];
  /** Communes × criteria for the year: "1" met, "0" not met, "-" no data, in criteria order. */
  heatmap: {
    code: string;
    name: string;
    parentName: string | null;
    criteriaMet: number;
    level: LevelCode | null;
    statuses: string;
  }[];
  targets: TargetWithProgress[];
  lagging: BehindCommune[];
}

/* ---------- maps ---------- */
export const mapQuerySchema = z.object({
  year: yearSchema.optional(),
  /** "communes": every assessed commune below the unit; "children": the units directly below. */
  show: z.enum(["communes", "children"]).default("communes"),
});

export interface MapFeatureProperties {
  code: string;
  name: string;
  parentName: string | null;
  /** Criteria met by the commune, or the average of the communes of a district. */
  criteriaMet: number | null;
  criteriaTotal: number | null;
  /** The commune's level; null for a unit above communes or a commune not recognised. */
  level: LevelCode | null;
  communes: number;
  /** Communes recognised at any level. */
  recognised: number;
}

export interface UnitMapResponse {
  unit: { code: string; name: string; level: string };
  year: number;
  show: "communes" | "children";
  levels: LevelCode[];
  /** True when any shape is schematic: the map must say it is not a real boundary. */
  schematic: boolean;
  /** Units shown without a stored shape. */
  withoutShape: { code: string; name: string }[];
  geojson: {
    type: "FeatureCollection";
    features: {
      type: "Feature";
      id: string;
      properties: MapFeatureProperties;
      geometry: BoundaryGeometry;
    }[];
  };
}

/* ---------- comparison over time ---------- */
export interface UnitComparisonResponse {
  unit: { code: string; name: string; level: string };
  /** Units merged into this one, with the date of the merger. */
  predecessors: { code: string; name: string; effectiveDate: string }[];
  years: (ComparedYear & { predecessorNames: Record<string, string> })[];
}

export interface DepartmentListItem {
  id: number;
  code: string;
  name: string;
  provinceCode: string;
}
