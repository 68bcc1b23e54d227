// Hand-made criteria sets for the engine tests. The values are invented for testing and are not
// the thresholds of QĐ 318; only the shape follows the real sets.
import type {
  Comparator,
  CriteriaSet,
  Indicator,
  IndicatorKind,
  LegalBasis,
  Threshold,
  UnitAttributes,
  UnitFlag,
} from "../catalog/criteria-set.ts";

export const qd318: LegalBasis = { document: "318/QĐ-TTg", date: "2022-03-08" };
export const qd319: LegalBasis = { document: "319/QĐ-TTg", date: "2022-03-08" };

export const regionNames = {
  TDMNPB: "Trung du và miền núi phía Bắc",
  DBSH: "Đồng bằng sông Hồng",
  TN: "Tây Nguyên",
  DBSCL: "Đồng bằng sông Cửu Long",
} as const;

export type RegionCode = keyof typeof regionNames;

export const overrideRuleId = "qd318-dieu1-tdmnpb";
export const overrideDescription =
  "xã đặc biệt khó khăn, xã an toàn khu áp dụng mức đạt chuẩn của vùng Trung du và miền núi phía Bắc";

export const levelNames = {
  standard: "xã đạt chuẩn nông thôn mới",
  advanced: "xã nông thôn mới nâng cao",
  model: "xã nông thôn mới kiểu mẫu",
} as const;

const income = "triệu đồng/người/năm";

/**
 * Four criteria, eight indicators, three levels, two model conditions.
 *
 * - 3.1 irrigation ≥ 80 % (standard row only, so advanced and model inherit it); 3.2 "4 tại chỗ" (Có).
 * - 9.1 temporary houses must be "Không"; 9.2 solid houses ≥ 75 % general, 70 % TDMNPB, 85 % ĐBSCL;
 *   advanced 90 % general, 80 % TDMNPB.
 * - 10.1 income: standard general 39 (2022–2023) / 47 (2024–2025), TDMNPB 33 / 41, ĐBSH 52 for every
 *   year; advanced general 55, TDMNPB 45, ĐBSH 60; model 110 % of advanced (QĐ 319). All unverified
 *   except the model rule itself.
 * - 15.1 health insurance ≥ 90 % standard, ≥ 95 % advanced; 15.2 stunting ≤ per region, counted only at
 *   the standard level and with no row for ĐBSCL; 15.3 telemedicine ≥ 40 %, rows at advanced only.
 */
