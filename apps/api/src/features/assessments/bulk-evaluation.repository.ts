import { sql } from "drizzle-orm";
import type pg from "pg";
import Cursor from "pg-cursor";
import { queryRows, type DbOrTx } from "@ntm/db";
import type { StoredEvaluation } from "./stored-evaluation.ts";

/** A year of one province: the province key every statement of a chunk names. */
export interface ChunkKey {
  year: number;
  provinceCode: string;
}

/**
 * A commune's values of a year as one JSON object (indicator code → number, yes/no or null), with
 * the version of its assessment they belong to: a result computed from them is stored only while
 * that version stands.
 */
export interface CommuneValues {
  province_code: string;
  unit_code: string;
  version: number;
  values: string;
}

/**
 * One row per commune: a row per value would cost the embedded database far more to hand over
 * than the evaluation itself. `$1` the year, `$2` the province keys (comma-separated).
 */
const valuesOfYear = `select v.province_code, v.unit_code, a.version,
    json_object_agg(v.indicator_code, coalesce(to_json(v.bool_value), to_json(v.num_value)))::text
      as values
  from assessment_values v
  join assessments a on a.province_code = v.province_code and a.year = v.year
    and a.unit_code = v.unit_code
  where v.year = $1 and v.province_code = any(string_to_array($2, ','))`;

export interface ValuesCursor {
  /** The next rows, fewer than asked at the end. */
  read(rows: number): Promise<CommuneValues[]>;
  close(): Promise<void>;
}

/**
 * A whole year's values through one query ordered as the chunks are (province, then code, in
 * byte order as the plan sorts), read a batch at a time (`pg-cursor`) on a connection of its own,
 * so the run's writes go on beside it.
 */
export async function openValuesCursor(
  pool: pg.Pool,
  year: number,
  provinceCodes: readonly string[],
): Promise<ValuesCursor> {
  const client = await pool.connect();
  const cursor = client.query(
    new Cursor<CommuneValues>(
      `${valuesOfYear}
      group by v.province_code, v.unit_code, a.version
      order by v.province_code collate "C", v.unit_code collate "C"`,
      [year, provinceCodes.join(",")],
    ),
  );
  let failed: Error | undefined;
  return {
    read: (rows) =>
      cursor.read(rows).catch((error: Error) => {
        failed = error;
        throw error;
      }),
    close: async () => {
      try {
        if (!failed) await cursor.close();
      } finally {
        client.release(failed ?? false);
      }
    },
  };
}

/** The values of a year for the given communes of the given provinces, in plan order. */
export async function findValuesOfCommunes(
  db: DbOrTx,
  year: number,
  provinceCodes: readonly string[],
  codes: readonly string[],
) {
  return queryRows<CommuneValues>(
    db,
    sql`select v.province_code, v.unit_code, a.version,
        json_object_agg(v.indicator_code, coalesce(to_json(v.bool_value), to_json(v.num_value)))::text
          as values
      from assessment_values v
      join assessments a on a.province_code = v.province_code and a.year = v.year
        and a.unit_code = v.unit_code
      where v.year = ${year} and v.province_code = any(string_to_array(${provinceCodes.join(",")}, ','))
        and v.unit_code = any(string_to_array(${codes.join(",")}, ','))
      group by v.province_code, v.unit_code, a.version
      order by v.province_code collate "C", v.unit_code collate "C"`,
  );
}

/**
 * The commune sets covering a year, without their definitions: what choosing the set in force
 * reads (`selectSetInForce`), newest version first as the catalog lists them. A run reads each
 * chosen definition once, not once per province.
 */
export async function findCommuneSetHeaders(db: DbOrTx, year: number) {
  const rows = await queryRows<{
    id: number;
    code: string;
    version: number;
    provinceCode: string | null;
    fromYear: number;
    toYear: number;
    effectiveFrom: string | null;
    basis: { document: string; date?: string };
  }>(
    db,
    sql`select id, code, version, province_code as "provinceCode", from_year as "fromYear",
          to_year as "toYear", definition->>'effectiveFrom' as "effectiveFrom",
          definition->'basis' as basis
        from criteria_sets
        where unit_level = 'commune' and from_year <= ${year} and to_year >= ${year}
        order by version desc, id desc`,
  );
  return rows.map(({ effectiveFrom, ...row }) => ({
    ...row,
    ...(effectiveFrom ? { effectiveFrom } : {}),
  }));
}

export interface ResultToStore {
  unitCode: string;
  /** The assessment's version the values were read at. */
  version: number;
  setId: number;
  evaluation: StoredEvaluation;
}

