import { describe, expect, it } from "vitest";
import { applyAmendment } from "./apply-amendment.ts";
import type { CriteriaSet } from "./criteria-set.ts";
import { selectSetInForce, type SetVersionHeader } from "./set-in-force.ts";
import { evaluateAssessment } from "../evaluation/evaluate-assessment.ts";
import { testSet } from "../evaluation/test-sets.ts";

const qd318: SetVersionHeader = {
  code: "vn-commune-2021-2025",
  version: 1,
  provinceCode: null,
  fromYear: 2021,
  toYear: 2025,
  basis: { document: "318/QĐ-TTg", date: "2022-03-08" },
};
const qd211: SetVersionHeader = {
  ...qd318,
  version: 2,
  effectiveFrom: "2024-03-01",
  basis: { document: "211/QĐ-TTg", date: "2024-03-01" },
};
const qd51: SetVersionHeader = {
  code: "vn-commune-2026-2030",
  version: 1,
  provinceCode: null,
  fromYear: 2026,
  toYear: 2030,
  effectiveFrom: "2026-02-15",
  basis: { document: "51/2025/QĐ-TTg", date: "2025-12-29" },
};
const konTum: SetVersionHeader = {
  code: "kon-tum-commune-2021-2025",
  version: 1,
  provinceCode: "62",
  fromYear: 2021,
  toYear: 2025,
  basis: { document: "Quyết định của UBND tỉnh Kon Tum (minh họa)" },
};
const all = [qd318, qd211, qd51, konTum];

const pick = (year: number, provinceCode: string | null, candidates = all) =>
  selectSetInForce(candidates, { year, provinceCode });

describe("the set in force follows the year", () => {
  it("gives the 2021–2025 set for 2025 and the QĐ 51/2025 set for 2026", () => {
    expect(pick(2025, "12")?.set).toBe(qd211);
    expect(pick(2026, "12")?.set).toBe(qd51);
    expect(pick(2026, "12")?.reason).toBe(
      "Năm 2026 áp dụng bộ tiêu chí quốc gia vn-commune-2026-2030 phiên bản 1 (51/2025/QĐ-TTg ngày 29/12/2025), hiệu lực từ 15/02/2026.",
    );
  });

  it("keeps a province's own 2021–2025 set until 2025 and gives it the national 2026 set after", () => {
    expect(pick(2025, "62")?.set).toBe(konTum);
    expect(pick(2026, "62")?.set).toBe(qd51);
  });

  it("picks the amendment from its start date and the amended version before it", () => {
    expect(pick(2023, "12")?.set).toBe(qd318);
    expect(pick(2024, "12")?.set).toBe(qd211);
    expect(pick(2024, "12")?.reason).toMatch(
      /211\/QĐ-TTg ngày 01\/03\/2024\), hiệu lực từ 01\/03\/2024/,
    );
  });

  it("keeps a province's earlier version for the years before its new decision", () => {
    const second = { ...konTum, version: 2, effectiveFrom: "2025-01-01" };
    expect(pick(2024, "62", [...all, second])?.set).toBe(konTum);
    expect(pick(2025, "62", [...all, second])?.set).toBe(second);
  });

  it("uses a province's override of the 2026 set only from the year it starts", () => {
    const override = {
      ...qd51,
      code: "vn-commune-2026-2030-p62",
      provinceCode: "62",
      effectiveFrom: "2027-01-01",
    };
    expect(pick(2026, "62", [...all, override])?.set).toBe(qd51);
    expect(pick(2027, "62", [...all, override])?.set).toBe(override);
    expect(pick(2027, "12", [...all, override])?.set).toBe(qd51);
  });

  it("answers null for a year no set covers", () => {
    expect(pick(2020, "12")).toBeNull();
  });
});

describe("an amendment", () => {
  const base: CriteriaSet = testSet;

  it("is a later version of the same set, with its own basis and start date", () => {
    const result = applyAmendment(base, {
      code: base.code,
      version: 2,
      amends: { code: base.code, version: 1 },
      basis: { document: "211/QĐ-TTg", date: "2024-03-01" },
      effectiveFrom: "2024-03-01",
      overrides: [],
      note: "Chưa chép được nội dung sửa đổi.",
    });
    if (!result.ok) throw new Error("amendment refused");
    expect(result.set).toMatchObject({
      code: base.code,
      version: 2,
      basis: base.basis,
      effectiveFrom: "2024-03-01",
      amendment: {
        amends: { code: base.code, version: 1 },
        basis: { document: "211/QĐ-TTg" },
        changedIndicators: [],
        note: "Chưa chép được nội dung sửa đổi.",
      },
    });
    expect(result.set.criteria).toEqual(base.criteria);
  });

  it("replaces the rows it changes and refuses an indicator the set lacks", () => {
    const basis = { document: "211/QĐ-TTg", date: "2024-03-01" };
    const changed = applyAmendment(base, {
      code: base.code,
      version: 2,
      amends: { code: base.code, version: 1 },
      basis,
      effectiveFrom: "2024-03-01",
      overrides: [
        {
          indicatorCode: "3.1",
          levels: ["standard"],
          thresholds: [{ level: "standard", value: 85, basis, status: "confirmed" }],
        },
      ],
    });
    if (!changed.ok) throw new Error("amendment refused");
    const unit = { code: "1", name: "Xã A", region: "TN", flags: [] };
    const result = evaluateAssessment({
      set: changed.set,
      unit,
      year: 2024,
      values: { "3.1": 82 },
    });
    const irrigation = result.criteria[0]?.indicators[0]?.byLevel.standard;
    expect(irrigation?.status).toBe("not_met");
    expect(irrigation?.threshold?.value).toBe(85);
    expect(changed.set.amendment?.changedIndicators).toEqual(["3.1"]);

    const unknown = applyAmendment(base, {
      code: base.code,
      version: 2,
      amends: { code: base.code, version: 1 },
      basis,
      effectiveFrom: "2024-03-01",
      overrides: [{ indicatorCode: "99.9", levels: ["standard"], thresholds: [] }],
    });
    expect(unknown).toEqual({ ok: false, unknownIndicators: ["99.9"] });
  });
});
