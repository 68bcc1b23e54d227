import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "@ntm/db";
import type { NewVersion } from "@ntm/domain";
import type { ReformImportResult, UnitDetail, UnitDto } from "@ntm/contracts";
import { createTestApp, loginAs, testPassword, type TestApp } from "../../test/test-app.ts";
import { systemUser } from "../auth/index.ts";
import { createUser } from "../users/index.ts";
import { insertVersions } from "./reform-import.repository.ts";

const folder = new URL("../../../../../data/", import.meta.url);
const splits = JSON.parse(
  readFileSync(new URL("admin-units-2025/splits.json", folder), "utf8"),
) as {
  data: { level1_id: string; name: string; level3s: { level3_id: string; name: string }[] }[];
};
const regionOf = new Map(
  (
    JSON.parse(readFileSync(new URL("regions/province-regions.json", folder), "utf8")) as {
      provinces: { code: string; region: string }[];
    }
  ).provinces.map((p) => [p.code, p.region]),
);
/** The five island districts the reform turned into đặc khu, with their old province. */
const islandDistricts = [
  ["318", "31"],
  ["471", "45"],
  ["498", "48"],
  ["536", "51"],
  ["755", "77"],
] as const;

/**
 * The tree before the reform, from the data's own list of old units: each old province with one
 * district holding its communes, and the island districts. `only` keeps one old province.
 */
function oldTree(only?: string): NewVersion[] {
  const version = (
    code: string,
    name: string,
    level: NewVersion["level"],
    parentCode: string | null,
    region: string | null,
  ): NewVersion => ({
    code,
    name: name.trim(),
    level,
    parentCode,
    validFrom: "2008-08-01",
    region,
    regionCandidates: null,
    assessed: name.trim().startsWith("Xã "),
  });
  return splits.data
    .filter((p) => !only || p.level1_id === only)
    .flatMap((p) => {
      const region = regionOf.get(p.level1_id) ?? null;
      const district = `H${p.level1_id}`;
      return [
        version(p.level1_id, p.name, "province", null, region),
        version(district, `Huyện thử ${p.level1_id}`, "district", p.level1_id, region),
        ...islandDistricts
          .filter(([, province]) => province === p.level1_id)
          .map(([code]) => version(code, `Huyện đảo ${code}`, "district", p.level1_id, region)),
        ...p.level3s.map((c) => version(c.level3_id, c.name, "commune", district, region)),
      ];
    });
}

async function count(t: TestApp, table: "admin_units" | "unit_successors" | "audit_log") {
  const rows = await queryRows<{ n: number }>(
    t.database.db,
    sql`select count(*)::int as n from ${sql.identifier(table)}`,
  );
  return rows[0]?.n ?? 0;
}

const snapshot = (t: TestApp) =>
  Promise.all([count(t, "admin_units"), count(t, "unit_successors"), count(t, "audit_log")]);

function post(t: TestApp, cookie: string, payload: object) {
  return t.app.inject({
    method: "POST",
    url: "/api/admin/reform-import",
    headers: { cookie },
    payload,
  });
}

async function imported(t: TestApp, cookie: string, payload: object) {
  const response = await post(t, cookie, payload);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ReformImportResult>();
}

