import { describe, expect, it } from "vitest";
import type { LevelCode } from "../catalog/criteria-set.ts";
import { describeRequirement, evaluateTarget, scheduleOf, targetShare } from "./evaluate-target.ts";
import type { TargetCommune, TargetDefinition } from "./target.ts";

const levels: LevelCode[] = ["standard", "advanced", "model"];

/** A commune from its criteria met by year (19 criteria); 19 means recognised. */
function commune(code: string, byYear: Record<number, number>): TargetCommune {
  const results = Object.fromEntries(
    Object.entries(byYear).map(([year, met]) => [
      Number(year),
      {
        criteriaMet: met,
        criteriaTotal: 19,
        level: met === 19 ? ("standard" as const) : null,
        unmet: Array.from({ length: 19 - met }, (_, index) => String(19 - index)).reverse(),
      },
    ]),
  );
  return { code, name: `Xã ${code}`, parentName: "Huyện Tu Mơ Rông", results };
}

/** CV 3080/UBND-NNTN: ≥ 1 NTM commune in 2024, ≥ 3 in 2025, the others +1 to 2 criteria a year. */
const tuMoRong: TargetDefinition = {
  kind: "communesAtLevel",
  level: "standard",
  measure: "count",
  baselineYear: 2022,
  deadlineYear: 2025,
  value: 3,
  milestones: [{ year: 2024, value: 1 }],
  othersGainPerYear: 1,
};

const communes = [
  commune("Ngọc Yêu", { 2022: 16, 2023: 17, 2024: 19 }),
  commune("Đắk Na", { 2022: 12, 2023: 13, 2024: 15 }),
  commune("Măng Ri", { 2022: 7, 2023: 9, 2024: 9 }),
  commune("Tê Xăng", { 2022: 10, 2023: 11, 2024: 11 }),
  commune("Văn Xuôi", { 2022: 7, 2023: 9, 2024: 10 }),
];

describe("a target with a value per year", () => {
  it("is judged on the milestone of the year in view: 1 NTM commune in 2024 is on track", () => {
    const progress = evaluateTarget({ target: tuMoRong, communes, levels, year: 2024 });
    expect(progress.status).toBe("onTrack");
    expect(progress.statusName).toBe("Đúng tiến độ");
    expect(progress.milestone).toEqual({ year: 2024, value: 1 });
    expect(progress.actual).toBe(1);
    expect(progress.target).toBe(3);
    expect(progress.rule).toContain("Đạt mốc năm 2024: 1 xã, mốc năm 2024: 1 xã");
    expect(progress.rule).toContain("mục tiêu năm 2025: 3 xã");
  });

  it("the same communes judged on a straight line to 2025 are not on track", () => {
    const straight = { ...tuMoRong, milestones: [] };
    const progress = evaluateTarget({ target: straight, communes, levels, year: 2024 });
    expect(progress.status).not.toBe("onTrack");
    expect(progress.milestone).toBeNull();
  });

  it("names the other communes that gained no criterion over the year before", () => {
    const progress = evaluateTarget({ target: tuMoRong, communes, levels, year: 2024 });
    expect(progress.behind.map((row) => [row.name, row.gained])).toEqual([
      ["Xã Măng Ri", 0],
      ["Xã Tê Xăng", 0],
    ]);
    expect(progress.behind[0]?.required).toBe("+1 tiêu chí so với năm 2023 (9 tiêu chí)");
    expect(progress.rule).toContain(
      "các xã còn lại mỗi năm tăng ít nhất 1 tiêu chí: 2 xã tăng dưới 1 tiêu chí so với năm 2023 — Xã Măng Ri (0), Xã Tê Xăng (0)",
    );
  });

  it("a commune that lost criteria is named first, with the loss", () => {
    const slipping = [...communes, commune("Đắk Hà", { 2023: 12, 2024: 11 })];
    const progress = evaluateTarget({ target: tuMoRong, communes: slipping, levels, year: 2024 });
    expect(progress.behind.map((row) => [row.name, row.gained])).toEqual([
      ["Xã Đắk Hà", -1],
      ["Xã Măng Ri", 0],
      ["Xã Tê Xăng", 0],
    ]);
  });

  it("a milestone missed in its own year is off track, with what is missing", () => {
    const none = communes.map((c) =>
      c.code === "Ngọc Yêu" ? commune("Ngọc Yêu", { 2024: 18 }) : c,
    );
    const progress = evaluateTarget({ target: tuMoRong, communes: none, levels, year: 2024 });
    expect(progress.status).toBe("offTrack");
    expect(progress.rule).toContain("Chưa đạt mốc năm 2024: 0 xã, mốc năm 2024: 1 xã (thiếu 1 xã)");
  });

  it("before a milestone, the pace is measured toward that milestone", () => {
    const progress = evaluateTarget({ target: tuMoRong, communes, levels, year: 2023 });
    expect(progress.milestone).toEqual({ year: 2024, value: 1 });
    // 0 communes in 2022 and 2023: no gain, 1 needed within 1 year.
    expect(progress.status).toBe("offTrack");
    expect(progress.rule).toContain("cần +1 xã/năm trong 1 năm còn lại đến mốc năm 2024");
  });

  it("the deadline is judged on the final value", () => {
    const in2025 = communes.map((c) =>
      commune(c.code, {
        ...Object.fromEntries(Object.entries(c.results).map(([y, r]) => [y, r.criteriaMet])),
        2025: c.code === "Ngọc Yêu" || c.code === "Đắk Na" ? 19 : 12,
      }),
    );
    const progress = evaluateTarget({ target: tuMoRong, communes: in2025, levels, year: 2025 });
    expect(progress.status).toBe("offTrack");
    expect(progress.rule).toContain("Đã đến hạn năm 2025: năm 2025: 2 xã, mục tiêu 3 xã");
    expect(progress.milestone).toEqual({ year: 2025, value: 3 });
  });

  it("an entered figure with a value for its year: ≥ 10 OCOP products of 3 stars in 2023", () => {
    const ocop: TargetDefinition = {
      kind: "enteredValue",
      baselineYear: 2022,
      deadlineYear: 2025,
      value: 15,
      valueUnit: "sản phẩm",
      milestones: [{ year: 2023, value: 10 }],
      entered: [
        { year: 2022, value: 6 },
        { year: 2023, value: 12 },
      ],
    };
    const progress = evaluateTarget({ target: ocop, communes: [], levels, year: 2023 });
    expect(progress.status).toBe("onTrack");
    expect(progress.rule).toContain("Đạt mốc năm 2023: 12 sản phẩm, mốc năm 2023: 10 sản phẩm");
    const short = { ...ocop, entered: [{ year: 2023, value: 8 }] };
    expect(evaluateTarget({ target: short, communes: [], levels, year: 2023 }).status).toBe(
      "offTrack",
    );
  });

  it("says the schedule in words, the other communes' gain included", () => {
    expect(describeRequirement({ target: tuMoRong })).toBe(
      "1 xã đạt chuẩn NTM năm 2024, 3 xã đạt chuẩn NTM đến năm 2025; các xã còn lại mỗi năm tăng ít nhất 1 tiêu chí",
    );
  });

  it("keeps only milestones between the baseline and the deadline, in order, for kinds with one figure", () => {
    const messy: TargetDefinition = {
      ...tuMoRong,
      milestones: [
        { year: 2024, value: 1 },
        { year: 2021, value: 0 },
        { year: 2023, value: 0 },
        { year: 2026, value: 5 },
      ],
    };
    expect(scheduleOf(messy)).toEqual([
      { year: 2023, value: 0 },
      { year: 2024, value: 1 },
      { year: 2025, value: 3 },
    ]);
    expect(scheduleOf({ ...messy, kind: "minCriteria" })).toEqual([{ year: 2025, value: 3 }]);
  });
});

