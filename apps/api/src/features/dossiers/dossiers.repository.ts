import { and, asc, desc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { queryRows, tables, type DbOrTx } from "@ntm/db";
import type { DossierState } from "@ntm/domain";

const d = tables.dossiers;
const b = tables.dossierBatches;
const e = tables.dossierEvents;
const r = tables.recognisedLevels;
const doc = tables.dossierDocuments;

export type DossierRow = typeof d.$inferSelect & { state: DossierState };
export type BatchRow = typeof b.$inferSelect;
export type RecognitionRow = typeof r.$inferSelect;

export async function insertBatch(db: DbOrTx, row: typeof b.$inferInsert) {
  const [inserted] = await db.insert(b).values(row).returning();
  return inserted as BatchRow;
}

export async function findBatches(db: DbOrTx, provinceCodes?: string[]) {
  return db
    .select()
    .from(b)
    .where(provinceCodes ? inArray(b.provinceCode, provinceCodes) : undefined)
    .orderBy(asc(b.deadline));
}

export async function findBatch(db: DbOrTx, id: number) {
  return (await db.select().from(b).where(eq(b.id, id)))[0];
}

export async function insertDossier(db: DbOrTx, row: typeof d.$inferInsert) {
  const [inserted] = await db.insert(d).values(row).returning();
  return inserted as DossierRow;
}

export async function findDossier(db: DbOrTx, id: number) {
  return (await db.select().from(d).where(eq(d.id, id)))[0] as DossierRow | undefined;
}

/** Locks a dossier row for the rest of the transaction. */
export async function lockDossier(db: DbOrTx, id: number) {
  await queryRows(db, sql`select id from dossiers where id = ${id} for update`);
  return findDossier(db, id);
}

export async function findDossiers(
  db: DbOrTx,
  filter: {
    unitCodes?: string[];
    /** The province keys of the scope's rows (docs/deploy.md); all provinces when absent. */
    provinceKeys?: string[] | undefined;
    untilYear?: number;
    batchId?: number;
    status?: string;
  },
) {
  const conditions = [
    filter.provinceKeys ? inArray(d.provinceCode, filter.provinceKeys) : undefined,
    filter.unitCodes ? inArray(d.unitCode, filter.unitCodes) : undefined,
    filter.untilYear !== undefined ? lte(d.year, filter.untilYear) : undefined,
    filter.batchId ? eq(d.batchId, filter.batchId) : undefined,
    filter.status ? eq(d.status, filter.status) : undefined,
  ].filter((condition) => condition !== undefined);
  if (filter.unitCodes && filter.unitCodes.length === 0) return [];
  return (await db
    .select()
    .from(d)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(d.id))) as DossierRow[];
}

export async function findOpenDossier(db: DbOrTx, unitCode: string, kind: string) {
  return (
    await db
      .select({ id: d.id })
      .from(d)
      .where(and(eq(d.unitCode, unitCode), eq(d.kind, kind), eq(d.status, "open")))
  )[0];
}

export async function updateDossierState(
  db: DbOrTx,
  id: number,
  values: {
    state: DossierState;
    status: string;
    currentStep: string;
    version: number;
    updatedAt: Date;
  },
) {
  await db.update(d).set(values).where(eq(d.id, id));
}

