import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@ntm/db";
import { catalogGeneration } from "../catalog/index.ts";

export interface SummaryCommuneRow {
  code: string;
  name: string;
  parentName: string | null;
  /** The stored result of the year, null when the commune has none. */
  result: { criteriaMet: number; criteriaTotal: number; level: string | null } | null;
  demo: boolean;
}

/**
 * One statement: the assessed communes below a unit on a date, each with its parent's name, its
 * stored result of the year (null when none) and its demo flag, and the catalog's generation.
 * The recursion carries the columns, so only the subtree is read. `province` is the province key
 * of the year's rows: the unit's province on `asOf`, the 31 December of the year.
 */
export async function findSummaryCommunes(
  db: DbOrTx,
  options: { code: string; asOf: string; year: number; province: string },
): Promise<{ communes: SummaryCommuneRow[]; catalog: string }> {
  const { code, asOf, year, province } = options;
  const rows = await queryRows<{ communes: SummaryCommuneRow[]; catalog: string }>(
    db,
    sql`
    with recursive tree as (
      select code, name, level, assessed, null::text as parent_name, 0 as depth
        from admin_units
        where code = ${code} and valid_from <= ${asOf} and (valid_to is null or valid_to >= ${asOf})
      union all
      select c.code, c.name, c.level, c.assessed, tree.name, tree.depth + 1
        from admin_units c join tree on c.parent_code = tree.code
        where c.valid_from <= ${asOf} and (c.valid_to is null or c.valid_to >= ${asOf})
          and tree.depth < 10
    )
    select ${catalogGeneration} as catalog,
      (select coalesce(json_agg(json_build_object('code', t.code, 'name', t.name,
          'parentName', t.parent_name,
          'result', (select json_build_object('criteriaMet', r.criteria_met,
              'criteriaTotal', r.criteria_total, 'level', r.level)
            from evaluation_results r
            where r.province_code = ${province} and r.year = ${year} and r.unit_code = t.code),
          'demo', coalesce((select a.demo from assessments a
            where a.province_code = ${province} and a.unit_code = t.code and a.year = ${year}),
            false)) order by t.code), '[]')
        from tree t
        where t.depth > 0 and t.level = 'commune' and t.assessed) as communes`,
  );
  return rows[0] as { communes: SummaryCommuneRow[]; catalog: string };
}
