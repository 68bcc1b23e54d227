import { describe, expect, it } from "vitest";
import { checkPlan, pathToLevel, rollupPlans, type CommunePlan } from "./plan.ts";

const plan: CommunePlan = {
  year: 2025,
  criteria: ["2", "5", "17"],
  landUseFeeRevenue: 2_000_000_000,
  items: [
    {
      criterionCode: "2",
      investment: 3_000_000_000,
      funding: { central: 1_500_000_000, landUseFee: 800_000_000, people: 200_000_000 },
      tasks: [
        {
          title: "Cứng hóa 2 km đường trục thôn",
          owner: "UBND xã",
          due: "2025-06-30",
          progress: 40,
        },
        { title: "Lắp biển báo", owner: "Ban QL xã", due: "2025-03-31", progress: 100 },
      ],
    },
    {
      criterionCode: "5",
      investment: 1_000_000_000,
      funding: { local: 1_000_000_000 },
      tasks: [],
    },
  ],
};

describe("checkPlan", () => {
  it.each([
    ["before any due date", "2025-01-01", 0],
    ["after the road's due date", "2025-07-01", 1],
  ])("%s: overdue tasks counted as of the date given", (_name, asOf, overdue) => {
    expect(checkPlan(plan, asOf).tasks).toEqual({ total: 2, done: 1, overdue });
  });

  it("totals investment and funding, and says what is wrong", () => {
    const result = checkPlan(plan, "2025-07-01");
    expect(result.investment).toBe(4_000_000_000);
    expect(result.funded).toBe(3_500_000_000);
    expect(result.fundingGap).toBe(500_000_000);
    expect(result.bySource.find((row) => row.source === "landUseFee")?.amount).toBe(800_000_000);
    expect(result.warnings).toEqual([
      "Tiêu chí 2: còn thiếu 500.000.000 đồng so với nhu cầu đầu tư.",
      "Tiêu chí phấn đấu đạt nhưng chưa có nội dung thực hiện: 17.",
      "Nguồn thu tiền sử dụng đất bố trí 800.000.000 đồng, dưới mức tối thiểu 50 % (1.000.000.000 đồng).",
      "1 nhiệm vụ quá hạn chưa hoàn thành.",
    ]);
  });

  it.each([
    [1_000_000_000, false],
    [999_999_999, true],
    [1_000_000_001, false],
  ])("land-use fee of %d out of 2 billion revenue: warning %s", (amount, warned) => {
    const changed = {
      ...plan,
      items: [{ criterionCode: "2", investment: 0, funding: { landUseFee: amount }, tasks: [] }],
      criteria: ["2"],
    };
    const warnings = checkPlan(changed, "2025-01-01").warnings;
    expect(warnings.some((text) => text.includes("tiền sử dụng đất"))).toBe(warned);
  });
});

describe("pathToLevel", () => {
  it.each([
    ["2", true, "partial"],
    ["5", true, "full"],
    ["17", true, "none"],
    ["15", false, "none"],
  ] as const)("criterion %s: planned %s, funding %s", (code, planned, funding) => {
    const [step] = pathToLevel([code], plan);
    expect(step?.planned).toBe(planned);
    expect(step?.funding).toBe(funding);
  });

  it("without a plan nothing is planned", () => {
    expect(pathToLevel(["2"], null)).toEqual([
      { criterionCode: "2", planned: false, funding: "none", investment: 0, funded: 0 },
    ]);
  });
});

describe("rollupPlans", () => {
  it("compares planned and achieved criteria and ranks criteria by missing money", () => {
    const result = rollupPlans([
      { unitCode: "A", plan, metAtYearEnd: ["2", "3"] },
      { unitCode: "B", plan, metAtYearEnd: null },
    ]);
    expect(result.communesWithPlan).toBe(2);
    expect(result.criteriaPlanned).toBe(6);
    expect(result.criteriaAchieved).toBe(1);
    expect(result.investment).toBe(8_000_000_000);
    expect(result.byCriterion.map((row) => [row.criterionCode, row.gap])).toEqual([
      ["2", 1_000_000_000],
      ["5", 0],
    ]);
  });
});
