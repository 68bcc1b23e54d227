import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type {
  CommuneListResponse,
  CurrentUser,
  SummaryResponse,
  TargetsDashboardResponse,
} from "@ntm/contracts";
import { launchBrowser, login, screenshot } from "./support/browser.ts";
import { apiGet, apiSession, startApp, type RunningApp } from "./support/start-app.ts";

let app: RunningApp;
let browser: Browser;
let downloads: string;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  downloads = mkdtempSync(join(tmpdir(), "ntm-lists-"));
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});

async function count(page: Page, testId: string) {
  return Number(await page.getByTestId(testId).getAttribute("data-value"));
}

async function waitForCount(page: Page, expected: number) {
  await expect.poll(() => count(page, "communes-count")).toBe(expected);
}

async function sheetRows(path: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const rows: unknown[][] = [];
  workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe("lists that lead somewhere", () => {
  it("a level count opens its communes; the filter survives a reload; two chosen communes export to Excel", async () => {
    const cookie = await apiSession(app.baseUrl, "vpdp");
    const me = await apiGet<CurrentUser>(app.baseUrl, cookie, "/api/auth/me");
    const summary = await apiGet<SummaryResponse>(
      app.baseUrl,
      cookie,
      `/api/units/${me.unitCode}/summary?year=2024`,
    );
    const level = summary.byLevel.find((entry) => entry.level !== "none" && entry.count >= 2);
    expect(level, JSON.stringify(summary.byLevel)).toBeDefined();
    const { level: code, count: shown } = level!;

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await login(page, app.baseUrl, "vpdp");
    await page.goto(`${app.baseUrl}/units/${me.unitCode}?year=2024`);
    expect(await count(page, `overview-level-${code}`)).toBe(shown);
    await screenshot(page, "lists-overview-1280");
    await page.getByTestId(`overview-level-${code}-link`).click();
    await page.getByTestId("communes-page").waitFor();
    await waitForCount(page, shown);
    expect(new URL(page.url()).searchParams.get("level")).toBe(code);
    expect(
      await page.locator("[data-testid=communes-list-table] tbody tr.ant-table-row").count(),
    ).toBe(Math.min(shown, 20));
    await screenshot(page, "lists-communes-1280");

    await page.reload();
    await page.getByTestId("communes-filter-level").waitFor();
    await waitForCount(page, shown);

    const boxes = page.locator(
      "[data-testid=communes-list-table] tbody tr.ant-table-row input[type=checkbox]",
    );
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await expect.poll(() => count(page, "communes-selected")).toBe(2);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("communes-export-selected").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    const rows = await sheetRows(file);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain("Mức đạt");

    await page.goBack();
    await page.getByTestId("overview-page").waitFor();
    expect(new URL(page.url()).pathname).toBe(`/units/${me.unitCode}`);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goForward();
    await page.getByTestId("communes-page").waitFor();
    await waitForCount(page, shown);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(page, "lists-communes-390");
    await page.close();
  });

  it("the year and the histogram bar of the overview are in the URL", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await login(page, app.baseUrl, "vpdp");
    const cookie = await apiSession(app.baseUrl, "vpdp");
    const me = await apiGet<CurrentUser>(app.baseUrl, cookie, "/api/auth/me");
    const summary = await apiGet<SummaryResponse>(
      app.baseUrl,
      cookie,
      `/api/units/${me.unitCode}/summary?year=2023`,
    );
    const bin = summary.byCriteriaMet.find((entry) => entry.count > 0)!;
    await page.goto(`${app.baseUrl}/units/${me.unitCode}?year=2023&criteria=${bin.criteriaMet}`);
    await page.getByTestId("criteria-filter").waitFor();
    expect(await page.getByTestId("year-select").inputValue()).toBe("2023");
    await page.getByTestId("criteria-filter-open").click();
    await page.getByTestId("communes-page").waitFor();
    await waitForCount(page, bin.count);
    expect(new URL(page.url()).searchParams.get("year")).toBe("2023");
    await page.close();
  });

  it("a heat-map cell and a target's communes behind open their lists", async () => {
    const cookie = await apiSession(app.baseUrl, "vpdp");
    const me = await apiGet<CurrentUser>(app.baseUrl, cookie, "/api/auth/me");
    const dashboard = await apiGet<TargetsDashboardResponse>(
      app.baseUrl,
      cookie,
      `/api/units/${me.unitCode}/dashboard?year=2024`,
    );
    const column = 0;
    const criterion = dashboard.criteria[column]!.code;
    const notMet = dashboard.heatmap.filter((row) => row.statuses[column] === "0").length;
    const list = await apiGet<CommuneListResponse>(
      app.baseUrl,
      cookie,
      `/api/units/${me.unitCode}/communes?year=${dashboard.year}&criterion=${criterion}&status=not_met`,
    );
    expect(list.rows).toHaveLength(notMet);

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await login(page, app.baseUrl, "vpdp");
    await page.goto(`${app.baseUrl}/targets/${me.unitCode}?year=2024`);
    await page.getByTestId("heatmap").waitFor();
    await screenshot(page, "lists-dashboard-1280");
    const cell = page.locator(
      `[data-testid=heatmap] a.heatmap-cell-link[href*="criterion=${criterion}&status=not_met"]`,
    );
    if (notMet > 0) {
      await cell.first().click();
      await page.getByTestId("communes-page").waitFor();
      await waitForCount(page, notMet);
      await screenshot(page, "lists-heatmap-cell-1280");
      await page.goBack();
      await page.getByTestId("heatmap").waitFor();
    }

    const behind = dashboard.targets.find((item) => item.progress.behind.length > 0);
    if (behind) {
      await page.getByTestId(`target-${behind.target.id}-behind`).click();
      await page.getByTestId("communes-filter-target").waitFor();
      await waitForCount(page, behind.progress.behind.length);
    }
    await page.close();
  });
});