describe("the national pre-reform tree (63 provinces, 10,047 communes)", () => {
  let t: TestApp;
  let national: string;
  beforeAll(async () => {
    t = await createTestApp();
    await insertVersions(t.database.db, oldTree());
    national = await loginAs(t.app, "quocgia");
  });
  afterAll(() => t?.close());

  it("a dry run (the default) reports the whole reform and writes nothing", async () => {
    const before = await snapshot(t);
    const result = await imported(t, national, {});
    expect(result.dryRun).toBe(true);
    expect(result.create).toEqual({
      provinces: 34,
      units: 3321,
      xa: 2621,
      phuong: 687,
      dacKhu: 13,
    });
    expect(await snapshot(t)).toEqual(before);
  });

  it("imports 34 provinces and 3,321 units, closes the old tree, links every unit with its kind", async () => {
    const before = await snapshot(t);
    const result = await imported(t, national, { dryRun: false });
    expect(result.source).toEqual({
      provinces: 34,
      units: 3321,
      xa: 2621,
      phuong: 687,
      dacKhu: 13,
    });
    expect(result.create).toEqual({
      provinces: 34,
      units: 3321,
      xa: 2621,
      phuong: 687,
      dacKhu: 13,
    });
    expect(result.close).toEqual({ provinces: 63, districts: 68, communes: 10047 });
    expect(result.links).toEqual({ full: 9655, partial: 1012, alreadyPresent: 0 });
    expect(result.oldCommunesWithoutSuccessor).toEqual([]);
    expect(result.newUnitsWithoutPredecessor).toEqual([]);
    expect(result.missingInDatabase).toEqual([]);
    expect(result.newUnitsWithoutPredecessorInDatabase).toEqual([]);
    expect(result.closedWithoutSuccessor).toEqual([]);
    // The test provinces P01 and P02 are not in the data: left as they are.
    expect(result.notInData).toEqual([]);
    expect(result.regionChoices.map((choice) => [choice.code, choice.candidates])).toEqual([
      ["24", ["DBSH", "TDMNPB"]],
      ["25", ["DBSH", "TDMNPB"]],
      ["51", ["DHNTB", "TN"]],
      ["52", ["DHNTB", "TN"]],
      ["66", ["DHNTB", "TN"]],
      ["68", ["DHNTB", "TN"]],
      ["80", ["DBSCL", "DNB"]],
    ]);
    const [units, links, audit] = await snapshot(t);
    expect(units - (before[0] ?? 0)).toBe(3355);
    expect(links - (before[1] ?? 0)).toBe(10667);
    expect(audit - (before[2] ?? 0)).toBe(1);
    const [entry] = await queryRows<{ kind: string; new: { closed: object } }>(
      t.database.db,
      sql`select action as kind, new_value as new from audit_log order by id desc limit 1`,
    );
    expect(entry).toMatchObject({
      kind: "units.reform.import",
      new: { closed: { provinces: 63, districts: 68, communes: 10047 } },
    });
  });

  it("stores the new units as the data types them: only xã are assessed, each under its province", async () => {
    const rows = await queryRows<{ assessed: boolean; n: number; parents: number }>(
      t.database.db,
      sql`select assessed, count(*)::int as n, count(distinct parent_code)::int as parents
            from admin_units where valid_from = '2025-07-01' and level = 'commune' group by assessed
            order by assessed`,
    );
    expect(rows).toEqual([
      { assessed: false, n: 700, parents: 34 },
      { assessed: true, n: 2621, parents: 34 },
    ]);
    const [province] = await queryRows<{ region: string | null; candidates: string[] | null }>(
      t.database.db,
      sql`select region, region_candidates as candidates from admin_units
            where code = '51' and valid_from = '2025-07-01'`,
    );
    expect(province).toEqual({ region: null, candidates: ["DHNTB", "TN"] });
  });

  it("a second run changes nothing and says so", async () => {
    const before = await snapshot(t);
    const result = await imported(t, national, { dryRun: false });
    expect(result.unchanged).toBe(true);
    expect(result.create).toEqual({ provinces: 0, units: 0, xa: 0, phuong: 0, dacKhu: 0 });
    expect(result.alreadyPresent).toBe(3355);
    expect(result.close).toEqual({ provinces: 0, districts: 0, communes: 0 });
    expect(result.links).toEqual({ full: 0, partial: 0, alreadyPresent: 10667 });
    expect(await snapshot(t)).toEqual(before);
  });
});

