// Calendar arithmetic on date-only values: ISO dates ("2024-05-15") as days since 1970-01-01.
// Which day is "today" is decided by the caller, in the programme's time zone; nothing here
// reads a clock.

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

export function isoOf(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function toDayNumber(iso: string): number {
  const [year, month, day] = iso.slice(0, 10).split("-").map(Number) as [number, number, number];
  return daysFromCivil(year, month, day);
}

export function fromDayNumber(days: number): string {
  const [year, month, day] = civilFromDays(days);
  return isoOf(year, month, day);
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(toDayNumber(iso) + days);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(iso: string): number {
  return (((toDayNumber(iso) + 4) % 7) + 7) % 7;
}

export function lastDayOfMonth(year: number, month: number): number {
  return (
    toDayNumber(month === 12 ? isoOf(year + 1, 1, 1) : isoOf(year, month + 1, 1)) -
    toDayNumber(isoOf(year, month, 1))
  );
}

/** "15/05/2024", the Vietnamese administrative date format. */
export function formatDateVi(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split("-");
  return `${day}/${month}/${year}`;
}

/** The last day of a year, used to read the hierarchy "as of" a reporting year. */
export function endOfYear(year: number): string {
  return isoOf(year, 12, 31);
}
