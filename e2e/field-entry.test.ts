import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, CDPSession, Page } from "playwright-core";
import type { AuditEntry, CurrentUser, EntrySheetResponse, Scorecard } from "@ntm/contracts";
import type { IndicatorResult } from "@ntm/domain";
import { launchBrowser, login } from "./support/browser.ts";
import {
  apiGet,
  apiScorecard,
  apiSession,
  startApp,
  type RunningApp,
} from "./support/start-app.ts";

let app: RunningApp;
let browser: Browser;

// Pictures of the grid, the offline state and the conflict chooser, for a person to look at;
// kept out of the repository.
const shotDir = process.env.NTM_SHOTS_DIR ?? join(tmpdir(), "ntm-field-entry");
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

/** The screen as a person sees it on a phone and on a desktop, scrolled to what matters. */
async function shoot(page: Page, name: string, focus?: string) {
  mkdirSync(shotDir, { recursive: true });
  for (const [label, size] of [
    ["390", phone],
    ["1280", desktop],
  ] as const) {
    await page.setViewportSize(size);
    if (focus) await page.getByTestId(focus).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shotDir, `${name}-${label}.png`) });
  }
}

async function scorecardOf(unitCode: string, year = 2024) {
  return apiScorecard(
    app.baseUrl,
    await sessionOf("admin"),
    `/api/units/${unitCode}/scorecard?year=${year}`,
  );
}

async function valuesOf(unitCode: string, codes: string[]) {
  const card = await scorecardOf(unitCode);
  const all = card.criteria.flatMap((criterion) => criterion.indicators);
  return codes.map((code) => all.find((indicator) => indicator.code === code)?.value ?? null);
}

async function historyOf(unitCode: string, indicator: string) {
  const body = await apiGet<{ entries: AuditEntry[] }>(
    app.baseUrl,
    await sessionOf("admin"),
    `/api/units/${unitCode}/assessments/2024/history?indicator=${indicator}`,
  );
  return body.entries.map((entry) => ({
    username: entry.username,
    value: (entry.newValue as { value: unknown } | null)?.value,
  }));
}

/** Indicators as the grid lists them for the standard level: criteria in order, each once. */
function gridOrder(card: Scorecard): IndicatorResult[] {
  return card.criteria.flatMap((criterion) => criterion.indicators);
}

/** A value the entry rule accepts and that differs from the stored one, as typed and as stored. */
function freshValue(indicator: IndicatorResult, seed: number): { text: string; value: number } {
  const low = indicator.min ?? 0;
  const high = indicator.kind === "percent" ? 100 : (indicator.max ?? low + 1000);
  let value = Math.min(high, low + 7 + seed * 3 + (indicator.integer ? 0 : 0.5));
  if (value === indicator.value) value = Math.max(low, value - 1);
  return { text: String(value).replace(".", ","), value };
}

function numeric(card: Scorecard) {
  return gridOrder(card).filter((indicator) => indicator.kind !== "boolean");
}

async function openGrid(page: Page, unitCode: string) {
  await page.goto(`${app.baseUrl}/units/${unitCode}?view=grid`);
  await page.getByTestId("indicator-grid").waitFor();
}

/** Waits for the service worker to control the page, then reloads so the data passes through it. */
async function installOffline(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 60_000,
  });
  await page.reload();
  await page.getByTestId("indicator-grid").waitFor();
}

async function network(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  return cdp;
}

