import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@ntm/db";
import { reevaluate, writeValuesBulk } from "../features/assessments/index.ts";
import { systemUser } from "../features/auth/index.ts";
import { findProvinceKeys } from "../features/units/index.ts";
import { unkeyedTables } from "./province-key.ts";
import { createTestApp, loginAs, type TestApp } from "./test-app.ts";

/**
 * "Beyond one PostgreSQL": sharding the data by province (Citus) needs every table that grows with
 * communes to carry the province code and every query of the hot paths to filter by it, so that
 * each query runs on one shard. This test runs the hot paths through HTTP, records the SQL each
 * one sends, reads it with PostgreSQL's own parser and fails on any statement that reads or writes
 * a growing table without the province key (docs/deploy.md, "Beyond one PostgreSQL").
 */

/**
 * Tables whose rows grow with the communes and their years. The units themselves (`admin_units`,
 * `unit_successors`: tens of thousands of rows for the whole country) stay whole on every node,
 * as Citus reference tables, and need no filter.
 */
const growingTables = new Set([
  "assessments",
  "assessment_values",
  "evaluation_results",
  "evaluation_criteria",
  "evidence_files",
  "audit_log",
  "report_submissions",
  "report_reminders",
  "obstacles",
  "obstacle_events",
  "report_reminder_mails",
  "dossiers",
  "dossier_events",
  "dossier_documents",
  "recognised_levels",
  "commune_plans",
  "targets",
  "unit_boundaries",
  "village_values",
  "village_assessments",
  "village_recognitions",
  "village_evidence",
]);

interface HotPath {
  name: string;
  user: string;
  method: "GET" | "PUT";
  url: string;
  payload?: () => object;
}

let version = 0;
/** In the order of a day's work: the province's summary, then a commune's scorecard from it. */
const hotPaths: HotPath[] = [
  { name: "summary", user: "admin", method: "GET", url: "/api/units/P01/summary?year=2024" },
  { name: "scorecard", user: "xa1", method: "GET", url: "/api/units/X01/scorecard?year=2024" },
  {
    name: "value save",
    user: "xa1",
    method: "PUT",
    url: "/api/units/X01/assessments/2024/values",
    payload: () => ({ version, values: [{ indicatorCode: "3.1", value: 85 }] }),
  },
  { name: "dashboard", user: "admin", method: "GET", url: "/api/units/P01/dashboard?year=2024" },
  { name: "communes list", user: "admin", method: "GET", url: "/api/units/P01/communes?year=2024" },
  { name: "reports board", user: "vpdp", method: "GET", url: "/api/reports/rates?type=" },
  { name: "dossiers list", user: "admin", method: "GET", url: "/api/dossiers" },
  { name: "tasks", user: "xa1", method: "GET", url: "/api/me/tasks" },
];

/**
 * Gaps still open, "path: table": statements of these hot paths on these tables do not yet name
 * the province key. A new gap fails the test, and so does one closed but still listed.
 */
const openGaps: string[] = [];

const endOfYear = "make_date(year, 12, 31)";
const dayInVietNam = (column: string) => `(${column} at time zone 'Asia/Ho_Chi_Minh')::date`;
const latest = "date '9999-12-31'";

/**
 * The growing tables that carry the province code: the province that held the unit on the row's
 * date, 31 December of its year (a report's period end; an obstacle's day raised; an audit row's
 * day; a target, its unit's latest version). docs/decisions/0023-sharding-key-province-code.md.
 */
const keyedTables = [
  { table: "assessments", asOf: endOfYear },
  { table: "assessment_values", asOf: endOfYear },
  { table: "evaluation_results", asOf: endOfYear },
  { table: "evaluation_criteria", asOf: endOfYear },
  { table: "evidence_files", asOf: endOfYear },
  { table: "dossiers", asOf: endOfYear },
  { table: "recognised_levels", asOf: endOfYear },
  { table: "commune_plans", asOf: endOfYear },
  { table: "village_values", asOf: endOfYear },
  { table: "village_assessments", asOf: endOfYear },
  { table: "village_evidence", asOf: endOfYear },
  { table: "report_submissions", asOf: "period_end" },
  { table: "obstacles", asOf: dayInVietNam("raised_at") },
  { table: "audit_log", asOf: dayInVietNam("at") },
  { table: "targets", asOf: latest },
  { table: "village_recognitions", asOf: latest },
  { table: "unit_boundaries", asOf: latest },
];

