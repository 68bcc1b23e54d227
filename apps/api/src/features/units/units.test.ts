import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "@ntm/db";
import type { UnitDetail, UnitDto, UnitImportRow } from "@ntm/contracts";
import { countStatements } from "../../test/count-statements.ts";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.ts";
import { systemUser } from "../auth/index.ts";
import { importUnits } from "./units.service.ts";

let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ["admin", "huyen", "xa1"]) cookies[user] = await loginAs(t.app, user);
});
afterAll(() => t.close());

function get(user: string, url: string) {
  return t.app.inject({ method: "GET", url, headers: { cookie: cookies[user] as string } });
}

async function list(user: string, query = "") {
  const response = await get(user, `/api/units${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ asOf: string; units: UnitDto[] }>();
}

const codes = (units: UnitDto[]) => units.map((unit) => unit.code);

async function countRows(table: "admin_units" | "unit_successors" | "audit_log") {
  const rows = await queryRows<{ n: number }>(
    t.database.db,
    sql`select count(*)::int as n from ${sql.identifier(table)}`,
  );
  return rows[0]?.n;
}

describe("listing", () => {
  it("lists the user's own scope unit when no parent is given", async () => {
    const admin = await list("admin");
    expect(admin.asOf).toBe("2024-06-15");
    expect(admin.units).toHaveLength(1);
    expect(admin.units[0]).toMatchObject({
      code: "P01",
      name: "Tỉnh Thử Nghiệm",
      level: "province",
      parentCode: null,
      region: "TN",
      childCount: 2,
    });
    const commune = await list("xa1");
    expect(codes(commune.units)).toEqual(["X01"]);
    expect(commune.units[0]).toMatchObject({ level: "commune", assessed: true, childCount: 0 });
  });

  it("lists the children of a parent in Vietnamese name order, with their child counts", async () => {
    const province = await list("admin", "?parent=P01");
    // "Huyện Đăk Glei" before "Huyện Tu Mơ Rông": Đ sorts right after D in Vietnamese.
    expect(province.units.map((unit) => [unit.code, unit.childCount])).toEqual([
      ["D01", 3],
      ["D02", 1],
    ]);
    const district = await list("huyen", "?parent=D01");
    expect(district.units.map((unit) => unit.name)).toEqual([
      "Thị trấn Đăk Glei",
      "Xã Đăk Choong",
      "Xã Đăk Pék",
    ]);
    expect(district.units.find((unit) => unit.code === "W01")?.assessed).toBe(false);
  });

  it.each(["D01", "P01", "X02"])(
    "refuses a commune officer the children of %s with 403",
    async (parent) => {
      const response = await get("xa1", `/api/units?parent=${parent}`);
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe("FORBIDDEN");
      expect(response.json().error.message).toMatch(/ngoài phạm vi/);
    },
  );

  it("refuses a district the children of the province with 403", async () => {
    expect((await get("huyen", "/api/units?parent=P01")).statusCode).toBe(403);
  });

  it("finds a commune by name without diacritics", async () => {
    const found = await list("admin", "?q=dak%20pek");
    expect(codes(found.units)).toEqual(["X01"]);
    expect(found.units[0]?.name).toBe("Xã Đăk Pék");
    const many = await list("admin", "?q=%C4%90%C4%82K");
    expect(codes(many.units).sort()).toEqual(["D01", "W01", "X01", "X02"]);
  });

  it("searches only inside the user's scope and filters by level", async () => {
    expect(codes((await list("huyen", "?q=te%20xang")).units)).toEqual([]);
    expect(codes((await list("admin", "?q=te%20xang")).units)).toEqual(["X03"]);
    const districts = await list("admin", "?level=district");
    expect(codes(districts.units).sort()).toEqual(["D01", "D02"]);
  });

  it("refuses a malformed asOf with 400", async () => {
    const response = await get("admin", "/api/units?asOf=15/06/2024");
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("VALIDATION_FAILED");
  });

  it("requires a session", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/units" });
    expect(response.statusCode).toBe(401);
  });
});

describe("detail", () => {
  it("returns the path from the province down to the unit", async () => {
    const response = await get("xa1", "/api/units/X01");
    expect(response.statusCode).toBe(200);
    const detail = response.json<UnitDetail>();
    expect(detail).toMatchObject({ code: "X01", name: "Xã Đăk Pék", parentCode: "D01" });
    expect(detail.path).toEqual([
      { code: "P01", name: "Tỉnh Thử Nghiệm", level: "province" },
      { code: "D01", name: "Huyện Đăk Glei", level: "district" },
      { code: "X01", name: "Xã Đăk Pék", level: "commune" },
    ]);
    expect(detail.predecessors).toEqual([]);
    expect(detail.successors).toEqual([]);
  });

  it("refuses another commune's detail with 403", async () => {
    expect((await get("xa1", "/api/units/X02")).statusCode).toBe(403);
  });

  it("answers an unknown code with 404 in Vietnamese", async () => {
    const response = await get("admin", "/api/units/ZZ99");
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: "NOT_FOUND", message: "Không tìm thấy đơn vị hành chính mã ZZ99." },
    });
  });
});

describe("import and history (asOf)", () => {
  it("refuses an import with an unknown parent code with 400 and writes nothing", async () => {
    const before = await Promise.all([
      countRows("admin_units"),
      countRows("unit_successors"),
      countRows("audit_log"),
    ]);
    const attempt = importUnits(t.database.db, {
      user: systemUser,
      rows: [
        {
          code: "X20",
          name: "Xã Mới",
          level: "commune",
          parentCode: "D02",
          validFrom: "2024-01-01",
          flags: [],
        },
        {
          code: "X21",
          name: "Xã Lạc",
          level: "commune",
          parentCode: "D99",
          validFrom: "2024-01-01",
          flags: [],
        },
      ],
    });
    await expect(attempt).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      details: [
        { path: "2.parentCode", message: "Dòng 2 (X21): không có đơn vị cấp trên mã D99." },
      ],
    });
    const after = await Promise.all([
      countRows("admin_units"),
      countRows("unit_successors"),
      countRows("audit_log"),
    ]);
    expect(after).toEqual(before);
    expect((await get("admin", "/api/units/X20")).statusCode).toBe(404);
  });

  it("imports a merger: communes X01 and X02 become X10 directly under the province", async () => {
    const result = await importUnits(t.database.db, {
      user: systemUser,
      rows: [
        {
          code: "D01",
          name: "Huyện Đăk Glei",
          level: "district",
          parentCode: "P01",
          validFrom: "2008-01-01",
          validTo: "2025-06-30",
          region: "TN",
          flags: [],
        },
        {
          code: "X01",
          name: "Xã Đăk Pék",
          level: "commune",
          parentCode: "D01",
          validFrom: "2008-01-01",
          validTo: "2025-06-30",
          region: "TN",
          flags: [],
          successorCode: "X10",
        },
        {
          code: "X02",
          name: "Xã Đăk Choong",
          level: "commune",
          parentCode: "D01",
          validFrom: "2008-01-01",
          validTo: "2025-06-30",
          region: "TN",
          flags: [],
          successorCode: "X10",
        },
        {
          code: "X10",
          name: "Xã Đăk Plô",
          level: "commune",
          parentCode: "P01",
          validFrom: "2025-07-01",
          region: "TN",
          flags: [],
        },
      ],
    });
    expect(result).toEqual({ units: 4, links: 2 });
  });

  it("shows the tree as it was before the merger", async () => {
    const province = await list("admin", "?parent=P01&asOf=2024-12-31");
    expect(province.asOf).toBe("2024-12-31");
    expect(province.units.map((unit) => [unit.code, unit.childCount])).toEqual([
      ["D01", 3],
      ["D02", 1],
    ]);
    const district = await list("admin", "?parent=D01&asOf=2024-12-31");
    expect(codes(district.units)).toEqual(["W01", "X02", "X01"]);
    expect(district.units.find((unit) => unit.code === "X01")?.validTo).toBe("2025-06-30");
    // The day before the merger takes effect still belongs to the old tree.
    expect(codes((await list("admin", "?parent=P01&asOf=2025-06-30")).units)).toEqual([
      "D01",
      "D02",
    ]);
  });

  it("shows the tree as it is after the merger", async () => {
    const province = await list("admin", "?parent=P01&asOf=2025-12-31");
    expect(province.units.map((unit) => [unit.code, unit.level, unit.childCount])).toEqual([
      ["D02", "district", 1],
      ["X10", "commune", 0],
    ]);
    const root = await list("admin", "?asOf=2025-07-01");
    expect(root.units[0]?.childCount).toBe(2);
    expect(codes((await list("admin", "?q=dak&asOf=2025-12-31")).units)).toEqual(["X10"]);
  });

  const link = (code: string, validFrom: string, name: string) => ({
    code,
    validFrom,
    name,
    kind: "full",
    effectiveDate: "2025-07-01",
  });

  it("lists the merged communes as predecessors of the new one, and the new one as their successor", async () => {
    const response = await get("admin", "/api/units/X10?asOf=2025-12-31");
    expect(response.statusCode).toBe(200);
    const detail = response.json<UnitDetail>();
    expect(detail.path.map((step) => step.code)).toEqual(["P01", "X10"]);
    expect([...detail.predecessors].sort((a, b) => a.code.localeCompare(b.code))).toEqual([
      link("X01", "2008-01-01", "Xã Đăk Pék"),
      link("X02", "2008-01-01", "Xã Đăk Choong"),
    ]);
    expect(detail.successors).toEqual([]);

    const old = (await get("admin", "/api/units/X01?asOf=2025-12-31")).json<UnitDetail>();
    expect(old.successors).toEqual([link("X10", "2025-07-01", "Xã Đăk Plô")]);
    expect(old.path.map((step) => step.code)).toEqual(["P01", "D01", "X01"]);
  });

  it("keeps the old commune's officer on the old commune after the merger", async () => {
    const response = await get("xa1", "/api/units/X10?asOf=2025-12-31");
    expect(response.statusCode).toBe(403);
    expect((await get("xa1", "/api/units/X01?asOf=2024-12-31")).statusCode).toBe(200);
  });
});

describe("import of a large file", () => {
  // Names a row-by-row literal would break: quotes, commas, braces, a backslash, the word NULL.
  const names = ['Xã "Một", {Hai}', "Xã \\ Ba", "NULL", "Xã Bốn"];
  /** A province with `size` communes; every tenth one merged on 1/7/2025 into a commune formed in 2020. */
  const fileOf = (prefix: string, size: number): UnitImportRow[] => [
    {
      code: `${prefix}P`,
      name: `Tỉnh ${prefix}`,
      level: "province",
      validFrom: "2008-01-01",
      flags: [],
    },
    ...Array.from({ length: size }, (_, index): UnitImportRow => {
      const merged = index % 10 === 1;
      return {
        code: `${prefix}${index}`,
        name: names[index % names.length] as string,
        level: "commune",
        parentCode: `${prefix}P`,
        validFrom: "2008-01-01",
        validTo: merged ? "2025-06-30" : null,
        region: index % 2 === 0 ? "TN" : null,
        flags: index % 3 === 0 ? ["safeZone", "ethnicZoneIII"] : [],
        successorCode: merged ? `${prefix}N` : null,
      };
    }),
    {
      code: `${prefix}N`,
      name: "Xã Mới",
      level: "commune",
      parentCode: `${prefix}P`,
      validFrom: "2020-01-01",
      flags: [],
    },
  ];

  async function importCounted(rows: UnitImportRow[]) {
    const counter = countStatements(t.database.db);
    try {
      const result = await importUnits(t.database.db, { user: systemUser, rows });
      // The embedded database's statistics refresh after a large import is not a write.
      const writes = counter.statements.filter((statement) => !/^\s*analyze\b/i.test(statement));
      return { result, statements: writes.length };
    } finally {
      counter.stop();
    }
  }

  it("writes 2,500 units and their links in as many statements as 12, each unit as written", async () => {
    const small = await importCounted(fileOf("S", 12));
    const large = await importCounted(fileOf("L", 2500));
    expect(small.result).toEqual({ units: 14, links: 2 });
    expect(large.result).toEqual({ units: 2502, links: 250 });
    expect(large.statements).toBe(small.statements);

    const stored = await queryRows<{
      code: string;
      name: string;
      region: string | null;
      flags: string[];
      validTo: string | null;
      assessed: boolean;
    }>(
      t.database.db,
      sql`select code, name, region, flags, valid_to::text as "validTo", assessed from admin_units
            where code like 'L%' and code <> 'LP' and code <> 'LN'`,
    );
    expect(stored).toHaveLength(2500);
    const expected = new Map(fileOf("L", 2500).map((row) => [row.code, row]));
    for (const row of stored) {
      const sent = expected.get(row.code) as UnitImportRow;
      expect(row).toEqual({
        code: sent.code,
        name: sent.name,
        region: sent.region,
        flags: sent.flags,
        validTo: sent.validTo,
        assessed: true,
      });
    }
    const links = await queryRows<{ n: number; successors: string }>(
      t.database.db,
      sql`select count(*)::int as n, string_agg(distinct successor_code || '@' || successor_valid_from::text, ',') as successors
            from unit_successors where predecessor_code like 'L%'`,
    );
    // Linked to the version of the successor in force on the day of the merger.
    expect(links[0]).toEqual({ n: 250, successors: "LN@2020-01-01" });
  });
});
