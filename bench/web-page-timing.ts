/**
 * One page load under the slow profile of a commune office: the network and CPU throttled through
 * the Chrome DevTools Protocol, the largest contentful paint and the moments the page's own
 * elements appear, read from the page itself.
 */
import type { launchBrowser } from "../e2e/support/browser.ts";

type Browser = Awaited<ReturnType<typeof launchBrowser>>;
type Context = Awaited<ReturnType<Browser["newContext"]>>;
type Page = Awaited<ReturnType<Context["newPage"]>>;

/** Lighthouse's mobile profile: 1.6 Mbps down, 750 kbps up, 150 ms round trip, CPU slowed 4×. */
export const slowProfile = {
  downloadKbps: 1600,
  uploadKbps: 750,
  latencyMs: 150,
  cpuSlowdown: 4,
};

export interface PageTiming {
  /** Largest contentful paint, ms after navigation start. */
  lcp: number;
  /** What the largest contentful paint was, e.g. `span[criteria-met] "Đạt 12/19"`. */
  lcpElement: string;
  /** Every candidate the browser reported, in order: when, its size (px²) and what it was. */
  lcpCandidates: { at: number; size: number; element: string }[];
  /** When each awaited element was first on screen, ms after navigation start. */
  ready: Record<string, number>;
  /** JavaScript transferred (compressed bytes on the wire). */
  scriptBytes: number;
  /** Requests that went over the network (a 304 revalidation counts; a cache hit does not). */
  requests: number;
  /** Every request of the load: path, start and end (ms after navigation start), bytes on the wire. */
  waterfall: { path: string; start: number; end: number; bytes: number }[];
  /** Script files the page loaded (from the network or the cache). */
  scriptFiles: number;
  /**
   * Cumulative layout shift as Web Vitals counts it: the largest burst of shifts not caused by
   * input (shifts less than 1 s apart, over at most 5 s).
   */
  cls: number;
  /** Each layout shift: when (ms), its score, and each element moved (top+height before → after). */
  shifts: { at: number; value: number; sources: string[] }[];
  /**
   * How far each awaited element is at the end from where it first appeared (px, down is
   * positive). An element replaced by another (the first view by the page) is no layout shift
   * for the browser, but the reader sees it jump.
   */
  moved: Record<string, number>;
}

/**
 * Records, inside the page, every largest-contentful-paint candidate and the first frame after
 * each awaited selector matched. A string, so the bench compiles without the DOM library.
 */
function observerScript(selectors: Record<string, string>): string {
  return `(() => {
  const marks = { lcp: 0, lcpElement: "", lcpCandidates: [], ready: {} };
  window.__benchMarks = marks;
  const describe = (node) => {
    if (!node) return "";
    if (node.nodeType !== 1) return "#text";
    const id = node.getAttribute && (node.getAttribute("data-testid") || node.className || "");
    const text = (node.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 40);
    return node.tagName.toLowerCase() + (id ? "[" + String(id).slice(0, 40) + "]" : "") + (text ? ' "' + text + '"' : "");
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      marks.lcp = entry.startTime;
      marks.lcpElement = describe(entry.element);
      marks.lcpCandidates.push({ at: entry.startTime, size: entry.size, element: marks.lcpElement });
    }
  }).observe({ type: "largest-contentful-paint", buffered: true });
  marks.cls = 0;
  marks.shifts = [];
  let burst = 0;
  let burstStart = 0;
  let lastShift = -Infinity;
  const box = (rect) => Math.round(rect.y) + "+" + Math.round(rect.height);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      if (entry.startTime - lastShift > 1000 || entry.startTime - burstStart > 5000) {
        burst = 0;
        burstStart = entry.startTime;
      }
      burst += entry.value;
      lastShift = entry.startTime;
      marks.cls = Math.max(marks.cls, burst);
      marks.shifts.push({
        at: entry.startTime,
        value: entry.value,
        sources: (entry.sources || []).map(
          (source) => describe(source.node) + " " + box(source.previousRect) + " → " + box(source.currentRect),
        ),
      });
    }
  }).observe({ type: "layout-shift", buffered: true });
  const selectors = ${JSON.stringify(selectors)};
  marks.selectors = selectors;
  marks.firstTop = {};
  const check = () => {
    for (const [name, selector] of Object.entries(selectors)) {
      if (name in marks.ready || marks["pending-" + name]) continue;
      if (!document.querySelector(selector)) continue;
      marks["pending-" + name] = true;
      requestAnimationFrame(() => {
        marks.ready[name] = performance.now();
        const element = document.querySelector(selector);
        if (element) marks.firstTop[name] = element.getBoundingClientRect().top + window.scrollY;
      });
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
})();`;
}

