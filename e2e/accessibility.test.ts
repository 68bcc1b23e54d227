import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { CurrentUser, DossierSummaryDto } from "@ntm/contracts";
import { launchBrowser } from "./support/browser.ts";
import {
  apiGet,
  apiScorecard,
  apiSession,
  startApp,
  type RunningApp,
} from "./support/start-app.ts";

let app: RunningApp;
let browser: Browser;

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);
// Pictures of every audited page, for a person to look at; kept out of the repository.
const shotDir = process.env.NTM_SHOTS_DIR ?? join(tmpdir(), "ntm-accessibility");

const viewports = [
  { name: "desktop", width: 1280, height: 800, mobile: false },
  { name: "phone", width: 390, height: 844, mobile: true },
] as const;
type Viewport = (typeof viewports)[number];

interface AuditedPage {
  name: string;
  user?: string;
  path: string;
  /** Present once the page has its data. */
  ready: string;
  /** What to open on the page so that its controls are audited too. */
  open?: (page: Page) => Promise<void>;
}

let pages: AuditedPage[] = [];

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  const office = await sessionOf("vpdp");
  const officer = await sessionOf("xa");
  const province = (await apiGet<CurrentUser>(app.baseUrl, office, "/api/auth/me")).unitCode;
  const commune = (await apiGet<CurrentUser>(app.baseUrl, officer, "/api/auth/me")).unitCode;
  const card = await apiScorecard(
    app.baseUrl,
    officer,
    `/api/units/${commune}/scorecard?year=2024`,
  );
  // A criterion with a yes/no indicator (a switch) and a number (a field with its clear ×).
  const criterion =
    card.criteria.find(
      (c) =>
        c.indicators.some((i) => i.kind === "boolean") &&
        c.indicators.some((i) => i.kind !== "boolean" && i.value !== null),
    ) ?? card.criteria[0];
  const dossiers = await apiGet<DossierSummaryDto[]>(app.baseUrl, office, "/api/dossiers");
  // One waiting at the office's desk: its step form (with a date field) is on the page.
  const dossier = dossiers.find((d) => d.status === "open" && d.actingRole.includes("điều phối"));
  pages = [
    { name: "login", path: "/login", ready: '[data-testid="login-submit"]' },
    {
      name: "scorecard",
      user: "xa",
      path: `/units/${commune}`,
      ready: '[data-testid="criteria-met"]',
      open: async (page) => {
        await page.getByTestId(`criterion-tile-${criterion?.code}`).click();
        await page.getByTestId("criterion-panel").waitFor();
      },
    },
    {
      name: "overview",
      user: "vpdp",
      path: `/units/${province}`,
      ready: '[data-testid="communes-table"]',
    },
    {
      name: "targets-dashboard",
      user: "vpdp",
      path: `/targets/${province}`,
      ready: '[data-testid="unit-map"] canvas',
    },
    {
      name: "dossier",
      user: "vpdp",
      path: `/dossiers/${dossier?.id ?? dossiers[0]?.id}`,
      ready: '[data-testid="dossier-page"]',
    },
    { name: "reports", user: "huyen", path: "/reports", ready: '[data-testid="reports-page"]' },
    {
      name: "rate-board",
      user: "vpdp",
      path: "/reports/rates",
      ready: '[data-testid="rates-table"]',
    },
  ];
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const sessionOf = (username: string) => apiSession(app.baseUrl, username);

/** A page as a person opens it, in a browser set to English (not the app's language). */
async function openPage(audited: AuditedPage, viewport: Viewport): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: viewport.width, height: viewport.height },
    isMobile: viewport.mobile,
    hasTouch: viewport.mobile,
    locale: "en-US",
  });
  if (audited.user) {
    const [name = "", value = ""] = (await sessionOf(audited.user)).split("=", 2);
    await context.addCookies([{ name, value, url: app.baseUrl }]);
  }
  const page = await context.newPage();
  await page.goto(`${app.baseUrl}${audited.path}`);
  await page.waitForSelector(audited.ready, { state: "visible" });
  await audited.open?.(page);
  await page.waitForLoadState("networkidle");
  return page;
}

