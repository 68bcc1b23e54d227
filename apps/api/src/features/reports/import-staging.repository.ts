import { sql } from "drizzle-orm";
import { queryRows, sqlArray, type ArrayElement, type ArrayType, type DbOrTx } from "@ntm/db";
import type { BulkValueRow } from "../assessments/index.ts";

/*
 * The values of an import on their way into the database: checked values are staged in a
 * temporary table of the import's transaction (dropped at its end) a batch at a time, compared
 * with the stored values there, and written from there, so the application never holds the
 * whole file. See docs/decisions/0028-one-audit-row-per-imported-assessment.md.
 */

export async function createStaging(tx: DbOrTx) {
  await tx.execute(sql`
    create temporary table import_values (
      u text not null, y smallint not null, i text not null,
      n double precision, b boolean, t text,
      existed boolean not null default false,
      old_n double precision, old_b boolean, old_t text,
      changed boolean not null default true, audited boolean not null default true
    ) on commit drop`);
}

/**
 * Stages checked values in one statement per batch, each column one array parameter read with
 * unnest(): the statement and its parsing do not grow with the rows.
 */
export async function stageValues(tx: DbOrTx, rows: BulkValueRow[]) {
  const column = (pick: (row: BulkValueRow) => ArrayElement, type: ArrayType) =>
    sqlArray(rows.map(pick), type);
  await tx.execute(sql`
    insert into import_values (u, y, i, n, b, t)
    select * from unnest(${column((row) => row.unitCode, "text")},
                         ${column((row) => row.year, "smallint")},
                         ${column((row) => row.indicatorCode, "text")},
                         ${column((row) => (typeof row.value === "number" ? row.value : null), "double precision")},
                         ${column((row) => (typeof row.value === "boolean" ? row.value : null), "boolean")},
                         ${column((row) => row.note ?? null, "text")})`);
}

/**
 * Holds every assessment the staged values belong to until the transaction ends, in code order
 * (so two imports wait for each other instead of deadlocking), before their values are read: a
 * stored one is locked without being changed (an insert that meets a row locks it even when its
 * update's condition is false), a missing one is created at version 0, which the bump makes 1.
 * No other writer adds a value to an assessment it does not hold, so the values found missing
 * next stay missing until the import writes them.
 */
export async function holdStagedAssessments(tx: DbOrTx, stamp: { now: Date; username: string }) {
  await tx.execute(sql`
    insert into assessments (unit_code, province_code, year, version, demo, updated_at, updated_by)
    select u, ntm_province_of(u, make_date(y, 12, 31)), y, 0, false,
           ${stamp.now.toISOString()}::timestamptz, ${stamp.username}
      from (select distinct u, y from import_values) s
     order by u, y
    on conflict (unit_code, year) do update set version = assessments.version where false`);
}

/**
 * Compares each staged value with the stored one, in one statement that touches only the values
 * already stored (a new value keeps the defaults: written and audited). A value is written when
 * it is new, differs, or comes with a note (an import without a note column clears no note of an
 * unchanged value); it is audited when it is written and the value or the note it leaves
 * differs from what was stored. The index serves the reads by commune-year that follow.
 */
export async function compareStaged(tx: DbOrTx, years: readonly number[]) {
  await tx.execute(sql`create index on import_values (u, y)`);
  // The stored values are read only in the file's years (by the key's first column): a file of a
  // year without values yet reads none, whatever the other years hold.
  await tx.execute(sql`
    update import_values r
       set existed = true, old_n = v.num_value, old_b = v.bool_value, old_t = v.note,
           changed = r.n is distinct from v.num_value or r.b is distinct from v.bool_value
             or r.t is not null,
           audited = r.n is distinct from v.num_value or r.b is distinct from v.bool_value
             or (r.t is not null and r.t is distinct from v.note)
      from assessment_values v
     where v.year = any(${sqlArray(years, "smallint")}) and v.year = r.y and v.unit_code = r.u
       and v.indicator_code = r.i`);
}

export interface StagedAssessment {
  unitCode: string;
  year: number;
  changed: number;
}

/** Each commune-year with values in the file, with how many of its values the import writes. */
export async function findStagedAssessments(tx: DbOrTx) {
  const rows = await queryRows<{ u: string; y: number; changed: number | string }>(
    tx,
    sql`select u, y, count(*) filter (where changed) as changed
          from import_values group by u, y order by u, y`,
  );
  return rows.map((row): StagedAssessment => ({
    unitCode: row.u,
    year: row.y,
    changed: Number(row.changed),
  }));
}

/** Bumps the version of each held assessment that receives a value. */
export async function bumpStagedAssessments(tx: DbOrTx, stamp: { now: Date; username: string }) {
  await tx.execute(sql`
    update assessments a
       set version = a.version + 1, demo = false,
           updated_at = ${stamp.now.toISOString()}::timestamptz, updated_by = ${stamp.username}
      from (select distinct u, y from import_values where changed) s
     where a.unit_code = s.u and a.year = s.y`);
}

/**
 * Writes the changed values from the staging table, with their assessment's key: the stored ones
 * replaced in place, the new ones by a plain insert (the assessments are held, so none of them
 * appeared since the comparison; an insert that checks each row for a conflict costs about a
 * quarter more).
 */
export async function writeStagedValues(
  tx: DbOrTx,
  stamp: { now: Date; username: string },
  years: readonly number[],
) {
  const now = sql`${stamp.now.toISOString()}::timestamptz`;
  await tx.execute(sql`
    update assessment_values v
       set num_value = r.n, bool_value = r.b, note = r.t, updated_at = ${now},
           updated_by = ${stamp.username}
      from import_values r
     where r.existed and r.changed and v.year = any(${sqlArray(years, "smallint")})
       and v.year = r.y and v.unit_code = r.u and v.indicator_code = r.i`);
  // A value not stored yet is always written (the comparison leaves it changed).
  await tx.execute(sql`
    insert into assessment_values (unit_code, province_code, year, indicator_code, num_value,
        bool_value, note, updated_at, updated_by)
    select r.u, a.province_code, r.y, r.i, r.n, r.b, r.t, ${now}, ${stamp.username}
      from import_values r join assessments a on a.unit_code = r.u and a.year = r.y
     where not r.existed`);
}

/** One audited value: indicator, the new value and note, and what was stored (if anything). */
export type StagedChange = [
  indicator: string,
  num: number | null,
  bool: boolean | null,
  note: string | null,
  existed: boolean,
  oldNum: number | null,
  oldBool: boolean | null,
  oldNote: string | null,
];

/** The audited changes of the commune-years after `after`, in code order, a page at a time. */
export async function findStagedChanges(
  tx: DbOrTx,
  after: { unitCode: string; year: number },
  limit: number,
) {
  const rows = await queryRows<{ u: string; y: number; changes: string }>(
    tx,
    sql`select u, y, json_agg(json_build_array(i, n, b, t, existed, old_n, old_b, old_t))::text
               as changes
          from import_values
         where audited and (u, y) > (${after.unitCode}, ${after.year}::smallint)
         group by u, y order by u, y limit ${limit}`,
  );
  return rows.map((row) => ({
    unitCode: row.u,
    year: row.y,
    changes: JSON.parse(row.changes) as StagedChange[],
  }));
}
