import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScorecardResponse } from "@ntm/contracts";
import { createTestApp, loginAs, type TestApp } from "../test/test-app.ts";

const page = "<!doctype html><html><head><title>NTM Monitor</title></head><body></body></html>";

let t: TestApp;
let webDist: string;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  webDist = mkdtempSync(join(tmpdir(), "ntm-page-"));
  writeFileSync(join(webDist, "index.html"), page);
  t = await createTestApp({ webDist });
  for (const user of ["xa1", "huyen", "xem", "vpdp", "so-nn"])
    cookies[user] = await loginAs(t.app, user);
});
afterAll(async () => {
  await t.close();
  rmSync(webDist, { recursive: true, force: true });
});

function open(url: string, cookie?: string) {
  return t.app.inject({ method: "GET", url, headers: cookie ? { cookie } : {} });
}

function preloadsOf(html: string): string[] {
  return [...html.matchAll(/<link rel="preload" href="([^"]+)" as="fetch" crossorigin/g)].map(
    (match) => (match[1] as string).replace(/&amp;/g, "&"),
  );
}

async function setIdOf(cookie: string, code: string, year = 2024) {
  const response = await open(`/api/units/${code}/scorecard?year=${year}`, cookie);
  return response.json<ScorecardResponse>().set.id;
}

describe("the page of a commune's scorecard", () => {
  it("names the unit, the scorecard and its set version for the commune's officer", async () => {
    const response = await open("/units/X01", cookies.xa1);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/html/);
    const setId = await setIdOf(cookies.xa1 as string, "X01");
    // The test clock is 15/06/2024: the web asks the unit as of today in its year.
    expect(preloadsOf(response.body)).toEqual([
      "/api/units/X01?asOf=2024-06-15",
      "/api/units/X01/scorecard?year=2024",
      `/api/catalog/sets/${setId}`,
    ]);
    for (const url of preloadsOf(response.body)) {
      expect((await open(url, cookies.xa1)).statusCode, url).toBe(200);
    }
  });

  it("is the user's own, revalidated on each visit and never kept for another cookie", async () => {
    const response = await open("/units/X01", cookies.xa1);
    expect(response.headers["cache-control"]).toBe("private, no-cache");
    expect(response.headers.vary).toMatch(/\bCookie\b/);
    const anonymous = await open("/units/X01");
    expect(anonymous.headers["cache-control"]).toBe("no-cache");
    expect(anonymous.headers.vary).toMatch(/\bCookie\b/);
  });

  it("names nothing without a session, or with a session that is not one", async () => {
    expect(preloadsOf((await open("/units/X01")).body)).toEqual([]);
    expect(preloadsOf((await open("/units/X01", "ntm_session=forged")).body)).toEqual([]);
    expect((await open("/units/X01")).body).toBe(page);
  });

  it("names nothing of a commune outside the user's scope", async () => {
    expect(preloadsOf((await open("/units/X02", cookies.xa1)).body)).toEqual([]);
    expect(preloadsOf((await open("/units/X03", cookies.huyen)).body)).toEqual([]);
    expect((await open("/api/units/X03/scorecard?year=2024", cookies.huyen)).statusCode).toBe(403);
  });

  it("names a commune's scorecard for a district and a viewer that may read it", async () => {
    expect(preloadsOf((await open("/units/X02", cookies.huyen)).body)).toContain(
      "/api/units/X02/scorecard?year=2024",
    );
    expect(preloadsOf((await open("/units/X03", cookies.xem)).body)).toContain(
      "/api/units/X03/scorecard?year=2024",
    );
  });

  it("names nothing for a unit that is not an assessed commune, or none at all", async () => {
    expect(preloadsOf((await open("/units/W01", cookies.xem)).body)).toEqual([]);
    expect(preloadsOf((await open("/units/NOPE", cookies.xem)).body)).toEqual([]);
    expect(preloadsOf((await open("/units/%E0%A4%A", cookies.xem)).body)).toEqual([]);
  });

  it("takes the year the app opens with from its cookie, else the app's default", async () => {
    const cookie = `${cookies.xa1}; ntm_year=2023`;
    const setId = await setIdOf(cookie, "X01", 2023);
    expect(preloadsOf((await open("/units/X01", cookie)).body)).toEqual([
      "/api/units/X01?asOf=2023-12-31",
      "/api/units/X01/scorecard?year=2023",
      `/api/catalog/sets/${setId}`,
    ]);
    const odd = preloadsOf((await open("/units/X01", `${cookies.xa1}; ntm_year=abc`)).body);
    expect(odd).toContain("/api/units/X01/scorecard?year=2024");
  });
});

