import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

interface HolidayFile {
  holidays: { date: string; name: string }[];
}

const shippedFile = fileURLToPath(
  new URL("../../../../data/holidays/vn-public-holidays.json", import.meta.url),
);
let file = shippedFile;
let cached: { path: string; dates: Set<string> } | undefined;

/** Chooses the province's own holiday file (NTM_HOLIDAYS_FILE) at start; the shipped list otherwise. */
export function useHolidaysFile(path: string | undefined) {
  file = path ?? shippedFile;
}

/**
 * The public holidays used for working-day due dates of dossiers and reports alike. Lunar dates
 * are listed per year, never computed.
 */
export function publicHolidays(): ReadonlySet<string> {
  if (cached?.path !== file) {
    const content = JSON.parse(readFileSync(file, "utf8")) as HolidayFile;
    cached = { path: file, dates: new Set(content.holidays.map((holiday) => holiday.date)) };
  }
  return cached.dates;
}
