import type { LevelCode } from "../catalog/criteria-set.ts";
import { lineageOf, type SuccessorLink } from "../hierarchy/admin-unit.ts";

export interface StoredYearResult {
  unitCode: string;
  year: number;
  criteriaMet: number;
  criteriaTotal: number;
  level: LevelCode | null;
}

export interface ComparedYear {
  year: number;
  /** The unit's own result that year, if it was evaluated. */
  own: StoredYearResult | null;
  /** Results of the units merged into it, for the years they still existed. */
  predecessors: StoredYearResult[];
  /** How the year is read, in Vietnamese. */
  note: string;
}

/**
 * The same unit over the years, across mergers: for each year with results, the unit's own
 * result, or (before a merger) the results of the units that became it, shown under it.
 */
export function compareYears(
  code: string,
  links: readonly SuccessorLink[],
  results: readonly StoredYearResult[],
): ComparedYear[] {
  const lineage = new Set(lineageOf(code, links));
  const years = [
    ...new Set(
      results
        .filter((row) => row.unitCode === code || lineage.has(row.unitCode))
        .map((row) => row.year),
    ),
  ].sort((a, b) => a - b);
  return years.map((year) => {
    const own = results.find((row) => row.year === year && row.unitCode === code) ?? null;
    const predecessors = results
      .filter((row) => row.year === year && lineage.has(row.unitCode))
      .sort((a, b) => a.unitCode.localeCompare(b.unitCode));
    const note =
      predecessors.length === 0
        ? `Năm ${year}: kết quả của chính đơn vị.`
        : own
          ? `Năm ${year}: kết quả của đơn vị và của ${predecessors.length} đơn vị đã sáp nhập vào.`
          : `Năm ${year}: đơn vị chưa hình thành; hiển thị kết quả của ${predecessors.length} đơn vị trước sáp nhập.`;
    return { year, own, predecessors, note };
  });
}
