import type { Db } from "@ntm/db";
import type { AuthUser } from "../auth/index.ts";
import { insertAuditEvents } from "../audit/index.ts";
import { evaluateMany } from "./bulk-evaluation.service.ts";
import { bumpAssessmentsBulk, upsertValuesBulk, type BulkValue } from "./assessments.repository.ts";

export type BulkValueRow = BulkValue;

/**
 * Writes many values in one transaction (seeding, file imports), bumps each assessment's
 * version, records one audit event per assessment and re-evaluates what changed.
 */
export async function writeValuesBulk(
  db: Db,
  options: { rows: BulkValueRow[]; by: AuthUser; now: Date; demo: boolean; source: string },
) {
  const { rows, by, now } = options;
  return db.transaction(async (tx) => {
    await upsertValuesBulk(tx, rows, { now, username: by.username });
    const keys = new Map<string, { unitCode: string; year: number; count: number }>();
    for (const row of rows) {
      const key = `${row.unitCode}/${row.year}`;
      const entry = keys.get(key) ?? { unitCode: row.unitCode, year: row.year, count: 0 };
      entry.count += 1;
      keys.set(key, entry);
    }
    const entries = [...keys.values()];
    await bumpAssessmentsBulk(tx, entries, { now, username: by.username, demo: options.demo });
    await insertAuditEvents(
      tx,
      entries.map((entry) => ({
        userId: by.id || null,
        username: by.username,
        action: "assessment.values.import",
        entityType: "assessment",
        entityKey: `${entry.unitCode}/${entry.year}`,
        unitCode: entry.unitCode,
        newValue: { values: entry.count, source: options.source },
      })),
    );
    const years = [...new Set(entries.map((entry) => entry.year))].sort();
    const unitCodes = [...new Set(entries.map((entry) => entry.unitCode))];
    const { evaluated } = await evaluateMany(tx, { years, unitCodes, now });
    return { values: rows.length, assessments: entries.length, evaluated };
  });
}
