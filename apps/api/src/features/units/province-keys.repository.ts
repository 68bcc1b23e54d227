import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@ntm/db";

/**
 * The province keys a unit's history is stored under: its province on `asOf` and every province
 * linked to it by a reorganisation, before or after (a merger joins the provinces it formed from
 * and the one it formed). A year's rows carry the province that held the commune on 31 December
 * of that year, so reading a merged province over several years, or a closed province's
 * communes whose codes a new province reused, needs each of these keys. None for a unit above the
 * provinces (the country). Reference tables only: on a database sharded by province it runs on
 * any node.
 */
export async function findProvinceKeys(
  db: DbOrTx,
  code: string,
  asOf = "9999-12-31",
): Promise<string[]> {
  const rows = await queryRows<{ code: string }>(
    db,
    sql`
    with recursive linked(code, depth) as (
      select ntm_province_of(${code}, ${asOf}::date), 0
      union
      select case when l.predecessor_code = linked.code then l.successor_code
                  else l.predecessor_code end, linked.depth + 1
        from unit_successors l
        join linked on l.predecessor_code = linked.code or l.successor_code = linked.code
        join admin_units p on p.code = l.predecessor_code and p.valid_from = l.predecessor_valid_from
        where p.level = 'province' and linked.depth < 6
    )
    select distinct code from linked where code is not null order by code`,
  );
  return rows.map((row) => row.code);
}

/**
 * Keys again every row whose date is on or after `since`, by the rule of its table (the province
 * that held its unit on the row's date: docs/decisions/0023-sharding-key-province-code.md), in
 * the caller's transaction: after an import changed which province holds a unit from that day.
 * Rows of earlier dates keep their key.
 */
export async function rekeyProvincesSince(tx: DbOrTx, since: string) {
  await tx.execute(sql`select ntm_key_provinces(${since}::date, false)`);
}
