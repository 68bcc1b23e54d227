import { describe, expect, it } from "vitest";
import {
  addDays,
  addWorkingDays,
  daysBetween,
  endOfYear,
  formatDateVi,
  fromDayNumber,
  isWorkingDay,
  lastDayOfMonth,
  subtractWorkingDays,
  toDayNumber,
  weekdayOf,
} from "./index.ts";

describe("date-only arithmetic", () => {
  it.each<{ iso: string; days: number }>([
    { iso: "1970-01-01", days: 0 },
    { iso: "2000-02-29", days: 11016 },
    { iso: "2024-06-16", days: 19890 },
    { iso: "1969-12-31", days: -1 },
  ])("$iso is day $days and back", ({ iso, days }) => {
    expect(toDayNumber(iso)).toBe(days);
    expect(fromDayNumber(days)).toBe(iso);
  });

  it.each<{ from: string; days: number; to: string }>([
    { from: "2024-02-28", days: 1, to: "2024-02-29" },
    { from: "2023-02-28", days: 1, to: "2023-03-01" },
    { from: "2024-12-31", days: 1, to: "2025-01-01" },
    { from: "2025-01-01", days: -1, to: "2024-12-31" },
    { from: "2024-06-15", days: 30, to: "2024-07-15" },
  ])("$from + $days = $to", ({ from, days, to }) => {
    expect(addDays(from, days)).toBe(to);
    expect(daysBetween(from, to)).toBe(days);
  });

  it("reads only the date of a date-time", () => {
    expect(addDays("2024-06-16T01:30:00.000+07:00", 1)).toBe("2024-06-17");
  });

  it.each<{ iso: string; weekday: number }>([
    { iso: "2024-06-15", weekday: 6 },
    { iso: "2024-06-16", weekday: 0 },
    { iso: "2024-06-17", weekday: 1 },
  ])("$iso is weekday $weekday", ({ iso, weekday }) => {
    expect(weekdayOf(iso)).toBe(weekday);
  });

  it.each<{ year: number; month: number; last: number }>([
    { year: 2024, month: 2, last: 29 },
    { year: 2100, month: 2, last: 28 },
    { year: 2024, month: 12, last: 31 },
    { year: 2024, month: 4, last: 30 },
  ])("$month/$year has $last days", ({ year, month, last }) => {
    expect(lastDayOfMonth(year, month)).toBe(last);
  });

  it("writes period boundaries and Vietnamese dates", () => {
    expect(endOfYear(2024)).toBe("2024-12-31");
    expect(formatDateVi("2024-06-05")).toBe("05/06/2024");
  });
});

describe("working days", () => {
  // Hùng Kings' day fell on Thursday 18/04/2024; 30/04 and 01/05 were Tuesday and Wednesday.
  const holidays = new Set(["2024-04-18", "2024-04-30", "2024-05-01"]);

  it("skips weekends and listed holidays", () => {
    expect(isWorkingDay("2024-04-17", holidays)).toBe(true);
    expect(isWorkingDay("2024-04-18", holidays)).toBe(false);
    expect(isWorkingDay("2024-04-20", holidays)).toBe(false);
  });

  it.each<{ from: string; n: number; after: string; before: string }>([
    { from: "2024-04-17", n: 1, after: "2024-04-19", before: "2024-04-16" },
    { from: "2024-04-26", n: 2, after: "2024-05-02", before: "2024-04-24" },
    { from: "2024-05-03", n: 3, after: "2024-05-08", before: "2024-04-26" },
  ])("$n working days from $from", ({ from, n, after, before }) => {
    expect(addWorkingDays(from, n, holidays)).toBe(after);
    expect(subtractWorkingDays(from, n, holidays)).toBe(before);
  });
});