/** Rows that take the key of the row they belong to, so that both sit on one shard. */
const childTables = [
  { table: "dossier_events", parent: "dossiers", link: "dossier_id" },
  { table: "dossier_documents", parent: "dossiers", link: "dossier_id" },
  { table: "obstacle_events", parent: "obstacles", link: "obstacle_id" },
  { table: "report_reminders", parent: "report_submissions", link: "submission_id" },
  { table: "report_reminder_mails", parent: "report_submissions", link: "submission_id" },
];

interface LoggingSession {
  logger: { logQuery: (query: string, params: unknown[]) => void };
  options: { logger?: LoggingSession["logger"] };
}

/** Records the SQL the handle sends, inside transactions too (Drizzle's query logger). */
function recordStatements(db: Db): string[] {
  const session = (db as unknown as { session: LoggingSession }).session;
  const statements: string[] = [];
  const logger = { logQuery: (query: string) => void statements.push(query) };
  session.logger = logger;
  session.options.logger = logger;
  return statements;
}

const unkeyed = (statement: string) => unkeyedTables(statement, growingTables);

let t: TestApp;
let statements: string[];
const cookies: Record<string, string> = {};
const found = new Map<string, string>();
const seen = new Map<string, number>();

beforeAll(async () => {
  t = await createTestApp();
  for (const user of new Set(hotPaths.map((path) => path.user))) {
    cookies[user] = await loginAs(t.app, user);
  }
  const reportType = await t.app.inject({
    method: "POST",
    url: "/api/report-types",
    headers: { cookie: cookies.vpdp as string },
    payload: {
      code: "xa-quy",
      name: "Báo cáo quý của UBND xã",
      cadence: "quarterly",
      dueRule: { kind: "dayOfNextMonth", day: 15 },
      submitterLevel: "commune",
    },
  });
  expect(reportType.statusCode, reportType.body).toBe(201);
  const obstacle = await t.app.inject({
    method: "POST",
    url: "/api/obstacles",
    headers: { cookie: cookies.xa1 as string },
    payload: { unitCode: "X01", title: "Thiếu vốn làm đường trục xã", dueDate: "2024-07-15" },
  });
  expect(obstacle.statusCode, obstacle.body).toBe(201);
  // The bulk writers (seeding, the registry's and villages' values) and the chunked re-evaluation
  // of a province write rows too: a commune of the second province, then every commune again.
  await writeValuesBulk(t.database.db, {
    rows: [
      { unitCode: "Y01", year: 2024, indicatorCode: "3.1", value: 70 },
      { unitCode: "Y01", year: 2024, indicatorCode: "3.2", value: true },
    ],
    by: systemUser,
    now: new Date("2024-06-15T08:00:00Z"),
    demo: false,
    source: "kiểm thử",
  });
  await reevaluate(t.database.db, { years: [2024], now: new Date("2024-06-16T08:00:00Z") });
  statements = recordStatements(t.database.db);
  for (const path of hotPaths) {
    statements.splice(0);
    const response = await t.app.inject({
      method: path.method,
      url: path.url.endsWith("type=") ? `${path.url}${reportType.json().id}` : path.url,
      headers: { cookie: cookies[path.user] as string },
      ...(path.payload ? { payload: path.payload() } : {}),
    });
    expect(response.statusCode, `${path.name}: ${response.body}`).toBe(200);
    if (path.method === "PUT") version += 1;
    seen.set(path.name, statements.length);
    for (const statement of statements) {
      for (const table of await unkeyed(statement)) {
        const gap = `${path.name}: ${table}`;
        if (!found.has(gap)) found.set(gap, statement);
      }
    }
  }
});
afterAll(() => t.close());