export async function insertDossierEvents(db: DbOrTx, rows: (typeof e.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(e).values(rows);
}

export async function findDossierEvents(db: DbOrTx, dossierId: number) {
  return db.select().from(e).where(eq(e.dossierId, dossierId)).orderBy(asc(e.id));
}

export async function insertDossierDocument(db: DbOrTx, row: typeof doc.$inferInsert) {
  const [inserted] = await db.insert(doc).values(row).returning();
  return inserted as typeof doc.$inferSelect;
}

export async function findDossierDocuments(db: DbOrTx, dossierId: number) {
  return db.select().from(doc).where(eq(doc.dossierId, dossierId)).orderBy(asc(doc.id));
}

export async function findDossierDocument(db: DbOrTx, id: number) {
  return (await db.select().from(doc).where(eq(doc.id, id)))[0];
}

/** Recognised-level rows of units, oldest first. */
export async function findRecognitionHistory(db: DbOrTx, unitCodes: string[]) {
  if (unitCodes.length === 0) return [];
  return db
    .select()
    .from(r)
    .where(inArray(r.unitCode, unitCodes))
    .orderBy(asc(r.decisionDate), asc(r.id));
}

/** The level in force for a unit on a date: decided by then and not ended by then. */
export async function findRecognisedOn(db: DbOrTx, unitCodes: string[], onDate: string) {
  if (unitCodes.length === 0) return [];
  return db
    .select()
    .from(r)
    .where(
      and(
        inArray(r.unitCode, unitCodes),
        lte(r.decisionDate, onDate),
        sql`(${r.endedOn} is null or ${r.endedOn} > ${onDate})`,
      ),
    );
}

export async function findOpenRecognition(db: DbOrTx, unitCode: string) {
  return (
    await db
      .select()
      .from(r)
      .where(and(eq(r.unitCode, unitCode), isNull(r.endedOn)))
      .orderBy(desc(r.decisionDate))
  )[0];
}

export async function insertRecognition(db: DbOrTx, row: typeof r.$inferInsert) {
  await db.insert(r).values(row);
}

export async function endRecognition(
  db: DbOrTx,
  id: number,
  values: {
    endedOn: string;
    endReason: string;
    revokedByDecision?: string | null;
    revocationDossierId?: number | null;
  },
) {
  await db.update(r).set(values).where(eq(r.id, id));
}

/** Stored per-criterion statuses (first level of the set) for communes and a year. */
export async function findStoredCriteria(db: DbOrTx, unitCodes: string[], year: number) {
  if (unitCodes.length === 0) return [];
  const c = tables.evaluationCriteria;
  return db
    .select({ unitCode: c.unitCode, criterionCode: c.criterionCode, status: c.status })
    .from(c)
    .where(and(eq(c.year, year), inArray(c.unitCode, unitCodes)));
}

/** Active users with a given role whose scope unit is one of the codes, with their e-mail if any. */
export async function findUsersToNotify(db: DbOrTx, role: string, scopeCodes: string[]) {
  if (scopeCodes.length === 0) return [];
  const u = tables.users;
  const n = tables.notificationContacts;
  return db
    .select({ id: u.id, username: u.username, displayName: u.displayName, email: n.email })
    .from(u)
    .leftJoin(n, eq(n.userId, u.id))
    .where(and(eq(u.role, role), eq(u.active, true), inArray(u.unitCode, scopeCodes)));
}

export async function upsertNotificationContact(db: DbOrTx, userId: number, email: string) {
  const n = tables.notificationContacts;
  await db
    .insert(n)
    .values({ userId, email })
    .onConflictDoUpdate({ target: n.userId, set: { email } });
}

export async function findNotificationContact(db: DbOrTx, userId: number) {
  const n = tables.notificationContacts;
  return (await db.select().from(n).where(eq(n.userId, userId)))[0];
}

export async function deleteNotificationContact(db: DbOrTx, userId: number) {
  const n = tables.notificationContacts;
  await db.delete(n).where(eq(n.userId, userId));
}

/* ---------- regime versions ---------- */

const rg = tables.dossierRegimes;
export type RegimeRow = typeof rg.$inferSelect;

export async function findRegimeRows(db: DbOrTx) {
  return db.select().from(rg).orderBy(asc(rg.code), asc(rg.version));
}

/** Inserts a version; a concurrent insert of the same code and version is skipped. */
export async function insertRegimeRow(db: DbOrTx, row: typeof rg.$inferInsert) {
  const [inserted] = await db.insert(rg).values(row).onConflictDoNothing().returning();
  return inserted as RegimeRow | undefined;
}

export async function countDossiersByRegime(db: DbOrTx) {
  return db
    .select({ code: d.regimeCode, version: d.regimeVersion, n: sql<number>`count(*)::int` })
    .from(d)
    .groupBy(d.regimeCode, d.regimeVersion);
}

/** Units formed by a merger: successor, first day, and how many units merged into it. */
export async function findMergedUnits(db: DbOrTx) {
  return queryRows<{ code: string; effectiveDate: string; predecessors: number }>(
    db,
    sql`
    select l.successor_code as "code", min(l.effective_date)::text as "effectiveDate",
           count(*)::int as "predecessors"
      from unit_successors l
      where l.successor_valid_from = (select max(valid_from) from admin_units where code = l.successor_code)
      group by l.successor_code
      having count(*) > 1`,
  );
}
