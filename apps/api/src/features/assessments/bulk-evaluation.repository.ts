import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@ntm/db";
import type { StoredEvaluation } from "./stored-evaluation.ts";

/** A year of one province: the province key every statement of a chunk names. */
export interface ChunkKey {
  year: number;
  provinceCode: string;
}

/**
 * The values of a year for the given communes, one row per commune with its values as one JSON
 * object (indicator code → number, yes/no or null): a row per value would cost the embedded
 * database far more to hand over than the evaluation itself.
 */
export async function findValuesOfCommunes(
  db: DbOrTx,
  { year, provinceCode }: ChunkKey,
  codes: readonly string[],
) {
  return queryRows<{ unit_code: string; values: string }>(
    db,
    sql`select unit_code,
        json_object_agg(indicator_code, coalesce(to_json(bool_value), to_json(num_value)))::text
          as values
      from assessment_values
      where province_code = ${provinceCode} and year = ${year}
        and unit_code = any(string_to_array(${codes.join(",")}, ','))
      group by unit_code`,
  );
}

export interface ResultToStore {
  unitCode: string;
  year: number;
  setId: number;
  evaluation: StoredEvaluation;
}

/**
 * Stores the results of one province's communes for a year in three statements, whatever their
 * number: the results upserted (a run started again writes the same rows), then each commune's
 * criteria replaced, since another set version may have other criteria.
 */
export async function storeEvaluations(
  db: DbOrTx,
  { year, provinceCode }: ChunkKey,
  results: readonly ResultToStore[],
  now: Date,
) {
  if (results.length === 0) return;
  const rows = results.map(({ unitCode, setId, evaluation }) => ({
    u: unitCode,
    s: setId,
    m: evaluation.criteriaMet,
    t: evaluation.criteriaTotal,
    l: evaluation.level,
    e: evaluation.valuesEntered,
  }));
  await db.execute(
    sql`insert into evaluation_results (unit_code, province_code, year, set_id, criteria_met,
        criteria_total, level, values_entered, computed_at)
      select r.u, ${provinceCode}, ${year}::smallint, r.s, r.m, r.t, r.l, r.e,
        ${now.toISOString()}::timestamptz
      from json_to_recordset(${JSON.stringify(rows)}::json)
        as r(u text, s integer, m smallint, t smallint, l text, e smallint)
      on conflict (year, unit_code) do update set
        set_id = excluded.set_id, criteria_met = excluded.criteria_met,
        criteria_total = excluded.criteria_total, level = excluded.level,
        values_entered = excluded.values_entered, computed_at = excluded.computed_at`,
  );
  const codes = results.map((result) => result.unitCode).join(",");
  await db.execute(
    sql`delete from evaluation_criteria
      where province_code = ${provinceCode} and year = ${year}
        and unit_code = any(string_to_array(${codes}, ','))`,
  );
  const criteria: { u: string; c: string; s: string }[] = [];
  for (const { unitCode, evaluation } of results) {
    for (const criterion of evaluation.criteria) {
      criteria.push({ u: unitCode, c: criterion.code, s: criterion.status });
    }
  }
  if (criteria.length === 0) return;
  await db.execute(
    sql`insert into evaluation_criteria (unit_code, province_code, year, criterion_code, status)
      select r.u, ${provinceCode}, ${year}::smallint, r.c, r.s
      from json_to_recordset(${JSON.stringify(criteria)}::json) as r(u text, c text, s text)`,
  );
}

/**
 * Holds the given communes' assessments until the transaction ends, so a value saved meanwhile
 * waits and its fresh result is not overwritten by one computed from older values.
 */
export async function lockAssessments(
  db: DbOrTx,
  { year, provinceCode }: ChunkKey,
  codes: readonly string[],
) {
  await db.execute(
    sql`select 1 from assessments
      where province_code = ${provinceCode} and year = ${year}
        and unit_code = any(string_to_array(${codes.join(",")}, ','))
      for share`,
  );
}
