import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { OcopListResponse, UnitListResponse } from "@ntm/contracts";
import { openSignedIn, useAppAndBrowser } from "./support/app-and-browser.ts";
import { screenshot } from "./support/browser.ts";
import { dmy, todayInVietnam } from "./support/dates.ts";
import { apiGet, provinceAdmin } from "./support/start-app.ts";

// The province's existing OCOP list sent from the registry page: a background job imports it while
// the page shows its progress, then the per-row report of a refused sheet, or the products saved.
const running = useAppAndBrowser();
const today = todayInVietnam();

/** The registry's own sheet (the export's headers), one product per row. */
async function sheet(rows: Record<string, string | number>[]) {
  const workbook = new ExcelJS.Workbook();
  const page = workbook.addWorksheet("Sản phẩm OCOP");
  page.columns = [
    ["Tên sản phẩm", "name"],
    ["Loại chủ thể", "kind"],
    ["Tên chủ thể", "producer"],
    ["Nhóm sản phẩm", "group"],
    ["Mã xã", "commune"],
    ["Điểm phần A", "a"],
    ["Điểm phần B", "b"],
    ["Điểm phần C", "c"],
    ["Số sao", "stars"],
    ["Số quyết định", "decision"],
    ["Ngày quyết định", "date"],
    ["Cơ quan ban hành", "issuer"],
    ["Cấp ban hành", "level"],
  ].map(([header, key]) => ({ header, key }));
  for (const row of rows) page.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("OCOP: a province's list imported from the registry page", () => {
  it("follows the background job, shows the refused rows with their report, then the products saved", async () => {
    const { app } = running;
    const { cookie, province } = await provinceAdmin(app.baseUrl);
    const communes = await apiGet<UnitListResponse>(
      app.baseUrl,
      cookie,
      `/api/units?level=commune&asOf=${today}&q=`,
    );
    const commune = communes.units.find((unit) => unit.parentCode === province && unit.assessed);
    expect(commune).toBeDefined();
    const product = (name: string, group: string) => ({
      name,
      kind: "Hợp tác xã",
      producer: "HTX Nông sản sạch (kiểm thử)",
      group,
      commune: commune?.code ?? "",
      a: 30,
      b: 18,
      c: 25,
      stars: 4,
      decision: "88/QĐ-UBND",
      date: dmy(today),
      issuer: "UBND tỉnh Quảng Ngãi",
      level: "Tỉnh",
    });

    const page = await openSignedIn(running, "admin", "/ocop");
    await page.getByTestId("ocop-tally").waitFor();
    const file = page.locator('input[type="file"][accept=".xlsx"]');

    const refusedJob = page.waitForResponse(
      (response) =>
        response.url().includes("/api/ocop/import") && response.url().includes("background=true"),
    );
    await file.setInputFiles({
      name: "so-ocop.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: await sheet([product("Miến dong", "Thực phẩm"), product("Gạo lứt", "Ô tô")]),
    });
    expect((await refusedJob).status()).toBe(202);
    const errors = page.getByTestId("ocop-import-errors");
    await errors.waitFor({ timeout: 30_000 });
    expect(await errors.innerText()).toContain('Dòng 3, cột "Nhóm sản phẩm"');
    expect(await page.getByTestId("ocop-import-error-report").getAttribute("href")).toMatch(
      /^\/api\/jobs\/\d+\/file$/,
    );
    await screenshot(page, "ocop-import-refused-1280");

    await file.setInputFiles({
      name: "so-ocop.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: await sheet([product("Miến dong", "Thực phẩm")]),
    });
    await page.getByText("Đã nhập 1 sản phẩm.").waitFor({ timeout: 30_000 });
    expect(await errors.count()).toBe(0);
    const list = await apiGet<OcopListResponse>(
      app.baseUrl,
      cookie,
      `/api/ocop/products?unitCode=${province}&q=mien%20dong`,
    );
    expect(list.products[0]?.certificate.origin).toBe("imported");
    await page.close();
  });
});
