import { and, asc, desc, eq, gt, isNotNull, isNull, sql } from "drizzle-orm";
import { tables, type DbOrTx } from "@ntm/db";
import type { AuditRowFields } from "./audit-hash.ts";

const a = tables.auditLog;
const head = tables.auditChainHead;

/** The one chain every audit row belongs to (see docs/decisions/0009). */
export const auditChainName = "audit_log";

/** The action of an import's one row per assessment (docs/decisions/0028). */
export const importChangesAction = "assessment.import";

/** A row to insert, its old and new values already as JSON text (`canonicalJson`). */
export interface AuditRowInsert extends Omit<AuditRowFields, "oldValue" | "newValue"> {
  at: Date;
  oldJson: string;
  newJson: string;
  seq: number;
  prevHash: string;
  hash: string;
}

/** An audit row with `at` as the text the chain hashes (UTC, microseconds). */
export interface ChainedAuditRow extends AuditRowFields {
  id: number;
  seq: number | null;
  at: string;
  prevHash: string | null;
  hash: string | null;
}

const entryColumns = {
  id: a.id,
  at: a.at,
  userId: a.userId,
  username: a.username,
  action: a.action,
  entityType: a.entityType,
  entityKey: a.entityKey,
  unitCode: a.unitCode,
  oldValue: a.oldValue,
  newValue: a.newValue,
};

const chainedColumns = {
  ...entryColumns,
  seq: a.seq,
  at: sql<string>`to_char(${a.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  prevHash: a.prevHash,
  hash: a.hash,
};

/**
 * Serialises writers of the chain until their transaction ends; readers are not blocked. Must run
 * inside a transaction (PostgreSQL refuses LOCK TABLE outside one).
 */
export async function lockAuditChain(tx: DbOrTx) {
  await tx.execute(sql`lock table audit_chain_head in exclusive mode`);
}

export async function findChainHead(db: DbOrTx) {
  const rows = await db.select().from(head).where(eq(head.chain, auditChainName));
  return rows[0];
}

export async function saveChainHead(
  tx: DbOrTx,
  values: { length: number; lastHash: string; updatedAt: Date },
) {
  await tx
    .insert(head)
    .values({ chain: auditChainName, ...values })
    .onConflictDoUpdate({ target: head.chain, set: values });
}

export async function hasChainedRows(db: DbOrTx): Promise<boolean> {
  const rows = await db.select({ id: a.id }).from(a).where(isNotNull(a.seq)).limit(1);
  return rows.length > 0;
}

/**
 * Inserts rows in batches, each batch as one JSON parameter (thousands of rows per statement);
 * the values' JSON text goes into the document as it is, not parsed and written again.
 */
export async function insertAuditRows(tx: DbOrTx, rows: AuditRowInsert[]) {
  for (let start = 0; start < rows.length; start += 2000) {
    const part = rows.slice(start, start + 2000).map((row) => {
      const fields = JSON.stringify({
        at: row.at.toISOString(),
        user_id: row.userId ?? null,
        username: row.username,
        action: row.action,
        entity_type: row.entityType,
        entity_key: row.entityKey,
        unit_code: row.unitCode ?? null,
        seq: row.seq,
        prev_hash: row.prevHash,
        hash: row.hash,
      });
      return `{"old_value":${row.oldJson},"new_value":${row.newJson},${fields.slice(1)}`;
    });
    // Each row is keyed by the province that held its unit on the day of the change in Viet Nam
    // (none for a change of no unit), computed once per unit and day within the statement.
    await tx.execute(sql`
      with r as (
        select *, (r.at at time zone 'Asia/Ho_Chi_Minh')::date as day
          from jsonb_to_recordset(${`[${part.join(",")}]`}::jsonb)
            as r(at timestamptz, user_id integer, username text, action text, entity_type text,
                 entity_key text, unit_code text, old_value jsonb, new_value jsonb, seq bigint,
                 prev_hash text, hash text)
      ), k as (
        select unit_code, day, ntm_province_of(unit_code, day) as province_code
          from (select distinct unit_code, day from r where unit_code is not null) pairs
      )
      insert into audit_log (at, user_id, username, action, entity_type, entity_key, unit_code,
                             old_value, new_value, seq, prev_hash, hash, province_code)
      select r.at, r.user_id, r.username, r.action, r.entity_type, r.entity_key, r.unit_code,
             nullif(r.old_value, 'null'), nullif(r.new_value, 'null'), r.seq, r.prev_hash, r.hash,
             k.province_code
        from r left join k on k.unit_code = r.unit_code and k.day = r.day
       order by r.seq`);
  }
}

/** Rows without a place in the chain, in id order, after `afterId`. */
export async function findUnchainedRows(
  db: DbOrTx,
  afterId: number,
  limit: number,
): Promise<ChainedAuditRow[]> {
  return db
    .select(chainedColumns)
    .from(a)
    .where(and(isNull(a.seq), gt(a.id, afterId)))
    .orderBy(asc(a.id))
    .limit(limit);
}

export async function setChainFields(
  tx: DbOrTx,
  rows: { id: number; seq: number; prevHash: string; hash: string }[],
) {
  if (rows.length === 0) return;
  await tx.execute(sql`
    update audit_log set seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
      from jsonb_to_recordset(${JSON.stringify(rows.map((row) => ({ id: row.id, seq: row.seq, prev_hash: row.prevHash, hash: row.hash })))}::jsonb)
        as v(id bigint, seq bigint, prev_hash text, hash text)
     where audit_log.id = v.id`);
}

/** A page of the chain in chain order, after position `afterSeq`. */
export async function findChainPage(
  db: DbOrTx,
  afterSeq: number,
  limit: number,
): Promise<ChainedAuditRow[]> {
  return db
    .select(chainedColumns)
    .from(a)
    .where(gt(a.seq, afterSeq))
    .orderBy(asc(a.seq))
    .limit(limit);
}

export async function findAuditRows(
  db: DbOrTx,
  filter: { unitCode?: string; entityPrefix?: string; entityType?: string; limit: number },
) {
  const conditions = [
    filter.unitCode ? eq(a.unitCode, filter.unitCode) : undefined,
    filter.entityType ? eq(a.entityType, filter.entityType) : undefined,
    filter.entityPrefix ? sql`${a.entityKey} like ${filter.entityPrefix + "%"}` : undefined,
  ].filter((condition) => condition !== undefined);
  return db
    .select(entryColumns)
    .from(a)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(a.id))
    .limit(filter.limit);
}

/**
 * Rows of a value's history, newest first: rows whose key starts with `entityPrefix`
 * ("unit/year/indicator…") and an import's row of that assessment (key "unit/year") that changed
 * an indicator whose code starts with what the prefix names of it.
 */
export async function findValueHistoryRows(
  db: DbOrTx,
  filter: { unitCode: string; entityPrefix: string; limit: number },
) {
  const [unitCode = "", year = "", indicator = ""] = filter.entityPrefix.split("/");
  const ofImport = and(
    eq(a.action, importChangesAction),
    eq(a.entityKey, `${unitCode}/${year}`),
    sql`exists (select 1 from jsonb_object_keys(${a.newValue} -> 'values') as code
                 where code like ${indicator + "%"})`,
  );
  return db
    .select(entryColumns)
    .from(a)
    .where(
      and(
        eq(a.unitCode, filter.unitCode),
        sql`(${a.entityKey} like ${filter.entityPrefix + "%"} or ${ofImport})`,
      ),
    )
    .orderBy(desc(a.id))
    .limit(filter.limit);
}
