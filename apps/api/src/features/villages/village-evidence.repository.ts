import { and, eq } from "drizzle-orm";
import { tables, type DbOrTx } from "@ntm/db";

const e = tables.villageEvidence;

export type VillageEvidenceRow = typeof e.$inferSelect;

export async function findVillageEvidenceFiles(
  db: DbOrTx,
  key: { unitCode: string; year: number; setCode: string },
) {
  return db
    .select()
    .from(e)
    .where(and(eq(e.unitCode, key.unitCode), eq(e.year, key.year), eq(e.setCode, key.setCode)))
    .orderBy(e.id);
}

export async function findVillageEvidence(db: DbOrTx, id: number) {
  const rows = await db.select().from(e).where(eq(e.id, id));
  return rows[0];
}

export async function insertVillageEvidence(
  db: DbOrTx,
  // The province key is set by the database on insert (docs/decisions/0023-sharding-key-province-code.md).
  row: Omit<VillageEvidenceRow, "id" | "uploadedAt" | "provinceCode">,
) {
  const rows = await db.insert(e).values(row).returning();
  return rows[0] as VillageEvidenceRow;
}

export async function deleteVillageEvidence(db: DbOrTx, id: number) {
  await db.delete(e).where(eq(e.id, id));
}
