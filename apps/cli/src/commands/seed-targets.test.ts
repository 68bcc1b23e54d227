import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser, UnitTargetsResponse } from "@ntm/contracts";
import { buildServer } from "@ntm/api";
import { createTestDatabase, type Database } from "@ntm/db";
import { demoPassword, seedDemo } from "./seed-demo.ts";

let database: Database;
let app: FastifyInstance;
const folder = mkdtempSync(join(tmpdir(), "ntm-demo-targets-"));
const cookies = new Map<string, string>();

async function get<T>(username: string, url: string): Promise<T> {
  let cookie = cookies.get(username);
  if (!cookie) {
    const login = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username, password: demoPassword },
    });
    expect(login.statusCode, login.body).toBe(200);
    cookie = `ntm_session=${login.cookies.find((c) => c.name === "ntm_session")?.value}`;
    cookies.set(username, cookie);
  }
  const response = await app.inject({ method: "GET", url, headers: { cookie } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database, { ifEmpty: true, log: () => undefined });
  // December 2026: the reform of 1/7/2025 is in force.
  const now = new Date("2026-12-06T03:00:00Z");
  app = await buildServer({ database, dataDir: folder, now: () => now });

  // The whole demo (two old provinces, the reform, five years of values) on a shared machine.
}, 300_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
  rmSync(folder, { recursive: true, force: true });
});

async function provinceTargets(year?: number) {
  const me = await get<CurrentUser>("vpdp", "/api/auth/me");
  const query = year ? `?year=${year}` : "";
  return get<UnitTargetsResponse>("vpdp", `/api/units/${me.unitCode}/targets${query}`);
}

describe("the demo's targets (CV 3080/UBND-NNTN)", () => {
  it("'no commune below 10 criteria by end of 2023' read in 2026 counts the 85 communes of 2023", async () => {
    for (const year of [undefined, 2025, 2026]) {
      const { targets } = await provinceTargets(year);
      const found = targets.find(
        (row) => row.target.name === "Không còn xã dưới 10 tiêu chí đến cuối năm 2023",
      );
      expect(found?.progress.year).toBe(2023);
      expect(found?.progress.rule).toContain("72/85 xã đạt yêu cầu");
      expect(found?.progress.rule).toContain("còn 13 xã chưa đạt");
      expect(found?.progress.behind.some((row) => row.name.includes("sáp nhập"))).toBe(false);
    }
  });

  it("Tu Mơ Rông: 1 NTM commune in 2024 is on track on its 2024 milestone; the communes not gaining are named", async () => {
    const { targets } = await provinceTargets(2024);
    const found = targets.find((row) => row.target.milestones.length > 0);
    expect(found?.target.unitName).toBe("Huyện Tu Mơ Rông");
    expect(found?.progress.status).toBe("onTrack");
    expect(found?.progress.actual).toBe(1);
    expect(found?.progress.rule).toContain("Đạt mốc năm 2024: 1 xã, mốc năm 2024: 1 xã");
    // The demo's values: Tê Xăng went from 11 criteria in 2023 to 10 in 2024.
    expect(found?.progress.behind.map((row) => [row.name, row.gained])).toEqual([
      ["Xã Tê Xăng", -1],
    ]);
  });

  it("the district account sees the province's targets naming its communes, with its share", async () => {
    const me = await get<CurrentUser>("huyen", "/api/auth/me");
    const body = await get<UnitTargetsResponse>(
      "huyen",
      `/api/units/${me.unitCode}/targets?year=2024`,
    );
    const noneBelow = body.fromAbove.find(
      (row) => row.target.name === "Không còn xã dưới 10 tiêu chí đến cuối năm 2023",
    );
    expect(noneBelow?.share?.unitCode).toBe(me.unitCode);
    expect(noneBelow?.progress.rule).toContain("72/85");
    expect(noneBelow?.share?.communes).toBeGreaterThan(0);
    expect(noneBelow?.share?.behind.length).toBe(noneBelow?.progress.behind.length);
    expect(body.targets.every((row) => row.target.unitCode === me.unitCode)).toBe(true);
  });
});