interface Violation {
  id: string;
  impact: string | null;
  targets: string[];
}

/** axe-core's moderate, serious and critical violations on the page as it is now. */
async function axeViolations(page: Page): Promise<Violation[]> {
  // Through the DevTools protocol: the page's Content Security Policy allows no inline script.
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(`axe
    .run(document, { resultTypes: ["violations"] })
    .then((result) => result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    })))`)) as Violation[];
  return violations.filter((v) => v.impact !== "minor");
}

/**
 * Controls smaller than 44 × 44 px where a finger touches them: buttons, switches, tabs,
 * check boxes (their label), pagination, segmented choices and the × that clears a field.
 * Links inside text are not targets of their own.
 */
const smallTargetsScript = `(() => {
  const selector = [
    "button", "select", "[role=button]", "[role=switch]", "[role=tab]", "a.ant-btn",
    "input[type=checkbox]", "input[type=radio]", ".ant-pagination-item",
    ".ant-segmented-item", ".ant-select-clear", ".ant-picker-clear", ".ant-input-clear-icon",
  ].join(",");
  const small = [];
  for (const element of document.querySelectorAll(selector)) {
    const target =
      element.closest(".ant-tabs-tab") ?? (element.matches("input") ? element.closest("label") : null) ?? element;
    const box = target.getBoundingClientRect();
    const style = getComputedStyle(element);
    if (box.width === 0 || box.height === 0 || style.visibility === "hidden") continue;
    if (box.width < 44 || box.height < 44) {
      const name = (element.getAttribute("aria-label") || element.textContent || element.className || "").trim();
      small.push(String(name).slice(0, 30) + " " + Math.round(box.width) + "×" + Math.round(box.height));
    }
  }
  return small;
})()`;

async function shoot(page: Page, name: string) {
  mkdirSync(shotDir, { recursive: true });
  await page.screenshot({ path: join(shotDir, `${name}.png`), fullPage: true });
}

describe("accessibility of the main pages", () => {
  for (const viewport of viewports) {
    it(`axe-core finds no moderate, serious or critical violation on a ${viewport.name}${viewport.mobile ? "; every control is 44 px to touch" : ""}`, async () => {
      const problems: string[] = [];
      for (const audited of pages) {
        const page = await openPage(audited, viewport);
        for (const violation of await axeViolations(page)) {
          problems.push(
            `${audited.name}: [${violation.impact}] ${violation.id} at ${violation.targets.slice(0, 3).join(" | ")}`,
          );
        }
        if (viewport.mobile) {
          const small = (await page.evaluate(smallTargetsScript)) as string[];
          for (const target of small)
            problems.push(`${audited.name}: small touch target ${target}`);
          // Larger controls must not push the page sideways: only wide tables scroll.
          const width = (await page.evaluate("document.documentElement.scrollWidth")) as number;
          if (width > viewport.width) problems.push(`${audited.name}: ${width} px wide`);
        }
        await shoot(page, `${audited.name}-${viewport.width}`);
        await page.context().close();
      }
      expect(problems).toEqual([]);
    });
  }

  it("shows and takes dates as dd/MM/yyyy in a browser set to English", async () => {
    const dossier = pages.find((audited) => audited.name === "dossier") as AuditedPage;
    const page = await openPage(dossier, viewports[0]);
    expect(await page.locator('input[type="date"]').count()).toBe(0);
    const field = page.locator('.ant-picker input[data-testid^="field-"]').first();
    expect(await field.getAttribute("placeholder")).toBe("dd/mm/yyyy");
    await field.fill("07/06/2024");
    await field.press("Enter");
    expect(await field.inputValue()).toBe("07/06/2024");
    // A date typed the ISO way is understood and shown day first.
    await field.fill("2024-05-03");
    await field.press("Enter");
    expect(await field.inputValue()).toBe("03/05/2024");
    await page.context().close();
  });
});
