import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, queryRows, type Database } from "@ntm/db";
import { evaluateUnit, resyncOcopRegistry, systemUser } from "@ntm/api";
import { backupDatabase, backupTables, restoreDatabase } from "./backup.ts";
import { seedDemo } from "./seed-demo.ts";

let database: Database;
const folder = mkdtempSync(join(tmpdir(), "ntm-cli-test-"));

async function count(db: Database, table: string) {
  const rows = await queryRows<{ n: number }>(
    db.db,
    sql.raw(`select count(*)::int as n from ${table}`),
  );
  return rows[0]?.n ?? 0;
}

async function provinceAverage(db: Database, year: number) {
  const rows = await queryRows<{ avg: number; below10: number; standard: number }>(
    db.db,
    sql`select avg(criteria_met)::float as avg,
               count(*) filter (where criteria_met < 10)::int as below10,
               count(*) filter (where level is not null)::int as standard
          from evaluation_results where year = ${year}`,
  );
  return rows[0] as { avg: number; below10: number; standard: number };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database, { ifEmpty: true, log: () => undefined });

  // The whole demo (two old provinces, the reform, five years of values) on a shared machine.
}, 300_000);
afterAll(async () => {
  await database.close();
  rmSync(folder, { recursive: true, force: true });
});

describe("ntm seed --demo", () => {
  it("loads Kon Tum with its districts, the criteria sets and one account per role", async () => {
    expect(await count(database, "admin_units")).toBeGreaterThan(100);
    const sets = await queryRows<{ code: string }>(
      database.db,
      sql`select code from criteria_sets order by code`,
    );
    expect(sets.map((set) => set.code)).toEqual([
      "kon-tum-commune-2021-2025",
      "thon-ntm-minh-hoa",
      "thon-ntm-minh-hoa-p62",
      "vn-commune-2021-2025",
      "vn-commune-2021-2025",
      "vn-commune-2026-2030",
    ]);
    const roles = await queryRows<{ role: string }>(
      database.db,
      sql`select distinct role from users order by role`,
    );
    expect(roles.map((row) => row.role)).toEqual(
      expect.arrayContaining([
        "commune_officer",
        "coordination_office",
        "department",
        "district",
        "fatherland_front",
        "province_admin",
        "viewer",
        "national_admin",
      ]),
    );
  });

  it("applies the reform of 1/7/2025 from the real mapping: Kon Tum and old Quảng Ngãi become new 51", async () => {
    const versions = await queryRows<{ code: string; valid_to: string | null; n: number }>(
      database.db,
      sql`select code, valid_to::text, (select count(*)::int from admin_units c
                 where c.parent_code = p.code and c.valid_from = p.valid_from) as n
            from admin_units p where level = 'province' order by code, valid_from`,
    );
    expect(versions).toEqual([
      { code: "51", valid_to: "2025-06-30", n: 13 },
      { code: "51", valid_to: null, n: 96 },
      { code: "62", valid_to: "2025-06-30", n: 10 },
    ]);
    const users = await queryRows<{ username: string; unit_code: string }>(
      database.db,
      sql`select username, unit_code from users where username in ('admin', 'quocgia', 'xa')
          order by username`,
    );
    expect(users).toEqual([
      { username: "admin", unit_code: "51" },
      { username: "quocgia", unit_code: "51" },
      { username: "xa", unit_code: "23344" },
    ]);
    // Every new unit has its predecessors in the database: both old provinces are loaded. A
    // village moved under its new xã keeps its code in a new version, without a lineage link.
    const orphans = await queryRows<{ code: string }>(
      database.db,
      sql`select code from admin_units u
           where valid_from = '2025-07-01' and level <> 'village' and not exists (
            select 1 from unit_successors l
             where l.successor_code = u.code and l.successor_valid_from = u.valid_from)`,
    );
    expect(orphans).toEqual([]);
  });

  it("ends the old recognition under the kept code of the merged xã whose former communes were all recognised", async () => {
    // Xã Sa Loong (23392) = Đắk Kan (23392) + Sa Loong (23398), both recognised in 2022.
    const rows = await queryRows<{ unit_code: string; ended: string | null }>(
      database.db,
      sql`select unit_code, ended_on::text as ended from recognised_levels
           where decision_date < '2025-07-01' and ended_on is not null order by unit_code`,
    );
    expect(rows).toEqual([{ unit_code: "23392", ended: "2025-07-01" }]);
  });

  it("tells a believable story: progress each year, some recognised communes, some lagging", async () => {
    const [y2022, y2024] = [
      await provinceAverage(database, 2022),
      await provinceAverage(database, 2024),
    ];
    expect(y2024.avg).toBeGreaterThan(y2022.avg);
    expect(y2024.standard).toBeGreaterThan(y2022.standard);
    expect(y2022.below10).toBeGreaterThan(0);
    const demo = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from assessments where demo`,
    );
    expect(demo[0]?.n).toBeGreaterThan(200);
  });

  it("evaluates a commune under the set in force for the year: 19 criteria in 2024, 10 in 2026", async () => {
    // 23344: Xã Đắk Blô until 30/6/2025, Xã Đăk Plô (with Đắk Man and Đắk Nhoong) from 1/7/2025.
    const code = "23344";
    const y2024 = await evaluateUnit(database.db, { unitCode: code, year: 2024 });
    const y2026 = await evaluateUnit(database.db, { unitCode: code, year: 2026 });
    expect(y2024.set.code).toBe("kon-tum-commune-2021-2025");
    expect(y2024.result.criteriaTotal).toBe(19);
    expect(y2026.set.code).toBe("vn-commune-2026-2030");
    expect(y2026.result.criteriaTotal).toBe(10);
    expect(y2026.result.classValue).toMatch(/^[123]$/);
  });

  it("holds 2026 values on the 10 criteria of the 2026–2030 set for the new xã formed from Kon Tum, as demo data", async () => {
    const rows = await queryRows<{ n: number; total: number; demo: boolean; code: string }>(
      database.db,
      sql`select count(*)::int as n, min(r.criteria_total)::int as total, bool_and(a.demo) as demo,
                 min(s.code) as code
            from evaluation_results r
            join assessments a on a.unit_code = r.unit_code and a.year = r.year
            join criteria_sets s on s.id = r.set_id
           where r.year = 2026`,
    );
    // The 37 new xã formed from Kon Tum communes; old Quảng Ngãi's have no demo values.
    expect(rows[0]?.n).toBe(37);
    expect(rows[0]).toMatchObject({ total: 10, demo: true, code: "vn-commune-2026-2030" });
  });

  it("has one dossier of province 51 in its public posting now, with 2 approved and 1 waiting comment", async () => {
    const rows = await queryRows<{
      id: number;
      step: string;
      statuses: string[];
      username: string;
    }>(
      database.db,
      sql`select d.id, d.current_step as step,
                 array_agg(f.status order by f.status) as statuses, min(u.username) as username
            from dossiers d
            join dossier_feedback f on f.dossier_id = d.id and f.province_code = '51'
            join users u on u.unit_code = d.unit_code and u.role = 'commune_officer'
           group by d.id, d.current_step`,
    );
    expect(rows).toMatchObject([
      { step: "public_posting", statuses: ["approved", "approved", "pending"], username: "xa-qng" },
    ]);
  });

  it("holds 2025 values on the new units only, the commune officer's own xã left to enter", async () => {
    const rows = await queryRows<{ code: string; valid_from: string }>(
      database.db,
      sql`select a.unit_code as code, u.valid_from::text from assessments a
            join admin_units u on u.code = a.unit_code
             and u.valid_from <= '2025-12-31' and (u.valid_to is null or u.valid_to >= '2025-12-31')
           where a.year = 2025`,
    );
    expect(rows.length).toBe(36);
    expect(rows.every((row) => row.valid_from === "2025-07-01")).toBe(true);
    expect(rows.map((row) => row.code)).not.toContain("23344");
  });

  it("holds the OCOP registry's own figures after the reform, not typed demo values", async () => {
    // Typing 13.6 / 3.4 is refused once the registry is in use, so the seed must not leave its
    // random figures there: writing the registry's figures again changes nothing.
    const changed = await resyncOcopRegistry(database.db, {
      provinceCode: "51",
      by: systemUser,
      now: new Date(),
    });
    expect(changed).toBe(0);
    const rows = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from assessment_values
           where indicator_code = '3.4' and year = 2026 and note like 'Sổ sản phẩm OCOP%'`,
    );
    expect(rows[0]?.n).toBe(37);
  });

  it("does nothing the second time with --if-empty", async () => {
    const before = await count(database, "assessment_values");
    await seedDemo(database, { ifEmpty: true, log: () => undefined });
    expect(await count(database, "assessment_values")).toBe(before);
  });
});