async function setOffline(cdp: CDPSession, offline: boolean) {
  await cdp.send("Network.emulateNetworkConditions", {
    offline,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
}

const status = (page: Page) => page.getByTestId("save-status");

async function newPage(context?: BrowserContext) {
  const owner = context ?? (await browser.newContext({ viewport: desktop }));
  const page = await owner.newPage();
  return page;
}

describe("field entry: nothing typed is lost", () => {
  it("(a) keeps five values typed offline through a reload and sends them when the link is back", async () => {
    const me = await apiGet<CurrentUser>(app.baseUrl, await sessionOf("xa"), "/api/auth/me");
    const card = await scorecardOf(me.unitCode);
    const chosen = numeric(card).slice(0, 5);
    const typed = chosen.map((indicator, seed) => freshValue(indicator, seed));
    const codes = chosen.map((indicator) => indicator.code);
    const before = await valuesOf(me.unitCode, codes);

    const page = await newPage();
    await login(page, app.baseUrl, "xa");
    await openGrid(page, me.unitCode);
    await installOffline(page);
    const cdp = await network(page);
    await setOffline(cdp, true);
    for (const [index, code] of codes.entries()) {
      await page.getByTestId(`grid-input-${code}`).fill(typed[index]?.text ?? "");
    }
    await expect.poll(() => status(page).getAttribute("data-state")).toBe("offline");
    await expect.poll(() => status(page).getAttribute("data-count")).toBe("5");
    expect(await status(page).innerText()).toContain("Mất kết nối – sẽ gửi khi có mạng");
    expect(await status(page).innerText()).toContain("Đã lưu trên máy – chờ gửi (5)");

    // Leaving with unsent changes asks first; the reload then opens the app without a link.
    let asked = false;
    page.once("dialog", (dialog) => {
      asked = dialog.type() === "beforeunload";
      void dialog.accept();
    });
    await page.reload();
    await page.getByTestId("indicator-grid").waitFor();
    expect(asked).toBe(true);
    for (const [index, code] of codes.entries()) {
      await expect
        .poll(() => page.getByTestId(`grid-input-${code}`).inputValue())
        .toBe(typed[index]?.text);
    }
    await expect.poll(() => status(page).getAttribute("data-count")).toBe("5");
    expect(await page.getByTestId("offline-banner").innerText()).toMatch(
      /Mất kết nối từ \d\d:\d\d/,
    );
    await shoot(page, "offline-grid");
    expect(await valuesOf(me.unitCode, codes)).toEqual(before);

    await setOffline(cdp, false);
    await expect.poll(() => status(page).getAttribute("data-state")).toBe("sent");
    expect(await status(page).innerText()).toMatch(/Đã gửi lúc \d\d:\d\d/);
    expect(await valuesOf(me.unitCode, codes)).toEqual(typed.map((item) => item.value));
    for (const [index, code] of codes.entries()) {
      expect((await historyOf(me.unitCode, code))[0]).toEqual({
        username: "xa",
        value: typed[index]?.value,
      });
    }
    await page.context().close();
  });

  it("(b) two browsers change one indicator offline: the second to sync sees both values and picks one", async () => {
    const me = await apiGet<CurrentUser>(app.baseUrl, await sessionOf("xa"), "/api/auth/me");
    const card = await scorecardOf(me.unitCode);
    const [shared, other] = numeric(card).slice(5, 7) as [IndicatorResult, IndicatorResult];
    const first = freshValue(shared, 1);
    const second = freshValue(shared, 4);
    const also = freshValue(other, 2);

    const officer = await newPage();
    const district = await newPage();
    await login(officer, app.baseUrl, "xa");
    await login(district, app.baseUrl, "huyen");
    for (const page of [officer, district]) {
      await openGrid(page, me.unitCode);
      await installOffline(page);
    }
    const officerLink = await network(officer);
    const districtLink = await network(district);
    await setOffline(officerLink, true);
    await setOffline(districtLink, true);
    await officer.getByTestId(`grid-input-${shared.code}`).fill(first.text);
    await district.getByTestId(`grid-input-${shared.code}`).fill(second.text);
    await district.getByTestId(`grid-input-${other.code}`).fill(also.text);
    await expect
      .poll(() => officer.getByTestId("save-status").getAttribute("data-count"))
      .toBe("1");
    await expect
      .poll(() => district.getByTestId("save-status").getAttribute("data-count"))
      .toBe("2");

    await setOffline(officerLink, false);
    await expect
      .poll(() => officer.getByTestId("save-status").getAttribute("data-state"))
      .toBe("sent");
    expect(await valuesOf(me.unitCode, [shared.code])).toEqual([first.value]);

    await setOffline(districtLink, false);
    // Back to the other window: in front, so that it draws the frames a click waits for.
    await district.bringToFront();
    await district.getByTestId("save-conflict").waitFor();
    await district.getByTestId("open-conflicts").click();
    await district.getByTestId(`conflict-theirs-${shared.code}`).waitFor();
    const theirs = await district.getByTestId(`conflict-theirs-${shared.code}`).innerText();
    expect(theirs).toContain(first.text);
    expect(theirs).toContain("xa");
    expect(await district.getByTestId(`conflict-mine-${shared.code}`).innerText()).toContain(
      second.text,
    );
    await shoot(district, "conflict-chooser");
    // Nothing of the second browser reached the server before the choice.
    expect(await valuesOf(me.unitCode, [shared.code, other.code])).toEqual([
      first.value,
      other.value,
    ]);
    await district.getByTestId(`conflict-mine-${shared.code}`).click();
    await district.getByTestId("conflict-apply").click();
    await expect
      .poll(() => district.getByTestId("save-status").getAttribute("data-state"))
      .toBe("sent");
    expect(await valuesOf(me.unitCode, [shared.code, other.code])).toEqual([
      second.value,
      also.value,
    ]);
    expect((await historyOf(me.unitCode, shared.code)).slice(0, 2)).toEqual([
      { username: "huyen", value: second.value },
      { username: "xa", value: first.value },
    ]);
    await officer.context().close();
    await district.context().close();
  });

  it("(c) the session expires while typing: a login dialog over the page, then the values are saved", async () => {
    const me = await apiGet<CurrentUser>(app.baseUrl, await sessionOf("xa"), "/api/auth/me");
    const card = await scorecardOf(me.unitCode);
    const [early, late] = numeric(card).slice(7, 9) as [IndicatorResult, IndicatorResult];
    const one = freshValue(early, 3);
    const two = freshValue(late, 5);

    const page = await newPage();
    await login(page, app.baseUrl, "xa");
    await openGrid(page, me.unitCode);
    await page.getByTestId(`grid-input-${early.code}`).fill(one.text);
    await expect.poll(() => status(page).getAttribute("data-state")).toBe("sent");

    // The server ends the session (as an idle timeout or a sign-out elsewhere would).
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const ended = await fetch(`${app.baseUrl}/api/auth/logout`, {
      method: "POST",
      headers: { cookie },
    });
    expect(ended.ok).toBe(true);

    await page.getByTestId(`grid-input-${late.code}`).fill(two.text);
    await page.getByTestId("session-password").waitFor();
    expect(page.url()).toContain(`/units/${me.unitCode}`);
    expect(await page.getByTestId("session-username").inputValue()).toBe("xa");
    expect(await status(page).getAttribute("data-state")).toBe("auth");
    expect(await valuesOf(me.unitCode, [late.code])).toEqual([late.value]);
    await shoot(page, "session-dialog");

    await page.getByTestId("session-password").fill("demo1234");
    await page.getByTestId("session-submit").click();
    await expect.poll(() => status(page).getAttribute("data-state")).toBe("sent");
    expect(await valuesOf(me.unitCode, [early.code, late.code])).toEqual([one.value, two.value]);
    await page.context().close();
  });
});

describe("field entry: evidence photos without a link", () => {
  // A 1×1 PNG, as a phone's camera would give a (much larger) one.
  const photo = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
    "base64",
  );

  async function openCriterion(page: Page, criterionCode: string) {
    await page.getByTestId(`criterion-tile-${criterionCode}`).click();
    await page.getByTestId("criterion-panel").waitFor();
  }

  it("keeps a photo chosen offline through a reload, uploads it when the link is back, and keeps a refused file with its reason", async () => {
    const me = await apiGet<CurrentUser>(app.baseUrl, await sessionOf("xa"), "/api/auth/me");
    const card = await scorecardOf(me.unitCode);
    const criterion = card.criteria.find((item) => item.indicators.length > 0);
    const indicator = criterion?.indicators[0];
    if (!criterion || !indicator) throw new Error("The demo commune has no indicator.");
    const before = card.evidence[indicator.code]?.length ?? 0;
    const name = `anh-hien-truong-${Date.now()}.png`;

    const page = await newPage(await browser.newContext({ viewport: phone }));
    await login(page, app.baseUrl, "xa");
    await page.goto(`${app.baseUrl}/units/${me.unitCode}`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: 60_000,
    });
    await page.reload();
    await page.getByTestId("scorecard-page").waitFor();
    const cdp = await network(page);
    await setOffline(cdp, true);
    await openCriterion(page, criterion.code);
    const files = page.getByTestId(`evidence-${indicator.code}`).locator("input[type=file]");
    await files.setInputFiles({ name, mimeType: "image/png", buffer: photo });
    // Not a picture, whatever its name says: the server refuses it once the link is back.
    await files.setInputFiles({
      name: "ghi-chu.png",
      mimeType: "image/png",
      buffer: Buffer.from("chỉ là chữ, không phải ảnh"),
    });
    const queued = page.getByTestId(`evidence-queued-${indicator.code}`);
    await expect.poll(() => queued.innerText()).toContain(`Chờ gửi: ${name}`);
    await expect.poll(() => status(page).getAttribute("data-count")).toBe("2");
    expect(await status(page).innerText()).toContain("Đã lưu trên máy – chờ gửi (2)");

    page.once("dialog", (dialog) => void dialog.accept());
    await page.reload();
    await page.getByTestId("scorecard-page").waitFor();
    await openCriterion(page, criterion.code);
    await expect.poll(() => queued.innerText()).toContain(`Chờ gửi: ${name}`);
    expect(await queued.innerText()).toContain("Chờ gửi: ghi-chu.png");
    await expect.poll(() => status(page).getAttribute("data-count")).toBe("2");
    expect(await status(page).getAttribute("data-state")).toBe("offline");
    // Above the save bar, which stays at the bottom of a phone's screen.
    await queued.evaluate((element) => element.scrollIntoView({ block: "center" }));
    await page.screenshot({ path: join(shotDir, "offline-photo-390.png") });
    expect((await scorecardOf(me.unitCode)).evidence[indicator.code]?.length ?? 0).toBe(before);

    await setOffline(cdp, false);
    const refused = page.getByTestId("evidence-refused");
    await refused.waitFor();
    expect(await refused.innerText()).toContain("ghi-chu.png");
    expect(await refused.innerText()).toContain("Loại tệp không được chấp nhận");
    await expect.poll(() => status(page).getAttribute("data-state")).toBe("sent");
    const listed = page.getByTestId(`evidence-${indicator.code}`).getByRole("link", { name });
    await listed.waitFor();
    const stored = (await scorecardOf(me.unitCode)).evidence[indicator.code] ?? [];
    expect(stored.map((file) => file.fileName)).toContain(name);
    expect(stored.map((file) => file.fileName)).not.toContain("ghi-chu.png");
    await page.screenshot({ path: join(shotDir, "photo-refused-390.png") });

    // The refused file stays, after a reload too, until the officer removes it.
    await page.reload();
    await refused.waitFor();
    await refused.getByRole("button", { name: "Bỏ tệp" }).click();
    await expect.poll(() => refused.count()).toBe(0);
    await page.context().close();
  });
});

