import { and, eq, gte, isNull, lte, or, sql } from "drizzle-orm";
import {
  arrayLiteral,
  queryRows,
  sqlArray,
  tables,
  type ArrayElement,
  type ArrayType,
  type DbOrTx,
} from "@ntm/db";
import type { SuccessorLink, UnitFlag, UnitLevel } from "@ntm/domain";

export interface UnitRow {
  code: string;
  name: string;
  level: UnitLevel;
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
  region: string | null;
  communeGroup: string | null;
  flags: UnitFlag[];
  assessed: boolean;
}

const u = tables.adminUnits;

const columns = {
  code: u.code,
  name: u.name,
  level: u.level,
  parentCode: u.parentCode,
  validFrom: u.validFrom,
  validTo: u.validTo,
  region: u.region,
  communeGroup: u.communeGroup,
  flags: u.flags,
  assessed: u.assessed,
};

const validOn = (asOf: string) =>
  and(lte(u.validFrom, asOf), or(isNull(u.validTo), gte(u.validTo, asOf)));

/** The version of a unit in force on a date. */
export async function findUnitOn(db: DbOrTx, code: string, asOf: string) {
  const rows = await db
    .select(columns)
    .from(u)
    .where(and(eq(u.code, code), validOn(asOf)));
  return rows[0] as UnitRow | undefined;
}

/** The most recent version of a unit, whatever its dates. */
export async function findLatestUnit(db: DbOrTx, code: string) {
  const rows = await db
    .select(columns)
    .from(u)
    .where(eq(u.code, code))
    .orderBy(sql`${u.validFrom} desc`)
    .limit(1);
  return rows[0] as UnitRow | undefined;
}

export async function findChildrenOn(db: DbOrTx, parentCode: string, asOf: string) {
  const rows = await db
    .select({
      ...columns,
      // Drizzle renders ${u.code} here as a bare "code", which the subquery would read as c.code:
      // the outer row is named explicitly.
      childCount: sql<number>`(select count(*)::int from admin_units c where c.parent_code = admin_units.code
        and c.valid_from <= ${asOf} and (c.valid_to is null or c.valid_to >= ${asOf}))`,
    })
    .from(u)
    .where(and(eq(u.parentCode, parentCode), validOn(asOf)))
    .orderBy(u.name);
  return rows as (UnitRow & { childCount: number })[];
}

export async function countChildrenOn(db: DbOrTx, code: string, asOf: string) {
  const rows = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(u)
    .where(and(eq(u.parentCode, code), validOn(asOf)));
  return rows[0]?.count ?? 0;
}

/** Codes of a unit and its ancestors on a date, the unit first. */
export async function findPathOn(db: DbOrTx, code: string, asOf: string) {
  return queryRows<{ code: string; name: string; level: string }>(
    db,
    sql`
    with recursive chain(code, name, level, parent_code, depth) as (
      select code, name, level, parent_code, 0 from admin_units
        where code = ${code} and valid_from <= ${asOf} and (valid_to is null or valid_to >= ${asOf})
      union all
      select p.code, p.name, p.level, p.parent_code, chain.depth + 1 from admin_units p
        join chain on p.code = chain.parent_code
        where p.valid_from <= ${asOf} and (p.valid_to is null or p.valid_to >= ${asOf})
          and chain.depth < 10
    )
    select code, name, level from chain order by depth`,
  );
}

/**
 * Every unit below a unit on a date (not the unit itself), with its parent's name and its region
 * candidates. The recursion carries the columns, so only the units of the subtree are read.
 */
export async function findDescendantsOn(db: DbOrTx, code: string, asOf: string) {
  return queryRows<UnitRow & { parentName: string | null; regionCandidates: string[] | null }>(
    db,
    sql`
    with recursive tree as (
      select code, name, level, parent_code, valid_from, valid_to, region, commune_group, flags,
             assessed, region_candidates, null::text as parent_name, 0 as depth
        from admin_units
        where code = ${code} and valid_from <= ${asOf} and (valid_to is null or valid_to >= ${asOf})
      union all
      select c.code, c.name, c.level, c.parent_code, c.valid_from, c.valid_to, c.region,
             c.commune_group, c.flags, c.assessed, c.region_candidates, tree.name, tree.depth + 1
        from admin_units c join tree on c.parent_code = tree.code
        where c.valid_from <= ${asOf} and (c.valid_to is null or c.valid_to >= ${asOf})
          and tree.depth < 10
    )
    select code, name, level, parent_code as "parentCode", valid_from::text as "validFrom",
           valid_to::text as "validTo", region, commune_group as "communeGroup", flags, assessed,
           region_candidates as "regionCandidates", parent_name as "parentName"
      from tree
      where depth > 0`,
  );
}

