import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tables } from "@ntm/db";
import type { PredecessorHistoryResponse, UnitImportRow } from "@ntm/contracts";
import { systemUser } from "../auth/index.ts";
import { importRecognitions } from "../dossiers/index.ts";
import { importUnits } from "./index.ts";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
const cookies: Record<string, string> = {};

async function history(user: string, code: string, query = "") {
  const response = await t.app.inject({
    method: "GET",
    url: `/api/units/${code}/predecessor-history${query}`,
    headers: { cookie: cookies[user] as string, "accept-language": "vi" },
  });
  return { status: response.statusCode, body: response.json() };
}

const commune = (code: string, name: string, extra: Partial<UnitImportRow>) =>
  ({
    code,
    name,
    level: "commune",
    parentCode: "D01",
    validFrom: "2008-01-01",
    region: "TN",
    flags: [],
    ...extra,
  }) as UnitImportRow;

beforeAll(async () => {
  t = await createTestApp({ now: new Date("2026-12-06T03:00:00Z") });
  const db = t.database.db;
  // From 1/7/2025 the new X01 keeps the code of old X01 and takes all of X02 and part of X03.
  await importUnits(db, {
    user: systemUser,
    rows: [
      commune("X01", "Xã Đắk Blô", { validTo: "2025-06-30", successorCode: "X01" }),
      commune("X02", "Xã Đắk Man", { validTo: "2025-06-30", successorCode: "X01" }),
      commune("X03", "Xã Đắk Nhoong", { parentCode: "D02", validTo: "2025-06-30" }),
      commune("X01", "Xã Đăk Plô", { validFrom: "2025-07-01" }),
    ],
  });
  await db.insert(tables.unitSuccessors).values({
    predecessorCode: "X03",
    predecessorValidFrom: "2008-01-01",
    successorCode: "X01",
    successorValidFrom: "2025-07-01",
    kind: "partial",
    effectiveDate: "2025-07-01",
  });
  const [set] = await db.select({ id: tables.criteriaSets.id }).from(tables.criteriaSets);
  const result = (unitCode: string, year: number, criteriaMet: number, level: string | null) => ({
    unitCode,
    year,
    setId: set!.id,
    criteriaMet,
    criteriaTotal: 19,
    level,
    valuesEntered: 40,
  });
  await db.insert(tables.evaluationResults).values([
    result("X01", 2022, 19, "standard"),
    result("X01", 2024, 19, "standard"),
    // The 2025 year-end assessment under X01 describes the new commune, not old X01.
    result("X01", 2025, 12, null),
    result("X02", 2023, 17, null),
    result("X02", 2025, 18, null),
    result("X03", 2024, 9, null),
    result("X03", 2020, 5, null),
  ]);
  await importRecognitions(db, {
    by: systemUser,
    demo: false,
    rows: [
      {
        unitCode: "X01",
        level: "standard",
        year: 2022,
        decisionNumber: "120/QĐ-UBND",
        decisionDate: "2022-12-20",
      },
      // Decided for the new commune under the kept code: not old X01's history.
      {
        unitCode: "X01",
        level: "standard",
        year: 2025,
        decisionNumber: "900/QĐ-UBND",
        decisionDate: "2025-09-15",
      },
    ],
  });
  for (const user of ["vpdp", "xa1", "xa3", "xa21", "admin2"]) {
    cookies[user] = await loginAs(t.app, user);
  }
});
afterAll(async () => {
  await t?.close();
});

