import { describe, expect, it } from "vitest";
import type { SuccessorLink } from "./lineage.ts";
import {
  planReform,
  reformProvinces,
  type ExistingVersion,
  type ReformSource,
} from "./reform-plan.ts";

const old = (
  id: number,
  code: string,
  level: ExistingVersion["level"],
  parentCode: string | null,
  region: string | null,
): ExistingVersion => ({
  id,
  code,
  name: `Đơn vị ${code}`,
  level,
  parentCode,
  validFrom: "2008-08-01",
  validTo: null,
  region,
});

// Two old provinces of two regions merge into N1; commune 11 straddles them with 21 (part of it).
const source: ReformSource = {
  effectiveDate: "2025-07-01",
  lastDayBefore: "2025-06-30",
  provinces: [
    {
      code: "N1",
      name: "Tỉnh Mới",
      provinceCode: "N1",
      type: null,
      predecessors: [
        { code: "P1", kind: "full" },
        { code: "P2", kind: "full" },
      ],
    },
  ],
  units: [
    {
      code: "11",
      name: "Xã Mới",
      provinceCode: "N1",
      type: "xa",
      predecessors: [
        { code: "11", kind: "full" },
        { code: "21", kind: "partial" },
      ],
    },
    {
      code: "22",
      name: "Phường Mới",
      provinceCode: "N1",
      type: "phuong",
      predecessors: [
        { code: "21", kind: "partial" },
        { code: "99", kind: "full" },
      ],
    },
  ],
  oldProvinceOf: new Map([
    ["11", "P1"],
    ["21", "P2"],
    ["99", "P2"],
  ]),
};
const tree = [
  old(1, "P1", "province", null, "TN"),
  old(2, "H1", "district", "P1", "TN"),
  old(3, "11", "commune", "H1", null),
  old(4, "P2", "province", null, "DHNTB"),
  old(5, "H2", "district", "P2", "DHNTB"),
  old(6, "21", "commune", "H2", "DHNTB"),
  old(7, "12", "commune", "H1", "TN"),
  old(8, "OTHER", "province", null, "TN"),
];

describe("planReform", () => {
  const plan = planReform(source, tree, [], source.provinces);

  it("creates the new versions, only xã assessed, under their new province", () => {
    expect(plan.create.map((v) => [v.code, v.level, v.parentCode, v.assessed])).toEqual([
      ["N1", "province", null, false],
      ["11", "commune", "N1", true],
      ["22", "commune", "N1", false],
    ]);
  });

  it("a unit formed from two regions gets no region but both candidates; one region is kept", () => {
    const byCode = new Map(plan.create.map((v) => [v.code, v]));
    expect(byCode.get("11")).toMatchObject({ region: null, regionCandidates: ["DHNTB", "TN"] });
    expect(byCode.get("22")).toMatchObject({ region: "DHNTB", regionCandidates: null });
    expect(plan.report.regionChoices.map((c) => c.code)).toEqual(["N1", "11"]);
  });

  it("closes the old tree of the provinces in scope, links versions with their kind, reports gaps", () => {
    expect(plan.close.map((v) => v.code)).toEqual(["P1", "H1", "11", "P2", "H2", "21", "12"]);
    expect(plan.links.map((l) => `${l.predecessorCode}>${l.successorCode}:${l.kind}`)).toEqual([
      "P1>N1:full",
      "P2>N1:full",
      "11>11:full",
      "21>11:partial",
      "21>22:partial",
    ]);
    expect(plan.report.missingInDatabase).toEqual(["99"]);
    expect(plan.report.closedWithoutSuccessor).toEqual(["12"]);
    expect(plan.report.oldCommunesWithoutSuccessor).toEqual([]);
  });

  it("plans nothing on its own result", () => {
    const after: ExistingVersion[] = [
      ...tree.map((v) => (v.code === "OTHER" ? v : { ...v, validTo: "2025-06-30" })),
      ...plan.create.map((v, i) => ({ ...v, id: 100 + i, validTo: null })),
    ];
    const again = planReform(source, after, plan.links as SuccessorLink[], source.provinces);
    expect([again.create, again.close, again.links]).toEqual([[], [], []]);
    expect(again.report.unchanged).toBe(true);
    expect(again.report.links.alreadyPresent).toBe(5);
  });

  it("finds the new province by its code or by an old province it took over", () => {
    expect(reformProvinces(source, "N1")?.map((p) => p.code)).toEqual(["N1"]);
    expect(reformProvinces(source, "P2")?.map((p) => p.code)).toEqual(["N1"]);
    expect(reformProvinces(source, "P9")).toBeNull();
    expect(reformProvinces(source)).toHaveLength(1);
  });
});
