import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type {
  CurrentUser,
  UnitTargetsResponse,
  VillageListResponse,
  VillageSummaryResponse,
} from "@ntm/contracts";
import { launchBrowser, screenshot } from "./support/browser.ts";
import { apiGet, apiLogin, startApp, type RunningApp } from "./support/start-app.ts";

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

/** Opens the app with a session made through the API (sign-ins are rate-limited). */
async function useSession(page: Page, cookie: string) {
  const [name = "", value = ""] = cookie.split("=", 2);
  await page.context().addCookies([{ name, value, url: app.baseUrl }]);
  await page.goto(`${app.baseUrl}/`);
  await page.getByTestId("current-user").waitFor();
}

async function villageTarget(cookie: string, provinceCode: string) {
  const body = await apiGet<UnitTargetsResponse>(
    app.baseUrl,
    cookie,
    `/api/units/${provinceCode}/targets?year=2024`,
  );
  const found = body.targets.find((row) => row.target.kind === "villagesRecognised");
  if (!found) throw new Error("no village target in the demo");
  return found;
}

describe("villages of the demo commune", () => {
  it("a commune enters a village's values, recognises it, and the province's village target moves", async () => {
    const commune = await apiLogin(app.baseUrl, "xa");
    const office = await apiLogin(app.baseUrl, "vpdp");
    const me = await apiGet<CurrentUser>(app.baseUrl, commune, "/api/auth/me");
    const officeMe = await apiGet<CurrentUser>(app.baseUrl, office, "/api/auth/me");

    // The province's village set was imported by the catalog import of the seed.
    const summary = await apiGet<VillageSummaryResponse>(
      app.baseUrl,
      office,
      `/api/units/${officeMe.unitCode}/villages-summary?year=2024`,
    );
    const set = summary.sets[0];
    expect(set?.illustrative).toBe(true);
    const list = await apiGet<VillageListResponse>(
      app.baseUrl,
      commune,
      `/api/communes/${me.unitCode}/villages?year=2024`,
    );
    const village = list.villages.find(
      (row) =>
        row.results.some((result) => !result.meets) &&
        !row.recognitions.some((item) => item.status === "recognised"),
    );
    if (!village || !set) throw new Error("the demo commune has no village short of the set");
    const before = await villageTarget(office, officeMe.unitCode);

    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await useSession(page, commune);
    await page.goto(`${app.baseUrl}/villages`);
    const row = page.getByTestId(`village-${village.code}`);
    await row.waitFor();
    expect(await page.getByTestId(`villages-summary-${set.code}`).innerText()).toContain("thôn");
    await screenshot(page, "villages-commune-390");

    await page.getByTestId(`village-open-${village.code}`).click();
    const card = page.getByTestId(`village-card-${village.code}`);
    await card.waitFor();
    const road = card.getByTestId("village-indicator-1.1");
    await road.locator("input").fill("85");
    await card.getByTestId("village-save-values").click();
    await expect.poll(() => road.innerText()).toContain("Đạt");

    await card.getByTestId("village-report-number").fill("07/BC-BPT");
    await card.getByTestId("village-report-date").fill("2024-11-20");
    await card.getByTestId("village-report-date").press("Tab");
    await card.getByTestId("village-self-assess").click();
    await expect
      .poll(() => card.getByTestId("village-recognition-status").innerText())
      .toContain("chờ xã quyết định");
    await card.getByTestId("village-decision-number").fill("152/QĐ-UBND");
    await card.getByTestId("village-decision-date").fill("2024-12-05");
    await card.getByTestId("village-decision-date").press("Tab");
    await card.getByTestId("village-recognise").click();
    await expect
      .poll(() => card.getByTestId("village-recognition-status").innerText())
      .toContain("Đã công nhận");
    await screenshot(page, "villages-recognised-390");
    await page.close();

    const after = await villageTarget(office, officeMe.unitCode);
    expect(after.progress.actual).toBeGreaterThan(before.progress.actual ?? 0);

    const desktop = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await useSession(desktop, office);
    await desktop.goto(`${app.baseUrl}/villages/${officeMe.unitCode}`);
    await desktop.getByTestId(`villages-summary-${set.code}`).waitFor();
    await screenshot(desktop, "villages-province-1280");
    await desktop.goto(`${app.baseUrl}/targets`);
    await desktop.getByTestId(`target-${after.target.id}`).waitFor();
    await screenshot(desktop, "villages-target-1280");
    await desktop.close();
  });
});
