import type { IndicatorResult } from "@ntm/domain";
import { describe, expect, it } from "vitest";
import {
  canEditEntry,
  canWriteEntry,
  type EntryRights,
  type IndicatorEntry,
} from "./scorecard-indicators.ts";

const entry = (code: string, criterionCode?: string): IndicatorEntry => ({
  indicator: { code } as IndicatorResult,
  ...(criterionCode ? { criterionCode } : {}),
});
const set = { id: 4, code: "vn-commune-2021-2025", version: 1, name: "", provinceCode: null };
const smartVillage = {
  kind: "villageRegistry" as const,
  setCode: "51-thon-thong-minh",
  setName: "Bộ tiêu chí thôn thông minh tỉnh Quảng Ngãi",
};
const officer: EntryRights = {
  permissions: { canEdit: true, editableCriteria: "all", reason: "" },
  set,
  sourced: { "KM.1": smartVillage },
};

describe("what a scorecard lets the user change", () => {
  it("keeps the smart-village condition read-only while the village registry gives it, the other values editable and its files attachable", () => {
    expect(canEditEntry(officer, entry("KM.1"))).toBe(false);
    expect(canWriteEntry(officer, entry("KM.1"))).toBe(true);
    expect(canEditEntry(officer, entry("17.1", "17"))).toBe(true);
  });

  it("lets the condition be typed in a year without the province's smart-village set", () => {
    const withoutSet: EntryRights = { permissions: officer.permissions, set };
    expect(canEditEntry(withoutSet, entry("KM.1"))).toBe(true);
  });

  it("gives a department its own criteria only, and never a level condition", () => {
    const department: EntryRights = {
      permissions: { canEdit: true, editableCriteria: ["vn-commune-2021-2025:9"], reason: "" },
      set,
    };
    expect(canEditEntry(department, entry("9.1", "9"))).toBe(true);
    expect(canEditEntry(department, entry("1.1", "1"))).toBe(false);
    expect(canWriteEntry(department, entry("KM.1"))).toBe(false);
  });

  it("gives a viewer nothing", () => {
    const viewer: EntryRights = {
      permissions: { canEdit: false, editableCriteria: [], reason: "Chỉ xem" },
      set,
    };
    expect(canWriteEntry(viewer, entry("1.1", "1"))).toBe(false);
  });
});
