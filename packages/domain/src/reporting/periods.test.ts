import { describe, expect, it } from "vitest";
import { addWorkingDays, weekdayOf } from "../calendar/index.ts";
import {
  dueDateOf,
  periodByKey,
  periodsOf,
  periodsToOpen,
  type Cadence,
  type DueRule,
} from "./periods.ts";

// Public holidays of 2024 as announced (Tết 08–14/02, Giỗ Tổ 18/04, 30/04–01/05, 02–03/09).
const holidays2024 = new Set([
  "2024-01-01",
  "2024-02-08",
  "2024-02-09",
  "2024-02-12",
  "2024-02-13",
  "2024-02-14",
  "2024-04-18",
  "2024-04-30",
  "2024-05-01",
  "2024-09-02",
  "2024-09-03",
]);

describe("calendar", () => {
  it.each<[string, number]>([
    ["1970-01-01", 4],
    ["2024-05-15", 3],
    ["2024-02-29", 4],
    ["2025-07-01", 2],
  ])("%s is weekday %i", (iso, weekday) => {
    expect(weekdayOf(iso)).toBe(weekday);
  });

  it.each<[string, number, string]>([
    ["2024-03-29", 1, "2024-04-01"],
    ["2024-01-31", 15, "2024-02-28"],
    ["2024-04-17", 1, "2024-04-19"],
    ["2024-12-31", 1, "2025-01-01"],
  ])("%s + %i working days = %s", (from, n, expected) => {
    expect(addWorkingDays(from, n, holidays2024)).toBe(expected);
  });
});

describe("periodsOf", () => {
  it.each<[Cadence, number, string, string, string]>([
    ["monthly", 12, "2024-M02", "2024-02-01", "2024-02-29"],
    ["quarterly", 4, "2024-Q3", "2024-07-01", "2024-09-30"],
    ["semiannual", 2, "2024-H1", "2024-01-01", "2024-06-30"],
    ["annual", 1, "2024-Y", "2024-01-01", "2024-12-31"],
    ["adhoc", 0, "", "", ""],
  ])("%s has %i periods, among them %s", (cadence, count, key, start, end) => {
    const periods = periodsOf(cadence, 2024);
    expect(periods).toHaveLength(count);
    if (key) expect(periods.find((p) => p.key === key)).toMatchObject({ start, end });
  });

  it("finds a period by key and refuses an unknown one", () => {
    expect(periodByKey("monthly", "2024-M05")?.label).toBe("Tháng 5/2024");
    expect(periodByKey("monthly", "2024-Q5")).toBeUndefined();
    expect(periodByKey("quarterly", "abc")).toBeUndefined();
  });
});

describe("periodsToOpen", () => {
  it.each<[Cadence, string, string[]]>([
    [
      "monthly",
      "2024-06-15",
      ["2023-M12", "2024-M01", "2024-M02", "2024-M03", "2024-M04", "2024-M05"],
    ],
    [
      "monthly",
      "2024-06-01",
      ["2023-M12", "2024-M01", "2024-M02", "2024-M03", "2024-M04", "2024-M05"],
    ],
    ["monthly", "2024-05-31", ["2023-M12", "2024-M01", "2024-M02", "2024-M03", "2024-M04"]],
    ["quarterly", "2024-01-02", ["2023-Q4"]],
    ["semiannual", "2024-07-01", ["2023-H2", "2024-H1"]],
    ["annual", "2024-12-31", ["2023-Y"]],
    ["adhoc", "2024-06-15", []],
  ])("%s on %s", (cadence, date, keys) => {
    expect(periodsToOpen(cadence, date).map((p) => p.key)).toEqual(keys);
  });
});

describe("dueDateOf", () => {
  it.each<[string, DueRule, string, string]>([
    ["day 15 of next month", { kind: "dayOfNextMonth", day: 15 }, "2024-05-31", "2024-06-15"],
    [
      "day 15 moved off a Saturday",
      { kind: "dayOfNextMonth", day: 15, moveToWorkingDay: true },
      "2024-05-31",
      "2024-06-17",
    ],
    ["day 31 in a short month", { kind: "dayOfNextMonth", day: 31 }, "2024-01-31", "2024-02-29"],
    ["December rolls the year", { kind: "dayOfNextMonth", day: 15 }, "2024-12-31", "2025-01-15"],
    [
      "15 working days over Tết",
      { kind: "workingDaysAfter", days: 15 },
      "2024-01-31",
      "2024-02-28",
    ],
    [
      "15 working days after Q1",
      { kind: "workingDaysAfter", days: 15 },
      "2024-03-31",
      "2024-04-22",
    ],
    ["fixed date", { kind: "fixedDate", date: "2023-10-25" }, "2023-09-30", "2023-10-25"],
  ])("%s", (_name, rule, end, expected) => {
    const due = dueDateOf(rule, { end }, holidays2024);
    expect(due.date).toBe(expected);
    expect(due.reason.length).toBeGreaterThan(10);
  });
});
