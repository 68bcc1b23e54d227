import type { CommuneListQuery, CommuneListRow } from "@ntm/contracts";
import type { LevelCode } from "@ntm/domain";

type Filter = Omit<CommuneListQuery, "year" | "criterion" | "target">;

/**
 * Whether a commune is behind a figure: the same rule the figure was counted with (a level count
 * counts evaluated communes at exactly that level, the histogram exactly N criteria, the lagging
 * list fewer than N), so a list is as long as the figure it opens.
 */
export function matchesFilter(row: CommuneListRow, filter: Filter, levels: LevelCode[]): boolean {
  const evaluated = row.criteriaMet !== null;
  if (filter.data === "evaluated" && !evaluated) return false;
  if (filter.data === "missing" && evaluated) return false;
  if (filter.level !== undefined) {
    if (!evaluated || (row.level ?? "none") !== filter.level) return false;
  }
  if (filter.atLeast !== undefined) {
    const wanted = levels.indexOf(filter.atLeast);
    if (wanted < 0 || row.level === null || levels.indexOf(row.level) < wanted) return false;
  }
  const met = row.criteriaMet;
  if (filter.criteriaMet !== undefined && met !== filter.criteriaMet) return false;
  if (filter.below !== undefined && (met === null || met >= filter.below)) return false;
  if (filter.minCriteria !== undefined && (met === null || met < filter.minCriteria)) return false;
  if (filter.status !== undefined && row.criterionStatus !== filter.status) return false;
  return true;
}
