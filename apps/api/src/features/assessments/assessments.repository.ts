import { and, eq, inArray, sql } from "drizzle-orm";
import { queryRows, tables, type DbOrTx } from "@ntm/db";
import type { AssessmentResult } from "@ntm/domain";

const v = tables.assessmentValues;
const a = tables.assessments;

export interface StoredValue {
  indicatorCode: string;
  numValue: number | null;
  boolValue: boolean | null;
  note: string | null;
  updatedAt: Date;
  updatedBy: string;
}

const storedValueColumns = {
  indicatorCode: v.indicatorCode,
  numValue: v.numValue,
  boolValue: v.boolValue,
  note: v.note,
  updatedAt: v.updatedAt,
  updatedBy: v.updatedBy,
};

export async function findValues(db: DbOrTx, unitCode: string, year: number) {
  return (await db
    .select(storedValueColumns)
    .from(v)
    .where(and(eq(v.unitCode, unitCode), eq(v.year, year)))) as StoredValue[];
}

export async function findAssessment(db: DbOrTx, unitCode: string, year: number) {
  const rows = await db
    .select()
    .from(a)
    .where(and(eq(a.unitCode, unitCode), eq(a.year, year)));
  return rows[0];
}

/**
 * Locks the assessment row for the rest of the transaction, creating it at version 0 if new, in
 * one statement (an insert that meets the row takes its lock as an update would).
 */
export async function lockAssessment(
  db: DbOrTx,
  key: { unitCode: string; year: number; provinceCode: string },
  by: string,
) {
  const { unitCode, year, provinceCode } = key;
  const rows = await queryRows<{ version: number }>(
    db,
    sql`insert into assessments (unit_code, province_code, year, version, updated_by)
        values (${unitCode}, ${provinceCode}, ${year}, 0, ${by})
        on conflict (unit_code, year) do update set version = assessments.version
        returning version`,
  );
  return rows[0] as { version: number };
}

/**
 * A value save's writes, in one statement: the changed values, the assessment's new version and
 * the stored result with its criterion statuses (the status at the first level, as bulk
 * evaluation stores it).
 */
export async function writeSave(
  db: DbOrTx,
  save: {
    unitCode: string;
    /** The year's province key, as on the assessment row (docs/deploy.md). */
    provinceCode: string;
    year: number;
    setId: number;
    changed: StoredValue[];
    version: number;
    by: string;
    now: Date;
    result: AssessmentResult;
  },
) {
  const { unitCode, provinceCode, year, result } = save;
  const now = save.now.toISOString();
  const first = result.levels[0]?.level;
  const values = JSON.stringify(
    save.changed.map((row) => ({
      indicator_code: row.indicatorCode,
      num_value: row.numValue,
      bool_value: row.boolValue,
      note: row.note,
    })),
  );
  const criteria = JSON.stringify(
    result.criteria.map((criterion) => ({
      code: criterion.code,
      status: (first && criterion.byLevel[first]?.status) || "missing",
    })),
  );
  await db.execute(sql`
    with written as (
      insert into assessment_values (unit_code, province_code, year, indicator_code, num_value,
        bool_value, note, updated_at, updated_by)
      select ${unitCode}, ${provinceCode}, ${year}, x.indicator_code, x.num_value, x.bool_value,
             x.note, ${now}::timestamptz, ${save.by}
        from json_to_recordset(${values}::json)
          as x(indicator_code text, num_value double precision, bool_value boolean, note text)
      on conflict (year, unit_code, indicator_code) do update set num_value = excluded.num_value,
        bool_value = excluded.bool_value, note = excluded.note, updated_at = excluded.updated_at,
        updated_by = excluded.updated_by
    ),
    bumped as (
      update assessments set version = ${save.version}, updated_at = ${now}::timestamptz,
             updated_by = ${save.by}, demo = false
        where province_code = ${provinceCode} and unit_code = ${unitCode} and year = ${year}
    ),
    stored as (
      insert into evaluation_results (unit_code, province_code, year, set_id, criteria_met,
        criteria_total, level, values_entered, computed_at)
      values (${unitCode}, ${provinceCode}, ${year}, ${save.setId}, ${result.criteriaMet},
              ${result.criteriaTotal}, ${result.level}, ${result.valuesEntered}, ${now}::timestamptz)
      on conflict (year, unit_code) do update set set_id = excluded.set_id,
        criteria_met = excluded.criteria_met, criteria_total = excluded.criteria_total,
        level = excluded.level, values_entered = excluded.values_entered,
        computed_at = excluded.computed_at
    ),
    statuses as (
      insert into evaluation_criteria (unit_code, province_code, year, criterion_code, status)
      select ${unitCode}, ${provinceCode}, ${year}, x.code, x.status
        from json_to_recordset(${criteria}::json) as x(code text, status text)
      on conflict (year, unit_code, criterion_code) do update set status = excluded.status
    )
    delete from evaluation_criteria
      where province_code = ${provinceCode} and unit_code = ${unitCode} and year = ${year}
        and criterion_code not in (select x.code from json_to_recordset(${criteria}::json) as x(code text))`);
}

