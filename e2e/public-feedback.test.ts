import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import type { PublicPostingsResponse } from "@ntm/contracts";
import { launchBrowser, login, screenshot } from "./support/browser.ts";
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

const comment =
  "Mương thoát nước thôn 5 bị tắc, mưa là ngập đường; đề nghị xã sửa trước khi thẩm tra.";

describe("residents' feedback on a posted dossier", () => {
  it("goes from an anonymous phone to the commune's moderation queue and is counted on the dossier", async () => {
    const postings = (await (
      await fetch(`${app.baseUrl}/api/public/provinces/51/postings`)
    ).json()) as PublicPostingsResponse;
    const posting = postings.postings[0];
    expect(posting).toMatchObject({ approvedComments: 2 });
    const id = posting?.dossierId as number;

    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, hasTouch: true });
    await phone.goto(`${app.baseUrl}/cong-khai/51`);
    const item = phone.getByTestId(`posting-${id}`);
    await item.waitFor();
    expect(await item.getByTestId("approved-count").textContent()).toBe(
      "2 ý kiến đã được ghi nhận",
    );
    await item.getByRole("button", { name: "Góp ý cho hồ sơ này" }).click();
    await item.getByLabel("Ý kiến của bạn").fill("Tốt");
    await item.getByRole("button", { name: "Gửi ý kiến" }).click();
    await item.getByText("Ý kiến cần ít nhất 10 ký tự.").waitFor();
    await item.getByLabel("Ý kiến của bạn").fill(comment);
    await item.getByLabel("Họ và tên (không bắt buộc)").fill("Y Blơk");
    await screenshot(phone, "public-feedback-form-390");
    await item.getByRole("button", { name: "Gửi ý kiến" }).click();
    await item.getByText("Đã gửi ý kiến, cảm ơn").waitFor();
    await screenshot(phone, "public-feedback-sent-390");
    await phone.close();

    const desk = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(desk, app.baseUrl, "xa-qng");
    await desk.goto(`${app.baseUrl}/feedback`);
    const card = desk.getByTestId("feedback-list").locator("li", { hasText: comment });
    await card.waitFor();
    expect(await card.textContent()).toContain("Y Blơk");
    await screenshot(desk, "feedback-queue-1280");
    await card.getByRole("button", { name: "Duyệt" }).click();
    await desk.getByText("Đã duyệt ý kiến.").waitFor();

    await desk.goto(`${app.baseUrl}/dossiers/${id}`);
    const step = desk.getByTestId("step-public_posting").getByTestId("posting-feedback");
    await step.getByText("3 ý kiến đã duyệt").waitFor();
    expect(await step.textContent()).toContain("1 chờ duyệt");
    await screenshot(desk, "feedback-dossier-step-1280");
    await desk.setViewportSize({ width: 390, height: 844 });
    await desk.goto(`${app.baseUrl}/feedback`);
    await desk.getByTestId("feedback-list").waitFor();
    await screenshot(desk, "feedback-queue-390");
    await desk.close();

    const again = (await (
      await fetch(`${app.baseUrl}/api/public/provinces/51/postings`)
    ).json()) as PublicPostingsResponse;
    expect(again.postings.find((p) => p.dossierId === id)?.approvedComments).toBe(3);
  });
});
