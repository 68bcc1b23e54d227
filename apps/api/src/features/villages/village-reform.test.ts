import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "@ntm/db";
import type { ReformSource } from "@ntm/domain";
import { importReform } from "../../index.ts";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.ts";
import { systemUser } from "../auth/index.ts";
import { villageSetFixture } from "./village-set-fixture.ts";

/**
 * Villages through the 2025 reform: X01 and X02 merge into X10, X03 is divided between X11 and
 * X12. The village of X01 moves to X10 with its code (a version under X01 to 30/6/2025, one under
 * X10 from 1/7/2025) and keeps its 2024 values and recognition; the village of the divided X03 is
 * listed for the province to place; a second run has nothing to do.
 */
let t: TestApp;
const cookies: Record<string, string> = {};
const setCode = "p01-thon-ntm";

const source: ReformSource = {
  effectiveDate: "2025-07-01",
  lastDayBefore: "2025-06-30",
  provinces: [
    {
      code: "P01",
      name: "Tỉnh Thử Nghiệm",
      provinceCode: "P01",
      type: null,
      predecessors: [{ code: "P01", kind: "full" }],
    },
  ],
  units: [
    {
      code: "X10",
      name: "Xã Hợp Nhất",
      provinceCode: "P01",
      type: "xa",
      predecessors: [
        { code: "X01", kind: "full" },
        { code: "X02", kind: "full" },
      ],
    },
    ...["X11", "X12"].map((code, index) => ({
      code,
      name: `Xã Chia ${index + 1}`,
      provinceCode: "P01",
      type: "xa" as const,
      predecessors: [{ code: "X03", kind: "partial" as const }],
    })),
  ],
  oldProvinceOf: new Map([
    ["X01", "P01"],
    ["X02", "P01"],
    ["X03", "P01"],
  ]),
};

const call = (user: string, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
  t.app.inject({
    method,
    url,
    headers: { cookie: cookies[user] as string },
    ...(payload ? { payload } : {}),
  });

async function versions(code: string) {
  return queryRows<{ parent: string; validFrom: string; validTo: string | null }>(
    t.database.db,
    sql`select parent_code as parent, valid_from::text as "validFrom", valid_to::text as "validTo"
          from admin_units where code = ${code} order by valid_from`,
  );
}

let merged: string;
let divided: string;

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ["admin", "xa1"]) cookies[user] = await loginAs(t.app, user);
  const imported = await call("admin", "POST", "/api/catalog/sets", villageSetFixture());
  expect(imported.statusCode, imported.body).toBe(201);
  const create = async (commune: string, name: string) => {
    const response = await call("admin", "POST", `/api/communes/${commune}/villages`, {
      name,
      validFrom: "2023-01-01",
      basis: "Nghị quyết 05/NQ-HĐND ngày 01/12/2022",
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().code as string;
  };
  merged = await create("X01", "Thôn Đăk Wơk");
  divided = await create("X03", "Thôn Tân Lập");
  const values = await call(
    "xa1",
    "PUT",
    `/api/villages/${merged}/sets/${setCode}/assessments/2024/values`,
    {
      version: 0,
      values: [
        { indicatorCode: "1.1", value: 85 },
        { indicatorCode: "2.1", value: true },
      ],
    },
  );
  expect(values.statusCode, values.body).toBe(200);
  for (const step of [
    { type: "self_assess", year: 2024, reportNumber: "03/BC-BPT", reportDate: "2024-05-02" },
    { type: "recognise", decisionNumber: "50/QĐ-UBND", decisionDate: "2024-06-10" },
  ]) {
    const response = await call(
      "xa1",
      "POST",
      `/api/villages/${merged}/recognitions/${setCode}`,
      step,
    );
    expect(response.statusCode, response.body).toBe(200);
  }
});
afterAll(() => t?.close());

describe("villages through the reform import", () => {
  it("plans the moves in a dry run without writing", async () => {
    const dry = await importReform(t.database.db, { user: systemUser, dryRun: true, source });
    expect(dry.villages.moved).toBe(1);
    expect(await versions(merged)).toEqual([
      { parent: "X01", validFrom: "2023-01-01", validTo: null },
    ]);
  });

  it("moves the village of a merged commune under the new commune from 1/7/2025, keeping its code", async () => {
    const result = await importReform(t.database.db, { user: systemUser, dryRun: false, source });
    expect(result.villages.moved).toBe(1);
    expect(result.villages.toPlace).toEqual([
      { code: divided, name: "Thôn Tân Lập", communeCode: "X03", candidates: ["X11", "X12"] },
    ]);
    expect(await versions(merged)).toEqual([
      { parent: "X01", validFrom: "2023-01-01", validTo: "2025-06-30" },
      { parent: "X10", validFrom: "2025-07-01", validTo: null },
    ]);
    expect(await versions(divided)).toEqual([
      { parent: "X03", validFrom: "2023-01-01", validTo: null },
    ]);
    const names = async (commune: string, year: number) =>
      (await call("admin", "GET", `/api/communes/${commune}/villages?year=${year}`))
        .json()
        .villages.map((row: { code: string }) => row.code);
    expect(await names("X10", 2025)).toEqual([merged]);
    expect(await names("X01", 2024)).toEqual([merged]);
  });

  it("keeps the village's 2024 values, result and recognition under the former commune", async () => {
    const card = await call(
      "admin",
      "GET",
      `/api/villages/${merged}/sets/${setCode}/assessments/2024`,
    );
    expect(card.statusCode, card.body).toBe(200);
    const body = card.json();
    expect(body.result.level).toBe("standard");
    expect(body.recognition).toMatchObject({ status: "recognised", decisionNumber: "50/QĐ-UBND" });
    const summary = await call("admin", "GET", "/api/units/P01/villages-summary?year=2025");
    expect(summary.statusCode, summary.body).toBe(200);
    expect(JSON.stringify(summary.json())).toContain("X10");
  });

  it("has nothing to do on a second run", async () => {
    const again = await importReform(t.database.db, { user: systemUser, dryRun: false, source });
    expect(again.villages.moved).toBe(0);
    expect(again.unchanged).toBe(true);
  });
});
