import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@ntm/db";

/** Fails when the database does not answer. */
export async function pingDatabase(db: DbOrTx): Promise<void> {
  await db.execute(sql`select 1`);
}

/**
 * The time stamp of the last migration applied (drizzle's own table), or null on a database that
 * was never migrated.
 */
export async function lastAppliedMigration(db: DbOrTx): Promise<number | null> {
  const [table] = await queryRows<{ name: string | null }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations')::text as name`,
  );
  if (!table?.name) return null;
  const [row] = await queryRows<{ last: string | number | null }>(
    db,
    sql`select max(created_at) as last from drizzle.__drizzle_migrations`,
  );
  return row?.last === null || row?.last === undefined ? null : Number(row.last);
}
