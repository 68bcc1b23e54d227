import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@ntm/db";
import type { SuccessorLink } from "@ntm/domain";
import { catalogGeneration } from "../catalog/index.ts";
import { answerGeneration } from "../../shared/answer-cache.repository.ts";
import type { UnitRow } from "../units/index.ts";
import type { StoredValue } from "./assessments.repository.ts";

export interface ContextEvidence {
  id: number;
  indicatorCode: string;
  fileName: string;
  mimeType: string;
  size: number;
  uploadedBy: string;
  uploadedAt: string;
}

export interface ContextLink extends SuccessorLink {
  predecessorName: string | null;
  successorName: string | null;
}

/** Everything a scorecard or a value save reads of one commune's year, as one row. */
export interface AssessmentContextRow {
  unit: UnitRow | null;
  path: { code: string; name: string; level: string }[];
  successorScope: string[];
  links: ContextLink[];
  assessment: { version: number; updatedAt: string; demo: boolean } | null;
  values: (Omit<StoredValue, "updatedAt"> & { updatedAt: string })[];
  evidence: ContextEvidence[];
  stored: { setId: number; computedAt: string } | null;
  catalog: string;
  /** The generation of the answers made of the year's rows (ADR 0029), from the same snapshot. */
  answers: string;
  /** The province key of the commune's year (docs/deploy.md): its province on 31 December. */
  provinceKey: string | null;
}

const iso = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/**
 * One statement: the unit version in force at `asOf` (or its latest one), the path above it and,
 * for a unit that ended, the units that took it over (the access scope, ADR 0011), its lineage
 * links, the assessment row, values, evidence and stored result of the year, and the catalog's
 * generation. A unit that ended is read on its last day, one formed later on its first. The rows
 * of the year are read under the province key `province` (one shard); the key the year really
 * has comes back as `provinceKey`, and differs only when `province` was a wrong guess. Without a
 * key the statement finds it itself: right, but not known before it runs (on a sharded database,
 * a read of every shard). `answers` is the generation of that key and "*", for the answer cache.
 */
export async function findAssessmentContext(
  db: DbOrTx,
  options: { code: string; year: number; asOf: string; province: string | null },
): Promise<AssessmentContextRow> {
  const { code, year, asOf } = options;
  const province =
    options.province === null ? sql`ntm_province_of(${code}, ${asOf}::date)` : options.province;
  const rows = await queryRows<AssessmentContextRow>(
    db,
    sql`
    with recursive u as (
      select code, name, level, parent_code, valid_from, valid_to, region, commune_group, flags,
             assessed,
             case when valid_to is not null and valid_to < ${asOf}::date then valid_to
                  when valid_from > ${asOf}::date then valid_from
                  else ${asOf}::date end as on_day
        from admin_units where code = ${code}
        order by (valid_from <= ${asOf}::date and (valid_to is null or valid_to >= ${asOf}::date)) desc,
                 valid_from desc
        limit 1
    ),
    chain(code, name, level, parent_code, depth) as (
      select code, name, level, parent_code, 0 from u
      union all
      select p.code, p.name, p.level, p.parent_code, chain.depth + 1
        from admin_units p join chain on p.code = chain.parent_code cross join u
        where p.valid_from <= u.on_day and (p.valid_to is null or p.valid_to >= u.on_day)
          and chain.depth < 10
    ),
    heirs(code, on_day, depth) as (
      select l.successor_code, l.successor_valid_from, 0 from unit_successors l
        join u on l.predecessor_code = u.code and l.predecessor_valid_from = u.valid_from
        where u.valid_to is not null
      union all
      select p.parent_code, heirs.on_day, heirs.depth + 1 from admin_units p
        join heirs on p.code = heirs.code
        where p.valid_from <= heirs.on_day and (p.valid_to is null or p.valid_to >= heirs.on_day)
          and p.parent_code is not null and heirs.depth < 10
    )
    select
      (select json_build_object('code', code, 'name', name, 'level', level, 'parentCode', parent_code,
          'validFrom', valid_from::text, 'validTo', valid_to::text, 'region', region,
          'communeGroup', commune_group, 'flags', flags, 'assessed', assessed) from u) as unit,
      (select coalesce(json_agg(json_build_object('code', code, 'name', name, 'level', level)
          order by depth), '[]') from chain) as path,
      (select coalesce(json_agg(distinct code), '[]') from heirs) as "successorScope",
      (select coalesce(json_agg(json_build_object(
          'predecessorCode', l.predecessor_code, 'predecessorValidFrom', l.predecessor_valid_from::text,
          'successorCode', l.successor_code, 'successorValidFrom', l.successor_valid_from::text,
          'kind', l.kind, 'effectiveDate', l.effective_date::text,
          'predecessorName', p.name, 'successorName', s.name)), '[]')
        from unit_successors l
        left join admin_units p on p.code = l.predecessor_code and p.valid_from = l.predecessor_valid_from
        left join admin_units s on s.code = l.successor_code and s.valid_from = l.successor_valid_from
        where l.predecessor_code = ${code} or l.successor_code = ${code}) as links,
      (select json_build_object('version', version, 'updatedAt', ${iso("updated_at")}, 'demo', demo)
        from assessments
        where province_code = ${province} and unit_code = ${code} and year = ${year}) as assessment,
      (select coalesce(json_agg(json_build_object('indicatorCode', indicator_code,
          'numValue', num_value, 'boolValue', bool_value, 'note', note,
          'updatedAt', ${iso("updated_at")}, 'updatedBy', updated_by)), '[]')
        from assessment_values
        where province_code = ${province} and unit_code = ${code} and year = ${year}) as values,
      (select coalesce(json_agg(json_build_object('id', id, 'indicatorCode', indicator_code,
          'fileName', file_name, 'mimeType', mime_type, 'size', size, 'uploadedBy', uploaded_by,
          'uploadedAt', ${iso("uploaded_at")}) order by id), '[]')
        from evidence_files
        where province_code = ${province} and unit_code = ${code} and year = ${year}) as evidence,
      (select json_build_object('setId', set_id, 'computedAt', ${iso("computed_at")})
        from evaluation_results
        where province_code = ${province} and unit_code = ${code} and year = ${year}) as stored,
      ${catalogGeneration} as catalog,
      ${answerGeneration(sql`array[coalesce(${province}::text, ''), '*']`)} as answers,
      ntm_province_of(${code}, ${asOf}::date) as "provinceKey"`,
  );
  return rows[0] as AssessmentContextRow;
}
