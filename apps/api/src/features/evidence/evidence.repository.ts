import { and, eq } from "drizzle-orm";
import { tables, type DbOrTx } from "@ntm/db";

const e = tables.evidenceFiles;

export type EvidenceRow = typeof e.$inferSelect;

export async function findEvidenceForAssessment(db: DbOrTx, unitCode: string, year: number) {
  return db
    .select()
    .from(e)
    .where(and(eq(e.unitCode, unitCode), eq(e.year, year)))
    .orderBy(e.id);
}

export async function findEvidence(db: DbOrTx, id: number) {
  const rows = await db.select().from(e).where(eq(e.id, id));
  return rows[0];
}

/** The province code is the database's to set (on insert, from the unit). */
export async function insertEvidence(
  db: DbOrTx,
  row: Omit<EvidenceRow, "id" | "uploadedAt" | "provinceCode">,
) {
  const rows = await db.insert(e).values(row).returning();
  return rows[0] as EvidenceRow;
}

export async function deleteEvidence(db: DbOrTx, id: number) {
  await db.delete(e).where(eq(e.id, id));
}
