import { readFileSync } from "node:fs";
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
    await road.getByRole("spinbutton").fill("85");
    await card.getByTestId("village-save-values").click();
    await expect.poll(() => road.innerText()).toContain("Đạt");
    await road
      .getByTestId("village-evidence-1.1")
      .locator("input[type=file]")
      .setInputFiles({
        name: "Biên bản đường thôn.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"),
      });
    await expect
      .poll(() => road.getByTestId("village-evidence-1.1").innerText())
      .toContain("Biên bản đường thôn.pdf");

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

async function send<T>(cookie: string, method: "POST" | "PUT", path: string, body: unknown) {
  const response = await fetch(`${app.baseUrl}${path}`, {
    method,
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

const illustrativeSet = JSON.parse(
  readFileSync(new URL("../data/criteria/village-ntm-illustrative.json", import.meta.url), "utf8"),
) as Record<string, unknown>;

/** A smart-village set of the province of today: one criterion, its threshold unverified. */
const smartVillageSet = {
  ...illustrativeSet,
  code: "51-thon-thong-minh-e2e",
  name: "Bộ tiêu chí thôn thông minh (minh họa)",
  village: { kind: "smart-village", illustrative: true },
  fromYear: 2025,
  toYear: 2025,
  criteria: [
    {
      code: "1",
      name: "Hạ tầng số",
      indicators: [
        {
          code: "1.1",
          name: "Nhà văn hóa thôn có wifi miễn phí được duy trì thường xuyên",
          kind: "boolean",
          comparator: "is",
          thresholds: [
            {
              level: "standard",
              value: true,
              basis: { document: "Minh họa" },
              status: "unverified",
              note: "Minh họa, theo nội dung QĐ 2429/QĐ-UBND tỉnh Quảng Nam",
            },
          ],
        },
      ],
    },
  ],
};

describe("the model commune's smart village", () => {
  it("is read from the villages the commune recognised, named on the scorecard, and refused when typed", async () => {
    const admin = await apiLogin(app.baseUrl, "admin");
    const commune = await apiLogin(app.baseUrl, "xa");
    const me = await apiGet<CurrentUser>(app.baseUrl, commune, "/api/auth/me");
    const imported = await send(admin, "POST", "/api/catalog/sets", smartVillageSet);
    expect(imported.status).toBe(201);

    // The demo's villages moved with their commune on 1/7/2025: the officer's are under it in 2025.
    const list = await apiGet<VillageListResponse>(
      app.baseUrl,
      commune,
      `/api/communes/${me.unitCode}/villages?year=2025`,
    );
    const village = list.villages[0];
    if (!village) throw new Error("the demo commune has no village in 2025");
    // The commune's 2025 assessment (the demo leaves its values to enter).
    const card = await apiGet<{ assessment: { version: number } }>(
      app.baseUrl,
      commune,
      `/api/units/${me.unitCode}/scorecard?year=2025`,
    );
    const entered = await send(
      commune,
      "PUT",
      `/api/units/${me.unitCode}/assessments/2025/values`,
      {
        version: card.assessment.version,
        values: [{ indicatorCode: "1.1", value: true }],
      },
    );
    expect(entered.status).toBe(200);
    const typed = await send<{ error: { message: string } }>(
      commune,
      "PUT",
      `/api/units/${me.unitCode}/assessments/2025/values`,
      { version: card.assessment.version + 1, values: [{ indicatorCode: "KM.1", value: true }] },
    );
    expect(typed.status).toBe(400);
    expect(typed.body.error.message).toContain("lấy từ sổ thôn");

    const base = `/api/villages/${village.code}`;
    const values = await send(
      commune,
      "PUT",
      `${base}/sets/${smartVillageSet.code}/assessments/2025/values`,
      {
        version: 0,
        values: [{ indicatorCode: "1.1", value: true }],
      },
    );
    expect(values.status).toBe(200);
    for (const step of [
      { type: "self_assess", year: 2025, reportNumber: "09/BC-BPT", reportDate: "2025-11-03" },
      { type: "recognise", decisionNumber: "201/QĐ-UBND", decisionDate: "2025-12-10" },
    ]) {
      const done = await send(
        commune,
        "POST",
        `${base}/recognitions/${smartVillageSet.code}`,
        step,
      );
      expect(done.status).toBe(200);
    }

    for (const [width, height, name] of [
      [390, 844, "smart-village-scorecard-390"],
      [1280, 900, "smart-village-scorecard-1280"],
    ] as const) {
      const page = await browser.newPage({ viewport: { width, height } });
      await useSession(page, commune);
      await page.goto(`${app.baseUrl}/units/${me.unitCode}`);
      await page.getByTestId("year-select").selectOption("2025");
      await page.getByTestId("level-switch").getByText("kiểu mẫu").click();
      const conditions = page.getByTestId("level-conditions");
      await conditions.waitFor();
      const note = conditions.getByTestId("indicator-note-KM.1");
      // The registry's figure is read-only: its note is shown, not an input.
      await expect.poll(() => note.innerText()).toContain("Lấy từ sổ thôn");
      expect(await note.innerText()).toContain(`${village.name} (201/QĐ-UBND)`);
      expect(await conditions.getByTestId("registry-source-KM.1").innerText()).toContain(
        "Lấy từ sổ thôn",
      );
      await note.scrollIntoViewIfNeeded();
      await screenshot(page, name);
      await page.close();
    }
  });
});
