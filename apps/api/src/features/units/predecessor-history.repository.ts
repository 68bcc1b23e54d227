import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@ntm/db";
import type { SuccessorLink, UnitVersionKey } from "@ntm/domain";

/** Every link on the way back from a unit version, through any number of reorganisations. */
export async function findLinksBackFrom(db: DbOrTx, version: UnitVersionKey) {
  return queryRows<SuccessorLink>(
    db,
    sql`
    with recursive back(code, valid_from, depth) as (
      select ${version.code}::text, ${version.validFrom}::date, 0
      union
      select l.predecessor_code, l.predecessor_valid_from, back.depth + 1 from unit_successors l
        join back on l.successor_code = back.code and l.successor_valid_from = back.valid_from
        where back.depth < 10
    )
    select distinct l.predecessor_code as "predecessorCode",
           l.predecessor_valid_from::text as "predecessorValidFrom",
           l.successor_code as "successorCode", l.successor_valid_from::text as "successorValidFrom",
           l.kind, l.effective_date::text as "effectiveDate"
      from unit_successors l
      join back on l.successor_code = back.code and l.successor_valid_from = back.valid_from`,
  );
}

/** All versions of the given codes: a reused code has one before and one after its reform. */
export async function findVersionsOfCodes(db: DbOrTx, codes: string[]) {
  if (codes.length === 0) return [];
  return queryRows<{ code: string; name: string; validFrom: string; validTo: string | null }>(
    db,
    sql`
    select code, name, valid_from::text as "validFrom", valid_to::text as "validTo"
      from admin_units where code in (${sql.join(
        codes.map((code) => sql`${code}`),
        sql`, `,
      )})`,
  );
}

export async function findResultsOfCodes(
  db: DbOrTx,
  codes: string[],
  years: { from: number; to: number },
) {
  if (codes.length === 0) return [];
  return queryRows<{
    unitCode: string;
    year: number;
    criteriaMet: number;
    criteriaTotal: number;
    level: string | null;
  }>(
    db,
    sql`
    select unit_code as "unitCode", year::int as year, criteria_met::int as "criteriaMet",
           criteria_total::int as "criteriaTotal", level
      from evaluation_results
      where unit_code in (${sql.join(
        codes.map((code) => sql`${code}`),
        sql`, `,
      )}) and year between ${years.from} and ${years.to}
      order by year`,
  );
}

export async function findRecognitionsOfCodes(db: DbOrTx, codes: string[]) {
  if (codes.length === 0) return [];
  return queryRows<{
    unitCode: string;
    level: string;
    year: number;
    decisionNumber: string;
    decisionDate: string;
    endedOn: string | null;
    endReason: string | null;
  }>(
    db,
    sql`
    select unit_code as "unitCode", level, year::int as year, decision_number as "decisionNumber",
           decision_date::text as "decisionDate", ended_on::text as "endedOn",
           end_reason as "endReason"
      from recognised_levels
      where unit_code in (${sql.join(
        codes.map((code) => sql`${code}`),
        sql`, `,
      )})
      order by decision_date, id`,
  );
}