describe("field entry: a year without data", () => {
  it("says so in grey and copies last year's figures as drafts that wait for the officer", async () => {
    const me = await apiGet<CurrentUser>(app.baseUrl, await sessionOf("xa"), "/api/auth/me");
    const page = await newPage();
    await login(page, app.baseUrl, "xa");
    await page.getByTestId("year-select").selectOption("2025");
    await openGrid(page, me.unitCode);
    const headline = page.getByTestId("criteria-met");
    await expect.poll(() => headline.getAttribute("data-empty")).toBe("true");
    expect(await headline.innerText()).toContain("Chưa có số liệu");
    expect(await headline.innerText()).not.toContain("Đạt");
    await page.getByTestId("copy-previous-year").click();
    await page.getByTestId("copied-notice").waitFor();
    const copied = Number(await status(page).getAttribute("data-count"));
    expect(copied).toBeGreaterThan(10);
    // Well past the pause after which typed values are queued: copied ones are not sent.
    await page.waitForTimeout(3000);
    const card = await scorecardOf(me.unitCode, 2025);
    expect(card.valuesEntered).toBe(0);
    expect(await status(page).getAttribute("data-state")).toBe("device");
    await page.context().close();
  });
});

describe("field entry: a grid like a spreadsheet", () => {
  it("(d) a 10-row column pasted from the clipboard fills 10 cells and saves", async () => {
    const me = await apiGet<CurrentUser>(app.baseUrl, await sessionOf("xa"), "/api/auth/me");
    const card = await scorecardOf(me.unitCode);
    const rows = gridOrder(card);
    const start = rows.findIndex(
      (indicator, index) => indicator.kind !== "boolean" && index + 10 <= rows.length,
    );
    const ten = rows.slice(start, start + 10);
    expect(ten).toHaveLength(10);
    // As a Vietnamese spreadsheet copies them: decimal commas, "%" signs, yes/no as words.
    const cells = ten.map((indicator, seed) => {
      if (indicator.kind === "boolean") {
        const value = indicator.value !== true;
        return { paste: value ? "Đạt" : "Không", shown: value ? "yes" : "no", value };
      }
      const fresh = freshValue(indicator, seed + 2);
      const paste = indicator.kind === "percent" ? `${fresh.text} %` : fresh.text;
      return { paste, shown: fresh.text, value: fresh.value };
    });

    const context = await browser.newContext({ viewport: desktop });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: app.baseUrl,
    });
    const page = await context.newPage();
    await login(page, app.baseUrl, "xa");
    await openGrid(page, me.unitCode);
    const column = `${cells.map((cell) => cell.paste).join("\r\n")}\r\n`;
    await page.evaluate((text) => navigator.clipboard.writeText(text), column);
    const first = page.getByTestId(`grid-input-${ten[0]?.code}`);
    await first.click();
    await page.keyboard.press("ControlOrMeta+V");
    for (const [index, indicator] of ten.entries()) {
      await expect
        .poll(() => page.getByTestId(`grid-input-${indicator.code}`).inputValue())
        .toBe(cells[index]?.shown);
    }
    await shoot(page, "grid-pasted", `grid-row-${ten[0]?.code}`);
    await first.focus();
    await page.keyboard.press("ControlOrMeta+S");
    await expect.poll(() => status(page).getAttribute("data-state")).toBe("sent");
    expect(
      await valuesOf(
        me.unitCode,
        ten.map((indicator) => indicator.code),
      ),
    ).toEqual(cells.map((cell) => cell.value));
    await context.close();
  });

  it("(e) a district officer pastes one indicator for the district's communes and saves", async () => {
    await pasteOverCommunes("huyen", null);
  });

  it("(e) a department officer pastes one of its indicators for 20 communes and saves", async () => {
    await pasteOverCommunes("so-xd", 20);
  });
});

