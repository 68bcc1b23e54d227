import { and, eq, inArray, sql } from "drizzle-orm";
import { tables, type DbOrTx } from "@ntm/db";
import type { ExistingVersion, NewVersion, SuccessorLink } from "@ntm/domain";

const u = tables.adminUnits;
const l = tables.unitSuccessors;

/** Rows per INSERT: well under the 65,535 parameters of one statement. */
const batch = 1000;

function chunks<T>(rows: readonly T[], size = batch): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < rows.length; i += size) result.push(rows.slice(i, i + size));
  return result;
}

/** Two imports of the reform run one after the other; readers are not blocked. */
export async function lockForReform(db: DbOrTx) {
  await db.execute(sql`lock table unit_successors in exclusive mode`);
}

export async function findAllVersions(db: DbOrTx): Promise<ExistingVersion[]> {
  return (await db
    .select({
      id: u.id,
      code: u.code,
      name: u.name,
      level: u.level,
      parentCode: u.parentCode,
      validFrom: u.validFrom,
      validTo: u.validTo,
      region: u.region,
    })
    .from(u)) as ExistingVersion[];
}

export async function findLinksEffectiveOn(db: DbOrTx, date: string): Promise<SuccessorLink[]> {
  return (await db
    .select({
      predecessorCode: l.predecessorCode,
      predecessorValidFrom: l.predecessorValidFrom,
      successorCode: l.successorCode,
      successorValidFrom: l.successorValidFrom,
      kind: l.kind,
      effectiveDate: l.effectiveDate,
    })
    .from(l)
    .where(eq(l.effectiveDate, date))) as SuccessorLink[];
}

export async function insertVersions(db: DbOrTx, rows: readonly NewVersion[]) {
  for (const part of chunks(rows)) {
    await db
      .insert(u)
      .values(part.map((row) => ({ ...row, flags: [] })))
      .onConflictDoNothing();
  }
}

export async function closeVersions(db: DbOrTx, ids: readonly number[], lastDay: string) {
  for (const part of chunks(ids, 5000)) {
    await db
      .update(u)
      .set({ validTo: lastDay })
      .where(and(inArray(u.id, part), sql`(${u.validTo} is null or ${u.validTo} > ${lastDay})`));
  }
}

export async function insertLinks(db: DbOrTx, links: readonly SuccessorLink[]) {
  for (const part of chunks(links)) {
    await db.insert(l).values(part).onConflictDoNothing();
  }
}
