import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@ntm/db";

export interface UnitOnDate {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  assessed: boolean;
}

/**
 * Every unit in force on a date: a whole country is a few tens of thousands of units, handed over
 * as one JSON array in one row (a row per unit costs the embedded database several times more to
 * hand over than the check that reads them).
 */
export async function findUnitsOn(db: DbOrTx, asOf: string): Promise<UnitOnDate[]> {
  const [row] = await queryRows<{ units: string | null }>(
    db,
    sql`select json_agg(json_build_array(code, name, level, parent_code, assessed))::text as units
      from admin_units
      where valid_from <= ${asOf} and (valid_to is null or valid_to >= ${asOf})`,
  );
  const units = JSON.parse(row?.units ?? "[]") as [
    string,
    string,
    string,
    string | null,
    boolean,
  ][];
  return units.map(([code, name, level, parentCode, assessed]) => ({
    code,
    name,
    level,
    parentCode,
    assessed,
  }));
}

export interface StoredValue {
  unitCode: string;
  year: number;
  indicatorCode: string;
  numValue: number | null;
  boolValue: boolean | null;
}

export async function findValuesOf(db: DbOrTx, unitCodes: string[], years: number[]) {
  if (unitCodes.length === 0) return [];
  return queryRows<StoredValue>(
    db,
    sql`select unit_code as "unitCode", year, indicator_code as "indicatorCode",
        num_value as "numValue", bool_value as "boolValue"
      from assessment_values
      where year = any(${sql.raw(`array[${years.map(Number).join(",")}]::smallint[]`)})
        and unit_code = any(string_to_array(${unitCodes.join(",")}, ','))`,
  );
}

export interface StoredResult {
  unitCode: string;
  year: number;
  criteriaMet: number;
  criteriaTotal: number;
  level: string | null;
}

export async function findResultsOf(db: DbOrTx, unitCodes: string[], years: number[]) {
  if (unitCodes.length === 0) return [];
  return queryRows<StoredResult>(
    db,
    sql`select unit_code as "unitCode", year, criteria_met as "criteriaMet",
        criteria_total as "criteriaTotal", level
      from evaluation_results
      where year = any(${sql.raw(`array[${years.map(Number).join(",")}]::smallint[]`)})
        and unit_code = any(string_to_array(${unitCodes.join(",")}, ','))`,
  );
}

/** Values of the communes below a unit for a year, in a stable order, a page at a time. */
export async function findValuesPage(
  db: DbOrTx,
  options: { unitCodes: string[]; year: number; afterKey: string; limit: number },
) {
  return queryRows<StoredValue & { note: string | null }>(
    db,
    sql`select unit_code as "unitCode", year, indicator_code as "indicatorCode",
        num_value as "numValue", bool_value as "boolValue", note
      from assessment_values
      where year = ${options.year} and unit_code = any(string_to_array(${options.unitCodes.join(",")}, ','))
        and unit_code || '/' || indicator_code > ${options.afterKey}
      order by unit_code || '/' || indicator_code
      limit ${options.limit}`,
  );
}

/** Some indicators' values stored for a year, in every commune that has one. */
export async function findIndicatorValues(
  db: DbOrTx,
  options: { year: number; indicatorCodes: string[] },
) {
  if (options.indicatorCodes.length === 0) return [];
  return queryRows<StoredValue & { note: string | null }>(
    db,
    sql`select unit_code as "unitCode", year, indicator_code as "indicatorCode",
        num_value as "numValue", bool_value as "boolValue", note
      from assessment_values
      where year = ${options.year}
        and indicator_code = any(string_to_array(${options.indicatorCodes.join(",")}, ','))`,
  );
}
