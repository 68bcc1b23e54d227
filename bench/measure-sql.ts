import { sql } from "drizzle-orm";
import { queryRows, type Database } from "@ntm/db";
import { endOfYear, type CriteriaSet } from "@ntm/domain";
import { watchEventLoop } from "./event-loop-watch.ts";
import { median } from "./percentiles.ts";

/** What the flattening kept and what it had to leave out. */
export interface FlattenNotes {
  indicators: number;
  thresholdRows: number;
  /** Indicators judged at the standard level with only relative rows there (left out: never met). */
  relativeOnly: string[];
  /** Indicators that do not count at the standard level (`levels` without it). */
  notAtStandard: number;
}

export interface SqlFigures {
  year: number;
  communes: number;
  runsMs: number[];
  medianMs: number;
  /** Largest event-loop gap seen during the timed runs. */
  eventLoopGapMs: number;
  compared: number;
  agree: number;
  /** Up to five disagreements: unit, SQL count, engine count. */
  examples: { unitCode: string; sql: number; engine: number }[];
  notes: FlattenNotes;
  /** Agreement of simpler variants of the query that leave rules out (run once, not timed). */
  variants: { label: string; agree: number; compared: number }[];
  query: string;
}

/** Rules the query can leave out, to show what a simpler SQL peer would get wrong. */
export interface SqlRules {
  /** The classification override rules (R1: especially disadvantaged / safe-zone xã use TDMNPB). */
  overrides: boolean;
  /** The years of year-bounded threshold rows (fromYear/toYear); without them such rows apply every year. */
  years: boolean;
}

const allRules: SqlRules = { overrides: true, years: true };

function literal(value: string | number | boolean | null, type: string): string {
  if (value === null) return `null::${type}`;
  if (typeof value === "string") return `'${value.replace(/'/g, "''")}'::${type}`;
  return `${String(value)}::${type}`;
}

/**
 * The standard-level thresholds of the set as rows (indicator, class, years, specificity,
 * comparator, value), and the indicators that count at that level with their criterion.
 * One row per class listed on a threshold row; the specificity and order follow the engine
 * (class-specific beats general, year-bounded beats open, the first row wins a tie).
 */
function flatten(set: CriteriaSet, rules: SqlRules) {
  const thresholds: string[] = [];
  const indicators: string[] = [];
  const notes: FlattenNotes = {
    indicators: 0,
    thresholdRows: 0,
    relativeOnly: [],
    notAtStandard: 0,
  };
  for (const criterion of set.criteria) {
    for (const indicator of criterion.indicators) {
      if (indicator.levels && !indicator.levels.includes("standard")) {
        notes.notAtStandard += 1;
        continue;
      }
      const rows = indicator.thresholds
        .map((row, order) => ({ row, order }))
        .filter(({ row }) => row.level === "standard");
      if (rows.length === 0) continue;
      notes.indicators += 1;
      const field = indicator.kind === "boolean" ? "bool" : "num";
      indicators.push(
        `(${literal(criterion.code, "text")}, ${literal(indicator.code, "text")}, ${literal(field, "text")})`,
      );
      let absolute = 0;
      for (const { row, order } of rows) {
        if (!("value" in row)) continue;
        const fromYear = rules.years ? (row.fromYear ?? null) : null;
        const toYear = rules.years ? (row.toYear ?? null) : null;
        absolute += 1;
        const specificity = (row.classes ? 2 : 0) + (fromYear !== null || toYear !== null ? 1 : 0);
        for (const classValue of row.classes ?? [null]) {
          notes.thresholdRows += 1;
          thresholds.push(
            `(${[
              literal(indicator.code, "text"),
              literal(classValue, "text"),
              literal(fromYear, "int"),
              literal(toYear, "int"),
              literal(specificity, "int"),
              literal(order, "int"),
              literal(indicator.comparator, "text"),
              literal(typeof row.value === "number" ? row.value : null, "float8"),
              literal(typeof row.value === "boolean" ? row.value : null, "boolean"),
            ].join(", ")})`,
          );
        }
      }
      if (absolute === 0) notes.relativeOnly.push(indicator.code);
    }
  }
  return { thresholds, indicators, notes };
}

/** The class a commune's thresholds are looked up with: the first override rule, else its own. */
function classExpression(set: CriteriaSet, withOverrides: boolean): string {
  const own = set.classification.kind === "region" ? "u.region" : "u.commune_group";
  const rules = (withOverrides ? (set.classificationOverrides ?? []) : []).map(
    (rule) =>
      `when u.flags && array[${rule.whenAnyFlag.map((flag) => literal(flag, "text")).join(", ")}] ` +
      `then ${literal(rule.useClass, "text")}`,
  );
  return rules.length > 0 ? `case ${rules.join(" ")} else ${own} end` : own;
}

/**
 * Criteria met at the standard level for every assessed commune in one query: the year's stored
 * values joined with the most specific threshold row for the commune's class and the year; a
 * criterion is met when as many of its indicators pass as it has (a missing value, a value row
 * absent or a class without a threshold all leave it short).
 */
