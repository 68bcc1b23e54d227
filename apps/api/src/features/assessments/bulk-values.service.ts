import { sql } from "drizzle-orm";
import { tables, type Db } from "@ntm/db";
import type { AuthUser } from "../auth/auth-user.ts";
import { insertAuditEvents } from "../audit/audit.repository.ts";
import { evaluateMany } from "./bulk-evaluation.service.ts";

export interface BulkValueRow {
  unitCode: string;
  year: number;
  indicatorCode: string;
  value: number | boolean | null;
  note?: string | null;
}

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
    const v = tables.assessmentValues;
    for (let start = 0; start < rows.length; start += 2000) {
      const part = rows.slice(start, start + 2000);
      await tx
        .insert(v)
        .values(
          part.map((row) => ({
            unitCode: row.unitCode,
            year: row.year,
            indicatorCode: row.indicatorCode,
            numValue: typeof row.value === "number" ? row.value : null,
            boolValue: typeof row.value === "boolean" ? row.value : null,
            note: row.note ?? null,
            updatedAt: now,
            updatedBy: by.username,
          })),
        )
        .onConflictDoUpdate({
          target: [v.year, v.unitCode, v.indicatorCode],
          set: {
            numValue: sql.raw("excluded.num_value"),
            boolValue: sql.raw("excluded.bool_value"),
            note: sql.raw("excluded.note"),
            updatedAt: sql.raw("excluded.updated_at"),
            updatedBy: sql.raw("excluded.updated_by"),
          },
        });
    }
    const keys = new Map<string, { unitCode: string; year: number; count: number }>();
    for (const row of rows) {
      const key = `${row.unitCode}/${row.year}`;
      const entry = keys.get(key) ?? { unitCode: row.unitCode, year: row.year, count: 0 };
      entry.count += 1;
      keys.set(key, entry);
    }
    const a = tables.assessments;
    const entries = [...keys.values()];
    for (let start = 0; start < entries.length; start += 2000) {
      await tx
        .insert(a)
        .values(
          entries.slice(start, start + 2000).map((entry) => ({
            unitCode: entry.unitCode,
            year: entry.year,
            version: 1,
            demo: options.demo,
            updatedAt: now,
            updatedBy: by.username,
          })),
        )
        .onConflictDoUpdate({
          target: [a.unitCode, a.year],
          set: {
            version: sql`${a.version} + 1`,
            demo: sql.raw("excluded.demo"),
            updatedAt: sql.raw("excluded.updated_at"),
            updatedBy: sql.raw("excluded.updated_by"),
          },
        });
    }
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
