import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  FirstHeadline,
  useFirstHeadline,
  forgetHeadline,
} from "../features/scorecard/first-headline.tsx";
import { QueryClient } from "@tanstack/react-query";
import { fetchScorecard, readSetVersion } from "../features/scorecard/scorecard-api.ts";
import { I18nProvider } from "../lib/i18n/i18n-context.tsx";
import { defaultYear } from "../lib/year-context.tsx";
import { prefetchFirstRoute } from "./route-prefetch.ts";

const scorecardAnswer = {
  unit: { code: "23344", name: "Xã Đắk Blô", path: [{ code: "23344", name: "Xã Đắk Blô" }] },
  set: { id: 7, name: "Bộ tiêu chí xã nông thôn mới 2021–2025" },
  classLabel: null,
  valuesEntered: 40,
  valuesExpected: 45,
  criteriaMet: 12,
  criteriaTotal: 19,
  level: null,
};

let urls: string[];
beforeEach(() => {
  urls = [];
  vi.stubGlobal("window", { location: { pathname: "/units/23344" } });
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => {
      urls.push(url);
      const body = url.includes("/scorecard") ? scorecardAnswer : null;
      return new Response(JSON.stringify(body), { status: 200 });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

function Probe() {
  const headline = useFirstHeadline("/units/23344");
  return headline ? createElement(FirstHeadline, { headline }) : null;
}

const drawn = () => renderToStaticMarkup(createElement(I18nProvider, null, createElement(Probe)));

describe("the first screen of a commune officer's scorecard", () => {
  it("shows Đạt X/19 from the answer the session's first script asked for, which the page then takes", async () => {
    expect(drawn()).toBe("");
    prefetchFirstRoute({ unitCode: "23344", unitLevel: "commune", role: "commune_officer" });
    const scorecardUrl = urls.find((url) => url.includes("/scorecard"));
    expect(scorecardUrl).toBe(`/api/units/23344/scorecard?year=${defaultYear}`);
    // The page's code starts loading too, which takes the CPU for a while in a test run.
    await vi.waitFor(() => expect(drawn()).toContain("Đạt 12/19 tiêu chí"), { timeout: 50_000 });

    // The set version the answer names is asked for before the page's code has arrived.
    await vi.waitFor(() => expect(urls).toContain("/api/catalog/sets/7"));

    // The page's own requests take the same answers: nothing is asked twice.
    await fetchScorecard("23344", defaultYear).catch(() => undefined);
    const client = new QueryClient();
    await readSetVersion(client, 7).catch(() => undefined);
    expect(urls.filter((url) => url === scorecardUrl)).toHaveLength(1);
    expect(urls.filter((url) => url === "/api/catalog/sets/7")).toHaveLength(1);

    // Once the page is drawn the headline is gone, so it never shows aged figures.
    forgetHeadline();
    expect(drawn()).toBe("");
  }, 60_000);
});