const list = (items: readonly (string | number | null)[]) =>
  items.map((item) => item ?? "").join(",");

/**
 * Stores the results of one province's communes for a year in one statement, whatever their
 * number, for the communes whose assessment still has the version their values were read at
 * (a value saved meanwhile stored its own, fresher result): each one's assessment held for share,
 * its result upserted (a run started again writes the same rows), each criterion's status
 * written only where it differs from the stored one (compared first: an upsert would lock, and so
 * write, every row it meets), and the criteria its set no longer has removed. No step is a join
 * the planner chooses: each held commune's statuses are unnested from its own row, each status is
 * compared by a lookup on the primary key, and the old criteria are read by the key's year and
 * the held communes' codes, then kept or removed through a hashed set of the new ones. Planned as
 * joins from statistics taken before the year had results (the embedded database never analyzes
 * on its own, and an import fills a year inside its transaction), they compared every status of
 * the chunk with every held commune and scanned every status already stored in the year for each
 * chunk, so a national import's re-evaluation grew with the square of its communes. The held
 * assessments keep every other writer of these rows waiting. Returns how many results were
 * stored.
 */
export async function storeEvaluations(
  db: DbOrTx,
  { year, provinceCode }: ChunkKey,
  results: readonly ResultToStore[],
  now: Date,
): Promise<number> {
  if (results.length === 0) return 0;
  const column = <T extends string | number | null>(pick: (result: ResultToStore) => T) =>
    list(results.map(pick));
  // Each result's criterion codes and their statuses, in the same order; the statuses of any
  // other criterion are removed.
  const perResult = (pick: (criterion: { code: string; status: string }) => string) =>
    results.map(({ evaluation }) => evaluation.criteria.map(pick).join(",")).join(";");
  const rows = await queryRows<{ stored: number }>(
    db,
    sql`with input as (
        select * from unnest(
          string_to_array(${column((r) => r.unitCode)}, ','),
          string_to_array(${column((r) => r.version)}, ',')::integer[],
          string_to_array(${column((r) => r.setId)}, ',')::integer[],
          string_to_array(${column((r) => r.evaluation.criteriaMet)}, ',')::smallint[],
          string_to_array(${column((r) => r.evaluation.criteriaTotal)}, ',')::smallint[],
          string_to_array(${column((r) => r.evaluation.level)}, ',', ''),
          string_to_array(${column((r) => r.evaluation.valuesEntered)}, ',')::smallint[],
          string_to_array(${perResult((criterion) => criterion.code)}, ';'),
          string_to_array(${perResult((criterion) => criterion.status)}, ';')
        ) as i(u, v, s, m, t, l, e, cs, ss)
      ),
      held as (
        select i.* from input i
          join assessments a on a.province_code = ${provinceCode} and a.year = ${year}
            and a.unit_code = i.u and a.version = i.v
        for share of a
      ),
      statuses as (
        select h.u, c.c, c.s from held h
          cross join lateral unnest(string_to_array(h.cs, ','), string_to_array(h.ss, ','))
            as c(c, s)
      ),
      stored as (
        insert into evaluation_results (unit_code, province_code, year, set_id, criteria_met,
          criteria_total, level, values_entered, computed_at)
        select h.u, ${provinceCode}, ${year}::smallint, h.s, h.m, h.t, h.l, h.e,
          ${now.toISOString()}::timestamptz
        from held h
        on conflict (year, unit_code) do update set
          set_id = excluded.set_id, criteria_met = excluded.criteria_met,
          criteria_total = excluded.criteria_total, level = excluded.level,
          values_entered = excluded.values_entered, computed_at = excluded.computed_at
        returning unit_code
      ),
      changed as (
        insert into evaluation_criteria (unit_code, province_code, year, criterion_code, status)
        select s.u, ${provinceCode}, ${year}::smallint, s.c, s.s
        from statuses s
        where s.s is distinct from (
          select e.status from evaluation_criteria e
          where e.year = ${year} and e.unit_code = s.u and e.criterion_code = s.c
            and e.province_code = ${provinceCode})
        on conflict (year, unit_code, criterion_code) do update set status = excluded.status
          where evaluation_criteria.status <> excluded.status
      ),
      dropped as (
        delete from evaluation_criteria e
        where e.year = ${year} and e.unit_code = any(array(select u from held))
          and e.province_code = ${provinceCode}
          and (e.unit_code, e.criterion_code) not in (select u, c from statuses)
      )
      select count(*)::integer as stored from stored`,
  );
  return Number(rows[0]?.stored ?? 0);
}
