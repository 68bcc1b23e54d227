import { describe, expect, it } from "vitest";
import type {
  EntrySheetResponse,
  OcopListResponse,
  OcopProductDto,
  TargetWithProgress,
} from "@ntm/contracts";
import { addDays } from "@ntm/domain";
import { openSignedIn, useAppAndBrowser } from "./support/app-and-browser.ts";
import { screenshot } from "./support/browser.ts";
import { dmy, todayInVietnam } from "./support/dates.ts";
import { apiGet, apiScorecard, provinceAdmin } from "./support/start-app.ts";

const running = useAppAndBrowser();
const today = todayInVietnam();
const year = Number(today.slice(0, 4));

async function post<T>(cookie: string, path: string, body: unknown) {
  const response = await fetch(`${running.app.baseUrl}${path}`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The value of an indicator on a commune's scorecard of a year. */
async function indicatorValue(cookie: string, code: string, indicator: string) {
  const card = await apiScorecard(
    running.app.baseUrl,
    cookie,
    `/api/units/${code}/scorecard?year=${year}`,
  );
  return card.criteria
    .flatMap((criterion) => criterion.indicators)
    .find((item) => item.code === indicator)?.value;
}

describe("OCOP: a product certified in 2023 reaches its 36 months and is re-evaluated", () => {
  it("shows it expiring 30 days before, re-evaluates it to 4 stars, and the target and indicator follow", async () => {
    const { app } = running;
    const { cookie, province } = await provinceAdmin(app.baseUrl);
    const list = await apiGet<OcopListResponse>(
      app.baseUrl,
      cookie,
      `/api/ocop/products?unitCode=${province}&q=mat%20ong`,
    );
    const honey = list.products[0] as OcopProductDto;
    expect(honey.certificate).toMatchObject({ stars: 3, decisionDate: "2023-12-20" });
    const expiresOn = honey.certificate.expiresOn;
    expect(expiresOn).toBe("2026-12-20");

    const target = await post<{ id: number }>(cookie, "/api/targets", {
      unitCode: province,
      name: `Ít nhất 2 sản phẩm OCOP 4 sao năm ${year}`,
      kind: "ocopProducts",
      baselineYear: year - 1,
      deadlineYear: year,
      value: 2,
      minStars: 4,
    });
    const before = await apiGet<TargetWithProgress>(
      app.baseUrl,
      cookie,
      `/api/targets/${target.id}/progress?year=${year}`,
    );
    expect(before.progress.actual).toBe(1);
    expect(before.progress.behind.map((row) => row.name)).toContain("Mật ong rừng");

    const page = await openSignedIn(running, "admin", `/ocop?asOf=${addDays(expiresOn, -31)}`);
    const row = () => page.getByRole("row").filter({ hasText: "Mật ong rừng" });
    await row().getByTestId("ocop-status").waitFor();
    expect(await row().getByTestId("ocop-status").textContent()).toBe("Còn hiệu lực");
    await page.goto(`${app.baseUrl}/ocop?asOf=${addDays(expiresOn, -30)}`);
    await row().getByText("Sắp hết hạn").waitFor();
    expect(await row().getByTestId("ocop-status").getAttribute("data-status")).toBe("expiring");
    await screenshot(page, "ocop-list-expiring-1280");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "ocop-list-expiring-390");

    await row().getByRole("link", { name: "Mật ong rừng" }).click();
    await page.getByTestId("ocop-product-page").waitFor();
    await page.getByRole("button", { name: "Đánh giá lại" }).click();
    const form = page.getByTestId("ocop-reevaluate-form");
    await form.getByLabel("Điểm A (tối đa 40)").fill("32");
    await form.getByLabel("Điểm B (tối đa 25)").fill("20");
    await form.getByLabel("Điểm C (tối đa 35)").fill("24");
    await form.getByTestId("ocop-computed").getByText("4 sao").waitFor();
    await form.getByLabel("Số sao ghi trên quyết định").click();
    await page.locator(".ant-select-item-option").filter({ hasText: "4 sao" }).click();
    await form.getByLabel("Số quyết định").fill("1234/QĐ-UBND");
    await form.getByLabel("Ngày quyết định").fill(dmy(today));
    await screenshot(page, "ocop-reevaluate-390");
    await form.getByRole("button", { name: "Lưu" }).click();
    await page.getByText("Đã ghi giấy chứng nhận mới: 4 sao.").waitFor();
    await page.getByTestId("ocop-product-page").getByText("Còn hiệu lực").first().waitFor();
    await screenshot(page, "ocop-product-390");
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, "ocop-product-1280");
    await page.close();

    const after = await apiGet<TargetWithProgress>(
      app.baseUrl,
      cookie,
      `/api/targets/${target.id}/progress?year=${year}`,
    );
    expect(after.progress).toMatchObject({ actual: 2, status: "met" });
    const detail = await apiGet<OcopProductDto>(
      app.baseUrl,
      cookie,
      `/api/ocop/products/${honey.id}`,
    );
    expect(detail.certificate).toMatchObject({ stars: 4, decisionDate: today });
    // The commune's OCOP indicator (2026–2030 set, 3.4) is the registry's count on 31/12.
    const commune = detail.commune.code;
    const registry = await apiGet<OcopListResponse>(
      app.baseUrl,
      cookie,
      `/api/ocop/products?unitCode=${commune}&asOf=${year}-12-31`,
    );
    const counted = registry.products.filter(
      (p) => ["valid", "expiring"].includes(p.status.status) && p.certificate.stars >= 3,
    ).length;
    expect(counted).toBeGreaterThanOrEqual(1);
    expect(await indicatorValue(cookie, commune, "3.4")).toBe(counted);
  });

  it("shows the registry's indicator read-only in the entry by commune, saying where it comes from as the scorecard does", async () => {
    const { app } = running;
    const { cookie, province } = await provinceAdmin(app.baseUrl);
    const sheet = await apiGet<EntrySheetResponse>(
      app.baseUrl,
      cookie,
      `/api/units/${province}/entry-sheet?year=${year}&indicators=3.4`,
    );
    const sourced = sheet.rows.find((row) => row.sourced?.["3.4"]);
    expect(sourced).toBeDefined();
    const page = await openSignedIn(running, "admin", `/entry/${province}?i=3.4`);
    await page.getByTestId("year-select").selectOption(String(year));
    const cell = page.getByTestId(`bulk-input-${sourced?.unitCode}-3.4`);
    await cell.waitFor();
    const reason = "Lấy từ sổ sản phẩm OCOP của tỉnh (sản phẩm từ 3 sao còn hiệu lực)";
    expect(await cell.getAttribute("title")).toContain(reason);
    const described = await cell.getAttribute("aria-describedby");
    expect(await page.locator(`[id="${described}"]`).textContent()).toContain(reason);
    await page.close();
  });
});
