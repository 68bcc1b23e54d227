import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Route } from "playwright-core";
import type { CurrentUser, SummaryResponse, TargetsDashboardResponse } from "@ntm/contracts";
import { launchBrowser } from "./support/browser.ts";
import { apiGet, apiScorecard, apiLogin, startApp, type RunningApp } from "./support/start-app.ts";

// Pictures for a person to look at, kept out of the repository.
const shotDir = process.env.NTM_SHOTS_DIR ?? join(tmpdir(), "ntm-first-screen");

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** A browser with the session of `username`, the application's script held back. */
async function heldBack(username: string) {
  const cookie = await apiLogin(app.baseUrl, username);
  const me = await apiGet<CurrentUser>(app.baseUrl, cookie, "/api/auth/me");
  const context = await browser.newContext({
    serviceWorkers: "block",
    locale: "vi-VN",
    viewport: { width: 390, height: 844 },
  });
  const [name = "", value = ""] = cookie.split(/=(.*)/s);
  await context.addCookies([{ name, value, url: app.baseUrl }]);
  const page = await context.newPage();
  const held: Route[] = [];
  let released = false;
  await page.route(/\/assets\/full-app-[^/]*\.js$/, (route) => {
    if (released) void route.continue();
    else held.push(route);
  });
  const release = async () => {
    released = true;
    for (const route of held) await route.continue();
  };
  return { cookie, me, context, page, held, release };
}

describe("the first screen on a slow link", () => {
  it("shows a commune officer's Đạt X/19 before the application's code has arrived", async () => {
    // The application's script (the component library and the pages) is held back.
    const { cookie, me, context, page, held, release } = await heldBack("xa");
    const card = await apiScorecard(
      app.baseUrl,
      cookie,
      `/api/units/${me.unitCode}/scorecard?year=2024`,
    );
    await page.goto(`${app.baseUrl}/units/${me.unitCode}`);
    const headline = page.getByTestId("criteria-met");
    await headline.waitFor();
    expect(await headline.innerText()).toBe(
      `Đạt ${card.criteriaMet}/${card.criteriaTotal} tiêu chí`,
    );
    expect(await page.locator("h1").innerText()).toBe(card.unit.name);
    expect(held).toHaveLength(1);
    expect(await page.getByTestId("scorecard-page").count()).toBe(0);
    mkdirSync(shotDir, { recursive: true });
    await page.screenshot({ path: join(shotDir, "headline-before-app-390.png") });

    // Once it arrives the page replaces the headline with the same figures.
    await release();
    await page.getByTestId("scorecard-page").waitFor();
    await expect.poll(() => headline.count()).toBe(1);
    expect(await headline.innerText()).toContain(`${card.criteriaMet}/${card.criteriaTotal}`);
    await page.screenshot({ path: join(shotDir, "headline-with-app-390.png") });
    await context.close();
  });

  it("shows a province office's figures before the application's code has arrived", async () => {
    const { cookie, me, context, page, held, release } = await heldBack("vpdp");
    const summary = await apiGet<SummaryResponse>(
      app.baseUrl,
      cookie,
      `/api/units/${me.unitCode}/summary?year=2024&below=10`,
    );
    await page.goto(`${app.baseUrl}/units/${me.unitCode}`);
    const first = page.locator(".first-paint .figure-value").first();
    await first.waitFor();
    expect(await first.innerText()).toBe(summary.communes.toLocaleString("vi-VN"));
    for (const entry of summary.byLevel) {
      expect(await page.getByTestId(`first-level-${entry.level}`).innerText()).toBe(
        entry.count.toLocaleString("vi-VN"),
      );
    }
    expect(await page.locator("h1").innerText()).toBe(summary.unit.name);
    expect(held).toHaveLength(1);
    expect(await page.getByTestId("overview-page").count()).toBe(0);
    mkdirSync(shotDir, { recursive: true });
    await page.screenshot({ path: join(shotDir, "overview-before-app-390.png") });

    // Once it arrives the page replaces the figures with its own, which open the communes.
    await release();
    await page.getByTestId("overview-page").waitFor();
    await expect.poll(() => page.locator(".first-paint").count()).toBe(0);
    expect(await page.getByTestId("overview-communes").innerText()).toBe(
      summary.communes.toLocaleString("vi-VN"),
    );
    await page.screenshot({ path: join(shotDir, "overview-with-app-390.png") });
    await context.close();
  });

  it("shows a province office's targets before the application's code has arrived", async () => {
    const { cookie, me, context, page, held, release } = await heldBack("vpdp");
    const dashboard = await apiGet<TargetsDashboardResponse>(
      app.baseUrl,
      cookie,
      `/api/units/${me.unitCode}/dashboard?year=2024`,
    );
    const targets = [...dashboard.targets, ...dashboard.fromAbove];
    expect(targets.length).toBeGreaterThan(0);
    await page.goto(`${app.baseUrl}/targets/${me.unitCode}`);
    await page.getByTestId("targets-panel").waitFor();
    expect(await page.locator("h1").innerText()).toBe(
      `Mục tiêu và điều hành: ${dashboard.unit.name}`,
    );
    const cards = page.locator('[data-testid^="first-target-"][data-status]');
    expect(await cards.count()).toBe(targets.length);
    for (const [index, item] of targets.entries()) {
      expect(await cards.nth(index).getAttribute("data-status")).toBe(item.progress.status);
      expect(await cards.nth(index).innerText()).toContain(item.target.name);
    }
    expect(held).toHaveLength(1);
    expect(await page.getByTestId("targets-page").count()).toBe(0);
    await page.screenshot({ path: join(shotDir, "targets-before-app-390.png") });

    await release();
    await page.getByTestId("targets-page").waitFor();
    await expect.poll(() => page.locator(".first-paint").count()).toBe(0);
    expect(await page.locator('[data-testid^="target-"][data-status]').count()).toBe(
      targets.length,
    );
    await page.screenshot({ path: join(shotDir, "targets-with-app-390.png") });
    await context.close();
  });
});
