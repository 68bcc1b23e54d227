import { describe, expect, it } from "vitest";
import {
  planVillageMoves,
  villageSourcedIndicators,
  villageSourcedValue,
  type CriteriaSet,
  type ExistingVersion,
  type Indicator,
  type ReformNewUnit,
} from "../index.ts";

const condition: Indicator = {
  code: "KM.1",
  name: "Có ít nhất một mô hình thôn thông minh",
  kind: "boolean",
  comparator: "is",
  source: { kind: "villageRegistry", villageSetKind: "smart-village" },
  thresholds: [],
};
const smartSet = { code: "51-ttm", name: "Bộ tiêu chí thôn thông minh" };

describe("a value read from the village registry", () => {
  it("finds the indicators and level conditions that declare the registry", () => {
    const set = {
      criteria: [
        { code: "1", name: "A", indicators: [{ ...condition, code: "1.1", source: undefined }] },
      ],
      levels: [{ code: "model", name: "Kiểu mẫu", conditions: [condition] }],
    } as unknown as CriteriaSet;
    expect(villageSourcedIndicators(set).map((indicator) => indicator.code)).toEqual(["KM.1"]);
  });

  it("is met by a village recognised for the year or before, naming it with its decision", () => {
    const result = villageSourcedValue(
      condition,
      smartSet,
      [
        {
          code: "v2",
          name: "Thôn Tân An",
          recognition: { status: "recognised", year: 2024, decisionNumber: "61/QĐ-UBND" },
        },
        {
          code: "v1",
          name: "Bản Nà Lừa",
          recognition: { status: "recognised", year: 2025, decisionNumber: null },
        },
        {
          code: "v3",
          name: "Thôn 3",
          recognition: { status: "self_assessed", year: 2024, decisionNumber: null },
        },
        { code: "v4", name: "Thôn 4", recognition: null },
      ],
      2024,
    );
    expect(result.value).toBe(true);
    expect(result.villages.map((village) => village.code)).toEqual(["v2"]);
    expect(result.note).toBe(
      "Lấy từ sổ thôn (Bộ tiêu chí thôn thông minh): 1 thôn được công nhận đến 31/12/2024: Thôn Tân An (61/QĐ-UBND).",
    );
  });

  it("is not met when no village is recognised, a revoked one not counting; a number counts them", () => {
    const revoked = [
      {
        code: "v1",
        name: "Thôn 1",
        recognition: { status: "revoked" as const, year: 2023, decisionNumber: "9/QĐ" },
      },
    ];
    const none = villageSourcedValue(condition, smartSet, revoked, 2024);
    expect(none.value).toBe(false);
    expect(none.note).toContain("chưa có thôn nào được công nhận đến 31/12/2024");
    const counted = villageSourcedValue(
      { ...condition, kind: "number", comparator: ">=" },
      smartSet,
      [
        {
          code: "v1",
          name: "Thôn 1",
          recognition: { status: "recognised", year: 2023, decisionNumber: null },
        },
      ],
      2024,
    );
    expect(counted.value).toBe(1);
  });
});

describe("villages through a reorganisation", () => {
  const version = (
    id: number,
    code: string,
    parentCode: string,
    validTo: string | null = null,
  ): ExistingVersion => ({
    id,
    code,
    name: `Thôn ${code}`,
    level: "village",
    parentCode,
    validFrom: "2020-01-01",
    validTo,
    region: null,
  });
  const units: ReformNewUnit[] = [
    {
      code: "N1",
      name: "Xã Một",
      provinceCode: "P",
      type: "xa",
      predecessors: [
        { code: "A", kind: "full" },
        { code: "B", kind: "full" },
      ],
    },
    {
      code: "N2",
      name: "Xã Hai",
      provinceCode: "P",
      type: "xa",
      predecessors: [{ code: "C", kind: "partial" }],
    },
    {
      code: "N3",
      name: "Xã Ba",
      provinceCode: "P",
      type: "xa",
      predecessors: [{ code: "C", kind: "partial" }],
    },
  ];

  it("moves a village to the one new commune of its commune, lists one of a divided commune, and skips the rest", () => {
    const plan = planVillageMoves(
      { lastDayBefore: "2025-06-30" },
      [
        version(1, "A-01", "A"),
        version(2, "C-01", "C"),
        version(3, "A-02", "A", "2024-12-31"),
        version(4, "Z-01", "Z"),
        version(5, "B-01", "B", "2025-06-30"),
      ],
      units,
    );
    expect(plan.moves).toEqual([
      { code: "A-01", name: "Thôn A-01", fromId: 1, fromCommune: "A", toCommune: "N1" },
    ]);
    expect(plan.toPlace).toEqual([
      { code: "C-01", name: "Thôn C-01", communeCode: "C", candidates: ["N2", "N3"] },
    ]);
  });
});