async function throttle(context: Context, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: slowProfile.latencyMs,
    downloadThroughput: (slowProfile.downloadKbps * 1000) / 8,
    uploadThroughput: (slowProfile.uploadKbps * 1000) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: slowProfile.cpuSlowdown });
}

const pageScript = `(() => {
  const marks = window.__benchMarks;
  const resources = performance.getEntriesByType("resource");
  const scripts = resources.filter((entry) => /\\.m?js(\\?|$)/.test(entry.name));
  return {
    lcp: marks.lcp,
    lcpElement: marks.lcpElement,
    lcpCandidates: marks.lcpCandidates,
    ready: marks.ready,
    scriptBytes: scripts.reduce((sum, entry) => sum + entry.transferSize, 0),
    scriptFiles: scripts.length,
    cls: marks.cls,
    shifts: marks.shifts,
    moved: Object.fromEntries(
      Object.entries(marks.firstTop).map(([name, top]) => {
        const element = document.querySelector(marks.selectors[name]);
        return [name, element ? Math.round(element.getBoundingClientRect().top + window.scrollY - top) : 0];
      }),
    ),
    requests: resources.filter((entry) => entry.transferSize > 0).length + 1,
    waterfall: resources.map((entry) => ({
      path: new URL(entry.name).pathname + new URL(entry.name).search,
      start: entry.startTime,
      end: entry.responseEnd,
      bytes: entry.transferSize,
    })),
  };
})()`;

/** Waits until every awaited element showed and the page stayed quiet, then reads the marks. */
async function settle(page: Page, selectors: Record<string, string>): Promise<PageTiming> {
  for (const selector of Object.values(selectors)) {
    await page.waitForSelector(selector, { state: "attached", timeout: 120_000 });
  }
  await page.waitForLoadState("networkidle", { timeout: 120_000 }).catch(() => undefined);
  // A last candidate may still be painted after the last request.
  await page.waitForTimeout(1000);
  const timing = (await page.evaluate(pageScript)) as PageTiming;
  for (const name of Object.keys(selectors)) {
    if (!(name in timing.ready)) throw new Error(`${name} was never painted`);
  }
  return timing;
}

export interface PageCase {
  name: string;
  /** Path opened, e.g. "/units/62". */
  path: string;
  /** The session cookie ("name=value"), or none for the login page. */
  cookie?: string | undefined;
  /** The elements that make the page ready, by name; the first is the page's headline. */
  selectors: Record<string, string>;
}

export interface CaseResult {
  cold: PageTiming;
  warm: PageTiming;
}

export interface Viewport {
  width: number;
  height: number;
  mobile: boolean;
}

/**
 * A cold load in a fresh browser context (empty cache, no service worker: the worker's own
 * requests would bypass the page's throttling), then a reload with the cache it filled.
 */
export async function measureCase(
  browser: Browser,
  baseUrl: string,
  pageCase: PageCase,
  viewport: Viewport,
): Promise<CaseResult> {
  const context = await browser.newContext({
    viewport: { width: viewport.width, height: viewport.height },
    isMobile: viewport.mobile,
    hasTouch: viewport.mobile,
    serviceWorkers: "block",
    locale: "vi-VN",
  });
  try {
    if (pageCase.cookie) {
      const [name = "", value = ""] = pageCase.cookie.split(/=(.*)/s);
      await context.addCookies([{ name, value, url: baseUrl }]);
    }
    const page = await context.newPage();
    await page.addInitScript(observerScript(pageCase.selectors));
    await throttle(context, page);
    await page.goto(`${baseUrl}${pageCase.path}`, { waitUntil: "commit", timeout: 120_000 });
    const cold = await settle(page, pageCase.selectors);
    await page.reload({ waitUntil: "commit", timeout: 120_000 });
    const warm = await settle(page, pageCase.selectors);
    return { cold, warm };
  } finally {
    await context.close();
  }
}