describe("history of the communes a merged commune was formed from", () => {
  it("lists each predecessor version with its own results, level and recognition, full or partial", async () => {
    const response = await history("vpdp", "X01");
    expect(response.status).toBe(200);
    const body = response.body as PredecessorHistoryResponse;
    expect(body.unit).toEqual({ code: "X01", name: "Xã Đăk Plô", validFrom: "2025-07-01" });
    expect([body.fromYear, body.toYear]).toEqual([2021, 2025]);
    expect(
      body.predecessors.map((p) => [p.code, p.name, p.kind, p.validTo, p.effectiveDate]),
    ).toEqual([
      ["X01", "Xã Đắk Blô", "full", "2025-06-30", "2025-07-01"],
      ["X02", "Xã Đắk Man", "full", "2025-06-30", "2025-07-01"],
      ["X03", "Xã Đắk Nhoong", "partial", "2025-06-30", "2025-07-01"],
    ]);
    const years = Object.fromEntries(
      body.predecessors.map((p) => [p.code, p.years.map((y) => [y.year, y.criteriaMet, y.level])]),
    );
    expect(years).toEqual({
      X01: [
        [2022, 19, "standard"],
        [2024, 19, "standard"],
      ],
      X02: [
        [2023, 17, null],
        [2025, 18, null],
      ],
      X03: [[2024, 9, null]],
    });
    expect(body.predecessors[0]!.recognitions).toEqual([
      {
        level: "standard",
        year: 2022,
        decisionNumber: "120/QĐ-UBND",
        decisionDate: "2022-12-20",
        endedOn: null,
        endReason: null,
      },
    ]);
    expect(body.predecessors[1]!.recognitions).toEqual([]);
  });

  it("never adds the predecessors up into a figure for the new commune", async () => {
    const body = (await history("vpdp", "X01")).body as PredecessorHistoryResponse;
    expect(Object.keys(body).sort()).toEqual(["fromYear", "predecessors", "toYear", "unit"]);
    for (const predecessor of body.predecessors) {
      expect(predecessor.years.every((y) => y.criteriaTotal === 19 && y.criteriaMet <= 19)).toBe(
        true,
      );
    }
  });

  it("reads the version in force on the day asked: old X01 before the merger had no predecessors", async () => {
    const response = await history("vpdp", "X01", "?asOf=2024-06-01");
    expect(response.status).toBe(200);
    expect(response.body.unit.validFrom).toBe("2008-01-01");
    expect(response.body.predecessors).toEqual([]);
  });

  it("lets the new commune's officer read its predecessors' history", async () => {
    const response = await history("xa1", "X01");
    expect(response.status).toBe(200);
    expect(response.body.predecessors).toHaveLength(3);
  });

  it.each([
    ["the officer of a commune that gave only part of its area", "xa3"],
    ["a commune officer of another province", "xa21"],
    ["an administrator of another province", "admin2"],
  ])("refuses %s with the policy's reason", async (_name, user) => {
    const response = await history(user, "X01");
    expect(response.status).toBe(403);
    expect(response.body.error.message).toContain("ngoài phạm vi");
    expect(JSON.stringify(response.body)).not.toContain("Đắk Man");
  });

  it("goes back through an earlier merger too, a partial step making the whole way partial", async () => {
    const db = t.database.db;
    await importUnits(db, {
      user: systemUser,
      rows: [commune("X07", "Xã Đắk Ring", { validTo: "2023-12-31" })],
    });
    await db.insert(tables.unitSuccessors).values({
      predecessorCode: "X07",
      predecessorValidFrom: "2008-01-01",
      successorCode: "X03",
      successorValidFrom: "2008-01-01",
      kind: "full",
      effectiveDate: "2024-01-01",
    });
    const body = (await history("vpdp", "X01")).body as PredecessorHistoryResponse;
    expect(body.predecessors.map((p) => [p.code, p.depth, p.kind, p.effectiveDate])).toEqual([
      ["X01", 1, "full", "2025-07-01"],
      ["X02", 1, "full", "2025-07-01"],
      ["X03", 1, "partial", "2025-07-01"],
      ["X07", 2, "partial", "2025-07-01"],
    ]);
  });

  it("answers 404 with a Vietnamese message for an unknown unit", async () => {
    const response = await history("vpdp", "X99");
    expect(response.status).toBe(404);
    expect(response.body.error.message).toContain("X99");
  });

  it("answers 400 for a malformed date", async () => {
    expect((await history("vpdp", "X01", "?asOf=2025-13-40")).status).toBe(400);
  });
});
