import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Route } from "playwright-core";
import type { CurrentUser } from "@ntm/contracts";
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

describe("the first screen on a slow link", () => {
  it("shows a commune officer's Đạt X/19 before the application's code has arrived", async () => {
    const cookie = await apiLogin(app.baseUrl, "xa");
    const me = await apiGet<CurrentUser>(app.baseUrl, cookie, "/api/auth/me");
    const card = await apiScorecard(
      app.baseUrl,
      cookie,
      `/api/units/${me.unitCode}/scorecard?year=2024`,
    );
    const context = await browser.newContext({
      serviceWorkers: "block",
      locale: "vi-VN",
      viewport: { width: 390, height: 844 },
    });
    const [name = "", value = ""] = cookie.split(/=(.*)/s);
    await context.addCookies([{ name, value, url: app.baseUrl }]);
    const page = await context.newPage();

    // The application's script (the component library and the pages) is held back.
    const held: Route[] = [];
    await page.route(/\/assets\/full-app-[^/]*\.js$/, (route) => void held.push(route));
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
    for (const route of held) await route.continue();
    await page.getByTestId("scorecard-page").waitFor();
    await expect.poll(() => headline.count()).toBe(1);
    expect(await headline.innerText()).toContain(`${card.criteriaMet}/${card.criteriaTotal}`);
    await page.screenshot({ path: join(shotDir, "headline-with-app-390.png") });
    await context.close();
  });
});
