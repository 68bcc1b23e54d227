import { createReadStream, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip, createGzip } from "node:zlib";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "@ntm/db";
import { withDatabase } from "../cli-context.ts";

/**
 * Every table of the application schema, parents before children (foreign keys), read from the
 * database itself so that a table added by a later migration is never left out of a backup.
 */
export async function backupTables(database: Database): Promise<string[]> {
  const tables = await queryRows<{ name: string }>(
    database.db,
    sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const edges = await queryRows<{ child: string; parent: string }>(
    database.db,
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

const batch = 5000;

async function* backupLines(database: Database) {
  const tables = await backupTables(database);
  yield JSON.stringify({ format: "ntm-backup", version: 1, tables }) + "\n";
  for (const table of tables) {
    for (let offset = 0; ; offset += batch) {
      const rows = await queryRows<{ row: unknown }>(
        database.db,
        sql.raw(
          `select to_jsonb(t) as row from ${table} t order by 1 limit ${batch} offset ${offset}`,
        ),
      );
      for (const { row } of rows) yield JSON.stringify({ table, row }) + "\n";
      if (rows.length < batch) break;
    }
  }
}

/**
 * Writes every table as gzip-compressed JSON lines: portable between the embedded database and a
 * PostgreSQL server (evidence files stay in the data folder and are copied separately).
 */
export async function backupDatabase(database: Database, file: string) {
  await pipeline(Readable.from(backupLines(database)), createGzip(), createWriteStream(file));
}

/** Replaces all data with a backup, in one transaction; sequences continue after the restored ids. */
export async function restoreDatabase(database: Database, file: string): Promise<number> {
  // Read before the file is opened: readline emits lines as soon as it exists, and lines emitted
  // while this query waits would be lost.
  const tables = await backupTables(database);
  const lines = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  let header: { format?: string } | undefined;
  const rowsByTable = new Map<string, unknown[]>();
  for await (const line of lines) {
    if (!line) continue;
    const parsed = JSON.parse(line) as { format?: string; table?: string; row?: unknown };
    if (!header) {
      header = parsed;
      if (parsed.format !== "ntm-backup")
        throw new Error("Tệp không phải bản sao lưu NTM Monitor.");
      continue;
    }
    if (!parsed.table || !tables.includes(parsed.table)) {
      throw new Error(`Bảng không hợp lệ trong bản sao lưu: ${parsed.table}`);
    }
    const list = rowsByTable.get(parsed.table) ?? [];
    list.push(parsed.row);
    rowsByTable.set(parsed.table, list);
  }
  let total = 0;
  await database.db.transaction(async (tx) => {
    await tx.execute(
      sql.raw(`truncate ${tables.map((name) => `"${name}"`).join(", ")} restart identity cascade`),
    );
    for (const table of tables) {
      const rows = rowsByTable.get(table) ?? [];
      for (let start = 0; start < rows.length; start += 1000) {
        const part = JSON.stringify(rows.slice(start, start + 1000));
        await tx.execute(
          sql`insert into ${sql.identifier(table)} select * from jsonb_populate_recordset(null::${sql.identifier(table)}, ${part}::jsonb)`,
        );
      }
      total += rows.length;
    }
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
  });
  return total;
}

export async function backupCommand(file: string) {
  await withDatabase(async ({ database }) => {
    await backupDatabase(database, file);
    console.log(`Đã sao lưu cơ sở dữ liệu vào ${file}.`);
  });
}

export async function restoreCommand(file: string) {
  await withDatabase(async ({ database }) => {
    const rows = await restoreDatabase(database, file);
    console.log(`Đã khôi phục ${rows} dòng từ ${file}.`);
  });
}
