import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DepartmentListItem, UnitComparisonResponse, UnitMapResponse } from "@ntm/contracts";
import { tables } from "@ntm/db";
import { eq } from "drizzle-orm";
import { AppError } from "../../http/app-error.ts";
import { systemUser } from "../auth/index.ts";
import { importUnits } from "../units/index.ts";
import { insertDepartment } from "../users/index.ts";
import { createTestApp, fixedNow, loginAs, type TestApp } from "../../test/test-app.ts";
import { importBoundaries } from "./maps.service.ts";

let t: TestApp;
const cookies: Record<string, string> = {};
const versions: Record<string, number> = {};

function get(user: string, url: string) {
  return t.app.inject({ method: "GET", url, headers: { cookie: cookies[user] as string } });
}

async function ok<T>(user: string, url: string) {
  const response = await get(user, url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
}

async function save(
  code: string,
  year: number,
  values: { indicatorCode: string; value: number | boolean }[],
) {
  const key = `${code}:${year}`;
  const response = await t.app.inject({
    method: "PUT",
    url: `/api/units/${code}/assessments/${year}/values`,
    headers: { cookie: cookies.admin as string },
    payload: { version: versions[key] ?? 0, values },
  });
  expect(response.statusCode, response.body).toBe(200);
  versions[key] = response.json<{ assessment: { version: number } }>().assessment.version;
}

const allMet = [
  { indicatorCode: "3.1", value: 95 },
  { indicatorCode: "3.2", value: true },
  { indicatorCode: "10.1", value: 60 },
  { indicatorCode: "10.2", value: 2 },
];
const nothing = [{ indicatorCode: "3.1", value: 40 }];
const nothingAgain = [
  { indicatorCode: "3.1", value: 40 },
  { indicatorCode: "10.1", value: 30 },
  { indicatorCode: "10.2", value: 4 },
];

/** A square of 0.1° at a longitude offset, closed. */
const square = (x: number) => ({
  type: "Polygon",
  coordinates: [
    [
      [107 + x, 14.5],
      [107.1 + x, 14.5],
      [107.1 + x, 14.6],
      [107 + x, 14.6],
      [107 + x, 14.5],
    ],
  ],
});
const shapes = (codes: string[]) => ({
  type: "FeatureCollection",
  features: codes.map((code, index) => ({
    type: "Feature",
    properties: { ma: code },
    geometry: square(index / 10),
  })),
});

function importFile(document: unknown) {
  return importBoundaries(t.database.db, {
    user: systemUser,
    document,
    codeProperty: "ma",
    source: "thu-nghiem.geojson",
    schematic: true,
    now: fixedNow,
  });
}

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ["admin", "vpdp", "so-nn", "huyen", "xem"]) {
    cookies[user] = await loginAs(t.app, user);
  }
  await save("X01", 2022, nothing);
  await save("X02", 2022, nothing);
  await save("X01", 2024, allMet);
  await save("X02", 2024, nothing);
  await save("X03", 2024, nothing);
});
afterAll(() => t.close());

describe("importing boundaries", () => {
  it("refuses a file with a bad feature, listing each problem in Vietnamese, and stores nothing", async () => {
    const bad = shapes(["X01", "X99"]);
    const error = await importFile(bad).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe(
      "Tệp ranh giới không hợp lệ (1 lỗi); chưa ghi dữ liệu nào.",
    );
    expect((error as AppError).details?.map((detail) => detail.message)).toEqual([
      "Đối tượng thứ 2 (mã X99): không có đơn vị hành chính nào mang mã này.",
    ]);
    expect(await t.database.db.select().from(tables.unitBoundaries)).toEqual([]);
  });

  it("stores one shape per unit code and records the import in the audit log", async () => {
    expect(await importFile(shapes(["X01", "X02", "X03"]))).toBe(3);
    const audit = await t.database.db
      .select()
      .from(tables.auditLog)
      .where(eq(tables.auditLog.entityType, "boundaries"));
    expect(audit.map((row) => [row.action, row.entityKey])).toEqual([
      ["boundaries.import", "thu-nghiem.geojson"],
    ]);
  });
});

