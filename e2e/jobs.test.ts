import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import type { CurrentUser, JobList } from "@ntm/contracts";
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

describe("Tác vụ nền", () => {
  it("the province administrator re-evaluates the province from the page and sees it finish", async () => {
    const cookie = await apiLogin(app.baseUrl, "admin");
    const me = await apiGet<CurrentUser>(app.baseUrl, cookie, "/api/auth/me");
    expect(me.permissions["job.read"]).toBe(true);
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const [name = "", value = ""] = cookie.split("=", 2);
    await page.context().addCookies([{ name, value, url: app.baseUrl }]);
    await page.goto(`${app.baseUrl}/`);
    await page.getByTestId("account-menu").click();
    await page.getByRole("link", { name: "Tác vụ nền" }).click();
    await page.getByTestId("jobs-page").waitFor();
    await page.getByTestId("start-re-evaluation").click();
    // The day's file sweep is on the page too: wait for the re-evaluation's own row.
    await page
      .getByRole("row")
      .filter({ hasText: "Đánh giá lại kết quả" })
      .filter({ hasText: "Hoàn thành" })
      .first()
      .waitFor({ timeout: 120_000 });
    await screenshot(page, "jobs-province-admin-390");

    const { jobs } = await apiGet<JobList>(app.baseUrl, cookie, "/api/jobs");
    const job = jobs.find((candidate) => candidate.kind === "re_evaluation");
    expect(job).toMatchObject({
      state: "completed",
      provinceCode: me.unitCode,
      createdBy: "admin",
    });
    expect(Number(job?.result?.evaluated)).toBeGreaterThan(0);
    await page.close();
  });

  it("a commune officer has no link to the page", async () => {
    const cookie = await apiLogin(app.baseUrl, "xa");
    const me = await apiGet<CurrentUser>(app.baseUrl, cookie, "/api/auth/me");
    expect(me.permissions["job.read"]).toBe(false);
    const page = await browser.newPage();
    const [name = "", value = ""] = cookie.split("=", 2);
    await page.context().addCookies([{ name, value, url: app.baseUrl }]);
    await page.goto(`${app.baseUrl}/`);
    await page.getByTestId("account-menu").click();
    await page.getByRole("link", { name: "Đổi mật khẩu" }).waitFor();
    expect(await page.getByRole("link", { name: "Tác vụ nền" }).count()).toBe(0);
    await page.close();
  });
});
