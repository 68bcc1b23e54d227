import { describe, expect, it } from "vitest";
import { endOfYear } from "../calendar/index.ts";
import { isValidOn, unitsValidOn, type AdminUnit } from "./admin-unit.ts";

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
