import { eq, lt } from "drizzle-orm";
import { tables, type DbOrTx } from "@ntm/db";

export async function insertSession(
  db: DbOrTx,
  session: { id: string; userId: number; expiresAt: Date },
) {
  await db.insert(tables.sessions).values(session);
}

export async function findSession(db: DbOrTx, id: string) {
  const rows = await db.select().from(tables.sessions).where(eq(tables.sessions.id, id));
  return rows[0];
}

export async function deleteSession(db: DbOrTx, id: string) {
  await db.delete(tables.sessions).where(eq(tables.sessions.id, id));
}

export async function deleteExpiredSessions(db: DbOrTx, now: Date) {
  await db.delete(tables.sessions).where(lt(tables.sessions.expiresAt, now));
}
