import { sql, type SQL } from "drizzle-orm";
import { queryRows, tables, type DbOrTx } from "@ntm/db";
import type { PublicationEntry } from "@ntm/domain";
import { readSetting, readSettingsUnder, writeSetting } from "../../shared/settings.repository.ts";

const keyPrefix = "publication:";
const keyOf = (provinceCode: string) => `${keyPrefix}${provinceCode}`;

/** A province's choice of what is public, as stored in `settings`. */
export interface StoredPublication {
  entries: PublicationEntry[];
  updatedBy: string;
  updatedAt: string;
}

export const findPublication = (db: DbOrTx, provinceCode: string) =>
  readSetting<StoredPublication>(db, keyOf(provinceCode));

export const savePublication = (db: DbOrTx, provinceCode: string, value: StoredPublication) =>
  writeSetting(db, keyOf(provinceCode), value);

/** Every province that has stored a choice, with it. */
export async function findPublications(db: DbOrTx) {
  return (await readSettingsUnder<StoredPublication>(db, keyPrefix)).map((row) => ({
    provinceCode: row.key,
    publication: row.value,
  }));
}

/** The latest name of each province code. */
export async function findProvinceNames(db: DbOrTx, codes: readonly string[]) {
  if (codes.length === 0) return new Map<string, string>();
  const rows = await queryRows<{ code: string; name: string }>(
    db,
    sql`select distinct on (code) code, name from admin_units
      where level = 'province' and code = any(string_to_array(${codes.join(",")}, ',')) order by code, valid_from desc`,
  );
  return new Map(rows.map((row) => [row.code, row.name]));
}

/**
 * The province versions in force on a day that are the province or went into it through the
 * lineage (old Kon Tum 62 and old Quảng Ngãi 51 for new Quảng Ngãi 51 in 2024): the page of a
 * province of today shows the years before a reform on the units of that time.
 */
export async function findProvincesOn(db: DbOrTx, provinceCode: string, day: string) {
  return queryRows<{ code: string; name: string }>(
    db,
    sql`
    with recursive chain(code, valid_from) as (
      select code, valid_from from admin_units where code = ${provinceCode} and level = 'province'
      union
      select l.predecessor_code, l.predecessor_valid_from from unit_successors l
        join chain on l.successor_code = chain.code and l.successor_valid_from = chain.valid_from
    )
    select distinct u.code, u.name from chain
      join admin_units u on u.code = chain.code and u.valid_from = chain.valid_from
      where u.level = 'province' and u.valid_from <= ${day}
        and (u.valid_to is null or u.valid_to >= ${day})
      order by u.code`,
  );
}

/** The assessed communes below some provinces on a day. */
export async function findCommunesOn(db: DbOrTx, provinceCodes: readonly string[], day: string) {
  if (provinceCodes.length === 0) return [];
  return queryRows<{ code: string; name: string; provinceCode: string }>(
    db,
    sql`
    with recursive tree(code, name, level, assessed, province_code, depth) as (
      select code, name, level, assessed, code, 0 from admin_units
        where code = any(string_to_array(${provinceCodes.join(",")}, ',')) and valid_from <= ${day}
          and (valid_to is null or valid_to >= ${day})
      union all
      select c.code, c.name, c.level, c.assessed, tree.province_code, tree.depth + 1
        from admin_units c join tree on c.parent_code = tree.code
        where c.valid_from <= ${day} and (c.valid_to is null or c.valid_to >= ${day})
          and tree.depth < 3 and tree.level <> 'commune'
    )
    select code, name, province_code as "provinceCode" from tree
      where level = 'commune' and assessed`,
  );
}

export interface RecognitionRow {
  unitCode: string;
  level: string;
  year: number;
  decisionNumber: string;
  decisionDate: string;
  endedOn: string | null;
  endReason: string | null;
  revokedByDecision: string | null;
  dossierId: number | null;
  revocationDossierId: number | null;
  demo: boolean;
}

/**
 * The recognitions of some units that were in force on a day or ended during the year before it
 * (a revocation of the year is one of its decisions).
 */
export async function findRecognitions(
  db: DbOrTx,
  unitCodes: readonly string[],
  yearStart: string,
  yearEnd: string,
) {
  if (unitCodes.length === 0) return [];
  return queryRows<RecognitionRow>(
    db,
    sql`
    select unit_code as "unitCode", level, year, decision_number as "decisionNumber",
           decision_date::text as "decisionDate", ended_on::text as "endedOn",
           end_reason as "endReason", revoked_by_decision as "revokedByDecision",
           dossier_id as "dossierId", revocation_dossier_id as "revocationDossierId", demo
      from recognised_levels
      where unit_code = any(string_to_array(${unitCodes.join(",")}, ',')) and decision_date <= ${yearEnd}
        and (ended_on is null or ended_on > ${yearEnd} or ended_on >= ${yearStart})
      order by decision_date, id`,
  );
}

/** The stored results of some communes for a year, with whether their values are demo data. */
export async function findResults(db: DbOrTx, unitCodes: readonly string[], year: number) {
  if (unitCodes.length === 0) return [];
  return queryRows<{
    unitCode: string;
    setId: number;
    criteriaMet: number;
    criteriaTotal: number;
    demo: boolean;
  }>(
    db,
    sql`
    select r.unit_code as "unitCode", r.set_id as "setId", r.criteria_met as "criteriaMet",
           r.criteria_total as "criteriaTotal", coalesce(a.demo, false) as demo
      from evaluation_results r
      left join assessments a on a.unit_code = r.unit_code and a.year = r.year
      where r.year = ${year} and r.unit_code = any(string_to_array(${unitCodes.join(",")}, ','))`,
  );
}

export async function findCriterionStatuses(db: DbOrTx, unitCode: string, year: number) {
  const c = tables.evaluationCriteria;
  return db
    .select({ code: c.criterionCode, status: c.status })
    .from(c)
    .where(sql`${c.unitCode} = ${unitCode} and ${c.year} = ${year}`);
}

/** The signed decision a dossier's decision step holds as an uploaded PDF, latest first. */
export async function findDecisionScan(db: DbOrTx, dossierId: number, stepCode: string) {
  const d = tables.dossierDocuments;
  const rows = await db
    .select({ storageKey: d.storageKey, fileName: d.fileName })
    .from(d)
    .where(
      sql`${d.dossierId} = ${dossierId} and ${d.stepCode} = ${stepCode} and ${d.mimeType} = 'application/pdf'`,
    )
    .orderBy(sql`${d.uploadedAt} desc`)
    .limit(1);
  return rows[0];
}

/** The catalog's generation, for the set cache. */
export async function findGeneration(db: DbOrTx, generation: SQL) {
  const rows = await queryRows<{ generation: string }>(db, sql`select ${generation} as generation`);
  return rows[0]?.generation ?? "";
}