describe("the province key of a statement, read with PostgreSQL's parser", () => {
  it("finds a read, a change or an insert of a growing table without the key", async () => {
    expect(await unkeyed('select * from "assessment_values" where "unit_code" = $1')).toEqual([
      "assessment_values",
    ]);
    // In the select list only, or under an "or", the key does not bound the rows read.
    expect(
      await unkeyed('select "province_code" from "evaluation_results" where "year" = $1'),
    ).toEqual(["evaluation_results"]);
    expect(
      await unkeyed("select 1 from evaluation_results where province_code = $1 or year = $2"),
    ).toEqual(["evaluation_results"]);
    // Compared with a value read by the statement itself: not known before it runs.
    expect(
      await unkeyed(
        "select 1 from assessments where province_code = (select code from admin_units limit 1)",
      ),
    ).toEqual(["assessments"]);
    // One table of a join keyed, the other not.
    expect(
      await unkeyed(`select 1 from evaluation_results r join assessments a
        on a.unit_code = r.unit_code where r.province_code = $1`),
    ).toEqual(["assessments"]);
    // A subquery is a block of its own: the outer key does not bound it.
    expect(
      await unkeyed(`select (select count(*) from evaluation_criteria c where c.unit_code = r.unit_code)
        from evaluation_results r where r.province_code = $1`),
    ).toEqual(["evaluation_criteria"]);
    expect(
      await unkeyed("insert into evaluation_criteria (unit_code, year) values ($1, $2)"),
    ).toEqual(["evaluation_criteria"]);
    expect(await unkeyed("update assessments set version = 2 where unit_code = $1")).toEqual([
      "assessments",
    ]);
    expect(await unkeyed("delete from evaluation_criteria where unit_code = $1")).toEqual([
      "evaluation_criteria",
    ]);
  });

  it("accepts the key compared with a parameter, a list, an array or a keyed co-located table", async () => {
    expect(
      await unkeyed(
        'select * from "assessment_values" where "assessment_values"."province_code" = $1 and "unit_code" = $2',
      ),
    ).toEqual([]);
    expect(
      await unkeyed(`select 1 from evaluation_results r join assessments a
        on a.province_code = r.province_code and a.unit_code = r.unit_code
        where r.province_code in ($1, $2)`),
    ).toEqual([]);
    expect(
      await unkeyed("select 1 from targets where province_code = any($1::text[]) and year = 2025"),
    ).toEqual([]);
    expect(
      await unkeyed(`with w as (insert into assessment_values (unit_code, province_code) values ($1, $2))
        update assessments set version = 3 where province_code = $2 and unit_code = $1`),
    ).toEqual([]);
    expect(
      await unkeyed("delete from evaluation_criteria where province_code = 'P01' and year = 2024"),
    ).toEqual([]);
  });
});

