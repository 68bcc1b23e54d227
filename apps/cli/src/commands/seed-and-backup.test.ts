import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, queryRows, type Database } from "@ntm/db";
import { evaluateUnit } from "@ntm/api";
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
});
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
      ]),
    );
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
    const code = (
      await queryRows<{ unit_code: string }>(
        database.db,
        sql`select unit_code from assessments limit 1`,
      )
    )[0]?.unit_code as string;
    const y2024 = await evaluateUnit(database.db, { unitCode: code, year: 2024 });
    const y2026 = await evaluateUnit(database.db, { unitCode: code, year: 2026 });
    expect(y2024.set.code).toBe("kon-tum-commune-2021-2025");
    expect(y2024.result.criteriaTotal).toBe(19);
    expect(y2026.set.code).toBe("vn-commune-2026-2030");
    expect(y2026.result.criteriaTotal).toBe(10);
    expect(y2026.result.classValue).toMatch(/^[123]$/);
  });

  it("holds 2026 values on the 10 criteria of the 2026–2030 set for a district's communes, as demo data", async () => {
    const rows = await queryRows<{ n: number; total: number; demo: boolean; code: string }>(
      database.db,
      sql`select count(*)::int as n, min(r.criteria_total)::int as total, bool_and(a.demo) as demo,
                 min(s.code) as code
            from evaluation_results r
            join assessments a on a.unit_code = r.unit_code and a.year = r.year
            join criteria_sets s on s.id = r.set_id
           where r.year = 2026`,
    );
    expect(rows[0]?.n).toBeGreaterThanOrEqual(3);
    expect(rows[0]).toMatchObject({ total: 10, demo: true, code: "vn-commune-2026-2030" });
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
