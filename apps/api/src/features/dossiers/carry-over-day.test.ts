import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CriteriaSet } from "@ntm/domain";
import type { WatchResponse } from "@ntm/contracts";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.ts";
import { reevaluate, writeValuesBulk } from "../assessments/index.ts";
import { systemUser } from "../auth/index.ts";
import { importCatalog } from "../../index.ts";
import { findReassessedOn } from "./carry-over.repository.ts";
import { importRecognitions } from "./import-recognitions.ts";

// X01, recognised in 2022, re-assessed on the 2026–2030 set on 15/9/2026, within the province's
// deadline of 30/9/2026. A maintenance re-evaluation in December rewrites the stored result; the
// day of the re-assessment stays the first one.
const set2026 = JSON.parse(
  readFileSync(
    new URL("../../../../../data/criteria/vn-commune-2026-2030.json", import.meta.url),
    "utf8",
  ),
) as CriteriaSet;

let t: TestApp;
const cookies: Record<string, string> = {};
const now = new Date("2026-12-06T03:00:00Z");
const reassessedAt = new Date("2026-09-15T03:00:00Z");

beforeAll(async () => {
  t = await createTestApp({ now });
  const db = t.database.db;
  await importCatalog(db, { document: set2026, by: systemUser, now });
  await importRecognitions(db, {
    by: systemUser,
    demo: false,
    rows: [
      {
        unitCode: "X01",
        level: "standard" as const,
        year: 2022,
        decisionNumber: "12/QĐ-UBND",
        decisionDate: "2022-12-20",
      },
    ],
  });
  await writeValuesBulk(db, {
    rows: set2026.criteria.flatMap((criterion) =>
      criterion.indicators.map((indicator) => ({
        unitCode: "X01",
        year: 2026,
        indicatorCode: indicator.code,
        value: indicator.kind === "boolean" ? false : 0,
      })),
    ),
    by: systemUser,
    now: reassessedAt,
    demo: false,
    source: "kiểm thử",
  });
  for (const user of ["admin", "vpdp"]) cookies[user] = await loginAs(t.app, user);
  const rule = await t.app.inject({
    method: "PUT",
    url: "/api/catalog/carry-over/P01",
    headers: { cookie: cookies.admin as string },
    payload: {
      mode: "reassess_by",
      deadline: "2026-09-30",
      basis: { document: "25/KH-UBND", date: "2026-03-10" },
    },
  });
  expect(rule.statusCode, rule.body).toBe(200);
});
afterAll(() => t?.close());

async function carryOverOfX01() {
  const response = await t.app.inject({
    method: "GET",
    url: "/api/watch/revocation?unit=P01&year=2026",
    headers: { cookie: cookies.vpdp as string },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<WatchResponse>().communes.find((c) => c.unitCode === "X01")?.carryOver;
}

describe("the day a commune was re-assessed under the new set", () => {
  it("is the day of its first result, kept through a maintenance re-evaluation", async () => {
    expect(await carryOverOfX01()).toMatchObject({ status: "reassessed" });
    const run = await reevaluate(t.database.db, { years: [2026], unitCodes: ["X01"], now });
    expect(run.evaluated).toBe(1);
    expect((await findReassessedOn(t.database.db, ["X01"], 2026, 2030)).get("X01")).toBe(
      "2026-09-15",
    );
    expect(await carryOverOfX01()).toMatchObject({ status: "reassessed" });
  });
});
