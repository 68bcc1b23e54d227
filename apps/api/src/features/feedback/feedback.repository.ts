import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { tables, type DbOrTx, type Tx } from "@ntm/db";
import type { FeedbackStatus } from "@ntm/domain";

const f = tables.dossierFeedback;
const d = tables.dossiers;
const counters = tables.feedbackRateCounters;

export type FeedbackRow = typeof f.$inferSelect & { status: FeedbackStatus };

export async function insertFeedback(tx: Tx, row: typeof f.$inferInsert) {
  const [inserted] = await tx.insert(f).values(row).returning({ id: f.id });
  return inserted as { id: number };
}

export async function findFeedback(db: DbOrTx, id: number) {
  return (await db.select().from(f).where(eq(f.id, id)))[0] as FeedbackRow | undefined;
}

export async function lockFeedback(tx: Tx, id: number) {
  return (await tx.select().from(f).where(eq(f.id, id)).for("update"))[0] as
    FeedbackRow | undefined;
}

export async function updateModeration(
  tx: Tx,
  id: number,
  change: { status: FeedbackStatus; hideReason: string | null; moderatedAt: Date; by: string },
) {
  await tx
    .update(f)
    .set({
      status: change.status,
      hideReason: change.hideReason,
      moderatedAt: change.moderatedAt,
      moderatedBy: change.by,
    })
    .where(eq(f.id, id));
}

/** The feedback of the given units, newest first; optionally one status or one dossier. */
export async function findFeedbackOf(
  db: DbOrTx,
  filter: {
    unitCodes: string[];
    status?: FeedbackStatus | undefined;
    dossierId?: number | undefined;
  },
) {
  if (filter.unitCodes.length === 0) return [];
  return (await db
    .select()
    .from(f)
    .where(
      and(
        inArray(f.unitCode, filter.unitCodes),
        filter.status ? eq(f.status, filter.status) : undefined,
        filter.dossierId ? eq(f.dossierId, filter.dossierId) : undefined,
      ),
    )
    .orderBy(desc(f.createdAt), desc(f.id))
    .limit(500)) as FeedbackRow[];
}

/** Per dossier, its comments by status. */
export async function countFeedbackByDossier(db: DbOrTx, dossierIds: number[]) {
  const counts = new Map<number, Record<FeedbackStatus, number>>();
  if (dossierIds.length === 0) return counts;
  const rows = await db
    .select({ dossierId: f.dossierId, status: f.status, count: sql<number>`count(*)::int` })
    .from(f)
    .where(inArray(f.dossierId, dossierIds))
    .groupBy(f.dossierId, f.status);
  for (const row of rows) {
    const entry = counts.get(row.dossierId) ?? { pending: 0, approved: 0, hidden: 0 };
    entry[row.status as FeedbackStatus] = Number(row.count);
    counts.set(row.dossierId, entry);
  }
  return counts;
}

/** Open recognition dossiers of the given units standing at their public posting step. */
export async function findPostedDossiers(db: DbOrTx, unitCodes: string[]) {
  if (unitCodes.length === 0) return [];
  return db
    .select({ id: d.id })
    .from(d)
    .where(
      and(
        inArray(d.unitCode, unitCodes),
        eq(d.kind, "recognition"),
        eq(d.status, "open"),
        eq(d.currentStep, "public_posting"),
      ),
    )
    .orderBy(asc(d.id));
}

/** Dossiers of the given units with comments waiting for moderation, and how many. */
export async function countPendingByDossier(db: DbOrTx, unitCodes: string[]) {
  if (unitCodes.length === 0) return [];
  return db
    .select({
      dossierId: f.dossierId,
      unitCode: f.unitCode,
      pending: sql<number>`count(*)::int`,
      oldest: sql<Date>`min(${f.createdAt})`,
    })
    .from(f)
    .where(and(inArray(f.unitCode, unitCodes), eq(f.status, "pending")))
    .groupBy(f.dossierId, f.unitCode);
}

export interface SendCounter {
  count: number;
  windowStart: Date;
}

/** Locks the send counters of the given keys (created empty when missing) for the transaction. */
export async function lockSendCounters(tx: Tx, keys: string[], now: Date) {
  // A fixed order, so that two servers locking the same keys never wait on each other.
  const sorted = [...keys].sort();
  await tx
    .insert(counters)
    .values(sorted.map((key) => ({ key, count: 0, windowStart: now })))
    .onConflictDoNothing();
  const rows = await tx
    .select()
    .from(counters)
    .where(inArray(counters.key, sorted))
    .orderBy(counters.key)
    .for("update");
  return new Map<string, SendCounter>(
    rows.map((row) => [row.key, { count: row.count, windowStart: row.windowStart }]),
  );
}

export async function saveSendCounter(tx: Tx, key: string, counter: SendCounter) {
  await tx.update(counters).set(counter).where(eq(counters.key, key));
}

export async function deleteOldSendCounters(db: DbOrTx, before: Date) {
  await db.delete(counters).where(sql`${counters.windowStart} < ${before}`);
}
