import { eq, inArray, sql } from "drizzle-orm";
import { tables, type DbOrTx } from "@ntm/db";
import type { BoundaryGeometry, SuccessorLink } from "@ntm/domain";
import { chunks } from "../assessments/index.ts";

const b = tables.unitBoundaries;
const r = tables.evaluationResults;

export async function findBoundaries(db: DbOrTx, codes: string[]) {
  const rows: { unitCode: string; geometry: BoundaryGeometry; schematic: boolean }[] = [];
  for (const part of chunks(codes, 2000)) {
    const found = await db
      .select({ unitCode: b.unitCode, geometry: b.geometry, schematic: b.schematic })
      .from(b)
      .where(inArray(b.unitCode, part));
    for (const row of found as typeof rows) rows.push(row);
  }
  return new Map(rows.map((row) => [row.unitCode, row]));
}

/** Replaces the shapes of the units given, in batches (one statement per 200 shapes). */
export async function upsertBoundaries(
  db: DbOrTx,
  rows: { unitCode: string; geometry: BoundaryGeometry }[],
  meta: { source: string; schematic: boolean; by: string; now: Date },
) {
  for (const part of chunks(rows, 200)) {
    await db
      .insert(b)
      .values(
        part.map((row) => ({
          unitCode: row.unitCode,
          geometry: row.geometry,
          source: meta.source,
          schematic: meta.schematic,
          updatedAt: meta.now,
          updatedBy: meta.by,
        })),
      )
      .onConflictDoUpdate({
        target: b.unitCode,
        set: {
          geometry: sql`excluded.geometry`,
          source: sql`excluded.source`,
          schematic: sql`excluded.schematic`,
          updatedAt: sql`excluded.updated_at`,
          updatedBy: sql`excluded.updated_by`,
        },
      });
  }
}

export async function findAllUnitCodes(db: DbOrTx): Promise<Set<string>> {
  const u = tables.adminUnits;
  const rows = await db.selectDistinct({ code: u.code }).from(u);
  return new Set(rows.map((row) => row.code));
}

/** Every merger link; the table holds one row per merged unit, a few thousand at most. */
export async function findAllSuccessorLinks(db: DbOrTx): Promise<SuccessorLink[]> {
  const s = tables.unitSuccessors;
  return db
    .select({
      predecessorCode: s.predecessorCode,
      predecessorValidFrom: s.predecessorValidFrom,
      successorCode: s.successorCode,
      successorValidFrom: s.successorValidFrom,
      kind: s.kind,
      effectiveDate: s.effectiveDate,
    })
    .from(s) as Promise<SuccessorLink[]>;
}

/** Every version of the given codes, to attribute each year's result to one version. */
export async function findVersionsOf(db: DbOrTx, codes: string[]) {
  const u = tables.adminUnits;
  if (codes.length === 0) return [];
  return db
    .select({ code: u.code, name: u.name, validFrom: u.validFrom, validTo: u.validTo })
    .from(u)
    .where(inArray(u.code, codes));
}

export async function findResultsOfUnits(db: DbOrTx, codes: string[]) {
  if (codes.length === 0) return [];
  return db.select().from(r).where(inArray(r.unitCode, codes)).orderBy(r.year);
}

export async function findDepartmentsOfProvince(db: DbOrTx, provinceCode: string) {
  const d = tables.departments;
  return db
    .select({ id: d.id, code: d.code, name: d.name, provinceCode: d.provinceCode })
    .from(d)
    .where(eq(d.provinceCode, provinceCode))
    .orderBy(d.name);
}
