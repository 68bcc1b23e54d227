import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommuneListResponse, SummaryResponse } from "@ntm/contracts";
import { tables } from "@ntm/db";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ["admin", "so-nn", "huyen", "xa1", "xem", "admin2"]) {
    cookies[user] = await loginAs(t.app, user);
  }
  // X01 advanced (2/2), X02 one criterion (irrigation), X03 none; Y01 in the other province.
  await save("X01", [
    { indicatorCode: "3.1", value: 95 },
    { indicatorCode: "3.2", value: true },
    { indicatorCode: "10.1", value: 60 },
    { indicatorCode: "10.2", value: 2 },
  ]);
  await save("X02", [
    { indicatorCode: "3.1", value: 85 },
    { indicatorCode: "3.2", value: true },
    { indicatorCode: "10.1", value: 30 },
    { indicatorCode: "10.2", value: 4 },
  ]);
  await save("X03", [{ indicatorCode: "3.1", value: 40 }]);
});
afterAll(() => t.close());

function get(user: string, url: string, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: "GET",
    url,
    headers: { cookie: cookies[user] as string, ...headers },
  });
}

async function save(code: string, values: { indicatorCode: string; value: number | boolean }[]) {
  const response = await t.app.inject({
    method: "PUT",
    url: `/api/units/${code}/assessments/2024/values`,
    headers: { cookie: cookies.admin as string },
    payload: { version: 0, values },
  });
  expect(response.statusCode, response.body).toBe(200);
}

async function list(user: string, code: string, query = "") {
  const response = await get(user, `/api/units/${code}/communes?year=2024${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<CommuneListResponse>();
}

const codesOf = (body: CommuneListResponse) => body.rows.map((row) => row.code);

async function workbookRows(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe("the communes behind a figure of the summary", () => {
  it("has as many communes behind each level count, histogram bar and lagging list as the figure", async () => {
    const summary = (
      await get("admin", "/api/units/P01/summary?year=2024&below=2")
    ).json<SummaryResponse>();
    expect(summary.byLevel.map((entry) => entry.count)).toEqual([0, 1, 2]);
    for (const entry of summary.byLevel) {
      const body = await list("admin", "P01", `&level=${entry.level}`);
      expect(body.rows, entry.level).toHaveLength(entry.count);
    }
    for (const bin of summary.byCriteriaMet) {
      const body = await list("admin", "P01", `&criteriaMet=${bin.criteriaMet}`);
      expect(body.rows, `${bin.criteriaMet}`).toHaveLength(bin.count);
    }
    const below = await list("admin", "P01", "&below=2");
    expect(codesOf(below).sort()).toEqual(summary.below.units.map((row) => row.code).sort());
    const evaluated = await list("admin", "P01", "&data=evaluated");
    expect(evaluated.rows).toHaveLength(summary.evaluated);
    const all = await list("admin", "P01");
    expect(all.rows).toHaveLength(summary.communes);
    expect(all.communes).toBe(summary.communes);
  });

  it("names each commune with its district, criteria met and level, sorted by name", async () => {
    const body = await list("admin", "P01", "&level=advanced");
    expect(body.rows).toEqual([
      {
        code: "X01",
        name: "Xã Đăk Pék",
        parentCode: "D01",
        parentName: "Huyện Đăk Glei",
        criteriaMet: 2,
        criteriaTotal: 2,
        level: "advanced",
        criterionStatus: null,
        demo: false,
      },
    ]);
    expect(body.levels.map((level) => level.code)).toEqual(["standard", "advanced"]);
    const none = await list("admin", "P01", "&level=none");
    expect(none.rows.map((row) => row.name)).toEqual(["Xã Đăk Choong", "Xã Tê Xăng"]);
  });

  it("lists a year without results as communes with no data", async () => {
    const rows = (await list("admin", "P01", "&data=missing")).rows;
    expect(rows).toEqual([]);
    const response = await get("admin", "/api/units/P01/communes?year=2023&data=missing");
    const empty = response.json<CommuneListResponse>().rows;
    expect(empty).toHaveLength(3);
    expect(empty.every((row) => row.criteriaMet === null && row.level === null)).toBe(true);
  });

  it("shows each commune's status on a criterion, and filters by it (a heat-map cell)", async () => {
    const body = await list("admin", "P01", "&criterion=10");
    expect(body.criterion?.code).toBe("10");
    expect(Object.fromEntries(body.rows.map((row) => [row.code, row.criterionStatus]))).toEqual({
      X01: "met",
      X02: "not_met",
      X03: "missing",
    });
    expect(codesOf(await list("admin", "P01", "&criterion=10&status=missing"))).toEqual(["X03"]);
    const met = await list("admin", "P01", "&criterion=3&status=met");
    expect(codesOf(met).sort()).toEqual(["X01", "X02"]);
  });

  it("lists the communes a target finds behind, as many as its 'còn thiếu' list", async () => {
    const [created] = await t.database.db
      .insert(tables.targets)
      .values({
        unitCode: "P01",
        name: "Ít nhất 2 xã đạt chuẩn NTM đến năm 2025",
        kind: "communesAtLevel",
        level: "standard",
        baselineYear: 2022,
        deadlineYear: 2025,
        value: 2,
        updatedBy: "admin",
      })
      .returning({ id: tables.targets.id });
    const id = created!.id;
    const body = await list("admin", "P01", `&target=${id}`);
    expect(body.target).toEqual({ id, name: "Ít nhất 2 xã đạt chuẩn NTM đến năm 2025" });
    expect(codesOf(body).sort()).toEqual(["X02", "X03"]);
    const district = await get("huyen", `/api/units/P01/communes?year=2024&target=${id}`);
    expect(district.statusCode).toBe(403);
    const missing = await get("admin", "/api/units/P01/communes?year=2024&target=999999");
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toContain("Không có mục tiêu số 999999");
  });
});

describe("who sees which communes", () => {
  it("gives the department and the viewer the province, the district only its own communes", async () => {
    expect(codesOf(await list("so-nn", "P01")).sort()).toEqual(["X01", "X02", "X03"]);
    expect(codesOf(await list("xem", "P01")).sort()).toEqual(["X01", "X02", "X03"]);
    expect(codesOf(await list("huyen", "D01")).sort()).toEqual(["X01", "X02"]);
  });

  it("gives a commune officer its own commune only", async () => {
    const own = await list("xa1", "X01");
    expect(codesOf(own)).toEqual(["X01"]);
    expect(own.rows[0]?.criteriaMet).toBe(2);
  });

  it.each([
    ["huyen", "P01"],
    ["huyen", "D02"],
    ["huyen", "X03"],
    ["xa1", "D01"],
    ["xa1", "X02"],
    ["admin2", "P01"],
    ["admin", "P02"],
    ["so-nn", "D11"],
  ])("refuses %s the communes of %s, list and export", async (user, code) => {
    for (const path of ["communes", "communes.xlsx"]) {
      const response = await get(user, `/api/units/${code}/${path}?year=2024`);
      expect([403, 404], `${path}: ${response.body}`).toContain(response.statusCode);
      expect(response.json().error.message).toMatch(/phạm vi|Không tìm thấy/);
      expect(response.body).not.toContain("Huyện Đăk Glei");
    }
  });

  it("asks for a session", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: "/api/units/P01/communes?year=2024",
    });
    expect(response.statusCode).toBe(401);
  });
});

describe("bad input", () => {
  it("refuses an unknown criterion in Vietnamese, and in English when asked", async () => {
    const vi = await get("admin", "/api/units/P01/communes?year=2024&criterion=99");
    expect(vi.statusCode).toBe(400);
    expect(vi.json().error.message).toBe("Bộ tiêu chí năm 2024 không có tiêu chí 99.");
    const en = await get("admin", "/api/units/P01/communes?year=2024&criterion=99", {
      "accept-language": "en",
    });
    expect(en.json().error.message).toBe("The criteria set of 2024 has no criterion 99.");
  });

  it.each([
    "year=abc",
    "year=2024&level=excellent",
    "year=2024&status=unknown",
    "year=2024&criteriaMet=-1",
    "year=2024&target=0",
  ])("refuses %s with 400", async (query) => {
    const response = await get("admin", `/api/units/P01/communes?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("VALIDATION_FAILED");
  });
});