describe("the page of a province's or district's overview", () => {
  it("names the unit and its summary as the overview asks them", async () => {
    const response = await open("/units/P01", cookies.vpdp);
    expect(response.headers["cache-control"]).toBe("private, no-cache");
    expect(preloadsOf(response.body)).toEqual([
      "/api/units/P01?asOf=2024-06-15",
      "/api/units/P01/summary?year=2024&below=10",
    ]);
    for (const url of preloadsOf(response.body)) {
      expect((await open(url, cookies.vpdp)).statusCode, url).toBe(200);
    }
    expect(preloadsOf((await open("/units/D01", cookies.huyen)).body)).toEqual([
      "/api/units/D01?asOf=2024-06-15",
      "/api/units/D01/summary?year=2024&below=10",
    ]);
    expect(preloadsOf((await open("/units/P01", cookies.xem)).body)).toContain(
      "/api/units/P01/summary?year=2024&below=10",
    );
  });

  it("names nothing of a unit outside the user's scope, or without a session", async () => {
    expect(
      (await open("/api/units/D02/summary?year=2024&below=10", cookies.huyen)).statusCode,
    ).toBe(403);
    expect(preloadsOf((await open("/units/D02", cookies.huyen)).body)).toEqual([]);
    expect(preloadsOf((await open("/units/P01", cookies.huyen)).body)).toEqual([]);
    expect(preloadsOf((await open("/units/P01", cookies.xa1)).body)).toEqual([]);
    expect(preloadsOf((await open("/units/P01")).body)).toEqual([]);
  });
});

describe("the page of a targets dashboard", () => {
  it("names the dashboard of the year the app opens with", async () => {
    expect(preloadsOf((await open("/targets/P01", cookies.vpdp)).body)).toEqual([
      "/api/units/P01/dashboard?year=2024",
    ]);
    expect((await open("/api/units/P01/dashboard?year=2024", cookies.vpdp)).statusCode).toBe(200);
    const cookie = `${cookies.vpdp}; ntm_year=2023`;
    expect(preloadsOf((await open("/targets/P01", cookie)).body)).toEqual([
      "/api/units/P01/dashboard?year=2023",
    ]);
  });

  it("names the user's own unit's at /targets, which opens it", async () => {
    expect(preloadsOf((await open("/targets", cookies.huyen)).body)).toEqual([
      "/api/units/D01/dashboard?year=2024",
    ]);
  });

  it("names nothing outside the scope, for a department, a unit not found or another page", async () => {
    expect((await open("/api/units/D02/dashboard?year=2024", cookies.huyen)).statusCode).toBe(403);
    expect(preloadsOf((await open("/targets/D02", cookies.huyen)).body)).toEqual([]);
    expect(preloadsOf((await open("/targets/P01", cookies["so-nn"])).body)).toEqual([]);
    expect(preloadsOf((await open("/targets/NOPE", cookies.vpdp)).body)).toEqual([]);
    expect(preloadsOf((await open("/targets/P01/extra", cookies.vpdp)).body)).toEqual([]);
    expect(preloadsOf((await open("/targets/P01")).body)).toEqual([]);
  });
});

describe("the pages that open a user's own unit and the home", () => {
  it("names the officer's own commune at /units, which opens it", async () => {
    expect(preloadsOf((await open("/units", cookies.xa1)).body)).toContain(
      "/api/units/X01/scorecard?year=2024",
    );
  });

  it("names the home's task list at /", async () => {
    expect(preloadsOf((await open("/", cookies.xa1)).body)).toEqual(["/api/me/tasks"]);
    expect(preloadsOf((await open("/")).body)).toEqual([]);
  });
});
