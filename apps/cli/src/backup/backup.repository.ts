import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx, type Tx } from "@ntm/db";

/**
 * Every table of the application schema, parents before children (foreign keys), read from the
 * database itself so that a table added by a later migration is never left out of a backup.
 */
export async function backupTables(db: DbOrTx): Promise<string[]> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const edges = await queryRows<{ child: string; parent: string }>(
    db,
    sql`select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
          from pg_constraint c join pg_namespace n on n.oid = c.connamespace
         where c.contype = 'f' and n.nspname = 'public'`,
  );
  const names = tables.map((table) => table.name);
  const ordered: string[] = [];
  const visit = (name: string, path: string[]) => {
    if (ordered.includes(name) || path.includes(name)) return;
    for (const edge of edges) {
      if (edge.child === name && edge.parent !== name) visit(edge.parent, [...path, name]);
    }
    ordered.push(name);
  };
  for (const name of names) visit(name, []);
  return ordered.filter((name) => names.includes(name));
}

/**
 * Every stored file the rows name: a file kept in the data folder is named by a `storage_key`
 * column (evidence, dossier scans, and any later store that follows the convention).
 */
export async function storedFilePaths(db: DbOrTx): Promise<string[]> {
  const columns = await queryRows<{ table: string }>(
    db,
    sql`select table_name as "table" from information_schema.columns
         where table_schema = 'public' and column_name = 'storage_key' order by table_name`,
  );
  const paths: string[] = [];
  for (const { table } of columns) {
    const rows = await queryRows<{ key: string }>(
      db,
      sql`select distinct storage_key as key from ${sql.identifier(table)} order by 1`,
    );
    for (const row of rows) paths.push(row.key);
  }
  return paths;
}

export async function countRows(db: DbOrTx, table: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${sql.identifier(table)}`,
  );
  return rows[0]?.n ?? 0;
}

/** The audit chain's end (length and last hash), or null before the chain exists. */
export async function auditChainEnd(db: DbOrTx) {
  const rows = await queryRows<{ length: string | number; last_hash: string }>(
    db,
    sql`select length, last_hash from audit_chain_head where chain = 'audit_log'`,
  );
  const head = rows[0];
  return head ? { length: Number(head.length), lastHash: head.last_hash } : null;
}

/**
 * A table's rows as JSON text, through a cursor: each call of `next` continues where the last
 * stopped, so the table is read once however large (no `offset`). Inside a transaction only.
 */
export async function openRowCursor(tx: Tx, table: string) {
  await tx.execute(
    sql`declare backup_rows no scroll cursor for select to_jsonb(t)::text as row from ${sql.identifier(table)} t`,
  );
  return {
    next: async (size: number) =>
      (
        await queryRows<{ row: string }>(
          tx,
          sql.raw(`fetch forward ${Math.trunc(size)} from backup_rows`),
        )
      ).map(({ row }) => row),
    close: async () => {
      await tx.execute(sql`close backup_rows`);
    },
  };
}

export async function truncateTables(tx: Tx, tables: string[]) {
  await tx.execute(
    sql.raw(`truncate ${tables.map((name) => `"${name}"`).join(", ")} restart identity cascade`),
  );
}

/**
 * Keys the rows of a backup taken before their table carried the province key, by the rule of
 * each table (docs/decisions/0023-sharding-key-province-code.md); rows with a key keep it.
 */
export async function keyMissingProvinces(tx: Tx) {
  await tx.execute(sql`select ntm_key_provinces('-infinity', true)`);
}

/** Inserts rows given as the JSON text of a JSON array of row objects. */
export async function insertRowsJson(tx: Tx, table: string, rowsJson: string) {
  await tx.execute(
    sql`insert into ${sql.identifier(table)} select * from jsonb_populate_recordset(null::${sql.identifier(table)}, ${rowsJson}::jsonb)`,
  );
}

/** Every serial continues after the highest id restored. */
export async function resetSequences(tx: Tx) {
  const serials = await queryRows<{ table: string; column: string }>(
    tx,
    sql`select table_name as "table", column_name as "column" from information_schema.columns
         where table_schema = 'public' and column_default like 'nextval(%'`,
  );
  for (const { table, column } of serials) {
    await tx.execute(
      sql.raw(
        `select setval(pg_get_serial_sequence('"${table}"', '${column}'), coalesce((select max("${column}") from "${table}"), 0) + 1, false)`,
      ),
    );
  }
}