describe("the map", () => {
  it("gives each commune its shape, criteria met and level for the year, marked schematic", async () => {
    const body = await ok<UnitMapResponse>("xem", "/api/units/P01/map?year=2024");
    expect(body.year).toBe(2024);
    expect(body.schematic).toBe(true);
    expect(
      body.geojson.features.map((f) => [f.id, f.properties.criteriaMet, f.properties.level]),
    ).toEqual([
      ["X01", 2, "advanced"],
      ["X02", 0, null],
      ["X03", 0, null],
    ]);
    expect(body.geojson.features[0]?.geometry.type).toBe("Polygon");
  });

  it("draws districts from their communes' shapes with the average and the recognised count", async () => {
    const body = await ok<UnitMapResponse>("admin", "/api/units/P01/map?year=2024&show=children");
    expect(
      body.geojson.features
        .map((f) => [
          f.id,
          f.geometry.type,
          f.properties.criteriaMet,
          f.properties.communes,
          f.properties.recognised,
        ])
        .sort(),
    ).toEqual([
      ["D01", "MultiPolygon", 1, 2, 1],
      ["D02", "Polygon", 0, 1, 0],
    ]);
  });

  it("a value saved shows on the next read of the map", async () => {
    await save("X02", 2024, allMet);
    const body = await ok<UnitMapResponse>("huyen", "/api/units/D01/map?year=2024");
    expect(body.geojson.features.map((f) => [f.id, f.properties.level])).toEqual([
      ["X01", "advanced"],
      ["X02", "advanced"],
    ]);
    await save("X02", 2024, nothingAgain);
  });

  it("lists communes without a shape instead of dropping them silently", async () => {
    await t.database.db
      .delete(tables.unitBoundaries)
      .where(eq(tables.unitBoundaries.unitCode, "X03"));
    const body = await ok<UnitMapResponse>("admin", "/api/units/P01/map?year=2024");
    expect(body.withoutShape).toEqual([{ code: "X03", name: "Xã Tê Xăng" }]);
    await importFile(shapes(["X01", "X02", "X03"]));
  });

  it.each([
    ["huyen", "/api/units/P01/map", 403],
    ["huyen", "/api/units/D02/map", 403],
    ["admin", "/api/units/P01/map?show=all", 400],
    ["admin", "/api/units/NOPE/map", 404],
  ])("%s GET %s → %i", async (user, url, status) => {
    expect((await get(user, url)).statusCode).toBe(status);
  });
});

describe("comparison over time, across a merger", () => {
  beforeAll(async () => {
    await importUnits(t.database.db, {
      user: systemUser,
      rows: [
        {
          code: "N01",
          name: "Xã Đăk Pék Mới",
          level: "commune",
          parentCode: "D01",
          validFrom: "2025-07-01",
          region: "TN",
          flags: [],
        },
        ...["X01", "X02"].map((code) => ({
          code,
          name: code === "X01" ? "Xã Đăk Pék" : "Xã Đăk Choong",
          level: "commune" as const,
          parentCode: "D01",
          validFrom: "2008-01-01",
          validTo: "2025-06-30",
          region: "TN",
          flags: [],
          successorCode: "N01",
        })),
      ],
    });
  });

  it("shows the merged communes' results under their successor, year by year", async () => {
    const body = await ok<UnitComparisonResponse>("huyen", "/api/units/N01/comparison");
    expect(body.unit.name).toBe("Xã Đăk Pék Mới");
    expect(body.predecessors.map((row) => [row.code, row.effectiveDate])).toEqual([
      ["X01", "2025-07-01"],
      ["X02", "2025-07-01"],
    ]);
    expect(
      body.years.map((row) => [
        row.year,
        row.own,
        row.predecessors.map((p) => [p.unitCode, p.criteriaMet]),
      ]),
    ).toEqual([
      [
        2022,
        null,
        [
          ["X01", 0],
          ["X02", 0],
        ],
      ],
      [
        2024,
        null,
        [
          ["X01", 2],
          ["X02", 0],
        ],
      ],
    ]);
    expect(body.years[0]?.predecessorNames.X01).toBe("Xã Đăk Pék");
    expect(body.years[0]?.note).toContain("2 đơn vị trước sáp nhập");
  });

  it("a commune without a merger is compared with itself", async () => {
    const body = await ok<UnitComparisonResponse>("admin", "/api/units/X03/comparison");
    expect(body.years.map((row) => [row.year, row.own?.criteriaMet])).toEqual([[2024, 0]]);
  });

  it("refuses a district outside its scope", async () => {
    expect((await get("huyen", "/api/units/X03/comparison")).statusCode).toBe(403);
  });

  it("exports the comparison to Excel", async () => {
    const response = await get("admin", "/api/units/N01/comparison.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Qua các năm");
    expect(sheet?.getRow(1).getCell(2).value).toBe("Đơn vị");
    expect(sheet?.getRow(2).getCell(2).value).toBe("Xã Đăk Pék");
  });
});

