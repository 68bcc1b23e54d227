import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type {
  CurrentUser,
  MyTasksResponse,
  ObstacleDto,
  PredecessorHistoryResponse,
  RatesResponse,
  ReportSubmissionDto,
  ReportTypeDto,
  Scorecard,
} from "@ntm/contracts";
import { launchBrowser, login, returnTo, screenshot, screenshotDir } from "./support/browser.ts";
import { apiGet, apiScorecard, apiLogin, startApp, type RunningApp } from "./support/start-app.ts";

let app: RunningApp;
let browser: Browser;
const folder = mkdtempSync(join(tmpdir(), "ntm-e2e-reports-"));

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  rmSync(folder, { recursive: true, force: true });
});

/** The screen as the officer sees it: a drawer stays over the page, so not the whole page. */
async function screen(page: Page, name: string) {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
}

async function narrow(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `${name}-390`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** A value meeting an indicator's standard threshold, as an official would type it. */
function passing(card: Scorecard, code: string): string | number | null {
  for (const criterion of card.criteria) {
    const indicator = criterion.indicators.find((candidate) => candidate.code === code);
    const threshold = indicator?.byLevel.standard?.threshold;
    if (!indicator || !threshold) continue;
    if (typeof threshold.value === "boolean") return threshold.value ? "Đạt" : "Không đạt";
    return String(threshold.value).replace(".", ",");
  }
  return null;
}

/** A report type the coordination office of the province of today receives from its xã. */
async function typeOfToday(cadence: ReportTypeDto["cadence"]) {
  const office = await apiLogin(app.baseUrl, "vpdp-qng");
  const me = await apiGet<CurrentUser>(app.baseUrl, office, "/api/auth/me");
  const types = await apiGet<ReportTypeDto[]>(app.baseUrl, office, "/api/report-types");
  const type = types.find(
    (candidate) =>
      candidate.receiverUnitCode === me.unitCode &&
      candidate.submitterLevel === "commune" &&
      candidate.cadence === cadence,
  );
  expect(type, JSON.stringify(types)).toBeDefined();
  return type!;
}

describe("reports, obstacles and Excel", () => {
  it("a district officer imports a template with two bad cells, fixes it, and the scorecard changes", async () => {
    const cookie = await apiLogin(app.baseUrl, "huyen");
    const page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    await login(page, app.baseUrl, "huyen");
    await page.goto(`${app.baseUrl}/reports/import`);
    const downloading = page.waitForEvent("download");
    await page.getByTestId("import-template").click();
    const download = await downloading;
    const templatePath = join(folder, "mau.xlsx");
    await download.saveAs(templatePath);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(templatePath);
    const sheet = workbook.getWorksheet("Số liệu")!;
    const codes = (sheet.getRow(1).values as unknown[]).slice(4).map(String);
    // The first commune of the sheet that does not yet meet every criterion.
    let rowNumber = 4;
    let before: Scorecard | undefined;
    for (; rowNumber <= sheet.rowCount; rowNumber += 1) {
      const code = String(sheet.getCell(rowNumber, 1).value);
      const card = await apiScorecard(
        app.baseUrl,
        cookie,
        `/api/units/${code}/scorecard?year=2024`,
      );
      if (card.criteriaMet < card.criteriaTotal) {
        before = card;
        break;
      }
    }
    expect(before).toBeDefined();
    const card = before!;
    const fill = (bad: boolean) => {
      codes.forEach((code, index) => {
        const value = passing(card, code);
        if (value !== null) sheet.getCell(rowNumber, index + 4).value = value;
      });
      if (bad) {
        const percent = codes.findIndex(
          (code) => passing(card, code) !== null && !String(passing(card, code)).startsWith("Đ"),
        );
        sheet.getCell(rowNumber, percent + 4).value = "khoảng 80";
        sheet.getCell(rowNumber + 1, percent + 4).value = "1.234";
      }
    };
    fill(true);
    const badPath = join(folder, "mau-loi.xlsx");
    await workbook.xlsx.writeFile(badPath);
    await page.getByTestId("import-file").setInputFiles(badPath);
    await page.getByTestId("import-upload").click();
    await page.getByTestId("import-errors").waitFor();
    await screenshot(page, "reports-import-errors");
    const errorRows = page.getByTestId("import-errors").locator("tbody tr.ant-table-row");
    expect(await errorRows.count()).toBe(2);
    expect(await page.getByTestId("import-errors").innerText()).toContain("không phải là số");
    await screenshot(page, "reports-import-errors");
    await narrow(page, "reports-import-errors");
    const unchanged = await apiScorecard(
      app.baseUrl,
      cookie,
      `/api/units/${card.unit.code}/scorecard?year=2024`,
    );
    expect(unchanged.assessment.version).toBe(card.assessment.version);

    // Reload the template so the second row is clean again, then fill the chosen row correctly.
    await workbook.xlsx.readFile(templatePath);
    const fresh = workbook.getWorksheet("Số liệu")!;
    codes.forEach((code, index) => {
      const value = passing(card, code);
      if (value !== null) fresh.getCell(rowNumber, index + 4).value = value;
    });
    const goodPath = join(folder, "mau-dung.xlsx");
    await workbook.xlsx.writeFile(goodPath);
    await page.getByTestId("import-file").setInputFiles(goodPath);
    await page.getByTestId("import-upload").click();
    await page.getByTestId("import-result").waitFor();
    expect(await page.getByTestId("import-result").innerText()).toContain(card.unit.name);
    await screenshot(page, "reports-import-done");

    const after = await apiScorecard(
      app.baseUrl,
      cookie,
      `/api/units/${card.unit.code}/scorecard?year=2024`,
    );
    expect(after.criteriaMet).toBeGreaterThan(card.criteriaMet);
    await page.goto(`${app.baseUrl}/units/${card.unit.code}`);
    await page.getByTestId("scorecard-page").waitFor();
    await expect
      .poll(() => page.getByTestId("criteria-met").innerText())
      .toContain(String(after.criteriaMet));
    await page.close();
  });

  it("a commune's monthly report is drafted, submitted, returned, resubmitted, and the rate board shows it", async () => {
    const officerCookie = await apiLogin(app.baseUrl, "xa");
    const type = await typeOfToday("monthly");
    const mine = await apiGet<ReportSubmissionDto[]>(
      app.baseUrl,
      officerCookie,
      `/api/reports?type=${type.id}`,
    );
    const target = mine
      .filter((r) => r.canSubmit && r.state === "draft")
      .sort((a, b) => b.periodKey.localeCompare(a.periodKey))[0]!;
    expect(target).toBeDefined();
    // A period of the province of today, after the districts ended.
    expect(target.periodKey > "2025-M06").toBe(true);
    const opener = `report-open-${target.periodKey}-${target.unitCode}`;
    const listUrl = `${app.baseUrl}/reports?type=${type.id}&period=${target.periodKey}`;

    const district = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(district, app.baseUrl, "xa");
    await district.goto(listUrl);
    await district.getByTestId("reports-table").waitFor();
    await screenshot(district, "reports-list");
    await district.getByTestId(opener).click();
    await district.getByTestId("report-detail").waitFor();
    await district
      .getByTestId("report-narrative")
      .fill("Tháng này xã hoàn thành 2 công trình giao thông nông thôn.");
    await district.getByTestId("figures-targets").waitFor();
    expect(await district.getByTestId("report-detail").innerText()).toContain("Kế hoạch vốn năm");
    await screenshot(district, "reports-draft");
    await narrow(district, "reports-draft");
    await district.getByTestId("report-submit").click();
    await expect.poll(() => district.getByTestId("report-state").innerText()).toBe("Đã nộp");

    const office = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(office, app.baseUrl, "vpdp-qng");
    // The office receives every xã's report of the period: it finds the commune by name.
    await office.goto(`${listUrl}&q=${encodeURIComponent(target.unitName)}`);
    await office.getByTestId("reports-table").waitFor();
    await office.getByTestId(opener).click({ timeout: 60_000 });
    await office.getByTestId("report-return-reason").fill("Bổ sung số liệu giải ngân vốn.");
    await office.getByTestId("report-return").click();
    await expect.poll(() => office.getByTestId("report-state").innerText()).toBe("Bị trả lại");

    // The drawer's report is in the URL: a reload opens it again.
    await returnTo(district);
    await district.getByTestId("report-detail").waitFor();
    expect(await district.getByTestId("report-detail").innerText()).toContain(
      "Bổ sung số liệu giải ngân vốn.",
    );
    await district.getByTestId("report-narrative").fill("Đã bổ sung số liệu giải ngân.");
    await district.getByTestId("report-submit").click();
    await expect.poll(() => district.getByTestId("report-state").innerText()).toBe("Đã nộp");

    await office.goto(`${app.baseUrl}/reports/rates?type=${type.id}`);
    await office.getByTestId("rates-table").waitFor();
    const cell = office
      .getByTestId(`rates-cell-${target.unitCode}-${target.periodKey}`)
      .locator("[data-timeliness]");
    expect(["on_time", "late"]).toContain(await cell.getAttribute("data-timeliness"));
    await screenshot(office, "reports-rates");
    await narrow(office, "reports-rates");

    // Each button asks the server for a background job; its file is offered once it is made.
    await office.getByTestId("consolidated-docx").click();
    const docxHref = await office.getByTestId("consolidated-docx-file").getAttribute("href");
    const docx = await office.request.get(`${app.baseUrl}${docxHref}`);
    expect(docx.status()).toBe(200);
    expect(docx.headers()["content-type"]).toContain("wordprocessingml");
    await office.getByTestId("consolidated-xlsx").click();
    const xlsxHref = await office.getByTestId("consolidated-xlsx-file").getAttribute("href");
    const xlsx = await office.request.get(`${app.baseUrl}${xlsxHref}`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()["content-disposition"]).toContain("phu-luc.xlsx");
    await office.getByTestId("consolidated").scrollIntoViewIfNeeded();
    await screenshot(office, "reports-consolidated");
    await district.close();
    await office.close();
  });

  it("a rate-board cell opens the communes behind it; two are reminded and the commune officer's home lists the reminder", async () => {
    const office = await apiLogin(app.baseUrl, "vpdp-qng");
    const officer = await apiLogin(app.baseUrl, "xa");
    const me = await apiGet<CurrentUser>(app.baseUrl, officer, "/api/auth/me");
    const communeType = await typeOfToday("monthly");
    const board = await apiGet<RatesResponse>(
      app.baseUrl,
      office,
      `/api/reports/rates?type=${communeType.id}`,
    );
    // The latest period in which the officer's commune and another one have not reported.
    const mine = board.rows.find((row) => row.unitCode === me.unitCode)!;
    const cell = [...mine.cells].reverse().find((c) => c.timeliness === "missing")!;
    expect(cell).toBeDefined();
    const other = board.rows.find(
      (row) =>
        row.unitCode !== me.unitCode &&
        row.cells.some((c) => c.periodKey === cell.periodKey && c.timeliness === "missing"),
    )!;
    const otherId = other.cells.find((c) => c.periodKey === cell.periodKey)!.submissionId;

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await login(page, app.baseUrl, "vpdp-qng");
    await page.goto(`${app.baseUrl}/reports/rates?type=${communeType.id}`);
    await page.getByTestId("rates-table").waitFor();
    await page.getByTestId(`rates-cell-${me.unitCode}-${cell.periodKey}`).click();
    await page.getByTestId("reports-table").waitFor();
    const search = new URL(page.url()).searchParams;
    expect(Object.fromEntries(search)).toEqual({
      type: String(communeType.id),
      period: cell.periodKey,
      status: "missing",
    });
    const shown = page.getByTestId("reports-table").locator("tbody tr.ant-table-row");
    await expect.poll(() => shown.count()).toBeGreaterThan(1);
    expect(await page.getByTestId("reports-table").innerText()).not.toContain("Đúng hạn");

    const choose = async (name: string, id: number) => {
      await page.getByTestId("reports-search").fill(name);
      await page.locator(`tr[data-row-key="${id}"] .ant-table-selection-column input`).check();
    };
    await choose(mine.unitName, cell.submissionId);
    await choose(other.unitName, otherId);
    await page.getByTestId("reports-search").fill("");
    expect(await page.getByTestId("reports-bulk").innerText()).toContain("Đã chọn 2 báo cáo");
    await screenshot(page, "reports-selected-1280");
    const exportHref = await page.getByTestId("reports-export-selected").getAttribute("href");
    const exported = await page.request.get(`${app.baseUrl}${exportHref}`);
    expect(exported.status()).toBe(200);
    expect(exported.headers()["content-disposition"]).toContain("bao-cao-da-chon.xlsx");
    await page.getByTestId("reports-remind").click();
    await page.getByText("Đã nhắc 2 đơn vị").waitFor();
    await expect
      .poll(() => page.getByTestId("reports-table").getByTestId("report-reminded").count())
      .toBeGreaterThan(1);
    await page.close();

    const home = await apiGet<MyTasksResponse>(app.baseUrl, officer, "/api/me/tasks");
    const reminder = home.tasks.find((task) => task.kind === "report_reminder");
    expect(reminder).toMatchObject({ submissionId: cell.submissionId, overdue: true });

    // The commune officer, on a phone: the home lists the reminder, which opens the report in a
    // drawer as wide as the screen, to write and submit.
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await login(phone, app.baseUrl, "xa");
    const line = phone.getByTestId(`task-${reminder!.id}`);
    await line.waitFor();
    expect(await line.getAttribute("data-kind")).toBe("report_reminder");
    expect(await line.innerText()).toContain("nhắc nộp");
    await screenshot(phone, "reports-reminder-home-390");
    await line.click();
    await phone.getByTestId("report-detail").waitFor();
    const drawer = phone.locator(".report-drawer .ant-drawer-content-wrapper");
    const box = await drawer.first().boundingBox();
    expect(Math.round(box!.width)).toBe(390);
    await phone
      .getByTestId("report-narrative")
      .fill("Tháng này xã hoàn thành 1,2 km đường trục thôn.");
    await screen(phone, "reports-drawer-390");
    await phone.getByTestId("report-submit").click();
    await expect.poll(() => phone.getByTestId("report-state").innerText()).toBe("Đã nộp");
    const after = await apiGet<MyTasksResponse>(app.baseUrl, officer, "/api/me/tasks");
    expect(after.tasks.some((task) => task.id === reminder!.id)).toBe(false);
    await phone.close();
  });

  it("the commune officer sees its commune's reports and opens one in a drawer on a desktop", async () => {
    const officer = await apiLogin(app.baseUrl, "xa");
    const me = await apiGet<CurrentUser>(app.baseUrl, officer, "/api/auth/me");
    const mine = await apiGet<ReportSubmissionDto[]>(app.baseUrl, officer, "/api/reports");
    // The reports due to the province of today are the commune's own, monthly and quarterly; the
    // older ones are those of the communes it was formed from (ADR 0011).
    const ofToday = new Set([
      (await typeOfToday("monthly")).id,
      (await typeOfToday("quarterly")).id,
    ]);
    const due = mine.filter((row) => ofToday.has(row.typeId));
    expect(new Set(due.map((row) => row.typeId))).toEqual(ofToday);
    expect(new Set(due.map((row) => row.unitCode))).toEqual(new Set([me.unitCode]));
    const history = await apiGet<PredecessorHistoryResponse>(
      app.baseUrl,
      officer,
      `/api/units/${me.unitCode}/predecessor-history`,
    );
    const former = new Set([me.unitCode, ...history.predecessors.map((p) => p.code)]);
    for (const row of mine) expect(former.has(row.unitCode), row.unitCode).toBe(true);
    const draft = due.find((row) => row.canSubmit)!;
    expect(draft).toBeDefined();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await login(page, app.baseUrl, "xa");
    await page.goto(`${app.baseUrl}/reports?status=open&type=${draft.typeId}`);
    await page.getByTestId("reports-table").waitFor();
    await page.getByTestId(`report-open-${draft.periodKey}-${draft.unitCode}`).click();
    await page.getByTestId("report-detail").waitFor();
    expect(new URL(page.url()).searchParams.get("report")).toBe(String(draft.id));
    const box = await page
      .locator(".report-drawer .ant-drawer-content-wrapper")
      .first()
      .boundingBox();
    expect(Math.round(box!.width)).toBe(720);
    // The submit control is in view without scrolling the page behind the drawer.
    expect(await page.getByTestId("report-submit").isVisible()).toBe(true);
    await screen(page, "reports-drawer-1280");
    await page.close();
  });

  it("an obstacle is raised by a commune, escalated straight to the province and resolved by the coordination office", async () => {
    const district = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(district, app.baseUrl, "xa");
    await district.goto(`${app.baseUrl}/reports/obstacles`);
    await district.getByTestId("obstacle-title").fill("Thiếu vốn đối ứng xây trường mầm non");
    await district.getByTestId("obstacle-criteria").fill("5");
    const due = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    await district.getByTestId("obstacle-due").fill(due);
    await district.getByTestId("obstacle-raise").click();
    const card = district
      .locator("[data-testid^=obstacle-]", { hasText: "Thiếu vốn đối ứng xây trường mầm non" })
      .first();
    await card.getByTestId("obstacle-note").fill("Vượt khả năng cân đối của xã.");
    await card.getByTestId("obstacle-escalate").click();
    await expect
      .poll(() => card.getByTestId("obstacle-holder").innerText())
      .toBe("Văn phòng điều phối NTM tỉnh");
    const raised = (
      await apiGet<ObstacleDto[]>(
        app.baseUrl,
        await apiLogin(app.baseUrl, "xa"),
        "/api/obstacles?status=escalated",
      )
    ).find((obstacle) => obstacle.title === "Thiếu vốn đối ứng xây trường mầm non")!;
    // Since 1/7/2025 no district stands between the commune and its province.
    expect(raised.events.map((event) => event.toHolder)).toEqual([
      "commune",
      "coordination_office",
    ]);
    await screenshot(district, "reports-obstacles");
    await narrow(district, "reports-obstacles");

    const office = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(office, app.baseUrl, "vpdp-qng");
    await office.goto(`${app.baseUrl}/reports/obstacles`);
    const held = office
      .locator("[data-testid^=obstacle-]", { hasText: "Thiếu vốn đối ứng xây trường mầm non" })
      .first();
    await held.getByTestId("obstacle-note").fill("Bố trí từ nguồn vốn tỉnh năm sau.");
    await held.getByTestId("obstacle-resolve").click();
    await office.getByTestId("obstacle-form").waitFor();
    await office.getByText("Đã giải quyết", { exact: true }).first().click();
    const resolved = office
      .locator("[data-testid^=obstacle-]", { hasText: "Thiếu vốn đối ứng xây trường mầm non" })
      .first();
    await expect
      .poll(() => resolved.getByTestId("obstacle-status").innerText())
      .toBe("Đã giải quyết");
    await screenshot(office, "reports-obstacle-resolved");
    await district.close();
    await office.close();
  });
});