/** `provinceCode`: the province key of the year's rows, when the communes are of one province. */
export async function findStoredResults(
  db: DbOrTx,
  unitCodes: string[],
  year: number,
  provinceCode?: string,
) {
  if (unitCodes.length === 0) return [];
  const r = tables.evaluationResults;
  const key = provinceCode === undefined ? undefined : eq(r.provinceCode, provinceCode);
  return db
    .select()
    .from(r)
    .where(and(key, eq(r.year, year), inArray(r.unitCode, unitCodes)));
}

export async function findDemoFlags(
  db: DbOrTx,
  unitCodes: string[],
  year: number,
  provinceCode?: string,
) {
  if (unitCodes.length === 0) return new Set<string>();
  const key = provinceCode === undefined ? undefined : eq(a.provinceCode, provinceCode);
  const rows = await db
    .select({ unitCode: a.unitCode })
    .from(a)
    .where(and(key, eq(a.year, year), eq(a.demo, true), inArray(a.unitCode, unitCodes)));
  return new Set(rows.map((row) => row.unitCode));
}

/** Assessments (unit, year) within a year range, to re-evaluate after a catalog change. */
export async function findAssessmentKeys(db: DbOrTx, fromYear: number, toYear: number) {
  return db
    .select({ unitCode: a.unitCode, year: a.year })
    .from(a)
    .where(sql`${a.year} between ${fromYear} and ${toYear}`);
}

const chunkSize = 1000;

export function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    result.push(items.slice(start, start + size));
  return result;
}

