import { describe, expect, it } from "vitest";
import { applyOverride } from "./apply-override.ts";
import { buildProvincialOverride, type OverrideRequest } from "./build-provincial-override.ts";
import type { CriteriaSet } from "./criteria-set.ts";
import { evaluateAssessment } from "../evaluation/evaluate-assessment.ts";
import { singleIndicatorSet } from "../evaluation/test-sets.ts";

const basis = { document: "12/2026/QĐ-UBND", date: "2026-03-01" };

/** A 2026–2030-like set: one percent indicator graded by the three commune groups. */
const groupSet: CriteriaSet = {
  ...singleIndicatorSet({ kind: "percent", comparator: ">=", threshold: 90 }),
  code: "nhom-xa",
  fromYear: 2026,
  toYear: 2030,
  classification: {
    kind: "communeGroup",
    values: [
      { code: "1", name: "Nhóm 1" },
      { code: "2", name: "Nhóm 2" },
      { code: "3", name: "Nhóm 3" },
    ],
  },
};
const indicatorCode = groupSet.criteria[0]?.indicators[0]?.code as string;

function request(entries: OverrideRequest["entries"]): OverrideRequest {
  return {
    code: "nhom-xa-p51",
    version: 1,
    name: "Bộ tiêu chí của tỉnh",
    provinceCode: "51",
    basis,
    effectiveFrom: "2027-01-01",
    entries,
  };
}

describe("a province's thresholds", () => {
  it("become an override judged against each commune's group", () => {
    const built = buildProvincialOverride(
      groupSet,
      request([
        { indicatorCode, level: "standard", classes: ["1", "2"], value: 95 },
        { indicatorCode, level: "standard", classes: ["3"], value: 80 },
      ]),
    );
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    expect(built.override.basedOn).toEqual({ code: "nhom-xa", version: 1 });
    const applied = applyOverride(groupSet, built.override);
    if (!applied.ok) throw new Error("override refused");
    expect(applied.set.effectiveFrom).toBe("2027-01-01");
    const judge = (communeGroup: string) =>
      evaluateAssessment({
        set: applied.set,
        unit: { code: "1", name: "Xã A", communeGroup, flags: [] },
        year: 2027,
        values: { [indicatorCode]: 85 },
      }).criteria[0]?.indicators[0]?.byLevel.standard;
    expect(judge("3")).toMatchObject({ status: "met", threshold: { value: 80 } });
    expect(judge("2")).toMatchObject({ status: "not_met", threshold: { value: 95 } });
    expect(judge("3")?.threshold?.status).toBe("confirmed");
  });

  it("are refused with a Vietnamese reason for a value out of range, a wrong type or a missing group", () => {
    const built = buildProvincialOverride(
      groupSet,
      request([
        { indicatorCode, level: "standard", classes: ["1"], value: 120 },
        { indicatorCode, level: "standard", classes: ["2"], value: true },
        { indicatorCode: "99.9", level: "standard", value: 50 },
        { indicatorCode, level: "model", value: 50 },
        { indicatorCode, level: "standard", classes: ["4"], value: 50 },
      ]),
    );
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.problems.map((problem) => problem.message)).toEqual([
      `Dòng 1: ngưỡng của chỉ tiêu ${indicatorCode} tỷ lệ phải từ 0 đến 100 %.`,
      `Dòng 2: ngưỡng của chỉ tiêu ${indicatorCode} phải là một số.`,
      "Dòng 3: bộ tiêu chí gốc không có chỉ tiêu 99.9.",
      "Dòng 4: bộ tiêu chí không có mức model.",
      "Dòng 5: nhóm 4 không có trong bộ tiêu chí.",
    ]);
  });

  it("must cover every group of an indicator they replace, once", () => {
    const level = groupSet.levels[0]?.name;
    const messages = (entries: OverrideRequest["entries"]) => {
      const built = buildProvincialOverride(groupSet, request(entries));
      return built.ok ? [] : built.problems.map((problem) => problem.message);
    };
    expect(messages([{ indicatorCode, level: "standard", classes: ["3"], value: 80 }])).toEqual([
      `Chỉ tiêu ${indicatorCode}, mức "${level}": thiếu ngưỡng cho nhóm 1, 2 (thêm một dòng chung cho mọi nhóm hoặc một dòng cho từng nhóm).`,
    ]);
    expect(
      messages([
        { indicatorCode, level: "standard", value: 80 },
        { indicatorCode, level: "standard", classes: ["3"], value: 85 },
      ]),
    ).toEqual([]);
    expect(
      messages([
        { indicatorCode, level: "standard", classes: ["1", "2", "3"], value: 80 },
        { indicatorCode, level: "standard", classes: ["3"], value: 85 },
      ]),
    ).toEqual([`Dòng 2: chỉ tiêu ${indicatorCode} ở mức "${level}" đã có ngưỡng cho nhóm 3.`]);
    expect(messages([])).toEqual(["Cần ít nhất một ngưỡng."]);
  });
});
