import type { Db } from "@ntm/db";
import type { AuthUser } from "../auth/index.ts";
import { recordAudit, type AuditEvent } from "../../shared/audit.ts";
import { evaluateMany } from "./bulk-evaluation.service.ts";
import {
  bumpAssessmentsBulk,
  findValuesOfAssessments,
  upsertValuesBulk,
  type BulkValue,
} from "./assessments.repository.ts";

export type BulkValueRow = BulkValue;

/**
 * Writes many values in one transaction (seeding, file imports), bumps each assessment's
 * version, re-evaluates what changed and audits it: per changed value with its old and new value
 * when `history` is set (file imports, so the indicator's history shows them), else one row per
 * assessment (demo data).
 */
export async function writeValuesBulk(
  db: Db,
  options: {
    rows: BulkValueRow[];
    by: AuthUser;
    now: Date;
    demo: boolean;
    source: string;
    history?: boolean;
  },
) {
  const { rows, by, now } = options;
  return db.transaction(async (tx) => {
    const keys = new Map<string, { unitCode: string; year: number; count: number }>();
    for (const row of rows) {
      const key = `${row.unitCode}/${row.year}`;
      const entry = keys.get(key) ?? { unitCode: row.unitCode, year: row.year, count: 0 };
      entry.count += 1;
      keys.set(key, entry);
    }
    // Sorted, so two imports lock the assessments they share in the same order.
    const entries = [...keys.values()].sort((x, y) =>
      x.unitCode === y.unitCode ? x.year - y.year : x.unitCode < y.unitCode ? -1 : 1,
    );
    // Locks the assessments before reading their values, so the history's old values are the
    // ones this import replaces.
    const provinceKeys = await bumpAssessmentsBulk(tx, entries, {
      now,
      username: by.username,
      demo: options.demo,
    });
    const before = options.history ? await findValuesOfAssessments(tx, entries) : undefined;
    await upsertValuesBulk(tx, rows, { now, username: by.username, provinceKeys });
    const years = [...new Set(entries.map((entry) => entry.year))].sort();
    const unitCodes = [...new Set(entries.map((entry) => entry.unitCode))];
    const { evaluated } = await evaluateMany(tx, { years, unitCodes, now });
    // Last, so the audit chain stays locked only until the commit.
    await recordAudit(
      tx,
      before
        ? valueEvents(rows, before, by, options.source)
        : entries.map((entry) => ({
            kind: "assessment.values.import" as const,
            by,
            key: `${entry.unitCode}/${entry.year}`,
            unitCode: entry.unitCode,
            new: { values: entry.count, source: options.source },
          })),
    );
    return { values: rows.length, assessments: entries.length, evaluated };
  });
}

/** One history row per value the import changed (value or note), with what it replaced. */
function valueEvents(
  rows: BulkValueRow[],
  before: (BulkValue & { note: string | null })[],
  by: AuthUser,
  source: string,
): AuditEvent[] {
  const stored = new Map(
    before.map((row) => [`${row.unitCode}/${row.year}/${row.indicatorCode}`, row]),
  );
  const events: AuditEvent[] = [];
  for (const row of rows) {
    const key = `${row.unitCode}/${row.year}/${row.indicatorCode}`;
    const old = stored.get(key);
    const note = row.note ?? null;
    if (old && old.value === row.value && old.note === note) continue;
    events.push({
      kind: "assessment.value.import",
      by,
      key,
      unitCode: row.unitCode,
      old: old ? { value: old.value, note: old.note } : null,
      new: { value: row.value, note, source },
    });
  }
  return events;
}