export const testSet: CriteriaSet = {
  code: "test-xa-2021-2025",
  version: 1,
  name: "Bộ tiêu chí thử nghiệm",
  unitLevel: "commune",
  fromYear: 2021,
  toYear: 2025,
  basis: qd318,
  classification: {
    kind: "region",
    values: Object.entries(regionNames).map(([code, name]) => ({ code, name })),
  },
  classificationOverrides: [
    {
      id: overrideRuleId,
      whenAnyFlag: ["especiallyDisadvantaged", "safeZone"],
      useClass: "TDMNPB",
      basis: { ...qd318, article: "Điều 1" },
      status: "confirmed",
      description: overrideDescription,
    },
  ],
  levels: [
    { code: "standard", name: levelNames.standard },
    { code: "advanced", name: levelNames.advanced, inherits: "standard" },
    {
      code: "model",
      name: levelNames.model,
      inherits: "advanced",
      basis: qd319,
      conditions: [
        {
          code: "KM3",
          name: "Có ít nhất một mô hình thôn thông minh",
          kind: "boolean",
          comparator: "is",
          thresholds: [{ level: "model", value: true, basis: qd319, status: "confirmed" }],
        },
        {
          code: "KM4",
          name: "Đạt kiểu mẫu ở ít nhất một lĩnh vực nổi trội",
          kind: "boolean",
          comparator: "is",
          thresholds: [{ level: "model", value: true, basis: qd319, status: "confirmed" }],
        },
      ],
    },
  ],
  criteria: [
    {
      code: "3",
      name: "Thủy lợi và phòng, chống thiên tai",
      indicators: [
        {
          code: "3.1",
          name: "Tỷ lệ diện tích đất sản xuất nông nghiệp được tưới và tiêu nước chủ động",
          kind: "percent",
          unit: "%",
          comparator: ">=",
          thresholds: [{ level: "standard", value: 80, basis: qd318, status: "confirmed" }],
        },
        {
          code: "3.2",
          name: "Đảm bảo yêu cầu chủ động về phòng, chống thiên tai theo phương châm 4 tại chỗ",
          kind: "boolean",
          comparator: "is",
          thresholds: [{ level: "standard", value: true, basis: qd318, status: "confirmed" }],
        },
      ],
    },
    {
      code: "9",
      name: "Nhà ở dân cư",
      indicators: [
        {
          code: "9.1",
          name: "Nhà tạm, dột nát",
          kind: "boolean",
          comparator: "is",
          thresholds: [{ level: "standard", value: false, basis: qd318, status: "unverified" }],
        },
        {
          code: "9.2",
          name: "Tỷ lệ hộ có nhà ở kiên cố hoặc bán kiên cố",
          kind: "percent",
          unit: "%",
          comparator: ">=",
          thresholds: [
            { level: "standard", value: 75, basis: qd318, status: "unverified" },
            {
              level: "standard",
              classes: ["TDMNPB"],
              value: 70,
              basis: qd318,
              status: "unverified",
            },
            {
              level: "standard",
              classes: ["DBSCL"],
              value: 85,
              basis: qd318,
              status: "unverified",
            },
            { level: "advanced", value: 90, basis: qd318, status: "unverified" },
            {
              level: "advanced",
              classes: ["TDMNPB"],
              value: 80,
              basis: qd318,
              status: "unverified",
            },
          ],
        },
      ],
    },
    {
      code: "10",
      name: "Thu nhập",
      indicators: [
        {
          code: "10.1",
          name: "Thu nhập bình quân đầu người khu vực nông thôn",
          kind: "number",
          unit: income,
          comparator: ">=",
          thresholds: [
            incomeRow("standard", 39, { fromYear: 2022, toYear: 2023 }),
            incomeRow("standard", 47, { fromYear: 2024, toYear: 2025 }),
            incomeRow("standard", 33, { classes: ["TDMNPB"], fromYear: 2022, toYear: 2023 }),
            incomeRow("standard", 41, { classes: ["TDMNPB"], fromYear: 2024, toYear: 2025 }),
            incomeRow("standard", 52, { classes: ["DBSH"] }),
            incomeRow("advanced", 55, {}),
            incomeRow("advanced", 45, { classes: ["TDMNPB"] }),
            incomeRow("advanced", 60, { classes: ["DBSH"] }),
            {
              level: "model",
              relativeTo: { level: "advanced", factor: 1.1 },
              basis: qd319,
              status: "confirmed",
            },
          ],
        },
      ],
    },
    {
      code: "15",
      name: "Y tế",
      indicators: [
        {
          code: "15.1",
          name: "Tỷ lệ người dân tham gia bảo hiểm y tế",
          kind: "percent",
          unit: "%",
          comparator: ">=",
          thresholds: [
            { level: "standard", value: 90, basis: qd318, status: "unverified" },
            { level: "advanced", value: 95, basis: qd318, status: "unverified" },
          ],
        },
        {
          code: "15.2",
          name: "Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi",
          kind: "percent",
          unit: "%",
          comparator: "<=",
          levels: ["standard"],
          thresholds: [
            {
              level: "standard",
              classes: ["TDMNPB"],
              value: 24,
              basis: qd318,
              status: "unverified",
            },
            {
              level: "standard",
              classes: ["DBSH"],
              value: 16.5,
              basis: qd318,
              status: "unverified",
            },
            { level: "standard", classes: ["TN"], value: 26.5, basis: qd318, status: "unverified" },
          ],
        },
        {
          code: "15.3",
          name: "Tỷ lệ người dân sử dụng ứng dụng khám chữa bệnh từ xa",
          kind: "percent",
          unit: "%",
          comparator: ">=",
          thresholds: [{ level: "advanced", value: 40, basis: qd318, status: "unverified" }],
        },
      ],
    },
  ],
};

function incomeRow(
  level: "standard" | "advanced",
  value: number,
  extra: Pick<Threshold, "classes" | "fromYear" | "toYear">,
): Threshold {
  return { level, value, ...extra, basis: qd318, status: "unverified" };
}

export function unitIn(region: RegionCode | undefined, flags: UnitFlag[] = []): UnitAttributes {
  return {
    code: `xa-${region ?? "none"}`,
    name: "Xã Thử Nghiệm",
    ...(region ? { region } : {}),
    flags,
  };
}

/** Values for a unit of the Red River Delta that reach the standard level and nothing more, in 2024. */
export const standardValues = {
  "3.1": 85,
  "3.2": true,
  "9.1": false,
  "9.2": 80,
  "10.1": 53,
  "15.1": 92,
  "15.2": 15,
  "15.3": 10,
  KM3: false,
  KM4: false,
} as const;

/** Values for a unit of the Red River Delta that reach the advanced level but not the model level. */
export const advancedValues = {
  ...standardValues,
  "9.2": 92,
  "10.1": 61,
  "15.1": 96,
  "15.3": 45,
} as const;

/** Values for a unit of the Red River Delta that reach the model level: income 66 = 1.1 × 60. */
export const modelValues = { ...advancedValues, "10.1": 66, KM3: true, KM4: true } as const;

/** A set with one criterion holding one indicator, for testing comparators and value kinds. */
export function singleIndicatorSet(options: {
  kind: IndicatorKind;
  comparator: Comparator;
  threshold: number | boolean;
  unit?: string;
  status?: Threshold["status"];
  extra?: Pick<Indicator, "min" | "max" | "integer">;
}): CriteriaSet {
  const indicator: Indicator = {
    code: "X.1",
    name: "Chỉ tiêu thử",
    kind: options.kind,
    ...(options.unit ? { unit: options.unit } : {}),
    comparator: options.comparator,
    thresholds: [
      {
        level: "standard",
        value: options.threshold,
        basis: qd318,
        status: options.status ?? "confirmed",
      },
    ],
    ...options.extra,
  };
  return {
    ...testSet,
    code: "test-one-indicator",
    classificationOverrides: [],
    levels: [{ code: "standard", name: levelNames.standard }],
    criteria: [{ code: "X", name: "Tiêu chí thử", indicators: [indicator] }],
  };
}
