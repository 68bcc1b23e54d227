import { execFile } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { CurrentUser, DossierSummaryDto, EntrySheetResponse } from "@ntm/contracts";
import { launchBrowser } from "./support/browser.ts";
import {
  apiGet,
  apiScorecard,
  apiSession,
  startApp,
  type RunningApp,
} from "./support/start-app.ts";

const run = promisify(execFile);

let app: RunningApp;
let browser: Browser;
// Printed pages as PDF and as pictures, for a person to look at; kept out of the repository.
const printDir = process.env.NTM_SHOTS_DIR ?? join(tmpdir(), "ntm-print");

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const sessionOf = (username: string) => apiSession(app.baseUrl, username);

/** Today as the print header writes it: dd/MM/yyyy in Viet Nam. */
function todayInVietnam(): string {
  const [year, month, day] = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" })
    .format(new Date())
    .split("-");
  return `${day}/${month}/${year}`;
}

/** A page opened on a desktop with a session made through the API (logins are rate-limited). */
async function openAs(
  username: string,
  path: string,
  ready: string,
  viewport = { width: 1280, height: 900 },
): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const [name = "", value = ""] = (await sessionOf(username)).split("=", 2);
  await context.addCookies([{ name, value, url: app.baseUrl }]);
  const page = await context.newPage();
  await page.goto(`${app.baseUrl}${path}`);
  await page.waitForSelector(ready, { state: "visible" });
  await page.waitForLoadState("networkidle");
  return page;
}

const visible = (page: Page, selector: string) =>
  page.locator(selector).filter({ visible: true }).count();

/**
 * The page as printed: no application around it (header, navigation, "Đăng xuất", save bar,
 * drawers), no button, and the print header naming the unit, the year and the day of printing.
 */
async function expectPrinted(page: Page, header: { unit: string; year: string; demo: boolean }) {
  await page.getByTestId("print-button").waitFor({ state: "visible" });
  await page.emulateMedia({ media: "print" });
  for (const chrome of [
    ".app-header",
    ".section-nav",
    ".app-sider",
    ".save-bar",
    ".ant-drawer",
    ".ant-tabs-nav",
    "button.ant-btn",
    "a.ant-btn",
  ]) {
    expect(await visible(page, chrome), chrome).toBe(0);
  }
  expect(await page.getByText("Đăng xuất").filter({ visible: true }).count()).toBe(0);
  const printHeader = page.getByTestId("print-header");
  await printHeader.waitFor({ state: "visible", timeout: 5_000 });
  const unitLine = await page.getByTestId("print-unit").innerText();
  expect(unitLine).toContain(header.unit);
  expect(unitLine).toContain(header.year);
  expect(await page.getByTestId("print-date").innerText()).toBe(`In ngày ${todayInVietnam()}`);
  const demoMarks = printHeader.getByTestId("demo-tag").filter({ visible: true });
  expect(await demoMarks.count()).toBe(header.demo ? 1 : 0);
}

/** Prints the page to an A4 PDF and draws its first pages as pictures to look at. */
async function printToPdf(page: Page, name: string): Promise<Buffer> {
  mkdirSync(printDir, { recursive: true });
  const path = join(printDir, `${name}.pdf`);
  const pdf = await page.pdf({ path, format: "A4" });
  if (existsSync("/usr/bin/pdftoppm")) {
    await run("/usr/bin/pdftoppm", ["-png", "-r", "60", "-l", "4", path, join(printDir, name)]);
  } else {
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: join(printDir, `${name}-794.png`), fullPage: true });
  }
  return pdf;
}

/** The number of pages of a PDF, read from its page objects. */
const pageCount = (pdf: Buffer) =>
  (pdf.toString("latin1").match(/\/Type\s*\/Page\b/g) ?? []).length;

