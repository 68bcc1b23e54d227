import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "@ntm/db";
import type { ReformSource } from "@ntm/domain";
import { writeValuesBulk } from "../features/assessments/index.ts";
import { systemUser } from "../features/auth/index.ts";
import { importUnits } from "../features/units/index.ts";
import { importReform } from "../features/units/reform-import.service.ts";
import { createTestApp, type TestApp } from "./test-app.ts";

/**
 * A reorganisation imported after rows of its own years exist: the rows whose date falls on or
 * after the day it takes effect move to the key of the province that now holds their unit (the
 * rule of every row), in the import's transaction; the rows of the years before keep theirs.
 * docs/decisions/0023-sharding-key-province-code.md.
 */

/** A later reform: province P09 formed from the whole of P02 on 1/7/2025, Y01 passing into it. */
const laterReform: ReformSource = {
  effectiveDate: "2025-07-01",
  lastDayBefore: "2025-06-30",
  provinces: [
    {
      code: "P09",
      name: "Tỉnh Hợp Nhất",
      provinceCode: "P09",
      type: null,
      predecessors: [{ code: "P02", kind: "full" }],
    },
  ],
  units: [
    {
      code: "Y01",
      name: "Xã Ia Chim",
      provinceCode: "P09",
      type: "xa",
      predecessors: [{ code: "Y01", kind: "full" }],
    },
  ],
  oldProvinceOf: new Map([["Y01", "P02"]]),
};

let t: TestApp;

const keysOf = (table: string, by: string) =>
  queryRows<{ at: string; province: string | null }>(
    t.database.db,
    sql`select (${sql.raw(by)})::text as at, province_code as province from ${sql.identifier(table)}
        where unit_code = 'Y01' group by 1, 2 order by 1, 2`,
  );

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  await writeValuesBulk(db, {
    rows: [2023, 2024, 2025].flatMap((year) => [
      { unitCode: "Y01", year, indicatorCode: "3.1", value: 70 },
      { unitCode: "Y01", year, indicatorCode: "3.2", value: true },
    ]),
    by: systemUser,
    now: new Date("2025-09-15T08:00:00Z"),
    demo: false,
    source: "kiểm thử",
  });
  // Written as the services write them, without naming the key: the database keys them.
  await db.execute(sql`
    insert into dossiers (kind, unit_code, unit_level, year, requested_level, regime_code, status,
                          current_step, state, created_at, created_by, updated_at)
    values ('recognition', 'Y01', 'commune', 2024, 'standard', 'nd-thu', 'open', 'filing', '{}',
            now(), 'xa21', now()),
           ('recognition', 'Y01', 'commune', 2025, 'standard', 'nd-thu', 'open', 'filing', '{}',
            now(), 'xa21', now())`);
  await db.execute(sql`
    insert into dossier_events (dossier_id, at, username, role, type, round)
    select id, now(), 'xa21', 'commune_officer', 'filed', 1 from dossiers where unit_code = 'Y01'`);
  await db.execute(sql`
    insert into obstacles (unit_code, title, holder, owner, due_date, raised_by, raised_at)
    values ('Y01', 'Thiếu vốn làm đường', 'district', 'D11', '2024-05-01', 'xa21', '2024-03-01T03:00:00Z'),
           ('Y01', 'Thiếu vốn xây trường', 'province_committee', 'P02', '2025-09-01', 'xa21',
            '2025-07-01T02:00:00Z')`);
});
afterAll(() => t.close());

describe("the province key after a later reorganisation", () => {
  it("keys the rows written under the old tree by the province of their date", async () => {
    expect(await keysOf("assessment_values", "year")).toEqual([
      { at: "2023", province: "P02" },
      { at: "2024", province: "P02" },
      { at: "2025", province: "P02" },
    ]);
    // 1 July 2025 09:00 in Viet Nam is the day the reform takes effect.
    expect(await keysOf("obstacles", "raised_at at time zone 'Asia/Ho_Chi_Minh'")).toEqual([
      { at: "2024-03-01 10:00:00", province: "P02" },
      { at: "2025-07-01 09:00:00", province: "P02" },
    ]);
  });

  it("a dry run moves no key", async () => {
    await importReform(t.database.db, { user: systemUser, dryRun: true, source: laterReform });
    expect(await keysOf("evaluation_results", "year")).toEqual([
      { at: "2023", province: "P02" },
      { at: "2024", province: "P02" },
      { at: "2025", province: "P02" },
    ]);
  });

  it("re-keys the rows of the years from the reform in the import, and keeps the earlier ones", async () => {
    const result = await importReform(t.database.db, {
      user: systemUser,
      dryRun: false,
      source: laterReform,
    });
    expect(result.create.provinces).toBe(1);
    const byYear = [
      { at: "2023", province: "P02" },
      { at: "2024", province: "P02" },
      { at: "2025", province: "P09" },
    ];
    for (const table of [
      "assessments",
      "assessment_values",
      "evaluation_results",
      "evaluation_criteria",
    ]) {
      expect(await keysOf(table, "year"), table).toEqual(byYear);
    }
    expect(await keysOf("dossiers", "year")).toEqual(byYear.slice(1));
    const events = await queryRows<{ year: number; province: string }>(
      t.database.db,
      sql`select d.year, e.province_code as province from dossier_events e
          join dossiers d on d.id = e.dossier_id where d.unit_code = 'Y01' order by d.year`,
    );
    expect(events).toEqual([
      { year: 2024, province: "P02" },
      { year: 2025, province: "P09" },
    ]);
    expect(await keysOf("obstacles", "raised_at at time zone 'Asia/Ho_Chi_Minh'")).toEqual([
      { at: "2024-03-01 10:00:00", province: "P02" },
      { at: "2025-07-01 09:00:00", province: "P09" },
    ]);
    // The values' audit rows were written on 15/9/2025, after the reform took effect.
    const audited = await queryRows<{ province: string }>(
      t.database.db,
      sql`select distinct province_code as province from audit_log
          where unit_code = 'Y01' and action = 'assessment.values.import'`,
    );
    expect(audited).toEqual([{ province: "P09" }]);
    // Every keyed row agrees with the rule: nothing left under a key its unit no longer gives.
    const stale = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from assessment_values
          where province_code is distinct from ntm_province_of(unit_code, make_date(year, 12, 31))`,
    );
    expect(stale).toEqual([{ n: 0 }]);
  });

  it("re-keys after a hierarchy file that moves a commune's version to another province", async () => {
    await importUnits(t.database.db, {
      user: systemUser,
      rows: [
        {
          code: "P10",
          name: "Tỉnh Nhận Xã",
          level: "province",
          validFrom: "2008-01-01",
          region: "TN",
          flags: [],
        },
        {
          code: "Y01",
          name: "Xã Ia Chim",
          level: "commune",
          parentCode: "P10",
          validFrom: "2025-07-01",
          region: "TN",
          flags: [],
        },
      ],
    });
    expect(await keysOf("assessment_values", "year")).toEqual([
      { at: "2023", province: "P02" },
      { at: "2024", province: "P02" },
      { at: "2025", province: "P10" },
    ]);
    expect(await keysOf("dossiers", "year")).toEqual([
      { at: "2024", province: "P02" },
      { at: "2025", province: "P10" },
    ]);
  });
});
