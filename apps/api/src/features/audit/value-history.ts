import type { DbOrTx } from "@ntm/db";
import type { ValueState } from "../../shared/audit.ts";
import { findAuditRows, findValueHistoryRows, importChangesAction } from "./audit.repository.ts";

type AuditRow = Awaited<ReturnType<typeof findAuditRows>>[number];

interface ImportChanges {
  old: Record<string, ValueState | null> | null;
  new: { source: string; values: Record<string, ValueState> };
}

const byCode = new Intl.Collator("vi", { numeric: true }).compare;

/**
 * The entries of an import's row of an assessment for the indicators whose code starts with
 * `indicatorPrefix`: one per value, as imports wrote them when each value had its own row (the
 * value's key, what it replaced, what it wrote and the file).
 */
function valueEntries(row: AuditRow, indicatorPrefix: string): AuditRow[] {
  const changes = { old: row.oldValue, new: row.newValue } as ImportChanges;
  return Object.keys(changes.new.values)
    .filter((code) => code.startsWith(indicatorPrefix))
    .sort(byCode)
    .map((code) => {
      const written = changes.new.values[code] as ValueState;
      return {
        ...row,
        action: "assessment.value.import",
        entityType: "assessment_value",
        entityKey: `${row.entityKey}/${code}`,
        oldValue: changes.old?.[code] ?? null,
        newValue: { value: written.value, note: written.note, source: changes.new.source },
      };
    });
}

/**
 * Audit entries of a unit, newest first. With `entityPrefix` ("unit/year/" or
 * "unit/year/indicator"), the history of an assessment's values: an import's one row per
 * assessment (ADR 0028) is read out into one entry per value it changed, as before.
 */
export async function findAuditEntries(
  db: DbOrTx,
  filter: { unitCode?: string; entityPrefix?: string; entityType?: string; limit: number },
): Promise<AuditRow[]> {
  const { unitCode, entityPrefix } = filter;
  if (!entityPrefix || !unitCode || filter.entityType) return findAuditRows(db, filter);
  const rows = await findValueHistoryRows(db, { unitCode, entityPrefix, limit: filter.limit });
  const indicatorPrefix = entityPrefix.split("/")[2] ?? "";
  const entries: AuditRow[] = [];
  for (const row of rows) {
    if (entries.length >= filter.limit) break;
    if (row.action !== importChangesAction) entries.push(row);
    else for (const entry of valueEntries(row, indicatorPrefix)) entries.push(entry);
  }
  return entries.slice(0, filter.limit);
}
