import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { CurrentUser, PredecessorHistoryResponse, SummaryResponse } from "@ntm/contracts";
import { launchBrowser, login, screenshot } from "./support/browser.ts";
import {
  apiGet,
  apiScorecard,
  apiSession,
  startApp,
  type RunningApp,
} from "./support/start-app.ts";

let app: RunningApp;
let browser: Browser;

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** The province administrator, signed in in the browser with the year chosen in the header. */
async function adminPage(year: number, viewport = desktop): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await login(page, app.baseUrl, "admin");
  await page.getByTestId("year-select").selectOption(String(year));
  return page;
}

describe("the demo is the province of today, Quảng Ngãi (51), holding the former Kon Tum", () => {
  it("shows 2026 on the 96 units of today with no district level, saying which have no data", async () => {
    const admin = await apiSession(app.baseUrl, "admin");
    const me = await apiGet<CurrentUser>(app.baseUrl, admin, "/api/auth/me");
    expect(me.unitCode).toBe("51");
    const summary = await apiGet<SummaryResponse>(
      app.baseUrl,
      admin,
      "/api/units/51/summary?year=2026",
    );
    // 86 of the 96 units are xã (the others are 9 phường and 1 đặc khu, not assessed).
    expect(summary.communes).toBe(86);
    // Only the new xã formed from Kon Tum communes have (illustrative) 2026 values.
    expect(summary.evaluated).toBeGreaterThan(30);
    expect(summary.evaluated).toBeLessThan(86);
    expect(summary.units.every((unit) => unit.demo)).toBe(true);
    expect(
      summary.units.every((unit) => !/^(Huyện|Thành phố|Thị xã) /.test(unit.parentName ?? "")),
    ).toBe(true);

    for (const viewport of [desktop, phone]) {
      const page = await adminPage(2026, viewport);
      await page.goto(`${app.baseUrl}/units/51`);
      await page.getByTestId("overview-page").waitFor();
      await page.getByTestId("communes-table").waitFor();
      const text = await page.getByTestId("overview-page").innerText();
      expect(text).toContain("Quảng Ngãi");
      expect(text).not.toContain("Huyện Đắk Glei");
      // Communes sit right under the province: no district column repeating its name.
      const headers = await page.getByTestId("communes-table").locator("th").allInnerTexts();
      expect(headers.map((header) => header.trim())).not.toContain("Huyện");
      await screenshot(page, `present-day-province-2026-${viewport.width}`);
      await page.close();
    }
  });

  it("gives a merged commune the 10 criteria of 2026 and its predecessors' results marked whole or part", async () => {
    const admin = await apiSession(app.baseUrl, "admin");
    // New 23344 "Xã Đăk Plô" = old 23344 Đắk Blô + 23347 Đắk Man + 23350 Đắk Nhoong, all whole.
    const card = await apiScorecard(app.baseUrl, admin, "/api/units/23344/scorecard?year=2026");
    expect(card.criteriaTotal).toBe(10);
    expect(card.criteria).toHaveLength(10);
    expect(card.unit.name).toBe("Xã Đăk Plô");
    expect(card.unit.path.map((step) => step.level)).toEqual(["province", "commune"]);
    const history = await apiGet<PredecessorHistoryResponse>(
      app.baseUrl,
      admin,
      "/api/units/23344/predecessor-history",
    );
    expect(history.predecessors.map((p) => [p.code, p.kind]).sort()).toEqual([
      ["23344", "full"],
      ["23347", "full"],
      ["23350", "full"],
    ]);
    const man = history.predecessors.find((p) => p.code === "23347");
    expect(man?.years.map((y) => y.year)).toEqual([2022, 2023, 2024]);

    for (const viewport of [desktop, phone]) {
      const page = await adminPage(2026, viewport);
      await page.goto(`${app.baseUrl}/units/23344`);
      await page.getByTestId("scorecard-page").waitFor();
      await expect.poll(() => page.locator("[data-testid^='criterion-tile-']").count()).toBe(10);
      const section = page.getByTestId("predecessor-history");
      await section.waitFor();
      const row = section.getByTestId("predecessor-23347");
      expect(await row.innerText()).toContain("Xã Đắk Man");
      expect(await row.getByTestId("predecessor-kind").innerText()).toContain("toàn bộ");
      const met = man?.years.find((y) => y.year === 2024);
      expect(await row.innerText()).toContain(`Đạt ${met?.criteriaMet}/19 tiêu chí`);
      expect(await page.getByTestId("scorecard-page").innerText()).toContain("Dữ liệu minh họa");
      await screenshot(page, `present-day-merged-2026-${viewport.width}`);
      await page.close();
    }
  });

  it("marks a commune that gave only part of its area, and says it has no data", async () => {
    // New 21136 "Xã Cà Đam" took part of old 21142 (the rest went into Xã Tây Trà Bồng); old
    // Quảng Ngãi communes carry no demo values.
    const page = await adminPage(2026);
    await page.goto(`${app.baseUrl}/units/21136`);
    const row = page.getByTestId("predecessor-history").getByTestId("predecessor-21142");
    await row.waitFor();
    expect(await row.getByTestId("predecessor-kind").innerText()).toContain("một phần");
    expect(await row.innerText()).toContain("Chưa có");
    await screenshot(page, "present-day-partial-2026-1280");
    await page.close();
  });

  it("still shows 2024 on the old Kon Tum tree with its districts", async () => {
    const admin = await apiSession(app.baseUrl, "admin");
    const summary = await apiGet<SummaryResponse>(
      app.baseUrl,
      admin,
      "/api/units/62/summary?year=2024",
    );
    expect(summary.unit.name).toBe("Tỉnh Kon Tum");
    expect(summary.communes).toBe(85);
    expect(summary.units.some((unit) => unit.parentName === "Huyện Đắk Glei")).toBe(true);
    const old = await apiScorecard(app.baseUrl, admin, "/api/units/23344/scorecard?year=2024");
    expect(old.unit.name).toBe("Xã Đắk Blô");
    expect(old.criteriaTotal).toBe(19);
    expect(old.unit.path.map((step) => step.level)).toEqual(["province", "district", "commune"]);

    for (const viewport of [desktop, phone]) {
      const page = await adminPage(2024, viewport);
      await page.goto(`${app.baseUrl}/units/62`);
      await page.getByTestId("communes-table").waitFor();
      expect(await page.getByTestId("overview-page").innerText()).toContain("Huyện Đắk Glei");
      const headers = await page.getByTestId("communes-table").locator("th").allInnerTexts();
      expect(headers.map((header) => header.trim())).toContain("Huyện");
      await screenshot(page, `present-day-kon-tum-2024-${viewport.width}`);
      await page.close();
    }
  });
});
