import { and, desc, eq, gte, isNull, lte, or, sql } from "drizzle-orm";
import { queryRows, tables, type DbOrTx } from "@ntm/db";
import type { CriteriaSet, LegalBasis, RecognitionCarryOver } from "@ntm/domain";
import { readSetting, writeSetting } from "../../shared/settings.repository.ts";

const s = tables.criteriaSets;

export interface StoredSet {
  id: number;
  code: string;
  version: number;
  name: string;
  unitLevel: string;
  fromYear: number;
  toYear: number;
  provinceCode: string | null;
  definition: CriteriaSet;
  importedAt: Date;
  importedBy: string;
}

export async function insertSet(db: DbOrTx, set: CriteriaSet, importedBy: string) {
  const rows = await db
    .insert(s)
    .values({
      code: set.code,
      version: set.version,
      name: set.name,
      unitLevel: set.unitLevel,
      fromYear: set.fromYear,
      toYear: set.toYear,
      provinceCode: set.provinceCode ?? null,
      definition: set,
      importedBy,
    })
    .returning();
  return rows[0] as StoredSet;
}

export async function findSetByCodeVersion(db: DbOrTx, code: string, version: number) {
  const rows = await db
    .select()
    .from(s)
    .where(and(eq(s.code, code), eq(s.version, version)));
  return rows[0] as StoredSet | undefined;
}

export async function findSetById(db: DbOrTx, id: number) {
  const rows = await db.select().from(s).where(eq(s.id, id));
  return rows[0] as StoredSet | undefined;
}

export async function listSets(db: DbOrTx) {
  return (await db.select().from(s).orderBy(s.code, desc(s.version))) as StoredSet[];
}

/** Sets covering a year for a unit level, national or of the given province, newest first. */
export async function findSetsCovering(
  db: DbOrTx,
  options: { year: number; unitLevel: string; provinceCode: string | null },
) {
  return (await db
    .select()
    .from(s)
    .where(
      and(
        eq(s.unitLevel, options.unitLevel),
        lte(s.fromYear, options.year),
        gte(s.toYear, options.year),
        options.provinceCode
          ? or(isNull(s.provinceCode), eq(s.provinceCode, options.provinceCode))
          : isNull(s.provinceCode),
      ),
    )
    .orderBy(desc(s.version), desc(s.id))) as StoredSet[];
}

/** What choosing the set in force reads of a version, without its definition. */
export interface SetHeader {
  id: number;
  code: string;
  version: number;
  unitLevel: string;
  fromYear: number;
  toYear: number;
  provinceCode: string | null;
  effectiveFrom?: string;
  basis: LegalBasis;
}

export async function findSetHeaders(db: DbOrTx): Promise<SetHeader[]> {
  const rows = await queryRows<Omit<SetHeader, "effectiveFrom"> & { effectiveFrom: string | null }>(
    db,
    sql`select id, code, version, unit_level as "unitLevel", from_year as "fromYear",
          to_year as "toYear", province_code as "provinceCode",
          definition->>'effectiveFrom' as "effectiveFrom", definition->'basis' as basis
        from criteria_sets`,
  );
  return rows.map(({ effectiveFrom, ...row }) => ({
    ...row,
    ...(effectiveFrom ? { effectiveFrom } : {}),
  }));
}

/**
 * A SQL expression naming the catalog's state (versions are only ever added): embed it in a
 * read's single statement to learn whether cached versions are still the whole catalog.
 */
export const catalogGeneration = sql`(select count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(max(imported_at)::text, '') from criteria_sets)`;

export async function findCatalogGeneration(db: DbOrTx): Promise<string> {
  const rows = await queryRows<{ generation: string }>(
    db,
    sql`select ${catalogGeneration} as generation`,
  );
  return rows[0]?.generation ?? "";
}

/** The highest version stored under a set code, 0 when none. */
export async function findMaxVersion(db: DbOrTx, code: string): Promise<number> {
  const rows = await db.select({ version: s.version }).from(s).where(eq(s.code, code));
  return Math.max(0, ...rows.map((row) => row.version));
}

const carryOverKey = (provinceCode: string) => `recognition-carry-over:${provinceCode}`;

export interface StoredCarryOver {
  rule: RecognitionCarryOver;
  updatedBy: string;
  updatedAt: string;
}

export const findCarryOver = (db: DbOrTx, provinceCode: string) =>
  readSetting<StoredCarryOver>(db, carryOverKey(provinceCode));

export const saveCarryOver = (db: DbOrTx, provinceCode: string, value: StoredCarryOver) =>
  writeSetting(db, carryOverKey(provinceCode), value);
