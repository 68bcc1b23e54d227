import { readFileSync } from "node:fs";

interface HolidayFile {
  holidays: { date: string; name: string }[];
}

let cached: { path: string; dates: Set<string> } | undefined;

/**
 * The public holidays used for working-day due dates: the shipped list, or the province's own
 * file named by NTM_HOLIDAYS_FILE. Lunar dates are listed per year, never computed.
 */
export function publicHolidays(): ReadonlySet<string> {
  const path =
    process.env.NTM_HOLIDAYS_FILE ??
    new URL("../../../../../data/holidays/vn-public-holidays.json", import.meta.url).pathname;
  if (cached?.path !== path) {
    const file = JSON.parse(readFileSync(path, "utf8")) as HolidayFile;
    cached = { path, dates: new Set(file.holidays.map((holiday) => holiday.date)) };
  }
  return cached.dates;
}

/** The calendar date in Vietnam (UTC+7) of an instant. */
export function localDate(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}
