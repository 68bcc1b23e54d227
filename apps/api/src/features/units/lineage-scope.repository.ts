import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@ntm/db";

/**
 * The codes above each version that took over a unit version's area, on the successor's first
 * day (new commune and new province): who answers for the unit today also answers for its history.
 */
export async function findSuccessorScopeCodes(
  db: DbOrTx,
  version: { code: string; validFrom: string },
): Promise<string[]> {
  const rows = await queryRows<{ code: string }>(
    db,
    sql`
    with recursive chain(code, on_day, depth) as (
      select l.successor_code, l.successor_valid_from, 0 from unit_successors l
        where l.predecessor_code = ${version.code} and l.predecessor_valid_from = ${version.validFrom}
      union all
      select p.parent_code, chain.on_day, chain.depth + 1 from admin_units p
        join chain on p.code = chain.code
        where p.valid_from <= chain.on_day and (p.valid_to is null or p.valid_to >= chain.on_day)
          and p.parent_code is not null and chain.depth < 10
    )
    select distinct code from chain`,
  );
  return rows.map((row) => row.code);
}
