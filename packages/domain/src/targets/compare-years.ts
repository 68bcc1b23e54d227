import type { LevelCode } from "../catalog/criteria-set.ts";
import type { AdminUnit } from "../hierarchy/admin-unit.ts";
import {
  predecessorsOf,
  versionKey,
  versionOfYear,
  type LinkKind,
  type SuccessorLink,
  type UnitVersionKey,
} from "../hierarchy/lineage.ts";

export interface StoredYearResult {
  unitCode: string;
  year: number;
  criteriaMet: number;
  criteriaTotal: number;
  level: LevelCode | null;
}

/** A predecessor's result, with how much of it the unit took over. */
export type PredecessorYearResult = StoredYearResult & { kind: LinkKind };

export interface ComparedYear {
  year: number;
  /** The unit's own result that year, if it was evaluated. */
  own: StoredYearResult | null;
  /** Results of the units it was formed from, for the years they still existed. */
  predecessors: PredecessorYearResult[];
  /** How the year is read, in Vietnamese. */
  note: string;
}

type Version = Pick<AdminUnit, "code" | "validFrom" | "validTo">;

/**
 * The same unit version over the years, across reorganisations: for each year with results, the
 * version's own result, or (before it was formed) the results of the versions it was formed from.
 * A result belongs to the version of its code in force on 31 December of its year (`versionOfYear`),
 * so a code kept through a merger shows its old results as a predecessor's, not as its own.
 */
export function compareYears(
  unit: UnitVersionKey,
  links: readonly SuccessorLink[],
  versions: readonly Version[],
  results: readonly StoredYearResult[],
): ComparedYear[] {
  const lineage = new Map(predecessorsOf(unit, links).map((step) => [versionKey(step), step]));
  const ownerOf = (row: StoredYearResult) => {
    const version = versionOfYear(row.unitCode, row.year, versions);
    return version ? versionKey(version) : null;
  };
  const own = versionKey(unit);
  const attributed = results
    .map((row) => ({ row, owner: ownerOf(row) }))
    .filter(({ owner }) => owner === own || (owner !== null && lineage.has(owner)));
  const years = [...new Set(attributed.map(({ row }) => row.year))].sort((a, b) => a - b);
  return years.map((year) => {
    const ofYear = attributed.filter(({ row }) => row.year === year);
    const ownRow = ofYear.find(({ owner }) => owner === own)?.row ?? null;
    const predecessors = ofYear
      .filter(({ owner }) => owner !== own)
      .map(({ row, owner }) => ({ ...row, kind: lineage.get(owner as string)?.kind ?? "full" }))
      .sort((a, b) => a.unitCode.localeCompare(b.unitCode));
    const partial = predecessors.filter((row) => row.kind === "partial").length;
    const note =
      (predecessors.length === 0
        ? `Năm ${year}: kết quả của chính đơn vị.`
        : ownRow
          ? `Năm ${year}: kết quả của đơn vị và của ${predecessors.length} đơn vị đã sáp nhập vào.`
          : `Năm ${year}: đơn vị chưa hình thành; hiển thị kết quả của ${predecessors.length} đơn vị trước sáp nhập.`) +
      (partial > 0
        ? ` ${partial} đơn vị chỉ nhập một phần địa bàn: kết quả của đơn vị đó, không cộng vào đơn vị mới.`
        : "");
    return { year, own: ownRow, predecessors, note };
  });
}
