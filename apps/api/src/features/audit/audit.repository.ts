import { and, desc, eq, sql } from "drizzle-orm";
import { tables, type DbOrTx } from "@ntm/db";

export interface AuditEvent {
  userId: number | null;
  username: string;
  action: string;
  entityType: string;
  entityKey: string;
  unitCode: string | null;
  oldValue?: unknown;
  newValue?: unknown;
}

/** Records changes; always called inside the transaction that makes them. */
export async function insertAuditEvents(db: DbOrTx, events: AuditEvent[]) {
  if (events.length === 0) return;
  await db.insert(tables.auditLog).values(
    events.map((event) => ({
      ...event,
      oldValue: event.oldValue ?? null,
      newValue: event.newValue ?? null,
    })),
  );
}

export async function findAuditEntries(
  db: DbOrTx,
  filter: { unitCode?: string; entityPrefix?: string; entityType?: string; limit: number },
) {
  const a = tables.auditLog;
  const conditions = [
    filter.unitCode ? eq(a.unitCode, filter.unitCode) : undefined,
    filter.entityType ? eq(a.entityType, filter.entityType) : undefined,
    filter.entityPrefix ? sql`${a.entityKey} like ${filter.entityPrefix + "%"}` : undefined,
  ].filter((condition) => condition !== undefined);
  return db
    .select()
    .from(a)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(a.id))
    .limit(filter.limit);
}
