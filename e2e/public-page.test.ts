import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import type { PublicCriteria, PublicDecisions, PublicProvince } from "@ntm/contracts";
import { foldVietnamese } from "@ntm/domain";
import { launchBrowser, screenshot } from "./support/browser.ts";
import { startApp, type RunningApp } from "./support/start-app.ts";

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

async function anonymous<T>(path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${app.baseUrl}${path}`);
  return { status: response.status, body: (await response.json()) as T };
}

describe("the public page: an anonymous resident on a phone", () => {
  it("sees only what the province published, opens a commune and a decision's PDF", async () => {
    // What the demo province published, as the API says without a session.
    const province = await anonymous<PublicProvince>("/api/public/provinces/51");
    expect(province.status).toBe(200);
    const resultYears = province.body.years
      .filter((entry) => entry.kinds.some((kind) => kind !== "postings"))
      .map((entry) => entry.year);
    expect(resultYears).toEqual([2025, 2024]);
    // 2023 is not published: absent on the page and 404 from the API, kind by kind.
    for (const kind of ["communes", "criteria", "decisions", "targets"]) {
      expect((await anonymous(`/api/public/provinces/51/years/2023/${kind}`)).status).toBe(404);
    }

    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${app.baseUrl}/cong-khai`);
    await page.getByRole("link", { name: "Tỉnh Quảng Ngãi" }).click();
    await page.getByTestId("public-province-name").waitFor();
    expect(await page.getByTestId("public-province-name").textContent()).toBe("Tỉnh Quảng Ngãi");
    const yearButtons = page.locator(".pub-years button");
    expect(await yearButtons.allTextContents()).toEqual(["2025", "2024"]);
    expect(await page.getByRole("button", { name: "2023" }).count()).toBe(0);
    await page.getByTestId("public-demo-banner").first().waitFor();
    // The page loads neither the component library nor the signed-in application.
    expect(await page.locator(".ant-layout, .ant-btn").count()).toBe(0);
    await page.getByTestId("public-communes").getByRole("listitem").first().waitFor();
    // The province of today set no target of its own for 2025 (Kon Tum's ended with it): it says so.
    await page
      .getByTestId("public-targets")
      .getByText("Tỉnh chưa đặt mục tiêu cho năm này.")
      .waitFor();
    await screenshot(page, "public-province-390");

    // A commune found without diacritics, its criteria of 2025.
    const criteria = await anonymous<PublicCriteria>(
      "/api/public/provinces/51/years/2025/criteria",
    );
    const commune = criteria.body.communes[0];
    if (!commune) throw new Error("no commune with 2025 results in the demo");
    await page.getByTestId("public-commune-search").fill(foldVietnamese(commune.name));
    const card = page.getByTestId(`public-commune-${commune.code}`);
    await card.waitFor();
    expect(await card.textContent()).toContain(
      `Đạt ${commune.criteriaMet}/${commune.criteriaTotal} tiêu chí`,
    );
    await card.getByRole("link").click();
    await page.getByTestId("public-commune-name").waitFor();
    expect(await page.getByTestId("public-commune-name").textContent()).toBe(commune.name);
    expect(await page.getByTestId("public-commune-criteria").getByRole("listitem").count()).toBe(
      commune.criteriaTotal,
    );
    await screenshot(page, "public-commune-390");

    // A decision of 2024 with its PDF.
    const decisions = await anonymous<PublicDecisions>(
      "/api/public/provinces/51/years/2024/decisions",
    );
    const withPdf = decisions.body.decisions.find((decision) => decision.pdfUrl);
    if (!withPdf?.pdfUrl) throw new Error("no decision with a PDF in the demo's 2024");
    await page.goBack();
    await page.getByRole("button", { name: "2024" }).click();
    const link = page.getByTestId("public-decision-pdf").first();
    await link.waitFor();
    expect(await link.getAttribute("href")).toBe(withPdf.pdfUrl);
    await page.getByTestId("public-targets").getByRole("listitem").first().waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const pdf = await fetch(`${app.baseUrl}${withPdf.pdfUrl}`);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    // The same decision under a year the province did not publish: 404.
    const unpublished = withPdf.pdfUrl.replace("/years/2024/", "/years/2023/");
    expect((await fetch(`${app.baseUrl}${unpublished}`)).status).toBe(404);
    await screenshot(page, "public-decisions-390");

    const desktop = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await desktop.goto(`${app.baseUrl}/cong-khai/51?nam=2024`);
    await desktop.getByTestId("public-decisions").getByRole("listitem").first().waitFor();
    await desktop.getByTestId("public-targets").getByRole("listitem").first().waitFor();
    await screenshot(desktop, "public-province-1280");
    await desktop.close();
    await page.close();
  });
});
