import { addDays, weekdayOf } from "./dates.ts";

/** A public holiday (ngày nghỉ lễ, Tết); lunar dates are listed per year, not computed. */
export interface Holiday {
  date: string;
  name: string;
}

export function isWorkingDay(iso: string, holidays: ReadonlySet<string>): boolean {
  const weekday = weekdayOf(iso);
  return weekday !== 0 && weekday !== 6 && !holidays.has(iso);
}

/** The n-th working day after a date (n ≥ 1), skipping weekends and listed holidays. */
export function addWorkingDays(iso: string, n: number, holidays: ReadonlySet<string>): string {
  return stepWorkingDays(iso, n, 1, holidays);
}

/** The n-th working day before a date (n ≥ 1), skipping weekends and listed holidays. */
export function subtractWorkingDays(iso: string, n: number, holidays: ReadonlySet<string>): string {
  return stepWorkingDays(iso, n, -1, holidays);
}

function stepWorkingDays(
  iso: string,
  n: number,
  direction: 1 | -1,
  holidays: ReadonlySet<string>,
): string {
  let day = iso;
  let left = n;
  while (left > 0) {
    day = addDays(day, direction);
    if (isWorkingDay(day, holidays)) left -= 1;
  }
  return day;
}
