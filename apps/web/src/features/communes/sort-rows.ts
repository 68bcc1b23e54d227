import type { CommuneListRow } from "@ntm/contracts";
import type { SortKey } from "./communes-url.ts";

const collator = new Intl.Collator("vi");
const statusRank = { met: 2, not_met: 1, missing: 0 } as const;

/** No data sorts below every figure; a level ranks by the set's order, "no level" first. */
export function compareRows(
  key: SortKey,
  a: CommuneListRow,
  b: CommuneListRow,
  levels: { code: string }[],
): number {
  const levelRank = (row: CommuneListRow) =>
    row.criteriaMet === null ? -2 : row.level ? levels.findIndex((l) => l.code === row.level) : -1;
  switch (key) {
    case "parent":
      return collator.compare(a.parentName ?? "", b.parentName ?? "");
    case "criteria":
      return (a.criteriaMet ?? -1) - (b.criteriaMet ?? -1);
    case "level":
      return levelRank(a) - levelRank(b);
    case "status":
      return (
        (a.criterionStatus ? statusRank[a.criterionStatus] : -1) -
        (b.criterionStatus ? statusRank[b.criterionStatus] : -1)
      );
    default:
      return collator.compare(a.name, b.name);
  }
}
