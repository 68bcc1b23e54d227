import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CatalogSetSummary, ScorecardResponse, SummaryResponse } from "@ntm/contracts";
import type { CriteriaSet } from "@ntm/domain";
import { joinedScorecard } from "../../test/joined-scorecard.ts";
import { createTestApp, fixedNow, loginAs, type TestApp } from "../../test/test-app.ts";
import { fixtureSet } from "../../test/fixture-set.ts";
import { AppError } from "../../http/app-error.ts";
import { systemUser } from "../auth/index.ts";
import { importCatalog } from "./catalog.service.ts";

let t: TestApp;
const cookies: Record<string, string> = {};
const basis = { document: "Quyết định thử nghiệm", date: "2024-01-10" };

beforeAll(async () => {
  // The test world's second province P02 has no override, to show it keeps the national set.
  t = await createTestApp();
  for (const user of ["admin", "admin2", "vpdp", "xa1"]) cookies[user] = await loginAs(t.app, user);
});
afterAll(() => t.close());

function get(user: string, url: string) {
  return t.app.inject({ method: "GET", url, headers: { cookie: cookies[user] as string } });
}

function post(user: string, document: object) {
  return t.app.inject({
    method: "POST",
    url: "/api/catalog/sets",
    headers: { cookie: cookies[user] as string },
    payload: document,
  });
}

async function scorecard(user: string, code: string) {
  const response = await get(user, `/api/units/${code}/scorecard?year=2024`);
  expect(response.statusCode, response.body).toBe(200);
  return joinedScorecard(t.app, cookies[user] as string, response.json<ScorecardResponse>());
}

async function provinceSummary() {
  const response = await get("admin", "/api/units/P01/summary?year=2024");
  expect(response.statusCode, response.body).toBe(200);
  return response.json<SummaryResponse>();
}

async function sets() {
  const response = await get("vpdp", "/api/catalog/sets");
  expect(response.statusCode).toBe(200);
  return response.json<{ sets: CatalogSetSummary[] }>().sets;
}

/** Version 2 of the fixture set: irrigation (3.1) needs 90 % instead of 80 % for the standard level. */
function stricterSet(): CriteriaSet {
  const set = fixtureSet({ version: 2, name: "Bộ tiêu chí thử nghiệm (sửa đổi)" });
  const irrigation = set.criteria[0]?.indicators[0];
  if (!irrigation || irrigation.code !== "3.1") throw new Error("fixture changed");
  irrigation.thresholds = [
    { level: "standard", value: 90, basis, status: "confirmed" },
    { level: "advanced", value: 95, basis, status: "confirmed" },
  ];
  return set;
}

const provincialOverride = {
  kind: "provincial-override",
  code: "test-commune-p01",
  version: 1,
  name: "Bộ tiêu chí thử nghiệm của Tỉnh Thử Nghiệm",
  provinceCode: "P01",
  basedOn: { code: "test-commune", version: 2 },
  basis,
  overrides: [
    {
      indicatorCode: "10.1",
      levels: ["standard"],
      thresholds: [{ level: "standard", value: 50, basis, status: "confirmed" }],
    },
  ],
};

