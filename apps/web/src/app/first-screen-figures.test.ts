import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { defaultYear } from "../lib/year-context.tsx";

// Each case loads the modules afresh: the first route is prefetched once per visit.
const summaryAnswer = {
  unit: { code: "62", name: "Tỉnh Kon Tum", level: "province" },
  year: 2024,
  set: { id: 5, code: "KT", name: "Bộ tiêu chí xã nông thôn mới tỉnh Kon Tum", levels: [] },
  communes: 86,
  evaluated: 80,
  averageCriteriaMet: 14.25,
  byLevel: [
    { level: "standard", count: 31 },
    { level: "advanced", count: 4 },
    { level: "none", count: 45 },
  ],
  byCriteriaMet: [],
  below: { threshold: 10, units: [] },
  units: [],
  demo: true,
};
const unitAnswer = {
  code: "62",
  name: "Tỉnh Kon Tum",
  path: [{ code: "62", name: "Tỉnh Kon Tum" }],
};
const dashboardAnswer = {
  unit: { code: "62", name: "Tỉnh Kon Tum", level: "province" },
  year: 2024,
  targets: [
    {
      target: {
        id: 3,
        name: "Tỷ lệ xã đạt chuẩn nông thôn mới",
        unitName: "Tỉnh Kon Tum",
        deadlineYear: 2025,
        source: null,
      },
      progress: {
        status: "atRisk",
        rule: "Đạt 41,2 %, mốc năm 2024 là 50 %",
        year: 2024,
        actual: 41.2,
        target: 60,
        gap: 18.8,
        unit: "%",
        milestone: { year: 2024, value: 50 },
      },
    },
  ],
  fromAbove: [],
};

let urls: string[];
let answers: Record<string, unknown>;
beforeEach(() => {
  vi.resetModules();
  urls = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => {
      urls.push(url);
      const path = url.split("?")[0] ?? "";
      return new Response(JSON.stringify(answers[path] ?? null), { status: 200 });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

async function firstScreen(pathname: string, search = "") {
  vi.stubGlobal("window", { location: { pathname, search } });
  const { prefetchFirstRoute } = await import("./route-prefetch.ts");
  const { useFirstView } = await import("./first-view.tsx");
  const { I18nProvider } = await import("../lib/i18n/i18n-context.tsx");
  const { asOfForYear } = await import("../lib/year-context.tsx");
  const Probe = () => useFirstView(pathname);
  const drawn = () =>
    renderToStaticMarkup(createElement(I18nProvider, null, createElement(Probe)))
      .replace(/<[^>]+>/g, "|")
      .replace(/\|+/g, "|");
  return { prefetchFirstRoute, drawn, asOfForYear };
}

const office = { unitCode: "62", unitLevel: "province", role: "coordination_office" };

describe("the first screen of a province's overview", () => {
  it("shows the figures from the answers the first script asked for, which the page then takes", async () => {
    answers = { "/api/units/62/summary": summaryAnswer, "/api/units/62": unitAnswer };
    const { prefetchFirstRoute, drawn, asOfForYear } = await firstScreen("/units/62");
    answers["/api/units/62/summary"] = { ...summaryAnswer, year: defaultYear };
    expect(drawn()).toBe("");
    prefetchFirstRoute(office);
    const summaryUrl = `/api/units/62/summary?year=${defaultYear}&below=10`;
    const unitUrl = `/api/units/62?asOf=${asOfForYear(defaultYear)}`;
    expect(urls).toEqual([unitUrl, summaryUrl]);
    await vi.waitFor(() => expect(drawn()).toContain("|86|Số xã|"), { timeout: 50_000 });
    const text = drawn();
    expect(text).toContain("|80|Đã đánh giá|14,3|Bình quân tiêu chí/xã|");
    expect(text).toContain("|Đạt chuẩn|31|Nâng cao|4|Chưa đạt chuẩn|45|");
    expect(text).toContain(`|Tỉnh · Năm đánh giá ${defaultYear} · Bộ tiêu chí xã nông thôn mới`);
    expect(text).toContain("|Dữ liệu minh họa|");

    // The page's own requests take the same answers: nothing is asked twice.
    const { fetchSummary } = await import("../features/overview/overview-api.ts");
    const { fetchUnitDetail } = await import("../features/units/units-api.ts");
    await fetchSummary("62", defaultYear, 10).catch(() => undefined);
    await fetchUnitDetail("62", asOfForYear(defaultYear)).catch(() => undefined);
    expect(urls.filter((url) => url === summaryUrl)).toHaveLength(1);
    expect(urls.filter((url) => url === unitUrl)).toHaveLength(1);

    // Once the page is drawn the figures are gone, so they never show aged.
    const { forgetFigures } = await import("../features/overview/first-figures.tsx");
    forgetFigures();
    expect(drawn()).toBe("");
  }, 60_000);

  it("draws nothing when the address names another year than the one asked for", async () => {
    answers = { "/api/units/62/summary": summaryAnswer, "/api/units/62": unitAnswer };
    const { prefetchFirstRoute, drawn } = await firstScreen(
      "/units/62",
      `?year=${defaultYear - 1}`,
    );
    answers["/api/units/62/summary"] = { ...summaryAnswer, year: defaultYear };
    prefetchFirstRoute(office);
    const { fetchSummary } = await import("../features/overview/overview-api.ts");
    await fetchSummary("62", defaultYear, 10).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(drawn()).toBe("");
  }, 60_000);
});

describe("the first screen of a targets dashboard", () => {
  it("shows the targets from the answer the first script asked for, which the page then takes", async () => {
    answers = { "/api/units/62/dashboard": dashboardAnswer };
    const { prefetchFirstRoute, drawn } = await firstScreen("/targets/62");
    prefetchFirstRoute(office);
    const dashboardUrl = `/api/units/62/dashboard?year=${defaultYear}`;
    const mapUrl = `/api/units/62/map?year=${defaultYear}&show=communes`;
    expect(urls).toEqual([dashboardUrl, mapUrl]);
    await vi.waitFor(() => expect(drawn()).toContain("|Mục tiêu và điều hành: Tỉnh Kon Tum|"), {
      timeout: 50_000,
    });
    const text = drawn();
    expect(text).toContain("|Có nguy cơ|Tỷ lệ xã đạt chuẩn nông thôn mới|");
    expect(text).toContain("|Kết quả|41,2 %|Chỉ tiêu|60 %|Mốc năm 2024|50 %|Còn thiếu|18,8 %|");
    expect(text).toContain("|Căn cứ:| Đạt 41,2 %, mốc năm 2024 là 50 %|");

    const { fetchDashboard, fetchMap } = await import("../features/targets/targets-api.ts");
    await fetchDashboard("62", defaultYear).catch(() => undefined);
    await fetchMap("62", defaultYear, "communes").catch(() => undefined);
    expect(urls.filter((url) => url === dashboardUrl)).toHaveLength(1);
    expect(urls.filter((url) => url === mapUrl)).toHaveLength(1);

    const { forgetTargets } = await import("../features/targets/first-targets.tsx");
    forgetTargets();
    expect(drawn()).toBe("");
  }, 60_000);
});