/** Lineage links into or out of any version of a code, with the names of both versions. */
export async function findSuccessorLinks(db: DbOrTx, code: string) {
  return queryRows<
    SuccessorLink & { predecessorName: string | null; successorName: string | null }
  >(
    db,
    sql`
    select l.predecessor_code as "predecessorCode",
           l.predecessor_valid_from::text as "predecessorValidFrom",
           l.successor_code as "successorCode", l.successor_valid_from::text as "successorValidFrom",
           l.kind, l.effective_date::text as "effectiveDate",
           p.name as "predecessorName", s.name as "successorName"
      from unit_successors l
      left join admin_units p on p.code = l.predecessor_code and p.valid_from = l.predecessor_valid_from
      left join admin_units s on s.code = l.successor_code and s.valid_from = l.successor_valid_from
      where l.predecessor_code = ${code} or l.successor_code = ${code}`,
  );
}

/**
 * Inserts or replaces unit versions (code, valid from) in one statement, whatever their number:
 * each column is one array parameter read with unnest(). A version listed twice keeps its last
 * row, as a file read top to bottom would.
 */
export async function upsertUnitVersions(db: DbOrTx, rows: readonly UnitRow[]) {
  const last = new Map(rows.map((row) => [`${row.code}/${row.validFrom}`, row]));
  const unique = [...last.values()];
  if (unique.length === 0) return;
  const column = (pick: (row: UnitRow) => ArrayElement, type: ArrayType) =>
    sqlArray(unique.map(pick), type);
  await db.execute(sql`
    insert into admin_units (code, name, level, parent_code, valid_from, valid_to, region,
        commune_group, flags, assessed)
    select r.code, r.name, r.level, r.parent_code, r.valid_from, r.valid_to, r.region,
           r.commune_group, r.flags::text[], r.assessed
      from unnest(${column((row) => row.code, "text")}, ${column((row) => row.name, "text")},
                  ${column((row) => row.level, "text")}, ${column((row) => row.parentCode, "text")},
                  ${column((row) => row.validFrom, "date")}, ${column((row) => row.validTo, "date")},
                  ${column((row) => row.region, "text")}, ${column((row) => row.communeGroup, "text")},
                  ${column((row) => arrayLiteral(row.flags), "text")},
                  ${column((row) => row.assessed, "boolean")})
        as r(code, name, level, parent_code, valid_from, valid_to, region, commune_group, flags,
             assessed)
    on conflict (code, valid_from) do update set
      name = excluded.name, level = excluded.level, parent_code = excluded.parent_code,
      valid_to = excluded.valid_to, region = excluded.region,
      commune_group = excluded.commune_group, flags = excluded.flags,
      assessed = excluded.assessed`);
}

/** A version that ended and the unit that took all of it over on the effective date. */
export interface Succession {
  predecessorCode: string;
  predecessorValidFrom: string;
  successorCode: string;
  effectiveDate: string;
}

/**
 * Links each ended version to the version of its successor in force on the effective date (that
 * date itself when the successor has none yet), in one statement; a link already stored is kept.
 */
export async function insertSuccessorLinks(db: DbOrTx, successions: readonly Succession[]) {
  if (successions.length === 0) return;
  const column = (pick: (link: Succession) => string, type: ArrayType) =>
    sqlArray(successions.map(pick), type);
  await db.execute(sql`
    insert into unit_successors (predecessor_code, predecessor_valid_from, successor_code,
        successor_valid_from, kind, effective_date)
    select l.code, l.valid_from, l.successor, coalesce(s.valid_from, l.effective), 'full',
           l.effective
      from unnest(${column((link) => link.predecessorCode, "text")},
                  ${column((link) => link.predecessorValidFrom, "date")},
                  ${column((link) => link.successorCode, "text")},
                  ${column((link) => link.effectiveDate, "date")})
        as l(code, valid_from, successor, effective)
      left join lateral (
        select valid_from from admin_units
         where code = l.successor and valid_from <= l.effective
           and (valid_to is null or valid_to >= l.effective)
         limit 1) s on true
    on conflict do nothing`);
}

export async function findExistingCodes(db: DbOrTx): Promise<Set<string>> {
  const rows = await db.selectDistinct({ code: u.code }).from(u);
  return new Set(rows.map((row) => row.code));
}

/** Every unit version in force on a date. */
export async function findUnitsValidOn(db: DbOrTx, asOf: string): Promise<UnitRow[]> {
  // One JSON document rather than a row per unit: the embedded database hands ten thousand rows
  // over its wire protocol at many times the cost of one parsed document.
  const [row] = await queryRows<{ units: string | null }>(
    db,
    sql`select json_agg(json_build_object('code', code, 'name', name, 'level', level,
          'parentCode', parent_code, 'validFrom', valid_from, 'validTo', valid_to,
          'region', region, 'communeGroup', commune_group, 'flags', flags,
          'assessed', assessed))::text as units
        from admin_units
        where valid_from <= ${asOf} and (valid_to is null or valid_to >= ${asOf})`,
  );
  return JSON.parse(row?.units ?? "[]") as UnitRow[];
}

/** Locks a unit's rows until the transaction ends, so two decisions on it run one after the other. */
export async function lockUnit(db: DbOrTx, code: string) {
  await queryRows(db, sql`select code from admin_units where code = ${code} for update`);
}