describe("ntm backup / restore", () => {
  it("restores every row into an empty database, with the same evaluations", async () => {
    const file = join(folder, "backup.jsonl.gz");
    await backupDatabase(database, file, { dataDir: folder });
    const target = await createTestDatabase();
    try {
      await restoreDatabase(target, file, { dataDir: join(folder, "restored") });
      const tables = await backupTables(database.db);
      for (const table of [
        "targets",
        "commune_plans",
        "dossiers",
        "unit_boundaries",
        "obstacles",
      ]) {
        expect(tables, table).toContain(table);
      }
      for (const table of tables) {
        // The restore adds its own row to the audit log.
        const added = table === "audit_log" ? 1 : 0;
        expect(await count(target, table), table).toBe((await count(database, table)) + added);
      }
      const code = (
        await queryRows<{ unit_code: string }>(
          target.db,
          sql`select unit_code from assessments limit 1`,
        )
      )[0]?.unit_code as string;
      const original = await evaluateUnit(database.db, { unitCode: code, year: 2024 });
      const restored = await evaluateUnit(target.db, { unitCode: code, year: 2024 });
      expect(restored.result.criteriaMet).toBe(original.result.criteriaMet);
      expect(restored.result.level).toBe(original.result.level);
    } finally {
      await target.close();
    }
  });

  it("refuses a file that is not a backup and keeps the data", async () => {
    const file = join(folder, "not-a-backup.gz");
    writeFileSync(file, "plain text");
    const before = await count(database, "assessment_values");
    await expect(restoreDatabase(database, file, { dataDir: folder })).rejects.toThrow(
      "không phải bản sao lưu",
    );
    expect(await count(database, "assessment_values")).toBe(before);
  });
});
