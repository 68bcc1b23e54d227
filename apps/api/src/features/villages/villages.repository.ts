import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { queryRows, tables, type DbOrTx } from "@ntm/db";
import type { CriteriaSet, VillageRecognitionState } from "@ntm/domain";

const u = tables.adminUnits;
const sets = tables.criteriaSets;
const values = tables.villageValues;
const assessments = tables.villageAssessments;
const recognitions = tables.villageRecognitions;

export interface VillageRow {
  code: string;
  name: string;
  parentCode: string;
  validFrom: string;
  validTo: string | null;
}

const villageColumns = {
  code: u.code,
  name: u.name,
  parentCode: u.parentCode,
  validFrom: u.validFrom,
  validTo: u.validTo,
};

/** The villages of communes in force on a date, by name. */
export async function findVillagesOn(db: DbOrTx, communeCodes: readonly string[], asOf: string) {
  if (communeCodes.length === 0) return [];
  return (await db
    .select(villageColumns)
    .from(u)
    .where(
      and(
        eq(u.level, "village"),
        inArray(u.parentCode, [...communeCodes]),
        sql`${u.validFrom} <= ${asOf} and (${u.validTo} is null or ${u.validTo} >= ${asOf})`,
      ),
    )
    .orderBy(asc(u.name))) as VillageRow[];
}

/** Every version of a village, oldest first. */
export async function findVillageVersions(db: DbOrTx, code: string) {
  return (await db
    .select(villageColumns)
    .from(u)
    .where(and(eq(u.code, code), eq(u.level, "village")))
    .orderBy(asc(u.validFrom))) as VillageRow[];
}

/** The codes already used under a commune, so a new village gets the next free one. */
export async function findVillageCodes(db: DbOrTx, communeCode: string) {
  const rows = await db
    .selectDistinct({ code: u.code })
    .from(u)
    .where(and(eq(u.level, "village"), eq(u.parentCode, communeCode)));
  return rows.map((row) => row.code);
}

export async function insertVillageVersion(db: DbOrTx, row: VillageRow) {
  await insertVillageVersions(db, [row]);
}

export async function insertVillageVersions(db: DbOrTx, rows: readonly VillageRow[]) {
  if (rows.length === 0) return;
  await db
    .insert(u)
    .values(rows.map((row) => ({ ...row, level: "village" as const, flags: [], assessed: false })));
}

export async function closeVillageVersion(
  db: DbOrTx,
  key: { code: string; validFrom: string },
  validTo: string,
) {
  await db
    .update(u)
    .set({ validTo })
    .where(and(eq(u.code, key.code), eq(u.validFrom, key.validFrom)));
}

export async function insertVillageLink(
  db: DbOrTx,
  link: {
    predecessorCode: string;
    predecessorValidFrom: string;
    successorCode: string;
    successorValidFrom: string;
    effectiveDate: string;
  },
) {
  await db.insert(tables.unitSuccessors).values({ ...link, kind: "full" });
}

/** The villages each village was formed from (links into any of its versions). */
export async function findFormedFrom(db: DbOrTx, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return queryRows<{ successorCode: string; code: string; name: string }>(
    db,
    sql`select l.successor_code as "successorCode", p.code, p.name
          from unit_successors l
          join admin_units p on p.code = l.predecessor_code and p.valid_from = l.predecessor_valid_from
         where p.level = 'village' and l.successor_code in ${[...codes]}
         order by p.name`,
  );
}

export interface StoredVillageSet {
  id: number;
  code: string;
  version: number;
  name: string;
  fromYear: number;
  toYear: number;
  provinceCode: string | null;
  definition: CriteriaSet;
}

/** The village sets of a province covering a year, every version. */
export async function findVillageSets(db: DbOrTx, provinceCode: string, year: number) {
  return (await db
    .select({
      id: sets.id,
      code: sets.code,
      version: sets.version,
      name: sets.name,
      fromYear: sets.fromYear,
      toYear: sets.toYear,
      provinceCode: sets.provinceCode,
      definition: sets.definition,
    })
    .from(sets)
    .where(
      and(
        eq(sets.unitLevel, "village"),
        eq(sets.provinceCode, provinceCode),
        sql`${sets.fromYear} <= ${year} and ${sets.toYear} >= ${year}`,
      ),
    )
    .orderBy(asc(sets.code), asc(sets.version))) as StoredVillageSet[];
}