describe("the Excel export", () => {
  it("exports every commune of the filter, a row each with the status words", async () => {
    const response = await get("admin", "/api/units/P01/communes.xlsx?year=2024&criterion=10");
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toContain("spreadsheetml");
    expect(response.headers["content-disposition"]).toContain("danh-sach-xa-P01-2024.xlsx");
    const rows = await workbookRows(response.rawPayload);
    expect(rows[0]).toContain("Mức đạt");
    expect(rows).toHaveLength(4);
    const x01 = rows.find((row) => row[1] === "X01");
    expect(x01).toEqual([
      2,
      "X01",
      expect.any(String),
      "Huyện Đăk Glei",
      2,
      2,
      "Nông thôn mới nâng cao",
      "Đạt",
    ]);
  });

  it("exports only the communes chosen, within the filter and the scope", async () => {
    const response = await get("huyen", "/api/units/D01/communes.xlsx?year=2024&codes=X01,X02,X03");
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-disposition"]).toContain("da-chon");
    const rows = await workbookRows(response.rawPayload);
    expect(rows.slice(1).map((row) => row[1])).toEqual(expect.arrayContaining(["X01", "X02"]));
    expect(rows).toHaveLength(3);
    expect(JSON.stringify(rows)).not.toContain("X03");
  });

  it("refuses an empty selection with 400", async () => {
    const response = await get("admin", "/api/units/P01/communes.xlsx?year=2024&codes=,");
    expect(response.statusCode).toBe(400);
  });
});