describe("printing on A4", () => {
  it("prints a commune's scorecard with every criterion, the full missing list and no app chrome", async () => {
    const cookie = await sessionOf("xa");
    const me = await apiGet<CurrentUser>(app.baseUrl, cookie, "/api/auth/me");
    const card = await apiScorecard(
      app.baseUrl,
      cookie,
      `/api/units/${me.unitCode}/scorecard?year=2024`,
    );
    const page = await openAs("xa", `/units/${me.unitCode}`, '[data-testid="criteria-met"]');
    // On screen the list of what is missing is shortened.
    const missing = card.levels.find((level) => level.level === card.nextLevel)?.missing ?? [];
    expect(missing.length).toBeGreaterThan(6);
    await page.getByText(/Xem thêm \d+/).waitFor({ state: "visible" });
    expect(await visible(page, '[data-testid="print-criteria"]')).toBe(0);

    await expectPrinted(page, { unit: card.unit.name, year: "Năm 2024", demo: true });
    expect(
      await page
        .getByText(/Xem thêm/)
        .filter({ visible: true })
        .count(),
    ).toBe(0);
    expect(await visible(page, '[data-testid="missing-list"] li')).toBe(missing.length);
    for (const criterion of card.criteria) {
      const block = page.getByTestId(`print-criterion-${criterion.code}`);
      expect(await block.isVisible(), criterion.code).toBe(true);
      expect(await block.locator("tbody tr").count()).toBe(criterion.indicators.length);
    }
    const pdf = await printToPdf(page, "scorecard");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // The summary first, then the criteria from a new page on.
    expect(pageCount(pdf)).toBeGreaterThan(2);
    await page.context().close();
  });

  it("prints a dossier without its action forms", async () => {
    const office = await sessionOf("vpdp");
    const dossiers = await apiGet<DossierSummaryDto[]>(app.baseUrl, office, "/api/dossiers");
    const dossier = dossiers.find((d) => d.status === "open") ?? dossiers[0];
    if (!dossier) throw new Error("the demo has no dossier");
    const page = await openAs("vpdp", `/dossiers/${dossier.id}`, '[data-testid="dossier-page"]');
    expect(await page.getByTestId("dossier-actions").isVisible()).toBe(true);
    await expectPrinted(page, {
      unit: dossier.unitName,
      year: `Năm ${dossier.year}`,
      demo: true,
    });
    expect(await page.getByTestId("dossier-actions").isVisible()).toBe(false);
    expect(await page.getByTestId("snapshot-table").isVisible()).toBe(true);
    const pdf = await printToPdf(page, "dossier");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await page.context().close();
  });

  it("prints the targets dashboard with its map", async () => {
    const office = await sessionOf("vpdp");
    const me = await apiGet<CurrentUser>(app.baseUrl, office, "/api/auth/me");
    const page = await openAs("vpdp", `/targets/${me.unitCode}`, '[data-testid="unit-map"] canvas');
    await expectPrinted(page, { unit: me.unitName, year: "Năm", demo: true });
    await page.locator('[data-testid="unit-map"] [data-testid="chart-on-paper"]').waitFor();
    expect(await visible(page, '[data-testid="heatmap"]')).toBe(1);
    await printToPdf(page, "targets-dashboard");
    await page.context().close();
  });

  it("prints from a phone: the map redrawn at the page's width, the folded lists open", async () => {
    const office = await sessionOf("vpdp");
    const me = await apiGet<CurrentUser>(app.baseUrl, office, "/api/auth/me");
    const page = await openAs(
      "vpdp",
      `/targets/${me.unitCode}`,
      '[data-testid="unit-map"] canvas',
      {
        width: 390,
        height: 844,
      },
    );
    const map = page.locator('[data-testid="unit-map"]');
    expect(await visible(page, ".behind-list")).toBe(0);
    expect(await map.getByTestId("chart-on-paper").count()).toBe(0);
    await page.emulateMedia({ media: "print" });
    const picture = map.getByTestId("chart-on-paper");
    await picture.waitFor({ state: "visible" });
    // Two printer dots per pixel at the A4 page's width (703 px), not the phone's 390 stretched.
    const dots = await picture.evaluate((image: HTMLImageElement) => image.naturalWidth);
    expect(dots).toBeGreaterThanOrEqual(2 * 703 - 2);
    expect(await visible(page, '[data-testid="unit-map"] canvas')).toBe(0);
    expect(await visible(page, ".behind-list")).toBeGreaterThan(0);
    await printToPdf(page, "targets-dashboard-phone");
    await page.emulateMedia({ media: "screen" });
    await picture.waitFor({ state: "detached" });
    expect(await visible(page, '[data-testid="unit-map"] canvas')).toBeGreaterThan(0);
    await page.context().close();
  });

  it("prints the reports rate board under a title of its own", async () => {
    const office = await sessionOf("vpdp");
    const me = await apiGet<CurrentUser>(app.baseUrl, office, "/api/auth/me");
    const page = await openAs("vpdp", "/reports/rates", '[data-testid="rates-table"]');
    expect(await page.locator("h1").innerText()).toBe("Báo cáo");
    await expectPrinted(page, { unit: me.unitName, year: "Năm ", demo: false });
    expect(await page.locator(".print-header-title").textContent()).toContain(
      "Tỷ lệ báo cáo đúng hạn",
    );
    expect(await page.getByTestId("rates-table").isVisible()).toBe(true);
    await printToPdf(page, "rate-board");
    await page.context().close();
  });
});

describe("entry by commune", () => {
  it("links each saved row to that commune's scorecard", async () => {
    const cookie = await sessionOf("huyen");
    const { unitCode } = await apiGet<CurrentUser>(app.baseUrl, cookie, "/api/auth/me");
    const catalog = await apiGet<EntrySheetResponse>(
      app.baseUrl,
      cookie,
      `/api/units/${unitCode}/entry-sheet?year=2024`,
    );
    const indicator = catalog.catalog.find((item) => item.writable && item.kind === "percent");
    if (!indicator) throw new Error("the district writes no percent indicator");
    const page = await openAs(
      "huyen",
      `/entry/${unitCode}?i=${indicator.code}`,
      '[data-testid="bulk-grid"]',
    );
    const sheet = await apiGet<EntrySheetResponse>(
      app.baseUrl,
      cookie,
      `/api/units/${unitCode}/entry-sheet?year=2024&indicators=${indicator.code}`,
    );
    const [first, second] = sheet.rows;
    if (!first || !second) throw new Error("the district has fewer than two communes");
    await page.getByTestId(`bulk-input-${first.unitCode}-${indicator.code}`).fill("75");
    await page.getByTestId("bulk-save").click();
    const link = page.getByTestId(`bulk-scorecard-${first.unitCode}`);
    await link.waitFor();
    expect(await link.innerText()).toMatch(/^Đã lưu · Đạt \d+\/\d+/);
    // A row that was not saved has nothing to open.
    expect(await page.getByTestId(`bulk-scorecard-${second.unitCode}`).count()).toBe(0);
    await link.click();
    await page.getByTestId("scorecard-page").waitFor();
    expect(new URL(page.url()).pathname).toBe(`/units/${encodeURIComponent(first.unitCode)}`);
    expect(await page.locator("#unit-title").innerText()).toBe(first.unitName);
    await page.context().close();
  });
});
