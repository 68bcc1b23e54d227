import { and, desc, eq, gte, isNull, lte, or } from "drizzle-orm";
import { tables, type DbOrTx } from "@ntm/db";
import type { CriteriaSet } from "@ntm/domain";

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