describe("departments and exports", () => {
  it("lists the province's departments; a department account sees only its own", async () => {
    await insertDepartment(t.database.db, {
      code: "so-yt",
      name: "Sở Y tế",
      provinceCode: "P01",
      criteria: ["test-commune:10"],
    });
    const all = await ok<DepartmentListItem[]>("vpdp", "/api/departments");
    expect(all.map((row) => row.code).sort()).toEqual(["so-nn", "so-yt"]);
    const own = await ok<DepartmentListItem[]>("so-nn", "/api/departments");
    expect(own.map((row) => row.code)).toEqual(["so-nn"]);
  });

  it("exports the dashboard tables with Vietnamese headers and number formats", async () => {
    const response = await get("admin", "/api/units/P01/dashboard.xlsx?year=2024");
    expect(response.headers["content-type"]).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const levels = workbook.getWorksheet("Số xã theo mức");
    expect(levels?.getRow(1).values).toEqual([
      undefined,
      "Năm",
      "Đạt chuẩn",
      "Nâng cao",
      "Chưa đạt chuẩn",
      "Bình quân tiêu chí/xã",
    ]);
    expect(levels?.getRow(3).getCell(5).numFmt).toBe("#,##0.##");
    const heat = workbook.getWorksheet("Xã × tiêu chí 2024");
    const row = [2, 3, 4]
      .map((index) => heat?.getRow(index))
      .find((candidate) => candidate?.getCell(1).value === "Xã Đăk Pék");
    expect([row?.getCell(3).value, row?.getCell(4).value, row?.getCell(5).value]).toEqual([
      2,
      "Nâng cao",
      "Đạt",
    ]);
  });

  it("exports the department view and refuses another department's", async () => {
    const [own] = await t.database.db
      .select()
      .from(tables.departments)
      .where(eq(tables.departments.code, "so-nn"));
    const response = await get(
      "so-nn",
      `/api/departments/${own?.id}/criteria-status.xlsx?year=2024`,
    );
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.getWorksheet("Tiêu chí")?.getRow(2).getCell(1).value).toMatch(/^3\. /);
    expect(workbook.getWorksheet("Xã chưa đạt")?.rowCount).toBeGreaterThan(1);
    const [other] = await t.database.db
      .select()
      .from(tables.departments)
      .where(eq(tables.departments.code, "so-yt"));
    expect(
      (await get("so-nn", `/api/departments/${other?.id}/criteria-status.xlsx`)).statusCode,
    ).toBe(403);
  });

  it("exports the plan roll-up by commune, criterion and funding source", async () => {
    const response = await get("vpdp", "/api/units/P01/plans/2025/rollup.xlsx");
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sources = workbook.getWorksheet("Theo nguồn vốn");
    expect(sources?.getRow(1).getCell(2).value).toBe("Số tiền (đồng)");
    expect(sources?.rowCount).toBeGreaterThan(5);
  });
});
