import { readFileSync } from "node:fs";
import { expect } from "vitest";
import type { Db } from "@ntm/db";
import type { CriteriaSet } from "@ntm/domain";
import type { WatchResponse } from "@ntm/contracts";
import { writeValuesBulk } from "../features/assessments/index.ts";
import { systemUser } from "../features/auth/auth-user.ts";
import { importCatalog } from "../features/catalog/catalog.service.ts";
import { importRecognitions } from "../features/dossiers/index.ts";
import { createTestApp, loginAs, type TestApp } from "./test-app.ts";

/** The clock of the carry-over tests: December 2026, the first year of the 2026–2030 set. */
export const december2026 = new Date("2026-12-06T03:00:00Z");

/** The national 2026–2030 set (QĐ 51/2025/QĐ-TTg) as shipped. */
const set2026 = JSON.parse(
  readFileSync(
    new URL("../../../../data/criteria/vn-commune-2026-2030.json", import.meta.url),
    "utf8",
  ),
) as CriteriaSet;

/** The province's deadline: a 2021–2025 recognition holds until re-assessed by 30/9/2026. */
export const reassessBySeptember = {
  mode: "reassess_by",
  deadline: "2026-09-30",
  basis: { document: "25/KH-UBND", date: "2026-03-10" },
} as const;

/** The 2026–2030 set imported and the communes recognised at the standard level in 2022. */
export async function recognisedIn2022(db: Db, unitCodes: string[]) {
  await importCatalog(db, { document: set2026, by: systemUser, now: december2026 });
  await importRecognitions(db, {
    by: systemUser,
    demo: false,
    rows: unitCodes.map((unitCode) => ({
      unitCode,
      level: "standard" as const,
      year: 2022,
      decisionNumber: `12/QĐ-UBND ${unitCode}`,
      decisionDate: "2022-12-20",
    })),
  });
}

/** A re-assessment on the 2026–2030 set stored at `now`: every indicator of 2026 below its threshold. */
export async function reassessIn2026(db: Db, unitCode: string, now: Date) {
  await writeValuesBulk(db, {
    rows: set2026.criteria.flatMap((criterion) =>
      criterion.indicators.map((indicator) => ({
        unitCode,
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
}

export interface CarryOverApp extends TestApp {
  /** Province P01's carry-over rule, set by its administrator. */
  setRule: (body: object) => Promise<void>;
  /** Province P01's revocation watch of a year, as the coordination office reads it. */
  watch: (year: number) => Promise<WatchResponse>;
}

/** The test server in December 2026, with the province administrator's and office's sessions. */
export async function createCarryOverApp(): Promise<CarryOverApp> {
  const t = await createTestApp({ now: december2026 });
  const admin = await loginAs(t.app, "admin");
  const office = await loginAs(t.app, "vpdp");
  return {
    ...t,
    async setRule(body) {
      const response = await t.app.inject({
        method: "PUT",
        url: "/api/catalog/carry-over/P01",
        headers: { cookie: admin },
        payload: body,
      });
      expect(response.statusCode, response.body).toBe(200);
    },
    async watch(year) {
      const response = await t.app.inject({
        method: "GET",
        url: `/api/watch/revocation?unit=P01&year=${year}`,
        headers: { cookie: office },
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<WatchResponse>();
    },
  };
}
