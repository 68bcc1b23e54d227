import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CriteriaSet } from "@ntm/domain";
import type { WatchResponse } from "@ntm/contracts";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.ts";
import { writeValuesBulk } from "../assessments/index.ts";
import { systemUser } from "../auth/index.ts";
import { importCatalog } from "../../index.ts";
import { importUnits } from "../units/index.ts";
import { importRecognitions } from "./import-recognitions.ts";

// Two communes recognised in 2022: X07 not re-assessed on the 2026–2030 set, X08 re-assessed
// (2026 values, every indicator below its threshold).
const set2026 = JSON.parse(
  readFileSync(
    new URL("../../../../../data/criteria/vn-commune-2026-2030.json", import.meta.url),
    "utf8",
  ),
) as CriteriaSet;

let t: TestApp;
const cookies: Record<string, string> = {};
const now = new Date("2026-12-06T03:00:00Z");

beforeAll(async () => {
  t = await createTestApp({ now });
  const db = t.database.db;
  const commune = (code: string, name: string) => ({
    code,
    name,
    level: "commune" as const,
    parentCode: "D01",
    validFrom: "2008-01-01",
    region: "TN",
    communeGroup: "2",
    flags: [],
  });
  await importUnits(db, {
    user: systemUser,
    rows: [commune("X07", "Xã Giữ Công Nhận"), commune("X08", "Xã Đánh Giá Lại")],
  });
  await importCatalog(db, { document: set2026, by: systemUser, now });
  await importRecognitions(db, {
    by: systemUser,
    demo: false,
    rows: ["X07", "X08"].map((unitCode) => ({
      unitCode,
      level: "standard" as const,
      year: 2022,
      decisionNumber: `12/QĐ-UBND ${unitCode}`,
      decisionDate: "2022-12-20",
    })),
  });
  await writeValuesBulk(db, {
    rows: set2026.criteria.flatMap((criterion) =>
      criterion.indicators.map((indicator) => ({
        unitCode: "X08",
        year: 2026,
        indicatorCode: indicator.code,
        value: indicator.kind === "boolean" ? false : 0,
      })),
    ),
    by: systemUser,
    now,
    demo: false,
    source: "kiểm thử",
  });
  // The re-assessment was stored on 15/9/2026.
  await db.execute(
    sql`update evaluation_results set computed_at = '2026-09-15T03:00:00Z',
          first_computed_at = '2026-09-15T03:00:00Z' where unit_code = 'X08'`,
  );
  for (const user of ["admin", "vpdp"]) cookies[user] = await loginAs(t.app, user);
});
afterAll(() => t.close());

async function watch(year: number): Promise<WatchResponse> {
  const response = await t.app.inject({
    method: "GET",
    url: `/api/watch/revocation?unit=P01&year=${year}`,
    headers: { cookie: cookies.vpdp as string },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<WatchResponse>();
}

const row = (body: WatchResponse, code: string) => body.communes.find((c) => c.unitCode === code);

async function setRule(body: object) {
  const response = await t.app.inject({
    method: "PUT",
    url: "/api/catalog/carry-over/P01",
    headers: { cookie: cookies.admin as string },
    payload: body,
  });
  expect(response.statusCode, response.body).toBe(200);
}

describe("the revocation watch of 2026 applies the province's carry-over rule", () => {
  it("keeps a recognition until re-assessed by default, and judges the re-assessed commune on the 2026–2030 set", async () => {
    const body = await watch(2026);
    expect(body.setCode).toBe("vn-commune-2026-2030");
    expect(body.keyCriteria).toEqual(["3", "8", "10"]);
    expect(body.keyCriteriaNote).toContain("Chưa kiểm chứng");
    expect(row(body, "X07")?.carryOver).toMatchObject({ status: "kept", lapsedOn: null });
    expect(row(body, "X07")?.flag).toBeNull();
    expect(row(body, "X08")?.carryOver?.status).toBe("reassessed");
    expect(row(body, "X08")?.criteriaTotal).toBe(10);
    expect(body.candidates.map((c) => c.unitCode)).toContain("X08");
  });

  it("shows a recognition not re-assessed by the deadline as lapsed, and no longer a candidate", async () => {
    await setRule({
      mode: "reassess_by",
      deadline: "2026-09-30",
      basis: { document: "25/KH-UBND", date: "2026-03-10" },
    });
    const body = await watch(2026);
    expect(row(body, "X07")?.carryOver).toMatchObject({ status: "lapsed", lapsedOn: "2026-10-01" });
    expect(row(body, "X07")?.carryOver?.reason).toContain("Quá hạn đánh giá lại 30/09/2026");
    expect(row(body, "X07")?.flag).toBeNull();
    expect(body.candidates.map((c) => c.unitCode)).not.toContain("X07");
    // Re-assessed on 15/9/2026, within the deadline: judged on its 2026 results.
    expect(row(body, "X08")?.carryOver?.status).toBe("reassessed");
    expect(body.candidates.map((c) => c.unitCode)).toContain("X08");
  });

  it("lapses every 2021–2025 recognition when the province chose so", async () => {
    await setRule({ mode: "lapse_at_new_set", basis: null });
    const body = await watch(2026);
    for (const code of ["X07", "X08"]) {
      expect(row(body, code)?.carryOver).toMatchObject({
        status: "lapsed",
        lapsedOn: "2026-02-15",
      });
    }
    expect(body.candidates.filter((c) => ["X07", "X08"].includes(c.unitCode))).toEqual([]);
  });

  it("does not touch the watch of a year of the 2021–2025 set", async () => {
    const body = await watch(2024);
    expect(row(body, "X07")?.carryOver ?? null).toBeNull();
  });
});
