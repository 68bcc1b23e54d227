import { formatNumberVi } from "../evaluation/format-vi.ts";

/** Funding sources of the programme (QĐ 263/QĐ-TTg 2022, section on funding mobilisation). */
export const fundingSources = [
  "central",
  "local",
  "integrated",
  "landUseFee",
  "credit",
  "enterprise",
  "people",
] as const;
export type FundingSource = (typeof fundingSources)[number];

export const fundingSourceNames: Record<FundingSource, string> = {
  central: "Ngân sách trung ương",
  local: "Ngân sách tỉnh, huyện, xã",
  integrated: "Lồng ghép các chương trình",
  landUseFee: "Nguồn thu tiền sử dụng đất",
  credit: "Vốn tín dụng",
  enterprise: "Doanh nghiệp",
  people: "Nhân dân đóng góp",
};

/** Share of the land-use fee revenue the province sets aside for the programme (seed 003, 000). */
export const LAND_USE_FEE_MIN_SHARE = 0.5;

export interface PlanTask {
  title: string;
  owner: string;
  /** ISO date. */
  due: string;
  /** 0–100. */
  progress: number;
}

export interface PlanItem {
  criterionCode: string;
  /** Investment needed, in đồng. */
  investment: number;
  funding: Partial<Record<FundingSource, number>>;
  tasks: PlanTask[];
}

export interface CommunePlan {
  year: number;
  /** Criteria the commune plans to reach within the year. */
  criteria: string[];
  items: PlanItem[];
  /** Land-use fee revenue of the commune's budget that year, in đồng (for the 50 % rule). */
  landUseFeeRevenue: number | null;
}

export interface PlanCheck {
  investment: number;
  funded: number;
  /** Investment not yet covered by a source (0 when fully funded). */
  fundingGap: number;
  bySource: { source: FundingSource; name: string; amount: number }[];
  tasks: { total: number; done: number; overdue: number };
  warnings: string[];
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
export const fundedOf = (item: Pick<PlanItem, "funding">) =>
  sum(Object.values(item.funding).map((value) => value ?? 0));

/** Totals of a plan and what is wrong with it, as of a date (an ISO date, given by the caller). */
export function checkPlan(plan: CommunePlan, asOf: string): PlanCheck {
  const investment = sum(plan.items.map((item) => item.investment));
  const funded = sum(plan.items.map(fundedOf));
  const bySource = fundingSources.map((source) => ({
    source,
    name: fundingSourceNames[source],
    amount: sum(plan.items.map((item) => item.funding[source] ?? 0)),
  }));
  const tasks = plan.items.flatMap((item) => item.tasks);
  const overdue = tasks.filter((task) => task.progress < 100 && task.due < asOf);
  const warnings: string[] = [];
  for (const item of plan.items) {
    const itemFunded = fundedOf(item);
    if (itemFunded < item.investment) {
      warnings.push(
        `Tiêu chí ${item.criterionCode}: còn thiếu ${formatNumberVi(item.investment - itemFunded)} đồng so với nhu cầu đầu tư.`,
      );
    }
  }
  const unplanned = plan.criteria.filter(
    (code) => !plan.items.some((item) => item.criterionCode === code),
  );
  if (unplanned.length) {
    warnings.push(
      `Tiêu chí phấn đấu đạt nhưng chưa có nội dung thực hiện: ${unplanned.join(", ")}.`,
    );
  }
  const landUse = bySource.find((row) => row.source === "landUseFee")?.amount ?? 0;
  if (plan.landUseFeeRevenue !== null && plan.landUseFeeRevenue > 0) {
    const minimum = plan.landUseFeeRevenue * LAND_USE_FEE_MIN_SHARE;
    if (landUse < minimum) {
      warnings.push(
        `Nguồn thu tiền sử dụng đất bố trí ${formatNumberVi(landUse)} đồng, dưới mức tối thiểu ${formatNumberVi(LAND_USE_FEE_MIN_SHARE * 100)} % (${formatNumberVi(minimum)} đồng).`,
      );
    }
  }
  if (overdue.length) warnings.push(`${overdue.length} nhiệm vụ quá hạn chưa hoàn thành.`);
  return {
    investment,
    funded,
    fundingGap: Math.max(0, investment - funded),
    bySource,
    tasks: {
      total: tasks.length,
      done: tasks.filter((task) => task.progress >= 100).length,
      overdue: overdue.length,
    },
    warnings,
  };
}

export type PathFunding = "none" | "partial" | "full";

export interface PathStep {
  criterionCode: string;
  planned: boolean;
  funding: PathFunding;
  investment: number;
  funded: number;
}

/** For each criterion missing for the next level: is it in a plan, and is that plan funded. */
export function pathToLevel(missing: readonly string[], plan: CommunePlan | null): PathStep[] {
  return missing.map((criterionCode) => {
    const item = plan?.items.find((candidate) => candidate.criterionCode === criterionCode);
    const planned = Boolean(item) || Boolean(plan?.criteria.includes(criterionCode));
    const investment = item?.investment ?? 0;
    const funded = item ? fundedOf(item) : 0;
    const funding: PathFunding =
      !item || funded === 0 ? "none" : funded >= investment ? "full" : "partial";
    return { criterionCode, planned, funding, investment, funded };
  });
}

export interface PlanRollupInput {
  unitCode: string;
  plan: CommunePlan;
  /** Criteria the commune met at the end of the plan's year (null: not evaluated). */
  metAtYearEnd: readonly string[] | null;
}

export interface PlanRollup {
  communesWithPlan: number;
  criteriaPlanned: number;
  criteriaAchieved: number;
  investment: number;
  funded: number;
  bySource: { source: FundingSource; name: string; amount: number }[];
  /** Criteria by funding still missing, largest first: "the criteria that need money the most". */
  byCriterion: {
    criterionCode: string;
    communes: number;
    investment: number;
    funded: number;
    gap: number;
  }[];
}

/** Plan against actual for a district or the province. */
export function rollupPlans(rows: readonly PlanRollupInput[]): PlanRollup {
  const byCriterion = new Map<string, PlanRollup["byCriterion"][number]>();
  for (const { plan } of rows) {
    for (const item of plan.items) {
      const entry = byCriterion.get(item.criterionCode) ?? {
        criterionCode: item.criterionCode,
        communes: 0,
        investment: 0,
        funded: 0,
        gap: 0,
      };
      entry.communes += 1;
      entry.investment += item.investment;
      entry.funded += fundedOf(item);
      entry.gap = Math.max(0, entry.investment - entry.funded);
      byCriterion.set(item.criterionCode, entry);
    }
  }
  const items = rows.flatMap((row) => row.plan.items);
  return {
    communesWithPlan: rows.length,
    criteriaPlanned: sum(rows.map((row) => row.plan.criteria.length)),
    criteriaAchieved: sum(
      rows.map(
        (row) =>
          row.plan.criteria.filter((code) => row.metAtYearEnd?.includes(code) ?? false).length,
      ),
    ),
    investment: sum(items.map((item) => item.investment)),
    funded: sum(items.map(fundedOf)),
    bySource: fundingSources.map((source) => ({
      source,
      name: fundingSourceNames[source],
      amount: sum(items.map((item) => item.funding[source] ?? 0)),
    })),
    byCriterion: [...byCriterion.values()].sort(
      (a, b) => b.gap - a.gap || b.investment - a.investment,
    ),
  };
}
