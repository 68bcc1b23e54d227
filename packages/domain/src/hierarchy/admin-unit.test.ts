import { describe, expect, it } from "vitest";
import { endOfYear } from "../calendar/index.ts";
import {
  isValidOn,
  lineageOf,
  unitsValidOn,
  type AdminUnit,
  type SuccessorLink,
} from "./admin-unit.ts";

function unit(
  code: string,
  level: AdminUnit["level"],
  parentCode: string | null,
  validFrom: string,
  validTo: string | null,
): AdminUnit {
  return { code, name: code, level, parentCode, validFrom, validTo, flags: [] };
}

describe("isValidOn", () => {
  const closed = { validFrom: "2020-01-01", validTo: "2025-06-30" };
  const open = { validFrom: "2025-07-01", validTo: null };

  interface DateRow {
    label: string;
    unit: Pick<AdminUnit, "validFrom" | "validTo">;
    date: string;
    valid: boolean;
  }

  it.each<DateRow>([
    { label: "the day before validFrom", unit: closed, date: "2019-12-31", valid: false },
    { label: "validFrom itself", unit: closed, date: "2020-01-01", valid: true },
    { label: "a day in between", unit: closed, date: "2023-05-15", valid: true },
    { label: "validTo itself", unit: closed, date: "2025-06-30", valid: true },
    { label: "the day after validTo", unit: closed, date: "2025-07-01", valid: false },
    { label: "before an open unit starts", unit: open, date: "2025-06-30", valid: false },
    { label: "the first day of an open unit", unit: open, date: "2025-07-01", valid: true },
    { label: "far ahead for an open unit", unit: open, date: "2099-12-31", valid: true },
    {
      label: "a one-day unit on its day",
      unit: { validFrom: "2024-02-29", validTo: "2024-02-29" },
      date: "2024-02-29",
      valid: true,
    },
  ])("$label ($date) → $valid", ({ unit: candidate, date, valid }) => {
    expect(isValidOn(candidate, date)).toBe(valid);
  });
});

describe("unitsValidOn across the 2025 reform", () => {
  // Đăk Glei district and two of its communes end on 30/6/2025; the merged commune starts on 1/7/2025.
  const versions: AdminUnit[] = [
    unit("62", "province", null, "2000-01-01", null),
    unit("610", "district", "62", "2000-01-01", "2025-06-30"),
    unit("23284", "commune", "610", "2000-01-01", "2025-06-30"),
    unit("23287", "commune", "610", "2000-01-01", "2025-06-30"),
    unit("23290", "commune", "62", "2025-07-01", null),
  ];

  it.each<{ date: string; codes: string[] }>([
    { date: "1999-12-31", codes: [] },
    { date: "2024-12-31", codes: ["62", "610", "23284", "23287"] },
    { date: "2025-06-30", codes: ["62", "610", "23284", "23287"] },
    { date: "2025-07-01", codes: ["62", "23290"] },
    { date: endOfYear(2025), codes: ["62", "23290"] },
  ])("on $date: $codes", ({ date, codes }) => {
    expect(unitsValidOn(versions, date).map((version) => version.code)).toEqual(codes);
  });

  it("returns the versions themselves, with every field", () => {
    const [province] = unitsValidOn(versions, "2025-07-01");
    expect(province).toBe(versions[0]);
  });
});

describe("lineageOf", () => {
  // 2019: A and B merge into C. 2025: C and D merge into E. F is unrelated.
  const links: SuccessorLink[] = [
    { predecessorCode: "A", successorCode: "C", effectiveDate: "2019-12-01" },
    { predecessorCode: "B", successorCode: "C", effectiveDate: "2019-12-01" },
    { predecessorCode: "C", successorCode: "E", effectiveDate: "2025-07-01" },
    { predecessorCode: "D", successorCode: "E", effectiveDate: "2025-07-01" },
    { predecessorCode: "F", successorCode: "G", effectiveDate: "2025-07-01" },
  ];

  it.each<{ code: string; lineage: string[] }>([
    { code: "E", lineage: ["C", "D", "A", "B"] },
    { code: "C", lineage: ["A", "B"] },
    { code: "A", lineage: [] },
    { code: "G", lineage: ["F"] },
    { code: "unknown", lineage: [] },
  ])("$code descends from $lineage, nearest first", ({ code, lineage }) => {
    expect(lineageOf(code, links)).toEqual(lineage);
  });

  it("lists a predecessor reached by two paths once", () => {
    const diamond: SuccessorLink[] = [
      ...links,
      { predecessorCode: "A", successorCode: "E", effectiveDate: "2025-07-01" },
    ];
    expect(lineageOf("E", diamond)).toEqual(["C", "D", "A", "B"]);
  });

  it.each<{ label: string; extra: SuccessorLink[]; lineage: string[] }>([
    {
      label: "a unit that keeps its code through a merger",
      extra: [{ predecessorCode: "E", successorCode: "E", effectiveDate: "2025-07-01" }],
      lineage: ["C", "D", "A", "B"],
    },
    {
      label: "a cycle in the links",
      extra: [{ predecessorCode: "E", successorCode: "A", effectiveDate: "2026-01-01" }],
      lineage: ["C", "D", "A", "B"],
    },
  ])("never lists the unit itself: $label", ({ extra, lineage }) => {
    expect(lineageOf("E", [...links, ...extra])).toEqual(lineage);
  });
});