/** Stores engine results (one per unit and year), replacing the previous ones, in batches. */
export async function storeResults(
  db: DbOrTx,
  results: { setId: number; result: AssessmentResult }[],
  now: Date,
) {
  const r = tables.evaluationResults;
  const c = tables.evaluationCriteria;
  for (const part of chunks(results, chunkSize)) {
    await db
      .insert(r)
      .values(
        part.map(({ setId, result }) => ({
          unitCode: result.unitCode,
          year: result.year,
          setId,
          criteriaMet: result.criteriaMet,
          criteriaTotal: result.criteriaTotal,
          level: result.level,
          valuesEntered: result.valuesEntered,
          computedAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: [r.year, r.unitCode],
        set: {
          setId: sqlExcluded("set_id"),
          criteriaMet: sqlExcluded("criteria_met"),
          criteriaTotal: sqlExcluded("criteria_total"),
          level: sqlExcluded("level"),
          valuesEntered: sqlExcluded("values_entered"),
          computedAt: sqlExcluded("computed_at"),
        },
      });
    const byYear = new Map<number, string[]>();
    for (const { result } of part) {
      byYear.set(result.year, [...(byYear.get(result.year) ?? []), result.unitCode]);
    }
    for (const [year, codes] of byYear) {
      await db.delete(c).where(and(eq(c.year, year), inArray(c.unitCode, codes)));
    }
    const criteriaRows = part.flatMap(({ result }) => {
      const first = result.levels[0]?.level;
      return result.criteria.map((criterion) => ({
        unitCode: result.unitCode,
        year: result.year,
        criterionCode: criterion.code,
        status: (first && criterion.byLevel[first]?.status) || "missing",
      }));
    });
    for (const rows of chunks(criteriaRows, chunkSize * 4)) await db.insert(c).values(rows);
  }
}

function sqlExcluded(column: string) {
  return sql.raw(`excluded.${column}`);
}

export interface BulkValue {
  unitCode: string;
  year: number;
  indicatorCode: string;
  value: number | boolean | null;
  note?: string | null;
}

/**
 * Inserts or replaces many values, 10,000 rows per statement passed as one JSON document (a
 * parameter per field costs more to bind than the write itself).
 */
export async function upsertValuesBulk(
  db: DbOrTx,
  rows: BulkValue[],
  stamp: { now: Date; username: string; provinceKeys: ProvinceKeys },
) {
  for (const part of chunks(rows, 10_000)) {
    const json = JSON.stringify(
      part.map((row) => ({
        u: row.unitCode,
        p: stamp.provinceKeys.get(`${row.unitCode}/${row.year}`) ?? null,
        y: row.year,
        i: row.indicatorCode,
        n: typeof row.value === "number" ? row.value : null,
        b: typeof row.value === "boolean" ? row.value : null,
        t: row.note ?? null,
      })),
    );
    await db.execute(
      sql`insert into assessment_values (unit_code, province_code, year, indicator_code, num_value,
          bool_value, note, updated_at, updated_by)
        select r.u, r.p, r.y, r.i, r.n, r.b, r.t, ${stamp.now.toISOString()}::timestamptz,
          ${stamp.username}
        from json_to_recordset(${json}::json)
          as r(u text, p text, y smallint, i text, n double precision, b boolean, t text)
        on conflict (year, unit_code, indicator_code) do update set
          num_value = excluded.num_value, bool_value = excluded.bool_value, note = excluded.note,
          updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    );
  }
}

/** The province key of each assessment, by "unit/year". */
export type ProvinceKeys = Map<string, string>;

/**
 * Creates each assessment at version 1 or bumps its version, 10,000 rows per statement, and
 * returns each one's province key (a new one gets the province that held its unit on 31
 * December of the year), for the values written with it.
 */
export async function bumpAssessmentsBulk(
  db: DbOrTx,
  keys: { unitCode: string; year: number }[],
  stamp: { now: Date; username: string; demo: boolean },
): Promise<ProvinceKeys> {
  const provinceKeys: ProvinceKeys = new Map();
  for (const part of chunks(keys, 10_000)) {
    const json = JSON.stringify(part.map((key) => ({ u: key.unitCode, y: key.year })));
    const rows = await queryRows<{ u: string; y: number; p: string | null }>(
      db,
      sql`insert into assessments
          (unit_code, province_code, year, version, demo, updated_at, updated_by)
        select r.u, ntm_province_of(r.u, make_date(r.y, 12, 31)), r.y, 1, ${stamp.demo},
          ${stamp.now.toISOString()}::timestamptz, ${stamp.username}
        from json_to_recordset(${json}::json) as r(u text, y smallint)
        on conflict (unit_code, year) do update set
          version = assessments.version + 1, demo = excluded.demo,
          updated_at = excluded.updated_at, updated_by = excluded.updated_by
        returning unit_code as u, year as y, province_code as p`,
    );
    for (const row of rows) if (row.p !== null) provinceKeys.set(`${row.u}/${row.y}`, row.p);
  }
  return provinceKeys;
}

/** The stored values of the given assessments (unit and year pairs). */
export async function findValuesOfAssessments(
  db: DbOrTx,
  keys: { unitCode: string; year: number }[],
) {
  const wanted = new Set(keys.map((key) => `${key.unitCode}/${key.year}`));
  const years = [...new Set(keys.map((key) => key.year))];
  const found: (BulkValue & { note: string | null })[] = [];
  for (const unitCodes of chunks([...new Set(keys.map((key) => key.unitCode))], 2000)) {
    const rows = await db
      .select({
        unitCode: v.unitCode,
        year: v.year,
        indicatorCode: v.indicatorCode,
        numValue: v.numValue,
        boolValue: v.boolValue,
        note: v.note,
      })
      .from(v)
      .where(and(inArray(v.unitCode, unitCodes), inArray(v.year, years)));
    for (const row of rows) {
      if (!wanted.has(`${row.unitCode}/${row.year}`)) continue;
      found.push({ ...row, value: row.boolValue ?? row.numValue });
    }
  }
  return found;
}
