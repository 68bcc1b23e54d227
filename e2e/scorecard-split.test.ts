import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  joinScorecard,
  type CatalogSetDetail,
  type CurrentUser,
  type ScorecardResponse,
  type UnitDto,
} from "@ntm/contracts";
import { apiGet, apiLogin, startApp, type RunningApp } from "./support/start-app.ts";

/** The most a commune's own scorecard answer may weigh: the set version travels on its own. */
const answerLimit = 30 * 1024;

let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

async function answerOf(cookie: string, code: string, year: number) {
  const response = await fetch(`${app.baseUrl}/api/units/${code}/scorecard?year=${year}`, {
    headers: { cookie },
  });
  const text = await response.text();
  return { status: response.status, bytes: Buffer.byteLength(text), text };
}

describe("a demo commune's scorecard, split from its set version", () => {
  it("weighs at most 30 KB of JSON in every demo year, and joins into the full result", async () => {
    const cookie = await apiLogin(app.baseUrl, "xa");
    const me = await apiGet<CurrentUser>(app.baseUrl, cookie, "/api/auth/me");
    const sets = new Map<number, CatalogSetDetail>();
    let read = 0;
    for (const year of [2022, 2023, 2024, 2025, 2026]) {
      const answer = await answerOf(cookie, me.unitCode, year);
      if (answer.status !== 200) continue;
      read += 1;
      expect(answer.bytes, `${me.unitCode} ${year}`).toBeLessThanOrEqual(answerLimit);
      const body = JSON.parse(answer.text) as ScorecardResponse;
      const set =
        sets.get(body.set.id) ??
        (await apiGet<CatalogSetDetail>(app.baseUrl, cookie, `/api/catalog/sets/${body.set.id}`));
      sets.set(body.set.id, set);
      const card = joinScorecard(body, set.definition);
      // The figures the server counted agree with the statuses it sent, read through the set.
      expect(card.criteriaMet).toBe(body.criteriaMet);
      expect(card.level).toBe(body.level);
      expect(card.valuesEntered).toBe(body.valuesEntered);
      expect(card.criteria).toHaveLength(body.criteriaTotal);
      const threshold = card.criteria[0]?.indicators[0]?.byLevel.standard?.threshold;
      expect(threshold?.basis.document).toBeTruthy();
    }
    expect(read).toBeGreaterThanOrEqual(3);
    expect(sets.size).toBeGreaterThanOrEqual(2);
  });

  it("weighs at most 30 KB for every commune of a demo district", async () => {
    const cookie = await apiLogin(app.baseUrl, "huyen");
    const me = await apiGet<CurrentUser>(app.baseUrl, cookie, "/api/auth/me");
    const list = await apiGet<{ units: UnitDto[] }>(
      app.baseUrl,
      cookie,
      `/api/units?parent=${me.unitCode}&asOf=2024-12-31`,
    );
    const communes = list.units.filter((unit) => unit.assessed);
    expect(communes.length).toBeGreaterThan(5);
    for (const commune of communes) {
      const answer = await answerOf(cookie, commune.code, 2024);
      expect(answer.status).toBe(200);
      expect(answer.bytes, commune.code).toBeLessThanOrEqual(answerLimit);
    }
  });

  it("reads its set version once, kept for good by any cache and answered 304 when asked again", async () => {
    const cookie = await apiLogin(app.baseUrl, "xem");
    const list = await apiGet<{ sets: { id: number }[] }>(app.baseUrl, cookie, "/api/catalog/sets");
    const id = list.sets[0]?.id as number;
    const first = await fetch(`${app.baseUrl}/api/catalog/sets/${id}`, { headers: { cookie } });
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const etag = first.headers.get("etag") as string;
    const again = await fetch(`${app.baseUrl}/api/catalog/sets/${id}`, {
      headers: { cookie, "if-none-match": etag },
    });
    expect(again.status).toBe(304);
  });

  it("is named in the officer's page, so it loads with the page", async () => {
    const cookie = await apiLogin(app.baseUrl, "xa");
    const me = await apiGet<CurrentUser>(app.baseUrl, cookie, "/api/auth/me");
    const response = await fetch(`${app.baseUrl}/units/${me.unitCode}`, { headers: { cookie } });
    expect(response.headers.get("cache-control")).toBe("private, no-cache");
    expect(response.headers.get("vary")).toMatch(/Cookie/);
    const html = await response.text();
    const answer = await apiGet<ScorecardResponse>(
      app.baseUrl,
      cookie,
      `/api/units/${me.unitCode}/scorecard?year=2024`,
    );
    expect(html).toContain(
      `<link rel="preload" href="/api/units/${me.unitCode}/scorecard?year=2024" as="fetch" crossorigin="anonymous" />`,
    );
    expect(html).toContain(`href="/api/catalog/sets/${answer.set.id}"`);
    const anonymous = await (await fetch(`${app.baseUrl}/units/${me.unitCode}`)).text();
    expect(anonymous).not.toContain("/scorecard");
  });
});