describe("reading the catalog", () => {
  it("lists the fixture set with its counts of confirmed and unverified thresholds", async () => {
    const list = await sets();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      code: "test-commune",
      version: 1,
      name: "Bộ tiêu chí thử nghiệm",
      unitLevel: "commune",
      fromYear: 2021,
      toYear: 2025,
      provinceCode: null,
      classificationKind: "region",
      levels: [
        { code: "standard", name: "Đạt chuẩn nông thôn mới" },
        { code: "advanced", name: "Nông thôn mới nâng cao" },
      ],
      criteriaCount: 2,
      indicatorCount: 4,
      thresholdsConfirmed: 2,
      thresholdsUnverified: 6,
    });
    expect(list[0]?.importedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it("returns one set with its full definition", async () => {
    const [summary] = await sets();
    const response = await get("xa1", `/api/catalog/sets/${summary?.id}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.id).toBe(summary?.id);
    expect(body.thresholdsConfirmed).toBe(2);
    expect(body.definition).toEqual(fixtureSet());
  });

  it("answers an unknown set with 404 and a non-numeric id with 400", async () => {
    const missing = await get("admin", "/api/catalog/sets/9999");
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toEqual({
      code: "NOT_FOUND",
      message: "Không có bộ tiêu chí số 9999.",
    });
    expect((await get("admin", "/api/catalog/sets/abc")).statusCode).toBe(400);
  });

  it("requires a session", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/catalog/sets" });
    expect(response.statusCode).toBe(401);
  });
});

describe("importing", () => {
  it("refuses a non-admin with 403 and stores nothing", async () => {
    for (const user of ["vpdp", "xa1"]) {
      const response = await post(user, stricterSet());
      expect(response.statusCode).toBe(403);
      expect(response.json().error).toEqual({
        code: "FORBIDDEN",
        message: "Chỉ quản trị tỉnh được nhập bộ tiêu chí.",
      });
    }
    const anonymous = await t.app.inject({
      method: "POST",
      url: "/api/catalog/sets",
      payload: stricterSet(),
    });
    expect(anonymous.statusCode).toBe(401);
    expect(await sets()).toHaveLength(1);
  });

  it("refuses a national set from a province admin with 403: only the command line loads one", async () => {
    const response = await post("admin", stricterSet());
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toEqual({
      code: "FORBIDDEN",
      message:
        "Bộ tiêu chí quốc gia chỉ được nhập bằng dòng lệnh của hệ thống (ntm catalog import).",
    });
    expect(await sets()).toHaveLength(1);
  });

  it("refuses an invalid document with 400 and details", async () => {
    const broken = { ...fixtureSet({ version: 3 }), code: "Bộ Sai", levels: [] };
    const response = await post("admin", broken);
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.message).toBe("Tệp bộ tiêu chí không hợp lệ.");
    const paths = error.details.map((detail: { path: string }) => detail.path);
    expect(paths).toEqual(expect.arrayContaining(["code", "levels"]));
    expect(await sets()).toHaveLength(1);
  });

  it("refuses a threshold for a level the set does not have", async () => {
    const set = fixtureSet({ version: 3 });
    set.criteria[0]?.indicators[0]?.thresholds.push({
      level: "model",
      value: 99,
      basis,
      status: "confirmed",
    });
    const response = await post("admin", set);
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json().error.details)).toMatch(/mức model không có/);
  });

  it("stores a new version and re-evaluates the stored results in the same step", async () => {
    const save = await t.app.inject({
      method: "PUT",
      url: "/api/units/X01/assessments/2024/values",
      headers: { cookie: cookies.admin as string },
      payload: {
        version: 0,
        values: [
          { indicatorCode: "3.1", value: 85 },
          { indicatorCode: "3.2", value: true },
          { indicatorCode: "10.1", value: 46 },
          { indicatorCode: "10.2", value: 3 },
        ],
      },
    });
    expect(save.statusCode).toBe(200);
    expect(save.json<ScorecardResponse>().criteriaMet).toBe(2);
    const before = await provinceSummary();
    expect(before.units.map((row) => [row.code, row.criteriaMet, row.level])).toEqual([
      ["X01", 2, "standard"],
    ]);

    // As `ntm catalog import` does.
    const body = await importCatalog(t.database.db, {
      document: stricterSet(),
      by: systemUser,
      now: fixedNow,
    });
    expect(body.reevaluated).toBe(1);
    expect(body.set).toMatchObject({
      code: "test-commune",
      version: 2,
      thresholdsConfirmed: 3,
      thresholdsUnverified: 5,
    });

    // The summary reads stored results only: it changed without anyone touching X01.
    const after = await provinceSummary();
    expect(after.set?.id).toBe(body.set.id);
    expect(after.units.map((row) => [row.code, row.criteriaMet, row.level])).toEqual([
      ["X01", 1, null],
    ]);
    const card = await scorecard("xa1", "X01");
    expect(card.set).toMatchObject({ id: body.set.id, version: 2 });
    expect(card.criteriaMet).toBe(1);
    const irrigation = card.criteria[0]?.indicators[0]?.byLevel.standard;
    expect(irrigation?.status).toBe("not_met");
    expect(irrigation?.threshold?.value).toBe(90);
    expect(card.assessment.version).toBe(1);
  });

  it("refuses the same code and version twice with CONFLICT", async () => {
    const again = importCatalog(t.database.db, {
      document: stricterSet(),
      by: systemUser,
      now: fixedNow,
    });
    await expect(again).rejects.toThrow(AppError);
    await expect(again).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Bộ tiêu chí test-commune phiên bản 2 đã có; hãy tăng số phiên bản.",
    });
    expect(await sets()).toHaveLength(2);
  });
});

describe("provincial override", () => {
  it("refuses an override of a base set that is not loaded", async () => {
    const response = await post("admin", {
      ...provincialOverride,
      basedOn: { code: "test-commune", version: 7 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe("Chưa có bộ tiêu chí gốc test-commune phiên bản 7.");
  });

  it("refuses an override of an indicator the base set does not have", async () => {
    const response = await post("admin", {
      ...provincialOverride,
      overrides: [{ ...provincialOverride.overrides[0], indicatorCode: "99.9" }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe("Bộ tiêu chí gốc không có chỉ tiêu: 99.9.");
  });

  it("refuses a malformed override with 400 and details", async () => {
    const response = await post("admin", { ...provincialOverride, overrides: [] });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe("Tệp ghi đè cấp tỉnh không hợp lệ.");
    expect(response.json().error.details[0].path).toBe("overrides");
  });

  it("refuses another province's admin with 403", async () => {
    const response = await post("admin2", provincialOverride);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toMatch(/của tỉnh mình/);
  });

  it("is picked for the province's communes over the national set", async () => {
    const response = await post("admin", provincialOverride);
    expect(response.statusCode).toBe(201);
    const stored = response.json().set;
    expect(stored).toMatchObject({ code: "test-commune-p01", version: 1, provinceCode: "P01" });

    const card = await scorecard("xa1", "X01");
    expect(card.set).toEqual({
      id: stored.id,
      code: "test-commune-p01",
      version: 1,
      name: "Bộ tiêu chí thử nghiệm của Tỉnh Thử Nghiệm",
      provinceCode: "P01",
    });
    const income = card.criteria[1]?.indicators[0]?.byLevel.standard;
    expect(income?.threshold?.value).toBe(50);
    expect(income?.status).toBe("not_met");
    // The national v2 rows the override does not touch stay in force.
    expect(card.criteria[0]?.indicators[0]?.byLevel.standard?.threshold?.value).toBe(90);
    expect(card.criteriaMet).toBe(0);
    const summary = await provinceSummary();
    expect(summary.set?.code).toBe("test-commune-p01");
    expect(summary.units.map((row) => [row.code, row.criteriaMet])).toEqual([["X01", 0]]);

    const definition = (await get("admin", `/api/catalog/sets/${stored.id}`)).json().definition;
    expect(definition.basedOn).toEqual({ code: "test-commune", version: 2 });
    expect(definition.provinceCode).toBe("P01");
  });

  it("refuses the same override version twice with 409 CONFLICT", async () => {
    const response = await post("admin", provincialOverride);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("CONFLICT");
    expect(await sets()).toHaveLength(3);
  });

  it("leaves the national set in force for another province", async () => {
    const card = await scorecard("admin2", "Y01");
    expect(card.set).toMatchObject({ code: "test-commune", version: 2, provinceCode: null });
    expect(card.criteria[1]?.indicators[0]?.byLevel.standard?.threshold?.value).toBe(45);
  });
});