describe("hot paths and the province filter", () => {
  it("runs every hot path and sends statements for each", () => {
    for (const path of hotPaths) expect(seen.get(path.name), path.name).toBeGreaterThan(0);
  });

  it("finds no statement of a hot path on a growing table without the province key", () => {
    const gaps = [...found.keys()].filter((gap) => !openGaps.includes(gap)).sort();
    expect(
      gaps.map((gap) => `${gap}\n    ${found.get(gap)?.slice(0, 400)}`),
      "statements on growing tables without a province_code condition",
    ).toEqual([]);
  });

  it("keeps the list of open gaps exact: a gap closed is struck from it", () => {
    expect(openGaps.filter((gap) => !found.has(gap))).toEqual([]);
  });

  it("reads a commune-year met in no list yet once without a known key, then under its key", async () => {
    const read = async () => {
      statements.splice(0);
      const response = await t.app.inject({
        method: "GET",
        url: "/api/units/X02/scorecard?year=2023",
        headers: { cookie: cookies.admin as string },
      });
      expect(response.statusCode, response.body).toBe(200);
      const tables = new Set<string>();
      for (const statement of statements) {
        for (const table of await unkeyed(statement)) tables.add(table);
      }
      return { tables: [...tables].sort(), count: statements.length };
    };
    const first = await read();
    // The process's first read of this commune's year finds the key within the statement.
    expect(first.tables).toEqual([
      "assessment_values",
      "assessments",
      "evaluation_results",
      "evidence_files",
    ]);
    const second = await read();
    expect(second.tables).toEqual([]);
    expect(second.count).toBeLessThanOrEqual(first.count);
  });

  it("finds every row the hot paths wrote keyed by the province that held its unit that year", async () => {
    for (const { table, asOf } of keyedTables) {
      const wrong = await queryRows<{ unit: string; province: string | null; expected: string }>(
        t.database.db,
        sql`select unit_code as unit, province_code as province,
              ntm_province_of(unit_code, ${sql.raw(asOf)}) as expected
            from ${sql.identifier(table)}
            where province_code is distinct from ntm_province_of(unit_code, ${sql.raw(asOf)})`,
      );
      expect(wrong, `${table}: rows without their province`).toEqual([]);
    }
    for (const { table, parent, link } of childTables) {
      const wrong = await queryRows<{ id: number }>(
        t.database.db,
        sql`select c.${sql.identifier(link)} as id from ${sql.identifier(table)} c
              join ${sql.identifier(parent)} p on p.id = c.${sql.identifier(link)}
            where c.province_code is distinct from p.province_code`,
      );
      expect(wrong, `${table}: rows without the key of their ${parent}`).toEqual([]);
    }
    const raised = await queryRows<{ province: string }>(
      t.database.db,
      sql`select province_code as province from obstacles where unit_code = 'X01'`,
    );
    expect(raised).toEqual([{ province: "P01" }]);
    const audited = await queryRows<{ province: string }>(
      t.database.db,
      sql`select distinct province_code as province from audit_log
          where action = 'assessment.value.update' and unit_code = 'X01'`,
    );
    expect(audited).toEqual([{ province: "P01" }]);
    const values = await queryRows<{ province: string }>(
      t.database.db,
      sql`select distinct province_code as province from assessment_values where unit_code = 'X01'`,
    );
    expect(values).toEqual([{ province: "P01" }]);
    const other = await queryRows<{ province: string }>(
      t.database.db,
      sql`select distinct province_code as province from evaluation_criteria where unit_code = 'Y01'`,
    );
    expect(other).toEqual([{ province: "P02" }]);
  });
});

describe("the province key across a reorganisation", () => {
  it("keys each year's rows by the province that held the commune on its 31 December", async () => {
    // Y01 leaves P02 for P01 on 1/7/2025 (a province merger of the 2025 kind), keeping its code.
    await t.database.db.execute(
      sql`insert into admin_units (code, name, level, parent_code, valid_from, region)
          values ('Y01', 'Xã Ia Chim', 'commune', 'P01', '2025-07-01', 'TN')`,
    );
    await t.database.db.execute(
      sql`update admin_units set valid_to = '2025-06-30'
          where code = 'Y01' and valid_from = '2008-01-01'`,
    );
    await t.database.db.execute(
      sql`insert into unit_successors (predecessor_code, predecessor_valid_from, successor_code,
            successor_valid_from, kind, effective_date)
          values ('P02', '2008-01-01', 'P01', '2008-01-01', 'full', '2025-07-01'),
                 ('Y01', '2008-01-01', 'Y01', '2025-07-01', 'full', '2025-07-01')`,
    );
    await writeValuesBulk(t.database.db, {
      rows: [
        { unitCode: "Y01", year: 2024, indicatorCode: "3.1", value: 60 },
        { unitCode: "Y01", year: 2025, indicatorCode: "3.1", value: 65 },
      ],
      by: systemUser,
      now: new Date("2025-12-01T08:00:00Z"),
      demo: false,
      source: "kiểm thử",
    });
    for (const table of ["assessments", "assessment_values", "evaluation_results"]) {
      const keys = await queryRows<{ year: number; province: string }>(
        t.database.db,
        sql`select distinct year, province_code as province from ${sql.identifier(table)}
            where unit_code = 'Y01' and year in (2024, 2025) order by year`,
      );
      expect(keys, table).toEqual([
        { year: 2024, province: "P02" },
        { year: 2025, province: "P01" },
      ]);
    }
    // Reading P01 over the years takes the key of the province it absorbed, and the other way.
    expect(await findProvinceKeys(t.database.db, "P01")).toEqual(["P01", "P02"]);
    expect(await findProvinceKeys(t.database.db, "P02")).toEqual(["P01", "P02"]);
    expect(await findProvinceKeys(t.database.db, "X01", "2024-12-31")).toEqual(["P01", "P02"]);
  });
});

