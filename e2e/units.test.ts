import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { Scorecard, SummaryResponse, UnitAdminList, UnitHistory } from "@ntm/contracts";
import { launchBrowser, screenshot } from "./support/browser.ts";
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

const sessionOf = (username: string) => apiSession(app.baseUrl, username);

/** A page signed in with the account's API session, opened on a path of the app. */
async function pageOf(username: string, path: string, viewport = desktop): Promise<Page> {
  const page = await browser.newPage({ viewport });
  const [name = "", value = ""] = (await sessionOf(username)).split("=", 2);
  await page.context().addCookies([{ name, value, url: app.baseUrl }]);
  await page.goto(`${app.baseUrl}${path}`);
  await page.getByTestId("current-user").waitFor();
  return page;
}

/** The thresholds of every indicator at the standard level, by indicator code. */
function standardThresholds(card: Scorecard) {
  return Object.fromEntries(
    card.criteria.flatMap((criterion) =>
      criterion.indicators.map((indicator) => [
        indicator.code,
        indicator.byLevel.standard?.threshold?.value,
      ]),
    ),
  );
}

/** ASCII words of a Vietnamese name, as an official types them on a phone without diacritics. */
const withoutDiacritics = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, (letter) => (letter === "đ" ? "d" : "D"))
    .toLowerCase();

describe("a province administrator marks a commune ĐBKK while the server runs", () => {
  it("changes the commune's thresholds and stored result at once, and the history shows who and when", async () => {
    const admin = await sessionOf("admin");
    // A commune with 2024 values and no flag: it uses its own region's thresholds today.
    const { units } = await apiGet<UnitAdminList>(app.baseUrl, admin, "/api/admin-units");
    const candidates = units.filter(
      (unit) => unit.level === "commune" && unit.assessed && unit.flags.length === 0,
    );
    let code = "";
    let commune = "";
    let before: Scorecard | undefined;
    for (const unit of candidates) {
      // A xã of today formed around a former town (thị trấn) had no assessment in 2024: refused.
      const card = await apiScorecard(
        app.baseUrl,
        admin,
        `/api/units/${unit.code}/scorecard?year=2024`,
      ).catch(() => undefined);
      if (card && card.valuesEntered > 0) {
        code = unit.code;
        // The list shows today's name, which a reused code may have changed on 1/7/2025.
        commune = unit.name;
        before = card;
        break;
      }
    }
    if (!before) throw new Error("no demo commune without flags has 2024 values");
    expect(before.overrideRule).toBeUndefined();
    // The province of 2024 (old Kon Tum): the province of today reads it through the reform.
    const province = before.unit.path[0]?.code as string;

    const page = await pageOf("admin", "/admin-units");
    await page.getByTestId("unit-admin-page").waitFor();
    await page
      .getByTestId("unit-admin-search")
      .locator("input")
      .fill(withoutDiacritics(commune.replace(/^Xã /, "")));
    await page.getByTestId(`unit-row-${code}`).waitFor();
    await screenshot(page, "units-admin-1280");
    await page.getByTestId(`unit-edit-${code}`).click();
    const form = page.getByTestId("unit-edit-form");
    await form.waitFor();
    const date = page.getByTestId("unit-effective-from");
    await date.fill("01/01/2024");
    await date.press("Tab");
    await page.getByTestId("unit-flag-especiallyDisadvantaged").click();
    await page.getByTestId("unit-basis").fill("QĐ 433/QĐ-UBDT ngày 18/6/2021");
    await screenshot(page, "units-edit-1280");
    await page.getByTestId("unit-save").click();
    await form.waitFor({ state: "detached" });

    // The scorecard now uses the TDMNPB thresholds of rule R1, and says why.
    const after = await apiScorecard(app.baseUrl, admin, `/api/units/${code}/scorecard?year=2024`);
    expect(after.overrideRule?.id).toBe("R1");
    expect(after.classValue).toBe("TDMNPB");
    expect(standardThresholds(after)).not.toEqual(standardThresholds(before));
    // The stored result (what summaries read) is the new evaluation.
    const summary = await apiGet<SummaryResponse>(
      app.baseUrl,
      admin,
      `/api/units/${province}/summary?year=2024`,
    );
    const stored = summary.units.find((unit) => unit.code === code);
    expect(stored?.criteriaMet).toBe(after.criteriaMet);

    await page.goto(`${app.baseUrl}/units/${code}`);
    await page.getByTestId("scorecard-page").waitFor();
    await expect
      .poll(() => page.getByTestId("scorecard-page").innerText())
      .toContain(after.overrideRule?.description as string);

    const history = await apiGet<UnitHistory>(app.baseUrl, admin, `/api/units/${code}/versions`);
    expect(history.changes[0]).toMatchObject({
      username: "admin",
      effectiveFrom: "2024-01-01",
      after: { flags: expect.arrayContaining(["especiallyDisadvantaged"]) },
    });
    await page.goto(`${app.baseUrl}/admin-units`);
    await page
      .getByTestId("unit-admin-search")
      .locator("input")
      .fill(withoutDiacritics(commune.replace(/^Xã /, "")));
    await page.getByTestId(`unit-history-${code}`).click();
    const change = page.getByTestId("unit-change").first();
    await change.waitFor();
    const text = await change.innerText();
    expect(text).toContain("admin");
    expect(text).toContain("01/01/2024");
    expect(text).toContain("ĐBKK");
    await screenshot(page, "units-history-1280");
    await page.close();
  });
});

describe("who sees the edit control", () => {
  it("shows a viewer the units without any edit control, on a phone", async () => {
    const page = await pageOf("xem", "/admin-units", phone);
    await page.getByTestId("unit-admin-page").waitFor();
    await page.locator("[data-testid^='unit-row-']").first().waitFor();
    expect(await page.locator("[data-testid^='unit-edit-']").count()).toBe(0);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(phone.width);
    await screenshot(page, "units-viewer-390");
    await page.close();
  });

  it("gives the administrator the edit drawer on a phone", async () => {
    const page = await pageOf("admin", "/admin-units", phone);
    await page.getByTestId("unit-admin-page").waitFor();
    await page.locator("[data-testid^='unit-edit-']").first().click();
    await page.getByTestId("unit-edit-form").waitFor();
    await screenshot(page, "units-edit-390");
    await page.close();
  });
});
