import { endOfYear, formatDateVi } from "../calendar/index.ts";

/** What the choice of the set in force reads of a stored set version. */
export interface SetVersionHeader {
  code: string;
  version: number;
  provinceCode: string | null;
  fromYear: number;
  toYear: number;
  effectiveFrom?: string | undefined;
  basis: { document: string; date?: string | undefined };
}

export interface SetInForce<T extends SetVersionHeader> {
  set: T;
  /** Vietnamese: which version applies and why. */
  reason: string;
}

/** The date from which a version is in force: its own, or 1 January of its first year. */
export function startOf(set: SetVersionHeader): string {
  return set.effectiveFrom ?? `${set.fromYear}-01-01`;
}

/**
 * The set in force for a unit's year, judged on 31 December of that year (the date the year's
 * results are assessed at):
 * 1. only versions whose period covers the year, national or of the unit's province, already in
 *    force on that date;
 * 2. a provincial set before the national one (the province's own, often stricter, decision);
 * 3. among those, the latest start date (an amendment or a province's new decision takes over
 *    from its date; the earlier version keeps the years before), then the highest version.
 */
export function selectSetInForce<T extends SetVersionHeader>(
  candidates: T[],
  options: { year: number; provinceCode: string | null },
): SetInForce<T> | null {
  const asOf = endOfYear(options.year);
  const inForce = candidates.filter(
    (set) =>
      set.fromYear <= options.year &&
      set.toYear >= options.year &&
      startOf(set) <= asOf &&
      (set.provinceCode === null || set.provinceCode === options.provinceCode),
  );
  const provincial = inForce.filter((set) => set.provinceCode !== null);
  const pool = provincial.length > 0 ? provincial : inForce;
  const [chosen] = [...pool].sort(
    (a, b) => startOf(b).localeCompare(startOf(a)) || b.version - a.version,
  );
  if (!chosen) return null;
  const scope = chosen.provinceCode ? "bộ tiêu chí của tỉnh" : "bộ tiêu chí quốc gia";
  const basis = chosen.basis.date
    ? `${chosen.basis.document} ngày ${formatDateVi(chosen.basis.date)}`
    : chosen.basis.document;
  return {
    set: chosen,
    reason: `Năm ${options.year} áp dụng ${scope} ${chosen.code} phiên bản ${chosen.version} (${basis}), hiệu lực từ ${formatDateVi(startOf(chosen))}.`,
  };
}
