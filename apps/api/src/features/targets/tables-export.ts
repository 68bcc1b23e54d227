import type {
  DepartmentCriteriaStatusResponse,
  PlanRollupResponse,
  TargetsDashboardResponse,
  UnitComparisonResponse,
} from "@ntm/contracts";
import type { Sheet } from "../../shared/spreadsheets/index.ts";

const levelNames: Record<string, string> = {
  standard: "Đạt chuẩn",
  advanced: "Nâng cao",
  model: "Kiểu mẫu",
  modern: "Hiện đại",
  none: "Chưa đạt chuẩn",
};

/** The dashboard's tables: communes by level per year, the heat map and the lagging communes. */
export function dashboardSheets(body: TargetsDashboardResponse): Sheet[] {
  const levels = body.byYear[0]?.byLevel.map((entry) => entry.level) ?? [];
  const statusWord = { "1": "Đạt", "0": "Chưa đạt", "-": "Chưa có số liệu" } as const;
  return [
    {
      name: "Số xã theo mức",
      columns: [
        { header: "Năm", key: "year", width: 8 },
        ...levels.map((level) => ({
          header: levelNames[level] ?? level,
          key: level,
          width: 16,
          format: "integer" as const,
        })),
        { header: "Bình quân tiêu chí/xã", key: "average", width: 20, format: "decimal" },
      ],
      rows: body.byYear.map((row) => ({
        year: row.year,
        average: row.average,
        ...Object.fromEntries(row.byLevel.map((entry) => [entry.level, entry.count])),
      })),
    },
    {
      name: `Xã × tiêu chí ${body.year}`,
      columns: [
        { header: "Xã", key: "name", width: 24 },
        { header: "Huyện", key: "parent", width: 22 },
        { header: "Số tiêu chí đạt", key: "met", width: 14, format: "integer" },
        { header: "Mức đạt", key: "level", width: 16 },
        ...body.criteria.map((criterion) => ({
          header: `${criterion.code}. ${criterion.name}`,
          key: `c${criterion.code}`,
          width: 14,
        })),
      ],
      rows: body.heatmap.map((row) => ({
        name: row.name,
        parent: row.parentName ?? "",
        met: row.criteriaMet,
        level: levelNames[row.level ?? "none"] ?? "",
        ...Object.fromEntries(
          body.criteria.map((criterion, index) => [
            `c${criterion.code}`,
            statusWord[(row.statuses[index] ?? "-") as keyof typeof statusWord],
          ]),
        ),
      })),
    },
  ];
}

export function departmentSheets(body: DepartmentCriteriaStatusResponse): Sheet[] {
  const years = body.criteria[0]?.trend.map((entry) => entry.year) ?? [];
  return [
    {
      name: "Tiêu chí",
      columns: [
        { header: "Tiêu chí", key: "criterion", width: 36 },
        { header: "Số xã", key: "communes", width: 10, format: "integer" },
        { header: "Đạt", key: "met", width: 10, format: "integer" },
        { header: "Chưa đạt", key: "notMet", width: 10, format: "integer" },
        { header: "Chưa có số liệu", key: "missing", width: 14, format: "integer" },
        ...years.map((year) => ({
          header: `Số xã đạt năm ${year}`,
          key: `y${year}`,
          width: 16,
          format: "integer" as const,
        })),
        {
          header: `Nhu cầu vốn KH ${body.year + 1} (đồng)`,
          key: "investment",
          width: 22,
          format: "integer",
        },
        { header: "Đã bố trí (đồng)", key: "funded", width: 20, format: "integer" },
      ],
      rows: body.criteria.map((row) => ({
        criterion: `${row.code}. ${row.name}`,
        communes: row.communes,
        met: row.met,
        notMet: row.notMet,
        missing: row.missing,
        investment: row.planInvestment,
        funded: row.planFunded,
        ...Object.fromEntries(row.trend.map((entry) => [`y${entry.year}`, entry.met])),
      })),
    },
    {
      name: "Xã chưa đạt",
      columns: [
        { header: "Tiêu chí", key: "criterion", width: 36 },
        { header: "Xã", key: "name", width: 24 },
        { header: "Huyện", key: "parent", width: 22 },
      ],
      rows: body.criteria.flatMap((row) =>
        row.failing.map((commune) => ({
          criterion: `${row.code}. ${row.name}`,
          name: commune.name,
          parent: commune.parentName ?? "",
        })),
      ),
    },
  ];
}

export function rollupSheets(body: PlanRollupResponse): Sheet[] {
  const name = new Map(body.criteria.map((c) => [c.code, c.name]));
  return [
    {
      name: "Theo xã",
      columns: [
        { header: "Xã", key: "name", width: 24 },
        { header: "Tiêu chí kế hoạch", key: "planned", width: 16, format: "integer" },
        { header: "Tiêu chí đã đạt", key: "achieved", width: 16, format: "integer" },
        { header: "Nhu cầu vốn (đồng)", key: "investment", width: 22, format: "integer" },
        { header: "Đã bố trí (đồng)", key: "funded", width: 22, format: "integer" },
      ],
      rows: body.communes.map((row) => ({
        name: row.name,
        planned: row.criteriaPlanned,
        achieved: row.criteriaAchieved,
        investment: row.investment,
        funded: row.funded,
      })),
    },
    {
      name: "Theo tiêu chí",
      columns: [
        { header: "Tiêu chí", key: "criterion", width: 36 },
        { header: "Số xã kế hoạch", key: "communes", width: 14, format: "integer" },
        { header: "Nhu cầu vốn (đồng)", key: "investment", width: 22, format: "integer" },
        { header: "Đã bố trí (đồng)", key: "funded", width: 22, format: "integer" },
        { header: "Còn thiếu (đồng)", key: "gap", width: 22, format: "integer" },
      ],
      rows: body.rollup.byCriterion.map((row) => ({
        criterion: `${row.criterionCode}. ${name.get(row.criterionCode) ?? ""}`,
        communes: row.communes,
        investment: row.investment,
        funded: row.funded,
        gap: row.gap,
      })),
    },
    {
      name: "Theo nguồn vốn",
      columns: [
        { header: "Nguồn vốn", key: "source", width: 40 },
        { header: "Số tiền (đồng)", key: "amount", width: 22, format: "integer" },
      ],
      rows: body.rollup.bySource.map((row) => ({ source: row.name, amount: row.amount })),
    },
  ];
}

export function comparisonSheets(body: UnitComparisonResponse): Sheet[] {
  return [
    {
      name: "Qua các năm",
      columns: [
        { header: "Năm", key: "year", width: 8 },
        { header: "Đơn vị", key: "unit", width: 28 },
        { header: "Số tiêu chí đạt", key: "met", width: 14, format: "integer" },
        { header: "Tổng số tiêu chí", key: "total", width: 14, format: "integer" },
        { header: "Mức đạt", key: "level", width: 16 },
        { header: "Ghi chú", key: "note", width: 70 },
      ],
      rows: body.years.flatMap((row) =>
        [...(row.own ? [row.own] : []), ...row.predecessors].map((result) => ({
          year: row.year,
          unit:
            result.unitCode === body.unit.code
              ? body.unit.name
              : (row.predecessorNames[result.unitCode] ?? result.unitCode),
          met: result.criteriaMet,
          total: result.criteriaTotal,
          level: levelNames[result.level ?? "none"] ?? "",
          note: row.note,
        })),
      ),
    },
  ];
}
