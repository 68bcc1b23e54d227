// Hand-made criteria sets for the demo-data tests. Thresholds are invented for testing, not the
// values of QĐ 318 or QĐ 51/2025; only the shape follows the real sets.
import type {
  Comparator,
  CriteriaSet,
  Indicator,
  IndicatorKind,
  LevelCode,
  Threshold,
} from "@ntm/domain";

const qd318 = { document: "318/QĐ-TTg", date: "2022-03-08" };
const qd319 = { document: "319/QĐ-TTg", date: "2022-03-08" };
const qd51 = { document: "51/2025/QĐ-TTg", date: "2025-12-29" };

/** One value for every class, or values by class code with "all" for the general row. */
type ClassValues = number | boolean | Record<string, number | boolean>;

function rows(level: LevelCode, values: ClassValues | undefined, extra: Partial<Threshold> = {}) {
  if (values === undefined) return [];
  const basis = level === "model" ? qd319 : qd318;
  if (typeof values !== "object") {
    return [{ level, value: values, basis, status: "unverified", ...extra } as Threshold];
  }
  return Object.entries(values).map(
    ([classCode, value]) =>
      ({
        level,
        value,
        basis,
        status: "unverified",
        ...(classCode === "all" ? {} : { classes: [classCode] }),
        ...extra,
      }) as Threshold,
  );
}

function indicator(
  code: string,
  kind: IndicatorKind,
  comparator: Comparator,
  standard: ClassValues | undefined,
  advanced?: ClassValues,
  extra: Partial<Indicator> = {},
): Indicator {
  return {
    code,
    name: `Chỉ tiêu ${code}`,
    kind,
    ...(kind === "percent" ? { unit: "%" } : {}),
    comparator,
    thresholds: [...rows("standard", standard), ...rows("advanced", advanced)],
    ...extra,
  };
}

const yes = (code: string) => indicator(code, "boolean", "is", true);
const none = (code: string) => indicator(code, "boolean", "is", false);
const atLeast = (code: string, standard: ClassValues, advanced?: ClassValues) =>
  indicator(code, "percent", ">=", standard, advanced);
const atMost = (code: string, standard: ClassValues, advanced?: ClassValues) =>
  indicator(code, "percent", "<=", standard, advanced);

const income: Indicator = {
  code: "10.1",
  name: "Thu nhập bình quân đầu người khu vực nông thôn",
  kind: "number",
  unit: "triệu đồng/người/năm",
  comparator: ">=",
  min: 0,
  thresholds: [
    ...rows("standard", { all: 45, TDMNPB: 36, TN: 41 }, { fromYear: 2021, toYear: 2022 }),
    ...rows("standard", { all: 50, TDMNPB: 40, TN: 45.5 }, { fromYear: 2023, toYear: 2023 }),
    ...rows("standard", { all: 55, TDMNPB: 44, TN: 50 }, { fromYear: 2024, toYear: 2025 }),
    ...rows("advanced", { all: 60, TDMNPB: 48, TN: 55.5 }),
    {
      level: "model",
      relativeTo: { level: "advanced", factor: 1.1 },
      basis: qd319,
      status: "confirmed",
    },
  ],
};

/**
 * A 2021–2025-style commune set: 7 regions, the TDMNPB rule for especially disadvantaged and
 * safe-zone communes, standard / advanced / model levels, 19 criteria, 42 indicators of every
 * kind (booleans that must be true or false, percentages with ≥ and ≤, income by year with the
 * model row at 110 % of advanced, whole counts, an advanced-only indicator), two model conditions.
 */
