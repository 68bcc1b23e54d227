import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScorecardResponse, SummaryResponse } from "@ntm/contracts";
import { tables } from "@ntm/db";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ["admin", "huyen", "xa1", "xem"]) cookies[user] = await loginAs(t.app, user);
});
afterAll(() => t.close());

function summary(user: string, code: string, query = "") {
  return t.app.inject({
    method: "GET",
    url: `/api/units/${code}/summary?year=2024${query}`,
    headers: { cookie: cookies[user] as string },
  });
}

async function okSummary(user: string, code: string, query = "") {
  const response = await summary(user, code, query);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<SummaryResponse>();
}

async function save(code: string, values: { indicatorCode: string; value: number | boolean }[]) {
  const response = await t.app.inject({
    method: "PUT",
    url: `/api/units/${code}/assessments/2024/values`,
    headers: { cookie: cookies.admin as string },
    payload: { version: 0, values },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ScorecardResponse>();
}

describe("an empty province", () => {
  it("counts the assessed communes, none evaluated", async () => {
    const body = await okSummary("admin", "P01");
    expect(body.unit).toEqual({ code: "P01", name: "Tỉnh Thử Nghiệm", level: "province" });
    expect(body.communes).toBe(3);
    expect(body.evaluated).toBe(0);
    expect(body.averageCriteriaMet).toBeNull();
    expect(body.byCriteriaMet).toEqual([
      { criteriaMet: 0, count: 0 },
      { criteriaMet: 1, count: 0 },
      { criteriaMet: 2, count: 0 },
    ]);
    expect(body.units).toEqual([]);
    expect(body.set?.code).toBe("test-commune");
  });
});

describe("a province with values for several communes", () => {
  beforeAll(async () => {
    // X01: both criteria met at both levels → advanced.
    expect(
      (
        await save("X01", [
          { indicatorCode: "3.1", value: 95 },
          { indicatorCode: "3.2", value: true },
          { indicatorCode: "10.1", value: 60 },
          { indicatorCode: "10.2", value: 2 },
        ])
      ).level,
    ).toBe("advanced");
    // X02: irrigation met, income not → 1 criterion, no level.
    expect(
      (
        await save("X02", [
          { indicatorCode: "3.1", value: 85 },
          { indicatorCode: "3.2", value: true },
          { indicatorCode: "10.1", value: 30 },
          { indicatorCode: "10.2", value: 4 },
        ])
      ).criteriaMet,
    ).toBe(1);
    // X03: nothing met → 0 criteria.
    const x03 = await save("X03", [{ indicatorCode: "3.1", value: 40 }]);
    expect(x03.criteriaMet).toBe(0);
    // A stale stored result of the ward W01 (it cannot be assessed through the API) must be ignored.
    await t.database.db.insert(tables.evaluationResults).values({
      unitCode: "W01",
      year: 2024,
      setId: x03.set.id,
      criteriaMet: 2,
      criteriaTotal: 2,
      level: "standard",
      valuesEntered: 4,
    });
  });

  it("counts communes by level, with a histogram of criteria met and the average", async () => {
    const body = await okSummary("admin", "P01");
    expect(body.communes).toBe(3);
    expect(body.evaluated).toBe(3);
    expect(body.byLevel).toEqual([
      { level: "standard", count: 0 },
      { level: "advanced", count: 1 },
      { level: "none", count: 2 },
    ]);
    expect(body.byCriteriaMet).toHaveLength(3);
    expect(body.byCriteriaMet).toEqual([
      { criteriaMet: 0, count: 1 },
      { criteriaMet: 1, count: 1 },
      { criteriaMet: 2, count: 1 },
    ]);
    expect(body.averageCriteriaMet).toBe(1);
    expect(body.demo).toBe(false);
    expect(body.set?.levels.map((level) => level.code)).toEqual(["standard", "advanced"]);
  });

  it("lists every evaluated commune by name with its district, and never the ward W01", async () => {
    const body = await okSummary("xem", "P01");
    expect(body.units.map((row) => [row.code, row.parentName, row.criteriaMet, row.level])).toEqual(
      [
        ["X02", "Huyện Đăk Glei", 1, null],
        ["X01", "Huyện Đăk Glei", 2, "advanced"],
        ["X03", "Huyện Tu Mơ Rông", 0, null],
      ],
    );
    expect(JSON.stringify(body)).not.toContain("W01");
  });

  it("lists the communes below 2 criteria, fewest first", async () => {
    const body = await okSummary("admin", "P01", "&below=2");
    expect(body.below.threshold).toBe(2);
    expect(body.below.units.map((row) => [row.code, row.criteriaMet])).toEqual([
      ["X03", 0],
      ["X02", 1],
    ]);
    const none = await okSummary("admin", "P01", "&below=0");
    expect(none.below.units).toEqual([]);
    const everyone = await okSummary("admin", "P01");
    expect(everyone.below.threshold).toBe(10);
    expect(everyone.below.units.map((row) => row.code)).toEqual(["X03", "X02", "X01"]);
  });

  it("rolls a district up from its own communes only", async () => {
    const body = await okSummary("huyen", "D01");
    expect(body.communes).toBe(2);
    expect(body.evaluated).toBe(2);
    expect(body.averageCriteriaMet).toBe(1.5);
    expect(body.units.map((row) => row.code)).toEqual(["X02", "X01"]);
  });

  it("refuses a commune officer the province and district summaries with 403", async () => {
    for (const code of ["P01", "D01"]) {
      const response = await summary("xa1", code);
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe("FORBIDDEN");
      expect(response.json().error.message).toMatch(/ngoài phạm vi/);
    }
    expect((await summary("huyen", "P01")).statusCode).toBe(403);
  });

  it("refuses a missing year and an out-of-range threshold with 400", async () => {
    const noYear = await t.app.inject({
      method: "GET",
      url: "/api/units/P01/summary",
      headers: { cookie: cookies.admin as string },
    });
    expect(noYear.statusCode).toBe(400);
    expect(noYear.json().error.code).toBe("VALIDATION_FAILED");
    expect((await summary("admin", "P01", "&below=-1")).statusCode).toBe(400);
  });

  it("shows an empty year as nothing evaluated", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: "/api/units/P01/summary?year=2023",
      headers: { cookie: cookies.admin as string },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<SummaryResponse>().evaluated).toBe(0);
  });
});