describe("a provincial installation: old Kon Tum (62) becomes part of Quảng Ngãi (51)", () => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp();
    await insertVersions(t.database.db, oldTree("62"));
    for (const user of ["quocgia", "admin"]) cookies[user] = await loginAs(t.app, user);
  });
  afterAll(() => t?.close());

  it("a province administrator may not import the reform: 403 with the reason, nothing written", async () => {
    const before = await snapshot(t);
    const response = await post(t, cookies.admin as string, { dryRun: false, province: "62" });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toBe(
      "Chỉ quản trị cấp quốc gia được nhập sắp xếp đơn vị hành chính 2025.",
    );
    expect(await snapshot(t)).toEqual(before);
  });

  it("a province administrator may not create a national administrator account: 403, nothing written", async () => {
    const before = await snapshot(t);
    const response = await t.app.inject({
      method: "POST",
      url: "/api/users",
      headers: { cookie: cookies.admin as string },
      payload: {
        username: "quocgia2",
        password: "mat-khau-dai-hon-12",
        role: "national_admin",
        unitCode: "P01",
      },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toBe(
      "Tài khoản quản trị cấp quốc gia chỉ được tạo và quản lý bằng dòng lệnh của hệ thống.",
    );
    expect(await snapshot(t)).toEqual(before);
  });

  it("refuses an unknown province code with 400 and writes nothing", async () => {
    const before = await snapshot(t);
    const response = await post(t, cookies.quocgia as string, { dryRun: false, province: "63" });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain("Không có tỉnh mã 63");
    expect(await snapshot(t)).toEqual(before);
  });

  it("imports new Quảng Ngãi from the old code 62: reports the old Quảng Ngãi units it lacks, invents none", async () => {
    const result = await imported(t, cookies.quocgia as string, { dryRun: false, province: "62" });
    expect(result.provinces).toEqual(["51"]);
    expect(result.create).toMatchObject({ provinces: 1, units: 96, xa: 86 });
    expect(result.close).toEqual({ provinces: 1, districts: 1, communes: 102 });
    // 102 old communes of Kon Tum and the province itself, all wholly taken over.
    expect(result.links).toEqual({ full: 103, partial: 0, alreadyPresent: 0 });
    expect(result.missingInDatabase).toHaveLength(172);
    expect(result.missingInDatabase).toContain("51");
    expect(result.missingInDatabase).toContain("536");
    expect(result.newUnitsWithoutPredecessorInDatabase).toHaveLength(56);
    expect(result.oldCommunesWithoutSuccessor).toEqual([]);
    expect(result.closedWithoutSuccessor).toEqual([]);
    const again = await imported(t, cookies.quocgia as string, { dryRun: false, province: "51" });
    expect(again.unchanged).toBe(true);
  });

  describe("identity across the reform (ADR 0011)", () => {
    const get = (user: string, url: string) =>
      t.app.inject({ method: "GET", url, headers: { cookie: cookies[user] as string } });

    beforeAll(async () => {
      for (const [username, role, unitCode] of [
        ["qn", "province_admin", "51"],
        ["kt", "coordination_office", "62"],
        ["dakman", "commune_officer", "23347"],
      ] as const) {
        await createUser(t.database.db, {
          input: { username, password: testPassword, role, unitCode },
          by: systemUser,
        });
        cookies[username] = await loginAs(t.app, username);
      }
    });

    it("a reused code names two versions: new 23344 Đăk Plô is formed from old 23344 Đắk Blô, 23347, 23350", async () => {
      const now = (await get("quocgia", "/api/units/23344?asOf=2026-01-01")).json<UnitDetail>();
      expect([now.name, now.validFrom, now.path.map((step) => step.code)]).toEqual([
        "Xã Đăk Plô",
        "2025-07-01",
        ["51", "23344"],
      ]);
      const predecessors = now.predecessors.map((p) => [p.code, p.validFrom, p.name, p.kind]);
      expect(predecessors.sort()).toEqual([
        ["23344", "2008-08-01", "Xã Đắk Blô", "full"],
        ["23347", "2008-08-01", "Xã Đắk Man", "full"],
        ["23350", "2008-08-01", "Xã Đắk Nhoong", "full"],
      ]);
      const then = (await get("quocgia", "/api/units/23344?asOf=2024-12-31")).json<UnitDetail>();
      expect([then.name, then.validTo]).toEqual(["Xã Đắk Blô", "2025-06-30"]);
      expect(then.successors.map((s) => [s.code, s.validFrom, s.name])).toEqual([
        ["23344", "2025-07-01", "Xã Đăk Plô"],
      ]);
    });

    it("a user of new 51 sees the 2026 tree and the history of the old Kon Tum communes", async () => {
      const children = await get("qn", "/api/units?parent=51&asOf=2026-06-30");
      expect(children.statusCode).toBe(200);
      expect(children.json<{ units: UnitDto[] }>().units).toHaveLength(96);
      expect((await get("qn", "/api/units/23347?asOf=2024-12-31")).statusCode).toBe(200);
      expect((await get("qn", "/api/units/62?asOf=2024-12-31")).statusCode).toBe(200);
      // Before 1/7/2025 the code 51 names the old province, which this database does not hold:
      // the user is shown the new province, from its first day.
      const own = (await get("qn", "/api/units/51?asOf=2024-12-31")).json<UnitDetail>();
      expect([own.validFrom, own.predecessors.map((p) => p.code)]).toEqual(["2025-07-01", ["62"]]);
    });

    it("an account on a closed unit keeps its history and gains nothing after the reform", async () => {
      expect((await get("dakman", "/api/units/23347?asOf=2024-12-31")).statusCode).toBe(200);
      expect((await get("dakman", "/api/units/23344?asOf=2026-01-01")).statusCode).toBe(403);
      expect((await get("kt", "/api/units/23350?asOf=2024-12-31")).statusCode).toBe(200);
      expect((await get("kt", "/api/units?parent=51&asOf=2026-06-30")).statusCode).toBe(403);
      // Another province's administrator sees neither.
      expect((await get("admin", "/api/units/23347?asOf=2024-12-31")).statusCode).toBe(403);
    });

    it("a year's result belongs to the version in force on 31/12: 2024 to the old units, 2025 to the new", async () => {
      await queryRows(
        t.database.db,
        sql`insert into evaluation_results (unit_code, year, set_id, criteria_met, criteria_total, level, values_entered)
            select code, year, (select min(id) from criteria_sets), met, 19, null, 1
              from (values ('23344', 2024, 17), ('23347', 2024, 12), ('23347', 2025, 13),
                           ('23344', 2025, 9)) as r(code, year, met)`,
      );
      const response = await get("qn", "/api/units/23344/comparison");
      expect(response.statusCode, response.body).toBe(200);
      const years = response.json<{
        years: {
          year: number;
          own: { criteriaMet: number } | null;
          predecessors: { unitCode: string; criteriaMet: number }[];
        }[];
      }>().years;
      expect(
        years.map((row) => [
          row.year,
          row.own?.criteriaMet ?? null,
          row.predecessors.map((p) => `${p.unitCode}:${p.criteriaMet}`),
        ]),
      ).toEqual([
        [2024, null, ["23344:17", "23347:12"]],
        // 23347 ended on 30/6/2025: its 2025 result stays the old commune's.
        [2025, 9, ["23347:13"]],
      ]);
    });
  });
});