/** Opens the entry by commune, pastes one column over the communes and checks each was saved. */
async function pasteOverCommunes(username: string, count: number | null) {
  const cookie = await sessionOf(username);
  const { unitCode } = await apiGet<CurrentUser>(app.baseUrl, cookie, "/api/auth/me");
  const catalog = await apiGet<EntrySheetResponse>(
    app.baseUrl,
    cookie,
    `/api/units/${unitCode}/entry-sheet?year=2024`,
  );
  const indicator = catalog.catalog.find((item) => item.writable && item.kind === "percent");
  if (!indicator) throw new Error(`${username} writes no percent indicator`);
  const sheet = await apiGet<EntrySheetResponse>(
    app.baseUrl,
    cookie,
    `/api/units/${unitCode}/entry-sheet?year=2024&indicators=${indicator.code}`,
  );
  const rows = sheet.rows.slice(0, count ?? sheet.rows.length);
  expect(rows.length).toBeGreaterThanOrEqual(count ?? 5);
  const values = rows.map((_row, index) => 60 + index + 0.5);

  const context = await browser.newContext({ viewport: desktop });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.baseUrl });
  const page = await context.newPage();
  await login(page, app.baseUrl, username);
  await page.goto(`${app.baseUrl}/entry/${unitCode}?i=${indicator.code}`);
  await page.getByTestId("bulk-grid").waitFor();
  const column = values.map((value) => `${String(value).replace(".", ",")}%`).join("\n");
  await page.evaluate((text) => navigator.clipboard.writeText(text), column);
  await page.getByTestId(`bulk-input-${rows[0]?.unitCode}-${indicator.code}`).click();
  await page.keyboard.press("ControlOrMeta+V");
  await expect
    .poll(() => page.getByTestId("bulk-status").getAttribute("data-count"))
    .toBe(String(rows.length));
  await shoot(page, `bulk-${username}`, "bulk-grid");
  await page.getByTestId("bulk-save").click();
  await expect
    .poll(() => page.getByTestId("bulk-summary").innerText())
    .toContain(`Đã lưu ${rows.length}/${rows.length} xã`);
  for (const [index, row] of rows.entries()) {
    expect(await page.getByTestId(`bulk-result-${row.unitCode}`).getAttribute("data-ok")).toBe(
      "true",
    );
    expect(await valuesOf(row.unitCode, [indicator.code])).toEqual([values[index]]);
    expect((await historyOf(row.unitCode, indicator.code))[0]?.username).toBe(username);
  }
  await context.close();
}