describe("what a distribution by province_code still needs", () => {
  it("finds the key on every growing table, and lists the keys and unique indexes without it", async () => {
    const rows = await queryRows<{
      table: string;
      keyed: boolean;
      notNull: boolean;
      unique: string[];
    }>(
      t.database.db,
      sql`select c.relname as "table",
            k.attnum is not null as keyed,
            coalesce(k.attnotnull, false) as "notNull",
            array(select i.relname::text from pg_index x join pg_class i on i.oid = x.indexrelid
                   where x.indrelid = c.oid and x.indisunique
                     and not (coalesce(k.attnum, 0) = any(x.indkey::int2[]))
                   order by 1) as unique
          from pg_class c
          left join pg_attribute k on k.attrelid = c.oid and k.attname = 'province_code'
            and not k.attisdropped
          where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace
            and c.relname::text = any(string_to_array(${[...growingTables].join(",")}, ','))
          order by 1`,
    );
    expect(rows.map((row) => row.table)).toEqual([...growingTables].sort());
    expect(rows.filter((row) => !row.keyed).map((row) => row.table)).toEqual([]);
    expect(
      [...growingTables].sort(),
      "every growing table has its rule (keyedTables) or takes its parent's key (childTables)",
    ).toEqual([...keyedTables, ...childTables].map((entry) => entry.table).sort());
    // Left for the day of the move (docs/deploy.md, "Distributing with Citus"): the key is not
    // NOT NULL anywhere yet (rows of no unit, such as national audit rows, stay empty), and these
    // primary keys and unique indexes must take province_code as a column before Citus accepts
    // the table. A table made ready drops out of the list, and the docs say so.
    expect(rows.filter((row) => row.notNull).map((row) => row.table)).toEqual([]);
    expect(
      Object.fromEntries(
        rows.filter((row) => row.unique.length > 0).map((row) => [row.table, row.unique]),
      ),
    ).toEqual({
      assessment_values: ["assessment_values_year_unit_code_indicator_code_pk"],
      assessments: ["assessments_unit_code_year_pk"],
      audit_log: ["audit_log_pkey", "audit_log_seq_idx"],
      commune_plans: ["commune_plans_year_unit_code_pk"],
      dossier_documents: ["dossier_documents_pkey"],
      dossier_events: ["dossier_events_pkey"],
      dossiers: ["dossiers_pkey"],
      evaluation_criteria: ["evaluation_criteria_year_unit_code_criterion_code_pk"],
      evaluation_results: ["evaluation_results_year_unit_code_pk"],
      evidence_files: ["evidence_files_pkey"],
      obstacle_events: ["obstacle_events_pkey"],
      obstacles: ["obstacles_pkey"],
      recognised_levels: ["recognised_levels_pkey"],
      report_reminder_mails: ["report_reminder_mails_uq"],
      report_reminders: ["report_reminders_pkey", "report_reminders_uq"],
      report_submissions: ["report_submissions_pkey", "report_submissions_uq"],
      targets: ["targets_pkey"],
      unit_boundaries: ["unit_boundaries_pkey"],
      village_assessments: ["village_assessments_year_unit_code_set_code_pk"],
      village_evidence: ["village_evidence_pkey"],
      village_recognitions: ["village_recognitions_unit_code_set_code_pk"],
      village_values: ["village_values_year_unit_code_set_code_indicator_code_pk"],
    });
  });
});
