import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { forgetHeadline, showHeadlineFrom } from "../../features/scorecard/first-headline.tsx";
import { I18nProvider } from "../../lib/i18n/i18n-context.tsx";
import { defaultYear, YearProvider } from "../../lib/year-context.tsx";
import { SessionGate } from "../session-gate.tsx";

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

beforeEach(() => {
  vi.stubGlobal("window", {
    location: { pathname: "/units/23344", search: "" },
    matchMedia: () => ({
      matches: false,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    }),
  });
});
afterEach(() => {
  forgetHeadline();
  vi.unstubAllGlobals();
});

/** The screen while the session's answer is still being checked (its query pending). */
function drawn() {
  const client = new QueryClient();
  return renderToStaticMarkup(
    createElement(
      QueryClientProvider,
      { client },
      createElement(
        I18nProvider,
        null,
        createElement(YearProvider, null, createElement(SessionGate)),
      ),
    ),
  );
}

describe("the first screen while the session is checked", () => {
  it("draws the scorecard's headline in the application's frame as soon as its answer is there", async () => {
    expect(drawn()).not.toContain("Đạt 12/19");
    showHeadlineFrom(Promise.resolve(scorecardAnswer), "/units/23344", defaultYear);
    await vi.waitFor(() => expect(drawn()).toContain("Đạt 12/19 tiêu chí"));
    const page = drawn();
    // The header and the section bar in the boxes the application draws them in.
    expect(page).toContain('class="app-header"');
    expect(page).toContain("section-nav");
    expect(page).toContain("Chọn đơn vị");
  });
});
