import { and, asc, eq, sql } from "drizzle-orm";
import { queryRows, tables, type DbOrTx } from "@ntm/db";
import type { UnitVersion } from "./unit-change-plan.ts";
import type { UnitRow } from "./units.repository.ts";

const u = tables.adminUnits;

const versionColumns = {
  code: u.code,
  name: u.name,
  level: u.level,
  parentCode: u.parentCode,
  validFrom: u.validFrom,
  validTo: u.validTo,
  region: u.region,
  communeGroup: u.communeGroup,
  flags: u.flags,
  assessed: u.assessed,
  regionCandidates: u.regionCandidates,
};

/** Every version of a unit, oldest first. */
export async function findVersions(db: DbOrTx, code: string) {
  return (await db
    .select(versionColumns)
    .from(u)
    .where(eq(u.code, code))
    .orderBy(asc(u.validFrom))) as UnitVersion[];
}

/** Writes a version's attributes (and end) where it is, keyed by (code, valid from). */
export async function updateVersion(db: DbOrTx, version: UnitRow) {
  await db
    .update(u)
    .set({
      name: version.name,
      validTo: version.validTo,
      region: version.region,
      communeGroup: version.communeGroup,
      flags: version.flags,
      assessed: version.assessed,
    })
    .where(and(eq(u.code, version.code), eq(u.validFrom, version.validFrom)));
}

export async function insertVersion(db: DbOrTx, version: UnitVersion) {
  await db.insert(u).values(version);
}

/**
 * A version split in two: the lineage links that leave it at its end (a merger into another unit)
 * now leave from the later part, which is the one that ends; links into it stay with the first.
 */
export async function moveOutgoingLinks(
  db: DbOrTx,
  link: { code: string; fromValidFrom: string; toValidFrom: string },
) {
  const l = tables.unitSuccessors;
  await db
    .update(l)
    .set({ predecessorValidFrom: link.toValidFrom })
    .where(and(eq(l.predecessorCode, link.code), eq(l.predecessorValidFrom, link.fromValidFrom)));
}

/** The years for which a unit has values or a stored result, ascending. */
export async function findAssessedYears(db: DbOrTx, code: string): Promise<number[]> {
  const rows = await queryRows<{ year: number }>(
    db,
    sql`select year::int as year from assessments where unit_code = ${code}
        union select year::int from evaluation_results where unit_code = ${code}
        order by year`,
  );
  return rows.map((row) => row.year);
}