describe("a district's share of a province target", () => {
  it("counts the district's communes and lists only its communes behind", () => {
    const target: TargetDefinition = {
      kind: "minCriteria",
      baselineYear: 2022,
      deadlineYear: 2023,
      value: 10,
    };
    const all = [
      commune("A", { 2022: 8, 2023: 9 }),
      commune("B", { 2022: 12, 2023: 12 }),
      commune("C", { 2022: 7, 2023: 8 }),
    ];
    const input = { target, communes: all, levels, year: 2023 };
    const progress = evaluateTarget(input);
    expect(progress.behind.map((row) => row.code)).toEqual(["C", "A"]);
    const share = targetShare(input, progress, new Set(["A", "B"]));
    expect(share.communes).toBe(2);
    expect(share.behind.map((row) => row.code)).toEqual(["A"]);
  });

  it("has no share in a figure entered by the office", () => {
    const entered: TargetDefinition = {
      kind: "enteredValue",
      baselineYear: 2022,
      deadlineYear: 2025,
      value: 4,
      valueUnit: "huyện",
      entered: [{ year: 2024, value: 1 }],
    };
    const input = { target: entered, communes: [commune("A", { 2024: 9 })], levels, year: 2024 };
    expect(targetShare(input, evaluateTarget(input), new Set(["A"]))).toMatchObject({
      communes: 0,
      behind: [],
    });
  });

  it("names in its rule only the district's own communes that gained too little", () => {
    const input = { target: tuMoRong, communes, levels, year: 2024 };
    const progress = evaluateTarget(input);
    expect(progress.rule).toContain("Xã Tê Xăng (0)");
    const share = targetShare(input, progress, new Set(["Ngọc Yêu", "Măng Ri"]));
    expect(share.rule).toContain("1 xã tăng dưới 1 tiêu chí so với năm 2023 — Xã Măng Ri (0).");
    expect(share.rule).not.toContain("Tê Xăng");
    expect(share.rule.startsWith("Đạt mốc năm 2024: 1 xã")).toBe(true);
    const none = targetShare(input, progress, new Set(["Ngọc Yêu", "Đắk Na"]));
    expect(none.rule).toContain("không có xã nào tăng dưới 1 tiêu chí so với năm 2023");
    expect(none.rule).not.toContain("Măng Ri");
  });

  it("builds the rule from the communes the reader may see named, the figures staying whole", () => {
    const input = { target: tuMoRong, communes, levels, year: 2024 };
    const whole = evaluateTarget(input);
    const part = evaluateTarget(input, { nameable: new Set(["Măng Ri"]) });
    expect(part.rule).toContain("1 xã tăng dưới 1 tiêu chí so với năm 2023 — Xã Măng Ri (0).");
    expect(part.rule).not.toContain("Tê Xăng");
    expect(part.actual).toBe(whole.actual);
    expect(part.behind).toEqual(whole.behind);
  });
});
