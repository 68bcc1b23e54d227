import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import type { CurrentUser, Scorecard, SummaryResponse } from "@ntm/contracts";
import type { IndicatorResult } from "@ntm/domain";
import { launchBrowser, login, screenshot } from "./support/browser.ts";
import { apiGet, apiScorecard, apiLogin, startApp, type RunningApp } from "./support/start-app.ts";

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

/** A criterion not met at the standard level because of exactly one numeric or yes/no indicator. */
function findFlippableCriterion(card: Scorecard) {
  for (const criterion of card.criteria) {
    if (criterion.byLevel.standard?.status !== "not_met") continue;
    const applicable = criterion.indicators.filter((indicator) => indicator.byLevel.standard);
    const failing = applicable.filter((indicator) => indicator.byLevel.standard?.status !== "met");
    if (failing.length !== 1) continue;
    const indicator = failing[0] as IndicatorResult;
    const threshold = indicator.byLevel.standard?.threshold;
    if (!threshold) continue;
    if (indicator.kind === "boolean") return { criterion, indicator, value: "yes" as const };
    if (threshold.comparator === ">=" || threshold.comparator === "<=") {
      return { criterion, indicator, value: String(threshold.value).replace(".", ",") };
    }
  }
  throw new Error("no criterion can be flipped by one value");
}

describe("a commune officer corrects a value", () => {
  it("flips a criterion on the scorecard, and the province overview follows", async () => {
    const officer = await apiLogin(app.baseUrl, "xa");
    const me = await apiGet<CurrentUser>(app.baseUrl, officer, "/api/auth/me");
    const before = await apiScorecard(
      app.baseUrl,
      officer,
      `/api/units/${me.unitCode}/scorecard?year=2024`,
    );
    const admin = await apiLogin(app.baseUrl, "admin");
    const provinceCode = before.unit.path[0]?.code as string;
    const summaryBefore = await apiGet<SummaryResponse>(
      app.baseUrl,
      admin,
      `/api/units/${provinceCode}/summary?year=2024`,
    );
    const target = findFlippableCriterion(before);

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(page, app.baseUrl, "xa");
    await page.goto(`${app.baseUrl}/units/${me.unitCode}`);
    await page.getByTestId("scorecard-page").waitFor();
    await expect
      .poll(() => page.getByTestId("criteria-met").innerText())
      .toContain(`${before.criteriaMet}/${before.criteriaTotal}`);
    const tile = page.getByTestId(`criterion-tile-${target.criterion.code}`);
    expect(await tile.getAttribute("data-status")).toBe("not_met");
    await screenshot(page, "scorecard-before");

    await tile.click();
    const input = page.getByTestId(`indicator-input-${target.indicator.code}`);
    if (target.value === "yes") {
      await input.click();
    } else {
      await input.fill(target.value);
    }
    await page.getByTestId("save-values").click();
    await expect.poll(() => tile.getAttribute("data-status"), { timeout: 15_000 }).toBe("met");
    await expect
      .poll(() => page.getByTestId("criteria-met").innerText())
      .toContain(`${before.criteriaMet + 1}/${before.criteriaTotal}`);
    await screenshot(page, "scorecard-after");

    const after = await apiScorecard(
      app.baseUrl,
      officer,
      `/api/units/${me.unitCode}/scorecard?year=2024`,
    );
    expect(after.criteriaMet).toBe(before.criteriaMet + 1);
    expect(after.assessment.version).toBe(before.assessment.version + 1);

    const summaryAfter = await apiGet<SummaryResponse>(
      app.baseUrl,
      admin,
      `/api/units/${provinceCode}/summary?year=2024`,
    );
    expect(summaryAfter.averageCriteriaMet).toBeGreaterThan(summaryBefore.averageCriteriaMet ?? 0);

    const leader = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(leader, app.baseUrl, "admin");
    await leader.goto(`${app.baseUrl}/units/${provinceCode}`);
    await leader.getByTestId("overview-page").waitFor();
    const shown = (summaryAfter.averageCriteriaMet ?? 0).toLocaleString("vi-VN", {
      maximumFractionDigits: 1,
    });
    await expect.poll(() => leader.getByTestId("overview-average").innerText()).toContain(shown);
    await screenshot(leader, "overview");

    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await login(phone, app.baseUrl, "xa");
    await phone.goto(`${app.baseUrl}/units/${me.unitCode}`);
    await phone.getByTestId("scorecard-page").waitFor();
    await screenshot(phone, "scorecard-phone");
    const overflow = await phone.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it("keeps a commune officer out of another commune", async () => {
    const officer = await apiLogin(app.baseUrl, "xa");
    const me = await apiGet<CurrentUser>(app.baseUrl, officer, "/api/auth/me");
    const admin = await apiLogin(app.baseUrl, "admin");
    const provinceCode = (
      await apiScorecard(app.baseUrl, officer, `/api/units/${me.unitCode}/scorecard?year=2024`)
    ).unit.path[0]?.code;
    const summary = await apiGet<SummaryResponse>(
      app.baseUrl,
      admin,
      `/api/units/${provinceCode}/summary?year=2024`,
    );
    const other = summary.units.find((unit) => unit.code !== me.unitCode);
    const page = await browser.newPage();
    await login(page, app.baseUrl, "xa");
    await page.goto(`${app.baseUrl}/units/${other?.code}`);
    await expect.poll(() => page.locator("body").innerText()).toMatch(/ngoài phạm vi/);
  });
});
