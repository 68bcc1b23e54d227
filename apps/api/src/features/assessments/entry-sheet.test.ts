import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EntrySheetResponse, EntrySheetSaveResponse, ScorecardResponse } from "@ntm/contracts";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ["huyen", "so-nn", "xa1", "xem", "admin"]) {
    cookies[user] = await loginAs(t.app, user);
  }
});
afterAll(() => t.close());

function sheet(user: string | null, code: string, query: string) {
  return t.app.inject({
    method: "GET",
    url: `/api/units/${code}/entry-sheet?${query}`,
    headers: user ? { cookie: cookies[user] as string } : {},
  });
}

function save(user: string | null, body: unknown, year = 2024) {
  return t.app.inject({
    method: "POST",
    url: `/api/assessments/${year}/values-by-unit`,
    headers: user ? { cookie: cookies[user] as string } : {},
    payload: body as object,
  });
}

async function valueOf(code: string, indicator: string) {
  const response = await t.app.inject({
    method: "GET",
    url: `/api/units/${code}/scorecard?year=2024`,
    headers: { cookie: cookies.admin as string },
  });
  const card = response.json<ScorecardResponse>();
  return {
    version: card.assessment.version,
    value: card.values[indicator] ?? null,
  };
}

async function historyOf(code: string, indicator: string) {
  const response = await t.app.inject({
    method: "GET",
    url: `/api/units/${code}/assessments/2024/history?indicator=${indicator}`,
    headers: { cookie: cookies.admin as string },
  });
  return response.json<{ entries: { username: string; newValue: unknown }[] }>().entries;
}

describe("entry sheet: communes × indicators", () => {
  it("refuses a request without a session", async () => {
    expect((await sheet(null, "D01", "year=2024")).statusCode).toBe(401);
    expect((await save(null, { rows: [] })).statusCode).toBe(401);
  });

  it("refuses a unit outside the user's scope, with the reason", async () => {
    const response = await sheet("xa1", "D01", "year=2024&indicators=3.1");
    expect(response.statusCode).toBe(403);
    expect(response.json<{ error: { message: string } }>().error.message).toContain("phạm vi");
  });

  it("refuses a malformed request with a Vietnamese message", async () => {
    expect((await sheet("huyen", "D01", "year=abc")).statusCode).toBe(400);
    const empty = await save("huyen", { rows: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<{ error: { message: string } }>().error.message).toContain("ít nhất một xã");
  });

  it("lists the assessed communes of a district with value, threshold and what may be written", async () => {
    const response = await sheet("huyen", "D01", "year=2024&indicators=3.1,10.1");
    expect(response.statusCode).toBe(200);
    const body = response.json<EntrySheetResponse>();
    // The ward W01 is not assessed; communes come in name order.
    expect(body.rows.map((row) => row.unitCode).sort()).toEqual(["X01", "X02"]);
    const names = body.rows.map((row) => row.unitName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "vi")));
    for (const row of body.rows) {
      expect(row.writable.sort()).toEqual(["10.1", "3.1"]);
      expect(row.cells["10.1"]?.threshold?.value).toBe(45);
    }
    expect(body.catalog.find((item) => item.code === "3.1")?.writable).toBe(true);
  });

  it("gives a department only its own criteria to write", async () => {
    const body = (
      await sheet("so-nn", "P01", "year=2024&indicators=3.1,10.1")
    ).json<EntrySheetResponse>();
    expect(body.rows.map((row) => row.unitCode).sort()).toEqual(["X01", "X02", "X03"]);
    expect(body.rows.every((row) => row.writable.join() === "3.1")).toBe(true);
    expect(body.catalog.find((item) => item.code === "10.1")?.writable).toBe(false);
  });
});

describe("saving many communes: one transaction each, a result per commune", () => {
  it("saves the communes it may and reports the stale one, which stays unchanged", async () => {
    const before1 = await valueOf("X01", "3.1");
    const before2 = await valueOf("X02", "3.1");
    const response = await save("huyen", {
      rows: [
        {
          unitCode: "X01",
          version: before1.version,
          values: [{ indicatorCode: "3.1", value: 81.5 }],
        },
        {
          unitCode: "X02",
          version: before2.version + 7,
          values: [{ indicatorCode: "3.1", value: 12 }],
        },
      ],
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<EntrySheetSaveResponse>();
    expect(body.saved).toBe(1);
    expect(body.failed).toBe(1);
    expect(body.rows[0]).toMatchObject({ unitCode: "X01", ok: true, version: before1.version + 1 });
    expect(body.rows[1]).toMatchObject({ unitCode: "X02", ok: false, code: "VERSION_CONFLICT" });
    expect(await valueOf("X01", "3.1")).toEqual({ version: before1.version + 1, value: 81.5 });
    expect(await valueOf("X02", "3.1")).toEqual(before2);
    const audit = await historyOf("X01", "3.1");
    expect(audit[0]).toMatchObject({ username: "huyen", newValue: { value: 81.5 } });
  });

  it("refuses per commune a unit outside the district and a criterion of another department", async () => {
    const x3 = await valueOf("X03", "3.1");
    const outside = (
      await save("huyen", {
        rows: [
          { unitCode: "X03", version: x3.version, values: [{ indicatorCode: "3.1", value: 50 }] },
        ],
      })
    ).json<EntrySheetSaveResponse>();
    expect(outside.rows[0]).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await valueOf("X03", "3.1")).toEqual(x3);

    const x1 = await valueOf("X01", "10.1");
    const department = (
      await save("so-nn", {
        rows: [
          { unitCode: "X01", version: x1.version, values: [{ indicatorCode: "10.1", value: 60 }] },
        ],
      })
    ).json<EntrySheetSaveResponse>();
    expect(department.rows[0]).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await valueOf("X01", "10.1")).toEqual(x1);
  });

  it("refuses a viewer in every commune", async () => {
    const x1 = await valueOf("X01", "3.1");
    const body = (
      await save("xem", {
        rows: [
          { unitCode: "X01", version: x1.version, values: [{ indicatorCode: "3.1", value: 1 }] },
        ],
      })
    ).json<EntrySheetSaveResponse>();
    expect(body.rows[0]).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await valueOf("X01", "3.1")).toEqual(x1);
  });

  it("reports the entry rule per commune in the language asked for, saving nothing there", async () => {
    const x2 = await valueOf("X02", "3.1");
    const response = await t.app.inject({
      method: "POST",
      url: "/api/assessments/2024/values-by-unit",
      headers: { cookie: cookies.huyen as string, "accept-language": "en" },
      payload: {
        rows: [
          { unitCode: "X02", version: x2.version, values: [{ indicatorCode: "3.1", value: 120 }] },
        ],
      },
    });
    const body = response.json<EntrySheetSaveResponse>();
    expect(body.rows[0]).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
    const row = body.rows[0];
    if (row?.ok !== false) throw new Error("expected a refusal");
    expect(row.message).toMatch(/invalid/i);
    expect(row.details?.[0]?.message).toContain("0 đến 100");
    expect(await valueOf("X02", "3.1")).toEqual(x2);
  });
});
