import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  EntrySheetResponse,
  EntrySheetSaveResponse,
  ImportRejected,
  ScorecardResponse,
} from "@ntm/contracts";
import { importSetWithOcop } from "../../test/ocop-set.ts";
import { callAs, importValueFile, saveValues, storedValue } from "../../test/registry-values.ts";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.ts";

/**
 * Indicator 13.6 read from the province's OCOP registry: typed by hand while the registry is
 * empty; once it holds a product, every commune of the province gets the registry's figure (none
 * included) and a typed value is refused on every write path. The test clock is 2024-06-15.
 */
let t: TestApp;
const cookies: Record<string, string> = {};
const refusal = "lấy từ sổ sản phẩm OCOP của tỉnh";

const call = (user: string, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
  callAs(t.app, cookies[user], method, url, payload);

async function card(user: string, code: string) {
  const response = await call(user, "GET", `/api/units/${code}/scorecard?year=2024`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ScorecardResponse>();
}

const typeValue = async (user: string, code: string, value: number) =>
  saveValues(
    t.app,
    cookies[user],
    { unitCode: code, year: 2024 },
    {
      version: (await card(user, code)).assessment.version,
      values: [{ indicatorCode: "13.6", value }],
    },
  );

const stored = (code: string) => storedValue(t.database.db, code, 2024, "13.6");

const importCsv = (content: string) => importValueFile(t.app, cookies.huyen, content);

beforeAll(async () => {
  t = await createTestApp();
  await importSetWithOcop(t.database.db);
  for (const user of ["admin", "vpdp", "huyen", "admin2"])
    cookies[user] = await loginAs(t.app, user);
  for (const code of ["X01", "X03"]) {
    const saved = await call("admin", "PUT", `/api/units/${code}/assessments/2024/values`, {
      version: 0,
      values: [{ indicatorCode: "3.1", value: 85 }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
  }
});
afterAll(() => t?.close());

describe("before the province's registry holds a product", () => {
  it("takes a typed value, as a province that has not loaded its registry types it", async () => {
    const response = await typeValue("huyen", "X02", 2);
    expect(response.statusCode, response.body).toBe(200);
    expect(await stored("X02")).toMatchObject({ value: 2 });
    expect((await card("huyen", "X02")).sourced?.["13.6"]).toBeUndefined();
  });
});

describe("once the registry holds a product", () => {
  beforeAll(async () => {
    const registered = await call("vpdp", "POST", "/api/ocop/products", {
      name: "Miến dong Đăk Pék",
      producerKind: "cooperative",
      producerName: "HTX Miến dong",
      groupCode: "food",
      communeCode: "X01",
      certificate: {
        scores: { A: 30, B: 15, C: 15 },
        stars: 3,
        decisionNumber: "45/QĐ-UBND",
        decisionDate: "2024-03-01",
        issuer: "UBND tỉnh Thử Nghiệm",
        issuerLevel: "province",
      },
    });
    expect(registered.statusCode, registered.body).toBe(201);
  });

  it("writes the registry's figure into every commune of the province, those with no product too, audited", async () => {
    expect(await stored("X01")).toMatchObject({ value: 1 });
    const x02 = await stored("X02");
    expect(x02?.value).toBe(0);
    expect(x02?.note).toBe("Sổ sản phẩm OCOP: 0 sản phẩm từ 3 sao còn hiệu lực ngày 31/12/2024.");
    expect(await stored("X03")).toMatchObject({ value: 0 });
    const history = await call(
      "huyen",
      "GET",
      "/api/units/X02/assessments/2024/history?indicator=13.6",
    );
    expect(history.statusCode, history.body).toBe(200);
    const [last] = history.json<{
      entries: { username: string; oldValue: unknown; newValue: unknown }[];
    }>().entries;
    expect(last).toMatchObject({
      username: "vpdp",
      oldValue: { value: 2 },
      newValue: { value: 0 },
    });
    expect(JSON.stringify(last)).toContain("Sổ sản phẩm OCOP");
  });

  it("shows the cell read-only on the scorecard, with where the value comes from", async () => {
    expect((await card("huyen", "X02")).sourced?.["13.6"]).toEqual({
      kind: "ocopRegistry",
      minStars: 3,
    });
  });

  it("refuses a typed value on the scorecard save, in Vietnamese and English, and changes nothing", async () => {
    const before = await card("huyen", "X02");
    const response = await typeValue("huyen", "X02", 3);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.message).toContain(refusal);
    const english = await saveValues(
      t.app,
      cookies.huyen,
      { unitCode: "X02", year: 2024, language: "en" },
      { version: before.assessment.version, values: [{ indicatorCode: "13.6", value: 3 }] },
    );
    expect(english.statusCode).toBe(400);
    expect(english.json().error.message).toContain("OCOP product registry");
    expect(await stored("X02")).toMatchObject({ value: 0 });
    expect((await card("huyen", "X02")).assessment.version).toBe(before.assessment.version);
  });

  it("marks the indicator read-only in the multi-commune grid and refuses it there", async () => {
    const sheet = await call(
      "huyen",
      "GET",
      "/api/units/D01/entry-sheet?year=2024&indicators=3.1,13.6",
    );
    expect(sheet.statusCode, sheet.body).toBe(200);
    const body = sheet.json<EntrySheetResponse>();
    for (const row of body.rows) {
      expect(row.writable).toEqual(["3.1"]);
      expect(row.sourced).toEqual({ "13.6": { kind: "ocopRegistry", minStars: 3 } });
    }
    expect(body.catalog.find((item) => item.code === "13.6")?.writable).toBe(false);
    const saved = await call("huyen", "POST", "/api/assessments/2024/values-by-unit", {
      rows: [
        {
          unitCode: "X02",
          version: (await card("huyen", "X02")).assessment.version,
          values: [{ indicatorCode: "13.6", value: 4 }],
        },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const result = saved.json<EntrySheetSaveResponse>();
    expect(result.rows[0]).toMatchObject({ unitCode: "X02", ok: false });
    expect(JSON.stringify(result.rows[0])).toContain(refusal);
    expect(await stored("X02")).toMatchObject({ value: 0 });
  });

  it("refuses it in a value file, and takes the registry's own figure sent back unchanged", async () => {
    const refused = await importCsv("ma_don_vi,ma_chi_tieu,nam,gia_tri\nX02,13.6,2024,5\n");
    expect(refused.statusCode, refused.body).toBe(422);
    const { report } = refused.json() as ImportRejected;
    expect(report.errors[0]).toMatchObject({ row: 2, unitCode: "X02", indicatorCode: "13.6" });
    expect(report.errors[0]?.message).toContain(refusal);
    expect(await stored("X02")).toMatchObject({ value: 0 });
    const sentBack = await importCsv("ma_don_vi,ma_chi_tieu,nam,gia_tri\nX02,13.6,2024,0\n");
    expect(sentBack.statusCode, sentBack.body).toBe(200);
  });

  it("leaves typing open in a province whose registry is still empty", async () => {
    const response = await call("admin2", "PUT", "/api/units/Y01/assessments/2024/values", {
      version: 0,
      values: [{ indicatorCode: "13.6", value: 1 }],
    });
    expect(response.statusCode, response.body).toBe(200);
  });
});
