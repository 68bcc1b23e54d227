import { describe, expect, it } from "vitest";
import type { CriteriaSet, UnitAttributes, UnitFlag } from "../catalog/criteria-set.ts";
import { resolveClass } from "./resolve-class.ts";
import {
  overrideRuleId,
  qd318,
  regionNames,
  testSet,
  unitIn,
  type RegionCode,
} from "./test-sets.ts";

describe("resolveClass", () => {
  interface ClassRow {
    region: RegionCode | undefined;
    flags: UnitFlag[];
    value: RegionCode | undefined;
    rule: string | undefined;
  }

  it.each<ClassRow>([
    { region: "DBSH", flags: [], value: "DBSH", rule: undefined },
    { region: "TN", flags: ["ethnicZoneIII"], value: "TN", rule: undefined },
    { region: "DBSH", flags: ["poorDistrict"], value: "DBSH", rule: undefined },
    { region: "DBSH", flags: ["especiallyDisadvantaged"], value: "TDMNPB", rule: overrideRuleId },
    { region: "DBSCL", flags: ["safeZone"], value: "TDMNPB", rule: overrideRuleId },
    { region: "TN", flags: ["ethnicZoneI", "safeZone"], value: "TDMNPB", rule: overrideRuleId },
    { region: "TDMNPB", flags: ["especiallyDisadvantaged"], value: "TDMNPB", rule: overrideRuleId },
    { region: undefined, flags: [], value: undefined, rule: undefined },
    { region: undefined, flags: ["safeZone"], value: "TDMNPB", rule: overrideRuleId },
  ])("region $region with flags $flags → $value (rule $rule)", ({ region, flags, value, rule }) => {
    const resolved = resolveClass(testSet, unitIn(region, flags));
    expect(resolved.value).toBe(value);
    expect(resolved.label).toBe(value ? regionNames[value] : undefined);
    expect(resolved.rule?.id).toBe(rule);
  });

  it("keeps an unknown region code but has no label for it", () => {
    const unit: UnitAttributes = { code: "x", name: "x", region: "XYZ", flags: [] };
    expect(resolveClass(testSet, unit)).toEqual({
      value: "XYZ",
      label: undefined,
      rule: undefined,
    });
  });

  it("reads the commune group when the set classifies by commune group (2026–2030)", () => {
    const set: CriteriaSet = {
      ...testSet,
      classification: {
        kind: "communeGroup",
        values: [
          { code: "N1", name: "Nhóm 1" },
          { code: "N2", name: "Nhóm 2" },
        ],
      },
      classificationOverrides: [],
    };
    const unit: UnitAttributes = {
      code: "x",
      name: "x",
      region: "TN",
      communeGroup: "N2",
      flags: [],
    };
    expect(resolveClass(set, unit)).toEqual({ value: "N2", label: "Nhóm 2", rule: undefined });
  });

  it("applies the first matching rule", () => {
    const set: CriteriaSet = {
      ...testSet,
      classificationOverrides: [
        {
          id: "first",
          whenAnyFlag: ["ethnicZoneIII"],
          useClass: "TN",
          basis: qd318,
          status: "unverified",
          description: "thử",
        },
        ...(testSet.classificationOverrides ?? []),
      ],
    };
    const resolved = resolveClass(set, unitIn("DBSH", ["safeZone", "ethnicZoneIII"]));
    expect([resolved.value, resolved.rule?.id]).toEqual(["TN", "first"]);
  });
});
