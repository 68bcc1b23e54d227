import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@ntm/db";

/**
 * The day (Asia/Ho_Chi_Minh) each commune's first stored result of the years `fromYear`–`toYear`
 * was computed: when it was re-assessed under the set of those years. `first_computed_at`, not
 * `computed_at`: a maintenance re-evaluation rewrites the result, not the day it was first made.
 */
export async function findReassessedOn(
  db: DbOrTx,
  codes: string[],
  fromYear: number,
  toYear: number,
): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await queryRows<{ unit_code: string; day: string }>(
    db,
    sql`select unit_code, min((first_computed_at at time zone 'Asia/Ho_Chi_Minh')::date)::text as day
          from evaluation_results
         where unit_code in (${sql.join(
           codes.map((code) => sql`${code}`),
           sql`, `,
         )}) and year between ${fromYear} and ${toYear}
         group by unit_code`,
  );
  return new Map(rows.map((row) => [row.unit_code, row.day]));
}
