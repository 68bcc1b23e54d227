/**
 * The demo's content, table by table, to check that a faster seed writes the same data:
 * `node --import tsx bench/demo-content.ts out.json` seeds the demo into an in-memory PGlite and
 * writes every table's rows (sorted) without the columns that differ between two seeds anyway
 * (times, random ids, hashes, salts, tokens; times inside JSON are left aside when comparing); `node --import tsx bench/demo-content.ts --compare
 * before.json after.json` names the tables whose rows differ. Run the first form on the commit
 * before a change and on the change, then compare.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createDatabase, queryRows } from "@ntm/db";
import { sql } from "drizzle-orm";
import { seedDemo } from "../apps/cli/src/commands/seed-demo.ts";

type Content = Record<string, string[]>;

const varying = /hash|salt|token|secret/;
/** A time written inside a JSON document (a workflow step's, a setting's): the seed's clock. */
const isoTime = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)/g;

/** A row without its serial id and chain position, to tell rows written in another order. */
const unordered = (row: string) =>
  JSON.stringify(JSON.parse(row) as object, (key, value: unknown) =>
    key === "id" || key === "seq" ? undefined : value,
  );

async function dumpDemo(file: string) {
  const database = await createDatabase({ dataDir: "memory://" });
  await seedDemo(database, { ifEmpty: true, log: () => undefined });
  const columns = await queryRows<{ table_name: string; column_name: string; data_type: string }>(
    database.db,
    sql`select table_name, column_name, data_type from information_schema.columns
         where table_schema = 'public' order by table_name, ordinal_position`,
  );
  const kept = new Map<string, string[]>();
  for (const column of columns) {
    if (/timestamp|uuid/.test(column.data_type) || varying.test(column.column_name)) continue;
    kept.set(column.table_name, [...(kept.get(column.table_name) ?? []), column.column_name]);
  }
  const content: Content = {};
  for (const [table, names] of kept) {
    const list = names.map((name) => `"${name}"`).join(", ");
    const rows = await queryRows<Record<string, unknown>>(
      database.db,
      sql.raw(`select ${list} from "${table}"`),
    );
    content[table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  await database.close();
  writeFileSync(file, JSON.stringify(content));
  console.log(`${Object.keys(content).length} tables written to ${file}`);
}

function compare(beforeFile: string, afterFile: string) {
  const before = JSON.parse(readFileSync(beforeFile, "utf8")) as Content;
  const after = JSON.parse(readFileSync(afterFile, "utf8")) as Content;
  let differing = 0;
  for (const table of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    const a = (before[table] ?? []).map((row) => row.replace(isoTime, "<time>"));
    const b = (after[table] ?? []).map((row) => row.replace(isoTime, "<time>"));
    const onlyBefore = a.filter((row) => !b.includes(row));
    const onlyAfter = b.filter((row) => !a.includes(row));
    if (a.length === b.length && onlyBefore.length === 0 && onlyAfter.length === 0) continue;
    const sameRows = (x: string[], y: string[]) =>
      JSON.stringify(x.map(unordered).sort()) === JSON.stringify(y.map(unordered).sort());
    if (sameRows(a, b)) {
      console.log(`${table}: the same ${a.length} rows, written in another order (ids differ)`);
      continue;
    }
    differing += 1;
    console.log(`${table}: ${a.length} rows before, ${b.length} after`);
    for (const row of onlyBefore.slice(0, 3)) console.log(`  - ${row.slice(0, 300)}`);
    for (const row of onlyAfter.slice(0, 3)) console.log(`  + ${row.slice(0, 300)}`);
  }
  console.log(
    differing === 0
      ? `Same content in all ${Object.keys(after).length} tables.`
      : `${differing} tables differ.`,
  );
  process.exitCode = differing === 0 ? 0 : 1;
}

const args = process.argv.slice(2);
if (args[0] === "--compare") compare(args[1] ?? "", args[2] ?? "");
else await dumpDemo(args[0] ?? "demo-content.json");
