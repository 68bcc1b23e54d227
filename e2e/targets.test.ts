import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type {
  CurrentUser,
  PlanResponse,
  SummaryResponse,
  TargetDto,
  UnitTargetsResponse,
} from "@ntm/contracts";
import { launchBrowser, login, screenshot, screenshotDir } from "./support/browser.ts";
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

const sessions = new Map<string, Promise<string>>();
/** One API session per account: the login endpoint limits repeated sign-ins. */
function session(username: string) {
  const known = sessions.get(username) ?? apiLogin(app.baseUrl, username);
  sessions.set(username, known);
  return known;
}

async function send<T>(cookie: string, method: "POST" | "PUT", path: string, body: unknown) {
  const response = await fetch(`${app.baseUrl}${path}`, {
    method,
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Enters, for every indicator failing the standard level, the threshold value itself. */
async function bringToStandard(cookie: string, code: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const card = await apiScorecard(app.baseUrl, cookie, `/api/units/${code}/scorecard?year=2024`);
    if (card.level) return card;
    const values = card.criteria.flatMap((criterion) =>
      criterion.indicators.flatMap(
        (indicator): { indicatorCode: string; value: number | boolean }[] => {
          const result = indicator.byLevel.standard;
          if (!result || result.status === "met" || !result.threshold) return [];
          const { comparator, value } = result.threshold;
          if (typeof value === "boolean") return [{ indicatorCode: indicator.code, value }];
          if (comparator === ">=" || comparator === "<=" || comparator === "is") {
            return [{ indicatorCode: indicator.code, value }];
          }
          if (comparator === ">") return [{ indicatorCode: indicator.code, value: value + 1 }];
          if (comparator === "<")
            return [{ indicatorCode: indicator.code, value: Math.max(0, value - 1) }];
          return [];
        },
      ),
    );
    await send(cookie, "PUT", `/api/units/${code}/assessments/2024/values`, {
      version: card.assessment.version,
      values,
    });
  }
  return apiScorecard(app.baseUrl, cookie, `/api/units/${code}/scorecard?year=2024`);
}

async function mapLevel(page: Page, code: string) {
  const row = page.getByTestId(`map-row-${code}`);
  await row.waitFor({ state: "attached" });
  return row.getAttribute("data-level");
}

async function mapShot(page: Page, name: string) {
  await page.getByTestId("unit-map").screenshot({ path: `${screenshotDir}/${name}.png` });
}

async function targetStatus(page: Page, id: number) {
  const card = page.getByTestId(`target-${id}`);
  await card.waitFor();
  return card.getAttribute("data-status");
}

describe("targets of the demo province", () => {
  it("shows every seed target with a status, on a phone and a desktop", async () => {
    const office = await session("vpdp");
    const me = await apiGet<CurrentUser>(app.baseUrl, office, "/api/auth/me");
    const body = await apiGet<UnitTargetsResponse>(
      app.baseUrl,
      office,
      `/api/units/${me.unitCode}/targets`,
    );
    expect(body.targets.length).toBeGreaterThanOrEqual(12);
    expect(body.counts.noData).toBe(0);
    expect(body.counts.met).toBeGreaterThan(0);
    expect(body.counts.atRisk).toBeGreaterThan(0);
    expect(body.counts.offTrack).toBeGreaterThan(0);

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(page, app.baseUrl, "vpdp");
    await page.goto(`${app.baseUrl}/targets`);
    await page.getByTestId("targets-panel").waitFor();
    await page.getByTestId("heatmap").waitFor();
    expect(await page.locator("[data-testid^='target-'][data-status]").count()).toBe(
      body.targets.length,
    );
    await page.getByTestId("map-schematic").waitFor();
    expect(await page.getByTestId("map-schematic").innerText()).toContain(
      "Sơ đồ minh họa, không phải ranh giới thật",
    );
    expect(await page.locator("[data-testid^='map-row-']").count()).toBe(85);
    await screenshot(page, "targets-province-1280");
    await mapShot(page, "targets-map-1280");
    const dashboardExport = await page.getByTestId("dashboard-export").getAttribute("href");
    expect(dashboardExport).toMatch(/\/dashboard\.xlsx\?year=\d{4}$/);
    expect(await page.getByTestId("export-menu").isVisible()).toBe(false);
    // On a phone the two exports are one button whose menu holds both.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.getByTestId("dashboard-export").isVisible()).toBe(false);
    await page.getByTestId("export-menu").click();
    expect(await page.getByTestId("export-menu-dashboard").getAttribute("href")).toBe(
      dashboardExport,
    );
    await page.getByTestId("export-menu-targets").waitFor();
    await page.keyboard.press("Escape");
    await screenshot(page, "targets-province-390");
    await mapShot(page, "targets-map-390");
    await page.close();
  });

  it("a commune's values change; a district target moves from at risk to met on the dashboard", async () => {
    const district = await session("huyen");
    const me = await apiGet<CurrentUser>(app.baseUrl, district, "/api/auth/me");
    const created = await send<TargetDto>(district, "POST", "/api/targets", {
      unitCode: me.unitCode,
      name: "Đến năm 2025 có ít nhất 02 xã nông thôn mới",
      kind: "communesAtLevel",
      level: "standard",
      baselineYear: 2022,
      deadlineYear: 2025,
      value: 2,
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(page, app.baseUrl, "huyen");
    await page.goto(`${app.baseUrl}/targets/${me.unitCode}`);
    expect(await targetStatus(page, created.id)).toBe("atRisk");
    await screenshot(page, "targets-district-at-risk-1280");

    const summary = await apiGet<SummaryResponse>(
      app.baseUrl,
      district,
      `/api/units/${me.unitCode}/summary?year=2024`,
    );
    const candidate = summary.units
      .filter((row) => row.level === null)
      .sort((a, b) => b.criteriaMet - a.criteriaMet)[0];
    expect(candidate).toBeDefined();
    expect(await mapLevel(page, candidate?.code as string)).toBe("none");
    const card = await bringToStandard(district, candidate?.code as string);
    expect(card.level).toBe("standard");

    await page.reload();
    await expect.poll(() => targetStatus(page, created.id)).toBe("met");
    await expect
      .poll(() => page.getByTestId(`target-${created.id}`).getByTestId("target-actual").innerText())
      .toBe("2 xã");
    await expect.poll(() => mapLevel(page, candidate?.code as string)).toBe("standard");
    await screenshot(page, "targets-district-met-1280");
    await mapShot(page, "targets-map-district-met-1280");
    await page.close();
  });

  it("a target with a value per year shows its milestone; the office sets one in the editor; a district sees the province's targets with its share", async () => {
    const office = await session("vpdp");
    const me = await apiGet<CurrentUser>(app.baseUrl, office, "/api/auth/me");
    const body = await apiGet<UnitTargetsResponse>(
      app.baseUrl,
      office,
      `/api/units/${me.unitCode}/targets`,
    );
    const staged = body.targets.find((row) => row.target.milestones.length > 0);
    expect(staged).toBeDefined();
    const districtCode = staged?.target.unitCode as string;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(page, app.baseUrl, "vpdp");
    await page.goto(`${app.baseUrl}/targets/${districtCode}`);
    const card = page.getByTestId(`target-${staged?.target.id}`);
    expect(await targetStatus(page, staged?.target.id as number)).toBe(staged?.progress.status);
    await screenshot(page, "targets-milestone-1280");

    await page.getByTestId("target-add").click();
    await page.getByTestId("target-editor").waitFor();
    await page.getByTestId("target-editor-name").fill("Năm 2025 có 02 xã, năm 2026 có 03 xã NTM");
    await page.getByTestId("target-editor-baseline").fill("2024");
    await page.getByTestId("target-editor-deadline").fill("2026");
    await page.getByTestId("target-editor-value").fill("3");
    await page.getByTestId("target-editor-milestones-add").click();
    await page.getByTestId("target-editor-milestones-year-0").fill("2025");
    await page.getByTestId("target-editor-milestones-value-0").fill("2");
    await page.getByTestId("target-editor-others-gain").fill("1");
    await screenshot(page, "targets-editor-1280");
    await page.locator("#target-editor-save").click();
    await page.getByTestId("target-editor").waitFor({ state: "detached" });
    const after = await apiGet<UnitTargetsResponse>(
      app.baseUrl,
      office,
      `/api/units/${districtCode}/targets`,
    );
    const created = after.targets.find((row) => row.target.name.startsWith("Năm 2025 có 02 xã"));
    expect(created?.target.milestones).toEqual([{ year: 2025, value: 2 }]);
    expect(created?.target.othersGainPerYear).toBe(1);
    await page.getByTestId(`target-${created?.target.id}`).waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await card.getByTestId("target-edit").click();
    await page.getByTestId("target-editor").waitFor();
    await screenshot(page, "targets-editor-390");
    await page.close();

    const district = await session("huyen");
    const mine = await apiGet<CurrentUser>(app.baseUrl, district, "/api/auth/me");
    const above = await apiGet<UnitTargetsResponse>(
      app.baseUrl,
      district,
      `/api/units/${mine.unitCode}/targets`,
    );
    const shared = above.fromAbove[0];
    expect(shared?.share?.unitCode).toBe(mine.unitCode);
    const districtPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(districtPage, app.baseUrl, "huyen");
    await districtPage.goto(`${app.baseUrl}/targets/${mine.unitCode}`);
    const sharedCard = districtPage.getByTestId(`target-${shared?.target.id}`);
    await sharedCard.getByTestId("target-share").waitFor();
    expect(await sharedCard.getByTestId("target-share").innerText()).toContain(
      `Phần của ${mine.unitName}`,
    );
    expect(await sharedCard.getByTestId("target-edit").count()).toBe(0);
    await screenshot(districtPage, "targets-district-share-1280");
    await districtPage.close();
  });

  it("shows a commune's plan with its path to the level and its funding", async () => {
    const office = await session("vpdp");
    const me = await apiGet<CurrentUser>(app.baseUrl, office, "/api/auth/me");
    const body = await apiGet<UnitTargetsResponse>(
      app.baseUrl,
      office,
      `/api/units/${me.unitCode}/targets`,
    );
    const named = body.targets.find((row) => row.target.communeCodes !== null);
    const commune = named?.target.communeCodes?.[0] as string;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(page, app.baseUrl, "vpdp");
    await page.goto(`${app.baseUrl}/plans/${commune}/2025`);
    await page.getByTestId("plan-page").waitFor();
    await page.getByTestId("plan-path").waitFor();
    expect(await page.getByTestId("plan-investment").innerText()).toMatch(/^\d{1,3}(\.\d{3})+$/);
    await screenshot(page, "targets-plan-1280");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "targets-plan-390");
    await page.close();
  });

  it("a department user reaches its criteria from the navigation; the office from the dashboard", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(page, app.baseUrl, "so-xd");
    await page.goto(`${app.baseUrl}/targets`);
    await page.getByTestId("department-page").waitFor();
    expect(await page.locator("[data-testid^='department-criterion-']").count()).toBe(2);
    const failing = Number(
      await page
        .getByTestId("department-criterion-1")
        .getByTestId("department-not-met")
        .innerText(),
    );
    expect(failing).toBeGreaterThan(0);
    await screenshot(page, "targets-department-1280");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "targets-department-390");
    await page.close();

    const office = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(office, app.baseUrl, "vpdp");
    await office.goto(`${app.baseUrl}/targets`);
    await office.getByTestId("departments-link").click();
    await office.getByTestId("departments-index").waitFor();
    await office.getByRole("link", { name: "Sở Xây dựng" }).click();
    await office.getByTestId("department-criterion-9").waitFor();
    await office.close();
  });

  it("edits a plan with Vietnamese amounts, and refuses a stale save", async () => {
    const office = await session("vpdp");
    const me = await apiGet<CurrentUser>(app.baseUrl, office, "/api/auth/me");
    const body = await apiGet<UnitTargetsResponse>(
      app.baseUrl,
      office,
      `/api/units/${me.unitCode}/targets`,
    );
    const commune = body.targets.find((row) => row.target.communeCodes !== null)?.target
      .communeCodes?.[0] as string;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(page, app.baseUrl, "vpdp");
    await page.goto(`${app.baseUrl}/plans/${commune}/2025`);
    await page.getByTestId("plan-edit-link").click();
    await page.getByTestId("plan-edit-page").waitFor();
    await page.getByTestId("plan-investment-0").fill("1.234.500");
    await page.getByTestId("plan-funding-0-central").fill("1.000.000");
    await screenshot(page, "targets-plan-edit-1280");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "targets-plan-edit-390");
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId("plan-save").click();
    await page.getByTestId("plan-page").waitFor();
    const saved = await apiGet<PlanResponse>(
      app.baseUrl,
      office,
      `/api/units/${commune}/plans/2025`,
    );
    expect(saved.plan?.items[0]?.investment).toBe(1_234_500);
    expect(saved.plan?.items[0]?.funding.central).toBe(1_000_000);

    await page.getByTestId("plan-edit-link").click();
    await page.getByTestId("plan-edit-page").waitFor();
    await send(office, "PUT", `/api/units/${commune}/plans/2025`, {
      version: saved.version,
      criteria: saved.plan?.criteria,
      landUseFeeRevenue: saved.plan?.landUseFeeRevenue,
      items: saved.plan?.items,
    });
    await page.getByTestId("plan-save").click();
    await page.getByTestId("plan-conflict").waitFor();
    expect(await page.getByTestId("plan-conflict").innerText()).toContain(
      "vừa được người khác sửa",
    );
    await page.close();
  });

  it("rolls the plans up for the province and compares a commune over the years", async () => {
    const office = await session("vpdp");
    const me = await apiGet<CurrentUser>(app.baseUrl, office, "/api/auth/me");
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(page, app.baseUrl, "vpdp");
    await page.goto(`${app.baseUrl}/plans/${me.unitCode}/2025/rollup`);
    await page.getByTestId("rollup-page").waitFor();
    expect(Number(await page.getByTestId("rollup-communes").innerText())).toBeGreaterThan(0);
    await screenshot(page, "targets-rollup-1280");
    const summary = await apiGet<SummaryResponse>(
      app.baseUrl,
      office,
      `/api/units/${me.unitCode}/summary?year=2024`,
    );
    const commune = summary.units[0]?.code as string;
    await page.goto(`${app.baseUrl}/compare/${commune}`);
    await page.getByTestId("comparison-table").waitFor();
    expect(
      await page.getByTestId("comparison-table").locator("tbody tr").count(),
    ).toBeGreaterThanOrEqual(3);
    await screenshot(page, "targets-compare-1280");
    await page.close();
  });
});
