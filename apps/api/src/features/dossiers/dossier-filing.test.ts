import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DossierDetailDto, FilingCheck, FilingOptions } from "@ntm/contracts";
import { createTestApp, loginAs, testPassword, type TestApp } from "../../test/test-app.ts";
import { systemUser } from "../auth/index.ts";
import { createUser } from "../users/index.ts";
import { importRecognitions } from "./index.ts";

// The test clock is 2024-06-15: the three-level regimes are in force (a district proposes
// revocations, a commune officer files recognitions).
let t: TestApp;
const cookies: Record<string, string> = {};
let openBatch = 0;
let closedBatch = 0;

async function call(
  user: string | null,
  url: string,
  method: "GET" | "POST" | "PUT" = "GET",
  payload?: object,
) {
  const response = await t.app.inject({
    method,
    url,
    headers: user ? { cookie: cookies[user] as string } : {},
    ...(payload ? { payload } : {}),
  });
  return { status: response.statusCode, body: response.json() };
}

async function ok<T>(
  user: string,
  url: string,
  method: "GET" | "POST" | "PUT" = "GET",
  payload?: object,
) {
  const response = await call(user, url, method, payload);
  expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
  return response.body as T;
}

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.database.db, {
    input: { username: "mttq1", password: testPassword, role: "fatherland_front", unitCode: "X01" },
    by: systemUser,
  });
  for (const user of ["admin", "vpdp", "huyen", "xa1", "mttq1", "xem", "xa21"])
    cookies[user] = await loginAs(t.app, user);
  // X01 meets criterion 3; criterion 10 has no value yet.
  await ok("xa1", "/api/units/X01/assessments/2024/values", "PUT", {
    version: 0,
    values: [
      { indicatorCode: "3.1", value: 95 },
      { indicatorCode: "3.2", value: true },
    ],
  });
  const batch = (name: string, deadline: string) =>
    ok<{ id: number }>("vpdp", "/api/dossier-batches", "POST", {
      provinceCode: "P01",
      name,
      year: 2024,
      deadline,
    });
  closedBatch = (await batch("Đợt 1 năm 2024", "2024-02-28")).id;
  openBatch = (await batch("Đợt 2 năm 2024", "2024-09-30")).id;
  await importRecognitions(t.database.db, {
    by: systemUser,
    demo: false,
    rows: [
      {
        unitCode: "X02",
        level: "standard",
        year: 2022,
        decisionNumber: "12/QĐ-UBND",
        decisionDate: "2022-12-20",
      },
    ],
  });
});
afterAll(() => t.close());

describe("GET /api/dossiers/filing-options", () => {
  it("offers a commune officer its own commune and only the batches still open", async () => {
    const body = await ok<FilingOptions>("xa1", "/api/dossiers/filing-options");
    expect(body).toMatchObject({ kind: "recognition", canFile: true, today: "2024-06-15" });
    expect(body.units).toEqual([{ code: "X01", name: "Xã Đăk Pék", parentName: "Huyện Đăk Glei" }]);
    expect(body.batches.map((b) => b.id)).toEqual([openBatch]);
    expect(body.batches.map((b) => b.id)).not.toContain(closedBatch);
  });

  it.each([
    ["a district (the commune files)", "huyen", "do Cán bộ xã lập"],
    ["the coordination office", "vpdp", "do Cán bộ xã lập"],
    ["the Front", "mttq1", "do Cán bộ xã lập"],
    ["a viewer", "xem", "chỉ có quyền xem"],
  ])("tells %s why it files no recognition, offering no commune", async (_who, user, reason) => {
    const body = await ok<FilingOptions>(user, "/api/dossiers/filing-options");
    expect(body.canFile).toBe(false);
    expect(body.reason).toContain(reason);
    expect(body.units).toEqual([]);
  });

  it("offers a district the recognised communes of its scope for a revocation", async () => {
    const body = await ok<FilingOptions>("huyen", "/api/dossiers/filing-options?kind=revocation");
    expect(body.canFile).toBe(true);
    expect(body.units.map((unit) => unit.code)).toEqual(["X02"]);
    const office = await ok<FilingOptions>("vpdp", "/api/dossiers/filing-options?kind=revocation");
    expect(office).toMatchObject({ canFile: false, units: [] });
  });

  it("shows another province's account none of this province's batches", async () => {
    const body = await ok<FilingOptions>("xa21", "/api/dossiers/filing-options");
    expect(body.batches).toEqual([]);
    expect(body.units.map((unit) => unit.code)).toEqual(["Y01"]);
  });

  it("asks for a session and a known kind", async () => {
    expect((await call(null, "/api/dossiers/filing-options")).status).toBe(401);
    expect((await call("xa1", "/api/dossiers/filing-options?kind=other")).status).toBe(400);
  });
});

describe("GET /api/dossiers/filing-check", () => {
  it("names the criteria not met at the level asked, and what would refuse the filing", async () => {
    const before = await ok<FilingCheck>("xa1", "/api/dossiers/filing-check?unit=X01&year=2024");
    expect(before).toMatchObject({
      unit: { code: "X01", name: "Xã Đăk Pék" },
      level: "standard",
      criteriaMet: 1,
      criteriaTotal: 2,
      openDossierId: null,
      duplicate: null,
    });
    expect(before.unmet).toEqual([{ code: "10", name: expect.any(String), status: "missing" }]);
    const filed = await ok<DossierDetailDto>("xa1", "/api/dossiers", "POST", {
      unitCode: "X01",
      year: 2024,
      requestedLevel: "standard",
      batchId: openBatch,
    });
    const after = await ok<FilingCheck>("xa1", "/api/dossiers/filing-check?unit=X01&year=2024");
    expect(after.openDossierId).toBe(filed.id);
  });

  it("says when the unit already holds the recognition asked", async () => {
    const body = await ok<FilingCheck>("huyen", "/api/dossiers/filing-check?unit=X02&year=2022");
    expect(body.duplicate).toContain("12/QĐ-UBND");
  });

  it.each([
    ["another commune", "xa1", "unit=X02&year=2024", 403],
    ["another province", "xa21", "unit=X01&year=2024", 403],
    ["an unknown unit", "vpdp", "unit=ZZZ&year=2024", 404],
    ["an unknown level", "xa1", "unit=X01&year=2024&level=gold", 400],
    ["no unit", "xa1", "year=2024", 400],
  ])("refuses %s", async (_label, user, query, status) => {
    expect((await call(user, `/api/dossiers/filing-check?${query}`)).status).toBe(status);
  });
});

describe("the can flags of a dossier", () => {
  it("lets only the role acting on the current step attach a file to it", async () => {
    const { openDossierId } = await ok<FilingCheck>(
      "xa1",
      "/api/dossiers/filing-check?unit=X01&year=2024",
    );
    const dossier = await ok<DossierDetailDto>("xa1", `/api/dossiers/${openDossierId}`);
    expect(dossier.currentStep).toBe("self_assessment");
    expect(dossier.can).toEqual({ attach: true });
    for (const user of ["mttq1", "huyen", "vpdp", "admin", "xem"]) {
      const seen = await ok<DossierDetailDto>(user, `/api/dossiers/${dossier.id}`);
      expect(seen.can, user).toEqual({ attach: false });
    }
  });
});
