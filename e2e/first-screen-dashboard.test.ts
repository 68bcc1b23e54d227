import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page, Route } from "playwright-core";
import type { CurrentUser } from "@ntm/contracts";
import { launchBrowser } from "./support/browser.ts";
import { apiGet, apiLogin, startApp, type RunningApp } from "./support/start-app.ts";

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

interface Candidate {
  at: number;
  size: number;
  text: string;
}

/** Every largest-contentful-paint candidate the browser reports: when, how large, what. */
const recordCandidates = `(() => {
  window.__candidates = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const text = (entry.element && entry.element.textContent) || "";
      window.__candidates.push({ at: entry.startTime, size: entry.size, text: text.trim().slice(0, 60) });
    }
  }).observe({ type: "largest-contentful-paint", buffered: true });
})();`;

/**
 * The widest the page was laid out, read after every change to it: a phone's browser zooms the
 * whole page out to show content wider than its screen, and then reports as painted what lies far
 * below the screen once zoomed back.
 */
const recordWidest = `(() => {
  window.__widest = 0;
  new MutationObserver(() => {
    window.__widest = Math.max(window.__widest, document.documentElement.scrollWidth);
  }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
})();`;

const widest = (page: Page) =>
  page.evaluate(() => (window as unknown as { __widest: number }).__widest);

const candidates = (page: Page) =>
  page.evaluate(() => (window as unknown as { __candidates: Candidate[] }).__candidates);

/** Two frames later: what was drawn last has been painted and its candidate reported. */
const painted = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
  );

describe("the dashboard's first screen", () => {
  it.each([
    { screen: "phone", width: 390, height: 844, mobile: true },
    { screen: "desktop", width: 1280, height: 800, mobile: false },
  ])(
    "its largest paint is the targets drawn before the application's code, not the page after it ($screen)",
    async ({ screen, width, height, mobile }) => {
      const cookie = await apiLogin(app.baseUrl, "vpdp");
      const me = await apiGet<CurrentUser>(app.baseUrl, cookie, "/api/auth/me");
      const context = await browser.newContext({
        serviceWorkers: "block",
        locale: "vi-VN",
        viewport: { width, height },
        isMobile: mobile,
        hasTouch: mobile,
      });
      const [name = "", value = ""] = cookie.split(/=(.*)/s);
      await context.addCookies([{ name, value, url: app.baseUrl }]);
      const page = await context.newPage();
      await page.addInitScript(recordCandidates);
      await page.addInitScript(recordWidest);
      // The application's script (the component library and the pages) is held back.
      const held: Route[] = [];
      let released = false;
      await page.route(/\/assets\/full-app-[^/]*\.js$/, (route) => {
        if (released) void route.continue();
        else held.push(route);
      });

      await page.goto(`${app.baseUrl}/targets/${me.unitCode}`);
      await page.locator(".first-paint [data-testid='targets-panel']").waitFor();
      // A candidate is reported once the frame is presented, which a loaded machine may delay
      // past the next frames.
      await expect
        .poll(async () => (await candidates(page)).length, { timeout: 10_000 })
        .toBeGreaterThan(0);
      expect(held).toHaveLength(1);
      // Demo figures say so from the first view on, as on the scorecard and the overview.
      await expect
        .poll(() => page.locator(".first-paint .title-row").innerText())
        .toContain("Dữ liệu minh họa");
      const firstCards = await page
        .locator(".first-paint [data-testid='targets-panel']")
        .boundingBox();
      mkdirSync(shotDir, { recursive: true });
      await page.screenshot({ path: join(shotDir, `dashboard-before-app-${screen}.png`) });

      // The application draws its frame, then the page its cards, the map and the tables:
      // nothing of it is a larger paint than what the first script drew.
      const releasedAt = await page.evaluate(() => performance.now());
      released = true;
      for (const route of held) await route.continue();
      await page.getByTestId("targets-page").waitFor();
      await page.locator("[data-testid='unit-map'] canvas").waitFor();
      await page.getByTestId("heatmap").waitFor();
      await painted(page);
      await page
        .locator("[data-testid='targets-page'] .title-row [data-testid='demo-tag']")
        .waitFor();
      // The first view drew the page's title, buttons and links: the cards do not move.
      const cards = await page.getByTestId("targets-panel").boundingBox();
      expect(cards?.y).toBeCloseTo(firstCards?.y ?? NaN, 0);
      // Never wider than the screen, not even in the frame the section bar's menu draws every
      // section in before measuring which fit.
      expect(await widest(page)).toBe(width);
      const later = (await candidates(page)).filter((candidate) => candidate.at > releasedAt);
      expect(later).toEqual([]);
      await page.screenshot({ path: join(shotDir, `dashboard-with-app-${screen}.png`) });
      await context.close();
    },
  );

  it("a reload draws the tab's copy at once, says it is being updated, then the fresh answer; never for another account", async () => {
    const cookie = await apiLogin(app.baseUrl, "vpdp");
    const me = await apiGet<CurrentUser>(app.baseUrl, cookie, "/api/auth/me");
    const context = await browser.newContext({
      serviceWorkers: "block",
      locale: "vi-VN",
      viewport: { width: 390, height: 844 },
    });
    const [name = "", value = ""] = cookie.split(/=(.*)/s);
    await context.addCookies([{ name, value, url: app.baseUrl }]);
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/targets/${me.unitCode}`);
    await page.getByTestId("targets-page").waitFor();
    const shown = await page.locator('[data-testid^="target-"][data-status]').count();

    // The dashboard's fresh answer is held back: the copy is drawn meanwhile, and says so.
    const held: Route[] = [];
    let released = false;
    await page.route(/\/api\/units\/[^/]+\/dashboard\?/, (route) => {
      if (released) void route.continue();
      else held.push(route);
    });
    await page.reload();
    const kept = page.getByTestId("first-targets-kept");
    await kept.waitFor();
    expect(await kept.innerText()).toMatch(/bản lưu \d\d:\d\d, đang cập nhật/);
    expect(await page.locator('[data-testid^="first-target-"][data-status]').count()).toBe(shown);
    expect(held.length).toBeGreaterThan(0);
    await page.screenshot({ path: join(shotDir, "dashboard-kept-copy-390.png") });
    released = true;
    for (const route of held.splice(0)) await route.continue();
    await page.getByTestId("targets-page").waitFor();
    expect(await kept.count()).toBe(0);

    // Another account signs in in the same tab: nothing of the first one's is drawn for it.
    const other = await apiLogin(app.baseUrl, "admin");
    const [otherName = "", otherValue = ""] = other.split(/=(.*)/s);
    await context.clearCookies();
    await context.addCookies([{ name: otherName, value: otherValue, url: app.baseUrl }]);
    released = false;
    await page.reload();
    await expect.poll(() => held.length).toBeGreaterThan(0);
    await painted(page);
    expect(await page.locator(".first-paint").count()).toBe(0);
    released = true;
    for (const route of held.splice(0)) await route.continue();
    await context.close();
  });
});