export interface StoredVillageValue {
  indicatorCode: string;
  numValue: number | null;
  boolValue: boolean | null;
}

export async function findVillageValues(
  db: DbOrTx,
  key: { unitCode: string; year: number; setCode: string },
) {
  return (await db
    .select({
      indicatorCode: values.indicatorCode,
      numValue: values.numValue,
      boolValue: values.boolValue,
    })
    .from(values)
    .where(
      and(
        eq(values.unitCode, key.unitCode),
        eq(values.year, key.year),
        eq(values.setCode, key.setCode),
      ),
    )) as StoredVillageValue[];
}

export interface VillageValueRow {
  unitCode: string;
  year: number;
  setCode: string;
  indicatorCode: string;
  numValue: number | null;
  boolValue: boolean | null;
  updatedBy: string;
  updatedAt: Date;
}

export async function upsertVillageValue(db: DbOrTx, row: VillageValueRow) {
  await db
    .insert(values)
    .values(row)
    .onConflictDoUpdate({
      target: [values.year, values.unitCode, values.setCode, values.indicatorCode],
      set: {
        numValue: row.numValue,
        boolValue: row.boolValue,
        updatedBy: row.updatedBy,
        updatedAt: row.updatedAt,
      },
    });
}

export interface StoredVillageResult {
  unitCode: string;
  year: number;
  setCode: string;
  version: number;
  setId: number;
  criteriaMet: number;
  criteriaTotal: number;
  level: string | null;
  valuesEntered: number;
}

/** Locks a village's assessment under a set for the rest of the transaction (null when new). */
export async function lockVillageAssessment(
  db: DbOrTx,
  key: { unitCode: string; year: number; setCode: string },
) {
  const rows = await queryRows<{ version: number }>(
    db,
    sql`select version from village_assessments
         where unit_code = ${key.unitCode} and year = ${key.year} and set_code = ${key.setCode}
         for update`,
  );
  return rows[0]?.version ?? null;
}

/** A year's first values of several villages, in one statement. */
export async function insertVillageValues(db: DbOrTx, rows: readonly VillageValueRow[]) {
  if (rows.length > 0) await db.insert(values).values([...rows]);
}

/** The first results of several villages, in one statement. */
export async function saveVillageResults(
  db: DbOrTx,
  rows: readonly StoredVillageResult[],
  now: Date,
) {
  if (rows.length > 0)
    await db.insert(assessments).values(rows.map((row) => ({ ...row, computedAt: now })));
}

export async function saveVillageResult(db: DbOrTx, row: StoredVillageResult, now: Date) {
  await db
    .insert(assessments)
    .values({ ...row, computedAt: now })
    .onConflictDoUpdate({
      target: [assessments.year, assessments.unitCode, assessments.setCode],
      set: {
        version: row.version,
        setId: row.setId,
        criteriaMet: row.criteriaMet,
        criteriaTotal: row.criteriaTotal,
        level: row.level,
        valuesEntered: row.valuesEntered,
        computedAt: now,
      },
    });
}

export async function findVillageResults(
  db: DbOrTx,
  options: { unitCodes: readonly string[]; year: number },
) {
  if (options.unitCodes.length === 0) return [];
  return (await db
    .select()
    .from(assessments)
    .where(
      and(
        inArray(assessments.unitCode, [...options.unitCodes]),
        eq(assessments.year, options.year),
      ),
    )) as StoredVillageResult[];
}

/** The village assessments stored under a set code, for re-evaluation after a new version. */
export async function findVillageAssessmentKeys(db: DbOrTx, setCode: string) {
  return db
    .select({
      unitCode: assessments.unitCode,
      year: assessments.year,
      version: assessments.version,
    })
    .from(assessments)
    .where(eq(assessments.setCode, setCode));
}

export interface StoredRecognition extends VillageRecognitionState {
  unitCode: string;
  setCode: string;
}

export async function findRecognitions(db: DbOrTx, unitCodes: readonly string[]) {
  if (unitCodes.length === 0) return [];
  return (await db
    .select({
      unitCode: recognitions.unitCode,
      setCode: recognitions.setCode,
      status: recognitions.status,
      year: recognitions.year,
      reportNumber: recognitions.reportNumber,
      reportDate: recognitions.reportDate,
      decisionNumber: recognitions.decisionNumber,
      decisionDate: recognitions.decisionDate,
      reason: recognitions.reason,
    })
    .from(recognitions)
    .where(inArray(recognitions.unitCode, [...unitCodes]))) as StoredRecognition[];
}

