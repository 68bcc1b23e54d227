// One clock for the whole product: "today" is the calendar date in Viet Nam (Asia/Ho_Chi_Minh),
// whichever time zone the server runs in. Viet Nam has kept UTC+7, without daylight saving,
// since 1975, so a fixed offset is exact.

export const timeZone = "Asia/Ho_Chi_Minh";
const offsetMs = 7 * 3600 * 1000;

/** The date in Viet Nam of an instant ("2024-06-16" at 2024-06-15T18:30Z): the product's "today". */
export function today(now: Date): string {
  return new Date(now.getTime() + offsetMs).toISOString().slice(0, 10);
}

/** The year in Viet Nam of an instant. */
export function currentYear(now: Date): number {
  return Number(today(now).slice(0, 4));
}

/**
 * An instant written with Viet Nam's offset ("2024-06-16T01:30:00.000+07:00"): the same moment as
 * `toISOString()`, but its first ten characters are the local date, so the domain can take the
 * day of a recorded time without a clock.
 */
export function localDateTime(now: Date): string {
  return new Date(now.getTime() + offsetMs).toISOString().replace("Z", "+07:00");
}