export function buildSqlQuery(set: CriteriaSet, year: number, rules: SqlRules = allRules) {
  const { thresholds, indicators, notes } = flatten(set, rules);
  const asOf = endOfYear(year);
  const text = `
with thr(indicator_code, class_value, from_year, to_year, specificity, ord, comparator, num_t, bool_t) as (
  values ${thresholds.join(",\n    ")}
),
ind(criterion_code, indicator_code, field) as (
  values ${indicators.join(",\n    ")}
),
need as (
  select criterion_code, count(*)::int as n from ind group by criterion_code
),
communes as (
  select u.code, coalesce(${classExpression(set, rules.overrides)}, '') as class_value
    from admin_units u
   where u.level = 'commune' and u.assessed
     and u.valid_from <= '${asOf}' and (u.valid_to is null or u.valid_to >= '${asOf}')
),
chosen as (
  select distinct on (k.class_value, t.indicator_code)
         k.class_value, t.indicator_code, t.comparator, t.num_t, t.bool_t
    from (select distinct class_value from communes) k
    join thr t on (t.class_value is null or t.class_value = k.class_value)
              and (t.from_year is null or t.from_year <= ${year})
              and (t.to_year is null or t.to_year >= ${year})
   order by k.class_value, t.indicator_code, t.specificity desc, t.ord
),
per_criterion as (
  select v.unit_code, i.criterion_code,
         (count(*) filter (where case
            when i.field = 'bool' then t.comparator = 'is' and v.bool_value = t.bool_t
            when t.comparator = '>=' then v.num_value >= t.num_t
            when t.comparator = '<=' then v.num_value <= t.num_t
            when t.comparator = '>' then v.num_value > t.num_t
            when t.comparator = '<' then v.num_value < t.num_t
          end))::int as met
    from (
      -- "offset 0" keeps this join first: the planner otherwise misjudges the CTE sizes and
      -- hashes every commune × threshold pair before it reads a value.
      select v.unit_code, v.indicator_code, v.num_value, v.bool_value, c.class_value
        from assessment_values v
        join communes c on c.code = v.unit_code
       where v.year = ${year}
      offset 0
    ) v
    join ind i on i.indicator_code = v.indicator_code
    join chosen t on t.class_value = v.class_value and t.indicator_code = v.indicator_code
   group by v.unit_code, i.criterion_code
)
select c.code as "unitCode", (count(*) filter (where p.met = need.n))::int as "criteriaMet"
  from communes c
  left join per_criterion p on p.unit_code = c.code
  left join need on need.criterion_code = p.criterion_code
 group by c.code`;
  return { text, notes };
}

/**
 * Runs the one-query evaluation (one warm-up, then `runs` timed runs) and checks it against
 * the criteria met that evaluateMany stored for the same year.
 */
export async function measureSql(
  database: Database,
  set: CriteriaSet,
  options: { year: number; runs: number },
): Promise<SqlFigures> {
  const { text, notes } = buildSqlQuery(set, options.year);
  const run = () =>
    queryRows<{ unitCode: string; criteriaMet: number }>(database.db, sql.raw(text));
  await run();
  const runsMs: number[] = [];
  let rows: { unitCode: string; criteriaMet: number }[] = [];
  let eventLoopGapMs = 0;
  for (let index = 0; index < options.runs; index += 1) {
    const watch = watchEventLoop();
    const start = performance.now();
    rows = await run();
    runsMs.push(performance.now() - start);
    eventLoopGapMs = Math.max(eventLoopGapMs, watch.stop());
  }
  const stored = await queryRows<{ unitCode: string; criteriaMet: number }>(
    database.db,
    sql`select unit_code as "unitCode", criteria_met as "criteriaMet"
          from evaluation_results where year = ${options.year}`,
  );
  const compare = (result: readonly { unitCode: string; criteriaMet: number }[]) => {
    const bySql = new Map(result.map((row) => [row.unitCode, row.criteriaMet]));
    let compared = 0;
    let agree = 0;
    const examples: SqlFigures["examples"] = [];
    for (const row of stored) {
      const fromSql = bySql.get(row.unitCode);
      if (fromSql === undefined) continue;
      compared += 1;
      if (fromSql === row.criteriaMet) agree += 1;
      else if (examples.length < 5) {
        examples.push({ unitCode: row.unitCode, sql: fromSql, engine: row.criteriaMet });
      }
    }
    return { compared, agree, examples };
  };
  const { compared, agree, examples } = compare(rows);
  const variants: SqlFigures["variants"] = [];
  for (const [label, rules] of [
    ["ignoring the override rule", { overrides: false, years: true }],
    ["ignoring the years of year-bounded rows", { overrides: true, years: false }],
    ["ignoring both", { overrides: false, years: false }],
  ] as const) {
    const variant = buildSqlQuery(set, options.year, rules);
    const result = await queryRows<{ unitCode: string; criteriaMet: number }>(
      database.db,
      sql.raw(variant.text),
    );
    variants.push({ label, ...compare(result) });
  }
  return {
    year: options.year,
    communes: rows.length,
    runsMs,
    medianMs: median(runsMs),
    eventLoopGapMs,
    compared,
    agree,
    examples,
    notes,
    variants,
    query: text,
  };
}
