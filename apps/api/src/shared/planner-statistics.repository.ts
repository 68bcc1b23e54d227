import { sql } from "drizzle-orm";
import { queryRows, serverPoolOf, type DbOrTx } from "@ntm/db";

/**
 * Refreshes the planner's statistics of `tables` after a bulk write of `written` rows into the
 * first of them, when that is more than a tenth of the rows the planner believes it holds (plus
 * 50: the share at which PostgreSQL's autovacuum analyzes a table). The embedded database has no
 * autovacuum: without this, the reads that follow a bulk write are planned as if the rows were not
 * there (a re-evaluation of a year the planner believed empty stalled). Inside the writer's
 * transaction (`embeddedOnly` false: autovacuum cannot see rows not yet committed) ANALYZE counts
 * its own rows, on either database; after committed writes (`embeddedOnly`) a PostgreSQL server's
 * autovacuum does it, so only the embedded database is analyzed here. Returns whether it ran.
 */
export async function analyzeIfLarge(
  db: DbOrTx,
  written: number,
  tables: readonly [string, ...string[]],
  options: { embeddedOnly: boolean },
): Promise<boolean> {
  if (options.embeddedOnly && serverPoolOf(db)) return false;
  const [table] = await queryRows<{ rows: number | string | null }>(
    db,
    sql`select reltuples as rows from pg_class where oid = to_regclass(${tables[0]})`,
  );
  const believed = Math.max(0, Number(table?.rows ?? 0));
  if (written <= believed / 10 + 50) return false;
  await db.execute(
    sql`analyze ${sql.join(
      tables.map((name) => sql.identifier(name)),
      sql`, `,
    )}`,
  );
  return true;
}
