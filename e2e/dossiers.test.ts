import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type {
  CurrentUser,
  DossierDetailDto,
  RecognitionHistoryDto,
  ScorecardResponse,
  WatchResponse,
} from "@ntm/contracts";
import { launchBrowser, login, returnTo, screenshot } from "./support/browser.ts";
import {
  apiGet,
  apiScorecard,
  apiLogin,
  apiSession,
  startApp,
  type RunningApp,
} from "./support/start-app.ts";

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  // The demo's batches of 2023 are closed: the province opens one to file in.
  const office = await sessionOf("vpdp");
  const { unitCode } = await apiGet<CurrentUser>(app.baseUrl, office, "/api/auth/me");
  const batch = await apiSend(office, "POST", "/api/dossier-batches", {
    provinceCode: unitCode,
    name: "Đợt xét cuối năm",
    year: 2024,
    deadline: daysAgo(-90),
  });
  expect(batch.status).toBe(201);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function apiSend<T>(
  cookie: string,
  method: "POST" | "PUT",
  path: string,
  body: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${app.baseUrl}${path}`, {
    method,
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

const sessionOf = (username: string) => apiSession(app.baseUrl, username);

/** An ISO date `days` before today, so every recorded date lies in the past. */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}
const vn = (iso: string) => iso.split("-").reverse().join("/");

/** Sets every standard indicator of a commune to its threshold, so the commune meets the set. */
async function meetStandard(cookie: string, unitCode: string, year: number) {
  const card = await apiScorecard(
    app.baseUrl,
    cookie,
    `/api/units/${unitCode}/scorecard?year=${year}`,
  );
  const values = card.criteria.flatMap((criterion) =>
    criterion.indicators
      .filter((indicator) => indicator.byLevel.standard?.threshold)
      .map((indicator) => ({
        indicatorCode: indicator.code,
        value: indicator.byLevel.standard?.threshold?.value as number | boolean,
      })),
  );
  const saved = await apiSend<ScorecardResponse>(
    cookie,
    "PUT",
    `/api/units/${unitCode}/assessments/${year}/values`,
    { version: card.assessment.version, values },
  );
  expect(saved.status).toBe(200);
  expect(saved.body.criteriaMet).toBe(saved.body.criteriaTotal);
}

async function fill(page: Page, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) {
    const field = page.getByTestId(`field-${name}`);
    await field.fill(value);
    // As an officer moves on to the next field: a date's calendar closes and no longer covers the form.
    await field.press("Tab");
  }
}

/** Opens the app in a page with a session already made through the API (logins are rate-limited). */
async function useSession(page: Page, cookie: string) {
  const [name = "", value = ""] = cookie.split("=", 2);
  await page.context().addCookies([{ name, value, url: app.baseUrl }]);
  await page.goto(`${app.baseUrl}/`);
  await page.getByTestId("current-user").waitFor();
}

async function history(cookie: string, unit: string) {
  return apiGet<RecognitionHistoryDto[]>(
    app.baseUrl,
    cookie,
    `/api/units/${unit}/recognition-history`,
  );
}

describe("recognition from self-assessment to decision", () => {
  it("walks one commune through every step with a return, refusing bad transitions", async () => {
    const xa = await apiLogin(app.baseUrl, "xa");
    const office = await sessionOf("vpdp");
    const admin = await apiLogin(app.baseUrl, "admin");
    const me = await apiGet<CurrentUser>(app.baseUrl, xa, "/api/auth/me");
    await meetStandard(xa, me.unitCode, 2024);
    expect(await history(xa, me.unitCode)).toEqual([]);

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(page, app.baseUrl, "xa");
    await page.goto(`${app.baseUrl}/dossiers`);
    await page.getByTestId("dossier-board").waitFor();
    // The commune is its own (no code to type), the open batch is chosen; every criterion is met.
    await expect.poll(() => page.getByTestId("filing-check").innerText()).toContain("19/19");
    await page.getByTestId("create-dossier").click();
    await page.getByTestId("dossier-page").waitFor();
    const id = Number(page.url().split("/").pop());
    await expect
      .poll(() => page.getByTestId("step-self_assessment").getAttribute("data-state"))
      .toBe("current");

    await fill(page, { reportNumber: "12/BC-UBND", reportDate: daysAgo(40) });
    await page.getByTestId("complete-step").click();
    await expect
      .poll(() => page.getByTestId("step-self_assessment").getAttribute("data-state"))
      .toBe("completed");
    // Steps 2 and 4 belong to the commune's Fatherland Front: the commune sees no form there.
    await expect
      .poll(() => page.getByTestId("step-front_comments").getAttribute("data-state"))
      .toBe("current");
    expect(await page.getByTestId("step-form").count()).toBe(0);
    const front = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await login(front, app.baseUrl, "mttq");
    await front.goto(`${app.baseUrl}/dossiers`);
    await expect.poll(() => front.getByTestId("dossier-inbox").innerText()).toContain("Mặt trận");
    await front.goto(`${app.baseUrl}/dossiers/${id}`);
    await front.getByTestId("step-form").waitFor();
    await fill(front, {
      organisation: "Ủy ban MTTQ Việt Nam xã",
      date: daysAgo(38),
      content: "Nhất trí",
    });
    await front.getByTestId("complete-step").click();
    await expect
      .poll(() => front.getByTestId("step-front_comments").getAttribute("data-state"))
      .toBe("completed");
    await screenshot(front, "dossiers-front-390");
    await returnTo(page);

    // Four broadcasts are refused with the reason, and nothing changes.
    const broadcasts = [36, 34, 32, 30, 28].map((d) => vn(daysAgo(d)));
    await fill(page, {
      postingFrom: daysAgo(36),
      postingTo: daysAgo(22),
      places: "Trụ sở UBND xã",
      broadcasts: broadcasts.slice(0, 4).join("\n"),
    });
    await page.getByTestId("complete-step").click();
    await expect
      .poll(() => page.getByTestId("action-error").innerText())
      .toContain("Mới có 4 lần phát thanh");
    expect(
      (await apiGet<DossierDetailDto>(app.baseUrl, xa, `/api/dossiers/${id}`)).currentStep,
    ).toBe("public_posting");
    await page.getByTestId("field-broadcasts").fill(broadcasts.join("\n"));
    await page.getByTestId("complete-step").click();
    await expect
      .poll(() => page.getByTestId("step-public_posting").getAttribute("data-state"))
      .toBe("completed");
    await returnTo(front);
    await fill(front, { formsIssued: "300", formsReturned: "290", formsSatisfied: "270" });
    await front.getByTestId("complete-step").click();
    await expect
      .poll(() => front.getByTestId("step-satisfaction_survey").getAttribute("data-state"))
      .toBe("completed");
    await returnTo(page);
    await expect
      .poll(() => page.getByTestId("step-satisfaction_survey").getAttribute("data-state"))
      .toBe("completed");
    await screenshot(page, "dossiers-page-commune-1280");

    // Wrong role: the commune cannot verify (from 1/7/2025 the province verifies).
    const wrong = await apiSend<{ error: { message: string } }>(
      xa,
      "POST",
      `/api/dossiers/${id}/steps/verification/complete`,
      {
        reportNumber: "1",
        reportDate: daysAgo(20),
        noticeDate: daysAgo(20),
        noConstructionDebt: true,
        debtEvidence: "x",
        securityNotComplicated: true,
      },
    );
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.message).toContain("Văn phòng điều phối");

    // The coordination office returns the dossier from its page, tied to a criterion.
    const reviewer = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(reviewer, app.baseUrl, "vpdp");
    await reviewer.goto(`${app.baseUrl}/dossiers/${id}`);
    await reviewer.getByTestId("return-form").waitFor();
    await reviewer.getByTestId("return-criterion").click();
    await reviewer.keyboard.type("Môi trường");
    await reviewer
      .locator(".ant-select-item-option")
      .filter({ hasText: "Môi trường" })
      .first()
      .click();
    await reviewer.getByTestId("return-text").fill("Bổ sung phiếu khảo sát của thôn 3");
    await reviewer.getByTestId("return-button").click();
    await expect
      .poll(() => reviewer.getByTestId("dossier-returns").innerText())
      .toContain("Bổ sung phiếu khảo sát");

    await returnTo(front);
    await expect
      .poll(() => front.getByTestId("step-satisfaction_survey").getAttribute("data-state"))
      .toBe("current");
    await fill(front, { formsIssued: "300", formsReturned: "298", formsSatisfied: "280" });
    await front.getByTestId("complete-step").click();
    await expect
      .poll(() => front.getByTestId("step-satisfaction_survey").getAttribute("data-state"))
      .toBe("completed");

    // The Front sets its notification address on the board.
    await front.goto(`${app.baseUrl}/dossiers`);
    await front.getByTestId("email-input").fill("mttq@example.vn");
    await front.getByTestId("email-save").click();
    await expect
      .poll(() => front.getByTestId("email-saved").innerText())
      .toContain("mttq@example.vn");
    await front.reload();
    await expect.poll(() => front.getByTestId("email-input").inputValue()).toBe("mttq@example.vn");
    await screenshot(front, "dossiers-board-front-390");
    await front.close();

    const steps: [string, string, unknown][] = [
      [
        office,
        "verification",
        {
          reportNumber: "21/BC-SNNMT",
          reportDate: daysAgo(15),
          noticeDate: daysAgo(14),
          noConstructionDebt: true,
          debtEvidence: "Xác nhận của Kho bạc",
          securityNotComplicated: true,
        },
      ],
    ];
    for (const [cookie, step, data] of steps) {
      expect(
        (await apiSend(cookie, "POST", `/api/dossiers/${id}/steps/${step}/complete`, data)).status,
      ).toBe(200);
    }
    const criteria = (
      await apiGet<DossierDetailDto>(app.baseUrl, office, `/api/dossiers/${id}`)
    ).state.snapshot.criteria.map((c) => c.code);
    // Sở Xây dựng confirms its own criteria (1 and 9) in the browser.
    const department = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await login(department, app.baseUrl, "so-xd");
    await department.goto(`${app.baseUrl}/dossiers/${id}`);
    await department.getByTestId("confirm-criteria").waitFor();
    await department.getByTestId("confirm-criteria").locator("input").first().check();
    await department.getByTestId("confirm-criteria").locator("input").last().check();
    await department.getByTestId("confirm-button").click();
    await expect
      .poll(
        async () =>
          (await apiGet<DossierDetailDto>(app.baseUrl, office, `/api/dossiers/${id}`)).state
            .confirmations.length,
      )
      .toBe(2);
    await screenshot(department, "dossiers-page-department-390");
    expect(
      (
        await apiSend(office, "POST", `/api/dossiers/${id}/confirmations`, {
          criteria: criteria.filter((c) => c !== "1" && c !== "9"),
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await apiSend(office, "POST", `/api/dossiers/${id}/steps/appraisal/complete`, {
          siteVisitDate: daysAgo(10),
          siteVisitNote: "Đúng thực tế",
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await apiSend(office, "POST", `/api/dossiers/${id}/steps/council_vote/complete`, {
          meetingDate: daysAgo(5),
          members: [
            { name: "A", vote: "for" },
            { name: "B", vote: "for" },
            { name: "C", vote: "abstain" },
          ],
        })
      ).status,
    ).toBe(200);
    expect(await history(xa, me.unitCode)).toEqual([]);

    // The decision, in the browser, by the provincial account.
    const chair = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(chair, app.baseUrl, "admin");
    await chair.goto(`${app.baseUrl}/dossiers/${id}`);
    await chair.getByTestId("step-form").waitFor();
    await fill(chair, {
      decisionNumber: "345/QĐ-UBND",
      decisionDate: daysAgo(2),
      signer: "Chủ tịch UBND tỉnh",
      publishedOn: daysAgo(1),
    });
    await chair.getByTestId("complete-step").click();
    await expect
      .poll(() => chair.getByTestId("dossier-status").innerText())
      .toContain("Đã có quyết định");
    await expect
      .poll(() => chair.getByTestId("recognition-history").innerText())
      .toContain("345/QĐ-UBND");
    await screenshot(chair, "dossiers-page-decided-1280");
    const after = await history(admin, me.unitCode);
    expect(after).toEqual([
      expect.objectContaining({ level: "standard", decisionNumber: "345/QĐ-UBND", endedOn: null }),
    ]);
    const detail = await apiGet<DossierDetailDto>(app.baseUrl, admin, `/api/dossiers/${id}`);
    expect(detail.state.returns).toHaveLength(1);
    expect(detail.events.filter((e) => e.type === "returned")).toHaveLength(1);

    await page.goto(`${app.baseUrl}/dossiers`);
    await page.getByTestId("dossier-board").waitFor();
    await screenshot(page, "dossiers-board-commune-1280");
  });
});

describe("maintenance watch and revocation", () => {
  it("shows a revocation candidate and revokes it", async () => {
    const office = await sessionOf("vpdp");
    const admin = await apiLogin(app.baseUrl, "admin");
    const me = await apiGet<CurrentUser>(app.baseUrl, office, "/api/auth/me");
    const watch = await apiGet<WatchResponse>(
      app.baseUrl,
      office,
      `/api/watch/revocation?unit=${me.unitCode}&year=2024`,
    );
    const candidate = watch.candidates[0];
    expect(candidate?.flag?.unmetCriteria.length).toBeGreaterThan(0);
    const code = candidate?.unitCode as string;
    const before = await history(office, code);
    expect(before.at(-1)).toMatchObject({ endedOn: null });

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await useSession(page, office);
    await page.goto(`${app.baseUrl}/dossiers/watch`);
    await page.getByTestId("watch-candidates").waitFor();
    await screenshot(page, "dossiers-watch-1280");
    await page.getByTestId(`revoke-${code}`).click();
    await page.getByTestId("dossier-page").waitFor();
    const id = Number(page.url().split("/").pop());
    await fill(page, {
      reportNumber: "40/TTr-SNNMT",
      reportDate: daysAgo(3),
      reason: candidate?.flag?.reason ?? "",
    });
    await page.getByTestId("complete-step").click();
    await expect
      .poll(() => page.getByTestId("step-revocation_proposal").getAttribute("data-state"))
      .toBe("completed");

    // Wrong order: the decision before the review is refused and changes nothing.
    const early = await apiSend<{ error: { message: string } }>(
      admin,
      "POST",
      `/api/dossiers/${id}/steps/revocation_decision/complete`,
      {
        decisionNumber: "9/QĐ-UBND",
        decisionDate: daysAgo(1),
        signer: "Chủ tịch",
        publishedOn: daysAgo(1),
      },
    );
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain("Chưa đến bước");
    expect(await history(office, code)).toEqual(before);

    await fill(page, {
      reportNumber: "41/BC-SNNMT",
      reportDate: daysAgo(2),
      conclusion: "Đủ căn cứ thu hồi",
    });
    await page.getByTestId("complete-step").click();
    await expect
      .poll(() => page.getByTestId("step-revocation_review").getAttribute("data-state"))
      .toBe("completed");
    expect(
      (
        await apiSend(admin, "POST", `/api/dossiers/${id}/steps/revocation_decision/complete`, {
          decisionNumber: "99/QĐ-UBND",
          decisionDate: daysAgo(1),
          signer: "Chủ tịch UBND tỉnh",
          publishedOn: daysAgo(1),
        })
      ).status,
    ).toBe(200);
    const after = await history(office, code);
    expect(after.at(-1)).toMatchObject({ endReason: "revoked", revokedByDecision: "99/QĐ-UBND" });
    await page.reload();
    await expect
      .poll(() => page.getByTestId("recognition-history").innerText())
      .toContain("99/QĐ-UBND");
    await screenshot(page, "dossiers-revocation-1280");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "dossiers-revocation-390");
    await page.goto(`${app.baseUrl}/dossiers`);
    await page.getByTestId("dossier-board").waitFor();
    await screenshot(page, "dossiers-board-390");
  });
});

describe("merged commune (CV 267)", () => {
  it("shows the lineage and records the province's decision for a merged xã of the reform", async () => {
    // The province of today (51) sees the xã formed on 1/7/2025; the one whose former communes
    // were all recognised in the demo is decided on without a new dossier.
    const office = await sessionOf("admin");
    const mergers = await apiGet<{ code: string; name: string; path: string }[]>(
      app.baseUrl,
      office,
      "/api/mergers",
    );
    const byDecision = mergers.find((row) => row.path === "decision");
    expect(byDecision).toBeDefined();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await useSession(page, office);
    await page.goto(`${app.baseUrl}/dossiers`);
    await page.getByTestId("merger-link").click();
    await page.getByTestId("merger-list").waitFor();
    await page
      .getByTestId("merger-list")
      .getByRole("link", { name: byDecision?.name, exact: true })
      .click();
    await page.getByTestId("merger-lineage").waitFor();
    expect(await page.getByTestId("merger-lineage").locator("tr.ant-table-row").count()).toBe(2);
    expect(await page.getByTestId("merger-lineage").innerText()).toContain("Đạt chuẩn NTM");
    expect(await page.getByTestId("merger-lineage").innerText()).toContain("toàn bộ");
    expect(await page.getByTestId("merger-outcome").innerText()).toContain(
      "Công nhận bằng quyết định",
    );
    await screenshot(page, "dossiers-merger-1280");
    await page.getByTestId("merger-decision-number").fill("120/QĐ-UBND");
    await page.getByTestId("merger-decision-date").fill(daysAgo(2));
    await page.getByTestId("merger-decision-date").press("Tab");
    await page.getByTestId("merger-signer").fill("Chủ tịch UBND tỉnh");
    await page.getByTestId("merger-submit").click();
    await expect
      .poll(() => page.getByTestId("merger-history").innerText())
      .toContain("120/QĐ-UBND");
    expect(await page.getByTestId("merger-decision").count()).toBe(0);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "dossiers-merger-390");
    const code = page.url().split("/").at(-1) as string;
    const again = await apiSend<{ error: { message: string } }>(
      office,
      "POST",
      `/api/units/${code}/merger-recognition`,
      { decisionNumber: "121/QĐ-UBND", decisionDate: daysAgo(1), signer: "Chủ tịch UBND tỉnh" },
    );
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain("đã được công nhận");
  });
});