/** The recognition of a village under a set, locked for the rest of the transaction. */
export async function lockRecognition(db: DbOrTx, unitCode: string, setCode: string) {
  const rows = await queryRows<StoredRecognition>(
    db,
    sql`select unit_code as "unitCode", set_code as "setCode", status, year,
               report_number as "reportNumber", report_date::text as "reportDate",
               decision_number as "decisionNumber", decision_date::text as "decisionDate", reason
          from village_recognitions where unit_code = ${unitCode} and set_code = ${setCode}
          for update`,
  );
  return rows[0] ?? null;
}

export async function saveRecognition(
  db: DbOrTx,
  row: StoredRecognition & { updatedBy: string; updatedAt: Date },
) {
  await db
    .insert(recognitions)
    .values(row)
    .onConflictDoUpdate({
      target: [recognitions.unitCode, recognitions.setCode],
      set: {
        status: row.status,
        year: row.year,
        reportNumber: row.reportNumber,
        reportDate: row.reportDate,
        decisionNumber: row.decisionNumber,
        decisionDate: row.decisionDate,
        reason: row.reason,
        updatedBy: row.updatedBy,
        updatedAt: row.updatedAt,
      },
    });
}

export async function renameVillageVersion(
  db: DbOrTx,
  key: { code: string; validFrom: string },
  name: string,
) {
  await db
    .update(u)
    .set({ name })
    .where(and(eq(u.code, key.code), eq(u.validFrom, key.validFrom)));
}

/** The code and kind of every stored village set. */
export async function findVillageSetKinds(db: DbOrTx) {
  const rows = await db
    .select({ code: sets.code, definition: sets.definition })
    .from(sets)
    .where(eq(sets.unitLevel, "village"));
  return rows.map((row) => ({
    code: row.code,
    kind: (row.definition as CriteriaSet).village?.kind ?? null,
  }));
}

const communeAssessments = tables.assessments;
const communeValues = tables.assessmentValues;

/** The years a commune has an assessment, from a year on. */
export async function findCommuneAssessedYears(db: DbOrTx, communeCode: string, fromYear: number) {
  const rows = await db
    .select({ year: communeAssessments.year })
    .from(communeAssessments)
    .where(
      and(
        eq(communeAssessments.unitCode, communeCode),
        sql`${communeAssessments.year} >= ${fromYear}`,
      ),
    )
    .orderBy(asc(communeAssessments.year));
  return rows.map((row) => row.year);
}

/** A commune's stored values of some indicators in a year. */
export async function findCommuneValues(
  db: DbOrTx,
  communeCode: string,
  year: number,
  indicatorCodes: readonly string[],
) {
  if (indicatorCodes.length === 0) return [];
  return db
    .select({
      indicatorCode: communeValues.indicatorCode,
      numValue: communeValues.numValue,
      boolValue: communeValues.boolValue,
      note: communeValues.note,
    })
    .from(communeValues)
    .where(
      and(
        eq(communeValues.unitCode, communeCode),
        eq(communeValues.year, year),
        inArray(communeValues.indicatorCode, [...indicatorCodes]),
      ),
    );
}

/** The communes a village has belonged to, across its versions (the 2025 reform moves villages). */
export async function findVillageCommunes(db: DbOrTx, code: string) {
  const rows = await db
    .selectDistinct({ parentCode: u.parentCode })
    .from(u)
    .where(and(eq(u.code, code), eq(u.level, "village")));
  return rows.flatMap((row) => (row.parentCode ? [row.parentCode] : [])).sort();
}

/** Ends village versions by id on a day, unless they already end by then. */
export async function closeVillageVersionsById(
  db: DbOrTx,
  ids: readonly number[],
  lastDay: string,
) {
  if (ids.length === 0) return;
  await db
    .update(u)
    .set({ validTo: lastDay })
    .where(
      and(
        inArray(u.id, [...ids]),
        eq(u.level, "village"),
        sql`(${u.validTo} is null or ${u.validTo} > ${lastDay})`,
      ),
    );
}