export const regionSetFixture: CriteriaSet = {
  code: "demo-test-2021-2025",
  version: 1,
  name: "Bộ tiêu chí thử nghiệm dữ liệu mẫu",
  unitLevel: "commune",
  fromYear: 2021,
  toYear: 2025,
  basis: qd318,
  classification: {
    kind: "region",
    values: ["TDMNPB", "DBSH", "BTB", "DHNTB", "TN", "DNB", "DBSCL"].map((code) => ({
      code,
      name: code,
    })),
  },
  classificationOverrides: [
    {
      id: "qd318-dieu1-tdmnpb",
      whenAnyFlag: ["especiallyDisadvantaged", "safeZone"],
      useClass: "TDMNPB",
      basis: { ...qd318, article: "Điều 1" },
      status: "confirmed",
      description: "xã đặc biệt khó khăn, xã an toàn khu áp dụng mức của vùng TDMNPB",
    },
  ],
  levels: [
    { code: "standard", name: "xã đạt chuẩn nông thôn mới" },
    { code: "advanced", name: "xã nông thôn mới nâng cao", inherits: "standard" },
    {
      code: "model",
      name: "xã nông thôn mới kiểu mẫu",
      inherits: "advanced",
      basis: qd319,
      conditions: [
        {
          code: "KM.1",
          name: "Số mô hình thôn thông minh",
          kind: "number",
          comparator: ">=",
          integer: true,
          min: 0,
          thresholds: [{ level: "model", value: 1, basis: qd319, status: "confirmed" }],
        },
        {
          code: "KM.2",
          name: "Đạt kiểu mẫu ở ít nhất một lĩnh vực nổi trội",
          kind: "boolean",
          comparator: "is",
          thresholds: [{ level: "model", value: true, basis: qd319, status: "confirmed" }],
        },
      ],
    },
  ],
  criteria: [
    { code: "1", name: "Quy hoạch", indicators: [yes("1.1"), yes("1.2")] },
    {
      code: "2",
      name: "Giao thông",
      indicators: [
        atLeast("2.1", 100),
        atLeast("2.2", { all: 70, TDMNPB: 50, TN: 60 }, { all: 90, TDMNPB: 75 }),
        atLeast("2.3", 70, 85),
        indicator("2.4", "percent", ">=", undefined, 60, { levels: ["advanced", "model"] }),
      ],
    },
    {
      code: "3",
      name: "Thủy lợi và phòng, chống thiên tai",
      indicators: [atLeast("3.1", 80), yes("3.2")],
    },
    {
      code: "4",
      name: "Điện",
      indicators: [yes("4.1"), atLeast("4.2", { all: 98, TDMNPB: 95 }, 99)],
    },
    { code: "5", name: "Trường học", indicators: [atLeast("5.1", { all: 80, TDMNPB: 70 }, 100)] },
    {
      code: "6",
      name: "Cơ sở vật chất văn hóa",
      indicators: [yes("6.1"), yes("6.2"), atLeast("6.3", 100)],
    },
    { code: "7", name: "Cơ sở hạ tầng thương mại nông thôn", indicators: [yes("7.1")] },
    {
      code: "8",
      name: "Thông tin và Truyền thông",
      indicators: [yes("8.1"), yes("8.2"), yes("8.3")],
    },
    {
      code: "9",
      name: "Nhà ở dân cư",
      indicators: [none("9.1"), atLeast("9.2", { all: 80, TDMNPB: 70, TN: 75 }, 90)],
    },
    { code: "10", name: "Thu nhập", indicators: [income] },
    {
      code: "11",
      name: "Nghèo đa chiều",
      indicators: [atMost("11.1", { all: 6, TDMNPB: 13, TN: 10.5 }, { all: 3, TDMNPB: 6.5 })],
    },
    { code: "12", name: "Lao động", indicators: [atLeast("12.1", { all: 65, TDMNPB: 55 }, 70)] },
    {
      code: "13",
      name: "Tổ chức sản xuất và phát triển kinh tế nông thôn",
      indicators: [
        indicator("13.1", "number", ">=", 1, 2, { integer: true, min: 0, max: 20 }),
        yes("13.2"),
        yes("13.3"),
      ],
    },
    { code: "14", name: "Giáo dục và Đào tạo", indicators: [yes("14.1"), atLeast("14.2", 85, 90)] },
    {
      code: "15",
      name: "Y tế",
      indicators: [
        atLeast("15.1", { all: 90, TDMNPB: 85 }, 95),
        yes("15.2"),
        atMost("15.3", { all: 22, TDMNPB: 30, TN: 26.5 }, { all: 18, TDMNPB: 26 }),
      ],
    },
    { code: "16", name: "Văn hóa", indicators: [atLeast("16.1", 70, 80)] },
    {
      code: "17",
      name: "Môi trường và an toàn thực phẩm",
      indicators: [
        atLeast("17.1", { all: 95, TDMNPB: 90 }, 98),
        yes("17.2"),
        yes("17.3"),
        atLeast("17.4", { all: 70, TDMNPB: 60 }, 80),
        yes("17.5"),
      ],
    },
    {
      code: "18",
      name: "Hệ thống chính trị và tiếp cận pháp luật",
      indicators: [yes("18.1"), yes("18.2"), yes("18.3")],
    },
    { code: "19", name: "Quốc phòng và An ninh", indicators: [yes("19.1"), yes("19.2")] },
  ],
};

const groupRows = (level: LevelCode, values: [number, number, number]) =>
  values.map(
    (value, index) =>
      ({
        level,
        value,
        classes: [String(index + 1)],
        basis: qd51,
        status: "unverified",
      }) as Threshold,
  );

/**
 * A 2026–2030-style commune set: 3 commune groups, standard / advanced / modern levels, 10
 * criteria, a modern-level condition.
 */
export const groupSetFixture: CriteriaSet = {
  code: "demo-test-2026-2030",
  version: 1,
  name: "Bộ tiêu chí thử nghiệm giai đoạn 2026–2030",
  unitLevel: "commune",
  fromYear: 2026,
  toYear: 2030,
  basis: qd51,
  classification: {
    kind: "communeGroup",
    values: ["1", "2", "3"].map((code) => ({ code, name: `Nhóm ${code}` })),
  },
  levels: [
    { code: "standard", name: "xã đạt chuẩn nông thôn mới" },
    { code: "advanced", name: "xã nông thôn mới nâng cao", inherits: "standard" },
    {
      code: "modern",
      name: "xã nông thôn mới hiện đại",
      inherits: "advanced",
      conditions: [
        {
          code: "HD.1",
          name: "Có mô hình xã thông minh",
          kind: "boolean",
          comparator: "is",
          thresholds: [{ level: "modern", value: true, basis: qd51, status: "unverified" }],
        },
      ],
    },
  ],
  criteria: Array.from({ length: 10 }, (_, index) => {
    const code = String(index + 1);
    const percent: Indicator = {
      code: `${code}.1`,
      name: `Chỉ tiêu ${code}.1`,
      kind: "percent",
      unit: "%",
      comparator: index % 3 === 2 ? "<=" : ">=",
      thresholds:
        index % 3 === 2
          ? [...groupRows("standard", [4, 6, 10]), ...groupRows("advanced", [2, 3, 6])]
          : [...groupRows("standard", [90, 80, 65]), ...groupRows("advanced", [95, 90, 80])],
    };
    const flag: Indicator = {
      code: `${code}.2`,
      name: `Chỉ tiêu ${code}.2`,
      kind: "boolean",
      comparator: "is",
      thresholds: [{ level: "standard", value: true, basis: qd51, status: "unverified" }],
    };
    return { code, name: `Tiêu chí ${code}`, indicators: [percent, flag] };
  }),
};
